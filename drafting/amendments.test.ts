import { describe, expect, it } from 'vitest'
import { amendingLawTitle, amendmentText } from './amendments.ts'
import { diffDocuments } from './diff.ts'
import type { LanguageVariant } from './language.ts'
import { importPlainText } from './plain-text-import.ts'
import { annex, table } from './tables.test-util.ts'
import { article, doc, par } from './test-builder.ts'
import type { Node } from 'prosemirror-model'

const bs: LanguageVariant = { language: 'bs', script: 'latn' }
const hr: LanguageVariant = { language: 'hr', script: 'latn' }
const srCyrl: LanguageVariant = { language: 'sr', script: 'cyrl' }

/** The words of a small act in each variant. */
const WORDS = {
  bs: { title: 'ZAKON O PROBI', article: 'Član', heading: 'Naslov', first: 'Prvi stav uređuje', second: 'Drugi stav uređuje', third: 'Treći stav uređuje', token: 'k', a: 'a', b: 'b' },
  hr: { title: 'ZAKON O PROBI', article: 'Članak', heading: 'Naslov', first: 'Prvi stavak uređuje', second: 'Drugi stavak uređuje', third: 'Treći stavak uređuje', token: 'k', a: 'a', b: 'b' },
  'sr-Cyrl': { title: 'ЗАКОН О ПРОБИ', article: 'Члан', heading: 'Наслов', first: 'Први став уређује', second: 'Други став уређује', third: 'Трећи став уређује', token: 'к', a: 'а', b: 'б' },
}
type Words = (typeof WORDS)[keyof typeof WORDS]

interface ArticleText {
  heading?: string
  paragraphs?: string[]
}

/**
 * An act of `count` articles, each with a heading and two paragraphs of its own words
 * ("k5a", "k5b"; "к5а", "к5б"), with some articles replaced (or removed, given null) and some inserted
 * after an old number; numbered continuously, as a new version reads.
 */
function act(w: Words, count: number, changes: Record<number, ArticleText | null> = {}, inserted: Record<number, ArticleText> = {}): string {
  const defaults = (n: number): Required<ArticleText> => ({
    heading: `${w.heading} ${w.token}${n}`,
    paragraphs: [`${w.first} ${w.token}${n}${w.a}.`, `${w.second} ${w.token}${n}${w.b}.`],
  })
  const articles: Required<ArticleText>[] = []
  for (let n = 1; n <= count; n++) {
    const change = changes[n]
    if (change !== null) articles.push({ ...defaults(n), ...change })
    const extra = inserted[n]
    if (extra) articles.push({ ...defaults(1000 + n), ...extra })
  }
  const lines = [w.title]
  articles.forEach((a, i) => {
    lines.push(`${w.article} ${i + 1}.`, `(${a.heading})`)
    a.paragraphs.forEach((p, j) => lines.push(a.paragraphs.length > 1 ? `(${j + 1}) ${p}` : p))
  })
  return lines.join('\n')
}

function amend(w: Words, variant: LanguageVariant, after: string, options = { lawTitle: 'Zakon o probi', gazette: '"Službene novine Federacije BiH", br. 12/24' }) {
  const diff = diffDocuments(importPlainText(act(w, 12), { numbering: 'frozen' }), importPlainText(after))
  return amendmentText(diff, variant, options)
}

describe('amendmentText in Bosnian', () => {
  const w = WORDS.bs
  const articles = amend(w, bs, act(w, 12, {
    5: { paragraphs: [`${w.first} k5a.`, `${w.second} k5b i još nešto.`] },
    7: { heading: 'Novi naslov' },
    12: null,
  }, { 10: { heading: 'Umetnuti član', paragraphs: ['Jedini stav k1010.'] } }))

  it('cites the amended act in its first article and replaces a paragraph', () => {
    expect(articles[0]).toBe([
      'Član 1.',
      'U Zakonu o probi ("Službene novine Federacije BiH", br. 12/24) u članu 5. stav (2) mijenja se i glasi:',
      '"(2) Drugi stav uređuje k5b i još nešto.".',
    ].join('\n'))
  })

  it('replaces a whole article whose heading changed', () => {
    expect(articles[1]).toBe([
      'Član 2.',
      'Član 7. mijenja se i glasi:',
      '"Član 7.',
      '(Novi naslov)',
      '(1) Prvi stav uređuje k7a.',
      '(2) Drugi stav uređuje k7b.".',
    ].join('\n'))
  })

  it('inserts an article with a letter suffix after the old number', () => {
    expect(articles[2]).toBe([
      'Član 3.',
      'Iza člana 10. dodaje se novi član 10a. koji glasi:',
      '"Član 10a.',
      '(Umetnuti član)',
      'Jedini stav k1010.".',
    ].join('\n'))
  })

  it('deletes an article and ends with entry into force', () => {
    expect(articles[3]).toBe('Član 4.\nČlan 12. briše se.')
    expect(articles[4]).toBe('Član 5.\nOvaj zakon stupa na snagu osmog dana od dana objavljivanja u "Službenim novinama Federacije BiH".')
    expect(articles).toHaveLength(5)
  })

  it('replaces a single point', () => {
    const before = act(w, 3, { 3: { paragraphs: ['Korisnik je:\na) dijete,\nb) odrasla osoba,\nc) starija osoba.'] } })
    const after = act(w, 3, { 3: { paragraphs: ['Korisnik je:\na) dijete,\nb) odrasla osoba s invaliditetom,\nc) starija osoba.'] } })
    const diff = diffDocuments(importPlainText(before, { numbering: 'frozen' }), importPlainText(after))
    expect(amendmentText(diff, bs, { lawTitle: 'Zakon o probi' })).toEqual([
      'Član 1.\nU Zakonu o probi u članu 3. tačka b) mijenja se i glasi:\n"b) odrasla osoba s invaliditetom,".',
      'Član 2.\nOvaj zakon stupa na snagu osmog dana od dana objavljivanja u službenom glasilu.',
    ])
  })

  it('inserts a paragraph and states how the later ones are renumbered', () => {
    const three = { paragraphs: [`${w.first} k5a.`, `${w.second} k5b.`, `${w.third} k5c.`] }
    const before = act(w, 6, { 5: three })
    const after = act(w, 6, { 5: { paragraphs: [`${w.first} k5a.`, 'Umetnuti stav o izuzecima.', `${w.second} k5b.`, `${w.third} k5c.`] } })
    const diff = diffDocuments(importPlainText(before, { numbering: 'frozen' }), importPlainText(after))
    expect(amendmentText(diff, bs, { lawTitle: 'Zakon o probi' })[0]).toBe([
      'Član 1.',
      'U Zakonu o probi u članu 5. iza stava (1) dodaje se novi stav (2) koji glasi:',
      '"(2) Umetnuti stav o izuzecima.".',
      'Dosadašnji stav (2) postaje stav (3).',
      'Dosadašnji stav (3) postaje stav (4).',
    ].join('\n'))
  })

  it('deletes a paragraph', () => {
    const three = { paragraphs: [`${w.first} k5a.`, `${w.second} k5b.`, `${w.third} k5c.`] }
    const diff = diffDocuments(
      importPlainText(act(w, 6, { 5: three }), { numbering: 'frozen' }),
      importPlainText(act(w, 6, { 5: { paragraphs: [`${w.first} k5a.`, `${w.third} k5c.`] } })),
    )
    expect(amendmentText(diff, bs, { lawTitle: 'Zakon o probi' })[0]).toBe(
      'Član 1.\nU Zakonu o probi u članu 5. stav (2) briše se.\nDosadašnji stav (3) postaje stav (2).',
    )
  })

  it('turns a moved article into a deletion where it was and an insertion where it is', () => {
    const before = act(w, 5)
    const moved = importPlainText(before.replace(/Član 2\.\n(\(Naslov k2\)\n\(1\)[^\n]*\n\(2\)[^\n]*)\n([\s\S]*?)Član 5\./, (_m, second, rest) => `${rest}Član 4a.\n${second}\nČlan 5.`), { numbering: 'frozen' })
    const diff = diffDocuments(importPlainText(before, { numbering: 'frozen' }), moved)
    expect(diff.summary.moved).toBe(1)
    const text = amendmentText(diff, bs, { lawTitle: 'Zakon o probi' })
    expect(text[0]).toBe('Član 1.\nU Zakonu o probi član 2. briše se.')
    expect(text[1]).toMatch(/^Član 2\.\nIza člana 4\. dodaje se novi član 4a\. koji glasi:\n"Član 4a\.\n\(Naslov k2\)/)
  })

  it('returns nothing when nothing changed', () => {
    const diff = diffDocuments(importPlainText(act(w, 3)), importPlainText(act(w, 3)))
    expect(amendmentText(diff, bs, { lawTitle: 'Zakon o probi' })).toEqual([])
  })

  it('titles the amending law by what it does', () => {
    const diff = (after: string) => diffDocuments(importPlainText(act(w, 4), { numbering: 'frozen' }), importPlainText(after))
    expect(amendingLawTitle(diff(act(w, 4, { 4: null }, { 2: {} })), bs, 'Zakon o probi')).toBe('ZAKON O IZMJENAMA I DOPUNAMA ZAKONA O PROBI')
    expect(amendingLawTitle(diff(act(w, 4, { 4: null })), bs, 'Zakon o probi')).toBe('ZAKON O IZMJENI ZAKONA O PROBI')
    expect(amendingLawTitle(diff(act(w, 4, {}, { 1: {}, 2: {} })), bs, 'Zakon o probi')).toBe('ZAKON O DOPUNAMA ZAKONA O PROBI')
  })
})

describe('amendmentText in Croatian', () => {
  const w = WORDS.hr
  const articles = amend(w, hr, act(w, 12, {
    5: { paragraphs: [`${w.first} k5a.`, `${w.second} k5b i još nešto.`] },
    7: { heading: 'Novi naslov' },
    12: null,
  }, { 10: { heading: 'Umetnuti članak', paragraphs: ['Jedini stavak k1010.'] } }))

  it('uses članak and stavak in every formula', () => {
    expect(articles[0]).toBe([
      'Članak 1.',
      'U Zakonu o probi ("Službene novine Federacije BiH", br. 12/24) u članku 5. stavak (2) mijenja se i glasi:',
      '"(2) Drugi stavak uređuje k5b i još nešto.".',
    ].join('\n'))
    expect(articles[1]).toMatch(/^Članak 2\.\nČlanak 7\. mijenja se i glasi:\n"Članak 7\.\n\(Novi naslov\)\n/)
    expect(articles[2]).toMatch(/^Članak 3\.\nIza članka 10\. dodaje se novi članak 10a\. koji glasi:\n"Članak 10a\.\n/)
    expect(articles[3]).toBe('Članak 4.\nČlanak 12. briše se.')
    expect(articles[4]).toBe('Članak 5.\nOvaj zakon stupa na snagu osmoga dana od dana objavljivanja u "Službenim novinama Federacije BiH".')
  })
})

describe('amendmentText in Serbian Cyrillic', () => {
  const w = WORDS['sr-Cyrl']
  const articles = amend(w, srCyrl, act(w, 12, {
    5: { paragraphs: [`${w.first} к5а.`, `${w.second} к5б и још нешто.`] },
    7: { heading: 'Нови наслов' },
    12: null,
  }, { 10: { heading: 'Уметнути члан', paragraphs: ['Једини став к1010.'] } }), {
    lawTitle: 'Закон о проби',
    gazette: '„Службени гласник Републике Српске“, бр. 12/24',
  })

  it('writes every formula in Cyrillic, with Cyrillic letter suffixes', () => {
    expect(articles[0]).toBe([
      'Члан 1.',
      'У Закону о проби („Службени гласник Републике Српске“, бр. 12/24) у члану 5. став (2) мијења се и гласи:',
      '„(2) Други став уређује к5б и још нешто.“.',
    ].join('\n'))
    expect(articles[1]).toMatch(/^Члан 2\.\nЧлан 7\. мијења се и гласи:\n„Члан 7\.\n\(Нови наслов\)\n/)
    expect(articles[2]).toBe(['Члан 3.', 'Иза члана 10. додаје се нови члан 10а. који гласи:', '„Члан 10а.', '(Уметнути члан)', 'Једини став к1010.“.'].join('\n'))
    expect(articles[3]).toBe('Члан 4.\nЧлан 12. брише се.')
    expect(articles[4]).toBe('Члан 5.\nОвај закон ступа на снагу осмог дана од дана објављивања у „Службеном гласнику Републике Српске“.')
  })

  it('titles the amending law in Cyrillic', () => {
    const diff = diffDocuments(importPlainText(act(w, 3), { numbering: 'frozen' }), importPlainText(act(w, 3, { 3: null }, { 1: {} })))
    expect(amendingLawTitle(diff, srCyrl, 'Закон о проби')).toBe('ЗАКОН О ИЗМЈЕНАМА И ДОПУНАМА ЗАКОНА О ПРОБИ')
  })
})

describe('amendmentText: annexes and tables', () => {
  const body = [
    article({ id: 'a1' }, par({ id: 'p1' }, 'Prvi stav uređuje k1a.'), par({ id: 'p2' }, 'Iznosi su:', table({ id: 't1', header: true }, ['Usluga', 'Iznos'], ['Pomoć', '100 KM']))),
    article({ id: 'a2' }, par({ id: 'p3' }, 'Jedini stav k2.')),
  ]
  const bodyWith = (amount: string) => [
    article({ id: 'a1' }, par({ id: 'p1' }, 'Prvi stav uređuje k1a.'), par({ id: 'p2' }, 'Iznosi su:', table({ id: 't1', header: true }, ['Usluga', 'Iznos'], ['Pomoć', amount]))),
    article({ id: 'a2' }, par({ id: 'p3' }, 'Jedini stav k2.')),
  ]
  const x1 = () => annex({ id: 'x1' }, 'Obrazac zahtjeva', 'Ime i prezime:')
  const x2 = (price = '100 KM') => annex({ id: 'x2' }, 'Cjenovnik', table({ id: 't2' }, ['Pomoć u kući', price]))
  const x3 = () => annex({ id: 'x3' }, 'Spisak ustanova', 'Centar za socijalni rad.')
  const amend = (before: Node, after: Node, variant: LanguageVariant = bs) =>
    amendmentText(diffDocuments(before, after, { align: 'ids' }), variant, { lawTitle: 'Zakon o probi' })

  it('replaces a changed annex in full, its table one row a line', () => {
    const articles = amend(doc(...body, x1(), x2()), doc(...body, x1(), x2('120 KM')))
    expect(articles).toEqual([
      'Član 1.\nU Zakonu o probi prilog 2. mijenja se i glasi:\n"Prilog 2\nCjenovnik\nPomoć u kući | 120 KM".',
      'Član 2.\nOvaj zakon stupa na snagu osmog dana od dana objavljivanja u službenom glasilu.',
    ])
    expect(amendingLawTitle(diffDocuments(doc(...body, x1(), x2()), doc(...body, x1(), x2('120 KM'))), bs, 'Zakon o probi')).toBe('ZAKON O IZMJENI ZAKONA O PROBI')
  })

  it('adds an annex with a letter under frozen numbering and deletes one, after the articles\' changes', () => {
    const before = doc(...body, annex({ id: 'x1', num: '1' }, 'Obrazac zahtjeva', 'Ime i prezime:'), annex({ id: 'x2', num: '2' }, 'Cjenovnik', 'Cijene.'), annex({ id: 'x9', num: '3' }, 'Stari obrazac', 'Tekst.'))
    const after = doc(
      article({ id: 'a1', num: '1' }, par({ id: 'p1' }, 'Prvi stav uređuje k1a.'), par({ id: 'p2' }, 'Iznosi su:', table({ id: 't1', header: true }, ['Usluga', 'Iznos'], ['Pomoć', '100 KM']))),
      article({ id: 'a2', num: '2' }, par({ id: 'p3' }, 'Jedini stav k2 izmijenjen.')),
      annex({ id: 'x1', num: '1' }, 'Obrazac zahtjeva', 'Ime i prezime:'),
      annex({ id: 'x2', num: '2' }, 'Cjenovnik', 'Cijene.'),
      annex({ id: 'x3' }, 'Spisak ustanova', 'Centar za socijalni rad.'),
    )
    const diff = diffDocuments(before, after, { align: 'ids' })
    expect(amendmentText(diff, bs, { lawTitle: 'Zakon o probi' })).toEqual([
      'Član 1.\nU Zakonu o probi član 2. mijenja se i glasi:\n"Član 2.\nJedini stav k2 izmijenjen.".',
      'Član 2.\nIza Priloga 2. dodaje se novi Prilog 2a. koji glasi:\n"Prilog 2a\nSpisak ustanova\nCentar za socijalni rad.".',
      'Član 3.\nPrilog 3. briše se.',
      'Član 4.\nOvaj zakon stupa na snagu osmog dana od dana objavljivanja u službenom glasilu.',
    ])
    expect(amendingLawTitle(diff, bs, 'Zakon o probi')).toBe('ZAKON O IZMJENAMA I DOPUNAMA ZAKONA O PROBI')
  })

  it('under continuous numbering adds the next number and states how the later annexes are renumbered', () => {
    expect(amend(doc(...body, x1(), x2()), doc(...body, x1(), x2(), x3()))[0]).toBe(
      'Član 1.\nU Zakonu o probi iza Priloga 2. dodaje se novi Prilog 3. koji glasi:\n"Prilog 3\nSpisak ustanova\nCentar za socijalni rad.".',
    )
    const inserted = amend(doc(...body, x1(), x2()), doc(...body, x1(), x3(), x2()))
    expect(inserted.slice(0, 2)).toEqual([
      'Član 1.\nU Zakonu o probi iza Priloga 1. dodaje se novi Prilog 2. koji glasi:\n"Prilog 2\nSpisak ustanova\nCentar za socijalni rad.".',
      'Član 2.\nDosadašnji Prilog 2. postaje Prilog 3.',
    ])
  })

  it('adds the first annex after the last article', () => {
    expect(amend(doc(...body), doc(...body, x1()))[0]).toBe(
      'Član 1.\nU Zakonu o probi iza člana 2. dodaje se novi Prilog 1. koji glasi:\n"Prilog 1\nObrazac zahtjeva\nIme i prezime:".',
    )
  })

  it('writes the annex formulas in Croatian and in Serbian Cyrillic', () => {
    expect(amend(doc(...body, x1(), x2()), doc(...body, x1(), x2(), x3()), hr)[0]).toMatch(/^Članak 1\.\nU Zakonu o probi iza Priloga 2\. dodaje se novi Prilog 3\. koji glasi:\n"Prilog 3\n/)
    const cyrillic = (before: Node, after: Node) => amendmentText(diffDocuments(before, after, { align: 'ids' }), srCyrl, { lawTitle: 'Закон о проби' })
    expect(cyrillic(doc(...body, x1(), x2()), doc(...body, x1()))[0]).toBe('Члан 1.\nУ Закону о проби прилог 2. брише се.')
    expect(cyrillic(doc(...body, x1(), x2()), doc(...body, x1(), x2(), x3()))[0]).toMatch(/^Члан 1\.\nУ Закону о проби иза Прилога 2\. додаје се нови Прилог 3\. који гласи:\n„Прилог 3\n/)
    expect(cyrillic(doc(...body, x1(), x2()), doc(...body, x1(), x2('120 KM')))[0]).toMatch(/^Члан 1\.\nУ Закону о проби прилог 2\. мијења се и гласи:\n„Прилог 2\n/)
  })

  it('replaces the whole paragraph whose table changed, the rules having no formula for a table alone', () => {
    expect(amend(doc(...body), doc(...bodyWith('120 KM')))[0]).toBe([
      'Član 1.',
      'U Zakonu o probi u članu 1. stav (2) mijenja se i glasi:',
      '"(2) Iznosi su:',
      'Usluga | Iznos',
      'Pomoć | 120 KM".',
    ].join('\n'))
  })
})
