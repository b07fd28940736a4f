import type { Actor } from './actor.ts'

// Who may do what with accounts and organisations: pure predicates, no I/O.
// Every loader and action asks these before it calls a command.

/** Organisation kinds whose staff act for the public administration. */
export const INSTITUTION_KINDS = new Set(['ministry', 'public-institution'])

export function isSignedIn(actor: Actor): boolean {
  return actor.userId !== null
}

export function isAdmin(actor: Actor): boolean {
  return actor.userId !== null && actor.siteRole === 'admin'
}

/** Ministry staff: staff or coordinator of a verified ministry or public institution. */
export function isInstitutionStaff(actor: Actor): boolean {
  return actor.memberships.some(
    (m) => m.verified && INSTITUTION_KINDS.has(m.organisationKind) && (m.role === 'staff' || m.role === 'coordinator'),
  )
}

/** Staff of one given institution. */
export function isStaffOf(actor: Actor, organisationId: string): boolean {
  return actor.memberships.some(
    (m) => m.organisationId === organisationId && m.verified && (m.role === 'staff' || m.role === 'coordinator'),
  )
}

export function canRequestOrganisation(actor: Actor): boolean {
  return isSignedIn(actor)
}

/** Ministry staff and administrators verify or reject requested organisations. */
export function canDecideOrganisations(actor: Actor): boolean {
  return isAdmin(actor) || isInstitutionStaff(actor)
}

/** An organisation's representative (or an administrator) adds its members. */
export function canManageMembers(actor: Actor, organisationId: string): boolean {
  return isAdmin(actor) || actor.memberships.some((m) => m.organisationId === organisationId && m.role === 'representative')
}

/** A member speaks for a verified organisation; representatives and staff too. */
export function canActForOrganisation(actor: Actor, organisationId: string): boolean {
  return actor.memberships.some((m) => m.organisationId === organisationId && m.verified)
}

export function canManageUsers(actor: Actor): boolean {
  return isAdmin(actor)
}

export function canReadAuditLog(actor: Actor): boolean {
  return isAdmin(actor)
}

export function canReadOutbox(actor: Actor): boolean {
  return isAdmin(actor)
}

/** Changing members' roles: administrators, or the consultation coordinator of that verified organisation. */
export function canSetMemberRoles(actor: Actor, organisationId: string): boolean {
  return isAdmin(actor) || actor.memberships.some((m) => m.organisationId === organisationId && m.verified && m.role === 'coordinator')
}
