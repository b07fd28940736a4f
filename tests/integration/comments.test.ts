// Commenting on an open round against a real database: who may comment on what, what a
// comment leaves behind (the comment, its consents, an audit event), and how published
// comments are shown to the public.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor } from '../../accounts/actor.ts'
import { loadDocument } from '../../drafting/document.ts'
import { outlineDocument, type OutlineArticle } from '../../drafting/outline.ts'
import { articlesOf } from '../../consultation/comment-targets.ts'
import { listRoundComments, prepareComment, submitComment } from '../../consultation/comments.ts'
import { openRoundForDraft } from '../../consultation/rounds.ts'
import { NewComment } from '../../consultation/inputs.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const SLUG = 'zakon-o-socijalnim-uslugama'
const CITIZEN = 'gradjanin@nacrt.example.ba'

let db: Db
let file: string
let cleanup: () => Promise<void>
let roundId: string
let closesAt: Date
let articles: OutlineArticle[]
let n = 0

beforeEach(async () => {
  ;({ db, file, cleanup } = await createTestDb())
  await seed(db, NOW)
  const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG } }, include: { version: true } })
  roundId = round.id
  closesAt = round.closesAt
  articles = articlesOf(outlineDocument(loadDocument(round.version.doc), { language: 'bs', script: 'latn' }))
})
afterEach(async () => {
  await cleanup()
})

async function actorFor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email } })
  return loadActor(db, user.id)
}

/** A comment as the form sends it, checked by the same schema. */
const input = (fields: Record<string, string> = {}) => NewComment.parse({ body: 'Predlažem jasniju formulaciju.', consentToPublish: 'on', ...fields })

async function organisation(verification: 'verified' | 'requested', member?: { userId: string; role: string }) {
  const org = await db.organisation.create({
    data: { slug: `udruzenje-${n}`, name: `Udruženje za testiranje ${n++}`, kind: 'ngo', verification, contactEmail: 'kontakt@udruzenje.example.ba' },
  })
  if (member) await db.membership.create({ data: { organisationId: org.id, ...member } })
  return org
}

const articleWithParagraphs = () => articles.find((a) => a.paragraphs.length > 1 && a.paragraphs[1]!.label)!

describe('submitComment', () => {
  it('records a citizen’s comment on an article, published at once, with the consents given now', async () => {
    const citizen = await actorFor(CITIZEN)
    const article = articles[0]!
    const result = await submitComment(db, citizen, input({ targetNodeId: article.id, proposedWording: 'Novi tekst člana 1.' }), { roundId, now: NOW })
    expect(result).toEqual({
      ok: true,
      value: { commentId: expect.any(String), articleNodeId: article.id, draftSlug: SLUG, versionSeq: 2, latestVersion: true, articleAnchor: 'clan-1', status: 'published' },
    })
    if (!result.ok) return
    const stored = await db.comment.findUniqueOrThrow({ where: { id: result.value.commentId } })
    expect(stored).toMatchObject({
      roundId, authorId: citizen.userId, organisationId: null, targetKind: 'article', targetNodeId: article.id, articleNodeId: article.id,
      body: 'Predlažem jasniju formulaciju.', proposedWording: 'Novi tekst člana 1.', status: 'published',
      consentToPublish: true, consentToBeNamed: false, authorName: null, consentedAt: NOW, createdAt: NOW,
    })
  })

  it('records a comment on a paragraph under the article that contains it', async () => {
    const article = articleWithParagraphs()
    const paragraph = article.paragraphs[1]!
    const result = await submitComment(db, await actorFor(CITIZEN), input({ targetNodeId: paragraph.id, consentToBeNamed: 'on' }), { roundId, now: NOW })
    expect(result.ok && result.value).toMatchObject({ articleNodeId: article.id, articleAnchor: article.anchor })
    if (!result.ok) return
    const stored = await db.comment.findUniqueOrThrow({ where: { id: result.value.commentId } })
    expect(stored).toMatchObject({ targetKind: 'paragraph', targetNodeId: paragraph.id, articleNodeId: article.id, consentToBeNamed: true, authorName: 'Senad Građanin' })
  })

  it('records a comment on a point, and one on the draft as a whole', async () => {
    const citizen = await actorFor(CITIZEN)
    const point = articles.flatMap((a) => a.paragraphs.flatMap((p) => p.blocks.flatMap((b) => (b.kind === 'point' ? [{ a, b }] : [])))).at(0)!
    const onPoint = await submitComment(db, citizen, input({ targetNodeId: point.b.id }), { roundId, now: NOW })
    expect(onPoint.ok && onPoint.value.articleNodeId).toBe(point.a.id)
    const general = await submitComment(db, citizen, input(), { roundId, now: NOW })
    expect(general.ok && general.value).toMatchObject({ articleNodeId: null, articleAnchor: null })
    const kinds = await db.comment.findMany({ where: { authorId: citizen.userId }, select: { targetKind: true, targetNodeId: true } })
    expect(kinds).toEqual(expect.arrayContaining([{ targetKind: 'point', targetNodeId: point.b.id }, { targetKind: 'draft', targetNodeId: null }]))
  })

  it('keeps no proposed wording when it is the unit’s current text unchanged', async () => {
    const article = articleWithParagraphs()
    const paragraph = article.paragraphs[1]!
    const form = await prepareComment(db, await actorFor(CITIZEN), roundId, paragraph.id, NOW)
    if (!form.ok || !form.value.target) throw new Error('no form')
    const result = await submitComment(db, await actorFor(CITIZEN), input({ targetNodeId: paragraph.id, proposedWording: `${form.value.target.text}\n` }), { roundId, now: NOW })
    if (!result.ok) throw new Error(result.reason)
    expect((await db.comment.findUniqueOrThrow({ where: { id: result.value.commentId } })).proposedWording).toBeNull()
  })

  it('writes a comment.submitted audit event in the same transaction', async () => {
    const citizen = await actorFor(CITIZEN)
    const article = articles[2]!
    const result = await submitComment(db, citizen, input({ targetNodeId: article.id }), { roundId, now: NOW })
    if (!result.ok) throw new Error(result.reason)
    const events = await db.auditEvent.findMany({ where: { action: 'comment.submitted' } })
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({
      actorId: citizen.userId, objectType: 'comment', objectId: result.value.commentId, at: NOW,
      data: { roundId, targetKind: 'article', targetNodeId: article.id, organisationId: null, consentToBeNamed: false },
    })
  })

  it('refuses an anonymous visitor, and stores nothing', async () => {
    const before = await db.comment.count()
    expect(await submitComment(db, ANONYMOUS, input({ targetNodeId: articles[0]!.id }), { roundId, now: NOW })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await db.comment.count()).toBe(before)
    expect(await db.auditEvent.count({ where: { action: 'comment.submitted' } })).toBe(0)
  })

  it('refuses a comment once the round has closed', async () => {
    const citizen = await actorFor(CITIZEN)
    const justClosed = closesAt
    expect(await submitComment(db, citizen, input(), { roundId, now: justClosed })).toEqual({ ok: false, reason: 'round-closed' })
    expect(await submitComment(db, citizen, input(), { roundId, now: new Date(closesAt.getTime() + 86_400_000) })).toEqual({ ok: false, reason: 'round-closed' })
    await db.round.update({ where: { id: roundId }, data: { state: 'closed' } })
    expect(await submitComment(db, citizen, input(), { roundId, now: NOW })).toEqual({ ok: false, reason: 'round-closed' })
  })

  it('says round-not-found for a round that does not exist', async () => {
    expect(await submitComment(db, await actorFor(CITIZEN), input(), { roundId: 'nema-takvog-kruga', now: NOW })).toEqual({ ok: false, reason: 'round-not-found' })
  })

  it('says unknown-target for an id that is not an article, paragraph or point of the consulted version', async () => {
    const citizen = await actorFor(CITIZEN)
    const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, include: { version: true } })
    const part = outlineDocument(loadDocument(round.version.doc), { language: 'bs', script: 'latn' }).body.find((u) => u.kind !== 'article')!
    for (const targetNodeId of ['nepostojeci1', part.id]) {
      expect(await submitComment(db, citizen, input({ targetNodeId }), { roundId, now: NOW })).toEqual({ ok: false, reason: 'unknown-target' })
    }
  })

  it('refuses to speak for an organisation the person is not a verified member of', async () => {
    const citizen = await actorFor(CITIZEN)
    const stranger = await organisation('verified')
    const pending = await organisation('requested', { userId: citizen.userId!, role: 'representative' })
    const actor = await actorFor(CITIZEN)
    for (const org of [stranger, pending]) {
      expect(await submitComment(db, actor, input({ onBehalfOf: org.id }), { roundId, now: NOW })).toEqual({ ok: false, reason: 'not-a-member' })
    }
    expect(await db.comment.count({ where: { authorId: citizen.userId } })).toBe(0)
  })

  it('records a comment on behalf of a verified organisation, shown as the organisation', async () => {
    const citizen = await actorFor(CITIZEN)
    const org = await organisation('verified', { userId: citizen.userId!, role: 'member' })
    const actor = await actorFor(CITIZEN)
    const article = articles[1]!
    const result = await submitComment(db, actor, input({ targetNodeId: article.id, onBehalfOf: org.id }), { roundId, now: NOW })
    if (!result.ok) throw new Error(result.reason)
    expect(await db.comment.findUniqueOrThrow({ where: { id: result.value.commentId } })).toMatchObject({ organisationId: org.id, authorId: citizen.userId })
    const listed = (await listRoundComments(db, roundId)).comments.find((c) => c.id === result.value.commentId)
    expect(listed?.author).toEqual({ kind: 'organisation', name: org.name })
  })
})

describe('listRoundComments', () => {
  it('shows a comment without consent to be named as anonymous, and never an e-mail address', async () => {
    const anonymous = await submitComment(db, await actorFor(CITIZEN), input({ targetNodeId: articles[0]!.id }), { roundId, now: NOW })
    const named = await submitComment(db, await actorFor(CITIZEN), input({ targetNodeId: articles[0]!.id, consentToBeNamed: 'on' }), { roundId, now: NOW })
    if (!anonymous.ok || !named.ok) throw new Error('not stored')
    const listed = await listRoundComments(db, roundId)
    expect(listed.comments.find((c) => c.id === anonymous.value.commentId)).toEqual({
      id: anonymous.value.commentId, articleNodeId: articles[0]!.id, targetKind: 'article', targetNodeId: articles[0]!.id,
      body: 'Predlažem jasniju formulaciju.', proposedWording: null, createdAt: NOW, author: { kind: 'anonymous' },
    })
    expect(listed.comments.find((c) => c.id === named.value.commentId)?.author).toEqual({ kind: 'person', name: 'Senad Građanin' })
    const everything = JSON.stringify(listed)
    for (const { email } of await db.user.findMany({ select: { email: true } })) expect(everything).not.toContain(email)
    expect(everything).not.toContain('kontakt@')
  })

  it('counts published comments per article and on the draft as a whole, leaving hidden ones out', async () => {
    const citizen = await actorFor(CITIZEN)
    const before = await listRoundComments(db, roundId)
    const total = Object.values(before.countsByArticle).reduce((a, b) => a + b, 0) + before.generalCount
    expect(total).toBe(await db.comment.count({ where: { roundId, status: 'published' } }))
    const article = articles[0]!.id
    await submitComment(db, citizen, input({ targetNodeId: article }), { roundId, now: NOW })
    const general = await submitComment(db, citizen, input(), { roundId, now: NOW })
    if (!general.ok) throw new Error(general.reason)
    const after = await listRoundComments(db, roundId)
    expect(after.countsByArticle[article]).toBe((before.countsByArticle[article] ?? 0) + 1)
    expect(after.generalCount).toBe(before.generalCount + 1)
    expect(after.comments).toHaveLength(before.comments.length + 2)
    await db.comment.update({ where: { id: general.value.commentId }, data: { status: 'hidden' } })
    expect((await listRoundComments(db, roundId)).generalCount).toBe(before.generalCount)
  })
})

describe('openRoundForDraft', () => {
  it('gives the open round with the version under consultation, and nothing once it has closed', async () => {
    const draft = await db.draft.findUniqueOrThrow({ where: { slug: SLUG } })
    expect(await openRoundForDraft(db, draft.id, NOW)).toEqual({ id: roundId, closesAt, versionSeq: 2 })
    expect(await openRoundForDraft(db, draft.id, closesAt)).toBeNull()
  })
})

describe('prepareComment', () => {
  it('shows the unit with its labels and current text, and the verified organisations the person speaks for', async () => {
    const citizen = await actorFor(CITIZEN)
    const verified = await organisation('verified', { userId: citizen.userId!, role: 'member' })
    await organisation('requested', { userId: citizen.userId!, role: 'representative' })
    const article = articleWithParagraphs()
    const result = await prepareComment(db, await actorFor(CITIZEN), roundId, article.paragraphs[1]!.id, NOW)
    if (!result.ok) throw new Error(result.reason)
    expect(result.value).toMatchObject({
      canComment: true,
      draft: { slug: SLUG },
      version: { seq: 2, latest: true },
      target: { kind: 'paragraph', article: { id: article.id, label: article.label }, paragraphLabel: '(2)', pointLabel: null },
      organisations: [{ id: verified.id, name: verified.name }],
      authorName: 'Senad Građanin',
    })
    expect(result.value.target?.text.startsWith('(2) ')).toBe(true)
  })

  it('says unknown-target for a unit the version does not have, and lets nobody comment on a closed round', async () => {
    const citizen = await actorFor(CITIZEN)
    expect(await prepareComment(db, citizen, roundId, 'nepostojeci1', NOW)).toEqual({ ok: false, reason: 'unknown-target' })
    const closed = await prepareComment(db, citizen, roundId, undefined, closesAt)
    expect(closed.ok && closed.value.canComment).toBe(false)
  })
})

describe('NewComment', () => {
  it('needs consent to publish, and a body', () => {
    const parsed = NewComment.safeParse({ body: '   ' })
    expect(parsed.success).toBe(false)
    const messages = parsed.error?.issues.map((i) => [i.path[0], i.message])
    expect(messages).toEqual(expect.arrayContaining([['body', 'errors.field.required'], ['consentToPublish', 'errors.comment.consentRequired']]))
  })

  it('reads empty optional fields as absent and the naming consent as a yes or no', () => {
    expect(NewComment.parse({ body: ' Tekst ', consentToPublish: 'on', targetNodeId: '', proposedWording: '', onBehalfOf: '' })).toEqual({
      body: 'Tekst', consentToPublish: 'on', consentToBeNamed: false, targetNodeId: undefined, proposedWording: undefined, onBehalfOf: undefined,
    })
    expect(NewComment.parse({ body: 'x', consentToPublish: 'on', consentToBeNamed: 'on' }).consentToBeNamed).toBe(true)
    expect(NewComment.safeParse({ body: 'x'.repeat(10_001), consentToPublish: 'on' }).error?.issues[0]?.message).toBe('errors.field.tooLong')
  })
})

describe('the same comment sent twice', () => {
  it('is kept once when the form comes back with the same key, one after the other or at once', async () => {
    const citizen = await actorFor(CITIZEN)
    const before = await db.comment.count()
    const first = await submitComment(db, citizen, input({ clientKey: 'form-key-0001' }), { roundId, now: NOW })
    const again = await submitComment(db, citizen, input({ clientKey: 'form-key-0001' }), { roundId, now: NOW })
    expect(first.ok && again.ok && first.value.commentId === again.value.commentId).toBe(true)
    const [a, b] = await Promise.all([
      submitComment(db, citizen, input({ clientKey: 'form-key-0002' }), { roundId, now: NOW }),
      submitComment(db, citizen, input({ clientKey: 'form-key-0002' }), { roundId, now: NOW }),
    ])
    expect(a.ok && b.ok && a.value.commentId === b.value.commentId).toBe(true)
    expect(await db.comment.count()).toBe(before + 2)
  })

  it('is kept once when the second copy reaches another instance, with one audit event and one search entry', async () => {
    // Another connection to the same file, as a second instance has. (Sent at the same
    // moment they would need two processes: in one thread, a writer waiting for SQLite's
    // lock would block the one holding it.)
    const { openDb } = await import('../../app/.server/db.ts')
    const other = await openDb(`file:${file}`)
    try {
      const citizen = await actorFor(CITIZEN)
      const a = await submitComment(db, citizen, input({ clientKey: 'form-key-0003' }), { roundId, now: NOW })
      const b = await submitComment(other, citizen, input({ clientKey: 'form-key-0003' }), { roundId, now: NOW })
      expect(a.ok && b.ok && a.value.commentId === b.value.commentId).toBe(true)
      const rows = await db.comment.findMany({ where: { clientKey: 'form-key-0003' }, select: { id: true, consentedAt: true, consentToPublish: true } })
      expect(rows).toHaveLength(1)
      expect(rows[0]!.consentToPublish).toBe(true)
      expect(rows[0]!.consentedAt).toEqual(NOW)
      expect(await db.auditEvent.count({ where: { action: 'comment.submitted', objectId: rows[0]!.id } })).toBe(1)
      const entries = await db.$queryRawUnsafe<{ n: bigint }[]>('SELECT COUNT(*) AS "n" FROM "SearchEntry" WHERE "kind" = \'comment\' AND "ref" = ?', rows[0]!.id)
      expect(Number(entries[0]!.n)).toBe(1)
    } finally {
      await other.$disconnect()
    }
  })

  it('keeps two different forms as two comments', async () => {
    const citizen = await actorFor(CITIZEN)
    const before = await db.comment.count()
    await submitComment(db, citizen, input({ clientKey: 'form-key-aaaa' }), { roundId, now: NOW })
    await submitComment(db, citizen, input({ clientKey: 'form-key-bbbb' }), { roundId, now: NOW })
    expect(await db.comment.count()).toBe(before + 2)
  })
})

describe('my comments', () => {
  it('lists a person’s own comments with the published answer only', async () => {
    const { listMyComments } = await import('../../consultation/my-comments.ts')
    const citizen = await actorFor(CITIZEN)
    const first = await submitComment(db, citizen, input({ body: 'Moj prvi komentar.' }), { roundId, now: NOW })
    const second = await submitComment(db, citizen, input({ body: 'Moj drugi komentar.' }), { roundId, now: new Date(NOW.getTime() + 60_000) })
    if (!first.ok || !second.ok) throw new Error('not submitted')
    await db.response.create({ data: { commentId: first.value.commentId, status: 'accepted', reasoning: 'Prihvaćeno u izmijenjenom obliku.', publishedAt: NOW } })
    await db.response.create({ data: { commentId: second.value.commentId, status: 'rejected', reasoning: 'Nacrt odgovora.', publishedAt: null } })
    const mine = await listMyComments(db, citizen, NOW)
    expect(mine.map((c) => c.body)).toEqual(['Moj drugi komentar.', 'Moj prvi komentar.'])
    expect(mine[1]!.answer).toMatchObject({ status: 'accepted', reasoning: 'Prihvaćeno u izmijenjenom obliku.' })
    expect(mine[0]!.answer).toBeNull()
    expect(mine[0]!.round.state).toBe('open')
    expect(await listMyComments(db, ANONYMOUS, NOW)).toEqual([])
  })
})

describe('my comments’ targets', () => {
  it('say what each comment is about, with the consulted version’s labels, and where the round page shows it', async () => {
    const { listMyComments } = await import('../../consultation/my-comments.ts')
    const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, include: { version: true } })
    const outline = outlineDocument(loadDocument(round.version.doc), { language: 'bs', script: 'latn' })
    const section = outline.memorandum!.sections[0]!
    const article = articleWithParagraphs()
    const paragraph = article.paragraphs[1]!
    const withPoint = articles.flatMap((a) => a.paragraphs.map((p) => ({ a, p, point: p.blocks.find((b) => b.kind === 'point') }))).find((x) => x.point)!
    const citizen = await actorFor(CITIZEN)
    let at = NOW.getTime()
    const send = async (fields: Record<string, string>) => {
      const sent = await submitComment(db, citizen, input({ body: `Komentar ${at}`, ...fields }), { roundId, now: new Date((at += 1000)) })
      if (!sent.ok) throw new Error(sent.reason)
      return sent.value.commentId
    }
    const ids = {
      paragraph: await send({ targetNodeId: paragraph.id }),
      point: await send({ targetNodeId: (withPoint.point as { id: string }).id }),
      draft: await send({}),
      memorandum: await send({ targetNodeId: section.id }),
    }
    const reply = await send({ replyTo: ids.paragraph })
    const mine = new Map((await listMyComments(db, citizen, new Date(at))).map((c) => [c.id, c]))
    expect(mine.get(ids.paragraph)).toMatchObject({
      round: { id: roundId },
      target: { kind: 'paragraph', reply: false, articleLabel: article.label, paragraphLabel: paragraph.label, pointLabel: null, anchor: article.anchor },
    })
    expect(mine.get(ids.point)!.target).toMatchObject({
      kind: 'point', articleLabel: withPoint.a.label, paragraphLabel: withPoint.p.label, pointLabel: (withPoint.point as { label: string }).label, anchor: withPoint.a.anchor,
    })
    expect(mine.get(ids.draft)!.target).toEqual({
      kind: 'draft', reply: false, articleLabel: null, paragraphLabel: null, pointLabel: null, memorandumHeading: null, anchor: 'komentari',
    })
    expect(mine.get(ids.memorandum)!.target).toMatchObject({ kind: 'memorandum', memorandumHeading: section.heading, anchor: `m-${section.id}` })
    // A reply is about what the comment it answers is about, and is shown under it.
    expect(mine.get(reply)!.target).toMatchObject({ kind: 'paragraph', reply: true, articleLabel: article.label, anchor: article.anchor })
  })
})
