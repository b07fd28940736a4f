import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RouterContextProvider } from 'react-router'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor } from '../../accounts/actor.ts'
import { bindServices } from '../../app/.server/services.ts'
import { requestContext, sessionContext } from '../../app/.server/context.ts'
import type { RateLimits } from '../../app/.server/rate-limit.ts'
import { loader } from '../../app/routes/draft-search-index.ts'
import { DRAFT_INDEX_PIPELINE, loadVersionIndex, versionIndexPath } from '../../consultation/search/draft-index.ts'
import { loadDraftIndex, searchDraftIndex } from '../../consultation/search/in-page.ts'

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

const services = () => bindServices({ db, mailer: { send: async () => {} }, rateLimits: {} as RateLimits, clock: () => NOW })
const versionId = async (seq: number) => (await db.version.findFirstOrThrow({ where: { draft: { slug: SLUG }, seq }, select: { id: true } })).id

async function get(url: string) {
  const context = new RouterContextProvider()
  context.set(requestContext, { services: services(), locale: 'bs', cspNonce: 'n', clientIp: '127.0.0.1', secureCookies: false, publicUrl: null })
  context.set(sessionContext, { actor: ANONYMOUS, sessionId: null, csrfSecret: 'secret' })
  const [, slug, seq] = /^\/drafts\/([^/]+)\/versions\/(\d+)\//.exec(url)!
  const request = new Request(`http://localhost${url}`)
  return (await loader({ request, params: { slug: slug!, seq: seq! }, context } as unknown as Parameters<typeof loader>[0])) as Response
}

describe('the in-page search index of a version', () => {
  it('is built and stored when a version is saved', async () => {
    const editor = await loadActor(db, (await db.user.findUniqueOrThrow({ where: { email: 'dragan.kovacevic@fmrsp.example.ba' } })).id)
    const saved = await services().drafting.saveVersion(editor, SLUG, { name: 'Radni materijal 3', note: null })
    if (!saved.ok) throw new Error(saved.reason)
    const stored = await db.versionSearchIndex.findUniqueOrThrow({ where: { versionId: saved.value.id } })
    expect(stored.pipeline).toBe(DRAFT_INDEX_PIPELINE)
    expect(searchDraftIndex(loadDraftIndex(stored.index as object), 'socijalnih usluga').length).toBeGreaterThan(10)
  })

  it('is built on first read for versions that have none (the sample data), then read as stored', async () => {
    const id = await versionId(2)
    expect(await db.versionSearchIndex.count({ where: { versionId: id } })).toBe(0)
    const first = await loadVersionIndex(db, id)
    const row = await db.versionSearchIndex.findUniqueOrThrow({ where: { versionId: id } })
    const second = await loadVersionIndex(db, id)
    expect(second).toEqual(first)
    expect((await db.versionSearchIndex.findUniqueOrThrow({ where: { versionId: id } })).builtAt).toEqual(row.builtAt)
  })

  it('is rebuilt when an older pipeline built it', async () => {
    const id = await versionId(1)
    await db.versionSearchIndex.create({ data: { versionId: id, index: { stale: true }, pipeline: DRAFT_INDEX_PIPELINE - 1 } })
    const loaded = await loadVersionIndex(db, id)
    expect(loaded?.pipeline).toBe(DRAFT_INDEX_PIPELINE)
    const row = await db.versionSearchIndex.findUniqueOrThrow({ where: { versionId: id } })
    expect(row.pipeline).toBe(DRAFT_INDEX_PIPELINE)
    expect(row.index).not.toEqual({ stale: true })
  })

  it('is served as JSON that lunr loads, cached for a year under its pipeline URL', async () => {
    const response = await get(versionIndexPath(SLUG, 2))
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
    expect(response.headers.get('Cache-Control')).toBe('public, max-age=31536000, immutable')
    const index = loadDraftIndex((await response.json()) as object)
    const found = searchDraftIndex(index, 'заштита')
    expect(found.length).toBeGreaterThan(0)
    // An address made for another pipeline gets today's index, which no one keeps.
    const old = await get(`/drafts/${SLUG}/versions/2/search-index.json?p=0`)
    expect(old.headers.get('Cache-Control')).toBe('no-cache')
  })

  it('answers 404 for a version the draft does not have', async () => {
    const thrown = await get(versionIndexPath(SLUG, 99)).catch((error: unknown) => error)
    expect((thrown as { init?: ResponseInit }).init?.status).toBe(404)
  })
})
