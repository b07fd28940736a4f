import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime, formatMonth } from './format.ts'

describe('formatDateTime', () => {
  it('shows UTC instants in Europe/Sarajevo, whatever the process time zone', () => {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Sarajevo (CET, UTC+1).
    const instant = new Date('2026-11-30T23:30:00Z')
    expect(formatDateTime(instant, 'en')).toBe('1 December 2026 at 00:30')
    expect(formatDate(instant, 'bs')).toBe('1. decembra 2026.')
  })
  it('follows summer time', () => {
    expect(formatDateTime(new Date('2026-07-01T10:00:00Z'), 'bs')).toBe('1. jula 2026. u 12:00')
  })
  it('writes each language its own way', () => {
    const d = new Date('2026-11-23T12:00:00Z')
    expect(formatDate(d, 'hr')).toBe('23. studenoga 2026.')
    expect(formatDate(d, 'sr-Latn')).toBe('23. novembra 2026.')
    expect(formatDate(d, 'sr-Cyrl')).toBe('23. новембра 2026.')
    expect(formatDateTime(d, 'sr-Cyrl')).toBe('23. новембра 2026. у 13:00')
  })
})

describe('month names', () => {
  const december14 = new Date('2026-12-14T12:00:00Z')
  it('take the genitive after a day in Bosnian and Serbian, as Croatian already does', () => {
    expect(formatDate(december14, 'bs')).toBe('14. decembra 2026.')
    expect(formatDate(december14, 'sr-Latn')).toBe('14. decembra 2026.')
    expect(formatDate(december14, 'sr-Cyrl')).toBe('14. децембра 2026.')
    expect(formatDate(december14, 'hr')).toBe('14. prosinca 2026.')
    expect(formatDate(december14, 'en')).toBe('14 December 2026')
    expect(formatDateTime(december14, 'bs')).toBe('14. decembra 2026. u 13:00')
    expect(formatDateTime(december14, 'sr-Latn')).toBe('14. decembra 2026. u 13:00')
    expect(formatDateTime(december14, 'hr')).toBe('14. prosinca 2026. u 13:00')
    expect(formatDateTime(december14, 'en')).toBe('14 December 2026 at 13:00')
  })
  it('keep each variant its own genitive: august/avgust, juni/jun', () => {
    const august3 = new Date('2026-08-03T12:00:00Z')
    expect(formatDate(august3, 'bs')).toBe('3. augusta 2026.')
    expect(formatDate(august3, 'sr-Latn')).toBe('3. avgusta 2026.')
    expect(formatDate(august3, 'sr-Cyrl')).toBe('3. августа 2026.')
    expect(formatDate(new Date('2026-06-09T12:00:00Z'), 'bs')).toBe('9. juna 2026.')
  })
  it('stay in the nominative for a month without a day', () => {
    expect(formatMonth(december14, 'bs')).toBe('decembar 2026.')
    expect(formatMonth(december14, 'sr-Latn')).toBe('decembar 2026.')
    expect(formatMonth(december14, 'sr-Cyrl')).toBe('децембар 2026.')
    expect(formatMonth(december14, 'hr')).toBe('prosinac 2026.')
    expect(formatMonth(december14, 'en')).toBe('December 2026')
  })
  it('give every month of every locale a name that differs from the nominative in Bosnian and Serbian', () => {
    for (let m = 0; m < 12; m++) {
      const d = new Date(Date.UTC(2026, m, 15, 12))
      for (const locale of ['bs', 'sr-Latn', 'sr-Cyrl'] as const) {
        const alone = formatMonth(d, locale).replace(/ 2026\.$/, '')
        expect(formatDate(d, locale)).not.toContain(` ${alone} `)
        expect(formatDate(d, locale)).toMatch(/^15\. \S+[aа] 2026\.$/)
      }
    }
  })
})
