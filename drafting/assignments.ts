import type { Actor } from '../accounts/actor.ts'
import { recordAudit } from '../accounts/audit.ts'
import type { Db } from './db.ts'
import type { DraftRoleGrant, DraftRoleRevocation } from './inputs.ts'
import { canAssignDraftRoles, DRAFT_ROLES, loadDraftAccess, type DraftRole } from './permissions.ts'
import { fail, ok, type Result } from './result.ts'

// A draft's team: who owns it, who is in its working group (editors), who moderates its
// comments and who answers them. Every command asks canAssignDraftRoles first and refuses
// with `forbidden` as a value, so a route that forgot its own guard still changes nothing.

/** One person's role on a draft. A person holds as many roles as they have rows. */
export interface TeamAssignment {
  userId: string
  /** Null once the person's account has been deleted (erased). */
  name: string | null
  role: DraftRole
  createdAt: Date
}

/** A draft and its team, sorted by role (owner, editor, moderator, responder), then by date. */
export interface DraftTeam {
  draft: { id: string; slug: string; title: string }
  assignments: TeamAssignment[]
}

/**
 * Why the team could not be read or changed:
 * - `forbidden`: only the draft's owners, staff of the owning institution and administrators
 *   see and change its team;
 * - `not-found`: no draft has that slug, or (on removal) the person does not hold that role;
 * - `unknown-user`: nobody with a confirmed, undeleted account has that e-mail address;
 * - `already-assigned`: the person already holds that role on the draft;
 * - `last-owner`: the role is the draft's only owner; a draft always keeps at least one.
 */
export type DraftTeamProblem = 'forbidden' | 'not-found' | 'unknown-user' | 'already-assigned' | 'last-owner'

type Allowed = { ok: true; draft: { id: string; slug: string; title: string } } | { ok: false; reason: 'forbidden' | 'not-found' }

async function allowedDraft(db: Db, actor: Actor, slug: string): Promise<Allowed> {
  const draft = await db.draft.findUnique({ where: { slug }, select: { id: true, slug: true, title: true } })
  if (!draft) return { ok: false, reason: 'not-found' }
  const access = await loadDraftAccess(db, actor, draft.id)
  if (!access || !canAssignDraftRoles(actor, access)) return { ok: false, reason: 'forbidden' }
  return { ok: true, draft }
}

const roleOrder = (role: string) => {
  const i = DRAFT_ROLES.indexOf(role as DraftRole)
  return i === -1 ? DRAFT_ROLES.length : i
}

/** The draft's team, for the people who may change it. */
export async function listDraftTeam(db: Db, actor: Actor, slug: string): Promise<Result<DraftTeam, Extract<DraftTeamProblem, 'forbidden' | 'not-found'>>> {
  const allowed = await allowedDraft(db, actor, slug)
  if (!allowed.ok) return fail(allowed.reason)
  const rows = await db.draftAssignment.findMany({
    where: { draftId: allowed.draft.id },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, deletedAt: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
  const assignments = rows
    .map((r) => ({ userId: r.user.id, name: r.user.deletedAt ? null : r.user.name, role: r.role as DraftRole, createdAt: r.createdAt }))
    .sort((a, b) => roleOrder(a.role) - roleOrder(b.role))
  return ok({ draft: allowed.draft, assignments })
}

/** Gives a person with a confirmed account a role on the draft. */
export async function assignDraftRole(
  db: Db,
  actor: Actor,
  slug: string,
  input: DraftRoleGrant,
  now: Date,
): Promise<Result<{ userId: string; name: string | null; role: DraftRole }, Exclude<DraftTeamProblem, 'last-owner'>>> {
  const allowed = await allowedDraft(db, actor, slug)
  if (!allowed.ok) return fail(allowed.reason)
  const draftId = allowed.draft.id
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, name: true, emailVerifiedAt: true, deletedAt: true } })
  if (!user || !user.emailVerifiedAt || user.deletedAt) return fail('unknown-user')
  const existing = await db.draftAssignment.findUnique({ where: { draftId_userId_role: { draftId, userId: user.id, role: input.role } }, select: { id: true } })
  if (existing) return fail('already-assigned')
  try {
    await db.$transaction(async (tx) => {
      await tx.draftAssignment.create({ data: { draftId, userId: user.id, role: input.role, createdAt: now } })
      await recordAudit(tx, { actorId: actor.userId, action: 'draft.role-granted', objectType: 'draft', objectId: draftId, data: { userId: user.id, role: input.role }, at: now })
    })
  } catch (error) {
    // Someone else gave the same role between our check and our write.
    if ((error as { code?: string }).code === 'P2002') return fail('already-assigned')
    throw error
  }
  return ok({ userId: user.id, name: user.name, role: input.role })
}

class LastOwner extends Error {}

/** Takes one role on the draft away from a person; the last owner stays. */
export async function removeDraftRole(
  db: Db,
  actor: Actor,
  slug: string,
  input: DraftRoleRevocation,
  now: Date,
): Promise<Result<{ userId: string; name: string | null; role: DraftRole }, Extract<DraftTeamProblem, 'forbidden' | 'not-found' | 'last-owner'>>> {
  const allowed = await allowedDraft(db, actor, slug)
  if (!allowed.ok) return fail(allowed.reason)
  const draftId = allowed.draft.id
  try {
    const removed = await db.$transaction(async (tx) => {
      const { count } = await tx.draftAssignment.deleteMany({ where: { draftId, userId: input.userId, role: input.role } })
      if (count === 0) return false
      // Delete first, then count what is left: two owners removing each other at the same
      // time cannot both pass a check made before either write.
      if (input.role === 'owner' && (await tx.draftAssignment.count({ where: { draftId, role: 'owner' } })) === 0) throw new LastOwner()
      await recordAudit(tx, { actorId: actor.userId, action: 'draft.role-revoked', objectType: 'draft', objectId: draftId, data: { userId: input.userId, role: input.role }, at: now })
      return true
    })
    if (!removed) return fail('not-found')
  } catch (error) {
    if (error instanceof LastOwner) return fail('last-owner')
    throw error
  }
  const user = await db.user.findUnique({ where: { id: input.userId }, select: { name: true, deletedAt: true } })
  return ok({ userId: input.userId, name: user && !user.deletedAt ? user.name : null, role: input.role })
}
