import type { Db } from './db.ts'

/** A person's role in an organisation. */
export type MembershipRole = 'member' | 'representative' | 'staff' | 'coordinator'

/** An organisation a person belongs to, as policies need it. */
export interface ActorMembership {
  organisationId: string
  organisationKind: string
  verified: boolean
  role: MembershipRole
}

/**
 * Who is asking: nobody (anonymous), or a signed-in person with their site role and
 * organisations. Roles on one draft are loaded separately (see drafting/permissions.ts).
 */
export interface Actor {
  userId: string | null
  name: string | null
  siteRole: 'user' | 'admin'
  memberships: ActorMembership[]
}

export const ANONYMOUS: Actor = Object.freeze({ userId: null, name: null, siteRole: 'user', memberships: [] }) as Actor

/** The actor for a signed-in user, or anonymous if the account is gone or unconfirmed. */
export async function loadActor(db: Db, userId: string): Promise<Actor> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true, name: true, siteRole: true, deletedAt: true, emailVerifiedAt: true,
      memberships: { select: { role: true, organisation: { select: { id: true, kind: true, verification: true } } } },
    },
  })
  return user ? actorOf(user, user.memberships) : ANONYMOUS
}

/** The actor of a user row and their memberships; anonymous for an account that is gone or unconfirmed. */
export function actorOf(
  user: { id: string; name: string | null; siteRole: string; deletedAt: Date | null; emailVerifiedAt: Date | null },
  memberships: readonly { role: string; organisation: { id: string; kind: string; verification: string } }[],
): Actor {
  if (user.deletedAt || !user.emailVerifiedAt) return ANONYMOUS
  return {
    userId: user.id,
    name: user.name,
    siteRole: user.siteRole === 'admin' ? 'admin' : 'user',
    memberships: memberships.map((m) => ({
      organisationId: m.organisation.id,
      organisationKind: m.organisation.kind,
      verified: m.organisation.verification === 'verified',
      role: m.role as MembershipRole,
    })),
  }
}
