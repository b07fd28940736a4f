import { describe, expect, it } from 'vitest'
import { loadDocument } from './document.ts'
import { importPlainText } from './plain-text-import.ts'
import { articleAnchor, articleIdAnchor, outlineDocument, type OutlineArticle, type OutlineBlock, type OutlineDivision, type OutlineUnit } from './outline.ts'
import type { LanguageVariant } from './language.ts'
import { article as articleJson, doc, memorandum, memorandumSection, par } from './test-builder.ts'
import { annex, table } from './tables.test-util.ts'

const bs: LanguageVariant = { language: 'bs', script: 'latn' }
const hr: LanguageVariant = { language: 'hr', script: 'latn' }
const srCyrl: LanguageVariant = { language: 'sr', script: 'cyrl' }

const lines = (...text: string[]) => text.join('\n')

/** A small act in the FBiH style: two parts, chapters in both, a memorandum. */
const smallAct = lines(
  'ZAKON O SOCIJALNIM USLUGAMA',
  'DIO PRVI – OSNOVNE ODREDBE',
  'POGLAVLJE I. PREDMET I CILJEVI',
  'Član 1.',
  '(Predmet)',
  'Ovim zakonom uređuju se socijalne usluge.',
  'Član 2.',
  '(Definicije)',
  '(1) U smislu ovog zakona:',
  'a) korisnik je osoba u stanju socijalne potrebe,',
  'b) pružalac je ustanova ili udruženje.',
  '(2) Izrazi imaju rodno neutralno značenje.',
  'POGLAVLJE II. NAČELA',
  'Član 3.',
  'Usluge se pružaju:',
  '- blizu korisnika,',
  '- bez diskriminacije.',
  'DIO DRUGI – PRAVA',
  'Član 4.',
  'Prava se ostvaruju u centru za socijalni rad.',
  'POGLAVLJE I. NOVČANE NAKNADE',
  'Član 5.',
  '(Naknada)',
  'Naknada se isplaćuje mjesečno.',
  'Član 6.',
  'Ovaj zakon stupa na snagu osmog dana od dana objavljivanja.',
  'OBRAZLOŽENJE',
  'I. USTAVNI OSNOV',
  'Ustavni osnov sadržan je u Ustavu Federacije.',
  'II. RAZLOZI ZA DONOŠENJE',
  'Prvi razlog.',
  'Drugi razlog.',
)

const articlesIn = (units: OutlineUnit[]): OutlineArticle[] =>
  units.flatMap((u) => (u.kind === 'article' ? [u] : articlesIn(u.children)))
/** A block as a reader sees it: "a) text" for a point, the text for the rest. */
const readBlock = (b: OutlineBlock): string =>
  b.kind === 'text' || b.kind === 'indent' ? b.text : `${b.label} ${b.blocks.map(readBlock).join(' ')}`
const divisionsIn = (units: OutlineUnit[]): OutlineDivision[] =>
  units.flatMap((u) => (u.kind === 'article' ? [] : [u, ...divisionsIn(u.children)]))

// A JSON builder with fixed ids, for comparing two versions of the same act.
type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }
const text = (t: string): Json[] => (t ? [{ type: 'text', text: t }] : [])
const block = (t: string): Json => ({ type: 'text_block', content: text(t) })
const article = (id: string, body: string, num: string | null = null): Json => ({
  type: 'article',
  attrs: { id, num },
  content: [{ type: 'paragraph', attrs: { id: `${id}-p` }, content: [block(body)] }],
})
const act = (...body: Json[]) => loadDocument({ type: 'doc', content: [{ type: 'title', content: text('ZAKON O PROBI') }, ...body] })

describe('outlineDocument on a small imported act', () => {
  const doc = importPlainText(smallAct)
  const outline = outlineDocument(doc, bs)
  const articles = articlesIn(outline.body)

  it('gives the title of the act', () => {
    expect(outline.title).toBe('ZAKON O SOCIJALNIM USLUGAMA')
  })

  it('counts the articles of the whole act', () => {
    expect(outline.articleCount).toBe(6)
  })

  it('labels articles continuously across parts and chapters', () => {
    expect(articles.map((a) => a.label)).toEqual(['Član 1.', 'Član 2.', 'Član 3.', 'Član 4.', 'Član 5.', 'Član 6.'])
    expect(articles.map((a) => a.number)).toEqual(['1', '2', '3', '4', '5', '6'])
  })

  it('gives each article its heading, or null when it has none', () => {
    expect(articles.map((a) => a.heading)).toEqual(['Predmet', 'Definicije', null, null, 'Naknada', null])
  })

  it('gives each article a readable anchor "clan-N"', () => {
    expect(articles.map((a) => a.anchor)).toEqual(['clan-1', 'clan-2', 'clan-3', 'clan-4', 'clan-5', 'clan-6'])
  })

  it('gives each article an anchor by stable id, "a-<id>"', () => {
    for (const a of articles) expect(a.idAnchor).toBe(`a-${a.id}`)
    const ids: string[] = []
    doc.descendants((node) => {
      if (node.type.name === 'article') ids.push(node.attrs.id as string)
    })
    expect(articles.map((a) => a.id)).toEqual(ids)
  })

  it('labels parts with ordinal words and chapters with Roman numerals restarting in each part', () => {
    expect(divisionsIn(outline.body).map((d) => `${d.label} ${d.heading}`)).toEqual([
      'DIO PRVI OSNOVNE ODREDBE',
      'POGLAVLJE I. PREDMET I CILJEVI',
      'POGLAVLJE II. NAČELA',
      'DIO DRUGI PRAVA',
      'POGLAVLJE I. NOVČANE NAKNADE',
    ])
  })

  it('anchors parts and chapters by their stable id', () => {
    for (const d of divisionsIn(outline.body)) expect(d.anchor).toBe(`d-${d.id}`)
  })

  it('keeps an article that stands in a part before its first chapter', () => {
    const second = outline.body[1] as OutlineDivision
    expect(second.children.map((c) => c.kind)).toEqual(['article', 'chapter'])
    expect((second.children[0] as OutlineArticle).label).toBe('Član 4.')
  })

  it('leaves the only paragraph of an article without a label', () => {
    expect(articles[0]!.paragraphs).toHaveLength(1)
    expect(articles[0]!.paragraphs[0]!.label).toBeNull()
    expect(articles[0]!.paragraphs[0]!.blocks).toEqual([{ kind: 'text', text: 'Ovim zakonom uređuju se socijalne usluge.' }])
  })

  it('labels paragraphs (1), (2) and points a), b) within them', () => {
    const [first, second] = articles[1]!.paragraphs
    expect(first!.label).toBe('(1)')
    expect(second!.label).toBe('(2)')
    expect(first!.blocks.map(readBlock)).toEqual([
      'U smislu ovog zakona:',
      'a) korisnik je osoba u stanju socijalne potrebe,',
      'b) pružalac je ustanova ili udruženje.',
    ])
  })

  it('lays out indents with their ids and texts', () => {
    const blocks = articles[2]!.paragraphs[0]!.blocks
    expect(blocks.map((b) => b.kind)).toEqual(['text', 'indent', 'indent'])
    expect(blocks.flatMap((b) => (b.kind === 'indent' ? [b.text] : []))).toEqual(['blizu korisnika,', 'bez diskriminacije.'])
    expect(blocks.every((b) => b.kind === 'text' || b.id.length > 0)).toBe(true)
  })

  it('lists parts and chapters in the table of contents with the first and last article of each', () => {
    expect(outline.toc).toEqual([
      {
        kind: 'part',
        label: 'DIO PRVI',
        heading: 'OSNOVNE ODREDBE',
        anchor: (outline.body[0] as OutlineDivision).anchor,
        firstArticle: 'Član 1.',
        lastArticle: 'Član 3.',
        children: [
          expect.objectContaining({ kind: 'chapter', label: 'POGLAVLJE I.', heading: 'PREDMET I CILJEVI', firstArticle: 'Član 1.', lastArticle: 'Član 2.', children: [] }),
          expect.objectContaining({ kind: 'chapter', label: 'POGLAVLJE II.', heading: 'NAČELA', firstArticle: 'Član 3.', lastArticle: 'Član 3.', children: [] }),
        ],
      },
      {
        kind: 'part',
        label: 'DIO DRUGI',
        heading: 'PRAVA',
        anchor: (outline.body[1] as OutlineDivision).anchor,
        firstArticle: 'Član 4.',
        lastArticle: 'Član 6.',
        children: [expect.objectContaining({ kind: 'chapter', label: 'POGLAVLJE I.', heading: 'NOVČANE NAKNADE', firstArticle: 'Član 5.', lastArticle: 'Član 6.' })],
      },
    ])
  })

  it('gives table of contents entries the anchors of their divisions', () => {
    const chapters = divisionsIn(outline.body).filter((d) => d.kind === 'chapter')
    expect(outline.toc.flatMap((e) => e.children.map((c) => c.anchor))).toEqual(chapters.map((c) => c.anchor))
  })

  it('lays out the memorandum with its label and sections', () => {
    expect(outline.memorandum).not.toBeNull()
    expect(outline.memorandum!.label).toBe('OBRAZLOŽENJE')
    expect(outline.memorandum!.sections.map(({ heading, paragraphs }) => ({ heading, paragraphs }))).toEqual([
      { heading: 'USTAVNI OSNOV', paragraphs: ['Ustavni osnov sadržan je u Ustavu Federacije.'] },
      { heading: 'RAZLOZI ZA DONOŠENJE', paragraphs: ['Prvi razlog.', 'Drugi razlog.'] },
    ])
    expect(outline.memorandum!.sections.every((s) => s.id.length > 0)).toBe(true)
  })

  it('has an empty preamble when the act has none', () => {
    expect(outline.preamble).toEqual([])
  })
})

describe('outlineDocument in other language variants', () => {
  const doc = importPlainText(smallAct)

  it('labels articles "Članak N." in Croatian', () => {
    const outline = outlineDocument(doc, hr)
    expect(articlesIn(outline.body).map((a) => a.label).slice(0, 2)).toEqual(['Članak 1.', 'Članak 2.'])
    expect(outline.toc[0]!.firstArticle).toBe('Članak 1.')
  })

  it('labels units in Cyrillic for Serbian Cyrillic, keeping Latin anchors', () => {
    const outline = outlineDocument(doc, srCyrl)
    const articles = articlesIn(outline.body)
    expect(articles[0]!.label).toBe('Члан 1.')
    expect(articles[0]!.anchor).toBe('clan-1')
    expect(outline.toc.map((e) => e.label)).toEqual(['ДИО ПРВИ', 'ДИО ДРУГИ'])
    expect(outline.toc[0]!.children.map((e) => e.label)).toEqual(['ПОГЛАВЉЕ I.', 'ПОГЛАВЉЕ II.'])
    expect(articles[1]!.paragraphs[0]!.blocks.flatMap((b) => (b.kind === 'point' ? [b.label] : []))).toEqual(['а)', 'б)'])
    expect(outline.memorandum!.label).toBe('ОБРАЗЛОЖЕЊЕ')
  })
})

describe('outlineDocument: anchors across versions', () => {
  it('moves the readable anchor with renumbering but keeps the id anchor', () => {
    const before = articlesIn(outlineDocument(act(article('x', 'Prvi.'), article('y', 'Drugi.')), bs).body)
    const after = articlesIn(outlineDocument(act(article('x', 'Prvi.'), article('new', 'Umetnuti.'), article('y', 'Drugi.')), bs).body)
    const y1 = before.find((a) => a.id === 'y')!
    const y2 = after.find((a) => a.id === 'y')!
    expect([y1.anchor, y2.anchor]).toEqual(['clan-2', 'clan-3'])
    expect([y1.idAnchor, y2.idAnchor]).toEqual(['a-y', 'a-y'])
    expect([y1.label, y2.label]).toEqual(['Član 2.', 'Član 3.'])
  })

  it('labels and anchors an inserted article with a letter suffix when numbering is frozen', () => {
    const doc = act(article('a', 'Tekst.', '18'), article('new', 'Umetnuti.'), article('b', 'Tekst.', '19'))
    const articles = articlesIn(outlineDocument(doc, bs, 'frozen').body)
    expect(articles.map((a) => a.label)).toEqual(['Član 18.', 'Član 18a.', 'Član 19.'])
    expect(articles.map((a) => a.anchor)).toEqual(['clan-18', 'clan-18a', 'clan-19'])
  })

  it('keeps the written numbers of an imported amending text in frozen mode', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 79.', 'Tekst.', 'Član 79a.', 'Tekst.', 'Član 79b.', 'Tekst.'), { numbering: 'frozen' })
    const articles = articlesIn(outlineDocument(doc, bs, 'frozen').body)
    expect(articles.map((a) => a.anchor)).toEqual(['clan-79', 'clan-79a', 'clan-79b'])
  })
})

describe('outlineDocument: other shapes of act', () => {
  it('has no table of contents and no memorandum for an act of bare articles', () => {
    const outline = outlineDocument(importPlainText(lines('ODLUKA O PROBI', 'Član 1.', 'Prvi.', 'Član 2.', 'Drugi.')), bs)
    expect(outline.toc).toEqual([])
    expect(outline.memorandum).toBeNull()
    expect(outline.articleCount).toBe(2)
    expect(outline.body.map((u) => u.kind)).toEqual(['article', 'article'])
  })

  it('lists chapters at the top of the table of contents when the act has no parts', () => {
    const outline = outlineDocument(
      importPlainText(lines('ZAKON O PROBI', 'POGLAVLJE I. OPĆE', 'Član 1.', 'Prvi.', 'POGLAVLJE II. ZAVRŠNE', 'Član 2.', 'Drugi.', 'Član 3.', 'Treći.')),
      bs,
    )
    expect(outline.toc.map((e) => [e.label, e.firstArticle, e.lastArticle])).toEqual([
      ['POGLAVLJE I.', 'Član 1.', 'Član 1.'],
      ['POGLAVLJE II.', 'Član 2.', 'Član 3.'],
    ])
  })

  it('lays out the preamble, sections and sub-points of a stored act', () => {
    const doc = loadDocument({
      type: 'doc',
      content: [
        { type: 'title', content: text('ZAKON O PROBI') },
        { type: 'preamble', attrs: { id: 'pre' }, content: [block('Na osnovu člana IV.B.7. a)(IV) Ustava Federacije,'), block('donosim')] },
        {
          type: 'chapter',
          attrs: { id: 'ch' },
          content: [
            { type: 'heading', content: text('OPĆE ODREDBE') },
            { type: 'section', attrs: { id: 's1' }, content: [{ type: 'heading', content: text('Predmet') }, article('a1', 'Prvi.')] },
            {
              type: 'section',
              attrs: { id: 's2' },
              content: [
                { type: 'heading', content: text('Pojmovi') },
                {
                  type: 'article',
                  attrs: { id: 'a2' },
                  content: [
                    {
                      type: 'paragraph',
                      attrs: { id: 'a2-p' },
                      content: [
                        block('Pojmovi su:'),
                        {
                          type: 'point',
                          attrs: { id: 'pt' },
                          content: [
                            block('usluge:'),
                            { type: 'subpoint', attrs: { id: 'sp1' }, content: [block('savjetovanje,')] },
                            { type: 'subpoint', attrs: { id: 'sp2' }, content: [block('smještaj.')] },
                          ],
                        },
                      ],
                    },
                  ],
                },
              ],
            },
          ],
        },
      ],
    })
    const outline = outlineDocument(doc, bs)
    expect(outline.preamble).toEqual(['Na osnovu člana IV.B.7. a)(IV) Ustava Federacije,', 'donosim'])
    expect(outline.toc).toEqual([
      {
        kind: 'chapter',
        label: 'POGLAVLJE I.',
        heading: 'OPĆE ODREDBE',
        anchor: 'd-ch',
        firstArticle: 'Član 1.',
        lastArticle: 'Član 2.',
        children: [
          { kind: 'section', label: 'Odjeljak A.', heading: 'Predmet', anchor: 'd-s1', firstArticle: 'Član 1.', lastArticle: 'Član 1.', children: [] },
          { kind: 'section', label: 'Odjeljak B.', heading: 'Pojmovi', anchor: 'd-s2', firstArticle: 'Član 2.', lastArticle: 'Član 2.', children: [] },
        ],
      },
    ])
    const point = articlesIn(outline.body)[1]!.paragraphs[0]!.blocks[1]!
    expect(point).toEqual({
      kind: 'point',
      id: 'pt',
      label: 'a)',
      blocks: [
        { kind: 'text', text: 'usluge:' },
        { kind: 'subpoint', id: 'sp1', label: '1.', blocks: [{ kind: 'text', text: 'savjetovanje,' }] },
        { kind: 'subpoint', id: 'sp2', label: '2.', blocks: [{ kind: 'text', text: 'smještaj.' }] },
      ],
    })
  })
})

describe('articleAnchor and articleIdAnchor', () => {
  it('makes "clan-12" of article 12', () => {
    expect(articleAnchor('12')).toBe('clan-12')
  })

  it('keeps a letter suffix in lower case: "18A" → "clan-18a"', () => {
    expect(articleAnchor('18a')).toBe('clan-18a')
    expect(articleAnchor('18A')).toBe('clan-18a')
  })

  it('prefixes a stable id with "a-"', () => {
    expect(articleIdAnchor('k3x9q2m7w1zz')).toBe('a-k3x9q2m7w1zz')
  })
})

describe('outlining a quality standard', () => {
  const standards = lines(
    'PRAVILNIK O STANDARDIMA KVALITETA',
    'Član 1.',
    '(Individualni plan)',
    '(1) Svako dijete ima individualni plan:',
    'a) plan je izrađen u roku od 30 dana od prijema,',
    'b) plan se revidira najmanje jednom u šest mjeseci.',
    '(2) Dijete učestvuje u izradi plana:',
    'a) mišljenje djeteta upisano je u plan.',
    'Član 2.',
    '(Sigurnost)',
    'Zajednica ima pisanu politiku zaštite djece:',
    'a) politiku su potpisali svi radnici,',
    'b) svaka sumnja na nasilje prijavljena je u roku od 24 sata.',
  )

  it('labels standards, criteria (always, even a single one) and indicators hierarchically', () => {
    const outline = outlineDocument(importPlainText(standards), bs, 'continuous', 'standard')
    const [first, second] = articlesIn(outline.body)
    expect(first!.label).toBe('Standard 1.')
    expect(first!.anchor).toBe('clan-1')
    expect(first!.paragraphs.map((p) => p.label)).toEqual(['Kriterij 1.1', 'Kriterij 1.2'])
    const labelsOf = (blocks: OutlineBlock[]) => blocks.flatMap((b) => (b.kind === 'point' ? [b.label] : []))
    expect(labelsOf(first!.paragraphs[0]!.blocks)).toEqual(['Indikator 1.1.1', 'Indikator 1.1.2'])
    expect(labelsOf(first!.paragraphs[1]!.blocks)).toEqual(['Indikator 1.2.1'])
    expect(second!.paragraphs.map((p) => p.label)).toEqual(['Kriterij 2.1'])
    expect(labelsOf(second!.paragraphs[0]!.blocks)).toEqual(['Indikator 2.1.1', 'Indikator 2.1.2'])
  })

  it('uses the variant: Croatian indicators are pokazatelji, Serbian Cyrillic criteria критеријуми', () => {
    const croatian = articlesIn(outlineDocument(importPlainText(standards), hr, 'continuous', 'standard').body)[0]!
    expect(croatian.paragraphs[0]!.blocks.find((b) => b.kind === 'point')).toMatchObject({ label: 'Pokazatelj 1.1.1' })
    const cyrillic = articlesIn(outlineDocument(importPlainText(standards), srCyrl, 'continuous', 'standard').body)[0]!
    expect([cyrillic.label, cyrillic.paragraphs[1]!.label]).toEqual(['Стандард 1.', 'Критеријум 1.2'])
  })

  it('leaves the same document a law by default', () => {
    const [first, second] = articlesIn(outlineDocument(importPlainText(standards), bs).body)
    expect([first!.label, first!.paragraphs[0]!.label, second!.paragraphs[0]!.label]).toEqual(['Član 1.', '(1)', null])
    expect(first!.paragraphs[0]!.blocks.find((b) => b.kind === 'point')).toMatchObject({ label: 'a)' })
  })
})

describe('outlineDocument: tables and annexes', () => {
  it('lays out a table inside a paragraph as rows of cells, and annexes after the articles with anchors and toc lines', () => {
    const act = doc(
      articleJson({ id: 'a1' }, par({ id: 'p1' }, 'Iznosi naknade su:', table({ id: 't1', header: true }, ['Usluga', 'Iznos'], ['Pomoć u kući', ['100 KM', 'mjesečno']]))),
      annex({ id: 'x1' }, 'Obrazac zahtjeva', 'Ime i prezime:', table({ id: 't2' }, ['A', 'B'])),
      annex({ id: 'x2' }, 'Cjenovnik'),
      memorandum(memorandumSection('I. USTAVNI OSNOV', 'Tekst.')),
    )
    const outline = outlineDocument(act, bs)
    const blocks = (outline.body[0] as OutlineArticle).paragraphs[0]!.blocks
    expect(blocks[1]).toMatchObject({
      kind: 'table',
      id: 't1',
      rows: [
        { header: true, cells: [['Usluga'], ['Iznos']] },
        { header: false, cells: [['Pomoć u kući'], ['100 KM', 'mjesečno']] },
      ],
      // Text for readers that only need lines (search, excerpts, reports).
      blocks: [{ kind: 'text', text: 'Usluga | Iznos' }, { kind: 'text', text: 'Pomoć u kući | 100 KM mjesečno' }],
    })
    expect(outline.annexes.map((a) => [a.label, a.heading, a.anchor, a.idAnchor])).toEqual([
      ['Prilog 1', 'Obrazac zahtjeva', 'prilog-1', 'x-x1'],
      ['Prilog 2', 'Cjenovnik', 'prilog-2', 'x-x2'],
    ])
    expect(outline.annexes[0]!.blocks.map((b) => b.kind)).toEqual(['text', 'table'])
    expect(outline.toc.map((e) => [e.kind, e.label, e.anchor])).toEqual([['annex', 'Prilog 1', 'prilog-1'], ['annex', 'Prilog 2', 'prilog-2']])
    expect(outline.memorandum?.sections).toHaveLength(1)
    expect(outlineDocument(act, srCyrl).annexes[1]!.label).toBe('Прилог 2')
  })

  it('gives an act without annexes an empty list and no annex lines in its table of contents', () => {
    const outline = outlineDocument(importPlainText(smallAct), bs)
    expect(outline.annexes).toEqual([])
    expect(outline.toc.every((e) => e.kind !== 'annex')).toBe(true)
  })
})
