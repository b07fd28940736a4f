import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RouterContextProvider } from 'react-router'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor } from '../../accounts/actor.ts'
import {
  getAdminOverview, getOutboxEmail, listAuditEvents, listOutbox, listUsers, setSiteRole, USERS_PAGE_SIZE,
} from '../../accounts/admin.ts'
import { bindServices } from '../../app/.server/services.ts'
import { bindAdminServices } from '../../app/.server/admin-services.ts'
import { requestContext, sessionContext } from '../../app/.server/context.ts'
import type { RateLimits } from '../../app/.server/rate-limit.ts'
import { loader as overviewLoader } from '../../app/routes/admin.tsx'
import { action as usersAction, loader as usersLoader } from '../../app/routes/admin.users.tsx'
import { loader as organisationsLoader } from '../../app/routes/admin.organisations.tsx'
import { loader as auditLoader } from '../../app/routes/admin.audit.tsx'
import { loader as outboxLoader } from '../../app/routes/admin.outbox.tsx'

const NOW = new Date('2026-11-23T10:00:00Z')
const MINUTE = 60_000
let db: Db
let cleanup: () => Promise<void>

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
  await seed(db, NOW)
})
afterEach(async () => {
  await cleanup()
})

const adminActor = async (): Promise<Actor> => {
  const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@nacrt.example.ba' } })
  return { userId: admin.id, name: admin.name, siteRole: 'admin', memberships: [] }
}
/** Ministry staff: may decide on organisations, but is no administrator. */
const coordinatorActor = async (): Promise<Actor> => {
  const user = await db.user.findUniqueOrThrow({ where: { email: 'lejla.mehmedovic@fmrsp.example.ba' } })
  return loadActor(db, user.id)
}
const userNamed = (email: string) => db.user.findUniqueOrThrow({ where: { email } })

describe('the administrators’ services', () => {
  it('refuse every request of a person who is not an administrator with forbidden', async () => {
    const coordinator = await coordinatorActor()
    expect(coordinator.userId).not.toBeNull()
    const someone = await userNamed('ivana.maric@example.ba')
    for (const actor of [coordinator, ANONYMOUS]) {
      expect(await getAdminOverview(db, actor)).toEqual({ ok: false, reason: 'forbidden' })
      expect(await listUsers(db, actor, {})).toEqual({ ok: false, reason: 'forbidden' })
      expect(await setSiteRole(db, actor, someone.id, 'admin', NOW)).toEqual({ ok: false, reason: 'forbidden' })
      expect(await listAuditEvents(db, actor, {})).toEqual({ ok: false, reason: 'forbidden' })
      expect(await listOutbox(db, actor, {})).toEqual({ ok: false, reason: 'forbidden' })
      expect(await getOutboxEmail(db, actor, 'any')).toEqual({ ok: false, reason: 'forbidden' })
    }
    expect((await userNamed('ivana.maric@example.ba')).siteRole).toBe('user')
  })

  it('lists users newest first with their organisations, and finds them by part of a name or e-mail', async () => {
    const admin = await adminActor()
    const newest = await db.user.create({ data: { email: 'najnoviji@example.ba', name: 'Najnoviji Korisnik', createdAt: new Date(Date.now() + 60 * MINUTE) } })

    const all = await listUsers(db, admin, {})
    if (!all.ok) throw new Error(all.reason)
    expect(all.value.users[0]?.id).toBe(newest.id)
    expect(all.value.total).toBe(await db.user.count())
    const created = all.value.users.map((u) => u.createdAt.getTime())
    expect(created).toEqual([...created].sort((a, b) => b - a))
    const coordinator = all.value.users.find((u) => u.email === 'lejla.mehmedovic@fmrsp.example.ba')
    expect(coordinator).toMatchObject({ name: 'Lejla Mehmedović', siteRole: 'user', organisations: 1, deletedAt: null })
    expect(coordinator?.emailVerifiedAt).toBeInstanceOf(Date)

    const byName = await listUsers(db, admin, { q: 'IVANA MAR' })
    expect(byName.ok && byName.value.users.map((u) => u.email)).toEqual(['ivana.maric@example.ba'])
    const byEmailPart = await listUsers(db, admin, { q: 'mehmedovic@' })
    expect(byEmailPart.ok && byEmailPart.value.users.map((u) => u.email).sort()).toEqual(['lejla.mehmedovic@example.ba', 'lejla.mehmedovic@fmrsp.example.ba'])
    const byEmail = await listUsers(db, admin, { q: 'ADMIN@NACRT' })
    expect(byEmail.ok && byEmail.value.users.map((u) => u.siteRole)).toEqual(['admin'])
    const nobody = await listUsers(db, admin, { q: 'nema-nikoga' })
    expect(nobody.ok && nobody.value).toMatchObject({ users: [], total: 0, page: 1, pageCount: 1 })
  })

  it('pages the user list 50 at a time', async () => {
    const admin = await adminActor()
    await db.user.createMany({
      data: Array.from({ length: USERS_PAGE_SIZE + 5 }, (_, i) => ({ email: `stranica-${i}@example.ba`, name: `Stranica ${i}` })),
    })
    const first = await listUsers(db, admin, { q: 'stranica-' })
    const second = await listUsers(db, admin, { q: 'stranica-', page: 2 })
    if (!first.ok || !second.ok) throw new Error('forbidden')
    expect(first.value.users).toHaveLength(USERS_PAGE_SIZE)
    expect(second.value.users).toHaveLength(5)
    expect(second.value).toMatchObject({ page: 2, pageCount: 2, total: USERS_PAGE_SIZE + 5 })
  })

  it('grants and revokes the administrator role, recording both in the audit log', async () => {
    const admin = await adminActor()
    const ivana = await userNamed('ivana.maric@example.ba')

    const granted = await setSiteRole(db, admin, ivana.id, 'admin', NOW)
    expect(granted).toEqual({ ok: true, value: { userId: ivana.id, name: 'Ivana Marić', email: 'ivana.maric@example.ba', role: 'admin', changed: true } })
    expect((await userNamed('ivana.maric@example.ba')).siteRole).toBe('admin')

    const later = new Date(NOW.getTime() + MINUTE)
    const revoked = await setSiteRole(db, admin, ivana.id, 'user', later)
    expect(revoked.ok && revoked.value.changed).toBe(true)
    expect((await userNamed('ivana.maric@example.ba')).siteRole).toBe('user')

    const events = await db.auditEvent.findMany({ where: { objectType: 'user', objectId: ivana.id }, orderBy: { at: 'asc' } })
    expect(events.map((e) => ({ action: e.action, actorId: e.actorId, data: e.data, at: e.at }))).toEqual([
      { action: 'user.role-granted', actorId: admin.userId, data: { role: 'admin' }, at: NOW },
      { action: 'user.role-revoked', actorId: admin.userId, data: { role: 'user' }, at: later },
    ])
  })

  it('changes nothing and records nothing when the person already has the role', async () => {
    const admin = await adminActor()
    const ivana = await userNamed('ivana.maric@example.ba')
    const before = await db.auditEvent.count()
    const result = await setSiteRole(db, admin, ivana.id, 'user', NOW)
    expect(result.ok && result.value.changed).toBe(false)
    expect(await db.auditEvent.count()).toBe(before)
  })

  it('does not let administrators demote themselves', async () => {
    const admin = await adminActor()
    expect(await setSiteRole(db, admin, admin.userId!, 'user', NOW)).toEqual({ ok: false, reason: 'cannot-demote-self' })
    expect((await userNamed('admin@nacrt.example.ba')).siteRole).toBe('admin')
    expect(await db.auditEvent.count({ where: { action: 'user.role-revoked' } })).toBe(0)
  })

  it('says not-found for an unknown or deleted account', async () => {
    const admin = await adminActor()
    expect(await setSiteRole(db, admin, 'nema-ga', 'admin', NOW)).toEqual({ ok: false, reason: 'not-found' })
    const gone = await db.user.create({ data: { email: null, name: null, deletedAt: NOW } })
    expect(await setSiteRole(db, admin, gone.id, 'admin', NOW)).toEqual({ ok: false, reason: 'not-found' })
  })

  it('filters the audit log by action, object type, object id and the acting person', async () => {
    const admin = await adminActor()
    const ivana = await userNamed('ivana.maric@example.ba')
    await setSiteRole(db, admin, ivana.id, 'admin', NOW)

    const all = await listAuditEvents(db, admin, {})
    if (!all.ok) throw new Error(all.reason)
    expect(all.value.events[0]).toMatchObject({ action: 'user.role-granted', objectType: 'user', objectId: ivana.id, data: { role: 'admin' }, actor: { id: admin.userId, name: 'Administrator' } })
    const times = all.value.events.map((e) => e.at.getTime())
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(all.value.actions).toEqual(['draft.created', 'round.opened', 'round.planned', 'sample-data.seeded', 'user.role-granted', 'version.saved'])
    expect(all.value.objectTypes).toEqual(['draft', 'installation', 'round', 'user', 'version'])
    // The schedule opened the round: no person did it.
    expect(all.value.events.find((e) => e.action === 'round.opened')?.actor).toBeNull()

    const saved = await listAuditEvents(db, admin, { action: 'version.saved' })
    expect(saved.ok && saved.value.events.map((e) => e.action)).toEqual(['version.saved', 'version.saved'])
    const rounds = await listAuditEvents(db, admin, { objectType: 'round' })
    expect(rounds.ok && rounds.value.events.map((e) => e.action)).toEqual(['round.opened', 'round.planned'])
    const ivanas = await listAuditEvents(db, admin, { objectType: 'user', objectId: ivana.id })
    expect(ivanas.ok && ivanas.value.total).toBe(1)

    // The coordinator planned the round three days before it opened and saved version 2 a day later.
    const byName = await listAuditEvents(db, admin, { actorQuery: 'Lejla' })
    expect(byName.ok && byName.value.events.map((e) => e.action)).toEqual(['version.saved', 'round.planned', 'draft.created'])
    const byEmail = await listAuditEvents(db, admin, { actorQuery: 'Dragan.Kovacevic@' })
    expect(byEmail.ok && byEmail.value.events.map((e) => e.action)).toEqual(['version.saved'])
    const byId = await listAuditEvents(db, admin, { actorId: admin.userId! })
    expect(byId.ok && byId.value.events.map((e) => e.action)).toEqual(['user.role-granted', 'sample-data.seeded'])
    const combined = await listAuditEvents(db, admin, { actorQuery: 'Lejla', action: 'version.saved' })
    expect(combined.ok && combined.value.total).toBe(1)
  })

  it('keeps an erased person in the audit log by id, without a name', async () => {
    const admin = await adminActor()
    const dragan = await userNamed('dragan.kovacevic@fmrsp.example.ba')
    await db.user.update({ where: { id: dragan.id }, data: { name: null, email: null, deletedAt: NOW } })
    const result = await listAuditEvents(db, admin, { action: 'version.saved' })
    expect(result.ok && result.value.events.map((e) => e.actor)).toContainEqual({ id: dragan.id, name: null })
  })

  it('lists the outbox newest first, filters by recipient, and opens one e-mail', async () => {
    const admin = await adminActor()
    const at = (minutes: number) => new Date(NOW.getTime() + minutes * MINUTE)
    await db.outboxEmail.createMany({
      data: [
        { to: 'prva@example.ba', subject: 'Potvrdite adresu', text: 'Link: https://nacrt.example.ba/confirm-email?token=abc', createdAt: at(1) },
        { to: 'druga@example.ba', subject: 'Nova lozinka', text: 'Link za novu lozinku', createdAt: at(2), transport: 'smtp', sentAt: at(2) },
        { to: 'prva@example.ba', subject: 'Već imate račun', text: 'Prijavite se', createdAt: at(3), transport: 'smtp', error: 'Connection refused' },
      ],
    })
    const all = await listOutbox(db, admin, {})
    if (!all.ok) throw new Error(all.reason)
    expect(all.value.emails.map((e) => e.subject)).toEqual(['Već imate račun', 'Nova lozinka', 'Potvrdite adresu'])
    expect(all.value.emails[0]).toMatchObject({ to: 'prva@example.ba', transport: 'smtp', sentAt: null, error: 'Connection refused', createdAt: at(3) })
    expect(all.value).toMatchObject({ total: 3, page: 1, pageCount: 1, pageSize: 50 })

    const toFirst = await listOutbox(db, admin, { to: 'PRVA@' })
    expect(toFirst.ok && toFirst.value.emails.map((e) => e.subject)).toEqual(['Već imate račun', 'Potvrdite adresu'])

    const id = all.value.emails[2]!.id
    const one = await getOutboxEmail(db, admin, id)
    expect(one.ok && one.value.text).toContain('confirm-email?token=abc')
    expect(await getOutboxEmail(db, admin, 'nema-je')).toEqual({ ok: false, reason: 'not-found' })

    const overview = await getAdminOverview(db, admin)
    expect(overview.ok && overview.value.outboxEmails).toBe(3)
  })
})

// ---------------------------------------------------------------- the routes

function contextFor(actor: Actor) {
  const clock = () => NOW
  const services = {
    ...bindServices({ db, mailer: { send: async () => {} }, rateLimits: {} as RateLimits, clock }),
    admin: bindAdminServices(db, clock),
  }
  const context = new RouterContextProvider()
  context.set(requestContext, { services, locale: 'bs', cspNonce: 'n', clientIp: '127.0.0.1', secureCookies: false, publicUrl: null })
  context.set(sessionContext, { actor, sessionId: null, csrfSecret: 'secret' })
  return context
}

/** Calls a loader or action and returns what it threw: a Response or a `data()` value. */
async function thrownBy(run: () => Promise<unknown>): Promise<{ status: number; location?: string | null }> {
  try {
    await run()
  } catch (error) {
    if (error instanceof Response) return { status: error.status, location: error.headers.get('Location') }
    const init = (error as { init?: ResponseInit | null }).init
    if (init?.status) return { status: init.status }
    throw error
  }
  throw new Error('nothing was thrown')
}

const get = (path: string) => new Request(`http://nacrt.test${path}`)
const args = (actor: Actor, request: Request) => ({ request, context: contextFor(actor), params: {} }) as never

describe('the /admin routes', () => {
  it('send anonymous visitors to the login page and back', async () => {
    expect(await thrownBy(() => usersLoader(args(ANONYMOUS, get('/admin/users?q=x'))))).toEqual({
      status: 302, location: `/login?redirectTo=${encodeURIComponent('/admin/users?q=x')}`,
    })
  })

  it('refuse signed-in non-administrators with 403, but let ministry staff decide on organisations', async () => {
    const coordinator = await coordinatorActor()
    for (const [loader, path] of [[overviewLoader, '/admin'], [usersLoader, '/admin/users'], [auditLoader, '/admin/audit'], [outboxLoader, '/admin/outbox']] as const) {
      expect(await thrownBy(() => loader(args(coordinator, get(path)))), path).toEqual({ status: 403 })
    }
    const organisations = await organisationsLoader(args(coordinator, get('/admin/organisations?verification=verified')))
    expect(organisations.isAdmin).toBe(false)
    expect(organisations.organisations.every((o) => o.verification === 'verified')).toBe(true)
    const ivana = await userNamed('ivana.maric@example.ba')
    expect(await thrownBy(() => usersAction(args(ANONYMOUS, get('/admin/users'))))).toMatchObject({ status: 302 })
    const form = new URLSearchParams({ userId: ivana.id, role: 'admin' })
    const post = new Request('http://nacrt.test/admin/users', { method: 'POST', body: form })
    expect(await thrownBy(() => usersAction(args(coordinator, post)))).toEqual({ status: 403 })
  })

  it('answer a malformed query with 400', async () => {
    const admin = await adminActor()
    expect(await thrownBy(() => usersLoader(args(admin, get('/admin/users?page=nula'))))).toEqual({ status: 400 })
    expect(await thrownBy(() => outboxLoader(args(admin, get('/admin/outbox?page=-1'))))).toEqual({ status: 400 })
    expect(await thrownBy(() => auditLoader(args(admin, get(`/admin/audit?action=${'x'.repeat(500)}`))))).toEqual({ status: 400 })
    expect(await thrownBy(() => organisationsLoader(args(admin, get('/admin/organisations?verification=maybe'))))).toEqual({ status: 400 })
  })

  it('show administrators the overview, users, audit log and outbox as plain presenter shapes', async () => {
    const admin = await adminActor()
    await db.organisation.create({ data: { slug: 'nova', name: 'Nova udruga', kind: 'ngo', createdAt: NOW } })
    await db.outboxEmail.create({ data: { to: 'prva@example.ba', subject: 'Potvrdite adresu', text: 'Link', createdAt: NOW } })

    const overview = await overviewLoader(args(admin, get('/admin')))
    expect(overview.counts).toEqual({ requestedOrganisations: 1, users: await db.user.count(), outboxEmails: 1 })

    const users = await usersLoader(args(admin, get('/admin/users?q=marić&lng=en')))
    expect(users.users).toEqual([
      expect.objectContaining({ name: 'Ivana Marić', siteRole: 'user', status: 'confirmed', createdAt: expect.any(String) }),
    ])

    const audit = await auditLoader(args(admin, get('/admin/audit?objectType=round&action=&person=')))
    expect(audit.events.map((e) => e.action)).toEqual(['round.opened', 'round.planned'])
    expect(audit.events[0]).toMatchObject({ actor: null, data: '{"by":"schedule"}', at: expect.any(String) })

    const outbox = await outboxLoader(args(admin, get('/admin/outbox?to=prva')))
    expect(outbox.emails).toEqual([expect.objectContaining({ subject: 'Potvrdite adresu', delivery: 'kept', createdAt: NOW.toISOString() })])
  })

  it('grant the administrator role from the users page, and refuse self-demotion with 409', async () => {
    const admin = await adminActor()
    const ivana = await userNamed('ivana.maric@example.ba')
    const post = (body: Record<string, string>) =>
      new Request('http://nacrt.test/admin/users', { method: 'POST', body: new URLSearchParams(body) })

    const granted = await usersAction(args(admin, post({ userId: ivana.id, role: 'admin' })))
    expect(granted).toEqual({ notice: 'admin.users.granted', name: 'Ivana Marić', errors: undefined })

    const refused = await usersAction(args(admin, post({ userId: admin.userId!, role: 'user' })))
    expect(refused).toMatchObject({ data: { errors: { form: ['errors.admin.cannot-demote-self'] } }, init: { status: 409 } })

    const malformed = await usersAction(args(admin, post({ userId: ivana.id, role: 'king' })))
    expect(malformed).toMatchObject({ data: { errors: { form: ['errors.form.unreadable'] } }, init: { status: 400 } })
  })
})
