import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { loadDocument } from './document.ts'
import { compareWords, diffDocuments, newTextOf, oldTextOf, type ArticleDiff, type DocumentDiff, type WordChange } from './diff.ts'
import { importPlainText } from './plain-text-import.ts'
import { annex as annexJson, table as tableJson } from './tables.test-util.ts'

// A tiny JSON builder for documents of the legal schema, with the ids it is given.
type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }
const text = (t: string): Json[] => (t ? [{ type: 'text', text: t }] : [])
const block = (t: string): Json => ({ type: 'text_block', content: text(t) })
const point = (id: string, t: string): Json => ({ type: 'point', attrs: { id }, content: [block(t)] })
const para = (id: string, t: string, ...points: Json[]): Json => ({ type: 'paragraph', attrs: { id }, content: [block(t), ...points] })
const article = (id: string, heading: string | null, ...paragraphs: Json[]): Json => ({
  type: 'article',
  attrs: { id },
  content: [...(heading ? [{ type: 'article_heading', content: text(heading) }] : []), ...paragraphs],
})
const chapter = (id: string, heading: string, ...articles: Json[]): Json => ({
  type: 'chapter',
  attrs: { id },
  content: [{ type: 'heading', content: text(heading) }, ...articles],
})
const doc = (...body: Json[]) => loadDocument({ type: 'doc', content: [{ type: 'title', content: text('ZAKON O PROBI') }, ...body] })

/** An article "id" whose text is made of distinct words, so that content tells articles apart. */
const simple = (id: string, words = `${id} ${id}x ${id}y ${id}z`) => article(id, `Naslov ${id}`, para(`${id}-1`, `Tekst ${words}.`))

const byNew = (diff: DocumentDiff, n: string) => diff.articles.find((a) => a.newNumber === n)!
const byOld = (diff: DocumentDiff, n: string) => diff.articles.find((a) => a.oldNumber === n)!
const numbers = (diff: DocumentDiff) => diff.articles.map((a) => [a.oldNumber, a.newNumber, a.status])
const changed = (changes: WordChange[]) => changes.filter((c) => c.type !== 'equal')

describe('diffDocuments: articles', () => {
  it('shows a renumbered article as unchanged, with its old and new number', () => {
    const diff = diffDocuments(doc(simple('a'), simple('b'), simple('c')), doc(simple('b'), simple('c')))
    expect(numbers(diff)).toEqual([
      ['1', null, 'deleted'],
      ['2', '1', 'unchanged'],
      ['3', '2', 'unchanged'],
    ])
    expect(diff.summary).toEqual({ changed: 0, added: 0, deleted: 1, renumbered: 2, moved: 0, unchanged: 2 })
    expect(byNew(diff, '1').oldId).toBe('b')
  })

  it('names an inserted article as added and renumbers the ones after it', () => {
    const diff = diffDocuments(doc(simple('a'), simple('b')), doc(simple('a'), simple('n'), simple('b')))
    expect(numbers(diff)).toEqual([
      ['1', '1', 'unchanged'],
      [null, '2', 'added'],
      ['2', '3', 'unchanged'],
    ])
    const added = byNew(diff, '2')
    expect(added.heading).toBe('Naslov n')
    expect(added.paragraphs[0]).toMatchObject({ status: 'added', changes: [{ type: 'insert', text: 'Tekst n nx ny nz.' }] })
    expect(diff.summary).toMatchObject({ added: 1, renumbered: 1, moved: 0 })
  })

  it('places a deleted article where it was', () => {
    const diff = diffDocuments(doc(simple('a'), simple('b'), simple('c'), simple('d')), doc(simple('a'), simple('b'), simple('d')))
    expect(diff.articles.map((a) => a.oldId ?? a.newId)).toEqual(['a', 'b', 'c', 'd'])
    expect(byOld(diff, '3')).toMatchObject({ status: 'deleted', newNumber: null, heading: 'Naslov c' })
    expect(byOld(diff, '3').paragraphs[0]!.changes).toEqual([{ type: 'delete', text: 'Tekst c cx cy cz.' }])
  })

  it('counts a moved article once, not as a deletion and an insertion', () => {
    const diff = diffDocuments(
      doc(simple('a'), simple('b'), simple('c'), simple('d'), simple('e')),
      doc(simple('a'), simple('c'), simple('d'), simple('b'), simple('e')),
    )
    expect(diff.summary).toEqual({ changed: 0, added: 0, deleted: 0, renumbered: 3, moved: 1, unchanged: 5 })
    expect(diff.articles.filter((a) => a.moved).map((a) => [a.oldId, a.oldNumber, a.newNumber])).toEqual([['b', '2', '4']])
  })

  it('moves the one article that moved, even to the front', () => {
    const diff = diffDocuments(
      doc(simple('a'), simple('b'), simple('c'), simple('d'), simple('e')),
      doc(simple('e'), simple('a'), simple('b'), simple('c'), simple('d')),
    )
    expect(diff.summary.moved).toBe(1)
    expect(diff.articles[0]).toMatchObject({ oldNumber: '5', newNumber: '1', moved: true, status: 'unchanged' })
  })

  it('reports the second half of a split article as added, split from the old one', () => {
    const before = doc(
      simple('a'),
      article('b', 'Postupak', para('b1', 'Prvi stav o podnošenju zahtjeva.'), para('b2', 'Drugi stav o rokovima.'),
        para('b3', 'Treći stav o žalbi na rješenje centra.'), para('b4', 'Četvrti stav o troškovima postupka po žalbi.')),
      simple('c'),
    )
    const after = doc(
      simple('a'),
      article('b', 'Postupak', para('b1', 'Prvi stav o podnošenju zahtjeva.'), para('b2', 'Drugi stav o rokovima.')),
      article('b-new', 'Žalba', para('b3', 'Treći stav o žalbi na rješenje centra.'), para('b4', 'Četvrti stav o troškovima postupka po žalbi.')),
      simple('c'),
    )
    const diff = diffDocuments(before, after)
    expect(byNew(diff, '2')).toMatchObject({ status: 'changed', oldNumber: '2' })
    expect(byNew(diff, '2').paragraphs.map((p) => p.status)).toEqual(['unchanged', 'unchanged', 'deleted', 'deleted'])
    expect(byNew(diff, '3')).toMatchObject({ status: 'added', splitFrom: { oldId: 'b', oldNumber: '2' } })
    expect(byNew(diff, '4').splitFrom).toBeUndefined()
  })

  it('finds a split between two imported texts, by words', () => {
    const before = importPlainText(['ZAKON O PROBI', 'Član 1.', '(Postupak)',
      '(1) Zahtjev se podnosi centru za socijalni rad.', '(2) Centar odlučuje u roku od 30 dana.',
      '(3) Protiv rješenja centra može se izjaviti žalba kantonalnom ministarstvu.', '(4) Žalba ne odgađa izvršenje rješenja.',
      'Član 2.', '(Stupanje na snagu)', 'Ovaj zakon stupa na snagu osmog dana.'].join('\n'))
    const after = importPlainText(['ZAKON O PROBI', 'Član 1.', '(Postupak)',
      '(1) Zahtjev se podnosi centru za socijalni rad.', '(2) Centar odlučuje u roku od 30 dana.',
      'Član 2.', '(Žalba)', '(1) Protiv rješenja centra može se izjaviti žalba kantonalnom ministarstvu.', '(2) Žalba ne odgađa izvršenje rješenja.',
      'Član 3.', '(Stupanje na snagu)', 'Ovaj zakon stupa na snagu osmog dana.'].join('\n'))
    const diff = diffDocuments(before, after, { align: 'content' })
    expect(numbers(diff)).toEqual([
      ['1', '1', 'changed'],
      [null, '2', 'added'],
      ['2', '3', 'unchanged'],
    ])
    expect(byNew(diff, '2').splitFrom).toMatchObject({ oldNumber: '1' })
  })

  it('pairs articles by stable id with ids, by text with content', () => {
    // Article b moved to the end and was rewritten, heading too: still b by its id, a new article by its text.
    const before = doc(simple('a'), simple('b', 'potpuno drugačiji stari tekst'), simple('c'))
    const rewritten = doc(simple('a'), simple('c'), article('b', 'Novi naslov', para('b-1', 'Sasvim nove riječi ovdje.')))
    expect(diffDocuments(before, rewritten, { align: 'ids' }).summary).toMatchObject({ changed: 1, moved: 1, added: 0, deleted: 0 })
    const byContent = diffDocuments(before, rewritten, { align: 'content' })
    expect(byContent.summary).toMatchObject({ changed: 0, moved: 0, added: 1, deleted: 1 })
    expect(byContent.align).toBe('content')

    // The same text under a new id: the same article by content, two by id.
    const reidentified = doc(simple('a'), { ...simple('b'), attrs: { id: 'b-copy' } }, simple('c'))
    const plain = doc(simple('a'), simple('b'), simple('c'))
    expect(diffDocuments(plain, reidentified, { align: 'ids' }).summary).toMatchObject({ added: 1, deleted: 1 })
    const auto = diffDocuments(plain, reidentified)
    expect(auto.align).toBe('ids')
    expect(auto.summary).toMatchObject({ added: 0, deleted: 0, unchanged: 3 })
    expect(auto.articles[1]).toMatchObject({ oldId: 'b', newId: 'b-copy' })
  })

  it('pairs two imported texts by content and keeps the numbers as written', () => {
    const before = importPlainText('ZAKON O PROBI\nČlan 18.\n(Naknada)\nNaknada se isplaćuje mjesečno.\nČlan 19.\n(Rok)\nRok je 30 dana.', { numbering: 'frozen' })
    const after = importPlainText('ZAKON O PROBI\nČlan 18.\n(Naknada)\nNaknada se isplaćuje mjesečno.\nČlan 18a.\n(Iznos)\nIznos utvrđuje vlada.\nČlan 19.\n(Rok)\nRok je 15 dana.', { numbering: 'frozen' })
    const diff = diffDocuments(before, after)
    expect(diff.align).toBe('content')
    expect(numbers(diff)).toEqual([
      ['18', '18', 'unchanged'],
      [null, '18a', 'added'],
      ['19', '19', 'changed'],
    ])
    expect(diff.summary.renumbered).toBe(0)
  })

  it('pairs an article rewritten in place by its number between imported texts', () => {
    const before = importPlainText('ZAKON\nČlan 1.\nPrvi član ostaje.\nČlan 2.\nStari tekst o jednoj stvari.\nČlan 3.\nTreći član ostaje.')
    const after = importPlainText('ZAKON\nČlan 1.\nPrvi član ostaje.\nČlan 2.\nPosve novo uređenje.\nČlan 3.\nTreći član ostaje.')
    expect(numbers(diffDocuments(before, after))).toEqual([
      ['1', '1', 'unchanged'],
      ['2', '2', 'changed'],
      ['3', '3', 'unchanged'],
    ])
  })

  it('returns a JSON-serialisable result', () => {
    const diff = diffDocuments(doc(simple('a'), simple('b')), doc(simple('b'), simple('n')))
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff)
  })
})

describe('diffDocuments: inside an article', () => {
  const one = (before: Json, after: Json): ArticleDiff => diffDocuments(doc(before), doc(after)).articles[0]!

  it('catches a diacritic-only change as a whole word', () => {
    const a = one(
      article('a', null, para('p', 'Namijenjen je djeci s teskoćama u razvoju.')),
      article('a', null, para('p', 'Namijenjen je djeci s teškoćama u razvoju.')),
    )
    expect(a.status).toBe('changed')
    expect(changed(a.paragraphs[0]!.changes)).toEqual([
      { type: 'delete', text: 'teskoćama', kind: 'diacritics' },
      { type: 'insert', text: 'teškoćama', kind: 'diacritics' },
    ])
  })

  it('catches number and punctuation changes', () => {
    const a = one(
      article('a', null, para('p1', 'Rok je 60 dana.'), para('p2', 'Najviše 80% prihoda, odnosno 30% za ostale.')),
      article('a', null, para('p1', 'Rok je 45 dana;'), para('p2', 'Najviše 70% prihoda, odnosno 30% za ostale.')),
    )
    expect(changed(a.paragraphs[0]!.changes)).toEqual([
      { type: 'delete', text: '60', kind: 'number' },
      { type: 'insert', text: '45', kind: 'number' },
      { type: 'delete', text: '.', kind: 'punctuation' },
      { type: 'insert', text: ';', kind: 'punctuation' },
    ])
    expect(changed(a.paragraphs[1]!.changes)).toEqual([
      { type: 'delete', text: '80', kind: 'number' },
      { type: 'insert', text: '70', kind: 'number' },
    ])
  })

  it('names a paragraph added inside an article, and renumbers the ones after it', () => {
    const a = one(
      article('a', 'Rokovi', para('p1', 'Prvi stav.'), para('p2', 'Drugi stav.')),
      article('a', 'Rokovi', para('p1', 'Prvi stav.'), para('new', 'Umetnuti stav o izuzecima.'), para('p2', 'Drugi stav.')),
    )
    expect(a.paragraphs.map((p) => [p.oldNumber, p.newNumber, p.status])).toEqual([
      ['1', '1', 'unchanged'],
      [null, '2', 'added'],
      ['2', '3', 'unchanged'],
    ])
    expect(a.paragraphs[1]!.changes).toEqual([{ type: 'insert', text: 'Umetnuti stav o izuzecima.' }])
  })

  it('gives a single paragraph no number and numbers it once it has company', () => {
    const a = one(article('a', null, para('p1', 'Jedini stav.')), article('a', null, para('p1', 'Jedini stav.'), para('p2', 'Novi stav.')))
    expect(a.paragraphs.map((p) => [p.oldNumber, p.newNumber, p.status])).toEqual([
      [null, '1', 'unchanged'],
      [null, '2', 'added'],
    ])
  })

  it('compares point by point and keeps the points on their own lines', () => {
    const a = one(
      article('a', null, para('p', 'Korisnik je:', point('x', 'dijete,'), point('y', 'odrasla osoba,'), point('z', 'starija osoba.'))),
      article('a', null, para('p', 'Korisnik je:', point('x', 'dijete,'), point('n', 'mlada osoba,'), point('y', 'odrasla osoba s invaliditetom,'), point('z', 'starija osoba.'))),
    )
    const p = a.paragraphs[0]!
    expect(p.items.map((i) => [i.oldNumber, i.newNumber, i.status])).toEqual([
      ['1', '1', 'unchanged'],
      [null, '2', 'added'],
      ['2', '3', 'changed'],
      ['3', '4', 'unchanged'],
    ])
    expect(changed(p.items[2]!.changes)).toEqual([{ type: 'insert', text: ' s invaliditetom' }])
    expect(newTextOf(p.changes)).toBe('Korisnik je:\na) dijete,\nb) mlada osoba,\nc) odrasla osoba s invaliditetom,\nd) starija osoba.')
    expect(oldTextOf(p.changes)).toBe('Korisnik je:\na) dijete,\nb) odrasla osoba,\nc) starija osoba.')
  })

  it('shows a changed heading word by word', () => {
    const a = one(article('a', 'Prava korisnika', para('p', 'Tekst.')), article('a', 'Prava i obaveze korisnika', para('p', 'Tekst.')))
    expect(a).toMatchObject({ status: 'changed', heading: 'Prava i obaveze korisnika', oldHeading: 'Prava korisnika' })
    expect(changed(a.headingChanges!)).toEqual([{ type: 'insert', text: 'i obaveze ' }])
  })
})

describe('diffDocuments: divisions', () => {
  it('names chapters added, deleted and renamed', () => {
    const before = doc(
      chapter('c1', 'OSNOVNE ODREDBE', simple('a'), simple('b')),
      chapter('c2', 'PRAVA KORISNIKA', simple('c'), simple('d')),
      chapter('c3', 'KAZNENE ODREDBE', simple('e')),
    )
    const after = doc(
      chapter('c4', 'NADZOR', simple('f')),
      chapter('c1', 'OSNOVNE ODREDBE', simple('a'), simple('b')),
      chapter('c2', 'PRAVA I OBAVEZE KORISNIKA', simple('c'), simple('d')),
    )
    const statuses = (d: DocumentDiff) => d.divisions.map((x) => [x.kind, x.status, x.oldHeading, x.newHeading])
    const expected = [
      ['chapter', 'added', null, 'NADZOR'],
      ['chapter', 'unchanged', 'OSNOVNE ODREDBE', 'OSNOVNE ODREDBE'],
      ['chapter', 'renamed', 'PRAVA KORISNIKA', 'PRAVA I OBAVEZE KORISNIKA'],
      ['chapter', 'deleted', 'KAZNENE ODREDBE', null],
    ]
    expect(statuses(diffDocuments(before, after))).toEqual(expected)
    expect(statuses(diffDocuments(before, after, { align: 'content' }))).toEqual(expected)
  })
})

describe('diffDocuments: Cyrillic', () => {
  const before = importPlainText([
    'ЗАКОН О СОЦИЈАЛНИМ УСЛУГАМА',
    'Члан 1.', '(Предмет)', 'Овим законом уређују се социјалне услуге.',
    'Члан 2.', '(Корисници)', '(1) Корисник је дијете с тескоћама у развоју.', '(2) Корисник је и одрасла особа.',
    'Члан 3.', '(Рок)', 'Рјешење се доноси у року од 60 дана.',
  ].join('\n'), { numbering: 'frozen' })
  const after = importPlainText([
    'ЗАКОН О СОЦИЈАЛНИМ УСЛУГАМА',
    'Члан 1.', '(Предмет)', 'Овим законом уређују се социјалне услуге.',
    'Члан 2.', '(Начела)', 'Услуге се пружају у заједници.',
    'Члан 3.', '(Корисници)', '(1) Корисник је дијете с тешкоћама у развоју.', '(2) Корисник је и одрасла особа.',
    'Члан 4.', '(Рок)', 'Рјешење се доноси у року од 45 дана.',
  ].join('\n'), { numbering: 'frozen' })

  it('pairs Cyrillic articles and compares them word by word, not letter by letter', () => {
    const diff = diffDocuments(before, after)
    expect(numbers(diff)).toEqual([
      ['1', '1', 'unchanged'],
      [null, '2', 'added'],
      ['2', '3', 'changed'],
      ['3', '4', 'changed'],
    ])
    expect(changed(byNew(diff, '3').paragraphs[0]!.changes)).toEqual([
      { type: 'delete', text: 'тескоћама' },
      { type: 'insert', text: 'тешкоћама' },
    ])
    expect(changed(byNew(diff, '4').paragraphs[0]!.changes)).toEqual([
      { type: 'delete', text: '60', kind: 'number' },
      { type: 'insert', text: '45', kind: 'number' },
    ])
    expect(diff.summary).toMatchObject({ changed: 2, added: 1, renumbered: 2 })
  })
})

describe('compareWords', () => {
  it('keeps the old and the new text', () => {
    const old = 'Korisnik ima pravo da, u pravilu, izabere pružaoca između licenciranih pružalaca.'
    const neu = 'Korisnik ima pravo da izabere pružaoca između svih licenciranih pružalaca, i da ga promijeni.'
    const changes = compareWords(old, neu)
    expect(oldTextOf(changes)).toBe(old)
    expect(newTextOf(changes)).toBe(neu)
    expect(changed(changes)[0]).toEqual({ type: 'delete', text: ', u pravilu,' })
  })

  it('groups neighbouring replaced words into one replacement', () => {
    expect(compareWords('pod istim uslovima', 'pod drugačijim uvjetima')).toEqual([
      { type: 'equal', text: 'pod ' },
      { type: 'delete', text: 'istim uslovima' },
      { type: 'insert', text: 'drugačijim uvjetima' },
    ])
  })
})

describe('diffDocuments: the sample law', () => {
  const read = (version: string) =>
    importPlainText(readFileSync(path.resolve(import.meta.dirname, '..', 'sample-data', `zakon-o-socijalnim-uslugama.${version}.txt`), 'utf8'))

  /** As the seed does: version 2 takes version 1's ids for units with the same heading, and their children's by position. */
  function carryIdsForward(before: Json, after: Json): Json {
    const headingOf = (node: Json) => (node.content?.[0]?.type.endsWith('heading') ? node.content[0].content?.map((t) => t.text).join('') : null)
    const units = new Map<string, Json>()
    const collect = (node: Json) => {
      const heading = headingOf(node)
      if (['part', 'chapter', 'article'].includes(node.type) && heading) units.set(`${node.type}:${heading}`, node)
      node.content?.forEach(collect)
    }
    collect(before)
    const renamed = new Map<string, string>()
    const copyChildIds = (from: Json, to: Json) => {
      const fromUnits = (from.content ?? []).filter((c) => c.attrs && 'id' in c.attrs)
      ;(to.content ?? []).filter((c) => c.attrs && 'id' in c.attrs).forEach((child, i) => {
        const match = fromUnits[i]
        if (match && match.type === child.type) {
          renamed.set(child.attrs!.id as string, match.attrs!.id as string)
          child.attrs!.id = match.attrs!.id
          copyChildIds(match, child)
        }
      })
    }
    const walk = (node: Json) => {
      const match = ['part', 'chapter', 'article'].includes(node.type) ? units.get(`${node.type}:${headingOf(node)}`) : undefined
      if (match) {
        renamed.set(node.attrs!.id as string, match.attrs!.id as string)
        node.attrs!.id = match.attrs!.id
        if (node.type === 'article') copyChildIds(match, node)
      }
      node.content?.forEach(walk)
    }
    walk(after)
    // References were linked by id on import: they follow the units' carried ids.
    const rename = (node: Json) => {
      if (node.type === 'reference') for (const key of ['article', 'paragraph', 'point']) {
        const id = node.attrs![key]
        if (typeof id === 'string' && renamed.has(id)) node.attrs![key] = renamed.get(id)
      }
      node.content?.forEach(rename)
    }
    rename(after)
    return after
  }

  it('reads the same changes by ids (as the seed carries them) as by content', () => {
    const v1 = read('v1')
    const v2 = loadDocument(carryIdsForward(v1.toJSON() as Json, read('v2').toJSON() as Json))
    const byIds = diffDocuments(v1, v2)
    const byContent = diffDocuments(v1, read('v2'))
    expect(byIds.align).toBe('ids')
    expect(byContent.align).toBe('content')
    // The import links the written references ("iz člana 53. ovog zakona"): the twelve articles
    // whose only difference was a reference renumbered with its article read as unchanged.
    const expected = { changed: 6, added: 2, deleted: 1, renumbered: 39, moved: 1, unchanged: 75 }
    expect(byIds.summary).toEqual(expected)
    expect(byContent.summary).toEqual(expected)
    const shape = (d: DocumentDiff) => d.articles.map((a) => [a.oldNumber, a.newNumber, a.status, a.moved])
    expect(shape(byIds)).toEqual(shape(byContent))
  })
})

describe('diffDocuments: long acts', () => {
  /** An act of `count` unheaded articles with words of their own ("w17a"), each text touched in the new version. */
  const longAct = (count: number, touched: boolean, insertAt = -1) => {
    const articles: Json[] = []
    for (let i = 0; i < count; i++) {
      if (i === insertAt) articles.push(article(`new`, null, para('new-1', 'Sasvim novi član bez sličnosti.')))
      const words = `Tekst w${i}a w${i}b w${i}c o pravima i obavezama korisnika${touched ? ' i pružalaca' : ''}.`
      articles.push(article(`${touched ? 'n' : 'o'}${i}`, null, para(`${touched ? 'n' : 'o'}${i}-1`, words)))
    }
    return doc(...articles)
  }

  it('pairs hundreds of changed articles by their words, not all against all', () => {
    const diff = diffDocuments(longAct(300, false), longAct(300, true, 240))
    expect(diff.summary).toEqual({ changed: 300, added: 1, deleted: 0, renumbered: 60, moved: 0, unchanged: 0 })
    expect(diff.articles[240]).toMatchObject({ status: 'added', newNumber: '241' })
  })
})

describe('diffDocuments: tables', () => {
  const withTable = (...rows: string[][]) =>
    doc(article('a', 'Iznosi', { ...para('a-1', 'Iznosi naknade su:'), content: [block('Iznosi naknade su:'), tableJson({ id: 't1', header: true }, ...rows)] }))

  it('shows a changed cell inside its row, word by word', () => {
    const diff = diffDocuments(withTable(['Usluga', 'Iznos'], ['Pomoć u kući', '100 KM']), withTable(['Usluga', 'Iznos'], ['Pomoć u kući', '120 KM']))
    const p = diff.articles[0]!.paragraphs[0]!
    expect(p.status).toBe('changed')
    expect(changed(p.changes)).toEqual([{ type: 'delete', text: '100', kind: 'number' }, { type: 'insert', text: '120', kind: 'number' }])
    expect(p.items).toHaveLength(1)
    expect(p.items[0]).toMatchObject({ kind: 'table', status: 'changed' })
    expect(newTextOf(p.items[0]!.changes)).toBe('Usluga | Iznos\nPomoć u kući | 120 KM')
  })

  it('shows an added and a removed row as whole lines', () => {
    const old = withTable(['Usluga', 'Iznos'], ['Pomoć u kući', '100 KM'], ['Smještaj', '300 KM'])
    const added = diffDocuments(old, withTable(['Usluga', 'Iznos'], ['Pomoć u kući', '100 KM'], ['Dnevni boravak', '150 KM'], ['Smještaj', '300 KM']))
    const inserted = changed(added.articles[0]!.paragraphs[0]!.changes)
    expect(inserted.map((c) => [c.type, c.text.trim()])).toEqual([['insert', 'Dnevni boravak | 150 KM']])
    const removed = diffDocuments(old, withTable(['Usluga', 'Iznos'], ['Smještaj', '300 KM']))
    expect(changed(removed.articles[0]!.paragraphs[0]!.changes).map((c) => [c.type, c.text.trim()])).toEqual([['delete', 'Pomoć u kući | 100 KM']])
  })

  it('shows an added table as an added item of its paragraph', () => {
    const plain = doc(article('a', 'Iznosi', para('a-1', 'Iznosi naknade su:')))
    const diff = diffDocuments(plain, withTable(['Usluga', 'Iznos']))
    const p = diff.articles[0]!.paragraphs[0]!
    expect(p.items).toEqual([{ kind: 'table', status: 'added', oldNumber: null, newNumber: null, changes: [{ type: 'insert', text: 'Usluga | Iznos' }] }])
  })
})

describe('diffDocuments: annexes', () => {
  const body = simple('a')

  it('shows added, deleted, changed and renumbered annexes, paired by id', () => {
    const before = doc(body, annexJson({ id: 'x1' }, 'Obrazac', 'Ime i prezime:'), annexJson({ id: 'x2' }, 'Cjenovnik', tableJson(['Usluga', '100 KM'])))
    const after = doc(body, annexJson({ id: 'x3' }, 'Nova lista', 'Spisak ustanova.'), annexJson({ id: 'x2' }, 'Cjenovnik', tableJson(['Usluga', '120 KM'])))
    const diff = diffDocuments(before, after)
    expect(diff.annexes.map((a) => [a.oldNumber, a.newNumber, a.status, a.heading])).toEqual([
      ['1', null, 'deleted', 'Obrazac'],
      [null, '1', 'added', 'Nova lista'],
      ['2', '2', 'changed', 'Cjenovnik'],
    ])
    expect(changed(diff.annexes[2]!.changes)).toEqual([{ type: 'delete', text: '100', kind: 'number' }, { type: 'insert', text: '120', kind: 'number' }])
    expect(diff.annexes[0]!.changes).toEqual([{ type: 'delete', text: 'Ime i prezime:' }])
    // The articles are untouched.
    expect(diff.summary.unchanged).toBe(1)
  })

  it('shows a renamed annex with its title change, and an unchanged one as unchanged', () => {
    const before = doc(body, annexJson({ id: 'x1' }, 'Obrazac zahtjeva', 'Tekst.'), annexJson({ id: 'x2' }, 'Cjenovnik', 'Cijene.'))
    const after = doc(body, annexJson({ id: 'x1' }, 'Obrazac prijave', 'Tekst.'), annexJson({ id: 'x2' }, 'Cjenovnik', 'Cijene.'))
    const diff = diffDocuments(before, after)
    expect(diff.annexes.map((a) => a.status)).toEqual(['changed', 'unchanged'])
    expect(changed(diff.annexes[0]!.headingChanges!)).toEqual([{ type: 'delete', text: 'zahtjeva' }, { type: 'insert', text: 'prijave' }])
  })

  it('pairs annexes by title and content when the versions share no ids', () => {
    const before = doc(body, annexJson({ id: 'x1' }, 'Obrazac', 'Ime i prezime:'), annexJson({ id: 'x2' }, 'Cjenovnik', 'Cijene usluga.'))
    const after = doc(body, annexJson({ id: 'y2' }, 'Cjenovnik', 'Cijene svih usluga.'))
    const diff = diffDocuments(before, after, { align: 'content' })
    expect(diff.annexes.map((a) => [a.oldNumber, a.newNumber, a.status])).toEqual([['1', null, 'deleted'], ['2', '1', 'changed']])
  })

  it('gives acts without annexes an empty list', () => {
    expect(diffDocuments(doc(body), doc(body)).annexes).toEqual([])
  })
})
