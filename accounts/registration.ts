import type { Db } from './db.ts'
import type { Registration } from './inputs.ts'
import { hashPassword } from './passwords.ts'
import { hashToken, newToken } from './tokens.ts'
import { recordAudit } from './audit.ts'
import { fail, ok, type Result } from './result.ts'

export const CONFIRMATION_TTL_MS = 48 * 60 * 60 * 1000

/**
 * What registration leads to, for the caller to e-mail:
 * - `confirm`: a new account; send the confirmation link with this token;
 * - `already-registered`: the address has an account; tell its owner (the page says the
 *   same in both cases, so that nobody learns which addresses are registered).
 */
export type RegistrationOutcome =
  | { kind: 'confirm'; userId: string; email: string; name: string; token: string }
  | { kind: 'already-registered'; email: string; name: string | null }

/** Creates an unconfirmed account with an argon2id password hash. */
export async function registerUser(db: Db, input: Registration, ctx: { now: Date; locale: string }): Promise<RegistrationOutcome> {
  const existing = await db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true } })
  if (existing) return { kind: 'already-registered', email: input.email, name: existing.name }
  const passwordHash = await hashPassword(input.password)
  const { token, hash } = newToken()
  try {
    const user = await db.$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: input.email, name: input.name, passwordHash, locale: ctx.locale, createdAt: ctx.now },
      })
      await tx.verificationToken.create({
        data: { userId: user.id, purpose: 'confirm-email', tokenHash: hash, expiresAt: new Date(ctx.now.getTime() + CONFIRMATION_TTL_MS), createdAt: ctx.now },
      })
      await recordAudit(tx, { actorId: user.id, action: 'user.registered', objectType: 'user', objectId: user.id, at: ctx.now })
      return user
    })
    return { kind: 'confirm', userId: user.id, email: input.email, name: input.name, token }
  } catch (error) {
    // Two registrations of one address at once: the unique index decides.
    if ((error as { code?: string }).code === 'P2002') return { kind: 'already-registered', email: input.email, name: null }
    throw error
  }
}

/**
 * Why a confirmation link was refused:
 * - `invalid-token`: unknown or already used;
 * - `expired-token`: older than 48 hours; the person can ask for a new one by logging in.
 */
export type ConfirmationProblem = 'invalid-token' | 'expired-token'

/** Confirms an e-mail address with the token from its link. */
export async function confirmEmail(db: Db, token: string, now: Date): Promise<Result<{ userId: string }, ConfirmationProblem>> {
  const record = await db.verificationToken.findUnique({ where: { tokenHash: hashToken(token) } })
  if (!record || record.purpose !== 'confirm-email' || record.usedAt) return fail('invalid-token')
  if (record.expiresAt <= now) return fail('expired-token')
  await db.$transaction(async (tx) => {
    const used = await tx.verificationToken.updateMany({ where: { id: record.id, usedAt: null }, data: { usedAt: now } })
    if (used.count === 0) return
    await tx.user.update({ where: { id: record.userId }, data: { emailVerifiedAt: now } })
    await recordAudit(tx, { actorId: record.userId, action: 'user.email-confirmed', objectType: 'user', objectId: record.userId, at: now })
  })
  return ok({ userId: record.userId })
}

/** A fresh confirmation link for an unconfirmed account (the old ones stop working). */
export async function renewConfirmation(db: Db, userId: string, now: Date): Promise<{ token: string } | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { emailVerifiedAt: true, deletedAt: true } })
  if (!user || user.emailVerifiedAt || user.deletedAt) return null
  const { token, hash } = newToken()
  await db.$transaction([
    db.verificationToken.deleteMany({ where: { userId, purpose: 'confirm-email', usedAt: null } }),
    db.verificationToken.create({
      data: { userId, purpose: 'confirm-email', tokenHash: hash, expiresAt: new Date(now.getTime() + CONFIRMATION_TTL_MS), createdAt: now },
    }),
  ])
  return { token }
}
