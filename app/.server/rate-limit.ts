import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible'
import type { Db } from '../../accounts/db.ts'

/**
 * Limits on attempts, counted in the database (rate-limiter-flexible's Prisma store) so
 * that every app instance sees the same counts.
 */
export function createRateLimits(
  db: Db,
  options: { commentsPerAccountPer10Min: number; commentsPerIpPer10Min: number; loginsPerIpPerHour?: number; registrationsPerIpPerHour?: number } = {
    commentsPerAccountPer10Min: 30,
    commentsPerIpPer10Min: 120,
  },
) {
  const limiter = (keyPrefix: string, points: number, durationSeconds: number) =>
    new RateLimiterPrisma({ storeClient: db, tableName: 'rateLimiterFlexible', keyPrefix, points, duration: durationSeconds, clearExpiredByTimeout: false })
  const limits = {
    loginPerAccount: limiter('login-account', 10, 15 * 60),
    loginPerIp: limiter('login-ip', options.loginsPerIpPerHour ?? 50, 60 * 60),
    registrationPerIp: limiter('register-ip', options.registrationsPerIpPerHour ?? 10, 60 * 60),
    passwordResetPerIp: limiter('reset-ip', 10, 60 * 60),
    commentPerAccount: limiter('comment-account', options.commentsPerAccountPer10Min, 10 * 60),
    commentPerIp: limiter('comment-ip', options.commentsPerIpPer10Min, 10 * 60),
    // Readers' reports of comments, per address: enough for an office, too few to hide comments by the dozen.
    reportPerIp: limiter('report-ip', 20, 10 * 60),
  }
  return {
    /** Counts one attempt; returns the seconds to wait when over the limit, else null. */
    async consume(name: keyof typeof limits, key: string): Promise<number | null> {
      try {
        await limits[name].consume(key)
        return null
      } catch (error) {
        if (error instanceof RateLimiterRes) return Math.max(1, Math.ceil(error.msBeforeNext / 1000))
        throw error
      }
    },
    /** Forgets the attempts under a key (after a successful login). */
    async reset(name: keyof typeof limits, key: string): Promise<void> {
      await limits[name].delete(key)
    },
  }
}
export type RateLimits = ReturnType<typeof createRateLimits>
