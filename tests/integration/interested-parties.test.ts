// Institutions' lists of interested parties against a real database: who may put whom on
// the list and take them off, what the public and the staff see, the CSV export, and the
// invitations recorded exactly once per party and round, even when two app instances
// notice the same opening at once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor, type MembershipRole } from '../../accounts/actor.ts'
import {
  addByStaff, askToBeListed, confirmListing, exportInterestedParties, leaveByLink, LISTING_CONFIRMATION_TTL_MS, interestedPartiesPage, inviteInterestedParties, publicList, removeParty, staffList,
} from '../../consultation/interested-parties.ts'
import { EmailListingRequest, ListingRequest, WrittenRequest } from '../../consultation/interested-party-inputs.ts'
import { hashToken } from '../../accounts/tokens.ts'
import { createRateLimits } from '../../app/.server/rate-limit.ts'
import { CSV_COLUMNS, type CsvLabels } from '../../consultation/interested-parties-csv.ts'
import { institutionServices } from '../../app/.server/services/institutions.ts'
import type { Mail } from '../../app/.server/mailer.ts'
import { seed } from '../../prisma/seed.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const ROOT = path.resolve(import.meta.dirname, '..', '..')
const WORKER = path.join(import.meta.dirname, 'invite-worker.ts')
const run = promisify(execFile)
const DAY = 24 * 60 * 60 * 1000
let db: Db
let file: string
let cleanup: () => Promise<void>
let n = 0

beforeEach(async () => {
  ;({ db, file, cleanup } = await createTestDb())
})
afterEach(async () => {
  await cleanup()
})

async function institution(kind = 'ministry', verification = 'verified') {
  const id = n++
  return db.organisation.create({ data: { slug: `ministarstvo-${id}`, name: `Ministarstvo ${id}`, kind, verification } })
}

async function person(label: string, membership?: { organisationId: string; role: MembershipRole }, siteRole: 'user' | 'admin' = 'user') {
  const user = await db.user.create({ data: { email: `${label}-${n++}@lista.example.ba`, name: `Osoba ${label}`, siteRole, emailVerifiedAt: NOW } })
  if (membership) await db.membership.create({ data: { userId: user.id, ...membership } })
  return user
}
const actorOf = async (user: { id: string }): Promise<Actor> => loadActor(db, user.id)

/** A draft of the institution with one version and a round (open at NOW unless told otherwise). */
async function round(ownerId: string, times: { opensAt?: Date; closesAt?: Date; state?: string } = {}) {
  const id = n++
  const draft = await db.draft.create({ data: { slug: `nacrt-${id}`, title: `Zakon o testiranju ${id}`, ownerId } })
  const version = await db.version.create({ data: { draftId: draft.id, seq: 1, name: 'Nacrt', doc: { type: 'doc', content: [] } } })
  return db.round.create({
    data: {
      draftId: draft.id, versionId: version.id, title: `Javne konsultacije ${id}`, state: times.state ?? 'planned',
      opensAt: times.opensAt ?? new Date(NOW.getTime() - DAY), closesAt: times.closesAt ?? new Date(NOW.getTime() + 30 * DAY),
    },
  })
}

const ask = (fields: Record<string, string> = {}) => ListingRequest.parse({ consentToBeKept: 'on', ...fields })
const written = (fields: Record<string, string> = {}) => WrittenRequest.parse({ name: 'Amra Hodžić', email: `amra-${n++}@example.ba`, category: 'citizen', ...fields })
const labels: CsvLabels = {
  headers: Object.fromEntries(CSV_COLUMNS.map((c) => [c, c])) as CsvLabels['headers'],
  category: (c) => c, source: (s) => s, yes: 'da', no: 'ne',
}

async function staffOf(ministryId: string, role: MembershipRole = 'staff') {
  return actorOf(await person(role, { organisationId: ministryId, role }))
}

describe('askToBeListed', () => {
  it('puts a signed-in citizen on the list with their account’s name and address, named only with their consent', async () => {
    const ministry = await institution()
    const user = await person('gradjanka')
    const result = await askToBeListed(db, await actorOf(user), ministry.slug, ask(), NOW)
    expect(result).toEqual({ ok: true, value: { partyId: expect.any(String), reactivated: false } })
    const party = await db.interestedParty.findUniqueOrThrow({ where: { institutionId_email: { institutionId: ministry.id, email: user.email! } } })
    expect(party).toMatchObject({ userId: user.id, name: 'Osoba gradjanka', category: 'citizen', listedPublicly: false, source: 'self', organisationName: null, removedAt: null })
    const events = await db.auditEvent.findMany({ where: { objectType: 'interested-party', objectId: party.id } })
    expect(events.map((e) => [e.action, e.actorId, (e.data as { consentToBeKept: boolean }).consentToBeKept])).toEqual([['interested-party.added', user.id, true]])

    const other = await person('imenovani')
    await askToBeListed(db, await actorOf(other), ministry.slug, ask({ listedPublicly: 'on' }), NOW)
    const list = await publicList(db, ministry.slug)
    expect(list.ok && list.value).toMatchObject({ individuals: ['Osoba imenovani'], unnamedIndividuals: 1, total: 2 })
  })

  it('lists a member for their verified organisation, by its name and kind, always named', async () => {
    const ministry = await institution()
    const union = await db.organisation.create({ data: { slug: `sindikat-${n++}`, name: 'Sindikat socijalnih radnika', kind: 'union', verification: 'verified' } })
    const member = await person('clan', { organisationId: union.id, role: 'member' })
    const result = await askToBeListed(db, await actorOf(member), ministry.slug, ask({ onBehalfOf: union.id }), NOW)
    expect(result.ok).toBe(true)
    const list = await publicList(db, ministry.slug)
    expect(list.ok && list.value.organisations).toEqual([{ name: 'Sindikat socijalnih radnika', category: 'ngo' }])
  })

  it('refuses an organisation the person does not belong to, or one not verified', async () => {
    const ministry = await institution()
    const pending = await db.organisation.create({ data: { slug: `grupa-${n++}`, name: 'Neprovjerena grupa', kind: 'informal-group' } })
    const member = await person('clan', { organisationId: pending.id, role: 'representative' })
    const stranger = await person('stranac')
    expect(await askToBeListed(db, await actorOf(member), ministry.slug, ask({ onBehalfOf: pending.id }), NOW)).toEqual({ ok: false, reason: 'not-a-member' })
    expect(await askToBeListed(db, await actorOf(stranger), ministry.slug, ask({ onBehalfOf: ministry.id }), NOW)).toEqual({ ok: false, reason: 'not-a-member' })
    expect(await db.interestedParty.count()).toBe(0)
  })

  it('refuses anonymous visitors, and organisations that keep no list', async () => {
    const ministry = await institution()
    const ngo = await institution('ngo')
    const unverified = await institution('ministry', 'requested')
    const user = await actorOf(await person('gradjanin'))
    expect(await askToBeListed(db, ANONYMOUS, ministry.slug, ask(), NOW)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await askToBeListed(db, user, ngo.slug, ask(), NOW)).toEqual({ ok: false, reason: 'not-found' })
    expect(await askToBeListed(db, user, unverified.slug, ask(), NOW)).toEqual({ ok: false, reason: 'not-found' })
    expect(await askToBeListed(db, user, 'nema-ga', ask(), NOW)).toEqual({ ok: false, reason: 'not-found' })
    expect(await db.interestedParty.count()).toBe(0)
  })

  it('says already-listed for an address on the list, and puts back an entry taken off earlier', async () => {
    const ministry = await institution()
    const user = await person('gradjanin')
    const actor = await actorOf(user)
    const first = await askToBeListed(db, actor, ministry.slug, ask(), NOW)
    expect(await askToBeListed(db, actor, ministry.slug, ask(), NOW)).toEqual({ ok: false, reason: 'already-listed' })
    if (!first.ok) throw new Error(first.reason)
    await removeParty(db, actor, ministry.slug, first.value.partyId, NOW)
    const again = await askToBeListed(db, actor, ministry.slug, ask({ listedPublicly: 'on' }), new Date(NOW.getTime() + DAY))
    expect(again).toEqual({ ok: true, value: { partyId: first.value.partyId, reactivated: true } })
    expect(await db.interestedParty.findUniqueOrThrow({ where: { id: first.value.partyId } })).toMatchObject({ removedAt: null, listedPublicly: true })
  })

  it('keeps one entry when the same person asks twice at once', async () => {
    const ministry = await institution()
    const actor = await actorOf(await person('dvaput'))
    const results = await Promise.all([askToBeListed(db, actor, ministry.slug, ask(), NOW), askToBeListed(db, actor, ministry.slug, ask(), NOW)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'already-listed' }])
    expect(await db.interestedParty.count()).toBe(1)
  })
})

describe('addByStaff', () => {
  it('lets the institution’s staff, its coordinator and administrators enter written requests', async () => {
    const ministry = await institution()
    for (const actor of [await staffOf(ministry.id), await staffOf(ministry.id, 'coordinator'), await actorOf(await person('admin', undefined, 'admin'))]) {
      const result = await addByStaff(db, actor, ministry.slug, written(), NOW)
      expect(result.ok).toBe(true)
    }
    const parties = await db.interestedParty.findMany({ where: { institutionId: ministry.id } })
    expect(parties.map((p) => [p.source, p.userId])).toEqual([['staff', null], ['staff', null], ['staff', null]])
  })

  it('refuses everyone else and writes nothing', async () => {
    const ministry = await institution()
    const other = await institution()
    const refused: Actor[] = [
      ANONYMOUS,
      await actorOf(await person('gradjanin')),
      await staffOf(ministry.id, 'member'),
      await staffOf(ministry.id, 'representative'),
      await staffOf(other.id),
    ]
    for (const actor of refused) expect(await addByStaff(db, actor, ministry.slug, written(), NOW)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await db.interestedParty.count()).toBe(0)
    expect(await db.auditEvent.count({ where: { action: 'interested-party.added' } })).toBe(0)
  })

  it('names organisations publicly, and individuals only if their request says so', async () => {
    const ministry = await institution()
    const staff = await staffOf(ministry.id)
    await addByStaff(db, staff, ministry.slug, written({ name: 'Mladen Jurić', category: 'ngo', organisationName: 'Sindikat' }), NOW)
    await addByStaff(db, staff, ministry.slug, written({ name: 'Amra Hodžić', listedPublicly: 'on' }), NOW)
    await addByStaff(db, staff, ministry.slug, written({ name: 'Jasmin Mujić' }), NOW)
    const list = await publicList(db, ministry.slug)
    expect(list.ok && list.value).toMatchObject({ organisations: [{ name: 'Sindikat', category: 'ngo' }], individuals: ['Amra Hodžić'], unnamedIndividuals: 1, total: 3 })
  })

  it('says already-listed for an address on the list', async () => {
    const ministry = await institution()
    const staff = await staffOf(ministry.id)
    await addByStaff(db, staff, ministry.slug, written({ email: 'ista@example.ba' }), NOW)
    expect(await addByStaff(db, staff, ministry.slug, written({ email: 'ISTA@example.ba' }), NOW)).toEqual({ ok: false, reason: 'already-listed' })
  })
})

describe('removeParty', () => {
  it('lets staff take an entry off; it stays as a row with removedAt, off every list', async () => {
    const ministry = await institution()
    const staff = await staffOf(ministry.id)
    const added = await addByStaff(db, staff, ministry.slug, written({ listedPublicly: 'on' }), NOW)
    if (!added.ok) throw new Error(added.reason)
    expect(await removeParty(db, staff, ministry.slug, added.value.partyId, NOW)).toEqual({ ok: true, value: { name: 'Amra Hodžić', bySelf: false } })
    expect((await db.interestedParty.findUniqueOrThrow({ where: { id: added.value.partyId } })).removedAt).toEqual(NOW)
    const list = await publicList(db, ministry.slug)
    expect(list.ok && list.value).toMatchObject({ individuals: [], total: 0 })
    const full = await staffList(db, staff, ministry.slug)
    expect(full.ok && full.value.parties).toEqual([])
    expect(await removeParty(db, staff, ministry.slug, added.value.partyId, NOW)).toEqual({ ok: false, reason: 'not-found' })
  })

  it('lets the person take themself off, also an entry staff made for their address', async () => {
    const ministry = await institution()
    const user = await person('sama')
    const actor = await actorOf(user)
    const added = await addByStaff(db, await staffOf(ministry.id), ministry.slug, written({ email: user.email! }), NOW)
    if (!added.ok) throw new Error(added.reason)
    const page = await interestedPartiesPage(db, actor, ministry.slug)
    expect(page.ok && page.value.own?.partyId).toBe(added.value.partyId)
    expect(await removeParty(db, actor, ministry.slug, added.value.partyId, NOW)).toEqual({ ok: true, value: { name: 'Amra Hodžić', bySelf: true } })
    const events = await db.auditEvent.findMany({ where: { action: 'interested-party.removed' } })
    expect(events.map((e) => [e.actorId, (e.data as { by: string }).by])).toEqual([[user.id, 'self']])
  })

  it('refuses anyone else, and entries of another institution’s list', async () => {
    const ministry = await institution()
    const other = await institution()
    const owner = await actorOf(await person('vlasnik'))
    const mine = await askToBeListed(db, owner, ministry.slug, ask(), NOW)
    if (!mine.ok) throw new Error(mine.reason)
    for (const actor of [ANONYMOUS, await actorOf(await person('drugi')), await staffOf(ministry.id, 'member'), await staffOf(other.id)]) {
      expect(await removeParty(db, actor, ministry.slug, mine.value.partyId, NOW)).toEqual({ ok: false, reason: 'forbidden' })
    }
    expect(await removeParty(db, await staffOf(other.id), other.slug, mine.value.partyId, NOW)).toEqual({ ok: false, reason: 'not-found' })
    expect((await db.interestedParty.findUniqueOrThrow({ where: { id: mine.value.partyId } })).removedAt).toBeNull()
  })
})

describe('what the public and the staff see', () => {
  it('never gives the public an e-mail address; staff see them all', async () => {
    const ministry = await institution()
    const staff = await staffOf(ministry.id)
    await addByStaff(db, staff, ministry.slug, written({ email: 'skrivena@example.ba', listedPublicly: 'on' }), NOW)
    await addByStaff(db, staff, ministry.slug, written({ email: 'udruzenje@example.ba', category: 'ngo', organisationName: 'Udruženje' }), NOW)
    const citizen = await actorOf(await person('gradjanin'))
    for (const actor of [ANONYMOUS, citizen, await staffOf(ministry.id, 'member')]) {
      const page = await interestedPartiesPage(db, actor, ministry.slug)
      if (!page.ok) throw new Error(page.reason)
      expect(page.value.staff).toBeNull()
      expect(JSON.stringify(page.value.list)).not.toContain('@')
      expect(await staffList(db, actor, ministry.slug)).toEqual({ ok: false, reason: 'forbidden' })
    }
    const page = await interestedPartiesPage(db, staff, ministry.slug)
    expect(page.ok && page.value.staff?.map((p) => p.email)).toEqual(['udruzenje@example.ba', 'skrivena@example.ba'])
  })

  it('exports the list as CSV for staff only, with an audit event', async () => {
    const ministry = await institution()
    const staff = await staffOf(ministry.id)
    await addByStaff(db, staff, ministry.slug, written({ name: 'Šemsa Ćatić', email: 'semsa@example.ba' }), NOW)
    expect(await exportInterestedParties(db, await actorOf(await person('gradjanin')), ministry.slug, labels, NOW)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await exportInterestedParties(db, ANONYMOUS, ministry.slug, labels, NOW)).toEqual({ ok: false, reason: 'forbidden' })
    const result = await exportInterestedParties(db, staff, ministry.slug, labels, NOW)
    if (!result.ok) throw new Error(result.reason)
    expect(result.value.csv.startsWith('\uFEFFname;organisation;category;email;')).toBe(true)
    expect(result.value.csv).toContain('Šemsa Ćatić;;citizen;semsa@example.ba;ne;staff;')
    expect(await db.auditEvent.count({ where: { action: 'interested-parties.exported', actorId: staff.userId } })).toBe(1)
  })
})

describe('inviteInterestedParties', () => {
  async function listWith(ministryId: string, slug: string, count: number) {
    const staff = await staffOf(ministryId)
    for (let i = 0; i < count; i++) await addByStaff(db, staff, slug, written({ name: `Osoba ${i}` }), NOW)
    return staff
  }

  it('invites every party on the list once, with what the e-mail needs', async () => {
    const ministry = await institution()
    await listWith(ministry.id, ministry.slug, 3)
    const r = await round(ministry.id)
    const result = await inviteInterestedParties(db, r.id, NOW)
    if (!result.ok) throw new Error(result.reason)
    expect(result.value).toHaveLength(3)
    expect(result.value[0]).toEqual({
      partyId: expect.any(String), to: expect.stringMatching(/@example\.ba$/), name: 'Osoba 0', locale: null,
      institution: ministry.name, institutionSlug: ministry.slug, roundTitle: r.title, draftTitle: expect.stringMatching(/^Zakon o testiranju/),
      draftLanguage: 'bs', draftScript: 'latn', opensAt: r.opensAt, closesAt: r.closesAt, path: `/rounds/${r.id}`, leaveToken: expect.any(String),
    })
    expect(await db.roundInvitation.count({ where: { roundId: r.id } })).toBe(3)
  })

  it('invites nobody twice when called again, and invites parties added since', async () => {
    const ministry = await institution()
    const staff = await listWith(ministry.id, ministry.slug, 2)
    const r = await round(ministry.id)
    await inviteInterestedParties(db, r.id, NOW)
    expect(await inviteInterestedParties(db, r.id, NOW)).toEqual({ ok: true, value: [] })
    await addByStaff(db, staff, ministry.slug, written({ name: 'Kasnije dodana' }), NOW)
    const later = await inviteInterestedParties(db, r.id, new Date(NOW.getTime() + DAY))
    expect(later.ok && later.value.map((e) => e.name)).toEqual(['Kasnije dodana'])
    expect(await db.roundInvitation.count({ where: { roundId: r.id } })).toBe(3)
  })

  it('does not invite parties taken off the list, nor those of other institutions', async () => {
    const ministry = await institution()
    const other = await institution()
    const staff = await listWith(ministry.id, ministry.slug, 2)
    await listWith(other.id, other.slug, 2)
    const removed = await db.interestedParty.findFirstOrThrow({ where: { institutionId: ministry.id, name: 'Osoba 0' } })
    await removeParty(db, staff, ministry.slug, removed.id, NOW)
    const result = await inviteInterestedParties(db, (await round(ministry.id)).id, NOW)
    expect(result.ok && result.value.map((e) => e.name)).toEqual(['Osoba 1'])
  })

  it('invites each party exactly once when called several times at once', async () => {
    const ministry = await institution()
    await listWith(ministry.id, ministry.slug, 5)
    const r = await round(ministry.id)
    const results = await Promise.all([1, 2, 3].map(() => inviteInterestedParties(db, r.id, NOW)))
    const sent = results.flatMap((res) => (res.ok ? res.value.map((e) => e.partyId) : []))
    expect(sent).toHaveLength(5)
    expect(new Set(sent).size).toBe(5)
    expect(await db.roundInvitation.count({ where: { roundId: r.id } })).toBe(5)
  })

  it('invites each party exactly once when two app instances (two processes) notice the opening at once', async () => {
    const ministry = await institution()
    await listWith(ministry.id, ministry.slug, 20)
    const r = await round(ministry.id)
    // Both processes load, open the database, then start at the same moment.
    const startAt = String(Date.now() + 4_000)
    const instance = () =>
      run(process.execPath, ['--import', 'tsx', WORKER, file, r.id, NOW.toISOString(), startAt], { cwd: ROOT }).then(({ stdout }) => JSON.parse(stdout) as string[])
    const [a, b] = await Promise.all([instance(), instance()])
    const sent = [...a, ...b]
    expect(sent).toHaveLength(20)
    expect(new Set(sent).size).toBe(20)
    expect(await db.roundInvitation.count({ where: { roundId: r.id } })).toBe(20)
  })

  it('refuses a round that is not open, and one that does not exist', async () => {
    const ministry = await institution()
    await listWith(ministry.id, ministry.slug, 1)
    const planned = await round(ministry.id, { opensAt: new Date(NOW.getTime() + DAY) })
    const closed = await round(ministry.id, { opensAt: new Date(NOW.getTime() - 40 * DAY), closesAt: new Date(NOW.getTime() - DAY) })
    const openedByHand = await round(ministry.id, { opensAt: new Date(NOW.getTime() + DAY), state: 'open' })
    expect(await inviteInterestedParties(db, planned.id, NOW)).toEqual({ ok: false, reason: 'round-not-open' })
    expect(await inviteInterestedParties(db, closed.id, NOW)).toEqual({ ok: false, reason: 'round-not-open' })
    expect(await inviteInterestedParties(db, 'nema-ga', NOW)).toEqual({ ok: false, reason: 'round-not-found' })
    expect((await inviteInterestedParties(db, openedByHand.id, NOW)).ok).toBe(true)
    expect(await db.roundInvitation.count()).toBe(1)
  })
})

describe('sendInvitations', () => {
  it('sends one e-mail per invited party after recording the invitations, in the person’s language, and none the second time', async () => {
    const ministry = await institution()
    const staff = await staffOf(ministry.id)
    await addByStaff(db, staff, ministry.slug, written({ email: 'pismo@example.ba' }), NOW)
    const english = await db.user.create({ data: { email: `english-${n++}@example.ba`, name: 'Jane Doe', locale: 'en', emailVerifiedAt: NOW } })
    await askToBeListed(db, await actorOf(english), ministry.slug, ask(), NOW)
    const r = await round(ministry.id)
    const sent: Mail[] = []
    const services = institutionServices({ db, mailer: { send: async (mail) => void sent.push(mail) }, clock: () => NOW })
    expect(await services.sendInvitations(r.id, 'https://nacrt.example.ba/')).toEqual({ ok: true, value: { invited: 2, failed: 0 } })
    expect(sent.map((m) => m.to).sort()).toEqual([english.email, 'pismo@example.ba'].sort())
    const bosnian = sent.find((m) => m.to === 'pismo@example.ba')!
    expect(bosnian.subject).toMatch(/^Poziv na javne konsultacije/)
    expect(bosnian.text).toContain(`https://nacrt.example.ba/rounds/${r.id}`)
    expect(sent.find((m) => m.to === english.email)!.subject).toMatch(/^Invitation to a public consultation/)
    expect(await services.sendInvitations(r.id, 'https://nacrt.example.ba')).toEqual({ ok: true, value: { invited: 0, failed: 0 } })
    expect(sent).toHaveLength(2)
  })
})

describe('leaving the list through the link in an invitation', () => {
  it('carries a link of its own in every invitation that takes the party off, without an account, and only a hash is stored', async () => {
    const ministry = await institution()
    const staff = await staffOf(ministry.id)
    await addByStaff(db, staff, ministry.slug, written({ email: 'odlazi@example.ba' }), NOW)
    await addByStaff(db, staff, ministry.slug, written({ email: 'ostaje@example.ba' }), NOW)
    const r = await round(ministry.id)
    const sent: Mail[] = []
    const services = institutionServices({ db, mailer: { send: async (mail) => void sent.push(mail) }, clock: () => NOW })
    await services.sendInvitations(r.id, 'https://nacrt.example.ba')
    const links = sent.map((m) => m.text.match(/https:\/\/nacrt\.example\.ba\/interested-parties\/leave\?token=(\S+)/)?.[1])
    expect(links.every(Boolean)).toBe(true)
    expect(new Set(links).size).toBe(2)
    const mail = sent.find((m) => m.to === 'odlazi@example.ba')!
    const token = decodeURIComponent(mail.text.match(/leave\?token=(\S+)/)![1]!)
    const invitation = await db.roundInvitation.findFirstOrThrow({ where: { party: { email: 'odlazi@example.ba' } } })
    expect(invitation.leaveTokenHash).toBe(hashToken(token))

    const later = new Date(NOW.getTime() + DAY)
    expect(await leaveByLink(db, token, later)).toEqual({ ok: true, value: { institution: { id: ministry.id, slug: ministry.slug, name: ministry.name }, alreadyOff: false } })
    const party = await db.interestedParty.findFirstOrThrow({ where: { email: 'odlazi@example.ba' } })
    expect(party.removedAt).toEqual(later)
    const events = await db.auditEvent.findMany({ where: { objectId: party.id, action: 'interested-party.removed' } })
    expect(events.map((e) => [e.actorId, (e.data as { by: string }).by])).toEqual([[null, 'invitation-link']])
    // Again: already off, nothing more recorded; the other party stays; an unknown link is refused.
    expect(await leaveByLink(db, token, later)).toEqual({ ok: true, value: expect.objectContaining({ alreadyOff: true }) })
    expect(await db.auditEvent.count({ where: { objectId: party.id, action: 'interested-party.removed' } })).toBe(1)
    expect(await db.interestedParty.count({ where: { institutionId: ministry.id, removedAt: null } })).toBe(1)
    expect(await leaveByLink(db, 'nepoznat-token-1234567890', later)).toEqual({ ok: false, reason: 'invalid-token' })
  })
})

describe('asking by e-mail, without an account', () => {
  const MAIL = { baseUrl: 'https://nacrt.example.ba', locale: 'hr' }
  const emailRequest = (fields: Record<string, string> = {}) =>
    EmailListingRequest.parse({ name: 'Ivana Anić', email: `ivana-${n++}@example.ba`, category: 'citizen', consentToBeKept: 'on', ...fields })
  function setup(clock: () => Date = () => NOW, limits = { listingRequestsPerIpPerHour: 3 }) {
    const sent: Mail[] = []
    const rateLimits = createRateLimits(db, { commentsPerAccountPer10Min: 100, commentsPerIpPer10Min: 100, ...limits })
    const services = institutionServices({ db, mailer: { send: async (mail) => void sent.push(mail) }, clock, rateLimits })
    return { sent, services }
  }
  const tokenOf = (mail: Mail) => decodeURIComponent(mail.text.match(/confirm\?token=(\S+)/)![1]!)

  it('stores a pending request with only the token’s hash, and e-mails one link in the visitor’s language', async () => {
    const ministry = await institution()
    const { sent, services } = setup()
    const input = emailRequest({ email: 'Ivana.Anic@Example.ba', listedPublicly: 'on' })
    expect(await services.requestListing(ministry.slug, input, { clientIp: '10.1.0.1', mail: MAIL })).toEqual({ ok: true })
    expect(sent).toHaveLength(1)
    expect(sent[0]!.to).toBe('ivana.anic@example.ba')
    expect(sent[0]!.subject).toBe(`Potvrdite upis na popis: ${ministry.name}`)
    expect(sent[0]!.text).toContain('https://nacrt.example.ba/interested-parties/confirm?token=')
    const token = tokenOf(sent[0]!)
    const pending = await db.pendingListing.findMany()
    expect(pending).toHaveLength(1)
    expect(pending[0]).toMatchObject({
      institutionId: ministry.id, name: 'Ivana Anić', email: 'ivana.anic@example.ba', category: 'citizen', listedPublicly: true,
      tokenHash: hashToken(token), confirmedAt: null, expiresAt: new Date(NOW.getTime() + LISTING_CONFIRMATION_TTL_MS),
    })
    expect(JSON.stringify(pending)).not.toContain(token)
    // Nothing is on the list until the link is opened.
    expect(await db.interestedParty.count()).toBe(0)
  })

  it('puts the entry on the list once on confirmation, with the consent and the time in the audit log', async () => {
    const ministry = await institution()
    const { sent, services } = setup()
    await services.requestListing(ministry.slug, emailRequest({ listedPublicly: 'on' }), { clientIp: '10.1.0.2', mail: MAIL })
    const token = tokenOf(sent[0]!)
    const later = new Date(NOW.getTime() + DAY)
    const result = await confirmListing(db, token, later)
    expect(result).toEqual({ ok: true, value: { partyId: expect.any(String), reactivated: false, institution: { id: ministry.id, slug: ministry.slug, name: ministry.name } } })
    const party = await db.interestedParty.findFirstOrThrow({ where: { institutionId: ministry.id } })
    expect(party).toMatchObject({ userId: null, name: 'Ivana Anić', source: 'self', listedPublicly: true, category: 'citizen', createdAt: later })
    const events = await db.auditEvent.findMany({ where: { objectType: 'interested-party', objectId: party.id } })
    expect(events.map((e) => [e.action, e.actorId, e.data])).toEqual([[
      'interested-party.added', null,
      expect.objectContaining({ source: 'self', by: 'email-confirmation', consentToBeKept: true, askedAt: NOW.toISOString(), confirmedAt: later.toISOString() }),
    ]])
    const list = await publicList(db, ministry.slug)
    expect(list.ok && list.value.individuals).toEqual(['Ivana Anić'])
    // The pending request's copy of the name and address is gone; the link works once.
    const pending = await db.pendingListing.findFirstOrThrow()
    expect(pending).toMatchObject({ name: '', email: '', confirmedAt: later })
    expect(await confirmListing(db, token, later)).toEqual({ ok: false, reason: 'used-token' })
    expect(await db.interestedParty.count()).toBe(1)
  })

  it('confirms once when the link is opened twice at the same moment', async () => {
    const ministry = await institution()
    const { sent, services } = setup()
    await services.requestListing(ministry.slug, emailRequest(), { clientIp: '10.1.0.3', mail: MAIL })
    const token = tokenOf(sent[0]!)
    const results = await Promise.all([confirmListing(db, token, NOW), confirmListing(db, token, NOW)])
    expect(results.filter((r) => r.ok)).toHaveLength(1)
    expect(await db.interestedParty.count()).toBe(1)
    expect(await db.auditEvent.count({ where: { action: 'interested-party.added' } })).toBe(1)
  })

  it('refuses unknown and expired links, and deletes expired requests', async () => {
    const ministry = await institution()
    const { sent, services } = setup()
    await services.requestListing(ministry.slug, emailRequest(), { clientIp: '10.1.0.4', mail: MAIL })
    const token = tokenOf(sent[0]!)
    expect(await confirmListing(db, 'nepoznat-token-1234567890', NOW)).toEqual({ ok: false, reason: 'invalid-token' })
    const expired = new Date(NOW.getTime() + LISTING_CONFIRMATION_TTL_MS)
    expect(await confirmListing(db, token, expired)).toEqual({ ok: false, reason: 'expired-token' })
    expect(await db.interestedParty.count()).toBe(0)
    // The next request deletes what has expired: the name and address are kept no longer.
    const { services: later } = setup(() => expired)
    await later.requestListing(ministry.slug, emailRequest(), { clientIp: '10.1.0.4', mail: MAIL })
    expect(await db.pendingListing.count({ where: { tokenHash: hashToken(token) } })).toBe(0)
    expect(await confirmListing(db, token, expired)).toEqual({ ok: false, reason: 'invalid-token' })
  })

  it('keeps nothing and sends nothing when the hidden field is filled', async () => {
    const ministry = await institution()
    const { sent, services } = setup()
    expect(await services.requestListing(ministry.slug, emailRequest({ website: 'https://spam.example' }), { clientIp: '10.1.0.5', mail: MAIL })).toEqual({ ok: true })
    expect(sent).toHaveLength(0)
    expect(await db.pendingListing.count()).toBe(0)
  })

  it('answers the same for an address already on the list, and says so only on confirmation', async () => {
    const ministry = await institution()
    const staff = await staffOf(ministry.id)
    await addByStaff(db, staff, ministry.slug, written({ email: 'vec@example.ba' }), NOW)
    const { sent, services } = setup()
    expect(await services.requestListing(ministry.slug, emailRequest({ email: 'vec@example.ba' }), { clientIp: '10.1.0.6', mail: MAIL })).toEqual({ ok: true })
    expect(sent).toHaveLength(1)
    expect(await confirmListing(db, tokenOf(sent[0]!), NOW)).toEqual({ ok: false, reason: 'already-listed' })
    expect(await db.interestedParty.count()).toBe(1)
  })

  it('puts back an entry taken off earlier, and lists an organisation by name', async () => {
    const ministry = await institution()
    const staff = await staffOf(ministry.id)
    const { sent, services } = setup()
    await services.requestListing(ministry.slug, emailRequest({ email: 'udruga@example.ba', category: 'ngo', organisationName: 'Udruga Vidik' }), { clientIp: '10.1.0.7', mail: MAIL })
    const first = await confirmListing(db, tokenOf(sent[0]!), NOW)
    if (!first.ok) throw new Error(first.reason)
    await removeParty(db, staff, ministry.slug, first.value.partyId, NOW)
    await services.requestListing(ministry.slug, emailRequest({ email: 'udruga@example.ba', category: 'ngo', organisationName: 'Udruga Vidik' }), { clientIp: '10.1.0.7', mail: MAIL })
    expect(await confirmListing(db, tokenOf(sent[1]!), NOW)).toEqual({ ok: true, value: expect.objectContaining({ partyId: first.value.partyId, reactivated: true }) })
    const list = await publicList(db, ministry.slug)
    expect(list.ok && list.value.organisations).toEqual([{ name: 'Udruga Vidik', category: 'ngo' }])
  })

  it('refuses an organisation without its name, and a request without consent', () => {
    expect(EmailListingRequest.safeParse({ name: 'Ivana', email: 'i@example.ba', category: 'ngo', consentToBeKept: 'on' }).error?.issues.map((i) => i.message)).toEqual(['errors.parties.organisationRequired'])
    expect(EmailListingRequest.safeParse({ name: 'Ivana', email: 'i@example.ba', category: 'citizen' }).error?.issues.map((i) => i.message)).toEqual(['errors.parties.consentRequired'])
  })

  it('refuses a list that does not exist', async () => {
    const ngo = await institution('ngo')
    const { sent, services } = setup()
    expect(await services.requestListing(ngo.slug, emailRequest(), { clientIp: '10.1.0.8', mail: MAIL })).toEqual({ ok: false, reason: 'not-found' })
    expect(sent).toHaveLength(0)
    expect(await db.pendingListing.count()).toBe(0)
  })

  it('limits requests per client address, and links per recipient, keeping nothing beyond them', async () => {
    const ministry = await institution()
    const { sent, services } = setup(() => NOW, { listingRequestsPerIpPerHour: 2 })
    const ip = '10.1.0.9'
    expect(await services.requestListing(ministry.slug, emailRequest(), { clientIp: ip, mail: MAIL })).toEqual({ ok: true })
    expect(await services.requestListing(ministry.slug, emailRequest(), { clientIp: ip, mail: MAIL })).toEqual({ ok: true })
    const refused = await services.requestListing(ministry.slug, emailRequest(), { clientIp: ip, mail: MAIL })
    expect(refused).toEqual({ ok: false, reason: 'rate-limited', retryAfter: expect.any(Number) })
    expect(sent).toHaveLength(2)
    // One address written to: three links a day, then the same answer and no more e-mail.
    const target = 'meta@example.ba'
    for (const [i, expected] of [[1, 1], [2, 2], [3, 3], [4, 3]] as const) {
      expect(await services.requestListing(ministry.slug, emailRequest({ email: target }), { clientIp: `10.2.0.${i}`, mail: MAIL })).toEqual({ ok: true })
      expect(sent.filter((m) => m.to === target)).toHaveLength(expected)
    }
    expect(await db.pendingListing.count({ where: { email: target } })).toBe(3)
  })
})

describe('the sample data', () => {
  it('gives the ministry a public list with organisations, named and counted individuals, and invitations to its open round', async () => {
    await seed(db, NOW)
    const list = await publicList(db, 'fmrsp')
    if (!list.ok) throw new Error(list.reason)
    expect(list.value.organisations.map((o) => o.name)).toContain('SOS Dječija sela BiH')
    expect(list.value.individuals).toEqual(['Amra Hodžić'])
    expect(list.value.unnamedIndividuals).toBe(2)
    const r = await db.round.findFirstOrThrow({ where: { draft: { owner: { slug: 'fmrsp' } } } })
    const invited = await db.roundInvitation.count({ where: { roundId: r.id } })
    expect(invited).toBeGreaterThan(0)
    // Those added since the round opened are invited when it is next swept; nobody twice.
    const result = await inviteInterestedParties(db, r.id, NOW)
    expect(result.ok && result.value.map((e) => e.name).sort()).toEqual(['Marija Perić', 'Mladen Jurić'])
  })
})
