import { TEST_ACT } from './test-act.ts'

// TEST_ACT with a table in article 3 and two annexes (one with a table), for the export tests.
const text = (t: string) => ({ type: 'text', text: t })
const tb = (t: string) => ({ type: 'text_block', content: t ? [text(t)] : [] })
const row = (header: boolean, ...cells: string[]) => ({ type: 'table_row', attrs: { header }, content: cells.map((c) => ({ type: 'table_cell', content: [tb(c)] })) })

/** TEST_ACT with tables and annexes: the table in article 3, annexes before the memorandum. */
export const TEST_ACT_WITH_TABLES = (() => {
  type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[] }
  const act = structuredClone(TEST_ACT) as { type: string; content: Json[] }
  const a3 = act.content.find((c) => c.attrs?.id === 'a3')!
  a3.content![0]!.content!.push({ type: 'table', attrs: { id: 't1' }, content: [row(true, 'Usluga', 'Iznos & <KM>'), row(false, 'Pomoć u kući', '100')] })
  const memorandum = act.content.findIndex((c) => c.type === 'memorandum')
  act.content.splice(
    memorandum,
    0,
    { type: 'annex', attrs: { id: 'x1', num: null }, content: [{ type: 'heading', content: [text('Obrazac zahtjeva')] }, tb('Podaci o podnosiocu:'), { type: 'table', attrs: { id: 't2' }, content: [row(false, 'Ime', ''), row(false, 'Adresa', '')] }] },
    { type: 'annex', attrs: { id: 'x2', num: null }, content: [{ type: 'heading', content: [text('Cjenovnik')] }, tb('Cijene se usklađuju godišnje.')] },
  )
  return act
})()
