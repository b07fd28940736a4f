// Moderating a round's comments against a real database: who may moderate, what each act
// leaves behind (the comment kept, its reason, the audit log, the author's notice), pre-
// and post-moderation, redaction that keeps the original for staff, readers' reports and
// the threshold that hides a comment pending review, and the routes that call all this.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RouterContextProvider } from 'react-router'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor } from '../../accounts/actor.ts'
import { listRoundComments, submitComment } from '../../consultation/comments.ts'
import { listMyComments } from '../../consultation/my-comments.ts'
import { NewComment } from '../../consultation/inputs.ts'
import {
  QUEUE_PAGE_SIZE, approveComment, hideComment, moderationQueue, moderationSummary, redactComment, reportComment, reportableComment,
  reporterFor, setModerationSettings, unhideComment, type CommentRef,
} from '../../consultation/moderation.ts'
import { bindServices } from '../../app/.server/services.ts'
import { moderationServices } from '../../app/.server/services/moderation.ts'
import { requestContext, sessionContext } from '../../app/.server/context.ts'
import type { Mail } from '../../app/.server/mailer.ts'
import type { RateLimits } from '../../app/.server/rate-limit.ts'
import { action as moderationAction, loader as moderationLoader } from '../../app/routes/round-moderation.tsx'
import { action as reportAction, loader as reportLoader } from '../../app/routes/comment-report.tsx'

const NOW = new Date('2026-11-23T10:00:00Z')
const LATER = new Date('2026-11-23T11:00:00Z')
const SLUG = 'zakon-o-socijalnim-uslugama'
const CITIZEN = 'gradjanin@nacrt.example.ba'
const EDITOR = 'dragan.kovacevic@fmrsp.example.ba'
const OWNER = 'lejla.mehmedovic@fmrsp.example.ba'
const ADMIN = 'admin@nacrt.example.ba'

let db: Db
let cleanup: () => Promise<void>
let roundId: string
/** The round's sample comments, oldest first. */
let sample: { id: string; body: string; authorId: string | null }[]

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
  await seed(db, NOW)
  const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG } } })
  roundId = round.id
  sample = await db.comment.findMany({ where: { roundId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: { id: true, body: true, authorId: true } })
})
afterEach(async () => {
  await cleanup()
})

async function actorFor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email } })
  return loadActor(db, user.id)
}

/** A person who is only a moderator of the sample draft: no other role, no organisation. */
async function assignedModerator(): Promise<Actor> {
  const draft = await db.draft.findUniqueOrThrow({ where: { slug: SLUG } })
  const user = await db.user.create({ data: { email: 'moderatorka@example.ba', name: 'Mirela Moderatorka', emailVerifiedAt: NOW, locale: 'bs' } })
  await db.draftAssignment.create({ data: { draftId: draft.id, userId: user.id, role: 'moderator' } })
  return loadActor(db, user.id)
}

const ref = (commentId: string): CommentRef => ({ roundId, commentId })
const publicIds = async () => new Set((await listRoundComments(db, roundId, NOW)).comments.map((c) => c.id))
const audit = (action: string, objectId?: string) => db.auditEvent.findMany({ where: { action, ...(objectId ? { objectId } : {}) }, orderBy: { id: 'asc' } })

describe('who may moderate', () => {
  it('refuses anonymous visitors, citizens and the draft’s editors, and changes nothing', async () => {
    const target = sample[0]!.id
    for (const actor of [ANONYMOUS, await actorFor(CITIZEN), await actorFor(EDITOR)]) {
      expect(await moderationQueue(db, actor, roundId, {}, NOW)).toEqual({ ok: false, reason: 'forbidden' })
      expect(await hideComment(db, actor, ref(target), { reason: 'spam' }, NOW)).toEqual({ ok: false, reason: 'forbidden' })
      expect(await approveComment(db, actor, ref(target), NOW)).toEqual({ ok: false, reason: 'forbidden' })
      expect(await unhideComment(db, actor, ref(target), NOW)).toEqual({ ok: false, reason: 'forbidden' })
      expect(await redactComment(db, actor, ref(target), '[…]', NOW)).toEqual({ ok: false, reason: 'forbidden' })
      expect(await setModerationSettings(db, actor, roundId, { moderationMode: 'pre', reportThreshold: 1 }, NOW)).toEqual({ ok: false, reason: 'forbidden' })
    }
    expect(await db.comment.findUniqueOrThrow({ where: { id: target } })).toMatchObject({ status: 'published', hiddenReason: null, redactedBody: null })
    expect(await db.round.findUniqueOrThrow({ where: { id: roundId } })).toMatchObject({ moderationMode: 'post', reportThreshold: 3 })
    expect(await db.auditEvent.count({ where: { action: { startsWith: 'comment.' } } })).toBe(0)
  })

  it('lets a moderator assigned on the draft, the draft’s owner and an administrator moderate', async () => {
    const [moderator, owner, admin] = [await assignedModerator(), await actorFor(OWNER), await actorFor(ADMIN)]
    for (const [i, actor] of [moderator, owner, admin].entries()) {
      const queue = await moderationQueue(db, actor, roundId, {}, NOW)
      expect(queue.ok).toBe(true)
      const hidden = await hideComment(db, actor, ref(sample[i]!.id), { reason: 'off-topic' }, NOW)
      expect(hidden.ok && hidden.value.status).toBe('hidden')
    }
  })

  it('says not-found for a comment of another round, or a round that does not exist', async () => {
    const owner = await actorFor(OWNER)
    expect(await hideComment(db, owner, { roundId: 'drugi-krug', commentId: sample[0]!.id }, { reason: 'spam' }, NOW)).toEqual({ ok: false, reason: 'not-found' })
    expect(await moderationQueue(db, owner, 'nema-kruga', {}, NOW)).toEqual({ ok: false, reason: 'not-found' })
  })
})

describe('hideComment', () => {
  it('hides a comment with its reason, keeps it, logs who and when, and tells its author why', async () => {
    const moderator = await assignedModerator()
    const target = sample[1]!
    const author = await db.user.findUniqueOrThrow({ where: { id: target.authorId! } })
    const result = await hideComment(db, moderator, ref(target.id), { reason: 'personal-data', note: 'Molimo bez imena djece.' }, NOW)
    expect(result).toEqual({
      ok: true,
      value: {
        status: 'hidden',
        notice: {
          kind: 'hidden', to: author.email, locale: 'bs', name: author.name, reason: 'personal-data', note: 'Molimo bez imena djece.',
          draft: { slug: SLUG, title: expect.any(String) }, round: { title: expect.any(String) }, excerpt: expect.any(String),
        },
      },
    })
    expect(await db.comment.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      body: target.body, status: 'hidden', hiddenReason: 'personal-data', moderatedAt: NOW, moderatedById: moderator.userId,
    })
    expect(await publicIds()).not.toContain(target.id)
    const [event] = await audit('comment.hidden', target.id)
    expect(event).toMatchObject({
      actorId: moderator.userId, at: NOW, objectType: 'comment',
      data: { roundId, reason: 'personal-data', note: 'Molimo bez imena djece.', previousStatus: 'published', reports: 0 },
    })
    const mine = await listMyComments(db, await loadActor(db, author.id), NOW)
    expect(mine.find((c) => c.id === target.id)).toMatchObject({ status: 'hidden', hiddenReason: 'personal-data', body: target.body })
  })

  it('counts hidden comments by reason for the report; nothing is ever deleted', async () => {
    const owner = await actorFor(OWNER)
    const before = await db.comment.count({ where: { roundId } })
    await hideComment(db, owner, ref(sample[0]!.id), { reason: 'spam' }, NOW)
    await hideComment(db, owner, ref(sample[1]!.id), { reason: 'spam' }, NOW)
    await hideComment(db, owner, ref(sample[2]!.id), { reason: 'offensive' }, NOW)
    const summary = await moderationSummary(db, roundId)
    expect(summary.hidden).toEqual({ total: 3, byReason: { spam: 2, offensive: 1, 'off-topic': 0, 'personal-data': 0, reported: 0 } })
    expect(summary.published).toBe(before - 3)
    expect(await db.comment.count({ where: { roundId } })).toBe(before)
  })

  it('changes nothing when the comment is already hidden for the same reason', async () => {
    const owner = await actorFor(OWNER)
    await hideComment(db, owner, ref(sample[0]!.id), { reason: 'spam' }, NOW)
    expect(await hideComment(db, owner, ref(sample[0]!.id), { reason: 'spam' }, LATER)).toEqual({ ok: true, value: { status: 'hidden', notice: null } })
    expect(await audit('comment.hidden', sample[0]!.id)).toHaveLength(1)
  })
})

describe('unhideComment and approveComment', () => {
  it('publishes a hidden comment again, logged; a published one is not-hidden', async () => {
    const owner = await actorFor(OWNER)
    const id = sample[0]!.id
    await hideComment(db, owner, ref(id), { reason: 'off-topic' }, NOW)
    expect(await unhideComment(db, owner, ref(id), LATER)).toEqual({ ok: true, value: { status: 'published', notice: null } })
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'published', hiddenReason: null, moderatedAt: LATER })
    expect(await publicIds()).toContain(id)
    expect(await audit('comment.unhidden', id)).toEqual([expect.objectContaining({ actorId: owner.userId, at: LATER, data: { roundId, previousReason: 'off-topic' } })])
    expect(await unhideComment(db, owner, ref(id), LATER)).toEqual({ ok: false, reason: 'not-hidden' })
  })
})

describe('pre-moderation', () => {
  it('holds new comments for a moderator once the round is switched to it, until one approves them', async () => {
    const owner = await actorFor(OWNER)
    expect(await setModerationSettings(db, owner, roundId, { moderationMode: 'pre', reportThreshold: 3 }, NOW)).toEqual({
      ok: true, value: { moderationMode: 'pre', reportThreshold: 3 },
    })
    expect(await audit('round.moderation-mode')).toEqual([expect.objectContaining({ actorId: owner.userId, objectId: roundId, at: NOW, data: { from: 'post', to: 'pre' } })])
    expect(await audit('round.report-threshold')).toHaveLength(0)

    const citizen = await actorFor(CITIZEN)
    const submitted = await submitComment(db, citizen, NewComment.parse({ body: 'Komentar na čekanju.', consentToPublish: 'on' }), { roundId, now: NOW })
    if (!submitted.ok) throw new Error(submitted.reason)
    expect(submitted.value.status).toBe('pending')
    const id = submitted.value.commentId
    expect(await publicIds()).not.toContain(id)
    expect((await listMyComments(db, citizen, NOW)).find((c) => c.id === id)).toMatchObject({ status: 'pending', hiddenReason: null })
    expect(await reportComment(db, reporterFor(ANONYMOUS, '10.0.0.1', id), ref(id), {}, NOW)).toEqual({ ok: false, reason: 'not-found' })

    const queue = await moderationQueue(db, owner, roundId, {}, NOW)
    expect(queue.ok && queue.value.comments[0]).toMatchObject({ id, status: 'pending', group: 'pending' })
    expect(queue.ok && queue.value.summary.pending).toBe(1)

    expect(await approveComment(db, owner, ref(id), LATER)).toEqual({ ok: true, value: { status: 'published', notice: null } })
    expect(await publicIds()).toContain(id)
    expect(await audit('comment.approved', id)).toEqual([
      expect.objectContaining({ actorId: owner.userId, at: LATER, data: { roundId, previousStatus: 'pending', previousReason: null, reports: 0 } }),
    ])
  })

  it('publishes at once again after switching back to post-moderation; what was pending stays pending', async () => {
    const owner = await actorFor(OWNER)
    const citizen = await actorFor(CITIZEN)
    await setModerationSettings(db, owner, roundId, { moderationMode: 'pre', reportThreshold: 3 }, NOW)
    const held = await submitComment(db, citizen, NewComment.parse({ body: 'Prvi.', consentToPublish: 'on' }), { roundId, now: NOW })
    await setModerationSettings(db, owner, roundId, { moderationMode: 'post', reportThreshold: 3 }, LATER)
    const direct = await submitComment(db, citizen, NewComment.parse({ body: 'Drugi.', consentToPublish: 'on' }), { roundId, now: LATER })
    if (!held.ok || !direct.ok) throw new Error('not stored')
    expect(direct.value.status).toBe('published')
    expect((await db.comment.findUniqueOrThrow({ where: { id: held.value.commentId } })).status).toBe('pending')
    expect(await audit('round.moderation-mode')).toHaveLength(2)
  })
})

describe('redactComment', () => {
  it('shows the public the text without the passage and keeps the original for staff', async () => {
    const moderator = await assignedModerator()
    const citizen = await actorFor(CITIZEN)
    const body = 'Moja kćerka Amra Hodžić ima dijagnozu F84.0 i čeka predah već godinu dana. Član 35. treba proširiti.'
    const submitted = await submitComment(db, citizen, NewComment.parse({ body, consentToPublish: 'on' }), { roundId, now: NOW })
    if (!submitted.ok) throw new Error(submitted.reason)
    const id = submitted.value.commentId
    const edited = 'Moja kćerka […] ima dijagnozu […] i čeka predah već godinu dana. Član 35. treba proširiti.'
    const result = await redactComment(db, moderator, ref(id), edited, NOW)
    expect(result.ok && result.value).toMatchObject({ status: 'published', redactedBody: edited, notice: { kind: 'redacted', reason: null, to: CITIZEN } })
    expect(await db.comment.findUniqueOrThrow({ where: { id } })).toMatchObject({ body, redactedBody: edited, moderatedAt: NOW, moderatedById: moderator.userId })
    const publicList = await listRoundComments(db, roundId, NOW)
    expect(publicList.comments.find((c) => c.id === id)?.body).toBe(edited)
    expect(JSON.stringify(publicList)).not.toContain('Amra')
    expect(JSON.stringify(publicList)).not.toContain('F84.0')
    const queue = await moderationQueue(db, moderator, roundId, { view: 'published' }, NOW)
    expect(queue.ok && queue.value.comments.find((c) => c.id === id)).toMatchObject({ body, redactedBody: edited })
    expect(queue.ok && queue.value.summary.redacted).toBe(1)
    const [event] = await audit('comment.redacted', id)
    expect(event).toMatchObject({ actorId: moderator.userId, at: NOW, data: { roundId, passages: 2 } })
    // The audit log never repeats what was removed.
    expect(JSON.stringify(event!.data)).not.toContain('Amra')
    expect((await listMyComments(db, citizen, NOW)).find((c) => c.id === id)).toMatchObject({ body, redacted: true, status: 'published' })
  })

  it('refuses an edit that changes words, and changes nothing', async () => {
    const owner = await actorFor(OWNER)
    const target = sample[3]!
    expect(await redactComment(db, owner, ref(target.id), `${target.body} I još nešto.`, NOW)).toEqual({ ok: false, reason: 'not-a-redaction' })
    expect(await redactComment(db, owner, ref(target.id), target.body.slice(5), NOW)).toEqual({ ok: false, reason: 'not-a-redaction' })
    expect((await db.comment.findUniqueOrThrow({ where: { id: target.id } })).redactedBody).toBeNull()
    expect(await audit('comment.redacted')).toHaveLength(0)
  })

  it('removes a redaction when the original text is sent back unchanged', async () => {
    const owner = await actorFor(OWNER)
    const target = sample[3]!
    await redactComment(db, owner, ref(target.id), `[…]${target.body.slice(10)}`, NOW)
    const restored = await redactComment(db, owner, ref(target.id), target.body, LATER)
    expect(restored.ok && restored.value).toMatchObject({ redactedBody: null, notice: null })
    expect((await listRoundComments(db, roundId, NOW)).comments.find((c) => c.id === target.id)?.body).toBe(target.body)
    expect(await audit('comment.redaction-removed', target.id)).toHaveLength(1)
  })
})

describe('reportComment', () => {
  it('hides a comment pending review when its reports reach the round’s threshold, and tells its author', async () => {
    const owner = await actorFor(OWNER)
    await setModerationSettings(db, owner, roundId, { moderationMode: 'post', reportThreshold: 2 }, NOW)
    expect(await audit('round.report-threshold')).toEqual([expect.objectContaining({ data: { from: 3, to: 2 } })])
    const target = sample[4]!
    const citizen = await actorFor(CITIZEN)
    const first = await reportComment(db, reporterFor(citizen, '10.0.0.1', target.id), ref(target.id), { reason: 'offensive' }, NOW)
    expect(first).toEqual({ ok: true, value: { hidden: false, draftSlug: SLUG, notice: null } })
    expect(await publicIds()).toContain(target.id)
    const second = await reportComment(db, reporterFor(ANONYMOUS, '10.0.0.2', target.id), ref(target.id), {}, LATER)
    expect(second.ok && second.value).toMatchObject({ hidden: true, notice: { kind: 'hidden', reason: 'reported' } })
    expect(await db.comment.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      status: 'hidden', hiddenReason: 'reported', reportCount: 2, moderatedAt: LATER, moderatedById: null,
    })
    expect(await publicIds()).not.toContain(target.id)
    const reported = await audit('comment.reported', target.id)
    expect(reported.map((e) => [e.actorId, (e.data as { reason: string | null }).reason])).toEqual([[citizen.userId, 'offensive'], [null, null]])
    expect(await audit('comment.hidden', target.id)).toEqual([
      expect.objectContaining({ actorId: null, at: LATER, data: { roundId, reason: 'reported', by: 'reports', reportCount: 2, threshold: 2 } }),
    ])
    const queue = await moderationQueue(db, owner, roundId, { view: 'reported' }, LATER)
    expect(queue.ok && queue.value.comments).toEqual([
      expect.objectContaining({ id: target.id, group: 'reported-hidden', reportCount: 2, reportReasons: { offensive: 1, none: 1 } }),
    ])
  })

  it('counts one report per reader: per account, or per address for readers who are not signed in', async () => {
    const target = sample[5]!.id
    const citizen = await actorFor(CITIZEN)
    await reportComment(db, reporterFor(citizen, '10.0.0.1', target), ref(target), {}, NOW)
    expect(await reportComment(db, reporterFor(citizen, '10.9.9.9', target), ref(target), {}, NOW)).toEqual({ ok: false, reason: 'already-reported' })
    await reportComment(db, reporterFor(ANONYMOUS, '10.0.0.7', target), ref(target), {}, NOW)
    expect(await reportComment(db, reporterFor(ANONYMOUS, '10.0.0.7', target), ref(target), {}, NOW)).toEqual({ ok: false, reason: 'already-reported' })
    expect((await db.comment.findUniqueOrThrow({ where: { id: target } })).reportCount).toBe(2)
    // The address is never stored, nor the same key used on another comment.
    const keys = (await db.commentReport.findMany({ where: { commentId: target } })).map((r) => r.reporterKey)
    expect(keys.join(' ')).not.toContain('10.0.0.7')
    expect(reporterFor(ANONYMOUS, '10.0.0.7', target).key).not.toBe(reporterFor(ANONYMOUS, '10.0.0.7', sample[6]!.id).key)
  })

  it('counts reports sent at the same moment, each once', async () => {
    const target = sample[7]!.id
    await Promise.all(['1', '2', '3', '4'].map((n) => reportComment(db, reporterFor(ANONYMOUS, `10.1.0.${n}`, target), ref(target), {}, NOW)))
    expect(await db.comment.findUniqueOrThrow({ where: { id: target } })).toMatchObject({ reportCount: 4, status: 'hidden', hiddenReason: 'reported' })
    expect(await audit('comment.hidden', target)).toHaveLength(1)
  })

  it('after a moderator keeps a reported comment, its reports count as reviewed and the same readers cannot report it again', async () => {
    const owner = await actorFor(OWNER)
    const target = sample[8]!.id
    for (const ip of ['10.2.0.1', '10.2.0.2', '10.2.0.3']) await reportComment(db, reporterFor(ANONYMOUS, ip, target), ref(target), {}, NOW)
    expect((await db.comment.findUniqueOrThrow({ where: { id: target } })).status).toBe('hidden')
    expect(await approveComment(db, owner, ref(target), LATER)).toEqual({ ok: true, value: { status: 'published', notice: null } })
    expect(await db.comment.findUniqueOrThrow({ where: { id: target } })).toMatchObject({ status: 'published', hiddenReason: null, reportCount: 0 })
    expect(await db.commentReport.count({ where: { commentId: target, resolvedAt: LATER } })).toBe(3)
    expect(await reportComment(db, reporterFor(ANONYMOUS, '10.2.0.1', target), ref(target), {}, LATER)).toEqual({ ok: false, reason: 'already-reported' })
    const fresh = await reportComment(db, reporterFor(ANONYMOUS, '10.2.0.9', target), ref(target), {}, LATER)
    expect(fresh.ok && fresh.value.hidden).toBe(false)
  })

  it('never hides by reports when the threshold is zero, and refuses hidden, withdrawn and foreign comments', async () => {
    const owner = await actorFor(OWNER)
    await setModerationSettings(db, owner, roundId, { moderationMode: 'post', reportThreshold: 0 }, NOW)
    const target = sample[9]!.id
    for (const ip of ['10.3.0.1', '10.3.0.2', '10.3.0.3', '10.3.0.4']) await reportComment(db, reporterFor(ANONYMOUS, ip, target), ref(target), {}, NOW)
    expect((await db.comment.findUniqueOrThrow({ where: { id: target } })).status).toBe('published')
    await hideComment(db, owner, ref(sample[10]!.id), { reason: 'spam' }, NOW)
    await db.comment.update({ where: { id: sample[11]!.id }, data: { withdrawnAt: NOW } })
    for (const id of [sample[10]!.id, sample[11]!.id]) {
      expect(await reportComment(db, reporterFor(ANONYMOUS, '10.3.1.1', id), ref(id), {}, NOW)).toEqual({ ok: false, reason: 'not-found' })
    }
    expect(await reportComment(db, reporterFor(ANONYMOUS, '10.3.1.1', target), { roundId: 'drugi', commentId: target }, {}, NOW)).toEqual({ ok: false, reason: 'not-found' })
    expect(await publicIds()).not.toContain(sample[11]!.id)
    const form = await reportableComment(db, ref(sample[10]!.id), NOW)
    expect(form.ok && form.value.comment).toBeNull()
  })
})

describe('moderationQueue', () => {
  it('lists pending comments first, then reported ones, then published ones newest first, a page at a time', async () => {
    const owner = await actorFor(OWNER)
    const reported = sample[2]!.id
    await reportComment(db, reporterFor(ANONYMOUS, '10.4.0.1', reported), ref(reported), { reason: 'spam' }, NOW)
    await setModerationSettings(db, owner, roundId, { moderationMode: 'pre', reportThreshold: 3 }, NOW)
    const pending = await submitComment(db, await actorFor(CITIZEN), NewComment.parse({ body: 'Čekam odobrenje.', consentToPublish: 'on' }), { roundId, now: NOW })
    if (!pending.ok) throw new Error(pending.reason)
    await hideComment(db, owner, ref(sample[0]!.id), { reason: 'spam' }, NOW)

    const first = await moderationQueue(db, owner, roundId, {}, NOW)
    if (!first.ok) throw new Error(first.reason)
    const { comments, total, pageCount, summary } = first.value
    expect(total).toBe(sample.length + 1)
    expect(pageCount).toBe(Math.ceil((sample.length + 1) / QUEUE_PAGE_SIZE))
    expect(comments).toHaveLength(Math.min(QUEUE_PAGE_SIZE, total))
    expect(comments.slice(0, 2).map((c) => [c.id, c.group])).toEqual([[pending.value.commentId, 'pending'], [reported, 'reported']])
    expect(comments[1]!.reportReasons).toEqual({ spam: 1 })
    const published = comments.slice(2).filter((c) => c.group === 'published').map((c) => c.createdAt.getTime())
    expect(published).toEqual([...published].sort((a, b) => b - a))
    expect(summary).toMatchObject({ pending: 1, needsReview: 2, hidden: { total: 1 } })
    expect(comments.every((c) => !('email' in c.author))).toBe(true)

    const last = await moderationQueue(db, owner, roundId, { page: 1_000 }, NOW)
    expect(last.ok && last.value.page).toBe(pageCount)
    expect(last.ok && last.value.comments.at(-1)).toMatchObject({ id: sample[0]!.id, group: 'hidden', hiddenReason: 'spam', moderatedBy: 'Lejla Mehmedović' })

    const hidden = await moderationQueue(db, owner, roundId, { view: 'hidden' }, NOW)
    expect(hidden.ok && hidden.value.comments.map((c) => c.id)).toEqual([sample[0]!.id])
  })
})

// ---------------------------------------------------------------- services and routes

describe('moderationServices', () => {
  it('e-mails the author after the commit, in the author’s language, with the reason and a link to their comments', async () => {
    const sent: Mail[] = []
    const services = moderationServices({ db, mailer: { send: async (m) => void sent.push(m) }, clock: () => NOW })
    const target = sample[1]!
    await db.user.update({ where: { id: target.authorId! }, data: { locale: 'en' } })
    const author = await db.user.findUniqueOrThrow({ where: { id: target.authorId! } })
    const result = await services.hide(await actorFor(OWNER), ref(target.id), { reason: 'offensive', note: 'Please keep it civil.' }, { baseUrl: 'https://nacrt.example.ba', locale: 'bs' })
    expect(result.ok).toBe(true)
    expect(sent).toEqual([{ to: author.email, subject: 'Your comment on Nacrt has been hidden', text: expect.any(String) }])
    expect(sent[0]!.text).toContain('the comment contains insults, threats or hate speech.')
    expect(sent[0]!.text).toContain('Please keep it civil.')
    expect(sent[0]!.text).toContain('https://nacrt.example.ba/account/comments')

    await services.redact(await actorFor(OWNER), ref(sample[2]!.id), `[…]${sample[2]!.body.slice(8)}`, { baseUrl: 'https://nacrt.example.ba', locale: 'bs' })
    expect(sent[1]).toMatchObject({ subject: 'Dio vašeg komentara na platformi Nacrt je uklonjen iz javnog prikaza' })
    // A refused act sends nothing.
    await services.hide(await actorFor(CITIZEN), ref(sample[3]!.id), { reason: 'spam' }, { baseUrl: 'https://nacrt.example.ba', locale: 'bs' })
    expect(sent).toHaveLength(2)
  })
})

function contextFor(actor: Actor, sent: Mail[] = []) {
  const clock = () => NOW
  const rateLimits = { consume: async () => null, reset: async () => {} } as unknown as RateLimits
  const services = bindServices({ db, mailer: { send: async (m) => void sent.push(m) }, rateLimits, clock })
  const context = new RouterContextProvider()
  context.set(requestContext, { services, locale: 'bs', cspNonce: 'n', clientIp: '192.0.2.10', secureCookies: false, publicUrl: 'https://nacrt.example.ba' })
  context.set(sessionContext, { actor, sessionId: null, csrfSecret: 'secret' })
  return context
}

/** Calls a loader or action and returns what it threw: a Response or a `data()` value. */
async function thrownBy(run: () => Promise<unknown>): Promise<{ status: number; location?: string | null }> {
  try {
    await run()
  } catch (error) {
    if (error instanceof Response) return { status: error.status, location: error.headers.get('Location') }
    const init = (error as { init?: ResponseInit | null }).init
    if (init?.status) return { status: init.status }
    throw error
  }
  throw new Error('nothing was thrown')
}

const post = (path: string, fields: Record<string, string>) => new Request(`http://nacrt.test${path}`, { method: 'POST', body: new URLSearchParams(fields) })
const args = (actor: Actor, request: Request, params: Record<string, string>, sent?: Mail[]) => ({ request, context: contextFor(actor, sent), params }) as never

describe('the moderation routes', () => {
  it('send anonymous visitors to log in, refuse citizens and editors with 403, and let moderators act', async () => {
    const path = `/rounds/${roundId}/moderation`
    const id = sample[0]!.id
    expect(await thrownBy(() => moderationLoader(args(ANONYMOUS, new Request(`http://nacrt.test${path}`), { roundId })))).toMatchObject({ status: 302 })
    for (const email of [CITIZEN, EDITOR]) {
      const actor = await actorFor(email)
      expect(await thrownBy(() => moderationLoader(args(actor, new Request(`http://nacrt.test${path}`), { roundId })))).toEqual({ status: 403 })
      const refused = (await moderationAction(args(actor, post(path, { intent: 'hide', commentId: id, reason: 'spam' }), { roundId }))) as unknown as { init: ResponseInit }
      expect(refused.init.status).toBe(403)
    }
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('published')

    const sent: Mail[] = []
    const done = (await moderationAction(args(await actorFor(OWNER), post(`${path}?view=published`, { intent: 'hide', commentId: id, reason: 'spam' }), { roundId }, sent))) as unknown as Response
    expect(done.status).toBe(302)
    expect(done.headers.get('Location')).toBe(`${path}?view=published&done=hidden#komentar-${id}`)
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe('hidden')
    expect(sent).toHaveLength(1)

    const page = await moderationLoader(args(await actorFor(OWNER), new Request(`http://nacrt.test${path}?view=hidden&done=hidden`), { roundId }))
    expect(page).toMatchObject({ done: 'hidden', view: 'hidden', comments: [expect.objectContaining({ id, hiddenReason: 'spam', createdAt: expect.any(String) })] })
  })

  it('answers a redaction that adds words with 400 and keeps the moderator’s text', async () => {
    const path = `/rounds/${roundId}/moderation`
    const id = sample[3]!.id
    const edited = `${sample[3]!.body} dodano`
    const refused = (await moderationAction(args(await actorFor(OWNER), post(path, { intent: 'redact', commentId: id, redactedText: edited }), { roundId }))) as unknown as {
      init: ResponseInit
      data: { errors: Record<string, string[]>; redactedText: string }
    }
    expect(refused.init.status).toBe(400)
    expect(refused.data).toEqual({ errors: { form: ['moderation.errors.not-a-redaction'], commentId: [id] }, redactedText: edited })
  })

  it('lets anyone report a public comment, and shows a hidden one as no longer available', async () => {
    const id = sample[6]!.id
    const path = `/rounds/${roundId}/comments/${id}/report`
    const form = await reportLoader(args(ANONYMOUS, new Request(`http://nacrt.test${path}`), { roundId, commentId: id }))
    expect(form.comment).toMatchObject({ id, text: sample[6]!.body })
    expect(await reportAction(args(ANONYMOUS, post(path, { reason: 'spam' }), { roundId, commentId: id }))).toEqual({ done: 'reported' })
    expect(await reportAction(args(ANONYMOUS, post(path, { reason: '' }), { roundId, commentId: id }))).toEqual({ done: 'already-reported' })
    const wrong = (await reportAction(args(ANONYMOUS, post(path, { reason: 'dosadno' }), { roundId, commentId: id }))) as unknown as { init: ResponseInit }
    expect(wrong.init.status).toBe(400)
    await hideComment(db, await actorFor(OWNER), ref(id), { reason: 'spam' }, NOW)
    expect((await reportLoader(args(ANONYMOUS, new Request(`http://nacrt.test${path}`), { roundId, commentId: id }))).comment).toBeNull()
    expect(await thrownBy(() => reportLoader(args(ANONYMOUS, new Request('http://nacrt.test/x'), { roundId, commentId: 'nema' })))).toEqual({ status: 404 })
  })
})
