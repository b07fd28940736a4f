import type { Db } from './db.ts'
import type { PasswordReset } from './inputs.ts'
import { hashPassword } from './passwords.ts'
import { hashToken, newToken } from './tokens.ts'
import { recordAudit } from './audit.ts'
import { fail, ok, type Result } from './result.ts'

export const RESET_TTL_MS = 60 * 60 * 1000

/**
 * Prepares a password reset link for an address. Returns null when no active account has
 * it: the page says the same either way.
 */
export async function requestPasswordReset(db: Db, email: string, now: Date): Promise<{ token: string; name: string | null; locale: string | null } | null> {
  const user = await db.user.findUnique({ where: { email }, select: { id: true, name: true, locale: true, deletedAt: true } })
  if (!user || user.deletedAt) return null
  const { token, hash } = newToken()
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { userId: user.id, purpose: 'reset-password', usedAt: null } }),
    db.verificationToken.create({
      data: { userId: user.id, purpose: 'reset-password', tokenHash: hash, expiresAt: new Date(now.getTime() + RESET_TTL_MS), createdAt: now },
    }),
  ])
  return { token, name: user.name, locale: user.locale }
}

/**
 * Why a reset was refused:
 * - `invalid-token`: unknown or used link;
 * - `expired-token`: older than an hour; ask for a new link.
 */
export type ResetProblem = 'invalid-token' | 'expired-token'

/**
 * Sets a new password with a reset link's token. Confirms the address too (the link
 * reached it), and ends every session of the account.
 */
export async function resetPassword(db: Db, input: PasswordReset, now: Date): Promise<Result<{ userId: string }, ResetProblem>> {
  const record = await db.verificationToken.findUnique({ where: { tokenHash: hashToken(input.token) } })
  if (!record || record.purpose !== 'reset-password' || record.usedAt) return fail('invalid-token')
  if (record.expiresAt <= now) return fail('expired-token')
  const passwordHash = await hashPassword(input.password)
  const done = await db.$transaction(async (tx) => {
    const used = await tx.verificationToken.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: now } })
    if (used.count === 0) return false
    const user = await tx.user.findUniqueOrThrow({ where: { id: record.userId }, select: { emailVerifiedAt: true } })
    await tx.user.update({ where: { id: record.userId }, data: { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? now } })
    await tx.session.deleteMany({ where: { userId: record.userId } })
    await recordAudit(tx, { actorId: record.userId, action: 'user.password-reset', objectType: 'user', objectId: record.userId, at: now })
    return true
  })
  return done ? ok({ userId: record.userId }) : fail('invalid-token')
}
