// Starting a draft against a real database: who may, what the new draft holds (working
// copy, owner, audit event), how slugs avoid each other, and an imported text kept as read.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor } from '../../accounts/actor.ts'
import { createDraft, listDraftOwnerChoices, slugifyTitle, type DraftCreation } from '../../drafting/drafts.ts'
import { NewDraft } from '../../drafting/inputs.ts'
import { loadDocument } from '../../drafting/document.ts'
import { importLegalText } from '../../drafting/plain-text-import.ts'
import { openWorkingCopy } from '../../drafting/working-copy.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const COORDINATOR = 'lejla.mehmedovic@fmrsp.example.ba'
const STAFF = 'dragan.kovacevic@fmrsp.example.ba'
const ADMIN = 'admin@nacrt.example.ba'
const CITIZEN = 'gradjanin@nacrt.example.ba'
const FIXTURE = path.join('/work/shared/fixtures/laws', 'bih_pravila-za-konsultacije-u-izradi-pravnih-propisa-2017_bs_sluzbenilist-SG-5-17_POCETAK.txt')

let db: Db
let cleanup: () => Promise<void>
let ministryId: string
let n = 0

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
  await seed(db, NOW)
  ministryId = (await db.organisation.findUniqueOrThrow({ where: { slug: 'fmrsp' } })).id
})
afterEach(async () => {
  await cleanup()
})

const actorFor = async (email: string): Promise<Actor> => loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id)

/** A person who is `role` in a new organisation of the given kind and verification. */
async function memberOfNewOrganisation(kind: string, verification: string, role = 'staff'): Promise<{ actor: Actor; organisationId: string }> {
  n++
  const org = await db.organisation.create({ data: { slug: `org-${n}-${Date.now()}`, name: `Organizacija ${n}`, kind, verification } })
  const user = await db.user.create({ data: { email: `person-${n}-${Date.now()}@drafts.example.ba`, name: `Osoba ${n}`, emailVerifiedAt: NOW } })
  await db.membership.create({ data: { userId: user.id, organisationId: org.id, role } })
  return { actor: await loadActor(db, user.id), organisationId: org.id }
}

const input = (overrides: Partial<DraftCreation> = {}): DraftCreation => ({
  title: 'Zakon o zaštiti porodice s djecom',
  documentType: 'law',
  language: 'bs',
  script: 'latn',
  stage: 'prednacrt',
  numberingMode: 'continuous',
  ownerId: ministryId,
  summary: null,
  ...overrides,
})

describe('createDraft', () => {
  it.each([
    ['the coordinator of the owning ministry', COORDINATOR],
    ['staff of the owning ministry', STAFF],
    ['an administrator', ADMIN],
  ])('lets %s start an empty draft: title and one empty article, owned by them, audited', async (_label, email) => {
    const actor = await actorFor(email)
    const created = await createDraft(db, actor, input(), NOW)
    expect(created).toEqual({ ok: true, value: { slug: 'zakon-o-zastiti-porodice-s-djecom' } })

    const draft = await db.draft.findUniqueOrThrow({ where: { slug: 'zakon-o-zastiti-porodice-s-djecom' }, include: { workingCopy: true, assignments: true } })
    expect(draft).toMatchObject({
      title: 'Zakon o zaštiti porodice s djecom', documentType: 'law', language: 'bs', script: 'latn',
      stage: 'prednacrt', numberingMode: 'continuous', ownerId: ministryId, summary: null,
    })
    const doc = loadDocument(draft.workingCopy!.doc)
    expect(doc.childCount).toBe(2)
    expect(doc.firstChild!.type.name).toBe('title')
    expect(doc.firstChild!.textContent).toBe('Zakon o zaštiti porodice s djecom')
    expect(doc.lastChild!.type.name).toBe('article')
    expect(doc.lastChild!.textContent).toBe('')
    expect(draft.workingCopy!.revision).toBe(0)
    expect(draft.assignments.map((a) => [a.userId, a.role])).toEqual([[actor.userId, 'owner']])

    const events = await db.auditEvent.findMany({ where: { action: 'draft.created', objectId: draft.id } })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ actorId: actor.userId, objectType: 'draft', at: NOW })
    expect(events[0]!.data).toMatchObject({ slug: draft.slug, ownerId: ministryId, imported: false })

    // The creator is the owner, so the editor opens for them.
    expect((await openWorkingCopy(db, actor, draft.slug)).ok).toBe(true)
  })

  it('refuses a citizen and an anonymous visitor, and writes nothing', async () => {
    const before = { drafts: await db.draft.count(), events: await db.auditEvent.count({ where: { action: 'draft.created' } }) }
    expect(await createDraft(db, await actorFor(CITIZEN), input(), NOW)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await createDraft(db, ANONYMOUS, input(), NOW)).toEqual({ ok: false, reason: 'forbidden' })
    expect({ drafts: await db.draft.count(), events: await db.auditEvent.count({ where: { action: 'draft.created' } }) }).toEqual(before)
  })

  it('refuses staff of another institution, who may start drafts only for their own', async () => {
    const { actor, organisationId } = await memberOfNewOrganisation('ministry', 'verified')
    expect(await createDraft(db, actor, input(), NOW)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await db.draft.count({ where: { ownerId: ministryId, title: input().title } })).toBe(0)
    expect(await createDraft(db, actor, input({ ownerId: organisationId }), NOW)).toMatchObject({ ok: true })
  })

  it('refuses staff of an unverified ministry, a member who is not staff, and an NGO as owner even for an administrator', async () => {
    const unverified = await memberOfNewOrganisation('ministry', 'requested')
    expect(await createDraft(db, unverified.actor, input({ ownerId: unverified.organisationId }), NOW)).toEqual({ ok: false, reason: 'forbidden' })
    const member = await memberOfNewOrganisation('ministry', 'verified', 'member')
    expect(await createDraft(db, member.actor, input({ ownerId: member.organisationId }), NOW)).toEqual({ ok: false, reason: 'forbidden' })
    const ngo = await memberOfNewOrganisation('ngo', 'verified')
    expect(await createDraft(db, ngo.actor, input({ ownerId: ngo.organisationId }), NOW)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await createDraft(db, await actorFor(ADMIN), input({ ownerId: ngo.organisationId }), NOW)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await createDraft(db, await actorFor(ADMIN), input({ ownerId: 'no-such-organisation' }), NOW)).toEqual({ ok: false, reason: 'forbidden' })
  })

  it('gives drafts with the same title the slugs -2, -3 …, and never the slug of the new-draft page', async () => {
    const actor = await actorFor(COORDINATOR)
    const slugs = []
    for (let i = 0; i < 3; i++) {
      const created = await createDraft(db, actor, input({ title: 'Pravilnik o standardima' }), NOW)
      slugs.push(created.ok ? created.value.slug : created.reason)
    }
    expect(slugs).toEqual(['pravilnik-o-standardima', 'pravilnik-o-standardima-2', 'pravilnik-o-standardima-3'])
    const created = await createDraft(db, actor, input({ title: 'New' }), NOW)
    expect(created).toEqual({ ok: true, value: { slug: 'new-2' } })
  })

  it('makes Latin slugs from Cyrillic titles and keeps long slugs whole words', () => {
    expect(slugifyTitle('ЗАКОН О ЗАШТИТИ ПОРОДИЦЕ СА ДЈЕЦОМ')).toBe('zakon-o-zastiti-porodice-sa-djecom')
    expect(slugifyTitle('Đačke zadruge')).toBe('djacke-zadruge')
    expect(slugifyTitle('…')).toBe('nacrt')
    const long = slugifyTitle('Zakon o izmjenama i dopunama Zakona o osnovama socijalne zaštite, zaštite civilnih žrtava rata i zaštite porodice sa djecom')
    expect(long.length).toBeLessThanOrEqual(80)
    expect(long).toMatch(/^zakon-o-izmjenama-i-dopunama-.*[a-z]$/)
    expect('zakon-o-izmjenama-i-dopunama-zakona-o-osnovama-socijalne-zastite-zastite-civilnih-zrtava-rata').toContain(long)
  })

  it('stores an imported act as it was read, taking its title when none is given', async () => {
    const actor = await actorFor(COORDINATOR)
    const { doc, report } = importLegalText(readFileSync(FIXTURE, 'utf8'), { numbering: 'frozen' })
    expect(report.counts.articles).toBe(3)
    const created = await createDraft(db, actor, input({ title: '', numberingMode: 'frozen', doc: doc.toJSON() }), NOW)
    expect(created).toEqual({ ok: true, value: { slug: 'pravila-za-konsultacije-u-izradi-pravnih-propisa' } })
    const draft = await db.draft.findUniqueOrThrow({ where: { slug: 'pravila-za-konsultacije-u-izradi-pravnih-propisa' }, include: { workingCopy: true } })
    expect(draft.title).toBe('PRAVILA ZA KONSULTACIJE U IZRADI PRAVNIH PROPISA')
    expect(draft.numberingMode).toBe('frozen')
    expect(draft.workingCopy!.doc).toEqual(doc.toJSON())
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: 'draft.created', objectId: draft.id } })
    expect(event.data).toMatchObject({ imported: true })
  })

  it('refuses a document outside the legal schema and writes nothing', async () => {
    const actor = await actorFor(COORDINATOR)
    const bad = { type: 'doc', content: [{ type: 'title', content: [{ type: 'text', text: 'ZAKON' }] }, { type: 'script' }] }
    expect(await createDraft(db, actor, input({ doc: bad }), NOW)).toEqual({ ok: false, reason: 'invalid-document' })
    const noIds = { type: 'doc', content: [{ type: 'title' }, { type: 'article', content: [{ type: 'paragraph', content: [{ type: 'text_block' }] }] }] }
    expect(await createDraft(db, actor, input({ doc: noIds }), NOW)).toEqual({ ok: false, reason: 'invalid-document' })
    expect(await db.draft.count({ where: { title: input().title } })).toBe(0)
  })
})

describe('listDraftOwnerChoices', () => {
  it('offers staff their own institutions and administrators every verified one; citizens none', async () => {
    const other = await memberOfNewOrganisation('public-institution', 'verified')
    await memberOfNewOrganisation('ngo', 'verified')
    expect(await listDraftOwnerChoices(db, await actorFor(COORDINATOR))).toEqual([{ id: ministryId, name: 'Federalno ministarstvo rada i socijalne politike' }])
    expect(await listDraftOwnerChoices(db, other.actor)).toEqual([{ id: other.organisationId, name: expect.any(String) }])
    const institutions = await db.organisation.findMany({ where: { verification: 'verified', kind: { in: ['ministry', 'public-institution'] } }, select: { id: true } })
    const forAdmin = (await listDraftOwnerChoices(db, await actorFor(ADMIN))).map((o) => o.id)
    expect(forAdmin).toEqual(expect.arrayContaining([ministryId, other.organisationId]))
    expect(forAdmin.sort()).toEqual(institutions.map((o) => o.id).sort())
    expect(await listDraftOwnerChoices(db, await actorFor(CITIZEN))).toEqual([])
  })
})

describe('NewDraft', () => {
  const form = { title: 'Zakon', documentType: 'law', language: 'bs', script: 'latn', stage: 'nacrt', numberingMode: 'frozen', ownerId: 'x', csrf: 't' }

  it('reads the form and drops other fields (the file, the CSRF token)', () => {
    const parsed = NewDraft.safeParse({ ...form, file: new File(['x'], 'a.txt') })
    expect(parsed.success && parsed.data).toEqual({ title: 'Zakon', documentType: 'law', language: 'bs', script: 'latn', stage: 'nacrt', numberingMode: 'frozen', ownerId: 'x', summary: null })
  })

  it('allows Cyrillic only for Serbian, and says so with a translation key', () => {
    expect(NewDraft.safeParse({ ...form, language: 'sr', script: 'cyrl' }).success).toBe(true)
    const parsed = NewDraft.safeParse({ ...form, language: 'bs', script: 'cyrl' })
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['script', 'errors.newDraft.cyrillicOnlySerbian']])
  })
})
