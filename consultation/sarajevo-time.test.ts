import { describe, expect, it } from 'vitest'
import { calendarDays, fromSarajevoLocal, sarajevoOffsetMinutes, toSarajevoLocal } from './sarajevo-time.ts'

describe('Sarajevo wall-clock times', () => {
  it('reads winter and summer times with their own offsets', () => {
    expect(fromSarajevoLocal('2027-01-15T08:00')?.toISOString()).toBe('2027-01-15T07:00:00.000Z')
    expect(fromSarajevoLocal('2027-07-15T08:00')?.toISOString()).toBe('2027-07-15T06:00:00.000Z')
  })

  it('round-trips across the change to summer time (last Sunday of March 2027: 28th)', () => {
    expect(fromSarajevoLocal('2027-03-28T01:59')?.toISOString()).toBe('2027-03-28T00:59:00.000Z')
    expect(fromSarajevoLocal('2027-03-28T03:00')?.toISOString()).toBe('2027-03-28T01:00:00.000Z')
    // 02:30 does not exist that night: read with the winter offset, it is 03:30 summer time.
    const skipped = fromSarajevoLocal('2027-03-28T02:30')!
    expect(skipped.toISOString()).toBe('2027-03-28T01:30:00.000Z')
    expect(toSarajevoLocal(skipped)).toBe('2027-03-28T03:30')
  })

  it('takes the first of the two 02:30s when clocks go back (31 October 2027)', () => {
    const ambiguous = fromSarajevoLocal('2027-10-31T02:30')!
    expect(ambiguous.toISOString()).toBe('2027-10-31T00:30:00.000Z')
    expect(sarajevoOffsetMinutes(ambiguous)).toBe(120)
    expect(fromSarajevoLocal('2027-10-31T03:30')?.toISOString()).toBe('2027-10-31T02:30:00.000Z')
  })

  it('shows an instant as the wall-clock time people entered', () => {
    for (const value of ['2027-03-27T23:59', '2027-03-28T04:00', '2027-10-30T12:00', '2027-10-31T03:00', '2027-12-31T23:59']) {
      expect(toSarajevoLocal(fromSarajevoLocal(value)!)).toBe(value)
    }
  })

  it('refuses what is not a date and time', () => {
    for (const bad of ['', '2027-02-30T08:00', '2027-13-01T08:00', '2027-01-01 08:00', '2027-01-01T24:00', 'sutra']) {
      expect(fromSarajevoLocal(bad)).toBeNull()
    }
  })
})

describe('calendarDays', () => {
  it('counts the opening and the closing day', () => {
    expect(calendarDays(fromSarajevoLocal('2027-02-01T08:00')!, fromSarajevoLocal('2027-03-02T23:59')!)).toBe(30)
  })
  it('does not count a day the round closes at midnight', () => {
    expect(calendarDays(fromSarajevoLocal('2027-02-01T08:00')!, fromSarajevoLocal('2027-02-16T00:00')!)).toBe(15)
  })
  it('counts Sarajevo days across the DST change, not 24-hour periods', () => {
    // 23-hour day on 28 March: still 3 calendar days, 27th to 29th.
    expect(calendarDays(fromSarajevoLocal('2027-03-27T20:00')!, fromSarajevoLocal('2027-03-29T10:00')!)).toBe(3)
    // A UTC-midnight-crossing evening round is one Sarajevo day.
    expect(calendarDays(fromSarajevoLocal('2027-07-01T18:00')!, fromSarajevoLocal('2027-07-01T23:30')!)).toBe(1)
  })
  it('is zero for an empty or reversed period', () => {
    const t = fromSarajevoLocal('2027-05-05T10:00')!
    expect(calendarDays(t, t)).toBe(0)
  })
})
