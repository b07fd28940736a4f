import type { Db } from './db.ts'
import type { AccountDeletion, PasswordChange, ProfileUpdate } from './inputs.ts'
import { hashPassword, verifyPassword } from './passwords.ts'
import { recordAudit } from './audit.ts'
import { fail, ok, type Result } from './result.ts'

/** A person's own account as they see it. */
export interface Profile {
  id: string
  name: string | null
  email: string | null
  locale: string | null
  siteRole: string
  createdAt: Date
  organisations: { slug: string; name: string; kind: string; verification: string; role: string }[]
}

export async function getProfile(db: Db, userId: string): Promise<Profile | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, name: true, email: true, locale: true, siteRole: true, createdAt: true, deletedAt: true,
      memberships: { select: { role: true, organisation: { select: { slug: true, name: true, kind: true, verification: true } } } },
    },
  })
  if (!user || user.deletedAt) return null
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    locale: user.locale,
    siteRole: user.siteRole,
    createdAt: user.createdAt,
    organisations: user.memberships.map((m) => ({ ...m.organisation, role: m.role })),
  }
}

export async function updateProfile(db: Db, userId: string, input: ProfileUpdate, now: Date): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { name: input.name } })
  await recordAudit(db, { actorId: userId, action: 'user.profile-updated', objectType: 'user', objectId: userId, at: now })
}

/** Remembers the interface language on the account. */
export async function setPreferredLocale(db: Db, userId: string, locale: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId, deletedAt: null }, data: { locale } })
}

/** Why a change needing the current password was refused: `wrong-password`. */
export type CurrentPasswordProblem = 'wrong-password'

/** Changes the password, after checking the current one; other sessions end. */
export async function changePassword(
  db: Db,
  userId: string,
  input: PasswordChange,
  ctx: { now: Date; keepSessionId?: string },
): Promise<Result<null, CurrentPasswordProblem>> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true } })
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) return fail('wrong-password')
  const passwordHash = await hashPassword(input.password)
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { passwordHash } })
    await tx.session.deleteMany({ where: { userId, ...(ctx.keepSessionId ? { id: { not: ctx.keepSessionId } } : {}) } })
    await recordAudit(tx, { actorId: userId, action: 'user.password-changed', objectType: 'user', objectId: userId, at: ctx.now })
  })
  return ok(null)
}

/**
 * Deletes an account: e-mail, name and password are erased, every session ends, and the
 * person leaves every list of interested parties.
 * The row stays as a pseudonymous id for the audit log and for the person's published
 * comments, which keep the author's name only where they consented to being named.
 */
export async function deleteAccount(db: Db, userId: string, input: AccountDeletion, now: Date): Promise<Result<null, CurrentPasswordProblem>> {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { passwordHash: true, email: true } })
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.currentPassword))) return fail('wrong-password')
  await db.$transaction(async (tx) => {
    if (user.email) await tx.outboxEmail.deleteMany({ where: { to: user.email } })
    await tx.user.update({
      where: { id: userId },
      data: { email: null, name: null, passwordHash: null, locale: null, deletedAt: now, siteRole: 'user' },
    })
    await tx.session.deleteMany({ where: { userId } })
    await tx.verificationToken.deleteMany({ where: { userId } })
    await tx.membership.deleteMany({ where: { userId } })
    await tx.draftAssignment.deleteMany({ where: { userId } })
    // Off every institution's list of interested parties: theirs by account or by address
    // (an entry staff made from their letter included), with the invitations sent to it.
    await tx.interestedParty.deleteMany({ where: { OR: [{ userId }, ...(user.email ? [{ email: user.email }] : [])] } })
    await tx.comment.updateMany({ where: { authorId: userId, consentToBeNamed: false }, data: { authorName: null } })
    await recordAudit(tx, { actorId: userId, action: 'user.deleted', objectType: 'user', objectId: userId, at: now })
  })
  return ok(null)
}
