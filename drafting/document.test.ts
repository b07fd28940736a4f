import { describe, expect, it } from 'vitest'
import { Node } from 'prosemirror-model'
import { loadDocument, parseDocument } from './document.ts'
import { importPlainText } from './plain-text-import.ts'

// A tiny JSON builder: documents as the editor and the database hold them.
type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string; marks?: { type: string }[] }
const text = (t: string): Json[] => (t ? [{ type: 'text', text: t }] : [])
const block = (t: string): Json => ({ type: 'text_block', content: text(t) })
const heading = (t: string): Json => ({ type: 'heading', content: text(t) })
const title = (t = 'ZAKON O PROBI'): Json => ({ type: 'title', content: text(t) })
const para = (id: unknown, t = 'Tekst stava.', ...rest: Json[]): Json => ({ type: 'paragraph', attrs: { id }, content: [block(t), ...rest] })
const article = (id: unknown, ...content: Json[]): Json => ({
  type: 'article',
  attrs: { id },
  content: content.length > 0 ? content : [para(`${String(id)}-p`)],
})
const doc = (...body: Json[]): Json => ({ type: 'doc', content: [title(), ...body] })

/** Every kind of unit the schema knows, each with a unique id. */
const fullDocument = (): Json => ({
  type: 'doc',
  content: [
    title('ZAKON O SOCIJALNIM USLUGAMA'),
    { type: 'preamble', attrs: { id: 'pre' }, content: [block('Na osnovu člana IV.B.7. a)(IV) Ustava …')] },
    {
      type: 'part',
      attrs: { id: 'part1' },
      content: [
        heading('OSNOVNE ODREDBE'),
        {
          type: 'chapter',
          attrs: { id: 'ch1' },
          content: [
            heading('PREDMET'),
            {
              type: 'section',
              attrs: { id: 'sec1' },
              content: [
                heading('Opće odredbe'),
                article(
                  'art1',
                  { type: 'article_heading', content: text('Predmet') },
                  para(
                    'par1',
                    'Ovim zakonom uređuju se:',
                    {
                      type: 'point',
                      attrs: { id: 'pt1' },
                      content: [
                        block('usluge,'),
                        { type: 'subpoint', attrs: { id: 'sp1' }, content: [block('savjetovanje,'), { type: 'indent', attrs: { id: 'in1' }, content: [block('lično')] }] },
                      ],
                    },
                    { type: 'indent', attrs: { id: 'in2' }, content: [block('finansiranje.')] },
                    block('te druga pitanja.'),
                  ),
                  para('par2', 'Drugi stav.'),
                ),
              ],
            },
          ],
        },
        article('art2', para('par3', 'Tekst sa ', { type: 'text_block', content: [{ type: 'text', text: 'naglaskom', marks: [{ type: 'em' }] }] })),
      ],
    },
    {
      type: 'memorandum',
      attrs: { id: 'memo' },
      content: [{ type: 'memorandum_section', attrs: { id: 'ms1' }, content: [heading('USTAVNI OSNOV'), block('Ustavni osnov …')] }],
    },
  ],
})

describe('parseDocument: valid documents', () => {
  it('accepts a minimal act: a title and one article', () => {
    const result = parseDocument(doc(article('a1')))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value).toBeInstanceOf(Node)
    expect(result.value.type.name).toBe('doc')
    expect(result.value.childCount).toBe(2)
    expect(result.value.firstChild!.textContent).toBe('ZAKON O PROBI')
  })

  it('accepts every kind of unit nested as the schema allows', () => {
    const result = parseDocument(fullDocument())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const types = new Set<string>()
    result.value.descendants((node) => {
      types.add(node.type.name)
    })
    for (const type of ['preamble', 'part', 'chapter', 'section', 'article', 'article_heading', 'paragraph', 'point', 'subpoint', 'indent', 'memorandum', 'memorandum_section']) {
      expect(types).toContain(type)
    }
  })

  it('keeps the stable id and the written number of a unit', () => {
    const result = parseDocument(doc({ type: 'article', attrs: { id: 'x7', num: '18a' }, content: [para('p')] }))
    expect(result.ok).toBe(true)
    if (!result.ok) return
    const first = result.value.child(1)
    expect(first.attrs).toEqual({ id: 'x7', num: '18a' })
  })

  it('leaves the number null when the JSON gives none', () => {
    const result = parseDocument(doc(article('a1')))
    expect(result.ok && result.value.child(1).attrs.num).toBeNull()
  })

  it('needs no id on titles, headings and text blocks', () => {
    const result = parseDocument({
      type: 'doc',
      content: [title(), { type: 'chapter', attrs: { id: 'c' }, content: [heading('Poglavlje'), article('a')] }],
    })
    expect(result.ok).toBe(true)
  })

  it('accepts the JSON of a document it produced, unchanged', () => {
    const act = importPlainText('ZAKON O PROBI\nČlan 1.\n(1) Prvi.\n(2) Drugi:\na) tačka,\nb) tačka.')
    const result = parseDocument(act.toJSON())
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.value.eq(act)).toBe(true)
  })
})

describe('parseDocument: documents outside the schema', () => {
  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'Član 1.'],
    ['a number', 42],
    ['an array', []],
    ['an object without a type', { content: [] }],
  ])('refuses %s as invalid-document', (_, input) => {
    expect(parseDocument(input)).toEqual({ ok: false, reason: 'invalid-document' })
  })

  it('refuses an unknown node type', () => {
    expect(parseDocument(doc(article('a1'), { type: 'table', content: [] }))).toEqual({ ok: false, reason: 'invalid-document' })
    expect(parseDocument(doc({ type: 'clause', attrs: { id: 'c1' }, content: [para('p1')] }))).toEqual({ ok: false, reason: 'invalid-document' })
  })

  it('refuses an act without a title', () => {
    expect(parseDocument({ type: 'doc', content: [article('a1')] })).toEqual({ ok: false, reason: 'invalid-document' })
  })

  it('refuses an act without any article, part or chapter', () => {
    expect(parseDocument(doc())).toEqual({ ok: false, reason: 'invalid-document' })
  })

  it('refuses text directly inside an article', () => {
    expect(parseDocument(doc({ type: 'article', attrs: { id: 'a1' }, content: [block('Tekst bez stava.')] }))).toEqual({
      ok: false,
      reason: 'invalid-document',
    })
  })

  it('refuses an article without a paragraph', () => {
    expect(parseDocument(doc({ type: 'article', attrs: { id: 'a1' }, content: [] }))).toEqual({ ok: false, reason: 'invalid-document' })
  })

  it('refuses a part inside a chapter', () => {
    const wrong = { type: 'chapter', attrs: { id: 'c1' }, content: [heading('Poglavlje'), { type: 'part', attrs: { id: 'p1' }, content: [heading('Dio'), article('a1')] }] }
    expect(parseDocument(doc(wrong))).toEqual({ ok: false, reason: 'invalid-document' })
  })

  it('refuses an article nested in an article', () => {
    const wrong = { type: 'article', attrs: { id: 'a1' }, content: [para('p1'), article('a2')] }
    expect(parseDocument(doc(wrong))).toEqual({ ok: false, reason: 'invalid-document' })
  })

  it('refuses a part without its heading', () => {
    expect(parseDocument(doc({ type: 'part', attrs: { id: 'p1' }, content: [article('a1')] }))).toEqual({ ok: false, reason: 'invalid-document' })
  })

  it('refuses a memorandum before the articles', () => {
    const memo = { type: 'memorandum', attrs: { id: 'm' }, content: [{ type: 'memorandum_section', attrs: { id: 's' }, content: [heading('I'), block('x')] }] }
    expect(parseDocument({ type: 'doc', content: [title(), memo, article('a1')] })).toEqual({ ok: false, reason: 'invalid-document' })
  })

  it('refuses an empty text node', () => {
    expect(parseDocument(doc(article('a1', para('p1', '', { type: 'text_block', content: [{ type: 'text', text: '' }] }))))).toEqual({
      ok: false,
      reason: 'invalid-document',
    })
  })

  it('refuses an unknown mark', () => {
    const marked: Json = { type: 'text_block', content: [{ type: 'text', text: 'x', marks: [{ type: 'underline' }] }] }
    expect(parseDocument(doc(article('a1', para('p1', 'x', marked))))).toEqual({ ok: false, reason: 'invalid-document' })
  })

  it('refuses a mark in the title, which allows none', () => {
    const markedTitle: Json = { type: 'title', content: [{ type: 'text', text: 'ZAKON', marks: [{ type: 'strong' }] }] }
    expect(parseDocument({ type: 'doc', content: [markedTitle, article('a1')] })).toEqual({ ok: false, reason: 'invalid-document' })
  })

  it('refuses content that is not a list', () => {
    expect(parseDocument({ type: 'doc', content: 'Član 1.' })).toEqual({ ok: false, reason: 'invalid-document' })
  })
})

describe('parseDocument: stable ids', () => {
  it('refuses an article without an id as missing-node-id', () => {
    const noId = { type: 'article', content: [para('p1')] }
    expect(parseDocument(doc(noId))).toEqual({ ok: false, reason: 'missing-node-id' })
  })

  it('refuses a paragraph, point or indent without an id', () => {
    expect(parseDocument(doc(article('a1', para(null))))).toEqual({ ok: false, reason: 'missing-node-id' })
    const point = { type: 'point', content: [block('tačka')] }
    expect(parseDocument(doc(article('a1', para('p1', 'x', point))))).toEqual({ ok: false, reason: 'missing-node-id' })
    const indent = { type: 'indent', content: [block('alineja')] }
    expect(parseDocument(doc(article('a1', para('p1', 'x', indent))))).toEqual({ ok: false, reason: 'missing-node-id' })
  })

  it('refuses a part, preamble or memorandum section without an id', () => {
    expect(parseDocument(doc({ type: 'part', content: [heading('Dio'), article('a1')] }))).toEqual({ ok: false, reason: 'missing-node-id' })
    expect(parseDocument({ type: 'doc', content: [title(), { type: 'preamble', content: [block('Na osnovu …')] }, article('a1')] })).toEqual({
      ok: false,
      reason: 'missing-node-id',
    })
    const memo = { type: 'memorandum', attrs: { id: 'm' }, content: [{ type: 'memorandum_section', content: [heading('I'), block('x')] }] }
    expect(parseDocument(doc(article('a1'), memo))).toEqual({ ok: false, reason: 'missing-node-id' })
  })

  it('counts an empty id as missing', () => {
    expect(parseDocument(doc(article('')))).toEqual({ ok: false, reason: 'missing-node-id' })
  })

  it('counts an id that is not a string as missing', () => {
    expect(parseDocument(doc(article(17)))).toEqual({ ok: false, reason: 'missing-node-id' })
  })

  it('refuses two articles with the same id as duplicate-node-id', () => {
    expect(parseDocument(doc(article('same', para('p1')), article('same', para('p2'))))).toEqual({ ok: false, reason: 'duplicate-node-id' })
  })

  it('refuses an id shared by units of different kinds', () => {
    expect(parseDocument(doc(article('a1', para('a1'))))).toEqual({ ok: false, reason: 'duplicate-node-id' })
  })

  it('refuses a duplicate deep inside the structure', () => {
    const json = fullDocument()
    // Give the memorandum section the id of the first point.
    const memo = json.content![json.content!.length - 1]!
    memo.content![0]!.attrs = { id: 'pt1' }
    expect(parseDocument(json)).toEqual({ ok: false, reason: 'duplicate-node-id' })
  })

  it('reports the schema problem before looking at ids', () => {
    expect(parseDocument(doc({ type: 'article', content: [block('x')] }))).toEqual({ ok: false, reason: 'invalid-document' })
  })
})

describe('loadDocument', () => {
  it('returns the document of a valid stored act', () => {
    const node = loadDocument(fullDocument())
    expect(node).toBeInstanceOf(Node)
    expect(node.firstChild!.textContent).toBe('ZAKON O SOCIJALNIM USLUGAMA')
  })

  it('throws a RangeError naming the problem for a document outside the schema', () => {
    expect(() => loadDocument({ type: 'doc', content: [] })).toThrow(RangeError)
    expect(() => loadDocument(null)).toThrow(/invalid-document/)
  })

  it('throws a RangeError for a missing id', () => {
    expect(() => loadDocument(doc({ type: 'article', content: [para('p1')] }))).toThrow(RangeError)
    expect(() => loadDocument(doc({ type: 'article', content: [para('p1')] }))).toThrow(/missing-node-id/)
  })

  it('throws a RangeError for a duplicate id', () => {
    expect(() => loadDocument(doc(article('a'), article('a')))).toThrow(RangeError)
    expect(() => loadDocument(doc(article('a'), article('a')))).toThrow(/duplicate-node-id/)
  })
})

describe('parseDocument and the root node', () => {
  it('refuses JSON whose root is a single unit or text instead of a whole act', () => {
    expect(parseDocument({ type: 'paragraph', attrs: { id: 'p1' }, content: [{ type: 'text_block' }] })).toEqual({ ok: false, reason: 'invalid-document' })
    expect(parseDocument({ type: 'text', text: 'x' })).toEqual({ ok: false, reason: 'invalid-document' })
  })
})

describe('parseDocument and references', () => {
  const ref = (attrs: Record<string, unknown>): Json => ({ type: 'reference', attrs: { form: 'gen', ...attrs } })
  const citing = (...refs: Json[]): Json => para('cite-p', 'x', { type: 'text_block', content: [{ type: 'text', text: 'iz ' }, ...refs] })
  /** art1 (par1 with point pt1, par2), art2, and an article citing whatever is given. */
  const withRefs = (...refs: Json[]): Json => {
    const full = fullDocument()
    full.content!.splice(full.content!.length - 1, 0, article('citing', citing(...refs)))
    return full
  }

  it('accepts references to an article, its paragraph and that paragraph\'s point', () => {
    expect(parseDocument(withRefs(ref({ article: 'art2' }), ref({ article: 'art1', paragraph: 'par1', point: 'pt1', form: 'ins' }), ref({ article: 'art1', point: 'pt1' }))).ok).toBe(true)
  })

  it('refuses a reference to an article that is not in the document', () => {
    expect(parseDocument(withRefs(ref({ article: 'gone' })))).toEqual({ ok: false, reason: 'broken-reference' })
  })

  it('refuses a reference whose paragraph or point lies outside the article it names', () => {
    expect(parseDocument(withRefs(ref({ article: 'art2', paragraph: 'par1' })))).toEqual({ ok: false, reason: 'broken-reference' })
    expect(parseDocument(withRefs(ref({ article: 'art2', point: 'pt1' })))).toEqual({ ok: false, reason: 'broken-reference' })
    expect(parseDocument(withRefs(ref({ article: 'art1', paragraph: 'par2', point: 'pt1' })))).toEqual({ ok: false, reason: 'broken-reference' })
    expect(parseDocument(withRefs(ref({ article: 'art1', paragraph: 'pt1' })))).toEqual({ ok: false, reason: 'broken-reference' })
  })

  it('refuses a reference without a target or with an unknown grammatical case as not a document', () => {
    expect(parseDocument(withRefs({ type: 'reference', attrs: { form: 'gen' } }))).toEqual({ ok: false, reason: 'invalid-document' })
    expect(parseDocument(withRefs(ref({ article: 'art1', form: 'vocative' })))).toEqual({ ok: false, reason: 'invalid-document' })
  })

  it('makes loadDocument throw for a stored broken reference', () => {
    expect(() => loadDocument(withRefs(ref({ article: 'gone' })))).toThrow(/broken-reference/)
  })
})
