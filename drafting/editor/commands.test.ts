import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { importPlainText } from '../plain-text-import.ts'
import { numberDocument } from '../numbering.ts'
import { insertArticleAfter, makePoint, moveArticle, splitParagraph } from './commands.ts'
import { fixNodeIds, nodeIdsPlugin } from './node-ids.ts'

const ACT = `ZAKON O PROBI

DIO PRVI – OSNOVNE ODREDBE

Član 1.
(Predmet)
(1) Prvi stav prvog člana.
(2) Drugi stav prvog člana.

Član 2.
(Ciljevi)
Jedini stav drugog člana.

Član 3.
(Stupanje na snagu)
Ovaj zakon stupa na snagu osmog dana.
`

/** A state with the cursor inside the text that contains `needle`, `offset` characters in. */
function stateAt(doc: Node, needle: string, offset = 0): EditorState {
  let pos = -1
  doc.descendants((node, p) => {
    if (pos < 0 && node.isText && node.text!.includes(needle)) pos = p + node.text!.indexOf(needle) + offset
    return pos < 0
  })
  if (pos < 0) throw new Error(`no text ${needle}`)
  const state = EditorState.create({ doc, plugins: [nodeIdsPlugin()] })
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)))
}

function run(state: EditorState, command: (s: EditorState, d?: (tr: import('prosemirror-state').Transaction) => void) => boolean): EditorState {
  let next = state
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true)
  return next
}

const articleHeadings = (doc: Node) => {
  const out: string[] = []
  doc.descendants((n) => {
    if (n.type.name === 'article') out.push(n.firstChild?.textContent ?? '')
    return n.type.name !== 'article'
  })
  return out
}

const articleIds = (doc: Node) => {
  const out: string[] = []
  doc.descendants((n) => {
    if (n.type.name === 'article') out.push(n.attrs.id as string)
    return n.type.name !== 'article'
  })
  return out
}

describe('insertArticleAfter', () => {
  it('adds an empty article after the current one, renumbering the ones after it and keeping their ids', () => {
    const doc = importPlainText(ACT)
    const before = articleIds(doc)
    const state = run(stateAt(doc, 'Jedini stav'), insertArticleAfter)
    const after = articleIds(state.doc)
    expect(after).toHaveLength(4)
    expect([after[0], after[1], after[3]]).toEqual(before)
    const numbers = numberDocument(state.doc)
    expect(numbers.get(before[2]!)).toBe('4')
    expect(state.selection.$from.parent.type.name).toBe('article_heading')
  })
})

describe('moveArticle', () => {
  it('moves an article down and up without changing any id', () => {
    const doc = importPlainText(ACT)
    const ids = articleIds(doc)
    const down = run(stateAt(doc, 'Prvi stav'), moveArticle(1))
    expect(articleHeadings(down.doc)).toEqual(['Ciljevi', 'Predmet', 'Stupanje na snagu'])
    expect(new Set(articleIds(down.doc))).toEqual(new Set(ids))
    const up = run(down, moveArticle(-1))
    expect(articleHeadings(up.doc)).toEqual(['Predmet', 'Ciljevi', 'Stupanje na snagu'])
  })

  it('refuses to move the first article up', () => {
    const state = stateAt(importPlainText(ACT), 'Prvi stav')
    expect(moveArticle(-1)(state)).toBe(false)
  })
})

describe('splitParagraph', () => {
  it('splits a paragraph in two and gives the new one its own id', () => {
    const doc = importPlainText(ACT)
    const state = run(stateAt(doc, 'Drugi stav prvog člana.', 'Drugi stav'.length), splitParagraph)
    const article = state.doc.child(1).child(1)
    const paragraphs: Node[] = []
    article.forEach((n) => n.type.name === 'paragraph' && paragraphs.push(n))
    expect(paragraphs.map((p) => p.textContent)).toEqual(['Prvi stav prvog člana.', 'Drugi stav', ' prvog člana.'])
    expect(new Set(paragraphs.map((p) => p.attrs.id)).size).toBe(3)
  })
})

describe('makePoint', () => {
  it('turns a later text block of a paragraph into a point', () => {
    const doc = importPlainText(`ZAKON\n\nČlan 1.\n(Test)\nUvod:\na) prva\n`)
    // Add a second text block to the paragraph, then make it a point.
    let state = stateAt(doc, 'prva', 4)
    state = state.apply(state.tr.split(state.selection.from, 2))
    expect(makePoint(state)).toBe(false) // inside a point already
    const paragraphStart = (() => {
      let p = -1
      state.doc.descendants((n, pos) => {
        if (p < 0 && n.type.name === 'paragraph') p = pos
        return p < 0
      })
      return p
    })()
    const withBlock = state.apply(state.tr.insert(paragraphStart + state.doc.nodeAt(paragraphStart)!.nodeSize - 1, state.schema.nodes.text_block!.create(null, state.schema.text('druga'))))
    const ready = stateAt(withBlock.doc, 'druga', 1)
    const next = run(ready, makePoint)
    const points: string[] = []
    next.doc.descendants((n) => {
      if (n.type.name === 'point') points.push(n.textContent)
      return true
    })
    expect(points).toContain('druga')
  })
})

describe('fixNodeIds', () => {
  it('gives a duplicated id to the second unit only', () => {
    const doc = importPlainText(ACT)
    const json = doc.toJSON() as { content: { content?: { attrs?: { id: string } }[] }[] }
    const [first, second] = [json.content[1]!.content![1]!, json.content[1]!.content![2]!]
    second.attrs!.id = first.attrs!.id
    const state = EditorState.create({ doc: doc.type.schema.nodeFromJSON(json) })
    const tr = fixNodeIds(state)
    expect(tr).not.toBeNull()
    const ids = articleIds(tr!.doc)
    expect(ids[0]).toBe(first.attrs!.id)
    expect(ids[1]).not.toBe(first.attrs!.id)
    expect(fixNodeIds(state.apply(tr!))).toBeNull()
  })
})
