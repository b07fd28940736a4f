import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import { readDraft } from '../../drafting/reading.ts'
import { listDrafts } from '../../consultation/draft-listing.ts'
import { loadDocument } from '../../drafting/document.ts'
import type { Db } from '../../drafting/db.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
let db: Db
let cleanup: () => Promise<void>

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
})
afterEach(async () => {
  await cleanup()
})

describe('the sample data', () => {
  it('seeds a law of at least 60 articles with two versions and an open round with comments', async () => {
    expect(await seed(db, NOW)).toBe('seeded')
    const reading = await readDraft(db, 'zakon-o-socijalnim-uslugama')
    if (!reading.ok) throw new Error(reading.reason)
    expect(reading.value.outline.articleCount).toBeGreaterThanOrEqual(60)
    expect(reading.value.versions.map((v) => v.seq)).toEqual([2, 1])
    expect(reading.value.outline.toc.length).toBeGreaterThanOrEqual(5)

    const draft = (await listDrafts(db, NOW)).find((d) => d.slug === 'zakon-o-socijalnim-uslugama')
    expect(draft?.state).toBe('in-consultation')
    expect(draft?.openRound?.commentCount).toBeGreaterThanOrEqual(10)
    const organisations = await db.comment.count({ where: { organisationId: { not: null } } })
    expect(organisations).toBeGreaterThan(0)
  })

  it('never touches a database that already has data', async () => {
    await db.organisation.create({ data: { slug: 'x', name: 'Postojeća organizacija', kind: 'ngo' } })
    expect(await seed(db, NOW)).toBe('skipped')
    expect(await db.draft.count()).toBe(0)
    expect(await db.organisation.count()).toBe(1)
  })

  it('is idempotent: a second run changes nothing', async () => {
    await seed(db, NOW)
    const before = await db.comment.count()
    expect(await seed(db, NOW)).toBe('skipped')
    expect(await db.comment.count()).toBe(before)
    expect(await db.version.count()).toBe(3)
  })

  it('keeps article identity between the two versions, so renumbered articles keep their ids', async () => {
    await seed(db, NOW)
    const versions = await db.version.findMany({ where: { draft: { slug: 'zakon-o-socijalnim-uslugama' } }, orderBy: { seq: 'asc' } })
    const ids = (json: unknown) => {
      const out: string[] = []
      loadDocument(json).descendants((n) => {
        if (n.type.name === 'article') out.push(n.attrs.id as string)
        return true
      })
      return out
    }
    const v1 = ids(versions[0]!.doc)
    const v2 = ids(versions[1]!.doc)
    const shared = v2.filter((id) => v1.includes(id))
    // All but the inserted articles are the same articles; some moved to a new number.
    expect(shared.length).toBeGreaterThanOrEqual(v2.length - 3)
    expect(shared.some((id) => v1.indexOf(id) !== v2.indexOf(id))).toBe(true)
  })

  it('targets every article comment at a unit that exists in the consulted version', async () => {
    await seed(db, NOW)
    const round = await db.round.findFirstOrThrow({ include: { version: true, comments: true } })
    const ids = new Set<string>()
    loadDocument(round.version.doc).descendants((n) => {
      if (n.attrs.id) ids.add(n.attrs.id as string)
      return true
    })
    for (const c of round.comments) {
      if (c.targetKind === 'draft') expect(c.targetNodeId).toBeNull()
      else expect(ids.has(c.targetNodeId!)).toBe(true)
    }
  })
})

describe('readDraft', () => {
  it('says draft-not-found for an unknown slug and version-not-found for a missing version', async () => {
    await seed(db, NOW)
    expect(await readDraft(db, 'nema-ga')).toEqual({ ok: false, reason: 'draft-not-found' })
    expect(await readDraft(db, 'zakon-o-socijalnim-uslugama', { versionSeq: 9 })).toEqual({ ok: false, reason: 'version-not-found' })
  })
  it('opens an earlier version on request', async () => {
    await seed(db, NOW)
    const v1 = await readDraft(db, 'zakon-o-socijalnim-uslugama', { versionSeq: 1 })
    expect(v1.ok && v1.value.version.name).toBe('Radni materijal 1')
  })
})

describe('reading a draft in the other script', () => {
  it('shows a Latin draft in Cyrillic, labels and title included, and keeps the ids', async () => {
    await seed(db, NOW)
    const latin = await readDraft(db, 'zakon-o-socijalnim-uslugama')
    const cyrillic = await readDraft(db, 'zakon-o-socijalnim-uslugama', { script: 'cyrl' })
    if (!latin.ok || !cyrillic.ok) throw new Error('not readable')
    expect(cyrillic.value.script).toBe('cyrl')
    expect(cyrillic.value.draft.title).toBe('Закон о социјалним услугама у Федерацији Босне и Херцеговине')
    const first = cyrillic.value.outline.body[0]
    expect(first?.kind === 'part' && first.label).toBe('ДИО ПРВИ')
    const article = first?.kind === 'part' ? first.children[0] : undefined
    expect(article?.kind === 'article' && article.label).toBe('Члан 1.')
    const latinArticle = latin.value.outline.body[0]?.kind === 'part' ? latin.value.outline.body[0].children[0] : undefined
    expect(article?.id).toBe(latinArticle?.id)
  })
})

describe('the sample quality standards', () => {
  it('seeds a standards draft read as standards, criteria and indicators, with one version and a working copy', async () => {
    await seed(db, NOW)
    const reading = await readDraft(db, 'standardi-kvaliteta-smjestaj-djece')
    if (!reading.ok) throw new Error(reading.reason)
    expect(reading.value.draft).toMatchObject({ documentType: 'standard', stage: 'prednacrt', owner: 'Federalno ministarstvo rada i socijalne politike' })
    expect(reading.value.versions.map((v) => [v.seq, v.name])).toEqual([[1, 'Radni materijal 1']])
    const standards = reading.value.outline.body.filter((u) => u.kind === 'article')
    expect(standards.length).toBeGreaterThanOrEqual(6)
    expect(standards.length).toBeLessThanOrEqual(8)
    const first = standards[0]!
    expect(first.kind === 'article' && [first.label, first.anchor, first.paragraphs[0]?.label]).toEqual(['Standard 1.', 'clan-1', 'Kriterij 1.1'])
    const indicator = first.kind === 'article' ? first.paragraphs[0]?.blocks.find((b) => b.kind === 'point') : undefined
    expect(indicator?.kind === 'point' && indicator.label).toBe('Indikator 1.1.1')
    for (const s of standards) {
      if (s.kind !== 'article') continue
      expect(s.paragraphs.length).toBeGreaterThanOrEqual(2)
      for (const p of s.paragraphs) expect(p.blocks.filter((b) => b.kind === 'point').length).toBeGreaterThanOrEqual(2)
    }

    const draft = await db.draft.findUniqueOrThrow({ where: { slug: 'standardi-kvaliteta-smjestaj-djece' }, include: { owner: true, assignments: { include: { user: true } }, workingCopy: true } })
    expect(draft.owner.slug).toBe('fmrsp')
    expect(draft.workingCopy).not.toBeNull()
    expect(draft.assignments.map((a) => `${a.role}:${a.user.email}`).sort()).toEqual([
      'editor:dragan.kovacevic@fmrsp.example.ba', 'editor:ivana.maric@example.ba', 'owner:lejla.mehmedovic@fmrsp.example.ba',
    ])

    // The home page lists both drafts, the law (in consultation) first.
    const listed = await listDrafts(db, NOW)
    expect(listed.map((d) => d.slug)).toEqual(['zakon-o-socijalnim-uslugama', 'standardi-kvaliteta-smjestaj-djece'])
    expect(listed[1]?.documentType).toBe('standard')
  })

  it('reads the standards in Cyrillic with Serbian Cyrillic unit names', async () => {
    await seed(db, NOW)
    const reading = await readDraft(db, 'standardi-kvaliteta-smjestaj-djece', { script: 'cyrl' })
    if (!reading.ok) throw new Error(reading.reason)
    const first = reading.value.outline.body[0]
    expect(first?.kind === 'article' && first.label).toBe('Стандард 1.')
  })
})
