import { Plugin, TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state'
import { Fragment, type Node, type NodeType, type ResolvedPos } from 'prosemirror-model'
import { legalSchema } from '../schema.ts'
import { newNodeId } from '../node-id.ts'

// Tables and annexes in the legal editor: plain ProseMirror commands over the schema's
// table, table_row and table_cell nodes (see docs/decisions/0026-tables-and-annexes.md).
// A table is always a grid: every command keeps each row as wide as the others.

function nodeType(name: string): NodeType {
  const type = legalSchema.nodes[name]
  if (!type) throw new RangeError(`The legal schema has no ${name} node`)
  return type
}
const table = nodeType('table')
const table_row = nodeType('table_row')
const table_cell = nodeType('table_cell')
const text_block = nodeType('text_block')
const annex = nodeType('annex')
const heading = nodeType('heading')

/** The units a table may stand in: after any of their blocks. */
const TABLE_CONTAINERS = new Set(['paragraph', 'point', 'annex'])

function depthOf($pos: ResolvedPos, type: string): number {
  for (let d = $pos.depth; d >= 0; d--) if ($pos.node(d).type.name === type) return d
  return -1
}

function emptyCell(): Node {
  return table_cell.create(null, text_block.create())
}

function row(cells: number, header = false): Node {
  return table_row.create({ header }, Array.from({ length: cells }, emptyCell))
}

/** A new empty table of `rows` rows (the first one its header row) and `columns` columns. */
export function emptyTable(rows: number, columns: number): Node {
  if (rows < 1 || columns < 1) throw new RangeError('A table has at least one row and one column')
  return table.create({ id: newNodeId() }, Array.from({ length: rows }, (_, i) => row(columns, i === 0)))
}

/** The position inside the first text block of cell (`row`, `column`) of the table starting at `tablePos`. */
export function cellTextPos(doc: Node, tablePos: number, rowIndex: number, columnIndex: number): number {
  const tableNode = doc.nodeAt(tablePos)
  if (!tableNode || tableNode.type !== table) throw new RangeError(`No table at ${tablePos}`)
  let pos = tablePos + 1
  for (let r = 0; r < rowIndex; r++) pos += tableNode.child(r).nodeSize
  const rowNode = tableNode.child(rowIndex)
  pos += 1
  for (let c = 0; c < columnIndex; c++) pos += rowNode.child(c).nodeSize
  return pos + 2 // into the cell, into its first text block
}

/**
 * Inserts a table of `rows` × `columns` (first row the header) after the block holding
 * the cursor, in its paragraph, point or annex, and puts the cursor in the first cell.
 * Refused inside a table (no nested tables) and outside such units.
 */
export function insertTable(rows = 3, columns = 2): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from
    if (depthOf($from, 'table') >= 0) return false
    for (let d = $from.depth - 1; d >= 0; d--) {
      const container = $from.node(d)
      if (!TABLE_CONTAINERS.has(container.type.name)) continue
      const index = $from.index(d) + 1
      if (!container.canReplaceWith(index, index, table)) return false
      if (dispatch) {
        const at = $from.after(d + 1)
        const tr = state.tr.insert(at, emptyTable(rows, columns))
        tr.setSelection(TextSelection.create(tr.doc, cellTextPos(tr.doc, at, 0, 0)))
        dispatch(tr.scrollIntoView())
      }
      return true
    }
    return false
  }
}

/** Where the cursor is in a table: the table's depth and position, and the row and column. */
interface CellPlace {
  tableDepth: number
  tablePos: number
  table: Node
  row: number
  column: number
}

function cellPlace(state: EditorState): CellPlace | null {
  const $from = state.selection.$from
  const cell = depthOf($from, 'table_cell')
  if (cell < 0) return null
  const tableDepth = cell - 2
  return { tableDepth, tablePos: $from.before(tableDepth), table: $from.node(tableDepth), row: $from.index(tableDepth), column: $from.index(cell - 1) }
}

/** Replaces the table at `place` by `rows` and puts the cursor in cell (`row`, `column`). */
function replaceTable(state: EditorState, place: CellPlace, rows: Node[], rowIndex: number, columnIndex: number): Transaction {
  const replaced = place.table.copy(Fragment.fromArray(rows))
  const tr = state.tr.replaceWith(place.tablePos, place.tablePos + place.table.nodeSize, replaced)
  tr.setSelection(TextSelection.create(tr.doc, cellTextPos(tr.doc, place.tablePos, rowIndex, columnIndex)))
  return tr.scrollIntoView()
}

function rowsOf(tableNode: Node): Node[] {
  const out: Node[] = []
  tableNode.forEach((r) => out.push(r))
  return out
}

function cellsOf(rowNode: Node): Node[] {
  const out: Node[] = []
  rowNode.forEach((c) => out.push(c))
  return out
}

/** Adds an empty row after the row holding the cursor (never a header row) and moves into its first cell. */
export const addRowAfter: Command = (state, dispatch) => {
  const place = cellPlace(state)
  if (!place) return false
  if (dispatch) {
    const rows = rowsOf(place.table)
    rows.splice(place.row + 1, 0, row(rows[place.row]!.childCount))
    dispatch(replaceTable(state, place, rows, place.row + 1, 0))
  }
  return true
}

/** Removes the row holding the cursor; refused for a table's only row (remove the table instead). */
export const removeRow: Command = (state, dispatch) => {
  const place = cellPlace(state)
  if (!place || place.table.childCount < 2) return false
  if (dispatch) {
    const rows = rowsOf(place.table)
    rows.splice(place.row, 1)
    dispatch(replaceTable(state, place, rows, Math.min(place.row, rows.length - 1), place.column))
  }
  return true
}

/** Adds an empty column after the column holding the cursor, in every row, and moves into it. */
export const addColumnAfter: Command = (state, dispatch) => {
  const place = cellPlace(state)
  if (!place) return false
  if (dispatch) {
    const rows = rowsOf(place.table).map((r) => {
      const cells = cellsOf(r)
      cells.splice(place.column + 1, 0, emptyCell())
      return r.copy(Fragment.fromArray(cells))
    })
    dispatch(replaceTable(state, place, rows, place.row, place.column + 1))
  }
  return true
}

/** Removes the column holding the cursor from every row; refused for a table's only column. */
export const removeColumn: Command = (state, dispatch) => {
  const place = cellPlace(state)
  if (!place || place.table.child(place.row).childCount < 2) return false
  if (dispatch) {
    const rows = rowsOf(place.table).map((r) => {
      const cells = cellsOf(r)
      cells.splice(place.column, 1)
      return r.copy(Fragment.fromArray(cells))
    })
    dispatch(replaceTable(state, place, rows, place.row, Math.min(place.column, rows[0]!.childCount - 1)))
  }
  return true
}

/** Makes the row holding the cursor a header row, or a plain row again. */
export const toggleHeaderRow: Command = (state, dispatch) => {
  const place = cellPlace(state)
  if (!place) return false
  if (dispatch) {
    const rowPos = state.selection.$from.before(place.tableDepth + 1)
    dispatch(state.tr.setNodeAttribute(rowPos, 'header', !place.table.child(place.row).attrs.header))
  }
  return true
}

/** Removes the table holding the cursor, and puts the cursor at the end of the block before it. */
export const removeTable: Command = (state, dispatch) => {
  const place = cellPlace(state)
  if (!place) return false
  if (dispatch) {
    const tr = state.tr.delete(place.tablePos, place.tablePos + place.table.nodeSize)
    tr.setSelection(TextSelection.near(tr.doc.resolve(Math.max(0, place.tablePos - 1)), -1))
    dispatch(tr.scrollIntoView())
  }
  return true
}

/**
 * Tab and Shift-Tab inside a table: the cursor goes to the next (1) or previous (-1) cell,
 * row by row. Tab in the last cell adds a row; Shift-Tab in the first cell stays. Outside
 * a table it does nothing, so Tab keeps indenting points there.
 */
export function goToCell(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const place = cellPlace(state)
    if (!place) return false
    const columns = place.table.child(place.row).childCount
    let r = place.row
    let c = place.column + direction
    if (c >= columns) {
      r += 1
      c = 0
    } else if (c < 0) {
      r -= 1
      c = columns - 1
    }
    if (r < 0) return true // the first cell: stay
    if (r >= place.table.childCount) return addRowAfter(state, dispatch)
    if (dispatch) {
      const pos = cellTextPos(state.doc, place.tablePos, r, c)
      const block = state.doc.resolve(pos).parent
      dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos + block.content.size)).scrollIntoView())
    }
    return true
  }
}

/**
 * A transaction that makes every table a grid again: rows shorter than the widest get
 * empty cells at their end (a table pasted from Word with merged cells, say), since the
 * server refuses a table that is not a grid. Null when every table is one already.
 */
export function fixTableGrids(state: EditorState): Transaction | null {
  let tr: Transaction | null = null
  state.doc.descendants((node, pos) => {
    if (node.type !== table) return node.isTextblock ? false : true
    let width = 0
    node.forEach((r) => void (width = Math.max(width, r.childCount)))
    let rowPos = pos + 1
    node.forEach((r) => {
      if (r.childCount < width) {
        tr ??= state.tr
        const end = tr.mapping.map(rowPos + r.nodeSize - 1)
        tr.insert(end, Array.from({ length: width - r.childCount }, emptyCell))
      }
      rowPos += r.nodeSize
    })
    return false
  })
  if (tr) (tr as Transaction).setMeta('addToHistory', false)
  return tr
}

/** Keeps every table a grid after each change made in the editor. */
export function tableGridPlugin(): Plugin {
  return new Plugin({
    appendTransaction: (transactions, _old, state) => (transactions.some((t) => t.docChanged) ? fixTableGrids(state) : null),
  })
}

// ---------------------------------------------------------------------------------------
// Annexes

/** An empty annex: a title line and one text block. */
export function emptyAnnex(): Node {
  return annex.create({ id: newNodeId() }, [heading.create(), text_block.create()])
}

/**
 * Inserts an empty annex (numbered automatically: Prilog 1, 2 …) and puts the cursor in its
 * title: after the annex holding the cursor, else after the last annex or the last
 * article, before the explanatory memorandum.
 */
export const insertAnnex: Command = (state, dispatch) => {
  const { doc } = state
  const $from = state.selection.$from
  let at: number
  if ($from.depth >= 1 && $from.node(1).type === annex) at = $from.after(1)
  else {
    at = doc.content.size
    let pos = 0
    doc.forEach((child) => {
      if (child.type.name === 'memorandum') at = Math.min(at, pos)
      pos += child.nodeSize
    })
  }
  const index = doc.resolve(at).index(0)
  if (!doc.canReplaceWith(index, index, annex)) return false
  if (dispatch) {
    const tr = state.tr.insert(at, emptyAnnex())
    tr.setSelection(TextSelection.create(tr.doc, at + 2))
    dispatch(tr.scrollIntoView())
  }
  return true
}

/** Removes the annex holding the cursor; the annexes after it are renumbered. */
export const removeAnnex: Command = (state, dispatch) => {
  const $from = state.selection.$from
  if ($from.depth < 1 || $from.node(1).type !== annex) return false
  if (dispatch) {
    const start = $from.before(1)
    const tr = state.tr.delete(start, $from.after(1))
    tr.setSelection(TextSelection.near(tr.doc.resolve(Math.max(0, start - 1)), -1))
    dispatch(tr.scrollIntoView())
  }
  return true
}
