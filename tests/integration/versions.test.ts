import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { loadActor, type Actor } from '../../accounts/actor.ts'
import { listVersions, saveVersion } from '../../drafting/versions.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const SLUG = 'zakon-o-socijalnim-uslugama'
let db: Db
let cleanup: () => Promise<void>

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
  await seed(db, NOW)
})
afterEach(async () => {
  await cleanup()
})

const actorFor = async (email: string): Promise<Actor> => loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id)

describe('named versions', () => {
  it('freezes the working copy as the next version, with author and note', async () => {
    const editor = await actorFor('dragan.kovacevic@fmrsp.example.ba')
    const result = await saveVersion(db, editor, SLUG, { name: 'Radni materijal 3', note: 'Nakon sjednice radne grupe' }, NOW)
    expect(result.ok && result.value.seq).toBe(3)
    const versions = await listVersions(db, SLUG)
    expect(versions?.[0]).toMatchObject({ seq: 3, name: 'Radni materijal 3', note: 'Nakon sjednice radne grupe', author: 'Dragan Kovačević' })
    const saved = await db.version.findFirstOrThrow({ where: { seq: 3 } })
    const working = await db.workingCopy.findFirstOrThrow({ where: { draft: { slug: SLUG } } })
    expect(saved.doc).toEqual(working.doc)
    expect(await db.auditEvent.count({ where: { action: 'version.saved', objectId: saved.id } })).toBe(1)
  })

  it('refuses a citizen, and a name the draft already has', async () => {
    const citizen = await actorFor('gradjanin@nacrt.example.ba')
    expect(await saveVersion(db, citizen, SLUG, { name: 'Moja verzija', note: null }, NOW)).toEqual({ ok: false, reason: 'forbidden' })
    const editor = await actorFor('dragan.kovacevic@fmrsp.example.ba')
    expect(await saveVersion(db, editor, SLUG, { name: 'Radni materijal 1', note: null }, NOW)).toEqual({ ok: false, reason: 'name-taken' })
    expect(await db.version.count({ where: { draft: { slug: SLUG } } })).toBe(2)
  })

  it('gives two versions saved at the same moment different numbers', async () => {
    const editor = await actorFor('dragan.kovacevic@fmrsp.example.ba')
    const [a, b] = await Promise.all([
      saveVersion(db, editor, SLUG, { name: 'Istovremena A', note: null }, NOW),
      saveVersion(db, editor, SLUG, { name: 'Istovremena B', note: null }, NOW),
    ])
    expect(a.ok && b.ok).toBe(true)
    expect(new Set([a.ok && a.value.seq, b.ok && b.value.seq])).toEqual(new Set([3, 4]))
  })
})

describe('comparing versions', () => {
  it('compares the two sample versions by article identity', async () => {
    const { compareVersions } = await import('../../drafting/comparison.ts')
    const result = await compareVersions(db, SLUG, 1, 2)
    if (!result.ok) throw new Error(result.reason)
    const { summary, articles } = result.value.diff
    expect(summary.added).toBe(2)
    expect(summary.deleted).toBe(1)
    expect(summary.moved).toBe(1)
    expect(summary.renumbered).toBeGreaterThan(10)
    const dayCare = articles.find((a) => a.heading === 'Dnevni boravak')!
    const changes = dayCare.paragraphs.flatMap((p) => p.changes)
    expect(changes.some((c) => c.type === 'insert' && c.text.includes('teškoćama') && c.kind === 'diacritics')).toBe(true)
    expect(result.value.amendment.articles.length).toBeGreaterThan(3)
  })

  it('says which version is missing', async () => {
    const { compareVersions } = await import('../../drafting/comparison.ts')
    expect(await compareVersions(db, SLUG, 1, 7)).toEqual({ ok: false, reason: 'version-not-found' })
    expect(await compareVersions(db, 'nema-ga', 1, 2)).toEqual({ ok: false, reason: 'draft-not-found' })
  })
})
