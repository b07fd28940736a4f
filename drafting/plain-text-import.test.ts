import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { importLegalText, importPlainText } from './plain-text-import.ts'
import { parseDocument } from './document.ts'
import { numberDocument } from './numbering.ts'
import { IDENTIFIED_TYPES } from './schema.ts'

/**
 * The structure of an imported document in a form that reads like the act: text blocks
 * as strings, titles and headings as `{ heading: 'text' }`, units as `{ article: [...] }`,
 * with a written number in the key (`'article 18a'`).
 */
type Tree = string | { [key: string]: Tree[] | string }
function tree(node: Node): Tree {
  const name = node.type.name
  if (name === 'text_block') return node.textContent
  if (name === 'title' || name === 'heading' || name === 'article_heading') return { [name]: node.textContent }
  const children: Tree[] = []
  node.forEach((child) => {
    children.push(tree(child))
  })
  const num = node.attrs.num as string | null | undefined
  return { [num ? `${name} ${num}` : name]: children }
}

/** The body of an act (everything after the title). */
const body = (doc: Node): Tree[] => {
  const out: Tree[] = []
  doc.forEach((child, _, index) => {
    if (index > 0) out.push(tree(child))
  })
  return out
}

const nodesOf = (doc: Node, type: string): Node[] => {
  const out: Node[] = []
  doc.descendants((node) => {
    if (node.type.name === type) out.push(node)
  })
  return out
}
const articlesOf = (doc: Node) => nodesOf(doc, 'article')
const headingOf = (article: Node): string | null =>
  article.firstChild?.type.name === 'article_heading' ? article.firstChild.textContent : null
const paragraphsOf = (article: Node): Node[] => {
  const out: Node[] = []
  article.forEach((child) => {
    if (child.type.name === 'paragraph') out.push(child)
  })
  return out
}
const childTexts = (unit: Node, type: string): string[] => {
  const out: string[] = []
  unit.forEach((child) => {
    if (child.type.name === type) out.push(child.firstChild!.textContent)
  })
  return out
}
const lines = (...text: string[]) => text.join('\n')

describe('importPlainText: title and articles', () => {
  it('takes the first line as the title and reads an article below it', () => {
    const doc = importPlainText(lines('ZAKON O SOCIJALNIM USLUGAMA', 'Član 1.', 'Ovim zakonom uređuju se socijalne usluge.'))
    expect(doc.firstChild!.textContent).toBe('ZAKON O SOCIJALNIM USLUGAMA')
    expect(body(doc)).toEqual([{ article: [{ paragraph: ['Ovim zakonom uređuju se socijalne usluge.'] }] }])
  })

  it('reads an article heading in parentheses on the line below the label', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', '(Predmet)', 'Ovim zakonom uređuje se proba.'))
    expect(body(doc)).toEqual([{ article: [{ article_heading: 'Predmet' }, { paragraph: ['Ovim zakonom uređuje se proba.'] }] }])
  })

  it('reads an article heading on the same line as the label: "Član 1. (Predmet Zakona)"', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1. (Predmet Zakona)', 'Tekst.', 'Član 2.(Pojam)', 'Tekst.'))
    expect(articlesOf(doc).map(headingOf)).toEqual(['Predmet Zakona', 'Pojam'])
  })

  it('reads labels without a dot: "Član 1"', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1', 'Prvi.', 'Član 2', 'Drugi.', 'Član 3 (Predmet)', 'Treći.'))
    const articles = articlesOf(doc)
    expect(articles).toHaveLength(3)
    expect(articles.map((a) => childTexts(a, 'paragraph'))).toEqual([['Prvi.'], ['Drugi.'], ['Treći.']])
    expect(headingOf(articles[2]!)).toBe('Predmet')
  })

  it('reads the Croatian label "Članak 3."', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Članak 3.', '(Predmet)', 'Ovim se zakonom uređuje proba.'), { numbering: 'frozen' })
    expect(body(doc)).toEqual([{ 'article 3': [{ article_heading: 'Predmet' }, { paragraph: ['Ovim se zakonom uređuje proba.'] }] }])
  })

  it('reads the Cyrillic label "Члан 2." with its heading', () => {
    const doc = importPlainText(lines('ЗАКОН О ПРОБИ', 'Члан 1.', '(Предмет)', 'Овим законом уређује се проба.', 'Члан 2.', 'Овај закон ступа на снагу осмог дана.'))
    expect(doc.firstChild!.textContent).toBe('ЗАКОН О ПРОБИ')
    expect(body(doc)).toEqual([
      { article: [{ article_heading: 'Предмет' }, { paragraph: ['Овим законом уређује се проба.'] }] },
      { article: [{ paragraph: ['Овај закон ступа на снагу осмог дана.'] }] },
    ])
  })

  it('does not take a line that only mentions an article for a label', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Član 5. stav 2. ovog zakona primjenjuje se i na porodice.', 'Članovi porodice su:'))
    expect(articlesOf(doc)).toHaveLength(1)
    expect(childTexts(articlesOf(doc)[0]!, 'paragraph')).toEqual(['Član 5. stav 2. ovog zakona primjenjuje se i na porodice.', 'Članovi porodice su:'])
  })

  it('does not take a quoted label in an amending law for an article', () => {
    const doc = importPlainText(lines('ZAKON O IZMJENAMA', 'Član 1.', 'Član 18f. mijenja se i glasi:', '"Član 18f.', 'Osnovica iznosi 274,40 KM.".', 'Član 2.', 'Ovaj zakon stupa na snagu.'))
    expect(articlesOf(doc)).toHaveLength(2)
  })

  it('ignores blank lines, surrounding spaces and Windows line ends', () => {
    const doc = importPlainText('\r\n  ZAKON O PROBI  \r\n\r\n   Član 1.\r\n\r\n  (Predmet)\r\n\t Tekst.  \r\n')
    expect(doc.firstChild!.textContent).toBe('ZAKON O PROBI')
    expect(body(doc)).toEqual([{ article: [{ article_heading: 'Predmet' }, { paragraph: ['Tekst.'] }] }])
  })

  it('reads labels written with decomposed letters (Č as C + caron)', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'C\u030Clan 1.', 'Tekst.').normalize('NFD'))
    expect(articlesOf(doc)).toHaveLength(1)
    expect(doc.firstChild!.textContent).toBe('ZAKON O PROBI')
  })

  it('refuses a text without any article', () => {
    expect(() => importPlainText(lines('ZAKON O PROBI', 'Samo naslov i jedna rečenica.'))).toThrow(RangeError)
    expect(() => importPlainText('')).toThrow(RangeError)
  })
})

describe('importPlainText: parts and chapters', () => {
  const act = lines(
    'ZAKON O PROBI',
    'DIO PRVI – OSNOVNE ODREDBE',
    'POGLAVLJE I. PREDMET',
    'Član 1.',
    'Prvi.',
    'Član 2.',
    'Drugi.',
    'POGLAVLJE II. NAČELA',
    'Član 3.',
    'Treći.',
    'DIO DRUGI - PRAVA',
    'Član 4.',
    'Četvrti.',
    'POGLAVLJE I. NOVČANA PRAVA',
    'Član 5.',
    'Peti.',
  )

  it('puts chapters in their part and articles in their chapter', () => {
    const doc = importPlainText(act)
    expect(body(doc)).toEqual([
      {
        part: [
          { heading: 'OSNOVNE ODREDBE' },
          { chapter: [{ heading: 'PREDMET' }, { article: [{ paragraph: ['Prvi.'] }] }, { article: [{ paragraph: ['Drugi.'] }] }] },
          { chapter: [{ heading: 'NAČELA' }, { article: [{ paragraph: ['Treći.'] }] }] },
        ],
      },
      {
        part: [
          { heading: 'PRAVA' },
          { article: [{ paragraph: ['Četvrti.'] }] },
          { chapter: [{ heading: 'NOVČANA PRAVA' }, { article: [{ paragraph: ['Peti.'] }] }] },
        ],
      },
    ])
  })

  it('numbers the imported articles continuously and restarts chapters in each part', () => {
    const doc = importPlainText(act)
    const numbers = numberDocument(doc)
    expect(articlesOf(doc).map((a) => numbers.get(a.attrs.id as string))).toEqual(['1', '2', '3', '4', '5'])
    expect(nodesOf(doc, 'chapter').map((c) => numbers.get(c.attrs.id as string))).toEqual(['1', '2', '1'])
    expect(nodesOf(doc, 'part').map((p) => numbers.get(p.attrs.id as string))).toEqual(['1', '2'])
  })

  it('reads chapters without parts, with or without a dot and a heading', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'POGLAVLJE I. OPĆE ODREDBE', 'Član 1.', 'Prvi.', 'POGLAVLJE II', 'Član 2.', 'Drugi.', 'POGLAVLJE III ZAVRŠNE ODREDBE', 'Član 3.', 'Treći.'))
    expect(body(doc).map((unit) => (unit as { chapter: Tree[] }).chapter[0])).toEqual([
      { heading: 'OPĆE ODREDBE' },
      { heading: '' },
      { heading: 'ZAVRŠNE ODREDBE' },
    ])
  })

  it('reads Cyrillic parts and chapters: ДИО ПРВИ – …, ПОГЛАВЉЕ I. …', () => {
    const doc = importPlainText(lines('ЗАКОН О ПРОБИ', 'ДИО ПРВИ – ОСНОВНЕ ОДРЕДБЕ', 'ПОГЛАВЉЕ I. ПРЕДМЕТ', 'Члан 1.', 'Текст.'))
    expect(body(doc)).toEqual([
      { part: [{ heading: 'ОСНОВНЕ ОДРЕДБЕ' }, { chapter: [{ heading: 'ПРЕДМЕТ' }, { article: [{ paragraph: ['Текст.'] }] }] }] },
    ])
  })

  it('reads a part heading after an em dash', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'DIO TREĆI — KAZNENE ODREDBE', 'Član 1.', 'Tekst.'))
    expect(nodesOf(doc, 'heading').map((h) => h.textContent)).toEqual(['KAZNENE ODREDBE'])
  })
})

describe('importPlainText: paragraphs, points and indents', () => {
  it('reads numbered paragraphs "(1)", "(2)" as the paragraphs of the article', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', '(1) Prvi stav.', '(2) Drugi stav.', '(3) Treći stav.'))
    expect(body(doc)).toEqual([{ article: [{ paragraph: ['Prvi stav.'] }, { paragraph: ['Drugi stav.'] }, { paragraph: ['Treći stav.'] }] }])
  })

  it('reads every plain line as an unnumbered paragraph', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 3', 'Djelatnost obavljaju ustanove.', 'Ustanove imaju svojstvo pravnog lica.', 'Na ustanove se primjenjuju propisi o ustanovama.'))
    expect(childTexts(articlesOf(doc)[0]!, 'paragraph')).toEqual([
      'Djelatnost obavljaju ustanove.',
      'Ustanove imaju svojstvo pravnog lica.',
      'Na ustanove se primjenjuju propisi o ustanovama.',
    ])
  })

  it('reads lettered points a), b), c) inside their paragraph', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 2.', '(1) U smislu ovog zakona:', 'a) prvi pojam,', 'b) drugi pojam,', 'c) treći pojam.', '(2) Drugi stav.'))
    expect(body(doc)).toEqual([
      {
        article: [
          { paragraph: ['U smislu ovog zakona:', { point: ['prvi pojam,'] }, { point: ['drugi pojam,'] }, { point: ['treći pojam.'] }] },
          { paragraph: ['Drugi stav.'] },
        ],
      },
    ])
  })

  it('reads numbered points "1)", "2)" of older acts', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 5', 'Članovi porodice su:', '1) bračni drug,', '2) djeca,', '10) roditelji.'))
    expect(body(doc)).toEqual([
      { article: [{ paragraph: ['Članovi porodice su:', { point: ['bračni drug,'] }, { point: ['djeca,'] }, { point: ['roditelji.'] }] }] },
    ])
  })

  it('reads Cyrillic points а), б), в)', () => {
    const doc = importPlainText(lines('ЗАКОН О ПРОБИ', 'Члан 2.', 'Под прописима се подразумијевају:', 'а) закон,', 'б) уредба,', 'в) пословник,', 'ђ) упутство.'))
    expect(body(doc)).toEqual([
      {
        article: [{ paragraph: ['Под прописима се подразумијевају:', { point: ['закон,'] }, { point: ['уредба,'] }, { point: ['пословник,'] }, { point: ['упутство.'] }] }],
      },
    ])
  })

  it('reads points written with Bosnian letters such as č) and đ)', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Uvod:', 'c) treća,', 'č) četvrta,', 'đ) šesta.'))
    expect(nodesOf(doc, 'point')).toHaveLength(3)
  })

  it('opens a paragraph with an empty lead when points follow the label directly', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'a) prva,', 'b) druga.'))
    expect(body(doc)).toEqual([{ article: [{ paragraph: ['', { point: ['prva,'] }, { point: ['druga.'] }] }] }])
  })

  it('keeps the closing words after points in the same paragraph', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', '(1) Pravo imaju:', 'a) djeca,', 'b) roditelji,', 'ako ispunjavaju uslove.', '(2) Drugi stav.'))
    expect(body(doc)).toEqual([
      {
        article: [
          { paragraph: ['Pravo imaju:', { point: ['djeca,'] }, { point: ['roditelji,'] }, 'ako ispunjavaju uslove.'] },
          { paragraph: ['Drugi stav.'] },
        ],
      },
    ])
  })

  it('starts a new paragraph for a second plain line after the closing words', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Pravo imaju:', 'a) djeca,', 'ako ispunjavaju uslove.', 'Novi stav.'))
    expect(childTexts(articlesOf(doc)[0]!, 'paragraph')).toEqual(['Pravo imaju:', 'Novi stav.'])
  })

  it('reads indents introduced by "-", "–" or "•" as indents of the paragraph', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Ovim zakonom uređuju se:', '- osnove zaštite,', '– prava korisnika,', '• finansiranje.'))
    expect(body(doc)).toEqual([
      {
        article: [{ paragraph: ['Ovim zakonom uređuju se:', { indent: ['osnove zaštite,'] }, { indent: ['prava korisnika,'] }, { indent: ['finansiranje.'] }] }],
      },
    ])
  })

  it('puts an indent that follows a point inside that point', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', '(1) Korisnici su:', 'a) djeca:', '- bez roditelja,', '- zanemarena,', 'b) odrasli.'))
    expect(body(doc)).toEqual([
      {
        article: [
          {
            paragraph: ['Korisnici su:', { point: ['djeca:', { indent: ['bez roditelja,'] }, { indent: ['zanemarena,'] }] }, { point: ['odrasli.'] }],
          },
        ],
      },
    ])
  })

  it('opens a paragraph with an empty lead when indents follow the label directly', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', '- prva,', '- druga.'))
    expect(body(doc)).toEqual([{ article: [{ paragraph: ['', { indent: ['prva,'] }, { indent: ['druga.'] }] }] }])
  })

  it('reads a parenthesised line after the first paragraph as text, not as a heading', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Tekst.', '(vidi član 2.)'))
    expect(headingOf(articlesOf(doc)[0]!)).toBeNull()
    expect(childTexts(articlesOf(doc)[0]!, 'paragraph')).toEqual(['Tekst.', '(vidi član 2.)'])
  })

  it('numbers the paragraphs of an imported article only when it has more than one', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Jedini stav.', 'Član 2.', '(1) Prvi.', '(2) Drugi.'))
    const numbers = numberDocument(doc)
    const [first, second] = articlesOf(doc)
    expect(paragraphsOf(first!).map((p) => numbers.get(p.attrs.id as string))).toEqual([undefined])
    expect(paragraphsOf(second!).map((p) => numbers.get(p.attrs.id as string))).toEqual(['1', '2'])
  })
})

describe('importPlainText: memorandum', () => {
  it('reads the OBRAZLOŽENJE and its Roman-numbered sections', () => {
    const doc = importPlainText(
      lines('ZAKON O PROBI', 'Član 1.', 'Tekst.', 'OBRAZLOŽENJE', 'I. USTAVNI OSNOV', 'Ustavni osnov sadržan je u članu III.', 'II. RAZLOZI ZA DONOŠENJE', 'Prvi razlog.', 'Drugi razlog.'),
    )
    expect(body(doc)).toEqual([
      { article: [{ paragraph: ['Tekst.'] }] },
      {
        memorandum: [
          { memorandum_section: [{ heading: 'USTAVNI OSNOV' }, 'Ustavni osnov sadržan je u članu III.'] },
          { memorandum_section: [{ heading: 'RAZLOZI ZA DONOŠENJE' }, 'Prvi razlog.', 'Drugi razlog.'] },
        ],
      },
    ])
  })

  it('reads the letter-spaced "O B R A Z L O Ž E NJ E" and the Cyrillic ОБРАЗЛОЖЕЊЕ', () => {
    const spaced = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Tekst.', 'O B R A Z L O Ž E NJ E', 'I. USTAVNI OSNOV', 'Osnov.'))
    const cyrillic = importPlainText(lines('ЗАКОН О ПРОБИ', 'Члан 1.', 'Текст.', 'ОБРАЗЛОЖЕЊЕ', 'I. УСТАВНИ ОСНОВ', 'Основ.'))
    expect(nodesOf(spaced, 'memorandum_section').map((s) => s.firstChild!.textContent)).toEqual(['USTAVNI OSNOV'])
    expect(nodesOf(cyrillic, 'memorandum_section').map((s) => s.firstChild!.textContent)).toEqual(['УСТАВНИ ОСНОВ'])
  })

  it('puts memorandum text before the first numbered section in a section without heading', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Tekst.', 'OBRAZLOŽENJE', 'Uvodna napomena.', 'I. USTAVNI OSNOV', 'Osnov.'))
    expect(tree(doc.lastChild!)).toEqual({
      memorandum: [{ memorandum_section: [{ heading: '' }, 'Uvodna napomena.'] }, { memorandum_section: [{ heading: 'USTAVNI OSNOV' }, 'Osnov.'] }],
    })
  })

  it('reads labels inside the memorandum as its text, not as articles', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Tekst.', 'OBRAZLOŽENJE', 'II. OBRAZLOŽENJE ODREDBI', 'Član 1.', 'Utvrđuje se predmet.'))
    expect(articlesOf(doc)).toHaveLength(1)
    expect(tree(doc.lastChild!)).toEqual({ memorandum: [{ memorandum_section: [{ heading: 'OBRAZLOŽENJE ODREDBI' }, 'Član 1.', 'Utvrđuje se predmet.'] }] })
  })

  it('leaves out a memorandum title with nothing under it', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Tekst.', 'OBRAZLOŽENJE'))
    expect(nodesOf(doc, 'memorandum')).toHaveLength(0)
  })
})

describe('importPlainText: annexes', () => {
  it('reads "PRILOG 1", "Prilog br. 2" and "ПРИЛОГ 3" after the last article as numbered annexes with their titles', () => {
    const doc = importPlainText(
      lines(
        'ZAKON O PROBI', 'Član 1.', 'Obrazac iz Priloga 1 sastavni je dio ovog zakona.', 'Član 2.', 'Ovaj zakon stupa na snagu osmog dana.',
        'PRILOG 1', 'OBRAZAC ZAHTJEVA', 'Ime i prezime:', 'Adresa:',
        'Prilog br. 2 – Cjenovnik usluga', 'Pomoć u kući 100 KM.',
      ),
    )
    expect(articlesOf(doc)).toHaveLength(2)
    expect(body(doc).slice(2)).toEqual([
      { annex: [{ heading: 'OBRAZAC ZAHTJEVA' }, 'Ime i prezime:', 'Adresa:'] },
      { annex: [{ heading: 'Cjenovnik usluga' }, 'Pomoć u kući 100 KM.'] },
    ])
    const numbers = numberDocument(doc)
    expect(nodesOf(doc, 'annex').map((a) => numbers.get(a.attrs.id as string))).toEqual(['1', '2'])
    expect(parseDocument(doc.toJSON()).ok).toBe(true)

    const cyrillic = importPlainText(lines('ЗАКОН О ПРОБИ', 'Члан 1.', 'Текст.', 'ПРИЛОГ 1', 'Образац пријаве', 'Име и презиме:'))
    expect(body(cyrillic).slice(1)).toEqual([{ annex: [{ heading: 'Образац пријаве' }, 'Име и презиме:'] }])
  })

  it('puts annexes before the memorandum, keeps frozen numbers, and gives a title-only annex an empty text', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Tekst.', 'PRILOG 3', 'Mapa', 'OBRAZLOŽENJE', 'I. USTAVNI OSNOV', 'Osnov.'), { numbering: 'frozen' })
    const names: string[] = []
    doc.forEach((n) => void names.push(n.type.name))
    expect(names).toEqual(['title', 'article', 'annex', 'memorandum'])
    expect(tree(nodesOf(doc, 'annex')[0]!)).toEqual({ 'annex 3': [{ heading: 'Mapa' }, ''] })
    expect(parseDocument(doc.toJSON()).ok).toBe(true)
  })

  it('reads a "Prilog 1" line inside an article, before the last article, as the article\'s text', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Sastavni dio zakona je:', 'Prilog 1', 'Član 2.', 'Tekst.'))
    expect(articlesOf(doc)).toHaveLength(2)
    expect(nodesOf(doc, 'annex')).toHaveLength(0)
  })
})

describe('importPlainText: numbering modes and ids', () => {
  const amended = lines('ZAKON O PROBI', 'Član 18.', 'Tekst.', 'Član 18a.', 'Umetnuti.', 'Član 18 b.', 'Umetnuti.', 'Član 19', 'Tekst.')

  it('keeps each written number, "18a" included, when numbering is frozen', () => {
    const doc = importPlainText(amended, { numbering: 'frozen' })
    expect(articlesOf(doc).map((a) => a.attrs.num)).toEqual(['18', '18a', '18b', '19'])
  })

  it('keeps a Cyrillic suffix as written', () => {
    const doc = importPlainText(lines('ЗАКОН О ПРОБИ', 'Члан 10а.', 'Текст.'), { numbering: 'frozen' })
    expect(articlesOf(doc).map((a) => a.attrs.num)).toEqual(['10а'])
  })

  it('numbers a frozen import with its written numbers', () => {
    const doc = importPlainText(amended, { numbering: 'frozen' })
    const numbers = numberDocument(doc, 'frozen')
    expect(articlesOf(doc).map((a) => numbers.get(a.attrs.id as string))).toEqual(['18', '18a', '18b', '19'])
  })

  it('drops the written numbers when numbering is continuous, the default', () => {
    const doc = importPlainText(amended)
    expect(articlesOf(doc).map((a) => a.attrs.num)).toEqual([null, null, null, null])
    const numbers = numberDocument(doc)
    expect(articlesOf(doc).map((a) => numbers.get(a.attrs.id as string))).toEqual(['1', '2', '3', '4'])
  })

  it('gives every structural unit its own stable id', () => {
    const doc = importPlainText(
      lines('ZAKON O PROBI', 'DIO PRVI – OPĆE', 'POGLAVLJE I. PREDMET', 'Član 1.', '(1) Tekst:', 'a) tačka,', '- alineja', '(2) Drugi.', 'OBRAZLOŽENJE', 'I. OSNOV', 'Tekst.'),
    )
    const ids: unknown[] = []
    doc.descendants((node) => {
      if (IDENTIFIED_TYPES.has(node.type.name)) ids.push(node.attrs.id)
    })
    expect(ids).toHaveLength(9)
    expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true)
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('gives new ids on each import', () => {
    const text = lines('ZAKON O PROBI', 'Član 1.', 'Tekst.')
    expect(articlesOf(importPlainText(text))[0]!.attrs.id).not.toBe(articlesOf(importPlainText(text))[0]!.attrs.id)
  })

  it('produces a document the server validator accepts', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'DIO PRVI – OPĆE', 'Član 1.', '(1) Tekst:', 'a) tačka,', '(2) Drugi.'))
    expect(parseDocument(doc.toJSON()).ok).toBe(true)
  })
})

// Real acts, stored verbatim with their defects. The first two lines of each file are the
// source address and a note; a marker line shows where the stored beginning stops.
const FIXTURES = path.resolve(import.meta.dirname, '../../shared/fixtures/laws')
const END_MARKER = '[the rest of the act is not included]'
function fixture(name: string): string {
  const all = fs.readFileSync(path.join(FIXTURES, name), 'utf8').split(/\r?\n/).slice(2)
  return all.filter((line) => line.trim() !== END_MARKER).join('\n')
}

describe('importPlainText on real acts', () => {
  describe('FBiH ZOSZ 1999, consolidated (old style)', () => {
    const doc = importPlainText(fixture('fbih_zakon-o-osnovama-socijalne-zastite-ZOSZ-1999-precisceni_bs_pravobih_POCETAK.txt'), { numbering: 'frozen' })
    const articles = articlesOf(doc)

    it('finds articles 1 … 5 written "Član 1" without a dot', () => {
      expect(articles.map((a) => a.attrs.num)).toEqual(['1', '2', '3', '4', '5'])
    })

    it('takes the act name on the first line as the title', () => {
      expect(doc.firstChild!.textContent).toBe('Zakon o osnovama socijalne zaštite, zaštite civilnih žrtava rata i zaštite porodice sa djecom FBiH')
    })

    it('reads articles without headings', () => {
      expect(articles.map(headingOf)).toEqual([null, null, null, null, null])
    })

    it('reads the "-" indents of article 1 into its one paragraph', () => {
      const paragraphs = paragraphsOf(articles[0]!)
      expect(paragraphs).toHaveLength(1)
      expect(paragraphs[0]!.firstChild!.textContent).toBe('Ovim zakonom uređuje se:')
      const indents = childTexts(paragraphs[0]!, 'indent')
      expect(indents).toHaveLength(6)
      expect(indents[0]).toMatch(/^osnove socijalne zaštite građana/)
      expect(indents[2]).toBe('osnovna prava lica sa invaliditetom')
      expect(indents[5]).toMatch(/\(u daljem tekstu: Federacija\)\.$/)
    })

    it('reads the unnumbered paragraphs of article 3', () => {
      expect(childTexts(articles[2]!, 'paragraph').map((t) => t.slice(0, 30))).toEqual([
        'Djelatnost socijalne zaštite, ',
        'Ustanove socijalne zaštite ima',
        'Na osnivanje i rad ustanova so',
      ])
    })

    it('reads the "1)" points of article 5 into its second paragraph', () => {
      const second = paragraphsOf(articles[4]!)[1]!
      expect(second.firstChild!.textContent).toBe('Članovi porodice civilne žrtve rata, u smislu ovog zakona, su:')
      expect(childTexts(second, 'point')).toEqual(['bračni drug i djeca rođena u braku ili van braka,', 'usvojena djeca i pastorčad,', 'roditelji i usvojioci,', 'očuh i maćeha.'])
    })

    it('is numbered 1 … 5 continuously as well', () => {
      const continuous = importPlainText(fixture('fbih_zakon-o-osnovama-socijalne-zastite-ZOSZ-1999-precisceni_bs_pravobih_POCETAK.txt'))
      const numbers = numberDocument(continuous)
      expect(articlesOf(continuous).map((a) => numbers.get(a.attrs.id as string))).toEqual(['1', '2', '3', '4', '5'])
    })
  })

  describe('BiH 2017 consultation rules (headings below the label)', () => {
    const doc = importPlainText(fixture('bih_pravila-za-konsultacije-u-izradi-pravnih-propisa-2017_bs_sluzbenilist-SG-5-17_POCETAK.txt'), { numbering: 'frozen' })
    const articles = articlesOf(doc)

    it('finds articles 1, 2 and 3 with their headings from the line below the label', () => {
      expect(articles.map((a) => a.attrs.num)).toEqual(['1', '2', '3'])
      expect(articles.map(headingOf)).toEqual(['Predmet', 'Definicije', 'Popis osoba zainteresovanih za konsultacije'])
    })

    it('reads article 1 as one paragraph', () => {
      const paragraphs = childTexts(articles[0]!, 'paragraph')
      expect(paragraphs).toHaveLength(1)
      expect(paragraphs[0]).toMatch(/^Ovim pravilima propisuje se postupak provođenja javnih konsultacija/)
    })

    it('reads the definitions of article 2 as points a) … f) under one lead sentence', () => {
      const paragraphs = paragraphsOf(articles[1]!)
      expect(paragraphs).toHaveLength(1)
      expect(paragraphs[0]!.firstChild!.textContent).toBe('U smislu ovih pravila:')
      const points = childTexts(paragraphs[0]!, 'point')
      expect(points).toHaveLength(6)
      expect(points[0]).toMatch(/^"zainteresovana javnost" su privatno-pravne osobe/)
      expect(points[2]).toMatch(/^,,propis" je ustav/)
      expect(points[5]).toMatch(/^"voditelj konsultacija" je osoba u instituciji BiH/)
    })

    it('reads the "(1)" paragraph that opens article 3', () => {
      expect(childTexts(articles[2]!, 'paragraph')[0]).toMatch(/^Institucija BiH vodi i ažurira na internet stranici popis/)
    })
  })

  describe('FBiH 2018 draft (heading on the label line)', () => {
    const doc = importPlainText(fixture('fbih_nacrt-zakona-o-podrsci-porodicama-s-djecom-2018_bs_pdfslide_POCETAK.txt'), { numbering: 'frozen' })
    const articles = articlesOf(doc)

    it('reads "DIO PRVI – OSNOVNE ODREDBE" as a part holding articles 1 and 2', () => {
      const parts = nodesOf(doc, 'part')
      expect(parts).toHaveLength(1)
      expect(parts[0]!.firstChild!.textContent).toBe('OSNOVNE ODREDBE')
      expect(articlesOf(parts[0]!).map((a) => a.attrs.num)).toEqual(['1', '2'])
    })

    it('reads the headings joined to the labels', () => {
      expect(articles.map(headingOf)).toEqual(['Predmet Zakona', 'Pojam podrške porodici s djecom'])
    })

    it('reads the text of articles 1 and 2', () => {
      expect(paragraphsOf(articles[0]!)[0]!.textContent).toMatch(/^Ovim zakonom uređuju se osnove materijalne podrške porodicama s djecom/)
      expect(paragraphsOf(articles[1]!)[0]!.textContent).toMatch(/^Podrška porodicama s djecom, u smislu ovog zakona, podrazumijeva/)
    })
  })

  describe('FBiH 2016 amending law', () => {
    const doc = importPlainText(fixture('fbih_zakon-o-izmjenama-i-dopunama-ZOSZ-2016_bs_fbihvlada.txt'), { numbering: 'frozen' })

    it('finds its own articles 1 … 4 and not the quoted articles 18f. and 79b.', () => {
      expect(articlesOf(doc).map((a) => a.attrs.num)).toEqual(['1', '2', '3', '4'])
    })

    it('keeps the quoted new text inside the amending article', () => {
      expect(articlesOf(doc)[0]!.textContent).toContain('"Član 18f.')
      expect(articlesOf(doc)[2]!.textContent).toContain('"Član 79b.')
    })

    it('reads the entry-into-force sentence into the last article', () => {
      expect(paragraphsOf(articlesOf(doc)[3]!)[0]!.textContent).toBe(
        'Ovaj zakon stupa na snagu osmog dana od dana objavljivanja u "Službenim novinama Federacije BiH".',
      )
    })
  })

  describe('FBiH 2022 amending law in Croatian and in Serbian Cyrillic', () => {
    const hr = importPlainText(fixture('fbih_zakon-o-izmjeni-zakona-o-pravima-branilaca-2022_hr_fbihvlada.txt'), { numbering: 'frozen' })
    const cyrl = importPlainText(fixture('fbih_zakon-o-izmjeni-zakona-o-pravima-branilaca-2022_sr-Cyrl_fbihvlada.txt'), { numbering: 'frozen' })

    it('finds "Članak 1." and "Članak 2." in the Croatian text', () => {
      expect(articlesOf(hr).map((a) => a.attrs.num)).toEqual(['1', '2'])
    })

    it('finds "Члан 1." and "Члан 2." in the Cyrillic text', () => {
      expect(articlesOf(cyrl).map((a) => a.attrs.num)).toEqual(['1', '2'])
    })

    it('reads the three "-" indents of the quoted article in both versions', () => {
      expect(nodesOf(hr, 'indent').map((i) => i.textContent)).toEqual([
        'za prvi stupanj 200% od osnovice',
        'za drugi stupanj 140% od osnovice',
        'za treći stupanj 100% od osnovice.".',
      ])
      expect(nodesOf(cyrl, 'indent').map((i) => i.textContent)).toEqual([
        'за први степен 200% од основице',
        'за други степен 140% од основице',
        'за трећи степен 100% од основице.".',
      ])
    })

    it('reads the entry into force of the Cyrillic text as its last article', () => {
      expect(articlesOf(cyrl)[1]!.textContent).toMatch(/^Овај закон ступа на снагу наредног дана/)
    })
  })

  describe('RS 2006 drafting rules (Latin and Cyrillic renderings)', () => {
    const latn = importPlainText(fixture('rs_pravila-normativno-pravne-tehnike-2006_sr-Latn_wikisource_POCETAK.txt'), { numbering: 'frozen' })
    const cyrl = importPlainText(fixture('rs_pravila-normativno-pravne-tehnike-2006_sr-Cyrl_wikisource_POCETAK.txt'), { numbering: 'frozen' })

    it('finds articles 1 … 3 in the Latin text and article 1 in the shorter Cyrillic one', () => {
      expect(articlesOf(latn).map((a) => a.attrs.num)).toEqual(['1', '2', '3'])
      expect(articlesOf(cyrl).map((a) => a.attrs.num)).toEqual(['1'])
    })

    it('reads the three "(1)" … "(3)" paragraphs of article 1', () => {
      expect(childTexts(articlesOf(latn)[0]!, 'paragraph').map((t) => t.slice(0, 22))).toEqual([
        'Pravilima normativno-p',
        'Pravila iz stava 1. ov',
        'Ova pravila mogu se pr',
      ])
    })

    it('reads the points in Cyrillic order a) b) v) g) d) đ) e) ž) as eight points', () => {
      const paragraph = paragraphsOf(articlesOf(latn)[1]!)[0]!
      expect(paragraph.firstChild!.textContent).toBe('Pod propisima, u smislu ovih pravila, podrazumijevaju se:')
      expect(childTexts(paragraph, 'point')).toEqual([
        'zakon,', 'uredba,', 'poslovnik,', 'odluka,', 'pravilnik,', 'uputstvo,', 'naredba i', 'drugi opšti pravni akti.',
      ])
    })

    it('reads the Cyrillic "(1)" paragraph of article 1', () => {
      expect(paragraphsOf(articlesOf(cyrl)[0]!)[0]!.textContent).toMatch(/^Правилима нормативно-правне технике/)
    })
  })

  describe('Una-Sana canton 2000 law, consolidated', () => {
    const doc = importPlainText(fixture('usk_zakon-o-socijalnoj-zastiti-civilnih-zrtava-rata-i-porodica-sa-djecom-USK_bs_anwalt-bih_POCETAK.txt'), { numbering: 'frozen' })

    it('finds articles 1 … 3 written without a dot', () => {
      expect(articlesOf(doc).map((a) => a.attrs.num)).toEqual(['1', '2', '3'])
    })

    it('reads the seven "–" indents of article 1', () => {
      const indents = childTexts(paragraphsOf(articlesOf(doc)[0]!)[0]!, 'indent')
      expect(indents).toHaveLength(7)
      expect(indents[0]).toBe('socijalna zaštita građana i njihovih porodica;')
    })
  })
})

describe('importLegalText: front matter', () => {
  it('puts the cover aside, records the stage and takes the title closest to the body', () => {
    const { doc, report } = importLegalText(
      lines(
        'BOSNA I HERCEGOVINA FEDERACIJA BOSNE I HERCEGOVINE VLADA',
        'NACRT',
        'Z A K O N O PROBI',
        'U FEDERACIJI BOSNE I HERCEGOVINE',
        'Sarajevo, juli 2018. godine',
        'Page 2',
        'ZAKON O PROBI U FEDERACIJI BOSNE I HERCEGOVINE',
        'Član 1.',
        'Tekst.',
      ),
    )
    expect(doc.firstChild!.textContent).toBe('ZAKON O PROBI U FEDERACIJI BOSNE I HERCEGOVINE')
    expect(report.stage).toBe('nacrt')
    expect(report.setAside.map((s) => [s.line, s.reason])).toEqual([[1, 'cover'], [2, 'cover'], [3, 'front-matter'], [4, 'front-matter'], [5, 'cover']])
    expect(report.repairs.map((r) => r.kind)).toEqual(['letter-spacing', 'page-furniture'])
  })

  it('joins a title split over several lines, across blank lines after the act word', () => {
    const doc = importPlainText(lines('ZAKON', 'O IZMJENAMA I DOPUNAMA ZAKONA O OSNOVAMA', 'SOCIJALNE ZAŠTITE', '', 'Član 1.', 'Tekst.'))
    expect(doc.firstChild!.textContent).toBe('ZAKON O IZMJENAMA I DOPUNAMA ZAKONA O OSNOVAMA SOCIJALNE ZAŠTITE')
    const rules = importPlainText(lines('PRAVILA', '', '', 'ZA KONSULTACIJE U IZRADI PRAVNIH PROPISA', '', 'Član 1.', 'Tekst.'))
    expect(rules.firstChild!.textContent).toBe('PRAVILA ZA KONSULTACIJE U IZRADI PRAVNIH PROPISA')
  })

  it('takes a numbered site header "22. ZAKON …" only when there is no other title', () => {
    expect(importPlainText(lines('22. ZAKON o izmjeni Zakona o probi', 'Član 1.', 'Tekst.')).firstChild!.textContent).toBe('ZAKON o izmjeni Zakona o probi')
    expect(importPlainText(lines('22. ZAKON o izmjeni', 'ZAKON', 'O IZMJENI ZAKONA O PROBI', 'Član 1.', 'Tekst.')).firstChild!.textContent).toBe(
      'ZAKON O IZMJENI ZAKONA O PROBI',
    )
  })

  it.each([
    ['Na osnovu člana 17. Zakona o Vijeću ministara, Vijeće ministara donijelo je', 'PRAVILA O PROBI'],
    ['Na temelju članka 5. Zakona o Vladi, Vlada donosi', 'UREDBA O PROBI'],
    ['На основу члана 38. став 1. Закона о министарствима, директор доноси', 'ПРАВИЛА О ПРОБИ'],
  ])('reads the legal basis "%s" into the preamble', (basis, title) => {
    const doc = importPlainText(lines('Službeni glasnik BiH, broj 5/17', basis, title, 'Član 1.', 'Tekst.'))
    expect(doc.firstChild!.textContent).toBe(title)
    expect(tree(doc.child(1))).toEqual({ preamble: [basis] })
  })

  it('joins a legal basis broken over lines', () => {
    const doc = importPlainText(lines('Na osnovu člana 17. Zakona o Vijeću ministara', 'Bosne i Hercegovine, Vijeće ministara donijelo je', 'ODLUKU O PROBI', 'Član 1.', 'Tekst.'))
    expect(tree(doc.child(1))).toEqual({ preamble: ['Na osnovu člana 17. Zakona o Vijeću ministara Bosne i Hercegovine, Vijeće ministara donijelo je'] })
  })

  it('reads the promulgation decree (UKAZ … v. r.) into the preamble and the law title after it', () => {
    const { doc, report } = importLegalText(
      lines(
        'Temeljem članka IV.B.7. a)(IV) Ustava Federacije Bosne i Hercegovine, donosim',
        'UKAZ',
        'O PROGLAŠENJU ZAKONA O PROBI',
        'Proglašava se Zakon o probi.',
        'Broj 01-02-1-190-01/22',
        'Sarajevo',
        'Predsjednik',
        'Marinko Čavara, v. r.',
        'ZAKON',
        'O PROBI',
        'Članak 1.',
        'Tekst.',
      ),
    )
    expect(doc.firstChild!.textContent).toBe('ZAKON O PROBI')
    expect((tree(doc.child(1)) as { preamble: Tree[] }).preamble).toHaveLength(8)
    expect(report.setAside).toEqual([])
  })

  it('records a gazette header and puts it aside', () => {
    const { report } = importLegalText(lines('Službeni glasnik BiH, broj 5/17', 'PRAVILA', 'Član 1.', 'Tekst.'))
    expect(report.gazette).toBe('Službeni glasnik BiH, broj 5/17')
    expect(report.setAside).toEqual([{ line: 1, text: 'Službeni glasnik BiH, broj 5/17', reason: 'gazette' }])
  })

  it('warns when no title can be found', () => {
    expect(importLegalText(lines('Član 1.', 'Tekst.')).report.warnings.map((w) => w.kind)).toEqual(['no-title'])
  })
})

describe('importLegalText: parts, chapters and sections', () => {
  it('reads a part whose heading is on the next line, and "PRVI DIO"', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'DIO PRVI', 'OSNOVNE ODREDBE', 'Član 1.', 'Tekst.', 'DRUGI DIO', 'ZAVRŠNE ODREDBE', 'Član 2.', 'Tekst.'))
    expect(nodesOf(doc, 'part').map((p) => p.firstChild!.textContent)).toEqual(['OSNOVNE ODREDBE', 'ZAVRŠNE ODREDBE'])
  })

  it.each([
    ['I - OSNOVNE ODREDBE', 'OSNOVNE ODREDBE'],
    ['I. ОПШТЕ ОДРЕДБЕ', 'ОПШТЕ ОДРЕДБЕ'],
    ['II SOCIJALNA ZAŠTITA', 'SOCIJALNA ZAŠTITA'],
    ['I OSNOVNE ODREDBE', 'OSNOVNE ODREDBE'],
    ['GLAVA III – NADZOR', 'NADZOR'],
  ])('reads the bare Roman heading "%s" as a chapter', (line, heading) => {
    const doc = importPlainText(lines('ZAKON O PROBI', line, 'Član 1.', 'Tekst.'))
    expect(body(doc)).toEqual([{ chapter: [{ heading }, { article: [{ paragraph: ['Tekst.'] }] }] }])
  })

  it('puts bare Roman chapters inside the part that holds them', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'DIO PRVI – OPĆE', 'I - PREDMET', 'Član 1.', 'Tekst.', 'II - NAČELA', 'Član 2.', 'Tekst.'))
    expect(nodesOf(nodesOf(doc, 'part')[0]!, 'chapter')).toHaveLength(2)
  })

  it('reads "I DRUGIH PROPISA" after a title as the rest of the title, not as chapter I', () => {
    const doc = importPlainText(lines('PRAVILA ZA IZRADU ZAKONA', '', 'I DRUGIH PROPISA', '', 'I - OSNOVNE ODREDBE', 'Član 1.', 'Tekst.'))
    expect(doc.firstChild!.textContent).toBe('PRAVILA ZA IZRADU ZAKONA I DRUGIH PROPISA')
    expect(nodesOf(doc, 'chapter').map((c) => c.firstChild!.textContent)).toEqual(['OSNOVNE ODREDBE'])
  })

  it('reads a numbered sub-heading between articles as a section of the chapter', () => {
    const doc = importPlainText(
      lines('ZAKON O PROBI', 'II SOCIJALNA ZAŠTITA', '1. Korisnici socijalne zaštite', 'Član 3', 'Korisnici su:', '1. djeca bez roditeljskog staranja;', '2. stare osobe.', '2. Prava', 'Član 4', 'Tekst.'),
    )
    expect(body(doc)).toEqual([
      {
        chapter: [
          { heading: 'SOCIJALNA ZAŠTITA' },
          { section: [{ heading: 'Korisnici socijalne zaštite' }, { article: [{ paragraph: ['Korisnici su:', { point: ['djeca bez roditeljskog staranja;'] }, { point: ['stare osobe.'] }] }] }] },
          { section: [{ heading: 'Prava' }, { article: [{ paragraph: ['Tekst.'] }] }] },
        ],
      },
    ])
  })

  it('reads an unnumbered upper-case heading right before an article as a chapter', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Tekst.', 'PRELAZNE I ZAVRŠNE ODREDBE', 'Član 2.', 'Tekst.'))
    expect(body(doc)).toEqual([
      { article: [{ paragraph: ['Tekst.'] }] },
      { chapter: [{ heading: 'PRELAZNE I ZAVRŠNE ODREDBE' }, { article: [{ paragraph: ['Tekst.'] }] }] },
    ])
  })

  it('does not read a sentence that starts "Dio prvi (čl. 1. do 9.) …" as a part', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Tekst', 'Dio prvi (čl. 1. do 9.) utvrđuje predmet zakona.'))
    expect(nodesOf(doc, 'part')).toHaveLength(0)
  })

  it('leaves out a heading with no article after it and says so', () => {
    const { doc, report } = importLegalText(lines('ZAKON O PROBI', 'Član 1.', 'Tekst.', 'DIO DRUGI – PRAZNO'))
    expect(nodesOf(doc, 'part')).toHaveLength(0)
    expect(report.warnings.map((w) => w.kind)).toEqual(['empty-division'])
    expect(report.setAside).toEqual([{ line: 4, text: 'DIO DRUGI – PRAZNO', reason: 'empty-division' }])
  })
})

describe('importLegalText: article labels and headings', () => {
  it.each(['Član 1', 'ČLAN 1.', 'Članak 1.', 'Clanak 1.', 'Clan 1.', 'Члан 1.', 'ЧЛАН 1', 'član 1.'])('reads the label "%s"', (label) => {
    const { report, doc } = importLegalText(lines('ZAKON O PROBI', label, 'Tekst.'))
    expect(articlesOf(doc).map((a) => report.written[a.attrs.id as string])).toEqual(['1'])
  })

  it('keeps an inserted article number written with a space, "Član 79 a.", as "79a"', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 79.', 'Tekst.', 'Član 79 a.', 'Tekst.'), { numbering: 'frozen' })
    expect(articlesOf(doc).map((a) => a.attrs.num)).toEqual(['79', '79a'])
  })

  it('repairs OCR and lost letters in labels: "Član l.", "lan 2."', () => {
    const { doc, report } = importLegalText(lines('ZAKON O PROBI', 'Član l.', 'Tekst.', 'lan 2.', 'Tekst.'), { numbering: 'frozen' })
    expect(articlesOf(doc).map((a) => a.attrs.num)).toEqual(['1', '2'])
    expect(report.repairCounts).toEqual({ 'ocr-digit': 1, 'lost-letter': 1 })
  })

  it('reads an unbracketed heading on the label line, "Član 1. Predmet zakona"', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1. Predmet zakona', 'Ovim zakonom uređuje se proba.'))
    expect(body(doc)).toEqual([{ article: [{ article_heading: 'Predmet zakona' }, { paragraph: ['Ovim zakonom uređuje se proba.'] }] }])
  })

  it('reads a heading in parentheses broken over two lines', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 3.', '(Popis osoba zainteresovanih', 'za konsultacije)', '(1) Tekst.'))
    expect(headingOf(articlesOf(doc)[0]!)).toBe('Popis osoba zainteresovanih za konsultacije')
  })

  it('reads a heading above the label, as newer RS rules write it', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Predmet zakona', 'Član 1.', 'Tekst.', 'Stupanje na snagu', 'Član 2.', 'Tekst.'))
    expect(articlesOf(doc).map(headingOf)).toEqual(['Predmet zakona', 'Stupanje na snagu'])
  })

  it('keeps "(Brisano)" as the text of a repealed article', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', '(Brisano)', 'Član 2.', 'Tekst.'))
    expect(body(doc)[0]).toEqual({ article: [{ paragraph: ['(Brisano)'] }] })
  })

  it('gives an article without text an empty paragraph and a warning', () => {
    const { doc, report } = importLegalText(lines('ZAKON O PROBI', 'Član 1.', '(Predmet)', 'Član 2.', 'Tekst.'))
    expect(body(doc)[0]).toEqual({ article: [{ article_heading: 'Predmet' }, { paragraph: [''] }] })
    expect(report.warnings).toEqual([expect.objectContaining({ kind: 'empty-article', line: 2 })])
  })

  it('warns when article numbers skip or go back', () => {
    const { report } = importLegalText(lines('ZAKON O PROBI', 'Član 1.', 'Tekst.', 'Član 4.', 'Tekst.', 'Član 2.', 'Tekst.'))
    expect(report.warnings.map((w) => [w.kind, w.line])).toEqual([['number-sequence', 4], ['number-sequence', 6]])
  })
})

describe('importLegalText: paragraphs, points and broken lines', () => {
  it('splits "(1) … (2) …" written on one line into two paragraphs', () => {
    const { doc, report } = importLegalText(lines('ZAKON O PROBI', 'Član 1. (Predmet)', '(1) Prvi stav iz člana 5. stav (2) zakona. (2) Drugi stav.'))
    const paragraphs = paragraphsOf(articlesOf(doc)[0]!)
    expect(paragraphs.map((p) => p.textContent)).toEqual(['Prvi stav iz člana 5. stav (2) zakona.', 'Drugi stav.'])
    expect(paragraphs.map((p) => report.written[p.attrs.id as string])).toEqual(['1', '2'])
  })

  it('reads "(1)" alone on a line with its text on the next', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', '(1)', 'Prvi stav.', '(2)', 'Drugi stav.'))
    expect(body(doc)).toEqual([{ article: [{ paragraph: ['Prvi stav.'] }, { paragraph: ['Drugi stav.'] }] }])
  })

  it('joins a sentence broken across lines, and across a page footer', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Ovim zakonom uređuju se osnove', 'socijalne zaštite građana', '', '- 2 -', '', 'i njihovih porodica.', 'Drugi stav.'))
    expect(childTexts(articlesOf(doc)[0]!, 'paragraph')).toEqual(['Ovim zakonom uređuju se osnove socijalne zaštite građana i njihovih porodica.', 'Drugi stav.'])
  })

  it('joins a line that only finishes a reference broken before its number', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', '(1) Osim u slučaju iz člana 57. stav', '(1) ovog zakona.', '(2) Drugi.'))
    expect(childTexts(articlesOf(doc)[0]!, 'paragraph')).toEqual(['Osim u slučaju iz člana 57. stav (1) ovog zakona.', 'Drugi.'])
  })

  it('joins a sentence broken after a number or inside parentheses', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'U Zakonu o probi član 18f.', 'mijenja se.', 'Ministar (u daljem tekstu:', 'Ministar) donosi pravilnik.'))
    expect(childTexts(articlesOf(doc)[0]!, 'paragraph')).toEqual(['U Zakonu o probi član 18f. mijenja se.', 'Ministar (u daljem tekstu: Ministar) donosi pravilnik.'])
  })

  it('continues a point broken after a comma when the list goes on, and keeps closing words after its end', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Pravo imaju:', 'a) osobe s tjelesnim,', 'mentalnim ili osjetilnim oštećenjem,', 'b) djeca,', 'ako ispunjavaju uslove.'))
    expect(body(doc)).toEqual([
      { article: [{ paragraph: ['Pravo imaju:', { point: ['osobe s tjelesnim, mentalnim ili osjetilnim oštećenjem,'] }, { point: ['djeca,'] }, 'ako ispunjavaju uslove.'] }] },
    ])
  })

  it('starts a new paragraph after a list that ended with a full stop', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 5', 'Članovi porodice su:', '1) bračni drug,', '2) djeca.', 'Članovi porodice iz stava 2. ovog člana imaju prava.'))
    expect(childTexts(articlesOf(doc)[0]!, 'paragraph')).toEqual(['Članovi porodice su:', 'Članovi porodice iz stava 2. ovog člana imaju prava.'])
  })

  it('reads "1." items under a point that ends with a colon as sub-points', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Korisnici su:', 'a) djeca:', '1. bez roditelja,', '2. zanemarena;', 'b) odrasli.'))
    expect(body(doc)).toEqual([
      { article: [{ paragraph: ['Korisnici su:', { point: ['djeca:', { subpoint: ['bez roditelja,'] }, { subpoint: ['zanemarena;'] }] }, { point: ['odrasli.'] }] }] },
    ])
  })

  it('reads "1." paragraphs of an article that numbers its paragraphs that way', () => {
    const { doc, report } = importLegalText(lines('ZAKON O PROBI', 'Član 1.', '1. Prvi stav.', '2. Drugi stav.'))
    const paragraphs = paragraphsOf(articlesOf(doc)[0]!)
    expect(paragraphs.map((p) => report.written[p.attrs.id as string])).toEqual(['1', '2'])
  })

  it('reads indents with or without a space after the dash', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Uređuje se:', '-prvo,', '–drugo,', '•treće.'))
    expect(nodesOf(doc, 'indent').map((i) => i.textContent)).toEqual(['prvo,', 'drugo,', 'treće.'])
  })

  it('puts footnotes and broken fragments aside', () => {
    const { doc, report } = importLegalText(lines('ZAKON O PROBI', 'Član 1.', 'Tekst zakona¹.', '¹ Službene novine FBiH, broj 36/99', 'Č'))
    expect(childTexts(articlesOf(doc)[0]!, 'paragraph')).toEqual(['Tekst zakona¹.'])
    expect(report.setAside.map((s) => s.reason)).toEqual(['footnote', 'fragment'])
  })
})

describe('importLegalText: amending laws', () => {
  it('keeps quoted new text, its "Član 18f." included, inside the amending article', () => {
    const doc = importPlainText(
      lines('ZAKON O IZMJENAMA', 'Član 1.', 'U Zakonu o probi član 18f.', 'mijenja se i glasi:', '"Član 18f.', 'Osnovica iznosi 274,40 KM.".', 'Član 2.', 'Ovaj zakon stupa na snagu.'),
      { numbering: 'frozen' },
    )
    expect(body(doc)).toEqual([
      { 'article 1': [{ paragraph: ['U Zakonu o probi član 18f. mijenja se i glasi:'] }, { paragraph: ['"Član 18f.'] }, { paragraph: ['Osnovica iznosi 274,40 KM.".'] }] },
      { 'article 2': [{ paragraph: ['Ovaj zakon stupa na snagu.'] }] },
    ])
  })

  it('reads a quotation that starts on the "glasi:" line and keeps quoted paragraph numbers in the text', () => {
    const doc = importPlainText(lines('ZAKON O IZMJENI', 'Član 1.', 'Član 5. mijenja se i glasi: "Član 5.', '(1) Novi prvi stav.', '(2) Novi drugi stav.".', 'Član 2.', 'Kraj.'))
    expect(childTexts(articlesOf(doc)[0]!, 'paragraph')).toEqual(['Član 5. mijenja se i glasi:', '"Član 5.', '(1) Novi prvi stav.', '(2) Novi drugi stav.".'])
    expect(articlesOf(doc)).toHaveLength(2)
  })

  it('balances quotation marks of citations inside the quoted text', () => {
    const doc = importPlainText(
      lines('ZAKON O IZMJENI', 'Član 1.', 'Član 9. mijenja se i glasi:', '"Član 9.', 'Objavljuje se u "Službenim novinama Federacije BiH".', 'Član 10.', 'Ovaj zakon stupa na snagu osmog dana od dana objavljivanja u "Službenim novinama".".', 'Član 2.', 'Kraj.'),
      { numbering: 'frozen' },
    )
    expect(articlesOf(doc).map((a) => a.attrs.num)).toEqual(['1', '2'])
  })

  it('reads Cyrillic "мијења се и гласи:" and „…“ quotation marks', () => {
    const doc = importPlainText(lines('ЗАКОН О ИЗМЈЕНИ', 'Члан 1.', 'Члан 14. мијења се и гласи:', '„Члан 14.', 'Нови текст.“.', 'Члан 2.', 'Крај.'))
    expect(articlesOf(doc)).toHaveLength(2)
  })

  it('reads an unclosed quotation up to the next article of the amending law and warns', () => {
    const { doc, report } = importLegalText(lines('ZAKON O IZMJENI', 'Član 1.', 'Član 5. mijenja se i glasi:', '"Član 5.', 'Novi tekst.', 'Član 2.', 'Kraj.'))
    expect(articlesOf(doc)).toHaveLength(2)
    expect(report.warnings.map((w) => [w.kind, w.line])).toEqual([['unclosed-quote', 3]])
  })

  it('reads new text given without quotation marks up to the next article of the amending law', () => {
    const { doc, report } = importLegalText(lines('ZAKON O IZMJENI', 'Član 1.', 'Član 5. mijenja se i glasi:', 'Član 5.', 'Novi tekst.', 'Član 2.', 'Kraj.'))
    expect(articlesOf(doc)).toHaveLength(2)
    expect(report.warnings.map((w) => w.kind)).toEqual(['unquoted-amendment'])
  })
})

describe('importLegalText: signatures and the report', () => {
  it('puts signatures, place, date and reference number after the last article aside', () => {
    const { doc, report } = importLegalText(
      lines('ZAKON O PROBI', 'Član 1.', 'Ovaj zakon stupa na snagu.', 'Broj: 01-02-123/22', 'Sarajevo, 12.04.2022. godine', 'Predsjedavajući', 'Doma naroda', 'Ime Prezime, s. r.'),
    )
    expect(childTexts(articlesOf(doc)[0]!, 'paragraph')).toEqual(['Ovaj zakon stupa na snagu.'])
    expect(report.setAside.map((s) => s.reason)).toEqual(['signature', 'signature', 'signature', 'signature', 'signature'])
  })

  it('counts the units and keeps the numbers as written', () => {
    const { doc, report } = importLegalText(lines('ZAKON O PROBI', 'DIO PRVI – OPĆE', 'Član 18f.', '(1) Uvod:', 'a) prvo,', '- alineja,', 'b) drugo.', '(2) Kraj.'))
    expect(report.counts).toEqual({ parts: 1, chapters: 0, sections: 0, articles: 1, paragraphs: 2, points: 2, subpoints: 0, indents: 1 })
    const marks = nodesOf(doc, 'point').map((p) => report.written[p.attrs.id as string])
    expect(marks).toEqual(['a)', 'b)'])
    expect(report.written[articlesOf(doc)[0]!.attrs.id as string]).toBe('18f')
  })

  it('reads a damaged copy: mojibake, YUSCII and a stripped-diacritics warning', () => {
    const mojibake = importLegalText(lines('ZAKON O PROBI', '─îlan 1.', 'Tekst za┼ítite.'))
    expect(childTexts(articlesOf(mojibake.doc)[0]!, 'paragraph')).toEqual(['Tekst zaštite.'])
    const yuscii = importLegalText(lines('ZAKON O ZA[TITI', '^lan 1.', 'Slu`beni list skup{tine op}ine.'))
    expect(yuscii.doc.firstChild!.textContent).toBe('ZAKON O ZAŠTITI')
    expect(childTexts(articlesOf(yuscii.doc)[0]!, 'paragraph')).toEqual(['Službeni list skupštine općine.'])
    const stripped = importLegalText(lines('ZAKON O ZASTITI', 'Clanak 1.', 'Tekst.'))
    expect(stripped.report.warnings.map((w) => w.kind)).toEqual(['stripped-diacritics'])
  })
})

describe('importLegalText: other shapes of real texts', () => {
  it('reads a label followed only by a dash or a colon', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.-', 'Tekst.', 'Član 2:', 'Tekst.'), { numbering: 'frozen' })
    expect(articlesOf(doc).map((a) => a.attrs.num)).toEqual(['1', '2'])
  })

  it('reads Serbian sub-points "(1)", "(2)" under a point that ends with a colon', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'U smislu ovog zakona:', '1) lica su:', '(1) prva,', '(2) druga;', '2) ostalo.'))
    expect(body(doc)).toEqual([
      { article: [{ paragraph: ['U smislu ovog zakona:', { point: ['lica su:', { subpoint: ['prva,'] }, { subpoint: ['druga;'] }] }, { point: ['ostalo.'] }] }] },
    ])
  })

  it('still reads "(2)" after a point that ends with a colon as the next paragraph', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', '(1) Korisnici su:', 'a) djeca:', '- mala,', '(2) Drugi stav.'))
    expect(paragraphsOf(articlesOf(doc)[0]!)).toHaveLength(2)
  })

  it('puts page headers that repeat the title or another short line aside', () => {
    const { doc, report } = importLegalText(
      lines('ZAKON O PROBI', 'Član 1.', 'Tekst prvog', 'Zakon o probi', 'člana.', 'Nacrt zakona o probi', 'Član 2.', 'Tekst.', 'Nacrt zakona o probi', 'Član 3.', 'Tekst.', 'Nacrt zakona o probi'),
    )
    expect(childTexts(articlesOf(doc)[0]!, 'paragraph')).toEqual(['Tekst prvog člana.'])
    expect(report.setAside.map((s) => [s.line, s.reason])).toEqual([[4, 'running-header'], [6, 'running-header'], [9, 'running-header'], [12, 'running-header']])
  })
})

describe('importLegalText: texts from other sources', () => {
  it('reads a Croatian promulgation decision "ODLUKU O PROGLAŠENJU" into the preamble and »…« quotations', () => {
    const { doc, report } = importLegalText(
      lines(
        'Na temelju članka 89. Ustava Republike Hrvatske, donosim',
        'ODLUKU',
        'O PROGLAŠENJU ZAKONA O IZMJENAMA ZAKONA O PROBI',
        'Proglašavam Zakon o izmjenama Zakona o probi.',
        'Zagreb, 21. lipnja 2021.',
        'Predsjednik',
        'Ime Prezime, v. r.',
        'ZAKON',
        'O IZMJENAMA ZAKONA O PROBI',
        'Članak 1.',
        'U članku 6. stavak 3. mijenja se i glasi:',
        '»(3) Ministarstvo vodi Registar.«.',
        'Stavak 7. briše se.',
        'Članak 2.',
        'Dodaju se točke 24. i 25. koje glase:',
        '»24. voda – voda za piće',
        '25. subjekt – osoba.«.',
        'Članak 3.',
        'Kraj.',
      ),
    )
    expect(doc.firstChild!.textContent).toBe('ZAKON O IZMJENAMA ZAKONA O PROBI')
    expect((tree(doc.child(1)) as { preamble: Tree[] }).preamble[1]).toBe('ODLUKU O PROGLAŠENJU ZAKONA O IZMJENAMA ZAKONA O PROBI')
    expect(articlesOf(doc).map((a) => childTexts(a, 'paragraph'))).toEqual([
      ['U članku 6. stavak 3. mijenja se i glasi:', '»(3) Ministarstvo vodi Registar.«.', 'Stavak 7. briše se.'],
      ['Dodaju se točke 24. i 25. koje glase:', '»24. voda – voda za piće', '25. subjekt – osoba.«.'],
      ['Kraj.'],
    ])
    expect(report.warnings).toEqual([])
  })

  it('reads a Serbian closing quotation mark ˮ', () => {
    const { doc, report } = importLegalText(lines('ZAKON O IZMENI', 'Član 1.', 'Posle člana 2. dodaje se član 2a koji glasi:', '„Član 2a', 'Tekst.ˮ', 'Član 2.', 'Kraj.'))
    expect(articlesOf(doc)).toHaveLength(2)
    expect(report.warnings).toEqual([])
  })

  it('reads "PRIJEDLOG ZAKONA O …" as the stage and the title, joined with "ZAKONA O …" below', () => {
    const { doc, report } = importLegalText(lines('PRIJEDLOG ZAKONA O IZMJENAMA I DOPUNAMA', '', 'ZAKONA O PROBI', '', 'Član 1.', 'Tekst.'))
    expect(doc.firstChild!.textContent).toBe('PRIJEDLOG ZAKONA O IZMJENAMA I DOPUNAMA ZAKONA O PROBI')
    expect(report.stage).toBe('prijedlog')
    expect(nodesOf(doc, 'chapter')).toHaveLength(0)
  })

  it('reads a title in the accusative after "donosi" and takes a gazette reference off a title', () => {
    expect(importPlainText(lines('Vlada donosi', 'U R E D B U', 'O PROBI', 'Član 1.', 'Tekst.')).firstChild!.textContent).toBe('UREDBU O PROBI')
    const { doc, report } = importLegalText(lines('ZAKONO RATIFIKACIJI UGOVORA("Sl. list SFRJ", br. 2/83) |', 'ČLAN 1', 'Tekst.'))
    expect(doc.firstChild!.textContent).toBe('ZAKON O RATIFIKACIJI UGOVORA')
    expect(report.gazette).toBe('Sl. list SFRJ, br. 2/83')
  })

  it('splits two points written on one line, but not a list of references', () => {
    const doc = importPlainText(lines('ZAKON O PROBI', 'Član 1.', 'Činovi su:', 'i) glavni inspektor; j) generalni inspektor.', 'k) iz tačke a), b) i c) ovog stava.'))
    expect(nodesOf(doc, 'point').map((p) => p.textContent)).toEqual(['glavni inspektor;', 'generalni inspektor.', 'iz tačke a), b) i c) ovog stava.'])
  })

  it('rebuilds a text whose line breaks were lost, labels without their Č included', () => {
    const sentence = 'Ovim zakonom uređuju se uslovi i postupak za pružanje zaštite i pomoći učesnicima u postupku i njima bliskim licima. '
    const flat =
      `I OSNOVNE ODREDBE lan 1 ${sentence.repeat(4)}lan 2 (1) Prvi stav. (2) Drugi stav. II PRAVA lan 3 Izrazi imaju ovo značenje: 1) prvi izraz, 2) drugi izraz. ` +
      `lan 4 ${sentence.repeat(4)}`
    const { doc, report } = importLegalText(lines('ZAKON O PROBI', '', flat))
    expect(articlesOf(doc).map((a) => report.written[a.attrs.id as string])).toEqual(['1', '2', '3', '4'])
    expect(nodesOf(doc, 'chapter').map((c) => c.firstChild!.textContent)).toEqual(['OSNOVNE ODREDBE', 'PRAVA'])
    expect(paragraphsOf(articlesOf(doc)[1]!)).toHaveLength(2)
    expect(nodesOf(doc, 'point')).toHaveLength(2)
    expect(report.warnings.map((w) => w.kind)).toEqual(['flattened-text'])
    expect(report.repairCounts['lost-letter']).toBe(4)
  })

  it('explains a text that lost its letters in a PDF', () => {
    expect(() => importPlainText(`ZAKON\n${'1) , , ;\n2) , .\n'.repeat(40)}`)).toThrow(/almost no letters/)
  })
})
