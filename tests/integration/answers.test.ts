// Answering comments against a real database: who may answer, what the public and the
// author see (draft answers never; published ones per the round's setting), one answer to
// a campaign group, templates, assignments, the dashboard, and "this comment led to this
// change".
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import { CAMPAIGN_SIZE } from '../../prisma/seed-campaign.ts'
import type { Db } from '../../drafting/db.ts'
import type { Prisma } from '../../generated/prisma/client.ts'
import { ANONYMOUS, loadActor, type Actor } from '../../accounts/actor.ts'
import { listRoundComments, submitComment } from '../../consultation/comments.ts'
import { listMyComments } from '../../consultation/my-comments.ts'
import { NewComment } from '../../consultation/inputs.ts'
import { answerGroup, assignComments, linkChange, noticesOnReport, publishAnswers, saveAnswer } from '../../consultation/responses.ts'
import { answerWorkspace, groupWorkspace, listAnswerQueue } from '../../consultation/answer-workspace.ts'
import { groupRoundComments, refreshGroups } from '../../consultation/answer-groups.ts'
import { roundDashboard } from '../../consultation/answer-dashboard.ts'
import { deleteTemplate, listTemplates, saveTemplate } from '../../consultation/response-templates.ts'
import { answerServices } from '../../app/.server/services/answers.ts'
import type { Mail } from '../../app/.server/mailer.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const LATER = new Date(NOW.getTime() + 60_000)
const SLUG = 'zakon-o-socijalnim-uslugama'
const CITIZEN = 'gradjanin@nacrt.example.ba'
const RESPONDER = 'emir.begic@fmrsp.example.ba'
const OWNER = 'lejla.mehmedovic@fmrsp.example.ba'
const EDITOR = 'dragan.kovacevic@fmrsp.example.ba'
const ADMIN = 'admin@nacrt.example.ba'

let db: Db
let cleanup: () => Promise<void>
let roundId: string
let draftId: string

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
  await seed(db, NOW)
  // The open round on version 2 (the sample also has an earlier, closed round).
  const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, version: { seq: 2 } }, orderBy: { opensAt: 'desc' } })
  roundId = round.id
  draftId = round.draftId
})
afterEach(async () => {
  await cleanup()
})

async function actorFor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email } })
  return loadActor(db, user.id)
}

/** A citizen's comment on an article of the consulted version (the first with several paragraphs by default). */
async function citizenComment(fields: Record<string, string> = {}): Promise<{ id: string; articleNodeId: string | null }> {
  const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { version: { select: { doc: true } } } })
  const articleId = fields.targetNodeId ?? firstArticleId(round.version.doc)
  const input = NewComment.parse({ body: 'Rok od 30 dana je prekratak za žalbu.', consentToPublish: 'on', targetNodeId: articleId, ...fields })
  const result = await submitComment(db, await actorFor(CITIZEN), input, { roundId, now: NOW })
  if (!result.ok) throw new Error(result.reason)
  return { id: result.value.commentId, articleNodeId: result.value.articleNodeId }
}

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }
function articles(doc: unknown): Json[] {
  const out: Json[] = []
  const walk = (n: Json) => {
    if (n.type === 'article') out.push(n)
    else n.content?.forEach(walk)
  }
  walk(doc as Json)
  return out
}
const firstArticleId = (doc: unknown) => articles(doc)[0]!.attrs!.id as string

const answer = (status: string, mode: 'draft' | 'publish' = 'publish', reasoning = 'Rok je produžen na 45 dana.') => ({ status, reasoning, mode })

async function campaignKey(): Promise<string> {
  const rows = await db.comment.groupBy({ by: ['groupKey'], where: { roundId, groupKey: { not: null } }, _count: { _all: true } })
  const campaign = rows.find((r) => r._count._all === CAMPAIGN_SIZE)
  if (!campaign?.groupKey) throw new Error(`no group of ${CAMPAIGN_SIZE}: ${JSON.stringify(rows)}`)
  return campaign.groupKey
}

describe('who may answer', () => {
  it('refuses citizens, editors and anonymous visitors, and stores nothing', async () => {
    const comment = await citizenComment()
    for (const email of [CITIZEN, EDITOR]) {
      const actor = await actorFor(email)
      expect(await saveAnswer(db, actor, { commentId: comment.id, ...answer('accepted') }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'forbidden' })
      expect(await listAnswerQueue(db, actor, roundId, {}, NOW)).toEqual({ ok: false, reason: 'forbidden' })
      expect(await roundDashboard(db, actor, roundId, NOW)).toEqual({ ok: false, reason: 'forbidden' })
      expect(await listTemplates(db, actor, roundId, NOW)).toEqual({ ok: false, reason: 'forbidden' })
    }
    expect(await saveAnswer(db, ANONYMOUS, { commentId: comment.id, ...answer('accepted') }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await db.response.count({ where: { comment: { roundId } } })).toBe(0)
  })

  it('lets the responder, the owner and an administrator answer', async () => {
    for (const email of [RESPONDER, OWNER, ADMIN]) {
      const comment = await citizenComment({ body: `Komentar za ${email}` })
      const result = await saveAnswer(db, await actorFor(email), { commentId: comment.id, ...answer('noted', 'draft') }, { roundId, now: NOW })
      expect(result, email).toMatchObject({ ok: true, value: { commentId: comment.id, status: 'noted', published: false, notices: [] } })
    }
    expect(await db.response.count({ where: { comment: { roundId } } })).toBe(3)
  })

  it('says round-not-found and comment-not-found for what does not exist', async () => {
    const responder = await actorFor(RESPONDER)
    expect(await saveAnswer(db, responder, { commentId: 'x', ...answer('accepted') }, { roundId: 'nema', now: NOW })).toEqual({ ok: false, reason: 'round-not-found' })
    expect(await saveAnswer(db, responder, { commentId: 'nema', ...answer('accepted') }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'comment-not-found' })
  })

  it('requires reasons for every status, and a known status', async () => {
    const comment = await citizenComment()
    const responder = await actorFor(RESPONDER)
    expect(await saveAnswer(db, responder, { commentId: comment.id, ...answer('rejected', 'publish', '  ') }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'reasoning-required' })
    expect(await saveAnswer(db, responder, { commentId: comment.id, ...answer('unanswered') }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'unknown-status' })
  })
})

describe('saving and publishing an answer', () => {
  it('keeps a draft answer from the public and the author, and shows it once published', async () => {
    const comment = await citizenComment()
    const responder = await actorFor(RESPONDER)
    const citizen = await actorFor(CITIZEN)
    await saveAnswer(db, responder, { commentId: comment.id, ...answer('partly-accepted', 'draft') }, { roundId, now: NOW })
    expect((await listRoundComments(db, roundId, LATER)).comments.find((c) => c.id === comment.id)?.answer).toBeUndefined()
    expect((await listMyComments(db, citizen, LATER)).find((c) => c.id === comment.id)?.answer).toBeNull()

    const published = await saveAnswer(db, responder, { commentId: comment.id, ...answer('partly-accepted') }, { roundId, now: NOW })
    expect(published.ok && published.value.published).toBe(true)
    const expected = { status: 'partly-accepted', reasoning: 'Rok je produžen na 45 dana.', publishedAt: NOW, change: null }
    expect((await listRoundComments(db, roundId, LATER)).comments.find((c) => c.id === comment.id)?.answer).toEqual(expected)
    expect((await listMyComments(db, citizen, LATER)).find((c) => c.id === comment.id)?.answer).toEqual(expected)
  })

  it('writes response.drafted and response.published audit events', async () => {
    const comment = await citizenComment()
    const responder = await actorFor(RESPONDER)
    await saveAnswer(db, responder, { commentId: comment.id, ...answer('accepted', 'draft') }, { roundId, now: NOW })
    await saveAnswer(db, responder, { commentId: comment.id, ...answer('accepted') }, { roundId, now: LATER })
    const events = await db.auditEvent.findMany({ where: { objectType: 'comment', objectId: comment.id, action: { startsWith: 'response.' } }, orderBy: { id: 'asc' } })
    expect(events.map((e) => [e.action, e.actorId, e.at])).toEqual([
      ['response.drafted', responder.userId, NOW],
      ['response.published', responder.userId, LATER],
    ])
  })

  it('never takes a published answer back into a draft', async () => {
    const comment = await citizenComment()
    const responder = await actorFor(RESPONDER)
    await saveAnswer(db, responder, { commentId: comment.id, ...answer('accepted') }, { roundId, now: NOW })
    expect(await saveAnswer(db, responder, { commentId: comment.id, ...answer('rejected', 'draft') }, { roundId, now: LATER })).toEqual({ ok: false, reason: 'already-published' })
    const corrected = await saveAnswer(db, responder, { commentId: comment.id, ...answer('rejected', 'publish', 'Ispravka.') }, { roundId, now: LATER })
    expect(corrected.ok && corrected.value.notices).toEqual([])
    expect(await db.response.findUniqueOrThrow({ where: { commentId: comment.id } })).toMatchObject({ status: 'rejected', reasoning: 'Ispravka.', publishedAt: LATER })
  })

  it('tells the author once, in their language, when the answer is first published in a round that publishes at once', async () => {
    await db.user.update({ where: { email: CITIZEN }, data: { locale: 'en' } })
    const comment = await citizenComment()
    const responder = await actorFor(RESPONDER)
    const first = await saveAnswer(db, responder, { commentId: comment.id, ...answer('accepted') }, { roundId, now: NOW })
    expect(first.ok && first.value.notices).toEqual([
      { to: CITIZEN, locale: 'en', name: 'Senad Građanin', draftTitle: expect.stringContaining('Zakon o socijalnim uslugama'), roundTitle: expect.any(String), status: 'accepted', reasoning: 'Rok je produžen na 45 dana.' },
    ])
  })

  it('sends the e-mail through the outbox after the answer is saved, in the author’s language', async () => {
    await db.user.update({ where: { email: CITIZEN }, data: { locale: 'en' } })
    const comment = await citizenComment()
    const sent: Mail[] = []
    const services = answerServices({ db, mailer: { send: async (m) => void sent.push(m) }, clock: () => NOW })
    const result = await services.saveAnswer(await actorFor(RESPONDER), roundId, comment.id, { status: 'accepted', reasoning: 'Prihvaćeno.', intent: 'publish' }, { baseUrl: 'https://nacrt.example.ba', locale: 'bs' })
    expect(result.ok).toBe(true)
    expect(sent).toHaveLength(1)
    expect(sent[0]!.to).toBe(CITIZEN)
    expect(sent[0]!.text).toContain('https://nacrt.example.ba/account/comments')
    expect(sent[0]!.text).toContain('Accepted')
    expect(sent[0]!.text).toContain('Prihvaćeno.')
  })
})

describe('the round’s publication setting', () => {
  it('holds published answers back until the report is published in a with-report round, then tells the authors', async () => {
    await db.round.update({ where: { id: roundId }, data: { answersPublication: 'with-report' } })
    const comment = await citizenComment()
    const result = await saveAnswer(db, await actorFor(RESPONDER), { commentId: comment.id, ...answer('rejected') }, { roundId, now: NOW })
    expect(result.ok && result.value.notices).toEqual([])
    expect((await listRoundComments(db, roundId, LATER)).comments.find((c) => c.id === comment.id)?.answer).toBeUndefined()
    expect((await listMyComments(db, await actorFor(CITIZEN), LATER)).find((c) => c.id === comment.id)?.answer).toBeNull()

    await db.round.update({ where: { id: roundId }, data: { state: 'report-published', reportPublishedAt: LATER } })
    expect((await listRoundComments(db, roundId, LATER)).comments.find((c) => c.id === comment.id)?.answer?.status).toBe('rejected')
    expect((await listMyComments(db, await actorFor(CITIZEN), LATER)).find((c) => c.id === comment.id)?.answer?.status).toBe('rejected')
    expect((await noticesOnReport(db, roundId)).map((n) => n.to)).toEqual([CITIZEN])
  })
})

describe('campaign groups', () => {
  it('groups the sample campaign’s 50 near-identical comments, and keeps the groups when computed again', async () => {
    const key = await campaignKey()
    const members = await db.comment.findMany({ where: { groupKey: key }, select: { body: true } })
    expect(new Set(members.map((m) => m.body)).size).toBeGreaterThan(1)
    expect(await groupRoundComments(db, roundId)).toMatchObject({ changed: 0 })
    expect(await refreshGroups(db, await actorFor(EDITOR), roundId, NOW)).toEqual({ ok: false, reason: 'forbidden' })
  })

  it('takes a hidden comment out of its group', async () => {
    const key = await campaignKey()
    const member = await db.comment.findFirstOrThrow({ where: { groupKey: key, id: { not: key } } })
    await db.comment.update({ where: { id: member.id }, data: { status: 'hidden' } })
    await groupRoundComments(db, roundId)
    expect((await db.comment.findUniqueOrThrow({ where: { id: member.id } })).groupKey).toBeNull()
    expect(await db.comment.count({ where: { groupKey: key } })).toBe(CAMPAIGN_SIZE - 1)
  })

  it('answers a group of 50 in one go: one answer per member, one audit event, every author told', async () => {
    const key = await campaignKey()
    const responder = await actorFor(RESPONDER)
    const result = await answerGroup(db, responder, { groupKey: key, ...answer('noted', 'publish', 'Pitanje obima asistencije uređuje se podzakonskim aktom.') }, { roundId, now: NOW })
    if (!result.ok) throw new Error(result.reason)
    expect(result.value).toMatchObject({ groupKey: key, answered: CAMPAIGN_SIZE, skipped: 0 })
    expect(result.value.notices).toHaveLength(CAMPAIGN_SIZE)
    const responses = await db.response.findMany({ where: { comment: { groupKey: key } } })
    expect(responses).toHaveLength(CAMPAIGN_SIZE)
    expect(new Set(responses.map((r) => r.commentId)).size).toBe(CAMPAIGN_SIZE)
    expect(responses.every((r) => r.status === 'noted' && r.publishedAt?.getTime() === NOW.getTime() && r.authorId === responder.userId)).toBe(true)
    expect(await db.auditEvent.count({ where: { action: 'response.group-published', objectId: key } })).toBe(1)

    const workspace = await groupWorkspace(db, responder, roundId, key, 1, NOW)
    expect(workspace.ok && workspace.value).toMatchObject({ size: CAMPAIGN_SIZE, tally: { answered: CAMPAIGN_SIZE, published: CAMPAIGN_SIZE, noted: CAMPAIGN_SIZE }, common: { status: 'noted' } })
  })

  it('saved as a draft, leaves members whose answer is published as they are', async () => {
    const key = await campaignKey()
    const responder = await actorFor(RESPONDER)
    const one = await db.comment.findFirstOrThrow({ where: { groupKey: key } })
    await saveAnswer(db, responder, { commentId: one.id, ...answer('accepted', 'publish', 'Posebno obrazloženje.') }, { roundId, now: NOW })
    const result = await answerGroup(db, responder, { groupKey: key, ...answer('rejected', 'draft') }, { roundId, now: LATER })
    expect(result.ok && result.value).toMatchObject({ answered: CAMPAIGN_SIZE - 1, skipped: 1, notices: [] })
    expect(await db.response.findUniqueOrThrow({ where: { commentId: one.id } })).toMatchObject({ status: 'accepted', reasoning: 'Posebno obrazloženje.' })
    expect(await db.response.count({ where: { comment: { groupKey: key }, publishedAt: null, status: 'rejected' } })).toBe(CAMPAIGN_SIZE - 1)

    const published = await publishAnswers(db, responder, { commentIds: [], groupKeys: [key] }, { roundId, now: LATER })
    expect(published.ok && published.value.published).toBe(CAMPAIGN_SIZE - 1)
    expect(published.ok && published.value.notices).toHaveLength(CAMPAIGN_SIZE - 1)
    expect(await db.response.count({ where: { comment: { groupKey: key }, publishedAt: null } })).toBe(0)
  })

  it('answers a campaign of 5,000 in one go', async () => {
    const authorId = (await db.user.findUniqueOrThrow({ where: { email: CITIZEN } })).id
    const text = 'Tražimo da se u zakon vrati pravo na besplatan prevoz za sve korisnike usluga dnevnog boravka u svim kantonima.'
    await db.comment.createMany({
      data: Array.from({ length: 5000 }, (_, i) => ({ roundId, authorId, body: i % 2 ? text : `${text} Hvala.`, createdAt: new Date(NOW.getTime() - i * 1000) })),
    })
    await groupRoundComments(db, roundId)
    const key = (await db.comment.findFirstOrThrow({ where: { roundId, body: text }, select: { groupKey: true } })).groupKey!
    expect(await db.comment.count({ where: { groupKey: key } })).toBe(5000)
    const result = await answerGroup(db, await actorFor(RESPONDER), { groupKey: key, ...answer('noted') }, { roundId, now: NOW })
    expect(result.ok && result.value.answered).toBe(5000)
    expect(await db.response.count({ where: { comment: { groupKey: key }, publishedAt: NOW } })).toBe(5000)
  })

  it('says group-not-found for an unknown group', async () => {
    expect(await answerGroup(db, await actorFor(RESPONDER), { groupKey: 'nema', ...answer('noted') }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'group-not-found' })
  })
})

describe('the answering list', () => {
  it('shows the campaign as one row with its size, and filters by status, article and assignee', async () => {
    const responder = await actorFor(RESPONDER)
    const key = await campaignKey()
    const comment = await citizenComment()
    const queue = await listAnswerQueue(db, responder, roundId, {}, NOW)
    if (!queue.ok) throw new Error(queue.reason)
    const total = await db.comment.count({ where: { roundId, status: 'published', withdrawnAt: null } })
    expect(queue.value.matching).toBe(total)
    expect(queue.value.rows).toBe(total - CAMPAIGN_SIZE + 1)
    const group = queue.value.entries.find((e) => e.kind === 'group' && e.groupKey === key)
    expect(group).toMatchObject({ kind: 'group', size: CAMPAIGN_SIZE, matching: CAMPAIGN_SIZE, tally: { unanswered: CAMPAIGN_SIZE } })
    expect(queue.value.overall).toMatchObject({ total, unanswered: total })

    await saveAnswer(db, responder, { commentId: comment.id, ...answer('accepted', 'draft') }, { roundId, now: NOW })
    const drafts = await listAnswerQueue(db, responder, roundId, { status: 'accepted', publication: 'draft' }, NOW)
    expect(drafts.ok && drafts.value.entries.map((e) => e.kind === 'comment' && e.comment.id)).toEqual([comment.id])
    const onArticle = await listAnswerQueue(db, responder, roundId, { article: comment.articleNodeId! }, NOW)
    expect(onArticle.ok && onArticle.value.entries.every((e) => e.kind === 'comment' && e.comment.unit.articleNodeId === comment.articleNodeId)).toBe(true)
    const unanswered = await listAnswerQueue(db, responder, roundId, { status: 'unanswered' }, NOW)
    expect(unanswered.ok && unanswered.value.matching).toBe(total - 1)

    await assignComments(db, responder, { selection: { commentIds: [comment.id], groupKeys: [] }, assigneeId: responder.userId }, { roundId, now: NOW })
    const mine = await listAnswerQueue(db, responder, roundId, { assignee: 'me' }, NOW)
    expect(mine.ok && mine.value.entries.map((e) => e.kind === 'comment' && e.comment.assignee)).toEqual([{ id: responder.userId, name: 'Emir Begić' }])
  })

  it('pages the list 50 rows at a time', async () => {
    const authorId = (await db.user.findUniqueOrThrow({ where: { email: CITIZEN } })).id
    await db.comment.createMany({ data: Array.from({ length: 60 }, (_, i) => ({ roundId, authorId, body: `Poseban komentar broj ${i} o posve drugoj temi ${i * 7919}.` })) })
    const responder = await actorFor(RESPONDER)
    const first = await listAnswerQueue(db, responder, roundId, {}, NOW)
    const last = await listAnswerQueue(db, responder, roundId, { page: 99 }, NOW)
    if (!first.ok || !last.ok) throw new Error('forbidden')
    expect(first.value.entries).toHaveLength(50)
    expect(last.value.page).toBe(first.value.pageCount)
    expect((first.value.pageCount - 1) * 50 + last.value.entries.length).toBe(first.value.rows)
  })
})

describe('the answering workspace', () => {
  it('shows the article as consulted and as it reads now, and the other comments on it', async () => {
    const responder = await actorFor(RESPONDER)
    const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { version: { select: { doc: true } } } })
    const key = await campaignKey()
    const campaign = await db.comment.findFirstOrThrow({ where: { groupKey: key } })
    // The working group has changed the article since.
    const doc = structuredClone(round.version.doc) as Json
    const article = articles(doc).find((a) => a.attrs!.id === campaign.articleNodeId)!
    appendText(article, ' Izmijenjeno nakon konsultacija.')
    await db.workingCopy.update({ where: { draftId }, data: { doc: doc as unknown as Prisma.InputJsonValue } })

    const workspace = await answerWorkspace(db, responder, roundId, campaign.id, NOW)
    if (!workspace.ok) throw new Error(workspace.reason)
    const { texts, others, othersTotal, comment } = workspace.value
    expect(texts?.article.label).toMatch(/^Član \d+\.$/)
    expect(texts?.consulted).toContain('Personalna asistencija je usluga')
    expect(texts?.current.source).toBe('working-copy')
    expect(texts?.current.text).toContain('Izmijenjeno nakon konsultacija.')
    expect(texts?.current.changes.some((c) => c.type === 'insert' && c.text.includes('Izmijenjeno'))).toBe(true)
    expect(othersTotal).toBeGreaterThanOrEqual(CAMPAIGN_SIZE - 1)
    expect(others.every((o) => o.id !== campaign.id && o.unit.articleNodeId === campaign.articleNodeId)).toBe(true)
    expect(comment.groupSize).toBe(CAMPAIGN_SIZE)
  })
})

function appendText(node: Json, text: string) {
  const walk = (n: Json): boolean => {
    for (const child of n.content ?? []) {
      if (child.type === 'text') {
        child.text += text
        return true
      }
      if (walk(child)) return true
    }
    return false
  }
  // The first paragraph's text, after the heading.
  const paragraph = node.content!.find((c) => c.type === 'paragraph')!
  if (!walk(paragraph)) throw new Error('no text to change')
}

describe('templates', () => {
  it('creates, changes and deletes the institution’s templates', async () => {
    const responder = await actorFor(RESPONDER)
    const created = await saveTemplate(db, responder, { title: 'Podzakonski akt', status: 'noted', reasoning: 'Uređuje se pravilnikom.' }, { roundId, now: NOW })
    if (!created.ok) throw new Error(created.reason)
    const ministry = await db.organisation.findUniqueOrThrow({ where: { slug: 'fmrsp' } })
    expect(await db.responseTemplate.findUniqueOrThrow({ where: { id: created.value.id } })).toMatchObject({ organisationId: ministry.id, title: 'Podzakonski akt' })
    const changed = await saveTemplate(db, responder, { templateId: created.value.id, title: 'Podzakonski akt', status: 'rejected', reasoning: 'Nije predmet zakona.' }, { roundId, now: NOW })
    expect(changed.ok && changed.value.status).toBe('rejected')
    const listed = await listTemplates(db, responder, roundId, NOW)
    expect(listed.ok && listed.value.templates.map((t) => t.title)).toEqual(['Podzakonski akt'])
    expect(await saveTemplate(db, responder, { title: 'x', status: 'noted', reasoning: ' ' }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'reasoning-required' })
    expect(await deleteTemplate(db, await actorFor(EDITOR), created.value.id, { roundId, now: NOW })).toEqual({ ok: false, reason: 'forbidden' })
    expect(await deleteTemplate(db, responder, created.value.id, { roundId, now: NOW })).toEqual({ ok: true, value: { id: created.value.id } })
    expect(await deleteTemplate(db, responder, created.value.id, { roundId, now: NOW })).toEqual({ ok: false, reason: 'template-not-found' })
  })
})

describe('assignments and the dashboard', () => {
  it('assigns to staff and people on the draft, not to anyone else', async () => {
    const responder = await actorFor(RESPONDER)
    const comment = await citizenComment()
    const editor = await actorFor(EDITOR)
    const citizen = await actorFor(CITIZEN)
    const selection = { commentIds: [comment.id], groupKeys: [] }
    expect(await assignComments(db, responder, { selection, assigneeId: citizen.userId }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'not-assignable' })
    expect(await assignComments(db, editor, { selection, assigneeId: editor.userId }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'forbidden' })
    const done = await assignComments(db, responder, { selection, assigneeId: editor.userId }, { roundId, now: NOW })
    expect(done).toEqual({ ok: true, value: { assigned: 1, assignee: { id: editor.userId, name: 'Dragan Kovačević' } } })
    expect((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).assigneeId).toBe(editor.userId)
    const removed = await assignComments(db, responder, { selection, assigneeId: null }, { roundId, now: NOW })
    expect(removed.ok && removed.value.assigned).toBe(1)
  })

  it('counts answered, unanswered and each status per article and per assignee', async () => {
    const responder = await actorFor(RESPONDER)
    const key = await campaignKey()
    const comment = await citizenComment()
    await assignComments(db, responder, { selection: { commentIds: [], groupKeys: [key] }, assigneeId: responder.userId }, { roundId, now: NOW })
    await answerGroup(db, responder, { groupKey: key, ...answer('rejected') }, { roundId, now: NOW })
    await saveAnswer(db, responder, { commentId: comment.id, ...answer('accepted', 'draft') }, { roundId, now: NOW })

    const dashboard = await roundDashboard(db, responder, roundId, NOW)
    if (!dashboard.ok) throw new Error(dashboard.reason)
    const total = await db.comment.count({ where: { roundId, status: 'published', withdrawnAt: null } })
    expect(dashboard.value.overall).toMatchObject({ total, answered: CAMPAIGN_SIZE + 1, unanswered: total - CAMPAIGN_SIZE - 1, rejected: CAMPAIGN_SIZE, accepted: 1, drafts: 1 })
    const campaignArticle = (await db.comment.findFirstOrThrow({ where: { groupKey: key } })).articleNodeId
    const row = dashboard.value.articles.find((a) => a.articleNodeId === campaignArticle)
    expect(row?.label).toMatch(/^Član \d+\.$/)
    expect(row?.tally.rejected).toBe(CAMPAIGN_SIZE)
    expect(dashboard.value.assignees.find((a) => a.assigneeId === responder.userId)).toMatchObject({ name: 'Emir Begić', tally: { total: CAMPAIGN_SIZE, answered: CAMPAIGN_SIZE, rejected: CAMPAIGN_SIZE } })
    expect(dashboard.value.assignees.find((a) => a.assigneeId === null)?.tally).toMatchObject({ total: total - CAMPAIGN_SIZE, accepted: 1 })
    const articleTotal = dashboard.value.articles.reduce((sum, a) => sum + a.tally.total, 0)
    expect(articleTotal).toBe(total)

    // For a Cyrillic reader: the articles labelled as the public pages label them, the titles transliterated.
    const cyrillic = await roundDashboard(db, responder, roundId, NOW, { script: 'cyrl' })
    if (!cyrillic.ok) throw new Error(cyrillic.reason)
    expect(cyrillic.value.articles.find((a) => a.articleNodeId === campaignArticle)?.label).toBe(row!.label!.replace('Član', 'Члан'))
    expect(cyrillic.value.draft.title).toBe('Закон о социјалним услугама у Федерацији Босне и Херцеговине')
    expect(cyrillic.value.round.title).toBe('Јавне консултације о Нацрту закона о социјалним услугама')
    expect(cyrillic.value.overall).toEqual(dashboard.value.overall)
  })
})

describe('this comment led to this change', () => {
  async function laterVersion(change: (doc: Json) => void): Promise<number> {
    const v2 = await db.version.findFirstOrThrow({ where: { draftId, seq: 2 } })
    const doc = structuredClone(v2.doc) as Json
    change(doc)
    await db.version.create({ data: { draftId, seq: 3, name: 'Nacrt nakon konsultacija', doc: doc as unknown as Prisma.InputJsonValue, createdAt: NOW } })
    return 3
  }

  it('links an accepted comment to its article in a later version, and the public reads the link', async () => {
    const comment = await citizenComment()
    const responder = await actorFor(RESPONDER)
    await saveAnswer(db, responder, { commentId: comment.id, ...answer('accepted') }, { roundId, now: NOW })
    const seq = await laterVersion((doc) => appendText(articles(doc).find((a) => a.attrs!.id === comment.articleNodeId)!, ' (izmijenjeno)'))
    const linked = await linkChange(db, responder, { commentId: comment.id, versionSeq: seq }, { roundId, now: NOW })
    const expected = { draftSlug: SLUG, fromSeq: 2, toSeq: 3, toName: 'Nacrt nakon konsultacija', anchor: 'clan-1' }
    expect(linked).toEqual({ ok: true, value: { change: expected } })
    expect(await db.response.findUniqueOrThrow({ where: { commentId: comment.id } })).toMatchObject({ changeNodeId: comment.articleNodeId, changeVersionId: expect.any(String) })
    expect((await listRoundComments(db, roundId, LATER)).comments.find((c) => c.id === comment.id)?.answer?.change).toEqual(expected)
    expect(await db.auditEvent.count({ where: { action: 'response.change-linked', objectId: comment.id } })).toBe(1)

    const unlinked = await linkChange(db, responder, { commentId: comment.id, versionSeq: null }, { roundId, now: NOW })
    expect(unlinked).toEqual({ ok: true, value: { change: null } })
  })

  it('refuses a link for a rejected comment, an unanswered one, the consulted version, a missing version or an unchanged article', async () => {
    const responder = await actorFor(RESPONDER)
    const comment = await citizenComment()
    expect(await linkChange(db, responder, { commentId: comment.id, versionSeq: 3 }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'not-answered' })
    await saveAnswer(db, responder, { commentId: comment.id, ...answer('rejected') }, { roundId, now: NOW })
    expect(await linkChange(db, responder, { commentId: comment.id, versionSeq: 3 }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'not-accepted' })
    await saveAnswer(db, responder, { commentId: comment.id, ...answer('accepted') }, { roundId, now: NOW })
    expect(await linkChange(db, responder, { commentId: comment.id, versionSeq: 2 }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'not-a-later-version' })
    expect(await linkChange(db, responder, { commentId: comment.id, versionSeq: 3 }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'version-not-found' })
    const seq = await laterVersion((doc) => appendText(articles(doc).at(-1)!, ' (izmijenjeno)'))
    expect(await linkChange(db, responder, { commentId: comment.id, versionSeq: seq }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'no-change' })
    expect(await linkChange(db, await actorFor(EDITOR), { commentId: comment.id, versionSeq: seq }, { roundId, now: NOW })).toEqual({ ok: false, reason: 'forbidden' })
  })

  it('drops the link when the answer turns to rejected', async () => {
    const comment = await citizenComment()
    const responder = await actorFor(RESPONDER)
    await saveAnswer(db, responder, { commentId: comment.id, ...answer('accepted') }, { roundId, now: NOW })
    const seq = await laterVersion((doc) => appendText(articles(doc).find((a) => a.attrs!.id === comment.articleNodeId)!, ' (izmijenjeno)'))
    await linkChange(db, responder, { commentId: comment.id, versionSeq: seq }, { roundId, now: NOW })
    await saveAnswer(db, responder, { commentId: comment.id, ...answer('rejected') }, { roundId, now: LATER })
    expect(await db.response.findUniqueOrThrow({ where: { commentId: comment.id } })).toMatchObject({ changeVersionId: null, changeNodeId: null })
  })
})
