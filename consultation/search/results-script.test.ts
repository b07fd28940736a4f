import { describe, expect, it } from 'vitest'
import { highlight } from './highlight.ts'
import { parseQuery } from './query.ts'
import { resultsInScript, segmentsInScript } from './results-script.ts'
import type { SiteSearchResult } from './search.ts'

const marked = (segments: { text: string; mark: boolean }[]) => segments.filter((s) => s.mark).map((s) => s.text)

describe('search results in the reader script', () => {
  it('converts an excerpt segment by segment, so the marks stay on the same words', () => {
    const excerpt = highlight('Korisnik socijalnih usluga ima pravo na njegu i usluge.', parseQuery('usluge').terms)
    const cyrillic = segmentsInScript(excerpt, 'cyrl')
    expect(cyrillic.map((s) => s.text).join('')).toBe('Корисник социјалних услуга има право на његу и услуге.')
    expect(marked(cyrillic)).toEqual(['услуга', 'услуге'])
    expect(marked(segmentsInScript(cyrillic, 'latn'))).toEqual(['usluga', 'usluge'])
  })

  it('converts titles, labels and names in the filters, and leaves links and authors alone', () => {
    const result: SiteSearchResult = {
      terms: ['usluz'], articleNumber: null, jump: null,
      drafts: [{ slug: 'zakon', title: 'Zakon o socijalnim uslugama' }],
      versions: [{ seq: 1, name: 'Nacrt za javne konsultacije' }],
      rounds: [{ id: 'r1', title: 'Javne konsultacije' }],
      groups: [{
        kind: 'article', total: 1, capped: false, page: 1, pages: 1,
        hits: [{
          kind: 'article', href: '/drafts/zakon?version=1#clan-x', draft: { slug: 'zakon', title: 'Zakon o socijalnim uslugama' },
          versionSeq: 1, otherVersions: [], label: 'Član 6. Usluge', round: { id: 'r1', title: 'Javne konsultacije' },
          author: { kind: 'person', name: 'Ana Anić' } as never, createdAt: null, answerStatus: null, restricted: false,
          excerpt: [{ text: 'Usluge', mark: true }, { text: ' su dostupne.', mark: false }],
        }],
      }],
    }
    const shown = resultsInScript(result, 'cyrl')
    const hit = shown.groups[0]!.hits[0]!
    expect(hit.draft.title).toBe('Закон о социјалним услугама')
    expect(hit.label).toBe('Члан 6. Услуге')
    expect(hit.round?.title).toBe('Јавне консултације')
    expect(hit.excerpt).toEqual([{ text: 'Услуге', mark: true }, { text: ' су доступне.', mark: false }])
    expect(hit.href).toBe('/drafts/zakon?version=1#clan-x')
    expect(hit.author).toEqual({ kind: 'person', name: 'Ana Anić' })
    expect(shown.drafts).toEqual([{ slug: 'zakon', title: 'Закон о социјалним услугама' }])
    expect(shown.versions).toEqual([{ seq: 1, name: 'Нацрт за јавне консултације' }])
    expect(shown.rounds).toEqual([{ id: 'r1', title: 'Јавне консултације' }])
    // The stored result is not changed.
    expect(result.groups[0]!.hits[0]!.label).toBe('Član 6. Usluge')
  })
})
