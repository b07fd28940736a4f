import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import mammoth from 'mammoth'
import { RouterContextProvider } from 'react-router'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { bindServices } from '../../app/.server/services.ts'
import { requestContext } from '../../app/.server/context.ts'
import type { RateLimits } from '../../app/.server/rate-limit.ts'
import { openApiDocument } from '../../app/.server/openapi.ts'
import routes from '../../app/routes.ts'
import { parseXmlStrict, allElements } from '../../drafting/export/xml-check.test-util.ts'
import { apiListComments, apiReadReport } from '../../consultation/open-data-api.ts'
import { openDataJsonSchema } from '../../consultation/report/export/open-data.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const SLUG = 'zakon-o-socijalnim-uslugama'
let db: Db
let cleanup: () => Promise<void>
let roundId: string

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
  await seed(db, NOW)
  roundId = (await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG } } })).id
})
afterEach(async () => {
  await cleanup()
})

function context() {
  const services = bindServices({ db, mailer: { send: async () => {} }, rateLimits: {} as RateLimits, clock: () => NOW })
  const ctx = new RouterContextProvider()
  ctx.set(requestContext, { services, locale: 'bs', cspNonce: 'n', clientIp: '127.0.0.1', secureCookies: false, publicUrl: null })
  return ctx
}

type RouteEntry = { path?: string; file: string; children?: RouteEntry[] }

/** Calls the loader of the route at `path` (from app/routes.ts), as the server would. */
async function request(path: string): Promise<Response> {
  const url = new URL(`http://nacrt.test${path}`)
  const segments = url.pathname.slice(1).split('/')
  for (const route of routes as RouteEntry[]) {
    if (!route.path || route.path === '*' || route.path.endsWith('/*')) continue
    const pattern = route.path.split('/')
    if (pattern.length !== segments.length) continue
    const params: Record<string, string> = {}
    if (!pattern.every((p, i) => (p.startsWith(':') ? ((params[p.slice(1)] = decodeURIComponent(segments[i]!)), true) : p === segments[i]))) continue
    const module = (await import(/* @vite-ignore */ `../../app/${route.file}`)) as { loader: (args: unknown) => Promise<Response> | Response }
    return module.loader({ request: new Request(url), params, context: context() })
  }
  throw new Error(`no route for ${path}`)
}

/** Publishes the sample round's report (closed yesterday, report out an hour ago). */
async function publishReport() {
  await db.round.update({
    where: { id: roundId },
    data: { closesAt: new Date(NOW.getTime() - 86_400_000), state: 'report-published', reportPublishedAt: new Date(NOW.getTime() - 3_600_000) },
  })
}

/** Names of people who never agreed to be named (on any of their comments), from their accounts. */
async function unnamedPeople(): Promise<string[]> {
  const rows = await db.comment.findMany({ where: { consentToBeNamed: false }, select: { author: { select: { name: true } } } })
  const named = new Set((await db.comment.findMany({ where: { consentToBeNamed: true }, select: { authorName: true } })).map((r) => r.authorName))
  return [...new Set(rows.flatMap((r) => (r.author?.name && !named.has(r.author.name) ? [r.author.name] : [])))]
}

describe('the open-data API', () => {
  it('answers every path of its OpenAPI document with JSON, CORS open, and no e-mail addresses or unconsented names', async () => {
    await publishReport()
    const unnamed = await unnamedPeople()
    expect(unnamed.length).toBeGreaterThan(0)
    const doc = openApiDocument()
    expect(doc.openapi).toBe('3.1.0')
    const values: Record<string, string> = { slug: SLUG, seq: '1', roundId }
    for (const path of Object.keys(doc.paths)) {
      const routePath = `api/v1${path.replace(/\{(\w+)\}/g, ':$1')}`
      expect((routes as RouteEntry[]).some((r) => r.path === routePath), routePath).toBe(true)
      const response = await request(`/api/v1${path.replace(/\{(\w+)\}/g, (_m, name: string) => values[name]!)}`)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*')
      expect(response.headers.get('Content-Type')).toMatch(/^application\/json/)
      const text = await response.text()
      expect(() => JSON.parse(text), path).not.toThrow()
      expect(text, path).not.toMatch(/[\w.+-]+@[\w-]+\.[\w.]+/)
      for (const name of unnamed) expect(text, `${path} names ${name}`).not.toContain(name)
    }
  })

  it('lists the drafts and gives a version article by article, labelled as the act writes them', async () => {
    const drafts = (await (await request('/api/v1/drafts')).json()) as { drafts: { slug: string; latestVersion: { seq: number } }[] }
    expect(drafts.drafts.find((d) => d.slug === SLUG)?.latestVersion.seq).toBe(2)
    const draft = (await (await request(`/api/v1/drafts/${SLUG}`)).json()) as { versions: { seq: number; links: { docx: string } }[]; rounds: { id: string }[] }
    expect(draft.versions.map((v) => v.seq)).toEqual([2, 1])
    expect(draft.versions[0]!.links.docx).toBe(`/drafts/${SLUG}/versions/2/act.docx`)
    expect(draft.rounds.map((r) => r.id)).toContain(roundId)
    const version = (await (await request(`/api/v1/drafts/${SLUG}/versions/2`)).json()) as { articles: { number: string; label: string; paragraphs: { text: string }[] }[] }
    expect(version.articles[0]).toMatchObject({ number: '1', label: 'Član 1.' })
    expect(version.articles.length).toBeGreaterThanOrEqual(60)
    const cyrl = (await (await request(`/api/v1/drafts/${SLUG}/versions/2?script=cyrl`)).json()) as { script: string; articles: { label: string }[] }
    expect(cyrl.script).toBe('cyrl')
    expect(cyrl.articles[0]!.label).toBe('Члан 1.')
  })

  it('gives a version’s annexes and the tables in its paragraphs, in either script, as its OpenAPI schema describes them', async () => {
    const version = await db.version.findFirstOrThrow({ where: { draft: { slug: SLUG }, seq: 2 }, select: { id: true, doc: true } })
    const stored = version.doc as { content: { type: string; content?: unknown[] }[] }
    const table = (id: string, ...rows: string[][]) => ({
      type: 'table', attrs: { id },
      content: rows.map((cells, r) => ({ type: 'table_row', attrs: { header: r === 0 }, content: cells.map((text) => ({ type: 'table_cell', content: [{ type: 'text_block', content: [{ type: 'text', text }] }] })) })),
    })
    const block = (text: string) => ({ type: 'text_block', content: [{ type: 'text', text }] })
    type Json = { type: string; content?: Json[] }
    const content = structuredClone(stored.content) as Json[]
    const firstArticle = (nodes: Json[]): Json | undefined => {
      for (const n of nodes) {
        const found = n.type === 'article' ? n : n.type === 'memorandum' ? undefined : firstArticle(n.content ?? [])
        if (found) return found
      }
    }
    const paragraph = firstArticle(content)!.content!.find((c) => c.type === 'paragraph')!
    paragraph.content!.push(table('tbl-api', ['Usluga', 'Iznos'], ['Pomoć u kući', '100 KM']))
    const annexes = [
      { type: 'annex', attrs: { id: 'annex-api-1', num: null }, content: [{ type: 'heading', content: [{ type: 'text', text: 'Obrazac zahtjeva' }] }, block('Ime i prezime:'), table('tbl-api-2', ['Datum', 'Potpis'])] },
      { type: 'annex', attrs: { id: 'annex-api-2', num: null }, content: [{ type: 'heading', content: [{ type: 'text', text: 'Cjenovnik' }] }, block('Cijene su u KM.')] },
    ]
    const memorandum = content.findIndex((n) => n.type === 'memorandum')
    content.splice(memorandum === -1 ? content.length : memorandum, 0, ...annexes)
    await db.version.update({ where: { id: version.id }, data: { doc: { ...stored, content } as object } })

    type Table = { id: string; rows: { header: boolean; cells: string[] }[] }
    type Version = { articles: { paragraphs: { text: string; tables: Table[]; points: { tables: Table[] }[] }[] }[]; annexes: { id: string; number: string; label: string; heading: string; text: string; tables: Table[] }[] }
    const json = (await (await request(`/api/v1/drafts/${SLUG}/versions/2`)).json()) as Version
    const withTable = json.articles[0]!.paragraphs.find((p) => p.tables.length > 0)!
    expect(withTable.tables).toEqual([{ id: 'tbl-api', rows: [{ header: true, cells: ['Usluga', 'Iznos'] }, { header: false, cells: ['Pomoć u kući', '100 KM'] }] }])
    expect(withTable.text).toContain('Usluga | Iznos\nPomoć u kući | 100 KM')
    expect(json.annexes).toEqual([
      { id: 'annex-api-1', number: '1', label: 'Prilog 1', heading: 'Obrazac zahtjeva', text: 'Ime i prezime:\nDatum | Potpis', tables: [{ id: 'tbl-api-2', rows: [{ header: true, cells: ['Datum', 'Potpis'] }] }] },
      { id: 'annex-api-2', number: '2', label: 'Prilog 2', heading: 'Cjenovnik', text: 'Cijene su u KM.', tables: [] },
    ])
    const cyrl = (await (await request(`/api/v1/drafts/${SLUG}/versions/2?script=cyrl`)).json()) as Version
    expect(cyrl.annexes.map((a) => [a.label, a.heading, a.tables[0]?.rows[0]?.cells ?? null])).toEqual([['Прилог 1', 'Образац захтјева', ['Датум', 'Потпис']], ['Прилог 2', 'Цјеновник', null]])

    // Every property the OpenAPI document requires of a version, its annexes, paragraphs, points and tables is there.
    const schemas = (openApiDocument() as unknown as { components: { schemas: Record<string, { required: string[] }> } }).components.schemas
    const has = (value: object, schema: string) => expect(Object.keys(value).sort(), schema).toEqual([...schemas[schema]!.required].sort())
    has(json, 'Version')
    has(json.annexes[0]!, 'Annex')
    has(json.annexes[0]!.tables[0]!, 'Table')
    has(withTable, 'Paragraph')
    const point = json.articles.flatMap((a) => a.paragraphs.flatMap((p) => p.points))[0]
    if (point) has(point, 'Point')
  })

  it('answers 404 and 400 as JSON', async () => {
    for (const [path, status] of [
      ['/api/v1/drafts/nema-ga', 404],
      [`/api/v1/drafts/${SLUG}/versions/9`, 404],
      [`/api/v1/drafts/${SLUG}/versions/x`, 400],
      ['/api/v1/rounds/nema-ga', 404],
      [`/api/v1/rounds/${roundId}/comments?page=0`, 400],
      [`/api/v1/rounds/${roundId}/report`, 404],
    ] as const) {
      const response = await request(path)
      expect(response.status, path).toBe(status)
      expect(((await response.json()) as { error: { status: number } }).error.status).toBe(status)
    }
  })

  it('leaves out planned rounds, hidden, pending and withdrawn comments, and addresses written in comments', async () => {
    const round = await db.round.findUniqueOrThrow({ where: { id: roundId } })
    const planned = await db.round.create({
      data: { draftId: round.draftId, versionId: round.versionId, title: 'Planirani krug', opensAt: new Date(NOW.getTime() + 9 * 86_400_000), closesAt: new Date(NOW.getTime() + 40 * 86_400_000) },
    })
    const base = { roundId, targetKind: 'draft', createdAt: new Date(NOW.getTime() - 3_600_000) }
    await db.comment.createMany({
      data: [
        { ...base, body: 'Skriveni komentar HIDDEN', status: 'hidden', hiddenReason: 'spam' },
        { ...base, body: 'Na čekanju PENDING', status: 'pending' },
        { ...base, body: 'Povučeni WITHDRAWN', withdrawnAt: NOW },
        { ...base, body: 'Pišite mi na ime.prezime@example.ba ili 192.168.10.20, PUBLIC', consentToBeNamed: false, authorName: null },
        { ...base, body: 'Original sa ličnim podacima SECRET', redactedBody: 'Original sa […] REDACTED' },
      ],
    })
    const rounds = (await (await request('/api/v1/rounds')).json()) as { rounds: { id: string }[] }
    expect(rounds.rounds.map((r) => r.id)).not.toContain(planned.id)
    expect((await request(`/api/v1/rounds/${planned.id}`)).status).toBe(404)
    expect((await request(`/api/v1/rounds/${planned.id}/comments`)).status).toBe(404)
    const first = await apiListComments(db, roundId, 1, NOW)
    if (!first.ok) throw new Error(first.reason)
    const all = [first.value]
    for (let page = 2; page <= first.value.pages; page++) {
      const next = await apiListComments(db, roundId, page, NOW)
      if (next.ok) all.push(next.value)
    }
    const text = JSON.stringify(all)
    for (const word of ['HIDDEN', 'PENDING', 'WITHDRAWN', 'SECRET', 'ime.prezime', '192.168.10.20']) expect(text).not.toContain(word)
    expect(text).toContain('REDACTED')
    expect(text).toContain('Pišite mi na […] ili […], PUBLIC')
    const publicCount = await db.comment.count({ where: { roundId, status: 'published', withdrawnAt: null, parentId: null } })
    expect(first.value.total).toBe(publicCount)
  })

  it('gives the published report as the open-data document (report.schema.json)', async () => {
    expect((await apiReadReport(db, roundId, undefined, NOW)).ok).toBe(false)
    await publishReport()
    const result = await apiReadReport(db, roundId, 'bs', NOW)
    if (!result.ok) throw new Error(result.reason)
    const report = JSON.parse(result.value) as { schemaVersion: string; round: { id: string }; sections: unknown[] }
    expect(report.schemaVersion).toBe('1.0')
    expect(report.round.id).toBe(roundId)
    const schema = openApiDocument().components.schemas.ConsultationReport as { $id: string }
    expect(schema.$id).toBe(openDataJsonSchema().$id)
  })
})

describe('the act exports of a version', () => {
  it('downloads the sample law as an official .docx with its labels and letters', async () => {
    const response = await request(`/drafts/${SLUG}/versions/2/act.docx`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Disposition')).toBe(`attachment; filename="${SLUG}-v2.docx"`)
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await response.arrayBuffer()) })
    expect(value).toContain('Član 1.')
    expect(value).toMatch(/[čćđšž]/)
    const cyrl = await request(`/drafts/${SLUG}/versions/2/act.docx?script=cyrl`)
    expect((await mammoth.extractRawText({ buffer: Buffer.from(await cyrl.arrayBuffer()) })).value).toContain('Члан 1.')
    expect((await request(`/drafts/${SLUG}/versions/7/act.docx`)).status).toBe(404)
  })

  it('gives the sample law as well-formed Akoma Ntoso with unique eIds', async () => {
    const response = await request(`/drafts/${SLUG}/versions/2/akn.xml`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toMatch(/^application\/akn\+xml/)
    const root = parseXmlStrict(await response.text())
    const eIds = allElements(root).flatMap((e) => (e.attrs.eId ? [e.attrs.eId] : []))
    expect(new Set(eIds).size).toBe(eIds.length)
    expect(eIds).toContain('art_1')
    expect(allElements(root).filter((e) => e.name === 'article').length).toBeGreaterThanOrEqual(60)
  })

  it('writes every seeded version of every draft, in both scripts, as well-formed Akoma Ntoso and a Word file', async () => {
    const versions = await db.version.findMany({ select: { seq: true, draft: { select: { slug: true } } } })
    expect(versions.length).toBeGreaterThanOrEqual(3)
    for (const v of versions) {
      for (const script of ['latn', 'cyrl']) {
        const path = `/drafts/${v.draft.slug}/versions/${v.seq}`
        const xml = await request(`${path}/akn.xml?script=${script}`)
        expect(xml.status, path).toBe(200)
        const root = parseXmlStrict(await xml.text())
        const eIds = allElements(root).flatMap((e) => (e.attrs.eId ? [e.attrs.eId] : []))
        expect(new Set(eIds).size, path).toBe(eIds.length)
        const refs = allElements(root).flatMap((e) => (e.name === 'ref' ? [e.attrs.href!.slice(1)] : []))
        for (const target of refs) expect(eIds, `${path} ${target}`).toContain(target)
        const version = (await (await request(`/api/v1${path}?script=${script}`)).json()) as { articles: { label: string }[] }
        const nums = allElements(root).filter((e) => e.name === 'article').map((a) => a.children.find((c) => c.name === 'num')!.nodes.join(''))
        expect(nums, path).toEqual(version.articles.map((a) => a.label))
      }
      expect((await request(`/drafts/${v.draft.slug}/versions/${v.seq}/act.docx`)).status).toBe(200)
    }
  })
})
