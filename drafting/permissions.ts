import type { Actor } from '../accounts/actor.ts'
import { INSTITUTION_KINDS, isAdmin, isInstitutionStaff, isStaffOf } from '../accounts/permissions.ts'
import type { Db } from './db.ts'

// Who may do what with a draft: pure predicates over the actor and their roles on that
// draft. Loaders and actions ask these; commands ask them again before they write.

/** A person's role on one draft. */
export type DraftRole = 'owner' | 'editor' | 'moderator' | 'responder'
export const DRAFT_ROLES: readonly DraftRole[] = ['owner', 'editor', 'moderator', 'responder']

/** What the predicates need to know about one draft and the actor's place in it. */
export interface DraftAccess {
  draftId: string
  /** The institution that owns the draft. */
  ownerOrganisationId: string
  /** The actor's roles on this draft. */
  roles: readonly DraftRole[]
}

const has = (access: DraftAccess, ...roles: DraftRole[]) => roles.some((r) => access.roles.includes(r))

/** The working copy (the editor) is for the working group: owners and editors. */
export function canOpenEditor(actor: Actor, access: DraftAccess): boolean {
  return actor.userId !== null && (isAdmin(actor) || has(access, 'owner', 'editor'))
}

/** Changing the working copy: the same people as opening the editor. */
export function canEditDraft(actor: Actor, access: DraftAccess): boolean {
  return canOpenEditor(actor, access)
}

/** Saving a named version of the working copy. */
export function canSaveVersion(actor: Actor, access: DraftAccess): boolean {
  return canEditDraft(actor, access)
}

/** Assigning owners, editors, moderators and responders: the owner, the owning institution's staff, administrators. */
export function canAssignDraftRoles(actor: Actor, access: DraftAccess): boolean {
  return actor.userId !== null && (isAdmin(actor) || has(access, 'owner') || isStaffOf(actor, access.ownerOrganisationId))
}

/** The actor's roles on a draft, for the predicates above; null when there is no such draft. */
export async function loadDraftAccess(db: Db, actor: Actor, draftId: string): Promise<DraftAccess | null> {
  const draft = await db.draft.findUnique({ where: { id: draftId }, select: { id: true, ownerId: true } })
  if (!draft) return null
  const roles = actor.userId
    ? (await db.draftAssignment.findMany({ where: { draftId, userId: actor.userId }, select: { role: true } })).map((a) => a.role as DraftRole)
    : []
  return { draftId: draft.id, ownerOrganisationId: draft.ownerId, roles }
}

/**
 * Starting a draft owned by an institution: administrators, and staff or coordinators of
 * that verified ministry or public institution. (For administrators the command checks
 * that the owner is a verified institution; the actor's memberships cannot tell.)
 */
export function canCreateDraft(actor: Actor, organisationId: string): boolean {
  if (actor.userId === null) return false
  if (isAdmin(actor)) return true
  return isStaffOf(actor, organisationId) && actor.memberships.some((m) => m.organisationId === organisationId && INSTITUTION_KINDS.has(m.organisationKind))
}

/** Whether the actor may start a draft in at least one institution (the "new draft" link and page). */
export function canCreateDrafts(actor: Actor): boolean {
  return actor.userId !== null && (isAdmin(actor) || isInstitutionStaff(actor))
}
