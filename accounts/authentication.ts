import type { Db } from './db.ts'
import type { Login } from './inputs.ts'
import { verifyAgainstNothing, verifyPassword } from './passwords.ts'
import { recordAudit } from './audit.ts'
import { fail, ok, type Result } from './result.ts'

/**
 * Why a login was refused:
 * - `invalid-credentials`: no such account or a wrong password (never said which);
 * - `email-not-confirmed`: the password is right but the address is not confirmed yet.
 */
export type LoginProblem = 'invalid-credentials' | 'email-not-confirmed'

/** Checks an e-mail and password; logs the attempt in the audit log. */
export async function authenticate(
  db: Db,
  input: Login,
  now: Date,
): Promise<Result<{ userId: string; locale: string | null }, LoginProblem> & { userId?: string }> {
  const user = await db.user.findUnique({
    where: { email: input.email },
    select: { id: true, passwordHash: true, emailVerifiedAt: true, deletedAt: true, locale: true },
  })
  if (!user || !user.passwordHash || user.deletedAt) {
    await verifyAgainstNothing(input.password)
    return fail('invalid-credentials')
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordAudit(db, { actorId: user.id, action: 'user.login-failed', objectType: 'user', objectId: user.id, at: now })
    return fail('invalid-credentials')
  }
  if (!user.emailVerifiedAt) return { ...fail('email-not-confirmed'), userId: user.id }
  await recordAudit(db, { actorId: user.id, action: 'user.logged-in', objectType: 'user', objectId: user.id, at: now })
  return ok({ userId: user.id, locale: user.locale })
}
