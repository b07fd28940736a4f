// The per-address and per-account limits against the real database store: counted across
// calls (and so across instances sharing the database), configurable, and reset by name.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import type { Db } from '../../drafting/db.ts'
import { createRateLimits } from '../../app/.server/rate-limit.ts'

let db: Db
let cleanup: () => Promise<void>

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
})
afterEach(async () => {
  await cleanup()
})

describe('rate limits', () => {
  it('refuses the attempt after the configured number from one address, with the seconds to wait', async () => {
    const limits = createRateLimits(db, { commentsPerAccountPer10Min: 2, commentsPerIpPer10Min: 3, loginsPerIpPerHour: 2, registrationsPerIpPerHour: 1 })
    expect(await limits.consume('loginPerIp', '10.0.0.1')).toBeNull()
    expect(await limits.consume('loginPerIp', '10.0.0.1')).toBeNull()
    const wait = await limits.consume('loginPerIp', '10.0.0.1')
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(3600)
    // Another address has its own count; so has another limit.
    expect(await limits.consume('loginPerIp', '10.0.0.2')).toBeNull()
    expect(await limits.consume('registrationPerIp', '10.0.0.1')).toBeNull()
    expect(await limits.consume('registrationPerIp', '10.0.0.1')).not.toBeNull()
  })

  it('shares counts between two app instances on one database', async () => {
    const one = createRateLimits(db, { commentsPerAccountPer10Min: 2, commentsPerIpPer10Min: 100 })
    const two = createRateLimits(db, { commentsPerAccountPer10Min: 2, commentsPerIpPer10Min: 100 })
    expect(await one.consume('commentPerAccount', 'user-1')).toBeNull()
    expect(await two.consume('commentPerAccount', 'user-1')).toBeNull()
    expect(await one.consume('commentPerAccount', 'user-1')).not.toBeNull()
  })

  it('charges several limits in one call and answers with the longest wait', async () => {
    const limits = createRateLimits(db, { commentsPerAccountPer10Min: 2, commentsPerIpPer10Min: 3 })
    const both = [['commentPerIp', '10.0.0.1'], ['commentPerAccount', 'user-1']] as const
    expect(await limits.consumeAll(both)).toBeNull()
    expect(await limits.consumeAll(both)).toBeNull()
    // The account's third comment is over its limit; the address still has one left.
    const wait = await limits.consumeAll(both)
    expect(wait).toBeGreaterThan(0)
    expect(wait).toBeLessThanOrEqual(600)
    expect(await limits.consume('commentPerIp', '10.0.0.1')).not.toBeNull()
    expect(await limits.consume('commentPerAccount', 'user-2')).toBeNull()
  })

  it('starts a new window once the old one has ended, and forgets a key on reset', async () => {
    const limits = createRateLimits(db, { commentsPerAccountPer10Min: 1, commentsPerIpPer10Min: 100 })
    expect(await limits.consume('commentPerAccount', 'user-1')).toBeNull()
    expect(await limits.consume('commentPerAccount', 'user-1')).not.toBeNull()
    await db.rateLimiterFlexible.updateMany({ data: { expire: new Date(Date.now() - 1000) } })
    expect(await limits.consume('commentPerAccount', 'user-1')).toBeNull()
    const row = await db.rateLimiterFlexible.findUniqueOrThrow({ where: { key: 'comment-account:user-1' } })
    expect(row.points).toBe(1)
    expect(row.expire!.getTime()).toBeGreaterThan(Date.now() + 9 * 60 * 1000)
    expect(await limits.consume('commentPerAccount', 'user-1')).not.toBeNull()
    await limits.reset('commentPerAccount', 'user-1')
    expect(await limits.consume('commentPerAccount', 'user-1')).toBeNull()
  })

  it('counts every one of many attempts sent at once', async () => {
    const limits = createRateLimits(db, { commentsPerAccountPer10Min: 20, commentsPerIpPer10Min: 100 })
    const waits = await Promise.all(Array.from({ length: 30 }, () => limits.consume('commentPerAccount', 'user-1')))
    expect(waits.filter((w) => w === null)).toHaveLength(20)
  })

  it('keeps the defaults when nothing is configured: 50 log-ins per address per hour', async () => {
    const limits = createRateLimits(db)
    for (let i = 0; i < 50; i++) expect(await limits.consume('loginPerIp', '10.0.0.9')).toBeNull()
    expect(await limits.consume('loginPerIp', '10.0.0.9')).not.toBeNull()
  })
})
