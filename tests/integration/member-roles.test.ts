// Institutions name their consultation coordinator: who may change members' roles in an
// organisation, against a real database, and what each outcome leaves behind.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor, type MembershipRole } from '../../accounts/actor.ts'
import { setMemberRole } from '../../accounts/organisations.ts'
import { canSetMemberRoles } from '../../accounts/permissions.ts'
import { MemberRoleChange } from '../../accounts/inputs.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
let db: Db
let cleanup: () => Promise<void>
let n = 0

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
})
afterEach(async () => {
  await cleanup()
})

async function organisation(verification: 'verified' | 'requested' = 'verified') {
  const id = n++
  return db.organisation.create({ data: { slug: `ministarstvo-${id}`, name: `Ministarstvo ${id}`, kind: 'ministry', verification } })
}

async function person(label: string, membership?: { organisationId: string; role: MembershipRole }, siteRole: 'user' | 'admin' = 'user') {
  const user = await db.user.create({ data: { email: `${label}-${n++}@uloge.example.ba`, name: label, siteRole, emailVerifiedAt: NOW } })
  if (membership) await db.membership.create({ data: { userId: user.id, ...membership } })
  return user.id
}

const roleOf = async (userId: string, organisationId: string) =>
  (await db.membership.findUniqueOrThrow({ where: { userId_organisationId: { userId, organisationId } } })).role
const roleEvents = (organisationId: string) =>
  db.auditEvent.findMany({ where: { objectType: 'organisation', objectId: organisationId, action: 'organisation.member-role-changed' } })

describe('canSetMemberRoles', () => {
  it('allows administrators and the coordinator of that verified organisation, nobody else', async () => {
    const org = await organisation()
    const pending = await organisation('requested')
    const other = await organisation()
    const actor = async (id: string): Promise<Actor> => loadActor(db, id)
    const cases: [string, Actor, string, boolean][] = [
      ['administrator', await actor(await person('admin', undefined, 'admin')), org.id, true],
      ['administrator, unverified organisation', await actor(await person('admin2', undefined, 'admin')), pending.id, true],
      ['coordinator', await actor(await person('coordinator', { organisationId: org.id, role: 'coordinator' })), org.id, true],
      ['coordinator of an unverified organisation', await actor(await person('pending', { organisationId: pending.id, role: 'coordinator' })), pending.id, false],
      ['coordinator of another organisation', await actor(await person('other', { organisationId: other.id, role: 'coordinator' })), org.id, false],
      ['staff', await actor(await person('staff', { organisationId: org.id, role: 'staff' })), org.id, false],
      ['representative', await actor(await person('rep', { organisationId: org.id, role: 'representative' })), org.id, false],
      ['member', await actor(await person('member', { organisationId: org.id, role: 'member' })), org.id, false],
      ['anonymous', ANONYMOUS, org.id, false],
    ]
    for (const [label, a, organisationId, allowed] of cases) expect(canSetMemberRoles(a, organisationId), label).toBe(allowed)
  })
})

describe('setMemberRole', () => {
  it('lets the coordinator name another coordinator, with an audit event', async () => {
    const org = await organisation()
    const coordinator = await loadActor(db, await person('Koordinatorka', { organisationId: org.id, role: 'coordinator' }))
    const staffId = await person('Službenik', { organisationId: org.id, role: 'staff' })
    const result = await setMemberRole(db, coordinator, org.slug, { userId: staffId, role: 'coordinator' }, NOW)
    expect(result).toEqual({ ok: true, value: { userId: staffId, name: 'Službenik', role: 'coordinator', changed: true } })
    expect(await roleOf(staffId, org.id)).toBe('coordinator')
    const events = await roleEvents(org.id)
    expect(events.map((e) => [e.actorId, e.data, e.at.getTime()])).toEqual([
      [coordinator.userId, { userId: staffId, from: 'staff', role: 'coordinator' }, NOW.getTime()],
    ])
  })

  it('lets an administrator change a role in any organisation, verified or not', async () => {
    const org = await organisation('requested')
    const admin = await loadActor(db, await person('Admin', undefined, 'admin'))
    const memberId = await person('Članica', { organisationId: org.id, role: 'member' })
    expect((await setMemberRole(db, admin, org.slug, { userId: memberId, role: 'representative' }, NOW)).ok).toBe(true)
    expect(await roleOf(memberId, org.id)).toBe('representative')
    expect(await roleEvents(org.id)).toHaveLength(1)
  })

  it('refuses everyone else with forbidden and changes nothing', async () => {
    const org = await organisation()
    const pending = await organisation('requested')
    const other = await organisation()
    const memberId = await person('Član', { organisationId: org.id, role: 'member' })
    const pendingMemberId = await person('Član na čekanju', { organisationId: pending.id, role: 'member' })
    const refused: [string, Actor, string, string][] = [
      ['representative', await loadActor(db, await person('rep', { organisationId: org.id, role: 'representative' })), org.slug, memberId],
      ['staff', await loadActor(db, await person('staff', { organisationId: org.id, role: 'staff' })), org.slug, memberId],
      ['a member about themselves', await loadActor(db, memberId), org.slug, memberId],
      ['coordinator of another organisation', await loadActor(db, await person('other', { organisationId: other.id, role: 'coordinator' })), org.slug, memberId],
      ['coordinator of an unverified organisation', await loadActor(db, await person('pending', { organisationId: pending.id, role: 'coordinator' })), pending.slug, pendingMemberId],
      ['citizen', await loadActor(db, await person('citizen')), org.slug, memberId],
      ['anonymous', ANONYMOUS, org.slug, memberId],
    ]
    for (const [label, actor, slug, userId] of refused) {
      expect(await setMemberRole(db, actor, slug, { userId, role: 'coordinator' }, NOW), label).toEqual({ ok: false, reason: 'forbidden' })
    }
    expect(await roleOf(memberId, org.id)).toBe('member')
    expect(await roleOf(pendingMemberId, pending.id)).toBe('member')
    expect(await db.auditEvent.count({ where: { action: 'organisation.member-role-changed' } })).toBe(0)
  })

  it('says not-member for someone outside the organisation and not-found for an unknown organisation', async () => {
    const org = await organisation()
    const admin = await loadActor(db, await person('Admin', undefined, 'admin'))
    const outsiderId = await person('Vanjski')
    expect(await setMemberRole(db, admin, org.slug, { userId: outsiderId, role: 'staff' }, NOW)).toEqual({ ok: false, reason: 'not-member' })
    expect(await setMemberRole(db, admin, 'nema-takve', { userId: outsiderId, role: 'staff' }, NOW)).toEqual({ ok: false, reason: 'not-found' })
    expect(await db.membership.count({ where: { userId: outsiderId } })).toBe(0)
  })

  it('changes nothing and records nothing when the member already has the role', async () => {
    const org = await organisation()
    const coordinator = await loadActor(db, await person('Koordinator', { organisationId: org.id, role: 'coordinator' }))
    const staffId = await person('Službenica', { organisationId: org.id, role: 'staff' })
    expect(await setMemberRole(db, coordinator, org.slug, { userId: staffId, role: 'staff' }, NOW)).toEqual({
      ok: true, value: { userId: staffId, name: 'Službenica', role: 'staff', changed: false },
    })
    expect(await roleEvents(org.id)).toEqual([])
  })

  it('accepts only the four membership roles', () => {
    expect(MemberRoleChange.parse({ userId: 'u1', role: 'coordinator' })).toEqual({ userId: 'u1', role: 'coordinator' })
    const wrong = MemberRoleChange.safeParse({ userId: 'u1', role: 'admin' })
    expect(wrong.success ? null : wrong.error.issues[0]?.message).toBe('errors.field.choose')
  })
})
