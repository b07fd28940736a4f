import { describe, expect, it } from 'vitest'
import { toCyrillic } from '../../drafting/transliteration.ts'
import { REPORT_LANGS } from './model.ts'
import { reportVocabulary, type ReportVocabulary } from './vocabulary.ts'

/** Every string of a vocabulary, by its path. */
function strings(v: ReportVocabulary): Map<string, string> {
  const out = new Map<string, string>()
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') out.set(path, value)
    else if (value && typeof value === 'object') for (const [k, child] of Object.entries(value)) walk(child, path ? `${path}.${k}` : k)
  }
  walk(v, '')
  out.delete('lang')
  return out
}

describe('reportVocabulary', () => {
  it('has the same words in all five languages', () => {
    const keys = [...strings(reportVocabulary('bs')).keys()].sort()
    for (const lang of REPORT_LANGS) expect([...strings(reportVocabulary(lang)).keys()].sort(), lang).toEqual(keys)
  })

  it('writes Serbian Cyrillic as the transliteration of Serbian Latin, with no Latin letter left', () => {
    const latin = strings(reportVocabulary('sr-Latn'))
    for (const [key, value] of strings(reportVocabulary('sr-Cyrl'))) {
      expect(value, key).toBe(toCyrillic(latin.get(key)!))
      expect(value, key).not.toMatch(/[A-Za-zČĆŽŠĐčćžšđ]/)
    }
    const cyrl = reportVocabulary('sr-Cyrl')
    expect(cyrl.date(new Date('2026-11-23T10:00:00Z'))).toBe('23. новембра 2026.')
    expect(cyrl.group(12)).toBe('Група истовјетних коментара: 12')
  })

  it('speaks Croatian in Croatian forms', () => {
    const hr = reportVocabulary('hr')
    expect(hr.title).toBe('Izvješće o provedenom savjetovanju')
    expect(hr.statuses['partly-accepted']).toBe('Djelomično prihvaćen')
    expect(hr.statuses.noted).toBe('Primljeno na znanje')
    expect(hr.date(new Date('2026-11-23T10:00:00Z'))).toBe('23. studenoga 2026.')
  })

  it('formats dates and days in Europe/Sarajevo with each language’s forms', () => {
    const bs = reportVocabulary('bs')
    // 23:30 UTC on 31 December is already 1 January in Sarajevo.
    expect(bs.dateTime(new Date('2026-12-31T23:30:00Z'))).toBe('1. januara 2027. u 00:30')
    // With its day, a month is in the genitive, in either script.
    expect(reportVocabulary('sr-Cyrl').date(new Date('2026-11-23T10:00:00Z'))).toBe('23. новембра 2026.')
    expect([1, 2, 5, 11, 21, 30].map(bs.days)).toEqual(['1 dan', '2 dana', '5 dana', '11 dana', '21 dan', '30 dana'])
    expect(reportVocabulary('en').days(1)).toBe('1 day')
    expect(bs.signers(['Ana', 'Udruženje Most'], 3)).toBe('Ana, Udruženje Most; neimenovanih: 3')
    expect(bs.signers([], 2)).toBe('neimenovanih: 2')
  })
})
