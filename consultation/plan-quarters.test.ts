import { describe, expect, it } from 'vitest'
import { compareQuarters, groupByQuarter, isPastQuarter, nextQuarters, parseQuarter, quarterOf } from './plan-quarters.ts'
import { NewPlanItem } from './interested-party-inputs.ts'

describe('parseQuarter', () => {
  it('reads a year and a quarter from "2027-Q1"', () => {
    expect(parseQuarter('2027-Q1')).toEqual({ year: 2027, quarter: 1 })
    expect(parseQuarter('2030-Q4')).toEqual({ year: 2030, quarter: 4 })
  })
  it('refuses anything else: quarter 0 or 5, lower case, two-digit years, extra text', () => {
    for (const value of ['2027-Q0', '2027-Q5', '2027-q1', '27-Q1', '2027Q1', ' 2027-Q1', '2027-Q1x', '1999-Q1', '']) {
      expect(parseQuarter(value), value).toBeNull()
    }
  })
})

describe('the plan item form', () => {
  const base = { title: 'Zakon o socijalnim uslugama', plannedFor: '2027-Q2' }
  it('accepts a valid quarter and leaves the description and draft out when empty', () => {
    expect(NewPlanItem.parse({ ...base, description: ' ', draftId: '' })).toEqual({ ...base, description: undefined, draftId: undefined })
  })
  it('answers a malformed quarter with the translation key of its message', () => {
    const parsed = NewPlanItem.safeParse({ ...base, plannedFor: '2027-Q5' })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([['plannedFor', 'errors.legislativePlan.quarter']])
  })
})

describe('quarterOf', () => {
  it('counts in Europe/Sarajevo: New Year’s night after 23:00 UTC is already the next year’s first quarter', () => {
    expect(quarterOf(new Date('2026-12-31T22:59:00Z'))).toBe('2026-Q4')
    expect(quarterOf(new Date('2026-12-31T23:00:00Z'))).toBe('2027-Q1')
  })
  it('puts each month in its quarter', () => {
    expect(quarterOf(new Date('2027-03-31T12:00:00Z'))).toBe('2027-Q1')
    expect(quarterOf(new Date('2027-04-01T12:00:00Z'))).toBe('2027-Q2')
    expect(quarterOf(new Date('2027-09-30T12:00:00Z'))).toBe('2027-Q3')
    expect(quarterOf(new Date('2027-10-01T12:00:00Z'))).toBe('2027-Q4')
  })
})

describe('comparing quarters', () => {
  const now = new Date('2027-05-10T10:00:00Z')
  it('orders by year, then quarter', () => {
    expect(['2028-Q1', '2027-Q4', '2027-Q2'].sort(compareQuarters)).toEqual(['2027-Q2', '2027-Q4', '2028-Q1'])
  })
  it('calls a quarter past only once it has ended', () => {
    expect(isPastQuarter('2027-Q1', now)).toBe(true)
    expect(isPastQuarter('2027-Q2', now)).toBe(false)
    expect(isPastQuarter('2026-Q4', now)).toBe(true)
  })
  it('throws a RangeError for a value that is not a quarter (a caller bug)', () => {
    expect(() => compareQuarters('2027-Q1', 'soon')).toThrow(RangeError)
  })
})

describe('nextQuarters', () => {
  it('starts with the current quarter and rolls over the year', () => {
    expect(nextQuarters(new Date('2027-11-20T10:00:00Z'), 4)).toEqual(['2027-Q4', '2028-Q1', '2028-Q2', '2028-Q3'])
  })
})

describe('groupByQuarter', () => {
  const now = new Date('2027-05-10T10:00:00Z')
  it('groups entries by quarter in calendar order, keeping their order within a quarter, and marks past quarters', () => {
    const entries = [
      { title: 'B', q: '2027-Q3' },
      { title: 'A', q: '2027-Q1' },
      { title: 'C', q: '2027-Q3' },
      { title: 'D', q: '2027-Q2' },
    ]
    const groups = groupByQuarter(entries, (e) => e.q, now)
    expect(groups.map((g) => [g.quarter, g.year, g.number, g.past, g.entries.map((e) => e.title)])).toEqual([
      ['2027-Q1', 2027, 1, true, ['A']],
      ['2027-Q2', 2027, 2, false, ['D']],
      ['2027-Q3', 2027, 3, false, ['B', 'C']],
    ])
  })
  it('has no groups for no entries', () => {
    expect(groupByQuarter([], () => '2027-Q1', now)).toEqual([])
  })
})
