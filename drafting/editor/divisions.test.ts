import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection, type Command } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { importPlainText } from '../plain-text-import.ts'
import { numberDocument } from '../numbering.ts'
import { insertDivision, removeDivision } from './divisions.ts'

const FLAT = `ZAKON O PROBI

Član 1.
(Prvi)
Tekst prvog.

Član 2.
(Drugi)
Tekst drugog.

Član 3.
(Treći)
Tekst trećeg.
`

const PARTS = `ZAKON O PROBI

DIO PRVI – OSNOVNE ODREDBE

POGLAVLJE I. PREDMET

Član 1.
(Prvi)
Tekst prvog.

Član 2.
(Drugi)
Tekst drugog.

Član 3.
(Treći)
Tekst trećeg.

POGLAVLJE II. PRAVA

Član 4.
(Četvrti)
Tekst četvrtog.

DIO DRUGI – ZAVRŠNE ODREDBE

Član 5.
(Peti)
Tekst petog.
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

/** The structure as lines: "part 1: HEADING", "  chapter 2: HEADING", "    article 3: Heading". */
function structure(doc: Node): string[] {
  const numbers = numberDocument(doc)
  const out: string[] = []
  const walk = (node: Node, indent: string) => {
    node.forEach((child) => {
      if (['part', 'chapter', 'section', 'article'].includes(child.type.name)) {
        out.push(`${indent}${child.type.name} ${numbers.get(child.attrs.id as string)}: ${child.firstChild!.textContent}`)
        if (child.type.name !== 'article') walk(child, `${indent}  `)
      }
    })
  }
  walk(doc, '')
  return out
}

function ids(doc: Node): string[] {
  const out: string[] = []
  doc.descendants((n) => {
    if (typeof n.attrs.id === 'string') out.push(n.attrs.id)
    return true
  })
  return out
}

describe('insertDivision', () => {
  it('starts a chapter at an article of an act without chapters, with the cursor in its empty heading', () => {
    const doc = importPlainText(FLAT)
    const next = run(stateAt(doc, 'Tekst drugog'), insertDivision('chapter'))
    expect(structure(next.doc)).toEqual(['article 1: Prvi', 'chapter 1: ', '  article 2: Drugi', '  article 3: Treći'])
    expect(next.selection.$from.parent.type.name).toBe('heading')
    expect(ids(next.doc).filter((id) => !ids(doc).includes(id))).toHaveLength(1)
    expect(new Set(ids(next.doc)).size).toBe(ids(next.doc).length)
  })

  it('splits a chapter at an article, renumbering the chapters after it', () => {
    const next = run(stateAt(importPlainText(PARTS), 'Tekst trećeg'), insertDivision('chapter'))
    expect(structure(next.doc)).toEqual([
      'part 1: OSNOVNE ODREDBE',
      '  chapter 1: PREDMET',
      '    article 1: Prvi',
      '    article 2: Drugi',
      '  chapter 2: ',
      '    article 3: Treći',
      '  chapter 3: PRAVA',
      '    article 4: Četvrti',
      'part 2: ZAVRŠNE ODREDBE',
      '  article 5: Peti',
    ])
  })

  it('starts a part at an article inside a chapter, taking the rest of the part with it', () => {
    const next = run(stateAt(importPlainText(PARTS), 'Tekst drugog'), insertDivision('part'))
    expect(structure(next.doc)).toEqual([
      'part 1: OSNOVNE ODREDBE',
      '  chapter 1: PREDMET',
      '    article 1: Prvi',
      'part 2: ',
      '  article 2: Drugi',
      '  article 3: Treći',
      '  chapter 1: PRAVA',
      '    article 4: Četvrti',
      'part 3: ZAVRŠNE ODREDBE',
      '  article 5: Peti',
    ])
  })

  it('moves a whole chapter into a new part when its first article starts the part', () => {
    const next = run(stateAt(importPlainText(PARTS), 'Tekst četvrtog'), insertDivision('part'))
    expect(structure(next.doc).slice(4)).toEqual(['    article 3: Treći', 'part 2: ', '  chapter 1: PRAVA', '    article 4: Četvrti', 'part 3: ZAVRŠNE ODREDBE', '  article 5: Peti'])
  })

  it('starts a section inside a chapter', () => {
    const next = run(stateAt(importPlainText(PARTS), 'Tekst drugog'), insertDivision('section'))
    expect(structure(next.doc).slice(1, 6)).toEqual(['  chapter 1: PREDMET', '    article 1: Prvi', '    section 1: ', '      article 2: Drugi', '      article 3: Treći'])
  })

  it('refuses a chapter at the first article of a chapter, which would leave it empty', () => {
    expect(insertDivision('chapter')(stateAt(importPlainText(PARTS), 'Tekst prvog'))).toBe(false)
    expect(insertDivision('chapter')(stateAt(importPlainText(PARTS), 'Tekst četvrtog'))).toBe(false)
  })

  it('refuses a section outside a chapter and a division outside an article', () => {
    expect(insertDivision('section')(stateAt(importPlainText(FLAT), 'Tekst drugog'))).toBe(false)
    expect(insertDivision('chapter')(stateAt(importPlainText(FLAT), 'ZAKON'))).toBe(false)
  })
})

describe('removeDivision', () => {
  it('removes the chapter around the cursor and keeps its articles, renumbering the chapters after it', () => {
    const doc = importPlainText(PARTS)
    const next = run(stateAt(doc, 'Tekst drugog'), removeDivision())
    expect(structure(next.doc).slice(0, 6)).toEqual(['part 1: OSNOVNE ODREDBE', '  article 1: Prvi', '  article 2: Drugi', '  article 3: Treći', '  chapter 1: PRAVA', '    article 4: Četvrti'])
    expect(next.selection.$from.parent.textContent).toBe('Tekst drugog.')
    const removed = ids(doc).filter((id) => !ids(next.doc).includes(id))
    expect(removed).toHaveLength(1)
  })

  it('removes a part of a given type, keeping its chapters', () => {
    const next = run(stateAt(importPlainText(PARTS), 'Tekst drugog'), removeDivision('part'))
    expect(structure(next.doc).slice(0, 2)).toEqual(['chapter 1: PREDMET', '  article 1: Prvi'])
  })

  it('gives back the act a chapter was inserted into when that chapter is removed', () => {
    const doc = importPlainText(FLAT)
    const inserted = run(stateAt(doc, 'Tekst drugog'), insertDivision('chapter'))
    const removed = run(inserted, removeDivision())
    expect(removed.doc.eq(doc)).toBe(true)
  })

  it('unwraps the sections of a chapter removed from a part', () => {
    let state = run(stateAt(importPlainText(PARTS), 'Tekst drugog'), insertDivision('section'))
    state = run(stateAt(state.doc, 'Tekst prvog'), removeDivision('chapter'))
    expect(structure(state.doc).slice(0, 4)).toEqual(['part 1: OSNOVNE ODREDBE', '  article 1: Prvi', '  article 2: Drugi', '  article 3: Treći'])
  })

  it('refuses outside a division', () => {
    expect(removeDivision()(stateAt(importPlainText(FLAT), 'Tekst drugog'))).toBe(false)
  })
})
