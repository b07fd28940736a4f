import lunr from 'lunr'
import { describe, expect, it } from 'vitest'
import { buildDraftIndex, searchDraftIndex, type SearchUnit } from './lunr-bcs.ts'

const units: SearchUnit[] = [
  { ref: 'a1', text: 'Ovim zakonom uređuje se zaštita djece bez roditeljskog staranja.' },
  { ref: 'a2', text: 'Socijalne usluge pružaju centri za socijalni rad u svakoj jedinici lokalne samouprave.' },
  { ref: 'a3', text: 'Члан 3. Право на дечији додатак има свако дете до навршене 18. године.' },
  { ref: 'a4', text: 'Zakup poslovnog prostora ugovara se na vrijeme od pet godina (član 18a).' },
  { ref: 'a5', text: 'Đaci i studenti imaju pravo na prevoz; Službeni glasnik BiH, br. 12/23.' },
  { ref: 'a6', text: 'Korisnik socijalnih usluga ima pravo na žalbu u roku od 15 dana.' },
]

const refs = (index: lunr.Index, query: string) => searchDraftIndex(index, query).map((hit) => hit.ref).sort()

describe('buildDraftIndex and searchDraftIndex', () => {
  const index = buildDraftIndex(units)

  it.each([
    ['заштита', ['a1']], // Cyrillic query, Latin text
    ['zastita', ['a1']], // no diacritics
    ['zaštiti djeteta', ['a1']], // other cases of both words
    ['deca', ['a1', 'a3']], // ekavian plural finds ijekavian djece and Cyrillic дете
    ['dječiji dodatak', ['a3']],
    ['socijalnih usluga', ['a2', 'a6']],
    ['uslugama', ['a2', 'a6']],
    ['djaci', ['a5']], // dj for đ
    ['ђак', ['a5']],
    ['vreme', ['a4']], // ekavian finds ijekavian vrijeme
    ['zakup', ['a4']],
    ['18a', ['a4']],
    ['zalbi', ['a6']],
    ['glasnik BiH', ['a5']],
  ])('finds %j in %j', (query, expected) => {
    expect(refs(index, query)).toEqual(expected)
  })

  it('does not find zakup for zakon (different words, same beginning)', () => {
    expect(refs(index, 'zakonu')).toEqual(['a1'])
  })

  it('needs every word of the query', () => {
    expect(refs(index, 'socijalne usluge djeca')).toEqual([])
  })

  it('reads the last word as a prefix while it is typed', () => {
    expect(refs(index, 'zast')).toEqual(['a1'])
    expect(refs(index, 'socijalne usl')).toEqual(['a2', 'a6'])
    expect(refs(index, 'djec')).toEqual(['a1', 'a3'])
    // "dje" begins no indexed stem, as stemmed or as typed; its ekavian "de" does (detet)
    expect(refs(index, 'dje')).toEqual(['a1', 'a3'])
    expect(refs(index, 'vrije')).toEqual(['a4'])
  })

  it('finds nothing for function words alone or an empty query', () => {
    expect(searchDraftIndex(index, 'i na za')).toEqual([])
    expect(searchDraftIndex(index, '   ')).toEqual([])
  })

  it('ranks a unit that repeats a word above one that has it once', () => {
    const ranked = buildDraftIndex([
      { ref: 'once', text: 'Usluge se pružaju u centru, a ostali poslovi u općini.' },
      { ref: 'twice', text: 'Usluge i korisnici usluga.' },
    ])
    expect(searchDraftIndex(ranked, 'usluga').map((hit) => hit.ref)).toEqual(['twice', 'once'])
  })

  it('survives a JSON round trip: a loaded index answers as the built one', () => {
    const loaded = lunr.Index.load(JSON.parse(JSON.stringify(index)))
    for (const query of ['заштита', 'socijalnih usluga', 'zast', 'djaci', '18a']) {
      expect(searchDraftIndex(loaded, query)).toEqual(searchDraftIndex(index, query))
    }
    expect(refs(loaded, 'zaštita')).toEqual(['a1'])
  })

  it('serialises its pipeline by the bcs labels', () => {
    expect(JSON.parse(JSON.stringify(index)).pipeline).toEqual(['bcs-fold', 'bcs-stop-word-filter', 'bcs-stemmer'])
  })

  it("lets lunr's own query syntax use the same pipeline", () => {
    const loaded = lunr.Index.load(JSON.parse(JSON.stringify(index)))
    expect(loaded.search('Заштита').map((hit) => hit.ref)).toEqual(['a1'])
    expect(loaded.search('+socijalnih +usluga').map((hit) => hit.ref).sort()).toEqual(['a2', 'a6'])
  })

  it('records where each word stands in the original text', () => {
    const text = 'Право на дечији додатак'
    const [hit] = buildDraftIndex([{ ref: 'x', text }]).search('dodatak')
    expect(hit?.matchData.metadata).toEqual({ dodatc: { text: { position: [[text.indexOf('додатак'), 7]] } } })
  })
})
