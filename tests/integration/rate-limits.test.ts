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

  it('keeps the defaults when nothing is configured: 50 log-ins per address per hour', async () => {
    const limits = createRateLimits(db)
    for (let i = 0; i < 50; i++) expect(await limits.consume('loginPerIp', '10.0.0.9')).toBeNull()
    expect(await limits.consume('loginPerIp', '10.0.0.9')).not.toBeNull()
  })
})
