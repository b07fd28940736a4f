import type { Db } from './db.ts'
import type { Actor } from './actor.ts'
import type { MemberAddition, MemberRoleChange, OrganisationDecision, OrganisationRequest } from './inputs.ts'
import { canDecideOrganisations, canManageMembers, canRequestOrganisation, canSetMemberRoles } from './permissions.ts'
import { recordAudit } from './audit.ts'
import { fail, ok, type Result } from './result.ts'
import { slugify } from './slug.ts'

/** An organisation as shown on its page and in lists. */
export interface OrganisationView {
  id: string
  slug: string
  name: string
  kind: string
  registrationNumber: string | null
  contactEmail: string | null
  verification: string
  decisionReason: string | null
  createdAt: Date
  members: { userId: string; name: string | null; role: string }[]
}

/**
 * Asks for an organisation to be listed; the requester becomes its representative.
 * Refused with `forbidden` for anonymous visitors.
 */
export async function requestOrganisation(db: Db, actor: Actor, input: OrganisationRequest, now: Date): Promise<Result<{ slug: string }, 'forbidden'>> {
  if (!canRequestOrganisation(actor) || !actor.userId) return fail('forbidden')
  const userId = actor.userId
  const base = slugify(input.name, 60) || 'organizacija'
  let slug = base
  for (let n = 2; await db.organisation.findUnique({ where: { slug }, select: { id: true } }); n++) slug = `${base}-${n}`
  const org = await db.$transaction(async (tx) => {
    const org = await tx.organisation.create({
      data: {
        slug, name: input.name, kind: input.kind, registrationNumber: input.registrationNumber,
        contactEmail: input.contactEmail, verification: 'requested', requestedById: userId, createdAt: now,
      },
    })
    await tx.membership.create({ data: { userId, organisationId: org.id, role: 'representative', createdAt: now } })
    await recordAudit(tx, { actorId: userId, action: 'organisation.requested', objectType: 'organisation', objectId: org.id, data: { name: input.name, kind: input.kind }, at: now })
    return org
  })
  return ok({ slug: org.slug })
}

/**
 * Why a decision on an organisation was refused:
 * - `forbidden`: only ministry staff and administrators decide;
 * - `not-found`: no such organisation;
 * - `reason-required`: a rejection must say why.
 */
export type DecisionProblem = 'forbidden' | 'not-found' | 'reason-required'

/** Verifies or rejects a requested organisation (a verified one can be rejected later too). */
export async function decideOrganisation(
  db: Db,
  actor: Actor,
  slug: string,
  input: OrganisationDecision,
  now: Date,
): Promise<Result<{ verification: string }, DecisionProblem>> {
  if (!canDecideOrganisations(actor)) return fail('forbidden')
  const org = await db.organisation.findUnique({ where: { slug }, select: { id: true } })
  if (!org) return fail('not-found')
  if (input.decision === 'reject' && input.reason.length === 0) return fail('reason-required')
  const verification = input.decision === 'verify' ? 'verified' : 'rejected'
  await db.$transaction(async (tx) => {
    await tx.organisation.update({
      where: { id: org.id },
      data: { verification, verifiedAt: verification === 'verified' ? now : null, decidedById: actor.userId, decisionReason: input.reason || null },
    })
    await recordAudit(tx, {
      actorId: actor.userId, action: verification === 'verified' ? 'organisation.verified' : 'organisation.rejected',
      objectType: 'organisation', objectId: org.id, data: { reason: input.reason || null }, at: now,
    })
  })
  return ok({ verification })
}

/**
 * Why a member could not be added:
 * - `forbidden`: only the organisation's representative or an administrator adds members;
 * - `not-found`: no such organisation;
 * - `unknown-user`: nobody with a confirmed account has that e-mail address;
 * - `already-member`: that person is already a member.
 */
export type MemberProblem = 'forbidden' | 'not-found' | 'unknown-user' | 'already-member'

/** Adds a registered person to an organisation as a member. */
export async function addMember(db: Db, actor: Actor, slug: string, input: MemberAddition, now: Date): Promise<Result<{ userId: string }, MemberProblem>> {
  const org = await db.organisation.findUnique({ where: { slug }, select: { id: true } })
  if (!org) return fail('not-found')
  if (!canManageMembers(actor, org.id)) return fail('forbidden')
  const user = await db.user.findUnique({ where: { email: input.email }, select: { id: true, emailVerifiedAt: true, deletedAt: true } })
  if (!user || !user.emailVerifiedAt || user.deletedAt) return fail('unknown-user')
  const existing = await db.membership.findUnique({ where: { userId_organisationId: { userId: user.id, organisationId: org.id } } })
  if (existing) return fail('already-member')
  await db.$transaction(async (tx) => {
    await tx.membership.create({ data: { userId: user.id, organisationId: org.id, role: 'member', createdAt: now } })
    await recordAudit(tx, { actorId: actor.userId, action: 'organisation.member-added', objectType: 'organisation', objectId: org.id, data: { userId: user.id }, at: now })
  })
  return ok({ userId: user.id })
}

/** One organisation with its members. Contact details are for members and staff only. */
export async function getOrganisation(db: Db, slug: string): Promise<OrganisationView | null> {
  const org = await db.organisation.findUnique({
    where: { slug },
    include: { memberships: { include: { user: { select: { id: true, name: true } } }, orderBy: { createdAt: 'asc' } } },
  })
  if (!org) return null
  return {
    id: org.id, slug: org.slug, name: org.name, kind: org.kind, registrationNumber: org.registrationNumber,
    contactEmail: org.contactEmail, verification: org.verification, decisionReason: org.decisionReason, createdAt: org.createdAt,
    members: org.memberships.map((m) => ({ userId: m.user.id, name: m.user.name, role: m.role })),
  }
}

/** Organisations for staff and administrators, requested ones first. */
export async function listOrganisations(db: Db, filter: { verification?: string } = {}) {
  const orgs = await db.organisation.findMany({
    where: filter.verification ? { verification: filter.verification } : {},
    orderBy: [{ createdAt: 'desc' }],
    select: { slug: true, name: true, kind: true, verification: true, registrationNumber: true, createdAt: true, _count: { select: { memberships: true } } },
  })
  const order: Record<string, number> = { requested: 0, verified: 1, rejected: 2 }
  return orgs
    .sort((a, b) => (order[a.verification] ?? 3) - (order[b.verification] ?? 3))
    .map((o) => ({ slug: o.slug, name: o.name, kind: o.kind, verification: o.verification, registrationNumber: o.registrationNumber, createdAt: o.createdAt, memberCount: o._count.memberships }))
}

/**
 * Why a member's role could not be changed:
 * - `forbidden`: only an administrator or the organisation's own consultation coordinator
 *   (of a verified organisation) changes roles;
 * - `not-found`: no such organisation;
 * - `not-member`: that person is not a member of the organisation.
 */
export type MemberRoleProblem = 'forbidden' | 'not-found' | 'not-member'

/**
 * Gives a member another role: member, representative, staff, or coordinator (the
 * institution's consultation coordinator). Setting the role they already have changes nothing.
 */
export async function setMemberRole(
  db: Db,
  actor: Actor,
  slug: string,
  input: MemberRoleChange,
  now: Date,
): Promise<Result<{ userId: string; name: string | null; role: MemberRoleChange['role']; changed: boolean }, MemberRoleProblem>> {
  const org = await db.organisation.findUnique({ where: { slug }, select: { id: true } })
  if (!org) return fail('not-found')
  if (!canSetMemberRoles(actor, org.id)) return fail('forbidden')
  const membership = await db.membership.findUnique({
    where: { userId_organisationId: { userId: input.userId, organisationId: org.id } },
    select: { id: true, role: true, user: { select: { name: true } } },
  })
  if (!membership) return fail('not-member')
  const result = { userId: input.userId, name: membership.user.name, role: input.role }
  if (membership.role === input.role) return ok({ ...result, changed: false })
  await db.$transaction(async (tx) => {
    await tx.membership.update({ where: { id: membership.id }, data: { role: input.role } })
    await recordAudit(tx, {
      actorId: actor.userId, action: 'organisation.member-role-changed', objectType: 'organisation', objectId: org.id,
      data: { userId: input.userId, from: membership.role, role: input.role }, at: now,
    })
  })
  return ok({ ...result, changed: true })
}
