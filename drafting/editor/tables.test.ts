import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection, type Transaction } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { importPlainText } from '../plain-text-import.ts'
import { numberDocument } from '../numbering.ts'
import { parseDocument } from '../document.ts'
import { nodeIdsPlugin } from './node-ids.ts'
import { indentUnit } from './point-levels.ts'
import { chainCommands } from 'prosemirror-commands'
import {
  addColumnAfter, addRowAfter, fixTableGrids, goToCell, tableGridPlugin, insertAnnex, insertTable, removeAnnex, removeColumn, removeRow, removeTable, toggleHeaderRow,
} from './tables.ts'

const ACT = `ZAKON O PROBI

Član 1.
(Predmet)
(1) Prvi stav prvog člana.
(2) Drugi stav:
a) prva tačka,
b) druga tačka.

Član 2.
(Stupanje na snagu)
Ovaj zakon stupa na snagu osmog dana.
`

type Cmd = (s: EditorState, d?: (tr: Transaction) => void) => boolean

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

function run(state: EditorState, command: Cmd): EditorState {
  let next = state
  expect(command(state, (tr) => (next = state.apply(tr)))).toBe(true)
  return next
}

function type(state: EditorState, text: string): EditorState {
  return state.apply(state.tr.insertText(text))
}

/** The tables of a document as grids of cell texts. */
function grids(doc: Node): string[][][] {
  const out: string[][][] = []
  doc.descendants((n) => {
    if (n.type.name !== 'table') return true
    const rows: string[][] = []
    n.forEach((r) => {
      const cells: string[] = []
      r.forEach((c) => cells.push(c.textContent))
      rows.push(cells)
    })
    out.push(rows)
    return false
  })
  return out
}

const valid = (state: EditorState) => expect(parseDocument(state.doc.toJSON()).ok).toBe(true)

describe('insertTable', () => {
  it('inserts a 3 × 2 table with a header row after the paragraph text and puts the cursor in its first cell', () => {
    const state = run(stateAt(importPlainText(ACT), 'Prvi stav'), insertTable())
    expect(grids(state.doc)).toEqual([[['', ''], ['', ''], ['', '']]])
    expect(state.selection.$from.node(-1).type.name).toBe('table_cell')
    const table = state.selection.$from.node(-3)
    expect(table.child(0).attrs.header).toBe(true)
    expect(table.child(1).attrs.header).toBe(false)
    // The table stands inside the first paragraph, after its text.
    expect(state.selection.$from.node(-4).type.name).toBe('paragraph')
    valid(state)
  })

  it('inserts a table inside a point, and refuses one inside a table', () => {
    const state = run(stateAt(importPlainText(ACT), 'prva tačka'), insertTable(2, 3))
    expect(state.selection.$from.node(-4).type.name).toBe('point')
    expect(grids(state.doc)[0]).toEqual([['', '', ''], ['', '', '']])
    expect(insertTable()(state)).toBe(false)
    valid(state)
  })

  it('refuses a table in the title or an article heading', () => {
    expect(insertTable()(stateAt(importPlainText(ACT), 'ZAKON'))).toBe(false)
    expect(insertTable()(stateAt(importPlainText(ACT), 'Predmet'))).toBe(false)
  })
})

describe('table editing', () => {
  const withTable = () => run(stateAt(importPlainText(ACT), 'Prvi stav'), insertTable())

  it('Tab moves to the next cell, row by row, and adds a row after the last cell; Shift-Tab goes back', () => {
    let state = type(withTable(), 'Naziv')
    state = type(run(state, goToCell(1)), 'Iznos')
    state = type(run(state, goToCell(1)), 'Pomoć')
    state = type(run(state, goToCell(1)), '100 KM')
    state = run(run(state, goToCell(1)), goToCell(1)) // through the last row's two cells
    state = type(run(state, goToCell(1)), 'novi red')
    expect(grids(state.doc)[0]).toEqual([['Naziv', 'Iznos'], ['Pomoć', '100 KM'], ['', ''], ['novi red', '']])
    state = type(run(state, goToCell(-1)), '!')
    expect(grids(state.doc)[0]![2]).toEqual(['', '!'])
    valid(state)
  })

  it('Tab in a cell moves between cells even inside a point, where Tab otherwise indents', () => {
    let state = run(stateAt(importPlainText(ACT), 'druga tačka'), insertTable())
    const tab = chainCommands(goToCell(1), indentUnit)
    state = type(run(state, tab), 'B')
    expect(grids(state.doc)[0]![0]).toEqual(['', 'B'])
    // The point was not indented into a sub-point.
    let subpoints = 0
    state.doc.descendants((n) => void (n.type.name === 'subpoint' && subpoints++))
    expect(subpoints).toBe(0)
  })

  it('adds and removes rows and columns, keeping the table a grid', () => {
    let state = type(withTable(), 'A')
    state = type(run(state, addColumnAfter), 'B')
    expect(grids(state.doc)[0]).toEqual([['A', 'B', ''], ['', '', ''], ['', '', '']])
    state = type(run(state, addRowAfter), 'C')
    expect(grids(state.doc)[0]).toEqual([['A', 'B', ''], ['C', '', ''], ['', '', ''], ['', '', '']])
    state = run(state, removeRow)
    expect(grids(state.doc)[0]).toEqual([['A', 'B', ''], ['', '', ''], ['', '', '']])
    state = run(run(state, goToCell(-1)), removeColumn) // back into the header row's last cell
    expect(grids(state.doc)[0]).toEqual([['A', 'B'], ['', ''], ['', '']])
    valid(state)
  })

  it('refuses to remove the only row or column, and outside a table', () => {
    let state = run(stateAt(importPlainText(ACT), 'Prvi stav'), insertTable(1, 1))
    expect(removeRow(state)).toBe(false)
    expect(removeColumn(state)).toBe(false)
    const outside = stateAt(importPlainText(ACT), 'Prvi stav')
    for (const command of [addRowAfter, removeRow, addColumnAfter, removeColumn, removeTable, toggleHeaderRow, goToCell(1)]) expect(command(outside)).toBe(false)
    state = run(state, removeTable)
    expect(grids(state.doc)).toEqual([])
    valid(state)
  })

  it('turns a row into a header row and back', () => {
    let state = run(withTable(), goToCell(1))
    state = run(run(state, goToCell(1)), toggleHeaderRow)
    const table = state.selection.$from.node(-3)
    expect(table.child(1).attrs.header).toBe(true)
    state = run(state, toggleHeaderRow)
    expect(state.selection.$from.node(-3).child(1).attrs.header).toBe(false)
  })
})

describe('annexes', () => {
  it('inserts numbered annexes after the last article, before the memorandum, with fresh ids', () => {
    let state = run(stateAt(importPlainText(ACT), 'Prvi stav'), insertAnnex)
    expect(state.selection.$from.parent.type.name).toBe('heading')
    state = type(state, 'Obrazac zahtjeva')
    state = run(state, insertAnnex)
    state = type(state, 'Tabela iznosa')
    const annexes: Node[] = []
    state.doc.forEach((n) => void (n.type.name === 'annex' && annexes.push(n)))
    expect(annexes.map((a) => a.firstChild!.textContent)).toEqual(['Obrazac zahtjeva', 'Tabela iznosa'])
    const numbers = numberDocument(state.doc)
    expect(annexes.map((a) => numbers.get(a.attrs.id as string))).toEqual(['1', '2'])
    expect(state.doc.lastChild!.type.name).toBe('annex')
    valid(state)
  })

  it('puts a new annex before the memorandum, and takes a table', () => {
    const doc = importPlainText(`${ACT}\nOBRAZLOŽENJE\n\nI. USTAVNI OSNOV\nTekst obrazloženja.\n`)
    let state = run(stateAt(doc, 'Prvi stav'), insertAnnex)
    state = run(state, (s, d) => {
      // Into the annex's text block, then a table there.
      const pos = s.selection.$from.after() + 1
      d?.(s.tr.setSelection(TextSelection.create(s.doc, pos)))
      return true
    })
    state = type(run(state, insertTable()), 'Kolona')
    const names: string[] = []
    state.doc.forEach((n) => void names.push(n.type.name))
    expect(names.slice(-2)).toEqual(['annex', 'memorandum'])
    expect(grids(state.doc)[0]![0]).toEqual(['Kolona', ''])
    valid(state)
    state = run(state, removeAnnex)
    expect(state.doc.lastChild!.type.name).toBe('memorandum')
    valid(state)
  })
})

describe('tableGridPlugin', () => {
  it('pads the short rows of a table that is not a grid (a pasted one), and leaves grids alone', () => {
    const doc = importPlainText(ACT)
    const json = doc.toJSON() as { content: { type: string; content?: { type: string; content?: unknown[] }[] }[] }
    const cell = (t: string) => ({ type: 'table_cell', content: [{ type: 'text_block', content: t ? [{ type: 'text', text: t }] : [] }] })
    const paragraph = json.content[1]!.content!.find((c) => c.type === 'paragraph')!
    paragraph.content!.push({ type: 'table', attrs: { id: 'tx' }, content: [{ type: 'table_row', content: [cell('A'), cell('B'), cell('C')] }, { type: 'table_row', content: [cell('D')] }] })
    const ragged = doc.type.schema.nodeFromJSON(json)
    expect(parseDocument(ragged.toJSON()).ok).toBe(false)
    let state = EditorState.create({ doc: ragged, plugins: [tableGridPlugin()] })
    state = state.apply(state.tr.insertText('x', 1))
    expect(grids(state.doc)[0]).toEqual([['A', 'B', 'C'], ['D', '', '']])
    expect(parseDocument(state.doc.toJSON()).ok).toBe(true)
    expect(fixTableGrids(state)).toBeNull()
  })
})
