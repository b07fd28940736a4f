import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from './format.ts'

describe('formatDateTime', () => {
  it('shows UTC instants in Europe/Sarajevo, whatever the process time zone', () => {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Sarajevo (CET, UTC+1).
    const instant = new Date('2026-11-30T23:30:00Z')
    expect(formatDateTime(instant, 'en')).toContain('00:30')
    expect(formatDate(instant, 'en')).toContain('1 December 2026')
  })
  it('follows summer time', () => {
    expect(formatDateTime(new Date('2026-07-01T10:00:00Z'), 'en')).toContain('12:00')
  })
  it('writes Serbian Cyrillic dates in Cyrillic', () => {
    expect(formatDate(new Date('2026-11-23T12:00:00Z'), 'sr-Cyrl')).toMatch(/новембар/)
    expect(formatDate(new Date('2026-11-23T12:00:00Z'), 'sr-Latn')).toMatch(/novembar/)
  })
})
