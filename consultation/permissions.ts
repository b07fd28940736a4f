import type { Actor } from '../accounts/actor.ts'
import { canActForOrganisation, isAdmin, isStaffOf } from '../accounts/permissions.ts'
import type { DraftAccess } from '../drafting/permissions.ts'
import type { RoundState } from './round-state.ts'

// Who may do what in a consultation: pure predicates. `access` is the actor's place on
// the round's draft (drafting/permissions.ts: loadDraftAccess).

const has = (access: DraftAccess, ...roles: string[]) => roles.some((r) => access.roles.includes(r as never))
const signedIn = (actor: Actor) => actor.userId !== null

/** Anyone reads a round once it has opened; a planned round is for the institution's staff. */
export function canReadRound(actor: Actor, access: DraftAccess, state: RoundState): boolean {
  return state !== 'planned' || canManageRound(actor, access)
}

/** Any signed-in person with a confirmed address comments while the round is open. */
export function canComment(actor: Actor, state: RoundState): boolean {
  return signedIn(actor) && state === 'open'
}

/** Commenting on behalf of an organisation: a member of that verified organisation. */
export function canCommentForOrganisation(actor: Actor, organisationId: string, state: RoundState): boolean {
  return canComment(actor, state) && canActForOrganisation(actor, organisationId)
}

/** Planning, opening and closing rounds: the draft's owner, its institution's staff, administrators. */
export function canManageRound(actor: Actor, access: DraftAccess): boolean {
  return signedIn(actor) && (isAdmin(actor) || has(access, 'owner') || isStaffOf(actor, access.ownerOrganisationId))
}

/** Approving, hiding and redacting comments, and seeing hidden ones. */
export function canModerate(actor: Actor, access: DraftAccess): boolean {
  return signedIn(actor) && (isAdmin(actor) || has(access, 'owner', 'moderator'))
}

/** Answering comments on behalf of the institution. */
export function canRespond(actor: Actor, access: DraftAccess): boolean {
  return signedIn(actor) && (isAdmin(actor) || has(access, 'owner', 'responder'))
}

/** Publishing the consolidated report: the owner or an administrator. */
export function canPublishReport(actor: Actor, access: DraftAccess): boolean {
  return signedIn(actor) && (isAdmin(actor) || has(access, 'owner'))
}

/** Exporting the report: anyone once published; before that, the people who work on it. */
export function canExportReport(actor: Actor, access: DraftAccess, state: RoundState): boolean {
  if (state === 'report-published') return true
  return canPrepareReport(actor, access)
}

/** Reading the report as it is prepared, hidden comments and draft answers marked: the people who work on it. */
export function canPrepareReport(actor: Actor, access: DraftAccess): boolean {
  return signedIn(actor) && (isAdmin(actor) || has(access, 'owner', 'moderator', 'responder'))
}
