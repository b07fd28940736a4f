import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { parseDocument } from './document.ts'
import { IDENTIFIED_TYPES } from './schema.ts'

// parseDocument is the server's gate for every document that comes from a browser or from
// storage: whatever arrives, it answers with a Result and never throws.

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string; marks?: unknown[] }

const NODE_TYPES = [
  'doc', 'title', 'preamble', 'part', 'chapter', 'section', 'heading', 'article', 'article_heading', 'paragraph',
  'point', 'subpoint', 'indent', 'text_block', 'memorandum', 'memorandum_section', 'text',
  'table', 'table_row', 'table_cell', 'annex',
]

const text = fc.fullUnicodeString({ minLength: 1, maxLength: 12 })
const inline = fc.record({ type: fc.constant('text'), text, marks: fc.option(fc.subarray([{ type: 'em' }, { type: 'strong' }], { minLength: 1 }), { nil: undefined }) })
  .map(({ marks, ...node }) => (marks ? { ...node, marks } : node))
const textBlock = fc.array(inline, { maxLength: 3 }).map((content): Json => ({ type: 'text_block', content }))
const headingOf = (type: string) => fc.option(text, { nil: null }).map((t): Json => ({ type, content: t ? [{ type: 'text', text: t }] : [] }))
const unit = (type: string, content: Json[]): Json => ({ type, attrs: { id: null, num: null }, content })

/** A table: a grid of 1–3 columns and 1–3 rows, the first one sometimes a header row. */
const table = fc
  .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.boolean())
  .chain(([columns, rows, header]) =>
    fc.array(fc.array(fc.array(textBlock, { minLength: 1, maxLength: 2 }), { minLength: columns, maxLength: columns }), { minLength: rows, maxLength: rows }).map((grid): Json => ({
      type: 'table',
      attrs: { id: null },
      content: grid.map((cells, r) => ({ type: 'table_row', attrs: { header: header && r === 0 }, content: cells.map((blocks) => ({ type: 'table_cell', content: blocks })) })),
    })),
  )
const indent = textBlock.map((b) => ({ type: 'indent', attrs: { id: null }, content: [b] }))
const subpoint = fc.tuple(textBlock, fc.array(indent, { maxLength: 2 })).map(([b, rest]) => unit('subpoint', [b, ...rest]))
const point = fc.tuple(textBlock, fc.array(fc.oneof(subpoint, indent, table), { maxLength: 2 })).map(([b, rest]) => unit('point', [b, ...rest]))
const paragraph = fc.tuple(textBlock, fc.array(fc.oneof(point, indent, textBlock, table), { maxLength: 3 })).map(([b, rest]) => unit('paragraph', [b, ...rest]))
const article = fc
  .tuple(fc.option(headingOf('article_heading'), { nil: null }), fc.array(paragraph, { minLength: 1, maxLength: 3 }))
  .map(([heading, paragraphs]) => unit('article', heading ? [heading, ...paragraphs] : paragraphs))
const section = fc.tuple(headingOf('heading'), fc.array(article, { minLength: 1, maxLength: 2 })).map(([h, a]) => unit('section', [h, ...a]))
const chapter = fc.tuple(headingOf('heading'), fc.array(fc.oneof(section, article), { minLength: 1, maxLength: 2 })).map(([h, c]) => unit('chapter', [h, ...c]))
const part = fc.tuple(headingOf('heading'), fc.array(fc.oneof(chapter, article), { minLength: 1, maxLength: 2 })).map(([h, c]) => unit('part', [h, ...c]))
const annex = fc
  .tuple(headingOf('heading'), fc.array(fc.oneof(textBlock, table), { minLength: 1, maxLength: 3 }))
  .map(([h, blocks]) => unit('annex', [h, ...blocks]))
const memorandum = fc
  .array(fc.tuple(headingOf('heading'), fc.array(textBlock, { minLength: 1, maxLength: 2 })), { minLength: 1, maxLength: 2 })
  .map((sections): Json => ({ type: 'memorandum', attrs: { id: null }, content: sections.map(([h, b]) => ({ type: 'memorandum_section', attrs: { id: null }, content: [h, ...b] })) }))

/** Gives every identified unit a fresh id, as the importer and the editor do. */
function withIds(doc: Json): Json {
  let next = 0
  const walk = (node: Json): Json => ({
    ...node,
    ...(node.attrs ? { attrs: { ...node.attrs, ...(IDENTIFIED_TYPES.has(node.type) ? { id: `n${next++}` } : {}) } } : {}),
    ...(node.content ? { content: node.content.map(walk) } : {}),
  })
  return walk(doc)
}

/** A valid act: title, optional preamble, parts, chapters and articles, annexes, optional memorandum. */
const validAct = fc
  .tuple(
    headingOf('title'),
    fc.option(fc.array(textBlock, { minLength: 1, maxLength: 2 }), { nil: null }),
    fc.array(fc.oneof(part, chapter, article), { minLength: 1, maxLength: 3 }),
    fc.array(annex, { maxLength: 2 }),
    fc.option(memorandum, { nil: null }),
  )
  .map(([title, preamble, body, annexes, memo]) =>
    withIds({
      type: 'doc',
      content: [
        title,
        ...(preamble ? [{ type: 'preamble', attrs: { id: null }, content: preamble }] : []),
        ...body,
        ...annexes,
        ...(memo ? [memo] : []),
      ],
    }),
  )

/** Any tree of nodes of the schema (and some that are not), nested any which way. */
const randomTree: fc.Arbitrary<unknown> = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.record(
    {
      type: fc.oneof(fc.constantFrom(...NODE_TYPES), fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty')),
      attrs: fc.oneof(
        fc.record({ id: fc.oneof(fc.constant('same'), fc.string(), fc.integer(), fc.constant(null), fc.constant(undefined)), num: fc.oneof(fc.string(), fc.constant(null)) }, { requiredKeys: [] }),
        fc.dictionary(fc.string(), fc.jsonValue(), { maxKeys: 2 }),
        fc.anything(),
      ),
      content: fc.oneof(fc.array(tie('node'), { maxLength: 3 }), fc.anything()),
      text: fc.oneof(fc.string(), fc.constant(''), fc.integer()),
      marks: fc.oneof(fc.array(fc.record({ type: fc.oneof(fc.constantFrom('em', 'strong', 'toString'), fc.string()) }), { maxLength: 2 }), fc.anything()),
    },
    { requiredKeys: ['type'] },
  ),
})).node

function expectResult(json: unknown) {
  const result = parseDocument(json)
  expect(typeof result.ok).toBe('boolean')
  return result
}

describe('parseDocument on generated input', () => {
  it('answers any JSON value with a Result', () => {
    fc.assert(fc.property(fc.jsonValue(), (json) => void expectResult(json)))
  })

  it('answers any JavaScript value with a Result', () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withMap: true, withSet: true, withTypedArray: true, withNullPrototype: true }), (value) => void expectResult(value)))
  })

  it('answers random node trees with wrong nesting, odd types and odd attributes with a Result', () => {
    fc.assert(fc.property(randomTree, (tree) => void expectResult(tree)))
    fc.assert(fc.property(randomTree, (tree) => void expectResult({ type: 'doc', content: [{ type: 'title', content: [] }, tree] })))
  })

  it('accepts every valid generated act', () => {
    fc.assert(
      fc.property(validAct, (act) => {
        const result = parseDocument(act)
        expect(result.ok).toBe(true)
      }),
    )
  })

  it('refuses a valid act with a unit whose id is missing, or with two units sharing an id', () => {
    const ids = (json: Json): Json[] => [...(json.attrs && IDENTIFIED_TYPES.has(json.type) ? [json] : []), ...(json.content ?? []).flatMap(ids)]
    fc.assert(
      fc.property(validAct, fc.nat(), fc.nat(), (act, a, b) => {
        const units = ids(act)
        const missing = structuredClone(act)
        const target = ids(missing)[a % units.length]!
        delete target.attrs!.id
        expect(parseDocument(missing)).toEqual({ ok: false, reason: 'missing-node-id' })

        const duplicate = structuredClone(act)
        const all = ids(duplicate)
        const first = a % all.length
        const second = (first + 1 + (b % (all.length - 1))) % all.length
        all[second]!.attrs!.id = all[first]!.attrs!.id
        expect(parseDocument(duplicate)).toEqual({ ok: false, reason: 'duplicate-node-id' })
      }),
    )
  })

  it('refuses a valid act with a unit moved where the schema does not allow it', () => {
    fc.assert(
      fc.property(validAct, (act) => {
        const broken = structuredClone(act)
        const firstArticle = (json: Json): Json | undefined => (json.type === 'article' ? json : json.content?.map(firstArticle).find(Boolean))
        const target = firstArticle(broken)!
        // An article inside its own first paragraph: wrong nesting.
        const paragraph = target.content!.find((c) => c.type === 'paragraph')!
        paragraph.content!.push(structuredClone(target))
        expect(parseDocument(broken)).toEqual({ ok: false, reason: 'invalid-document' })
      }),
    )
  })

  it('refuses a table whose rows are not all as wide, and a header flag that is not a boolean', () => {
    const tables = (json: Json): Json[] => [...(json.type === 'table' ? [json] : []), ...(json.content ?? []).flatMap(tables)]
    const withTable = validAct.filter((act) => tables(act).length > 0)
    fc.assert(
      fc.property(withTable, fc.nat(), (act, k) => {
        const ragged = structuredClone(act)
        const target = tables(ragged)[k % tables(ragged).length]!
        const row = target.content![target.content!.length - 1]!
        row.content!.push({ type: 'table_cell', content: [{ type: 'text_block', content: [] }] })
        if (target.content!.length === 1) target.content!.unshift({ type: 'table_row', attrs: { header: false }, content: [{ type: 'table_cell', content: [{ type: 'text_block', content: [] }] }] })
        expect(parseDocument(ragged)).toEqual({ ok: false, reason: 'invalid-document' })

        const odd = structuredClone(act)
        tables(odd)[k % tables(odd).length]!.content![0]!.attrs = { header: 'yes' }
        expect(parseDocument(odd)).toEqual({ ok: false, reason: 'invalid-document' })
      }),
      { numRuns: 50 },
    )
  })

  it('refuses an annex before an article or after the memorandum', () => {
    const act = (content: Json[]) => withIds({ type: 'doc', content: [{ type: 'title', content: [] }, ...content] })
    const art: Json = { type: 'article', attrs: { id: null, num: null }, content: [{ type: 'paragraph', attrs: { id: null, num: null }, content: [{ type: 'text_block', content: [] }] }] }
    const anx: Json = { type: 'annex', attrs: { id: null, num: null }, content: [{ type: 'heading', content: [] }, { type: 'text_block', content: [] }] }
    const memo: Json = { type: 'memorandum', attrs: { id: null }, content: [{ type: 'memorandum_section', attrs: { id: null }, content: [{ type: 'heading', content: [] }, { type: 'text_block', content: [] }] }] }
    expect(parseDocument(act([art, anx, memo])).ok).toBe(true)
    expect(parseDocument(act([anx, art])).ok).toBe(false)
    expect(parseDocument(act([art, memo, anx])).ok).toBe(false)
  })

  it('answers huge strings with a Result', () => {
    const huge = 'Član 1. '.repeat(250_000)
    expect(expectResult({ type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: huge }] }] }).ok).toBe(false)
    const act = withIds({
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: huge }] },
        { type: 'article', attrs: { id: null, num: huge }, content: [{ type: 'paragraph', attrs: { id: null, num: null }, content: [{ type: 'text_block', content: [{ type: 'text', text: huge }] }] }] },
      ],
    })
    expect(parseDocument(act).ok).toBe(true)
    expect(expectResult({ type: huge }).ok).toBe(false)
    fc.assert(fc.property(fc.integer({ min: 10_000, max: 200_000 }), fc.constantFrom(...NODE_TYPES), (n, type) => void expectResult({ type, text: 'x'.repeat(n), attrs: { id: 'y'.repeat(n) } })), { numRuns: 20 })
  })

  it('answers deeply nested input with a Result', () => {
    let deep: Json = { type: 'text_block', content: [] }
    for (let i = 0; i < 5_000; i++) deep = { type: 'paragraph', attrs: { id: `p${i}` }, content: [deep] }
    expectResult({ type: 'doc', content: [{ type: 'title', content: [] }, deep] })
  })
})
