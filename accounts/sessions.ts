import type { Db } from './db.ts'
import { sqlOf, statement } from './sql.ts'
import { hashToken, newToken } from './tokens.ts'
import { actorOf, type Actor } from './actor.ts'

/** How long a session lasts without use; each use extends it. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000
// Extending a session is a write: do it at most once an hour per session.
const REFRESH_AFTER_MS = 60 * 60 * 1000

/**
 * Starts a session for a user and returns the cookie's token. Called at every login, so
 * a session id fixed before login is never reused (session rotation).
 */
export async function createSession(db: Db, userId: string, now: Date): Promise<{ token: string; expiresAt: Date }> {
  const { token, hash } = newToken()
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS)
  await db.session.create({ data: { id: hash, userId, expiresAt, createdAt: now, lastSeenAt: now } })
  return { token, expiresAt }
}

/** The user of a live session, extending it when due; null for an unknown or expired token. */
export async function resumeSession(db: Db, token: string, now: Date): Promise<{ userId: string; expiresAt: Date } | null> {
  const id = hashToken(token)
  const session = await db.session.findUnique({ where: { id }, select: { userId: true, expiresAt: true, lastSeenAt: true } })
  if (!session) return null
  if (session.expiresAt <= now) {
    await db.session.deleteMany({ where: { id } })
    return null
  }
  if (now.getTime() - session.lastSeenAt.getTime() > REFRESH_AFTER_MS) {
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS)
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: now, expiresAt } })
    return { userId: session.userId, expiresAt }
  }
  return { userId: session.userId, expiresAt: session.expiresAt }
}

/** Ends one session (logout). */
export async function endSession(db: Db, token: string): Promise<void> {
  await db.session.deleteMany({ where: { id: hashToken(token) } })
}

/** Ends every session of a user: after a password change or reset, and on deletion. */
export async function endAllSessions(db: Db, userId: string): Promise<void> {
  await db.session.deleteMany({ where: { userId } })
}

/**
 * The person behind a session token, in one indexed read (the session by its primary key,
 * joined to its user and their organisations), extending the session when due: what every
 * request asks first. Null for an unknown or expired token, or an account that is gone or
 * unconfirmed (loadActor's rule).
 */
export async function resumeSessionActor(db: Db, token: string, now: Date): Promise<{ sessionId: string; actor: Actor } | null> {
  const id = hashToken(token)
  const rows = await sqlOf(db).query<{
    userId: string; expiresAt: Date; lastSeenAt: Date; name: string | null; siteRole: string; deletedAt: Date | null; emailVerifiedAt: Date | null
    role: string | null; organisationId: string | null; organisationKind: string | null; verification: string | null
  }>(statement(
    `SELECT s."userId", s."expiresAt", s."lastSeenAt", u."name", u."siteRole", u."deletedAt", u."emailVerifiedAt",
            m."role", o."id" AS "organisationId", o."kind" AS "organisationKind", o."verification"
       FROM "Session" s
       JOIN "User" u ON u."id" = s."userId"
       LEFT JOIN "Membership" m ON m."userId" = u."id"
       LEFT JOIN "Organisation" o ON o."id" = m."organisationId"
      WHERE s."id" = ?
      ORDER BY m."id"`,
    id,
  ))
  const first = rows[0]
  if (!first) return null
  if (first.expiresAt <= now) {
    await db.session.deleteMany({ where: { id } })
    return null
  }
  if (now.getTime() - first.lastSeenAt.getTime() > REFRESH_AFTER_MS) {
    await db.session.updateMany({ where: { id }, data: { lastSeenAt: now, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) } })
  }
  const actor = actorOf(
    { id: first.userId, name: first.name, siteRole: first.siteRole, deletedAt: first.deletedAt, emailVerifiedAt: first.emailVerifiedAt },
    rows.flatMap((r) =>
      r.organisationId === null ? [] : [{ role: r.role!, organisation: { id: r.organisationId, kind: r.organisationKind!, verification: r.verification! } }],
    ),
  )
  return actor.userId === null ? null : { sessionId: id, actor }
}
