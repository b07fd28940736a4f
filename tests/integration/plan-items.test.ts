// An institution's published plan of drafts against a real database: who may change it,
// what it refuses, and how the public sees it by quarter beside the scheduled rounds.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor, type MembershipRole } from '../../accounts/actor.ts'
import { addPlanItem, planPage, publicPlan, removePlanItem } from '../../consultation/plan-items.ts'
import { NewPlanItem } from '../../consultation/interested-party-inputs.ts'
import { seed } from '../../prisma/seed.ts'

// The second quarter of 2027.
const NOW = new Date('2027-05-10T10:00:00Z')
const DAY = 24 * 60 * 60 * 1000
let db: Db
let cleanup: () => Promise<void>
let n = 0

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
})
afterEach(async () => {
  await cleanup()
})

async function institution() {
  const id = n++
  return db.organisation.create({ data: { slug: `ministarstvo-${id}`, name: `Ministarstvo ${id}`, kind: 'ministry', verification: 'verified' } })
}
async function actor(membership?: { organisationId: string; role: MembershipRole }, siteRole: 'user' | 'admin' = 'user'): Promise<Actor> {
  const user = await db.user.create({ data: { email: `plan-${n++}@example.ba`, name: 'Osoba', siteRole, emailVerifiedAt: NOW } })
  if (membership) await db.membership.create({ data: { userId: user.id, ...membership } })
  return loadActor(db, user.id)
}
async function draft(ownerId: string, withVersion = true) {
  const id = n++
  const d = await db.draft.create({ data: { slug: `nacrt-${id}`, title: `Pravilnik ${id}`, ownerId } })
  if (withVersion) await db.version.create({ data: { draftId: d.id, seq: 1, name: 'Radni materijal', doc: { type: 'doc', content: [] } } })
  return d
}
async function plannedRound(draftId: string, opensAt: Date, title = 'Javne konsultacije') {
  const version = await db.version.findFirstOrThrow({ where: { draftId } })
  return db.round.create({ data: { draftId, versionId: version.id, title, state: 'planned', opensAt, closesAt: new Date(opensAt.getTime() + 30 * DAY) } })
}
const item = (fields: Record<string, string> = {}) => NewPlanItem.parse({ title: 'Zakon o socijalnoj zaštiti', plannedFor: '2027-Q3', ...fields })

describe('addPlanItem and removePlanItem', () => {
  it('let the institution’s staff and administrators change the plan, with audit events', async () => {
    const ministry = await institution()
    const staff = await actor({ organisationId: ministry.id, role: 'staff' })
    const admin = await actor(undefined, 'admin')
    const added = await addPlanItem(db, staff, ministry.slug, item({ description: 'Usklađivanje s EU' }), NOW)
    if (!added.ok) throw new Error(added.reason)
    expect((await addPlanItem(db, admin, ministry.slug, item(), NOW)).ok).toBe(true)
    expect(await db.planItem.findUniqueOrThrow({ where: { id: added.value.itemId } })).toMatchObject({
      organisationId: ministry.id, title: 'Zakon o socijalnoj zaštiti', description: 'Usklađivanje s EU', plannedFor: '2027-Q3', draftId: null,
    })
    expect(await removePlanItem(db, staff, ministry.slug, added.value.itemId, NOW)).toEqual({ ok: true, value: { title: 'Zakon o socijalnoj zaštiti' } })
    expect(await db.planItem.count()).toBe(1)
    const actions = (await db.auditEvent.findMany({ where: { objectType: 'plan-item' }, orderBy: { id: 'asc' } })).map((e) => e.action)
    expect(actions).toEqual(['plan-item.added', 'plan-item.added', 'plan-item.removed'])
  })

  it('refuse everyone else', async () => {
    const ministry = await institution()
    const other = await institution()
    const staff = await actor({ organisationId: ministry.id, role: 'staff' })
    const existing = await addPlanItem(db, staff, ministry.slug, item(), NOW)
    if (!existing.ok) throw new Error(existing.reason)
    for (const a of [ANONYMOUS, await actor(), await actor({ organisationId: ministry.id, role: 'member' }), await actor({ organisationId: other.id, role: 'coordinator' })]) {
      expect(await addPlanItem(db, a, ministry.slug, item(), NOW)).toEqual({ ok: false, reason: 'forbidden' })
      expect(await removePlanItem(db, a, ministry.slug, existing.value.itemId, NOW)).toEqual({ ok: false, reason: 'forbidden' })
    }
    expect(await db.planItem.count()).toBe(1)
  })

  it('refuses a quarter that has ended, and a draft of another institution', async () => {
    const ministry = await institution()
    const other = await institution()
    const staff = await actor({ organisationId: ministry.id, role: 'staff' })
    expect(await addPlanItem(db, staff, ministry.slug, item({ plannedFor: '2027-Q1' }), NOW)).toEqual({ ok: false, reason: 'past-quarter' })
    expect((await addPlanItem(db, staff, ministry.slug, item({ plannedFor: '2027-Q2' }), NOW)).ok).toBe(true)
    const foreign = await draft(other.id)
    expect(await addPlanItem(db, staff, ministry.slug, item({ draftId: foreign.id }), NOW)).toEqual({ ok: false, reason: 'unknown-draft' })
    expect(await addPlanItem(db, staff, ministry.slug, item({ draftId: 'nema-ga' }), NOW)).toEqual({ ok: false, reason: 'unknown-draft' })
  })

  it('does not remove an item of another institution’s plan', async () => {
    const ministry = await institution()
    const other = await institution()
    const added = await addPlanItem(db, await actor({ organisationId: other.id, role: 'staff' }), other.slug, item(), NOW)
    if (!added.ok) throw new Error(added.reason)
    expect(await removePlanItem(db, await actor({ organisationId: ministry.id, role: 'staff' }), ministry.slug, added.value.itemId, NOW)).toEqual({ ok: false, reason: 'not-found' })
  })
})

describe('publicPlan', () => {
  it('groups items by quarter beside drafts with a scheduled round, and shows a draft an item names only once', async () => {
    const ministry = await institution()
    const staff = await actor({ organisationId: ministry.id, role: 'staff' })
    const named = await draft(ministry.id)
    const scheduled = await draft(ministry.id)
    const unreadable = await draft(ministry.id)
    await plannedRound(named.id, new Date('2027-10-05T07:00:00Z'), 'Konsultacije o imenovanom')
    await plannedRound(scheduled.id, new Date('2027-08-01T07:00:00Z'), 'Konsultacije o zakazanom')
    await addPlanItem(db, staff, ministry.slug, item({ title: 'Stavka s nacrtom', plannedFor: '2027-Q4', draftId: named.id }), NOW)
    await addPlanItem(db, staff, ministry.slug, item({ title: 'Stavka bez nacrta', plannedFor: '2027-Q2', draftId: unreadable.id }), NOW)
    await db.version.deleteMany({ where: { draftId: unreadable.id } })
    // A round of another institution never shows here; a round already open is no longer planned.
    const other = await institution()
    await plannedRound((await draft(other.id)).id, new Date('2027-08-01T07:00:00Z'))
    await plannedRound((await draft(ministry.id)).id, new Date(NOW.getTime() - DAY))

    const plan = await publicPlan(db, ministry.slug, NOW)
    if (!plan.ok) throw new Error(plan.reason)
    expect(plan.value.quarters.map((q) => [q.quarter, q.past, q.entries.map((e) => (e.kind === 'item' ? e.title : `round: ${e.title}`))])).toEqual([
      ['2027-Q2', false, ['Stavka bez nacrta']],
      ['2027-Q3', false, ['round: Konsultacije o zakazanom']],
      ['2027-Q4', false, ['Stavka s nacrtom']],
    ])
    const [q2, , q4] = plan.value.quarters
    expect(q2!.entries[0]).toMatchObject({ draft: { slug: unreadable.slug, readable: false }, round: null })
    expect(q4!.entries[0]).toMatchObject({ draft: { slug: named.slug, readable: true }, round: { title: 'Konsultacije o imenovanom', opensAt: new Date('2027-10-05T07:00:00Z') } })
  })

  it('marks quarters that have ended as past', async () => {
    const ministry = await institution()
    await db.planItem.create({ data: { organisationId: ministry.id, title: 'Zakašnjeli zakon', plannedFor: '2026-Q4' } })
    const plan = await publicPlan(db, ministry.slug, NOW)
    expect(plan.ok && plan.value.quarters.map((q) => [q.quarter, q.past])).toEqual([['2026-Q4', true]])
  })

  it('is only kept by verified institutions', async () => {
    const ngo = await db.organisation.create({ data: { slug: `udruzenje-${n++}`, name: 'Udruženje', kind: 'ngo', verification: 'verified' } })
    expect(await publicPlan(db, ngo.slug, NOW)).toEqual({ ok: false, reason: 'not-found' })
  })

  it('gives staff the drafts and quarters to choose from, and nobody else', async () => {
    const ministry = await institution()
    await draft(ministry.id)
    const staffPage = await planPage(db, await actor({ organisationId: ministry.id, role: 'coordinator' }), ministry.slug, NOW)
    expect(staffPage.ok && [staffPage.value.canManage, staffPage.value.drafts.length, staffPage.value.quarterChoices.slice(0, 3)]).toEqual([true, 1, ['2027-Q2', '2027-Q3', '2027-Q4']])
    const publicPage = await planPage(db, ANONYMOUS, ministry.slug, NOW)
    expect(publicPage.ok && [publicPage.value.canManage, publicPage.value.drafts, publicPage.value.quarterChoices]).toEqual([false, [], []])
  })

  it('shows the sample ministry’s two plan items in the coming quarters', async () => {
    await seed(db, NOW)
    const plan = await publicPlan(db, 'fmrsp', NOW)
    if (!plan.ok) throw new Error(plan.reason)
    expect(plan.value.quarters.map((q) => q.quarter)).toEqual(['2027-Q3', '2027-Q4'])
    expect(plan.value.quarters[1]!.entries[0]).toMatchObject({ kind: 'item', draft: { slug: 'standardi-kvaliteta-smjestaj-djece', readable: true } })
  })
})
