import { describe, expect, it } from 'vitest'
import { draftPublicState, roundState, type RoundTimes } from './round-state.ts'

const round = (overrides: Partial<RoundTimes> = {}): RoundTimes => ({
  state: 'planned',
  opensAt: new Date('2026-11-01T08:00:00Z'),
  closesAt: new Date('2026-12-01T23:00:00Z'),
  reportPublishedAt: null,
  ...overrides,
})

describe('roundState', () => {
  it('is planned before the round opens', () => {
    expect(roundState(round(), new Date('2026-10-31T12:00:00Z'))).toBe('planned')
  })
  it('opens exactly at opensAt', () => {
    expect(roundState(round(), new Date('2026-11-01T08:00:00Z'))).toBe('open')
  })
  it('closes exactly at closesAt', () => {
    expect(roundState(round(), new Date('2026-12-01T22:59:59Z'))).toBe('open')
    expect(roundState(round(), new Date('2026-12-01T23:00:00Z'))).toBe('closed')
  })
  it('stays closed when staff closed it early', () => {
    expect(roundState(round({ state: 'closed' }), new Date('2026-11-10T00:00:00Z'))).toBe('closed')
  })
  it('is open when staff opened it before its scheduled time', () => {
    expect(roundState(round({ state: 'open' }), new Date('2026-10-20T00:00:00Z'))).toBe('open')
  })
  it('is report-published once the report is out', () => {
    const r = round({ reportPublishedAt: new Date('2026-12-10T10:00:00Z') })
    expect(roundState(r, new Date('2026-12-05T00:00:00Z'))).toBe('closed')
    expect(roundState(r, new Date('2026-12-10T10:00:00Z'))).toBe('report-published')
  })
})

describe('draftPublicState', () => {
  const now = new Date('2026-11-23T12:00:00Z')
  it('is a working draft without rounds or with planned rounds only', () => {
    expect(draftPublicState([], now)).toBe('working-draft')
    expect(draftPublicState([round({ opensAt: new Date('2027-01-01T00:00:00Z'), closesAt: new Date('2027-02-01T00:00:00Z') })], now)).toBe('working-draft')
  })
  it('is in consultation while any round is open', () => {
    const earlier = round({ opensAt: new Date('2026-01-01T00:00:00Z'), closesAt: new Date('2026-02-01T00:00:00Z'), reportPublishedAt: new Date('2026-03-01T00:00:00Z') })
    expect(draftPublicState([earlier, round()], now)).toBe('in-consultation')
  })
  it('follows the latest round that has begun', () => {
    const first = round({ opensAt: new Date('2026-01-01T00:00:00Z'), closesAt: new Date('2026-02-01T00:00:00Z'), reportPublishedAt: new Date('2026-03-01T00:00:00Z') })
    const second = round({ opensAt: new Date('2026-05-01T00:00:00Z'), closesAt: new Date('2026-06-01T00:00:00Z') })
    expect(draftPublicState([first, second], now)).toBe('closed')
    expect(draftPublicState([first], now)).toBe('report-published')
  })
})
