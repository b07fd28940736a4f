// Site-wide search against a real SQLite file (FTS5, consultation/search/store.ts): the
// forms people type, authorisation of the results, the index kept in the writers'
// transactions, filters, and two clients on one file.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import { openDb } from '../../app/.server/db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor } from '../../accounts/actor.ts'
import { submitComment } from '../../consultation/comments.ts'
import { withdrawComment } from '../../consultation/comment-changes.ts'
import { hideComment } from '../../consultation/moderation.ts'
import { saveAnswer } from '../../consultation/responses.ts'
import { NewComment } from '../../consultation/inputs.ts'
import { searchSite, type SiteSearchResult } from '../../consultation/search/search.ts'
import { COUNT_LIMIT, indexComments, indexVersionArticles, rebuildSearchIndex } from '../../consultation/search/store.ts'
import { listSectionComments } from '../../consultation/public-round.ts'
import { articlesOf } from '../../consultation/comment-targets.ts'
import { loadDocument } from '../../drafting/document.ts'
import { outlineDocument } from '../../drafting/outline.ts'
import { SiteSearchQuery } from '../../consultation/search/query.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const LATER = new Date('2026-11-23T11:00:00Z')
const SLUG = 'zakon-o-socijalnim-uslugama'
const CITIZEN = 'gradjanin@nacrt.example.ba'
const OWNER = 'lejla.mehmedovic@fmrsp.example.ba'
const RESPONDER = 'emir.begic@fmrsp.example.ba'

let db: Db
let file: string
let cleanup: () => Promise<void>
let roundId: string

beforeEach(async () => {
  ;({ db, file, cleanup } = await createTestDb())
  await seed(db, NOW)
  roundId = (await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG } } })).id
})
afterEach(async () => {
  await cleanup()
})

async function actorFor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email } })
  return loadActor(db, user.id)
}

function search(q: string, actor: Actor = ANONYMOUS, filters: Record<string, string> = {}, on: Db = db, now = LATER): Promise<SiteSearchResult> {
  return searchSite(on, actor, SiteSearchQuery.parse({ q, ...filters }), now)
}

const total = (r: SiteSearchResult, kind: string) => r.groups.find((g) => g.kind === kind)?.total ?? 0
const hrefs = (r: SiteSearchResult, kind: string) => r.groups.find((g) => g.kind === kind)?.hits.map((h) => h.href) ?? []
const group = (r: SiteSearchResult, kind: string) => r.groups.find((g) => g.kind === kind)!
const marked = (r: SiteSearchResult, kind: string) => r.groups.find((g) => g.kind === kind)!.hits.flatMap((h) => h.excerpt.filter((s) => s.mark).map((s) => s.text))

async function comment(body: string, author = CITIZEN): Promise<string> {
  const submitted = await submitComment(db, await actorFor(author), NewComment.parse({ body, consentToPublish: 'on', consentToBeNamed: 'on' }), { roundId, now: NOW })
  if (!submitted.ok) throw new Error(submitted.reason)
  return submitted.value.commentId
}

describe('site search: the language as people type it', () => {
  it('finds zaštita without diacritics and in Cyrillic, and marks the original words', async () => {
    const latin = await search('zastita')
    const cyrillic = await search('заштита')
    expect(total(latin, 'article')).toBeGreaterThan(0)
    expect(total(cyrillic, 'article')).toBe(total(latin, 'article'))
    expect(total(cyrillic, 'comment')).toBe(total(latin, 'comment'))
    expect(marked(latin, 'article').some((w) => /^zaštit/i.test(w))).toBe(true)
  })

  it('finds the forms of dijete from any one of them, ekavian too', async () => {
    const forms = ['djeteta', 'djeci', 'dijete', 'dete']
    const counts = await Promise.all(forms.map(async (f) => total(await search(f), 'article')))
    expect(counts[0]).toBeGreaterThan(0)
    expect(new Set(counts).size).toBe(1)
  })

  it('finds socijalnih usluga for socijalne usluge', async () => {
    const found = await search('socijalne usluge')
    expect(total(found, 'article')).toBe(total(await search('socijalnih usluga'), 'article'))
    expect(total(found, 'article')).toBeGreaterThan(0)
  })

  it('jumps to the article in the newest version when versions number it differently', async () => {
    const draft = await db.draft.findUniqueOrThrow({ where: { slug: SLUG } })
    const v2 = await db.version.findFirstOrThrow({ where: { draftId: draft.id }, orderBy: { seq: 'desc' } })
    // Version 3 without its first article: what was Član 13. is now Član 12.
    const doc = structuredClone(v2.doc) as { content: { type: string; attrs?: { id?: string } }[] }
    const articles = (function walk(nodes: { type: string; attrs?: { id?: string }; content?: unknown[] }[]): { type: string; attrs?: { id?: string } }[] {
      return nodes.flatMap((n) => (n.type === 'article' ? [n] : walk((n.content ?? []) as never)))
    })(doc.content as never)
    const removeFirst = (nodes: { type: string; content?: unknown[] }[]): boolean => {
      const i = nodes.findIndex((n) => n.type === 'article')
      if (i >= 0) { nodes.splice(i, 1); return true }
      return nodes.some((n) => removeFirst((n.content ?? []) as never))
    }
    removeFirst(doc.content as never)
    const v3 = await db.version.create({ data: { draftId: draft.id, seq: v2.seq + 1, name: 'Bez prvog člana', doc: doc as never } })
    await db.$transaction((tx) => indexVersionArticles(tx as never, v3.id))
    const found = await search('član 12', ANONYMOUS, { draft: SLUG })
    // Član 12. as version 3 numbers it: not the article version 2 called Član 12.
    const twelfth = articlesOf(outlineDocument(loadDocument(doc), { language: 'bs', script: 'latn' }, draft.numberingMode as never))[11]!
    expect(twelfth.label).toBe('Član 12.')
    expect(found.jump).toBe(`/drafts/${SLUG}?version=${v3.seq}#a-${twelfth.id}`)
    expect(twelfth.id).not.toBe(articles[11]!.attrs!.id)
  })

  it('jumps to the article a reference names, in any of its forms', async () => {
    for (const q of ['član 12', 'čl. 12', 'члан 12']) {
      const found = await search(q, ANONYMOUS, { draft: SLUG })
      expect(found.jump, q).toMatch(new RegExp(`^/drafts/${SLUG}\\?version=\\d+#a-`))
    }
  })
})

describe('site search: comments and who finds them', () => {
  it('finds a new comment at once', async () => {
    await comment('Predlažem kvalitetniju kvarcnu rasvjetu u svim ustanovama.')
    const found = await search('kvarcna rasvjeta')
    expect(total(found, 'comment')).toBe(1)
    expect(hrefs(found, 'comment')[0]).toMatch(/^\/rounds\/.+\/comments\?section=general#komentar-/)
  })

  it('writes a new comment’s entry exactly as rebuilding the index does, for every kind of comment', async () => {
    const version = await db.version.findUniqueOrThrow({ where: { id: (await db.round.findUniqueOrThrow({ where: { id: roundId } })).versionId } })
    const [first, second] = articlesOf(outlineDocument(loadDocument(version.doc), { language: 'bs', script: 'latn' }))
    const org = await db.organisation.create({ data: { slug: 'udruzenje-indeks', name: 'Udruženje indeks', kind: 'ngo', verification: 'verified', contactEmail: 'k@u.example.ba' } })
    await db.membership.create({ data: { organisationId: org.id, userId: (await actorFor(CITIZEN)).userId!, role: 'member' } })
    const citizen = await actorFor(CITIZEN)
    const submit = async (fields: Record<string, string>, actor: Actor = citizen) => {
      const r = await submitComment(db, actor, NewComment.parse({ body: 'Predlažem jasniju formulaciju o žirafama.', consentToPublish: 'on', ...fields }), { roundId, now: NOW })
      if (!r.ok) throw new Error(r.reason)
      return r.value.commentId
    }
    const onArticle = await submit({ targetNodeId: first!.id, proposedWording: 'Novi tekst s riječju nosorog.', consentToBeNamed: 'on' })
    await submit({ targetNodeId: second!.paragraphs[0]?.id ?? second!.id, onBehalfOf: org.id })
    await submit({ body: 'Komentar na nacrt u cjelini.' })
    const reply = await submit({ replyTo: onArticle, body: 'Odgovor na komentar o nosorogu.' })
    await db.round.update({ where: { id: roundId }, data: { moderationMode: 'pre' } })
    const pending = await submit({ targetNodeId: first!.id, body: 'Čeka moderatora: pingvin.' })
    const snapshot = () =>
      db.$queryRawUnsafe<Record<string, unknown>[]>(
        `SELECT e."kind", e."ref", e."draftId", e."versionSeq", e."roundId", e."articleNodeId", e."visibility", e."authorCategory", e."answerStatus",
           e."articleNumber", e."label", e."display", e."section", e."listedAt", t."text"
         FROM "SearchEntry" e JOIN "SearchText" t ON t."rowid" = e."id" WHERE e."kind" <> 'article' ORDER BY e."kind", e."ref"`,
      )
    const written = await snapshot()
    const visibility = (ref: string) => written.find((r) => r.ref === ref)?.visibility
    expect([visibility(onArticle), visibility(reply), visibility(pending)]).toEqual(['public', 'staff', 'staff'])
    await rebuildSearchIndex(db)
    expect(await snapshot()).toEqual(written)
    // The same form sent again writes nothing: no second entry, no second audit event.
    const again = NewComment.parse({ body: 'Dvaput poslano.', consentToPublish: 'on', clientKey: 'forma-jedan' })
    const once = await submitComment(db, citizen, again, { roundId, now: NOW })
    const twice = await submitComment(db, citizen, again, { roundId, now: LATER })
    expect(once.ok && twice.ok && twice.value.commentId).toBe(once.ok && once.value.commentId)
    expect(await db.$queryRawUnsafe<unknown[]>(`SELECT 1 FROM "SearchEntry" WHERE "ref" = ?`, once.ok ? once.value.commentId : '')).toHaveLength(1)
    expect(await db.auditEvent.count({ where: { objectId: once.ok ? once.value.commentId : '' } })).toBe(1)
  })

  it('hides a hidden comment from the public and shows it to its moderator', async () => {
    const id = await comment('Ovo je uvredljiv tekst o žirafama.')
    const owner = await actorFor(OWNER)
    const hidden = await hideComment(db, owner, { roundId, commentId: id }, { reason: 'offensive' }, NOW)
    expect(hidden.ok).toBe(true)
    expect(total(await search('žirafa'), 'comment')).toBe(0)
    expect(total(await search('zirafe', await actorFor(CITIZEN)), 'comment')).toBe(0)
    const staff = await search('zirafe', owner)
    expect(total(staff, 'comment')).toBe(1)
    expect(staff.groups.find((g) => g.kind === 'comment')!.hits[0]!.restricted).toBe(true)
  })

  it('forgets a withdrawn comment', async () => {
    const id = await comment('Zebre trebaju pješački prelaz kod škole.')
    expect(total(await search('zebra'), 'comment')).toBe(1)
    expect((await withdrawComment(db, await actorFor(CITIZEN), id, NOW)).ok).toBe(true)
    expect(total(await search('zebra'), 'comment')).toBe(0)
    expect(total(await search('zebra', await actorFor(OWNER)), 'comment')).toBe(0)
  })

  it('finds an answer only once it is public', async () => {
    const id = await comment('Pitanje o pingvinima u zoološkom vrtu.')
    const responder = await actorFor(RESPONDER)
    await saveAnswer(db, responder, { commentId: id, status: 'noted', reasoning: 'Flamingosi nisu predmet ovog zakona.', mode: 'draft' }, { roundId, now: NOW })
    expect(total(await search('flamingos'), 'answer')).toBe(0)
    expect(total(await search('flamingos', responder), 'answer')).toBe(1)
    await saveAnswer(db, responder, { commentId: id, status: 'noted', reasoning: 'Flamingosi nisu predmet ovog zakona.', mode: 'publish' }, { roundId, now: NOW })
    await db.round.update({ where: { id: roundId }, data: { answersPublication: 'with-report' } })
    expect(total(await search('flamingos'), 'answer')).toBe(0)
    await db.round.update({ where: { id: roundId }, data: { answersPublication: 'immediately' } })
    expect(total(await search('flamingos'), 'answer')).toBe(1)
    expect(total(await search('flamingos', ANONYMOUS, { status: 'rejected' }), 'answer')).toBe(0)
    expect(total(await search('flamingos', ANONYMOUS, { status: 'noted', draft: SLUG, round: roundId }), 'answer')).toBe(1)
  })
})

describe('site search: filters and instances', () => {
  it('narrows by draft, version, article and author category', async () => {
    const all = await search('usluge')
    const inDraft = await search('usluge', ANONYMOUS, { draft: SLUG })
    expect(total(inDraft, 'article')).toBeGreaterThan(0)
    expect(total(inDraft, 'article')).toBeLessThanOrEqual(total(all, 'article'))
    const v1 = await search('usluge', ANONYMOUS, { draft: SLUG, version: '1' })
    expect(v1.groups.find((g) => g.kind === 'article')!.hits.every((h) => h.versionSeq === 1)).toBe(true)
    const article = await search('usluge', ANONYMOUS, { draft: SLUG, version: '2', article: '19' })
    expect(total(article, 'article')).toBe(1)
    expect(article.groups[0]!.hits[0]!.label).toMatch(/^Član 19\./)
    expect(total(await search('usluge', ANONYMOUS, { category: 'international' }), 'comment')).toBeLessThanOrEqual(total(all, 'comment'))
    expect(total(await search('usluge', ANONYMOUS, { draft: 'no-such-draft' }), 'article')).toBe(0)
  })

  it('narrows comments by draft, round and author category', async () => {
    await comment('Lisice u gradu trebaju zaštitu.')
    const category = (await db.comment.findFirstOrThrow({ where: { body: { contains: 'Lisice' } } })).authorCategory
    const other = category === 'ngo' ? 'citizen' : 'ngo'
    expect(total(await search('lisica', ANONYMOUS, { draft: SLUG, round: roundId, category }), 'comment')).toBe(1)
    expect(total(await search('lisica', ANONYMOUS, { category: other }), 'comment')).toBe(0)
    const otherDraft = await db.draft.findFirstOrThrow({ where: { slug: { not: SLUG }, versions: { some: {} } } })
    expect(total(await search('lisica', ANONYMOUS, { draft: otherDraft.slug }), 'comment')).toBe(0)
  })

  it('gives two clients on one database file the same results, new comments included', async () => {
    const other = await openDb(`file:${file}`)
    try {
      await comment('Vodeni bivoli zaslužuju posebnu zaštitu.')
      const here = await search('bivol')
      const there = await search('bivoli', ANONYMOUS, {}, other)
      expect(total(here, 'comment')).toBe(1)
      expect(hrefs(there, 'comment')).toEqual(hrefs(here, 'comment'))
    } finally {
      await other.$disconnect()
    }
  })
})

describe('site search: within its time budget', () => {
  it('counts comments up to COUNT_LIMIT and says so, and still pages to the end', async () => {
    const ids = Array.from({ length: COUNT_LIMIT + 5 }, (_, i) => `kornjaca${String(i).padStart(5, '0')}`)
    await db.comment.createMany({ data: ids.map((id, i) => ({ id, roundId, body: `Kornjače u parku, primjedba ${i}.`, consentedAt: NOW, createdAt: NOW })) })
    await db.$transaction((tx) => indexComments(tx, ids), { timeout: 60_000 })
    const all = await search('kornjača')
    expect(group(all, 'comment')).toMatchObject({ total: COUNT_LIMIT, capped: true })
    expect(group(all, 'comment').hits).toHaveLength(5)
    const last = await search('kornjace', ANONYMOUS, { kind: 'comment', page: String(COUNT_LIMIT / 20) })
    expect(group(last, 'comment')).toMatchObject({ total: COUNT_LIMIT, capped: true, pages: COUNT_LIMIT / 20 })
    expect(group(last, 'comment').hits).toHaveLength(20)
    const past = await search('kornjace', ANONYMOUS, { kind: 'comment', page: String(COUNT_LIMIT / 20 + 1) })
    // Past the count, the rest of the matches are still there.
    expect(group(past, 'comment').hits).toHaveLength(5)
    // A hidden one is neither found nor counted; a few comments are counted exactly.
    const few = await search('kvarcna')
    expect(group(few, 'comment')).toMatchObject({ total: 0, capped: false })
  })

  it('shows an article found in several versions once, at its newest version, listing the others', async () => {
    const collapsed = group(await search('usluge', ANONYMOUS, { draft: SLUG, kind: 'article' }), 'article')
    const [v1, v2] = await Promise.all(['1', '2'].map(async (version) => total(await search('usluge', ANONYMOUS, { draft: SLUG, version }), 'article')))
    expect(collapsed.total).toBeGreaterThanOrEqual(Math.max(v1!, v2!))
    expect(collapsed.total).toBeLessThan(v1! + v2!)
    const anchors = collapsed.hits.map((h) => h.href.split('#')[1])
    expect(new Set(anchors).size).toBe(anchors.length)
    const inBoth = collapsed.hits.filter((h) => h.otherVersions.length > 0)
    expect(inBoth.length).toBeGreaterThan(0)
    for (const h of inBoth) {
      expect(h.versionSeq).toBe(2)
      expect(h.otherVersions).toEqual([1])
      expect(h.href).toContain('?version=2#')
    }
  })

  it('links each comment to the page of its section it is on, hidden comments not counted', async () => {
    const owner = await actorFor(OWNER)
    const ids: string[] = []
    for (let i = 0; i < 23; i++) ids.push(await comment(`Sove ${i} trebaju zaštitu gnijezda.`))
    const hidden = await hideComment(db, owner, { roundId, commentId: ids[0]! }, { reason: 'offensive' }, NOW)
    expect(hidden.ok).toBe(true)
    const found = group(await search('sova', ANONYMOUS, { kind: 'comment' }), 'comment')
    expect(found.total).toBe(22)
    expect(found.hits.some((h) => h.href.includes(ids[0]!))).toBe(false)
    let onSecondPage = 0
    for (const hit of found.hits) {
      const id = hit.href.split('#komentar-')[1]!
      const page = Number(new URL(hit.href, 'http://x').searchParams.get('page') ?? '1')
      if (page > 1) onSecondPage++
      const listed = await listSectionComments(db, roundId, 'general', page, LATER)
      expect(listed.comments.map((c) => c.id), hit.href).toContain(id)
    }
    expect(onSecondPage).toBeGreaterThan(0)
    // The moderator finds the hidden one too, linked to moderation.
    const staff = await Promise.all(['1', '2'].map(async (page) => group(await search('sova', owner, { kind: 'comment', page }), 'comment')))
    expect(staff[0]!.total).toBe(23)
    expect(staff.flatMap((g) => g.hits).filter((h) => h.restricted).map((h) => h.href)).toEqual([`/rounds/${roundId}/moderation`])
  })
})
