import { describe, expect, it } from 'vitest'
import { importPlainText } from '../../drafting/plain-text-import.ts'
import { outlineDocument, type DocumentOutline } from '../../drafting/outline.ts'
import { transliterateDocument } from '../../drafting/transliteration.ts'
import { loadDocument } from '../../drafting/document.ts'
import { buildVersionIndex, versionSearchUnits } from './draft-index.ts'
import { excerpt, loadDraftIndex, outlineArticles, queryMatcher, searchDraftIndex } from './in-page.ts'

const ACT = `ZAKON O SOCIJALNIM USLUGAMA

Član 1.
(Predmet)
Ovim zakonom uređuje se zaštita djece bez roditeljskog staranja.

Član 2.
(Socijalne usluge)
(1) Socijalne usluge pružaju centri za socijalni rad.
(2) Korisnik ima pravo na žalbu u roku od 15 dana.

Član 3.
(Đaci)
Đaci i studenti imaju pravo na prevoz.
`

const latin = outlineDocument(importPlainText(ACT), { language: 'sr', script: 'latn' })
const cyrillicDoc = transliterateDocument(importPlainText(ACT).toJSON(), 'cyrl')
const cyrillic = outlineDocument(loadDocument(cyrillicDoc), { language: 'sr', script: 'cyrl' })

const numbersFound = (outline: DocumentOutline, query: string) => {
  const byId = new Map(outlineArticles(outline.body).map((a) => [a.id, a.number]))
  return searchDraftIndex(buildVersionIndex(outline), query).map((hit) => byId.get(hit.ref)).sort()
}

describe('buildVersionIndex', () => {
  it('has one unit per article, by its stable id, with label, heading and text', () => {
    const units = versionSearchUnits(latin)
    expect(units.map((u) => u.ref)).toEqual(outlineArticles(latin.body).map((a) => a.id))
    expect(units).toHaveLength(latin.articleCount)
    expect(units[1]!.text).toBe('Član 2. Socijalne usluge (1) Socijalne usluge pružaju centri za socijalni rad. (2) Korisnik ima pravo na žalbu u roku od 15 dana.')
  })

  it.each([
    ['zastita', ['1']], // no diacritics
    ['заштита', ['1']], // Cyrillic query, Latin text
    ['zaštiti djeteta', ['1']], // other cases of both words, through the pipeline
    ['socijalnih usluga', ['2']],
    ['zalbe', ['2']],
    ['djak', ['3']],
    ['predm', ['1']], // the heading, as typed so far
  ])('finds %s in a Latin draft', (query, expected) => {
    expect(numbersFound(latin, query)).toEqual(expected)
  })

  it.each([
    ['zastita', ['1']],
    ['заштити', ['1']],
    ['socijalnih usluga', ['2']],
    ['đak', ['3']],
  ])('finds %s in a Cyrillic draft', (query, expected) => {
    expect(cyrillic.title).toMatch(/[\u0400-\u04FF]/)
    expect(numbersFound(cyrillic, query)).toEqual(expected)
  })

  it('loads in lunr from its JSON and finds the same', () => {
    const index = buildVersionIndex(latin)
    const loaded = loadDraftIndex(JSON.parse(JSON.stringify(index)) as object)
    for (const query of ['zastita', 'usluge', 'prevoz']) expect(searchDraftIndex(loaded, query)).toEqual(searchDraftIndex(index, query))
  })
})

describe('excerpts', () => {
  it('marks the words a query matched, whatever their script, case and diacritics', () => {
    const matches = queryMatcher('zastita djece')
    expect(['zaštita', 'ZAŠTITE', 'заштиту', 'djeci', 'деце'].map(matches)).toEqual([true, true, true, true, true])
    expect(['za', 'roditeljskog'].map(matches)).toEqual([false, false])
  })

  it('shows the text around the first match, cut at words', () => {
    const text = `${'Riječ '.repeat(40)}zaštita djece bez roditeljskog staranja. ${'Kraj '.repeat(40)}`
    const segments = excerpt(text, queryMatcher('zastita'), 80)
    expect(segments[0]).toEqual({ text: '… ', mark: false })
    expect(segments.at(-1)).toEqual({ text: ' …', mark: false })
    expect(segments.filter((s) => s.mark).map((s) => s.text)).toEqual(['zaštita'])
    expect(segments.map((s) => s.text).join('').length).toBeLessThan(90)
  })
})
