import { z } from 'zod'
import type { Db } from './db.ts'
import type { Actor } from './actor.ts'
import type { Prisma } from '../generated/prisma/client.ts'
import { canManageUsers, canReadAuditLog, canReadOutbox, isAdmin } from './permissions.ts'
import { recordAudit } from './audit.ts'
import { fail, ok, type Result } from './result.ts'

// What administrators see and do: people and their site role, the audit log, the outbox.
// Every function asks the predicates of ./permissions.ts first and refuses with
// `forbidden` as a value, so a route that forgot its own guard still leaks nothing.

/** Rows per page of the user list. */
export const USERS_PAGE_SIZE = 50
/** Rows per page of the audit log. */
export const AUDIT_PAGE_SIZE = 100
/** Rows per page of the outbox. */
export const OUTBOX_PAGE_SIZE = 50

/** A site role: `user`, or `admin` for administrators of the whole platform. */
export const SiteRole = z.enum(['user', 'admin'])
export type SiteRole = z.infer<typeof SiteRole>

/** The administrators' form that grants or revokes the administrator role. */
export const SiteRoleChange = z.object({
  userId: z.string().trim().min(1, 'errors.field.required').max(100, 'errors.field.tooLong'),
  role: z.enum(['user', 'admin'], { error: 'errors.field.choose' }),
})
export type SiteRoleChange = z.infer<typeof SiteRoleChange>

/** One page of a longer list: `page` counts from 1; `pageCount` is at least 1. */
export interface Page {
  page: number
  pageSize: number
  total: number
  pageCount: number
}

function pageOf(requested: number | undefined, pageSize: number, total: number): Page {
  const pageCount = Math.max(1, Math.ceil(total / pageSize))
  const page = Math.min(Math.max(1, Math.floor(requested ?? 1)), pageCount)
  return { page, pageSize, total, pageCount }
}

/** Why an administrators' list was refused: `forbidden` — the actor is not an administrator. */
export type AdminReadProblem = 'forbidden'

// ---------------------------------------------------------------- overview

/** The counts on the administrators' overview page. */
export interface AdminOverview {
  /** Organisations that asked to be listed and wait for a decision. */
  requestedOrganisations: number
  /** Accounts that have not been deleted. */
  users: number
  /** Every e-mail the platform has kept in its outbox. */
  outboxEmails: number
}

/** Counts what waits for administrators: requested organisations, users, e-mails. */
export async function getAdminOverview(db: Db, actor: Actor): Promise<Result<AdminOverview, AdminReadProblem>> {
  if (!isAdmin(actor)) return fail('forbidden')
  const [requestedOrganisations, users, outboxEmails] = await Promise.all([
    db.organisation.count({ where: { verification: 'requested' } }),
    db.user.count({ where: { deletedAt: null } }),
    db.outboxEmail.count(),
  ])
  return ok({ requestedOrganisations, users, outboxEmails })
}

// ---------------------------------------------------------------- users

/** A person's account as administrators see it in the user list. */
export interface AdminUserRow {
  id: string
  /** Null once the account is deleted (erased). */
  name: string | null
  email: string | null
  siteRole: SiteRole
  emailVerifiedAt: Date | null
  deletedAt: Date | null
  createdAt: Date
  /** How many organisations the person belongs to. */
  organisations: number
}

/** Filter of the user list: `q` is part of a name or an e-mail address. */
export interface UserFilter {
  q?: string
  page?: number
}

/**
 * Lists accounts, newest first, 50 a page. `q` matches a name or an e-mail address
 * containing it (SQLite's LIKE ignores the case of ASCII letters; e-mail addresses are
 * stored in lower case).
 */
export async function listUsers(
  db: Db,
  actor: Actor,
  filter: UserFilter = {},
): Promise<Result<{ users: AdminUserRow[] } & Page, AdminReadProblem>> {
  if (!canManageUsers(actor)) return fail('forbidden')
  const q = filter.q?.trim()
  const where: Prisma.UserWhereInput = q
    ? { OR: [{ name: { contains: q } }, { email: { contains: q.toLowerCase() } }] }
    : {}
  const total = await db.user.count({ where })
  const page = pageOf(filter.page, USERS_PAGE_SIZE, total)
  const rows = await db.user.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page.page - 1) * page.pageSize,
    take: page.pageSize,
    select: {
      id: true, name: true, email: true, siteRole: true, emailVerifiedAt: true, deletedAt: true, createdAt: true,
      _count: { select: { memberships: true } },
    },
  })
  return ok({
    ...page,
    users: rows.map((u) => ({
      id: u.id, name: u.name, email: u.email, siteRole: u.siteRole === 'admin' ? 'admin' : 'user',
      emailVerifiedAt: u.emailVerifiedAt, deletedAt: u.deletedAt, createdAt: u.createdAt, organisations: u._count.memberships,
    })),
  })
}

/**
 * Why a site role could not be changed:
 * - `forbidden`: only administrators change site roles;
 * - `not-found`: no such account, or it has been deleted;
 * - `cannot-demote-self`: administrators cannot revoke their own role, so that the
 *   platform is never left without one by mistake; another administrator must do it.
 */
export type SiteRoleProblem = 'forbidden' | 'not-found' | 'cannot-demote-self'

/**
 * Grants or revokes the administrator role, recording `user.role-granted` or
 * `user.role-revoked` in the audit log in the same transaction. Setting the role a
 * person already has changes nothing and records nothing (`changed: false`).
 */
export async function setSiteRole(
  db: Db,
  actor: Actor,
  userId: string,
  role: SiteRole,
  now: Date,
): Promise<Result<{ userId: string; name: string | null; email: string | null; role: SiteRole; changed: boolean }, SiteRoleProblem>> {
  if (!canManageUsers(actor)) return fail('forbidden')
  if (userId === actor.userId && role !== 'admin') return fail('cannot-demote-self')
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, siteRole: true, deletedAt: true } })
  if (!user || user.deletedAt) return fail('not-found')
  const value = { userId: user.id, name: user.name, email: user.email, role }
  if (user.siteRole === role) return ok({ ...value, changed: false })
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { siteRole: role } })
    await recordAudit(tx, {
      actorId: actor.userId, action: role === 'admin' ? 'user.role-granted' : 'user.role-revoked',
      objectType: 'user', objectId: user.id, data: { role }, at: now,
    })
  })
  return ok({ ...value, changed: true })
}

// ---------------------------------------------------------------- audit log

/** One entry of the audit log as administrators read it. */
export interface AuditEventRow {
  id: number
  at: Date
  action: string
  objectType: string
  objectId: string
  data: Prisma.JsonValue | null
  /**
   * Who did it: null for the system (a schedule, a script). `name` is null once the
   * account is erased; the id then stays as a pseudonymous reference.
   */
  actor: { id: string; name: string | null } | null
}

/** Filter of the audit log; every field narrows the list further. */
export interface AuditFilter {
  /** Exactly this person's id. */
  actorId?: string
  /** Part of the acting person's name or e-mail address. */
  actorQuery?: string
  objectType?: string
  objectId?: string
  action?: string
  page?: number
}

/**
 * Lists the audit log, newest first, 100 a page, with the distinct actions and object
 * types in the whole log, for the filters' choices.
 */
export async function listAuditEvents(
  db: Db,
  actor: Actor,
  filter: AuditFilter = {},
): Promise<Result<{ events: AuditEventRow[]; actions: string[]; objectTypes: string[] } & Page, AdminReadProblem>> {
  if (!canReadAuditLog(actor)) return fail('forbidden')
  const actorQuery = filter.actorQuery?.trim()
  const where: Prisma.AuditEventWhereInput = {
    ...(filter.actorId ? { actorId: filter.actorId } : {}),
    ...(actorQuery
      ? { actor: { is: { OR: [{ name: { contains: actorQuery } }, { email: { contains: actorQuery.toLowerCase() } }] } } }
      : {}),
    ...(filter.objectType ? { objectType: filter.objectType } : {}),
    ...(filter.objectId ? { objectId: filter.objectId } : {}),
    ...(filter.action ? { action: filter.action } : {}),
  }
  const [total, actions, objectTypes] = await Promise.all([
    db.auditEvent.count({ where }),
    db.auditEvent.findMany({ distinct: ['action'], select: { action: true }, orderBy: { action: 'asc' } }),
    db.auditEvent.findMany({ distinct: ['objectType'], select: { objectType: true }, orderBy: { objectType: 'asc' } }),
  ])
  const page = pageOf(filter.page, AUDIT_PAGE_SIZE, total)
  const rows = await db.auditEvent.findMany({
    where,
    orderBy: [{ at: 'desc' }, { id: 'desc' }],
    skip: (page.page - 1) * page.pageSize,
    take: page.pageSize,
    select: { id: true, at: true, action: true, objectType: true, objectId: true, data: true, actorId: true, actor: { select: { name: true } } },
  })
  return ok({
    ...page,
    actions: actions.map((a) => a.action),
    objectTypes: objectTypes.map((o) => o.objectType),
    events: rows.map((e) => ({
      id: e.id, at: e.at, action: e.action, objectType: e.objectType, objectId: e.objectId, data: e.data,
      actor: e.actorId ? { id: e.actorId, name: e.actor?.name ?? null } : null,
    })),
  })
}

// ---------------------------------------------------------------- outbox

/** An e-mail the platform sent or kept, as administrators read it. */
export interface OutboxEmailView {
  id: string
  to: string
  subject: string
  text: string
  /** `outbox` (kept here only) or `smtp` (also handed to the mail server). */
  transport: string
  sentAt: Date | null
  /** Why the mail server refused it, when it did. */
  error: string | null
  createdAt: Date
}

/** Filter of the outbox: `to` is part of the recipient's address. */
export interface OutboxFilter {
  to?: string
  page?: number
}

/** Lists the outbox, newest first, 50 a page. */
export async function listOutbox(
  db: Db,
  actor: Actor,
  filter: OutboxFilter = {},
): Promise<Result<{ emails: OutboxEmailView[] } & Page, AdminReadProblem>> {
  if (!canReadOutbox(actor)) return fail('forbidden')
  const to = filter.to?.trim().toLowerCase()
  const where: Prisma.OutboxEmailWhereInput = to ? { to: { contains: to } } : {}
  const total = await db.outboxEmail.count({ where })
  const page = pageOf(filter.page, OUTBOX_PAGE_SIZE, total)
  const emails = await db.outboxEmail.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page.page - 1) * page.pageSize,
    take: page.pageSize,
    select: { id: true, to: true, subject: true, text: true, transport: true, sentAt: true, error: true, createdAt: true },
  })
  return ok({ ...page, emails })
}

/**
 * Why one e-mail of the outbox could not be read:
 * - `forbidden`: only administrators read the outbox;
 * - `not-found`: no such e-mail (or it was erased with its recipient's account).
 */
export type OutboxEmailProblem = 'forbidden' | 'not-found'

/** One e-mail of the outbox, with its full text. */
export async function getOutboxEmail(db: Db, actor: Actor, id: string): Promise<Result<OutboxEmailView, OutboxEmailProblem>> {
  if (!canReadOutbox(actor)) return fail('forbidden')
  const email = await db.outboxEmail.findUnique({
    where: { id },
    select: { id: true, to: true, subject: true, text: true, transport: true, sentAt: true, error: true, createdAt: true },
  })
  return email ? ok(email) : fail('not-found')
}
