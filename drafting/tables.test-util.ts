import type { Json } from './test-builder.ts'

// Builders of tables and annexes for tests, in the style of test-builder.ts:
//
//   par('Iznosi su:', table({ header: true }, ['Usluga', 'Iznos'], ['Pomoć', '100 KM']))
//   annex({ id: 'x1' }, 'Obrazac zahtjeva', 'Ime i prezime:', table(['A', 'B']))

let counter = 0

/** A cell's text blocks: a string is one block, an array several. */
type Cell = string | string[]

const block = (text: string): Json => ({ type: 'text_block', content: text ? [{ type: 'text', text }] : [] })

/** A table of rows of cells; `header: true` makes the first row the header row. */
export function table(...args: ({ id?: string; header?: boolean } | Cell[])[]): Json {
  const [first, ...rest] = args
  const options = first && !Array.isArray(first) ? first : {}
  const rows = (first && !Array.isArray(first) ? rest : args) as Cell[][]
  return {
    type: 'table',
    attrs: { id: options.id ?? `table-${++counter}` },
    content: rows.map((cells, r) => ({
      type: 'table_row',
      attrs: { header: options.header === true && r === 0 },
      content: cells.map((cell) => ({ type: 'table_cell', content: (typeof cell === 'string' ? [cell] : cell).map(block) })),
    })),
  }
}

/** An annex (prilog): its title, then text blocks (strings) and tables. */
export function annex(...args: ({ id?: string; num?: string | null } | string | Json)[]): Json {
  const [first, ...rest] = args
  const isAttrs = typeof first === 'object' && !('type' in first)
  const attrs = (isAttrs ? first : {}) as { id?: string; num?: string | null }
  const [name = '', ...blocks] = (isAttrs ? rest : args) as (string | Json)[]
  const content = blocks.length > 0 ? blocks.map((b) => (typeof b === 'string' ? block(b) : b)) : [block('')]
  return { type: 'annex', attrs: { id: attrs.id ?? `annex-${++counter}`, num: attrs.num ?? null }, content: [{ type: 'heading', content: typeof name === 'string' && name ? [{ type: 'text', text: name }] : [] }, ...content] }
}
