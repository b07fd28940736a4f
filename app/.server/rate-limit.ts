import type { Db } from '../../accounts/db.ts'
import { sqlOf, statement } from '../../accounts/sql.ts'

/**
 * Limits on attempts, counted in the database so that every app instance sees the same
 * counts: a fixed window per key (`<limit>:<key>`, in the RateLimiterFlexible table),
 * opened by the first attempt and lasting the limit's duration; an attempt beyond the
 * limit's points waits until the window ends. Each call is one SQL statement (an upsert
 * that adds the points and starts a new window when the old one has ended), so attempts
 * sent at the same time to several instances are all counted, and the comment form
 * charges both of its limits in one statement (consumeAll).
 */
export function createRateLimits(
  db: Db,
  options: { commentsPerAccountPer10Min: number; commentsPerIpPer10Min: number; loginsPerIpPerHour?: number; registrationsPerIpPerHour?: number; listingRequestsPerIpPerHour?: number } = {
    commentsPerAccountPer10Min: 30,
    commentsPerIpPer10Min: 120,
  },
) {
  const limit = (prefix: string, points: number, durationSeconds: number) => ({ prefix, points, durationMs: durationSeconds * 1000 })
  const limits = {
    loginPerAccount: limit('login-account', 10, 15 * 60),
    loginPerIp: limit('login-ip', options.loginsPerIpPerHour ?? 50, 60 * 60),
    registrationPerIp: limit('register-ip', options.registrationsPerIpPerHour ?? 10, 60 * 60),
    passwordResetPerIp: limit('reset-ip', 10, 60 * 60),
    commentPerAccount: limit('comment-account', options.commentsPerAccountPer10Min, 10 * 60),
    commentPerIp: limit('comment-ip', options.commentsPerIpPer10Min, 10 * 60),
    // Readers' reports of comments, per address: enough for an office, too few to hide comments by the dozen.
    reportPerIp: limit('report-ip', 20, 10 * 60),
    // Requests to join an institution's list without an account: each sends an e-mail.
    listingPerIp: limit('listing-ip', options.listingRequestsPerIpPerHour ?? 10, 60 * 60),
    // ... and per address written to, so the form cannot fill a stranger's inbox.
    listingPerRecipient: limit('listing-to', 3, 24 * 60 * 60),
  }
  type Name = keyof typeof limits
  const rowKey = (name: Name, key: string) => `${limits[name].prefix}:${key}`

  /** Counts one attempt under every (limit, key); the longest wait in seconds when one is over its limit, else null. */
  async function consumeAll(attempts: readonly (readonly [Name, string])[]): Promise<number | null> {
    if (attempts.length === 0) return null
    const now = new Date()
    const args: unknown[] = []
    const values = attempts.map(([name, key]) => {
      args.push(rowKey(name, key), new Date(now.getTime() + limits[name].durationMs))
      return '(?, 1, ?)'
    })
    // Dates are stored as ISO-8601 text of one fixed length, so they compare as text.
    // An ended window (expire <= now) starts again at one point with a new end.
    const rows = await sqlOf(db).query<{ key: string; points: number | bigint; expire: Date | null }>(statement(
      `INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES ${values.join(', ')}
       ON CONFLICT ("key") DO UPDATE SET
         "points" = CASE WHEN "expire" IS NOT NULL AND "expire" <= ? THEN 1 ELSE "points" + 1 END,
         "expire" = CASE WHEN "expire" IS NULL OR "expire" <= ? THEN excluded."expire" ELSE "expire" END
       RETURNING "key", "points", "expire"`,
      ...args, now, now,
    ))
    let wait: number | null = null
    for (const [name, key] of attempts) {
      const row = rows.find((r) => r.key === rowKey(name, key))
      if (!row || Number(row.points) <= limits[name].points) continue
      const msBeforeNext = row.expire ? Math.max(new Date(row.expire).getTime() - now.getTime(), 0) : 0
      wait = Math.max(wait ?? 0, Math.max(1, Math.ceil(msBeforeNext / 1000)))
    }
    return wait
  }

  return {
    /** Counts one attempt; returns the seconds to wait when over the limit, else null. */
    consume(name: Name, key: string): Promise<number | null> {
      return consumeAll([[name, key]])
    },
    consumeAll,
    /** Forgets the attempts under a key (after a successful login). */
    async reset(name: Name, key: string): Promise<void> {
      await db.$executeRawUnsafe('DELETE FROM "RateLimiterFlexible" WHERE "key" = ?', rowKey(name, key))
    },
  }
}
export type RateLimits = ReturnType<typeof createRateLimits>
