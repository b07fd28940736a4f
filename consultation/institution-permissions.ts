import type { Actor } from '../accounts/actor.ts'
import { INSTITUTION_KINDS, isAdmin, isStaffOf } from '../accounts/permissions.ts'

// Who may do what with an institution's list of interested parties and its plan of
// drafts: pure predicates, asked by every command in interested-parties.ts and plan-items.ts.

/** Verified ministries and public institutions keep a list of interested parties and publish a plan. */
export function keepsPublicLists(organisation: { kind: string; verification: string }): boolean {
  return organisation.verification === 'verified' && INSTITUTION_KINDS.has(organisation.kind)
}

/** Any signed-in person (their address is confirmed) may ask to be put on the list. */
export function canAskToBeListed(actor: Actor): boolean {
  return actor.userId !== null
}

/**
 * The institution's staff and coordinator, and administrators, keep the list: they see the
 * addresses, enter written requests, take entries off and export the list.
 */
export function canManageInterestedParties(actor: Actor, institutionId: string): boolean {
  return actor.userId !== null && (isAdmin(actor) || isStaffOf(actor, institutionId))
}

/**
 * An entry comes off the list by the institution's staff, or by the person themself: the
 * account that asked, or any account confirmed with the entry's address (someone whose
 * written request staff entered, who registered later). `actorEmail` is that account's address.
 */
export function canRemoveParty(
  actor: Actor,
  institutionId: string,
  party: { userId: string | null; email: string },
  actorEmail: string | null,
): boolean {
  if (canManageInterestedParties(actor, institutionId)) return true
  if (actor.userId === null) return false
  return party.userId === actor.userId || (actorEmail !== null && actorEmail.toLowerCase() === party.email.toLowerCase())
}

/** Adding and removing items of the published plan: the institution's staff and administrators. */
export function canManagePlan(actor: Actor, institutionId: string): boolean {
  return canManageInterestedParties(actor, institutionId)
}
