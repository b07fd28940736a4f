import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection, type Command } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { importPlainText } from '../plain-text-import.ts'
import { numberDocument } from '../numbering.ts'
import { legalSchema } from '../schema.ts'
import { indentUnit, outdentUnit } from './point-levels.ts'

const ACT = `ZAKON O PROBI

Član 1.
(Pojmovi)
Pojedini izrazi imaju sljedeće značenje:
a) prva tačka,
b) druga tačka,
c) treća tačka.
`

function stateAt(doc: Node, needle: string, offset = 0): EditorState {
  let pos = -1
  doc.descendants((node, p) => {
    if (pos < 0 && node.isText && node.text!.includes(needle)) pos = p + node.text!.indexOf(needle) + offset
    return pos < 0
  })
  if (pos < 0) throw new Error(`no text ${needle}`)
  const state = EditorState.create({ doc })
  return state.apply(state.tr.setSelection(TextSelection.create(doc, pos)))
}

function run(state: EditorState, command: Command): EditorState {
  let next = state
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true)
  next.doc.check()
  return next
}

/** The units of a document in order, as "type:text" with the text of their first block. */
function outline(doc: Node): string[] {
  const out: string[] = []
  doc.descendants((n) => {
    if (['point', 'subpoint', 'indent'].includes(n.type.name)) out.push(`${n.type.name}:${n.firstChild!.textContent}`)
    return true
  })
  return out
}

function idsOf(doc: Node): string[] {
  const out: string[] = []
  doc.descendants((n) => {
    if (typeof n.attrs.id === 'string') out.push(n.attrs.id)
    return true
  })
  return out
}

function idOf(doc: Node, text: string): string {
  let id = ''
  doc.descendants((n) => {
    if (!id && n.attrs.id && n.firstChild?.textContent === text) id = n.attrs.id as string
    return !id
  })
  return id
}

/** A paragraph with points a) b) and an indent after them, built by hand. */
function withIndent(): Node {
  const { doc, title, article, paragraph, point, indent, text_block } = legalSchema.nodes
  const block = (text: string) => text_block!.create(null, legalSchema.text(text))
  return doc!.create(null, [
    title!.create(null, legalSchema.text('ZAKON')),
    article!.create({ id: 'art1' }, [
      paragraph!.create({ id: 'par1' }, [
        block('Uvod:'),
        point!.create({ id: 'pa' }, block('prva')),
        point!.create({ id: 'pb' }, block('druga')),
        indent!.create({ id: 'ind' }, block('alineja')),
      ]),
    ]),
  ])
}

describe('indentUnit', () => {
  it('makes a point a sub-point of the point before it, keeping its id, and renumbers the rest', () => {
    const doc = importPlainText(ACT)
    const ids = idsOf(doc)
    const b = idOf(doc, 'druga tačka,')
    const c = idOf(doc, 'treća tačka.')
    const next = run(stateAt(doc, 'druga', 3), indentUnit)
    expect(outline(next.doc)).toEqual(['point:prva tačka,', 'subpoint:druga tačka,', 'point:treća tačka.'])
    expect(idsOf(next.doc).sort()).toEqual([...ids].sort())
    const numbers = numberDocument(next.doc)
    expect(numbers.get(b)).toBe('1') // "1." under a)
    expect(numbers.get(c)).toBe('2') // c) became b)
    expect(next.selection.$from.parent.textContent).toBe('druga tačka,')
    expect(next.selection.$from.parentOffset).toBe(3)
  })

  it('refuses to indent the first point of a paragraph', () => {
    expect(indentUnit(stateAt(importPlainText(ACT), 'prva'))).toBe(false)
  })

  it('refuses to indent a sub-point further', () => {
    const once = run(stateAt(importPlainText(ACT), 'druga'), indentUnit)
    expect(indentUnit(once)).toBe(false)
  })

  it('refuses outside points and indents', () => {
    expect(indentUnit(stateAt(importPlainText(ACT), 'Pojedini'))).toBe(false)
  })

  it('takes the sub-points of an indented point along as sub-points of the point before', () => {
    let state = run(stateAt(importPlainText(ACT), 'treća'), indentUnit) // c) under b)
    state = run(stateAt(state.doc, 'druga'), indentUnit) // b) under a), its sub-point with it
    expect(outline(state.doc)).toEqual(['point:prva tačka,', 'subpoint:druga tačka,', 'subpoint:treća tačka.'])
    expect(new Set(idsOf(state.doc)).size).toBe(idsOf(state.doc).length)
  })

  it('moves an indent into the point before it', () => {
    const next = run(stateAt(withIndent(), 'alineja', 2), indentUnit)
    const pb = next.doc.child(1).child(0).child(2)
    expect(pb.attrs.id).toBe('pb')
    expect(pb.lastChild!.type.name).toBe('indent')
    expect(pb.lastChild!.attrs.id).toBe('ind')
    expect(next.selection.$from.parent.textContent).toBe('alineja')
  })
})

describe('outdentUnit', () => {
  it('undoes an indent: the sub-point becomes the same point again', () => {
    const doc = importPlainText(ACT)
    const indented = run(stateAt(doc, 'druga', 2), indentUnit)
    const back = run(indented, outdentUnit)
    expect(back.doc.eq(doc)).toBe(true)
    expect(back.selection.from).toBe(stateAt(doc, 'druga', 2).selection.from)
  })

  it('takes the sub-points after it along as its own sub-points', () => {
    let state = run(stateAt(importPlainText(ACT), 'druga'), indentUnit)
    state = run(stateAt(state.doc, 'treća'), indentUnit) // a) 1. 2.
    state = run(stateAt(state.doc, 'druga'), outdentUnit) // a) b) 1.
    expect(outline(state.doc)).toEqual(['point:prva tačka,', 'point:druga tačka,', 'subpoint:treća tačka.'])
  })

  it('moves the last indent of a point out to its paragraph, and refuses a point or a paragraph indent', () => {
    const doc = withIndent()
    const inside = run(stateAt(doc, 'alineja'), indentUnit)
    const out = run(inside, outdentUnit)
    expect(out.doc.eq(doc)).toBe(true)
    expect(outdentUnit(out)).toBe(false)
    expect(outdentUnit(stateAt(doc, 'druga'))).toBe(false)
  })
})
