// A draft's team against a real database: who may see and change it, and what each
// outcome leaves behind (assignments and audit events).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor } from '../../accounts/actor.ts'
import { assignDraftRole, listDraftTeam, removeDraftRole } from '../../drafting/assignments.ts'
import { DraftRoleGrant, DraftRoleRevocation } from '../../drafting/inputs.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const SLUG = 'zakon-o-socijalnim-uslugama'
const CITIZEN = 'gradjanin@nacrt.example.ba'

let db: Db
let cleanup: () => Promise<void>
let draftId: string

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
  await seed(db, NOW)
  draftId = (await db.draft.findUniqueOrThrow({ where: { slug: SLUG } })).id
})
afterEach(async () => {
  await cleanup()
})

async function actorFor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email } })
  return loadActor(db, user.id)
}

const userId = async (email: string) => (await db.user.findUniqueOrThrow({ where: { email } })).id
const roleEvents = () => db.auditEvent.findMany({ where: { objectType: 'draft', objectId: draftId, action: { startsWith: 'draft.role-' } }, orderBy: { id: 'asc' } })

// Who the seed makes: Lejla owns the draft (and coordinates the ministry), Dragan is ministry
// staff (and an editor), Ivana is an editor from outside the ministry.
const ALLOWED = [
  ['the owner', 'lejla.mehmedovic@fmrsp.example.ba'],
  ['staff of the owning ministry', 'dragan.kovacevic@fmrsp.example.ba'],
  ['an administrator', 'admin@nacrt.example.ba'],
] as const

describe('listDraftTeam', () => {
  it('lists the team sorted by role: owners, editors, moderators, responders', async () => {
    const result = await listDraftTeam(db, await actorFor('lejla.mehmedovic@fmrsp.example.ba'), SLUG)
    if (!result.ok) throw new Error(result.reason)
    expect(result.value.draft).toMatchObject({ id: draftId, slug: SLUG })
    expect(result.value.assignments.map((a) => [a.role, a.name])).toEqual([
      ['owner', 'Lejla Mehmedović'],
      ['editor', 'Dragan Kovačević'],
      ['editor', 'Ivana Marić'],
      ['moderator', 'Lejla Mehmedović'],
      ['responder', 'Emir Begić'],
    ])
  })

  it('says not-found for a draft that does not exist', async () => {
    expect(await listDraftTeam(db, await actorFor('admin@nacrt.example.ba'), 'nema-takvog-nacrta')).toEqual({ ok: false, reason: 'not-found' })
  })
})

describe.each(ALLOWED)('%s', (_label, email) => {
  it('adds a person to the team and removes them again, with an audit event for each', async () => {
    const actor = await actorFor(email)
    const citizenId = await userId(CITIZEN)
    const added = await assignDraftRole(db, actor, SLUG, { email: CITIZEN, role: 'editor' }, NOW)
    expect(added).toEqual({ ok: true, value: { userId: citizenId, name: 'Senad Građanin', role: 'editor' } })
    const team = await listDraftTeam(db, actor, SLUG)
    expect(team.ok && team.value.assignments.some((a) => a.userId === citizenId && a.role === 'editor')).toBe(true)

    const removed = await removeDraftRole(db, actor, SLUG, { userId: citizenId, role: 'editor' }, NOW)
    expect(removed).toEqual({ ok: true, value: { userId: citizenId, name: 'Senad Građanin', role: 'editor' } })
    expect(await db.draftAssignment.count({ where: { draftId, userId: citizenId } })).toBe(0)

    const events = await roleEvents()
    expect(events.map((e) => [e.action, e.actorId, e.data])).toEqual([
      ['draft.role-granted', actor.userId, { userId: citizenId, role: 'editor' }],
      ['draft.role-revoked', actor.userId, { userId: citizenId, role: 'editor' }],
    ])
    expect(events.every((e) => e.at.getTime() === NOW.getTime())).toBe(true)
  })
})

describe('people who may not change the team', () => {
  const REFUSED: [string, () => Promise<Actor>][] = [
    ['an editor from outside the ministry', () => actorFor('ivana.maric@example.ba')],
    ['a citizen', () => actorFor(CITIZEN)],
    ['an anonymous visitor', async () => ANONYMOUS],
  ]

  it.each(REFUSED)('%s is refused the team, adding and removing, and nothing changes', async (_label, load) => {
    const actor = await load()
    const before = await db.draftAssignment.count({ where: { draftId } })
    const ivanaId = await userId('ivana.maric@example.ba')
    expect(await listDraftTeam(db, actor, SLUG)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await assignDraftRole(db, actor, SLUG, { email: CITIZEN, role: 'owner' }, NOW)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await removeDraftRole(db, actor, SLUG, { userId: ivanaId, role: 'editor' }, NOW)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await db.draftAssignment.count({ where: { draftId } })).toBe(before)
    expect(await roleEvents()).toEqual([])
  })

  it('a responder who is not ministry staff is refused', async () => {
    const outsider = await db.user.create({ data: { email: 'odgovara@example.ba', name: 'Odgovara Vanjski', emailVerifiedAt: NOW } })
    await db.draftAssignment.create({ data: { draftId, userId: outsider.id, role: 'responder' } })
    const actor = await loadActor(db, outsider.id)
    expect(await assignDraftRole(db, actor, SLUG, { email: CITIZEN, role: 'editor' }, NOW)).toEqual({ ok: false, reason: 'forbidden' })
  })
})

describe('assignDraftRole', () => {
  it('says unknown-user for an address without a confirmed account', async () => {
    const owner = await actorFor('lejla.mehmedovic@fmrsp.example.ba')
    await db.user.create({ data: { email: 'nepotvrdjen@example.ba', name: 'Nepotvrđen' } })
    expect(await assignDraftRole(db, owner, SLUG, { email: 'niko@example.ba', role: 'editor' }, NOW)).toEqual({ ok: false, reason: 'unknown-user' })
    expect(await assignDraftRole(db, owner, SLUG, { email: 'nepotvrdjen@example.ba', role: 'editor' }, NOW)).toEqual({ ok: false, reason: 'unknown-user' })
    expect(await roleEvents()).toEqual([])
  })

  it('says already-assigned when the person has that role, but gives them another one', async () => {
    const owner = await actorFor('lejla.mehmedovic@fmrsp.example.ba')
    expect(await assignDraftRole(db, owner, SLUG, { email: 'ivana.maric@example.ba', role: 'editor' }, NOW)).toEqual({ ok: false, reason: 'already-assigned' })
    const moderator = await assignDraftRole(db, owner, SLUG, { email: 'ivana.maric@example.ba', role: 'moderator' }, NOW)
    expect(moderator.ok).toBe(true)
    expect(await roleEvents()).toHaveLength(1)
  })

  it('says not-found for a draft that does not exist', async () => {
    const admin = await actorFor('admin@nacrt.example.ba')
    expect(await assignDraftRole(db, admin, 'nema-takvog-nacrta', { email: CITIZEN, role: 'editor' }, NOW)).toEqual({ ok: false, reason: 'not-found' })
  })
})

describe('removeDraftRole', () => {
  it('keeps the last owner, and removes an owner once there is another', async () => {
    const owner = await actorFor('lejla.mehmedovic@fmrsp.example.ba')
    const lejlaId = owner.userId!
    expect(await removeDraftRole(db, owner, SLUG, { userId: lejlaId, role: 'owner' }, NOW)).toEqual({ ok: false, reason: 'last-owner' })
    expect(await db.draftAssignment.count({ where: { draftId, role: 'owner' } })).toBe(1)
    expect(await roleEvents()).toEqual([])

    const admin = await actorFor('admin@nacrt.example.ba')
    expect((await assignDraftRole(db, admin, SLUG, { email: 'dragan.kovacevic@fmrsp.example.ba', role: 'owner' }, NOW)).ok).toBe(true)
    expect((await removeDraftRole(db, owner, SLUG, { userId: lejlaId, role: 'owner' }, NOW)).ok).toBe(true)
    const owners = await db.draftAssignment.findMany({ where: { draftId, role: 'owner' }, select: { user: { select: { email: true } } } })
    expect(owners.map((o) => o.user.email)).toEqual(['dragan.kovacevic@fmrsp.example.ba'])
  })

  it('says not-found when the person does not have that role', async () => {
    const owner = await actorFor('lejla.mehmedovic@fmrsp.example.ba')
    expect(await removeDraftRole(db, owner, SLUG, { userId: await userId(CITIZEN), role: 'editor' }, NOW)).toEqual({ ok: false, reason: 'not-found' })
    expect(await roleEvents()).toEqual([])
  })
})

describe('inputs', () => {
  it('normalises the e-mail address and accepts only the four roles', () => {
    expect(DraftRoleGrant.parse({ email: '  Gradjanin@Nacrt.Example.BA ', role: 'responder' })).toEqual({ email: CITIZEN, role: 'responder' })
    const wrongRole = DraftRoleGrant.safeParse({ email: CITIZEN, role: 'admin' })
    expect(wrongRole.success ? null : wrongRole.error.issues[0]?.message).toBe('errors.field.choose')
    const badEmail = DraftRoleGrant.safeParse({ email: 'nije-adresa', role: 'editor' })
    expect(badEmail.success ? null : badEmail.error.issues[0]?.message).toBe('errors.field.email')
    const noUser = DraftRoleRevocation.safeParse({ userId: '', role: 'editor' })
    expect(noUser.success ? null : noUser.error.issues[0]?.message).toBe('errors.field.required')
  })
})
