import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from './format.ts'

describe('formatDateTime', () => {
  it('shows UTC instants in Europe/Sarajevo, whatever the process time zone', () => {
    // 23:30 UTC on 30 November is 00:30 on 1 December in Sarajevo (CET, UTC+1).
    const instant = new Date('2026-11-30T23:30:00Z')
    expect(formatDateTime(instant, 'en')).toBe('1 December 2026 at 00:30')
    expect(formatDate(instant, 'bs')).toBe('1. decembar 2026.')
  })
  it('follows summer time', () => {
    expect(formatDateTime(new Date('2026-07-01T10:00:00Z'), 'bs')).toBe('1. juli 2026. u 12:00')
  })
  it('writes each language its own way', () => {
    const d = new Date('2026-11-23T12:00:00Z')
    expect(formatDate(d, 'hr')).toBe('23. studenoga 2026.')
    expect(formatDate(d, 'sr-Latn')).toBe('23. novembar 2026.')
    expect(formatDate(d, 'sr-Cyrl')).toBe('23. новембар 2026.')
    expect(formatDateTime(d, 'sr-Cyrl')).toBe('23. новембар 2026. у 13:00')
  })
})
