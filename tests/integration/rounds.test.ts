// Planning and running consultation rounds against a real database: who may plan, the
// minimum period and its reason, opening and closing by hand and by schedule (each
// transition written down once, however many instances notice it), and the public page's
// comment counts and previews.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor } from '../../accounts/actor.ts'
import { RoundPlan } from '../../consultation/plan-inputs.ts'
import { addHearing, closeRoundNow, manageRound, openRoundNow, planRound, updateRoundPlan } from '../../consultation/plans.ts'
import { recordScheduledTransitions } from '../../consultation/transitions.ts'
import { listSectionComments, previewRoundComments, readPublicRound, sectionRevisions, COMMENTS_PER_PAGE } from '../../consultation/public-round.ts'
import { prepareComment, submitComment } from '../../consultation/comments.ts'
import { loadDocument } from '../../drafting/document.ts'
import { outlineDocument } from '../../drafting/outline.ts'
import { NewComment } from '../../consultation/inputs.ts'
import { toSarajevoLocal } from '../../consultation/sarajevo-time.ts'
import { editComment, enterComment, withdrawComment } from '../../consultation/comment-changes.ts'
import { StaffEnteredComment } from '../../consultation/comment-change-inputs.ts'
import { bindServices } from '../../app/.server/services.ts'
import { loadReportData } from '../../consultation/report/load.ts'
import type { RateLimits } from '../../app/.server/rate-limit.ts'
import { fragmentChangesSince, fragmentsOfSet, loadRoundPage, renderedSections } from '../../app/.server/round-page.ts'
import { articlesOf } from '../../consultation/comment-targets.ts'
import { RouterContextProvider } from 'react-router'
import { requestContext, sessionContext } from '../../app/.server/context.ts'
import type { Mail } from '../../app/.server/mailer.ts'
import { action as manageAction } from '../../app/routes/round-manage.tsx'
import { action as commentEditAction } from '../../app/routes/comment-edit.tsx'
import { NewHearing } from '../../consultation/plan-inputs.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const DAY = 86_400_000
const SLUG = 'zakon-o-socijalnim-uslugama'
const COORDINATOR = 'lejla.mehmedovic@fmrsp.example.ba'
// An editor of the draft who is not on the institution's staff.
const EDITOR = 'ivana.maric@example.ba'
const CITIZEN = 'gradjanin@nacrt.example.ba'

let db: Db
let cleanup: () => Promise<void>

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
  await seed(db, NOW)
})
afterEach(async () => {
  await cleanup()
})

async function actorFor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email } })
  return loadActor(db, user.id)
}

/** A plan as the form sends it: opening `fromNow` days ahead at 08:00, running `days` days to 23:59. */
function plan(fields: Record<string, string> = {}, fromNow = 2, days = 30) {
  const opens = toSarajevoLocal(new Date(NOW.getTime() + fromNow * DAY)).slice(0, 10)
  const closes = toSarajevoLocal(new Date(NOW.getTime() + (fromNow + days - 1) * DAY)).slice(0, 10)
  return RoundPlan.parse({
    versionSeq: '2', title: 'Drugi krug konsultacija', stage: 'nacrt', opensAt: `${opens}T08:00`, closesAt: `${closes}T23:59`,
    methodOnline: 'on', ...fields,
  })
}

describe('planning a round', () => {
  it('lets the coordinator plan a round on a version, planned until it opens, with an audit event', async () => {
    const result = await planRound(db, await actorFor(COORDINATOR), SLUG, plan({ methodHearings: 'on', summary: 'Šta se mijenja.' }), NOW)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.period).toMatchObject({ days: 30, short: false, minimumDays: 15 })
    const round = await db.round.findUniqueOrThrow({ where: { id: result.value.roundId }, include: { version: true } })
    expect(round).toMatchObject({ state: 'planned', title: 'Drugi krug konsultacija', methods: ['online', 'hearings'], summary: 'Šta se mijenja.', shortPeriodReason: null })
    expect(round.version.seq).toBe(2)
    expect(await db.auditEvent.count({ where: { action: 'round.planned', objectId: round.id } })).toBe(1)
  })

  it('refuses citizens, editors and anonymous visitors', async () => {
    for (const actor of [await actorFor(CITIZEN), await actorFor(EDITOR), ANONYMOUS]) {
      expect(await planRound(db, actor, SLUG, plan(), NOW)).toMatchObject({ ok: false, reason: 'forbidden' })
    }
    expect(await db.round.count({ where: { title: 'Drugi krug konsultacija' } })).toBe(0)
  })

  it('asks for a reason when the period is shorter than the minimum, and keeps it', async () => {
    const coordinator = await actorFor(COORDINATOR)
    const short = await planRound(db, coordinator, SLUG, plan({}, 2, 10), NOW)
    expect(short).toMatchObject({ ok: false, reason: 'short-period', period: { days: 10, minimumDays: 15, short: true } })
    expect(await db.round.count({ where: { title: 'Drugi krug konsultacija' } })).toBe(0)
    const withReason = await planRound(db, coordinator, SLUG, plan({ shortPeriodReason: 'Usklađivanje s rokom iz programa rada Vlade.' }, 2, 10), NOW)
    expect(withReason.ok).toBe(true)
    if (!withReason.ok) return
    expect(await db.round.findUniqueOrThrow({ where: { id: withReason.value.roundId } })).toMatchObject({ shortPeriodReason: 'Usklađivanje s rokom iz programa rada Vlade.' })
  })

  it('refuses a version the draft does not have and an opening in the past', async () => {
    const coordinator = await actorFor(COORDINATOR)
    expect(await planRound(db, coordinator, SLUG, plan({ versionSeq: '9' }), NOW)).toMatchObject({ ok: false, reason: 'unknown-version' })
    expect(await planRound(db, coordinator, SLUG, plan({}, -3), NOW)).toMatchObject({ ok: false, reason: 'opens-in-past' })
  })

  it('refuses a closing before the opening and a plan without any method, in the form', () => {
    const bad = RoundPlan.safeParse({ versionSeq: '2', title: 'X', stage: 'nacrt', opensAt: '2027-02-01T08:00', closesAt: '2027-01-01T08:00' })
    expect(bad.success).toBe(false)
    if (bad.success) return
    expect(bad.error.issues.map((i) => i.message)).toEqual(expect.arrayContaining(['errors.round.closesBeforeOpens', 'errors.round.noMethod']))
  })
})

describe('running a round', () => {
  async function plannedRound() {
    const result = await planRound(db, await actorFor(COORDINATOR), SLUG, plan(), NOW)
    if (!result.ok) throw new Error(result.reason)
    return result.value.roundId
  }

  it('opens a planned round by hand: open at once, the transition recorded with who did it, commenting allowed', async () => {
    const roundId = await plannedRound()
    const coordinator = await actorFor(COORDINATOR)
    expect(await openRoundNow(db, coordinator, roundId, NOW)).toEqual({ ok: true, value: { roundId } })
    const transitions = await db.roundTransition.findMany({ where: { roundId } })
    expect(transitions).toMatchObject([{ fromState: 'planned', toState: 'open', byId: coordinator.userId, at: NOW }])
    // The schedule sweep sees nothing more to write down.
    expect(await recordScheduledTransitions(db, new Date(NOW.getTime() + 5 * DAY))).toMatchObject({ opened: [] })
    const comment = await submitComment(db, await actorFor(CITIZEN), NewComment.parse({ body: 'Dobro.', consentToPublish: 'on' }), { roundId, now: new Date(NOW.getTime() + 1000) })
    expect(comment.ok).toBe(true)
    expect(await openRoundNow(db, coordinator, roundId, NOW)).toMatchObject({ ok: false, reason: 'not-planned' })
  })

  it('keeps an open round’s version and opening, but lets its closing move', async () => {
    const roundId = await plannedRound()
    const coordinator = await actorFor(COORDINATOR)
    await openRoundNow(db, coordinator, roundId, NOW)
    const opened = await db.round.findUniqueOrThrow({ where: { id: roundId } })
    const base = { opensAt: toSarajevoLocal(opened.opensAt) }
    expect(await updateRoundPlan(db, coordinator, roundId, plan({ ...base, versionSeq: '1' }), NOW)).toMatchObject({ ok: false, reason: 'locked' })
    const later = toSarajevoLocal(new Date(NOW.getTime() + 45 * DAY)).slice(0, 10)
    const moved = await updateRoundPlan(db, coordinator, roundId, plan({ ...base, closesAt: `${later}T23:59` }), NOW)
    expect(moved.ok).toBe(true)
    expect(toSarajevoLocal((await db.round.findUniqueOrThrow({ where: { id: roundId } })).closesAt)).toBe(`${later}T23:59`)
  })

  it('closes an open round by hand with a reason; comments sent after are refused, those before kept', async () => {
    const roundId = await plannedRound()
    const coordinator = await actorFor(COORDINATOR)
    await openRoundNow(db, coordinator, roundId, NOW)
    const citizen = await actorFor(CITIZEN)
    const before = await submitComment(db, citizen, NewComment.parse({ body: 'Prije zatvaranja.', consentToPublish: 'on' }), { roundId, now: new Date(NOW.getTime() + 1000) })
    expect(before.ok).toBe(true)
    const closing = new Date(NOW.getTime() + DAY)
    expect(await closeRoundNow(db, coordinator, roundId, 'Vlada je povukla nacrt.', closing)).toEqual({ ok: true, value: { roundId } })
    const after = await submitComment(db, citizen, NewComment.parse({ body: 'Poslije.', consentToPublish: 'on' }), { roundId, now: new Date(closing.getTime() + 1) })
    expect(after).toMatchObject({ ok: false, reason: 'round-closed' })
    expect(await db.comment.count({ where: { roundId } })).toBe(1)
    expect(await db.roundTransition.findMany({ where: { roundId }, orderBy: { id: 'asc' } })).toMatchObject([
      { toState: 'open' }, { fromState: 'open', toState: 'closed', reason: 'Vlada je povukla nacrt.', at: closing },
    ])
    // Closed: its plan is final, and no hearings can be added.
    expect(await updateRoundPlan(db, coordinator, roundId, plan(), closing)).toMatchObject({ ok: false, reason: 'locked' })
    expect(await addHearing(db, coordinator, roundId, { startsAt: closing, place: 'Mostar', agenda: null }, closing)).toMatchObject({ ok: false, reason: 'locked' })
  })

  it('writes down the schedule’s transitions once, even when several instances sweep at once', async () => {
    const roundId = await plannedRound()
    const round = await db.round.findUniqueOrThrow({ where: { id: roundId } })
    expect((await recordScheduledTransitions(db, new Date(round.opensAt.getTime() - 1))).opened).not.toContain(roundId)
    const afterOpening = new Date(round.opensAt.getTime() + 60_000)
    const sweeps = await Promise.all([1, 2, 3].map(() => recordScheduledTransitions(db, afterOpening)))
    expect(sweeps.flatMap((s) => s.opened).filter((id) => id === roundId)).toHaveLength(1)
    // Past the closing, both steps are there exactly once, at their scheduled times.
    await recordScheduledTransitions(db, new Date(round.closesAt.getTime() + 1))
    await recordScheduledTransitions(db, new Date(round.closesAt.getTime() + 2))
    const transitions = await db.roundTransition.findMany({ where: { roundId }, orderBy: { id: 'asc' } })
    expect(transitions).toMatchObject([
      { fromState: 'planned', toState: 'open', at: round.opensAt, byId: null },
      { fromState: 'open', toState: 'closed', at: round.closesAt, byId: null },
    ])
    expect(await db.auditEvent.count({ where: { objectId: roundId, action: { in: ['round.open', 'round.closed'] } } })).toBe(2)
  })

  it('shows the plan to its managers only', async () => {
    const roundId = await plannedRound()
    expect((await manageRound(db, await actorFor(COORDINATOR), roundId, NOW)).ok).toBe(true)
    expect(await manageRound(db, await actorFor(CITIZEN), roundId, NOW)).toMatchObject({ ok: false, reason: 'forbidden' })
    // A planned round is not public yet.
    expect(await readPublicRound(db, ANONYMOUS, roundId, NOW)).toMatchObject({ ok: false, reason: 'not-found' })
    expect((await readPublicRound(db, await actorFor(COORDINATOR), roundId, NOW)).ok).toBe(true)
  })
})

describe('the public page’s comments', () => {
  it('counts public comments per article and shows the latest three of each, hiding hidden and withdrawn ones', async () => {
    const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })
    const citizen = await actorFor(CITIZEN)
    const existing = await db.comment.findFirstOrThrow({ where: { roundId: round.id, articleNodeId: { not: null } } })
    const articleId = existing.articleNodeId!
    const base = await previewRoundComments(db, round.id, NOW)
    const before = base.countsByArticle[articleId] ?? 0
    for (let i = 0; i < 25; i++) {
      await db.comment.create({
        data: { roundId: round.id, authorId: citizen.userId, targetKind: 'article', targetNodeId: articleId, articleNodeId: articleId, body: `Komentar ${i}`, createdAt: new Date(NOW.getTime() + i * 1000) },
      })
    }
    await db.comment.create({ data: { roundId: round.id, authorId: citizen.userId, targetKind: 'article', targetNodeId: articleId, articleNodeId: articleId, body: 'Skriven', status: 'hidden' } })
    await db.comment.create({ data: { roundId: round.id, authorId: citizen.userId, targetKind: 'article', targetNodeId: articleId, articleNodeId: articleId, body: 'Povučen', withdrawnAt: NOW } })
    const preview = await previewRoundComments(db, round.id, NOW)
    expect(preview.countsByArticle[articleId]).toBe(before + 25)
    expect(preview.total).toBe(base.total + 25)
    for (const list of Object.values(preview.previews)) expect(list.length).toBeLessThanOrEqual(3)
    expect(preview.previews[articleId]!.map((c) => c.body)).toEqual(['Komentar 24', 'Komentar 23', 'Komentar 22'])
    const pages = Math.ceil((before + 25) / COMMENTS_PER_PAGE)
    const last = await listSectionComments(db, round.id, { article: articleId }, pages, NOW)
    expect(last).toMatchObject({ total: before + 25, page: pages, pages })
    const all = [] as string[]
    for (let p = 1; p <= pages; p++) all.push(...(await listSectionComments(db, round.id, { article: articleId }, p, NOW)).comments.map((c) => c.body))
    expect(all).toHaveLength(before + 25)
    expect(all).not.toContain('Skriven')
    expect(all).not.toContain('Povučen')
    expect(all.at(-1)).toBe('Komentar 24')
  })
})

describe('the public page’s caches', () => {
  it('follow a commentsKey that changes whenever what the public reads of a round’s comments may change, and only then', async () => {
    const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })
    const other = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: { not: null } } })
    const citizen = await actorFor(CITIZEN)
    const keyNow = async () => {
      const read = await readPublicRound(db, ANONYMOUS, round.id, NOW)
      if (!read.ok) throw new Error(read.reason)
      return read.value.commentsKey
    }
    let last = await keyNow()
    const changed = async (what: string) => {
      const key = await keyNow()
      expect(key, what).not.toBe(last)
      last = key
    }
    const same = async (what: string) => expect(await keyNow(), what).toBe(last)

    const comment = await db.comment.create({ data: { roundId: round.id, authorId: citizen.userId, body: 'Nov komentar.', targetKind: 'draft' } })
    await changed('a new comment')
    await db.comment.update({ where: { id: comment.id }, data: { reportCount: { increment: 1 }, assigneeId: citizen.userId, groupKey: 'g' } })
    await same('staff work the public does not read')
    await db.comment.update({ where: { id: comment.id }, data: { redactedBody: 'Nov …' } })
    await changed('a redaction')
    await db.comment.update({ where: { id: comment.id }, data: { status: 'hidden' } })
    await changed('hiding')
    await db.comment.update({ where: { id: comment.id }, data: { status: 'published', withdrawnAt: NOW } })
    await changed('withdrawing')
    await db.response.create({ data: { commentId: comment.id, status: 'accepted', reasoning: 'Prihvaćeno.', publishedAt: NOW } })
    await changed('an answer')
    await db.attachment.create({ data: { commentId: comment.id, filename: 'prilog.pdf', mimeType: 'application/pdf', size: 10, sha256: 'x', storageKey: `k-${comment.id}` } })
    await changed('an attachment')
    await db.organisation.update({ where: { slug: 'fmrsp' }, data: { name: 'Federalno ministarstvo rada i socijalne politike (novi naziv)' } })
    await changed('a name shown with comments')
    await db.comment.create({ data: { roundId: other.id, authorId: citizen.userId, body: 'U drugom krugu.', targetKind: 'draft' } })
    await same('a comment in another round')
    await db.comment.delete({ where: { id: comment.id } })
    await changed('deleting')
  })

  it('keep each article’s text as rendered once, and render the comment sections again after a change', async () => {
    const services = bindServices({ db, mailer: { send: async () => {} }, rateLimits: {} as RateLimits, clock: () => NOW, publicUrl: 'https://nacrt.example.ba' })
    const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })
    const first = await loadRoundPage(services, ANONYMOUS, round.id, { locale: 'bs' })
    if (!first?.comments) throw new Error('no page')
    const article = articlesOf(first.reading.outline)[4]!
    const firstParagraph = article.paragraphs[0]!
    const text = fragmentsOfSet(first.textSet)
    expect(Object.keys(text)).toHaveLength(first.reading.outline.articleCount)
    expect(text[article.id]).toContain(`>${article.label}<`)
    expect(text[article.id]).toContain(`id="p-${firstParagraph.id}"`)
    const sections = fragmentsOfSet(first.comments.set)
    expect(sections[article.id]).toContain('Komentariši član 5.')
    expect(sections[article.id]).toContain(`href="/rounds/${round.id}#${article.anchor}"`)
    expect(Object.keys(sections)).toEqual(expect.arrayContaining(['general', 'memorandum']))

    const again = await loadRoundPage(services, ANONYMOUS, round.id, { locale: 'bs' })
    expect(again?.textSet).toEqual(first.textSet)
    expect(again?.comments?.set).toEqual(first.comments.set)

    const citizen = await actorFor(CITIZEN)
    const sent = await submitComment(db, citizen, NewComment.parse({ body: 'Rok od 30 dana je predug.', targetNodeId: article.id, consentToPublish: 'on' }), { roundId: round.id, now: NOW })
    expect(sent.ok).toBe(true)
    const after = await loadRoundPage(services, ANONYMOUS, round.id, { locale: 'bs' })
    expect(after?.textSet).toEqual(first.textSet)
    expect(after?.comments?.set.key).not.toBe(first.comments.set.key)
    expect(after?.comments?.counts.countsByArticle[article.id]).toBe((first.comments.counts.countsByArticle[article.id] ?? 0) + 1)
    expect(fragmentsOfSet(after!.comments!.set)[article.id]).toContain('Rok od 30 dana je predug.')
    // The browser that has the first set gets only the section that changed.
    expect(after!.comments!.set.family).toBe(first.comments.set.family)
    const changes = fragmentChangesSince(after!.comments!.set, first.comments.set.key)
    expect(Object.keys(changes ?? {})).toEqual([article.id])
    expect(changes![article.id]).toBe(fragmentsOfSet(after!.comments!.set)[article.id])
    expect(fragmentChangesSince(after!.comments!.set, 'c.unknown')).toBeNull()

    // Another script is another text; a signed-in reader gets links to the form, not to the login.
    const cyrillic = await loadRoundPage(services, ANONYMOUS, round.id, { locale: 'bs', script: 'cyrl' })
    expect(cyrillic?.textSet.key).not.toBe(first.textSet.key)
    expect(fragmentsOfSet(cyrillic!.textSet)[article.id]).toContain('Члан 5.')
    const signedIn = await loadRoundPage(services, citizen, round.id, { locale: 'bs' })
    expect(fragmentsOfSet(signedIn!.comments!.set)[article.id]).toContain(`href="/rounds/${round.id}/comment?target=${article.id}"`)
    // The reading page's variant: the same sections folded, without the share link.
    const reading = await loadRoundPage(services, ANONYMOUS, round.id, { locale: 'bs', view: 'reading' })
    expect(reading!.comments!.set.family).not.toBe(first.comments.set.family)
    const folded = fragmentsOfSet(reading!.comments!.set)[article.id]!
    expect(folded).toContain('<details')
    expect(folded).toContain('Rok od 30 dana je predug.')
    expect(folded).not.toContain('article-comments__share')
    expect(fragmentsOfSet(after!.comments!.set)[article.id]).toContain('article-comments__share')
    // Not the changes from another variant: every link differs.
    expect(signedIn!.comments!.set.family).not.toBe(first.comments.set.family)
    expect(fragmentChangesSince(signedIn!.comments!.set, after!.comments!.set.key)).toBeNull()
    expect(sections[article.id]).toContain('/login?redirectTo=')
  })
})

describe('the public page’s sections', () => {
  it('each count the changes the public may read of the comments shown in them, and only those', async () => {
    const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })
    const other = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: { not: null } } })
    const citizen = await actorFor(CITIZEN)
    const [a, b] = articlesOf(outlineDocument(loadDocument((await db.version.findUniqueOrThrow({ where: { id: round.versionId } })).doc), { language: 'bs', script: 'latn' })).map((x) => x.id)
    let last = await sectionRevisions(db, round.id)
    const moved = async (what: string, sections: string[]) => {
      const now = await sectionRevisions(db, round.id)
      const changed = [...new Set([...now.keys(), ...last.keys()])].filter((k) => now.get(k) !== last.get(k))
      expect(changed.sort(), what).toEqual([...sections].sort())
      last = now
    }
    const comment = await db.comment.create({ data: { roundId: round.id, authorId: citizen.userId, body: 'O članu.', targetKind: 'article', targetNodeId: a!, articleNodeId: a! } })
    await moved('a new comment', [a!])
    const reply = await db.comment.create({ data: { roundId: round.id, authorId: citizen.userId, body: 'Odgovor.', targetKind: 'draft', parentId: comment.id } })
    await moved('a reply: the section of the comment it answers', [a!])
    await db.attachment.create({ data: { commentId: reply.id, filename: 'prilog.pdf', mimeType: 'application/pdf', size: 10, sha256: 'x', storageKey: `k-${reply.id}` } })
    await moved('a file of a reply: the section it is shown in', [a!])
    await db.comment.update({ where: { id: comment.id }, data: { reportCount: { increment: 1 }, groupKey: 'g' } })
    await moved('staff work the public does not read', [])
    await db.comment.update({ where: { id: comment.id }, data: { redactedBody: 'O …' } })
    await moved('a redaction', [a!])
    await db.comment.update({ where: { id: comment.id }, data: { articleNodeId: b!, targetNodeId: b! } })
    await moved('moving to another article: both', [a!, b!])
    await db.comment.update({ where: { id: reply.id }, data: { status: 'hidden' } })
    await moved('hiding a reply', [b!])
    await db.comment.create({ data: { roundId: round.id, authorId: citizen.userId, body: 'Opći.', targetKind: 'draft' } })
    await moved('a comment on the draft as a whole', ['general'])
    await db.comment.create({ data: { roundId: other.id, authorId: citizen.userId, body: 'U drugom krugu.', targetKind: 'article', targetNodeId: a!, articleNodeId: a! } })
    await moved('a comment in another round', [])
    await db.comment.delete({ where: { id: comment.id } })
    await moved('deleting a comment (its reply comes out on its own)', [b!, 'general'])
  })

  it('read alone the same as with the whole round', async () => {
    const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })
    const all = await previewRoundComments(db, round.id, NOW)
    const [first, second] = Object.keys(all.countsByArticle)
    const some = await previewRoundComments(db, round.id, NOW, 3, [first!, second!, 'general'])
    expect(some.countsByArticle).toEqual({ [first!]: all.countsByArticle[first!], [second!]: all.countsByArticle[second!] })
    expect(some.generalCount).toBe(all.generalCount)
    expect(some.memorandumCount).toBe(0)
    expect(some.previews[first!]).toEqual(all.previews[first!])
    expect(some.previews.general ?? []).toEqual(all.previews.general ?? [])
    expect(Object.keys(some.previews).sort()).toEqual(Object.keys(all.previews).filter((k) => [first, second, 'general'].includes(k)).sort())
    expect(await previewRoundComments(db, round.id, NOW, 3, [])).toMatchObject({ total: 0, previews: {} })
  })

  it('are rendered again only where what they show changed, in every variant of the page', async () => {
    const services = bindServices({ db, mailer: { send: async () => {} }, rateLimits: {} as RateLimits, clock: () => NOW, publicUrl: 'https://nacrt.example.ba' })
    const round = await db.round.update({ where: { id: (await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })).id }, data: { answersPublication: 'immediately' } })
    const citizen = await actorFor(CITIZEN)
    const renders = async (actor: Actor) => {
      const before = renderedSections.count
      const page = await loadRoundPage(services, actor, round.id, { locale: 'bs' })
      if (!page?.comments) throw new Error('no page')
      return { page, rendered: renderedSections.count - before, sections: fragmentsOfSet(page.comments.set) }
    }
    const first = await renders(ANONYMOUS)
    const sectionCount = Object.keys(first.sections).length
    expect(first.rendered).toBe(sectionCount)
    const signedIn = await renders(citizen)
    expect(signedIn.rendered, 'another variant is rendered on its own').toBe(sectionCount)
    expect((await renders(ANONYMOUS)).rendered).toBe(0)

    const articles = articlesOf(first.page.reading.outline)
    const article = articles[2]!
    const sent = await submitComment(db, citizen, NewComment.parse({ body: 'Treba jasniji rok.', targetNodeId: article.id, consentToPublish: 'on' }), { roundId: round.id, now: NOW })
    if (!sent.ok) throw new Error(sent.reason)
    const after = await renders(ANONYMOUS)
    expect(after.rendered, 'one new comment: its section only').toBe(1)
    expect(after.page.comments?.set.key).not.toBe(first.page.comments!.set.key)
    expect(after.sections[article.id]).toContain('Treba jasniji rok.')
    expect(after.page.comments?.counts.countsByArticle[article.id]).toBe((first.page.comments!.counts.countsByArticle[article.id] ?? 0) + 1)
    expect(after.page.comments?.counts.total).toBe(first.page.comments!.counts.total + 1)
    for (const id of Object.keys(first.sections)) if (id !== article.id) expect(after.sections[id], id).toBe(first.sections[id])
    const signedInAfter = await renders(citizen)
    expect(signedInAfter.rendered).toBe(1)
    expect(signedInAfter.sections[article.id]).toContain('Treba jasniji rok.')
    expect(signedInAfter.sections[article.id]).toContain(`href="/rounds/${round.id}/comment?target=${article.id}"`)

    // A reply re-renders the section of the comment it answers.
    const replied = await submitComment(db, citizen, NewComment.parse({ body: 'Slažem se s rokom.', replyTo: sent.value.commentId, consentToPublish: 'on' }), { roundId: round.id, now: NOW })
    if (!replied.ok) throw new Error(replied.reason)
    const afterReply = await renders(ANONYMOUS)
    expect(afterReply.rendered).toBe(1)
    expect(afterReply.sections[article.id]).toContain('Slažem se s rokom.')

    // A file counts for the section of its comment.
    await db.attachment.create({ data: { commentId: sent.value.commentId, filename: 'analiza.pdf', mimeType: 'application/pdf', size: 2048, sha256: 'x', storageKey: `k-${sent.value.commentId}` } })
    const withFile = await renders(ANONYMOUS)
    expect(withFile.rendered).toBe(1)
    expect(withFile.sections[article.id]).toContain('analiza.pdf')

    // An answer is counted for every round: everything is read again, and still only the section it shows in is rendered.
    await db.response.create({ data: { commentId: sent.value.commentId, status: 'accepted', reasoning: 'Rok je skraćen.', publishedAt: NOW } })
    const answered = await renders(ANONYMOUS)
    expect(answered.rendered).toBe(1)
    expect(answered.sections[article.id]).toContain('Rok je skraćen.')

    // Withdrawn: gone from its section, the count goes down.
    await db.comment.update({ where: { id: sent.value.commentId }, data: { withdrawnAt: NOW } })
    const withdrawn = await renders(ANONYMOUS)
    expect(withdrawn.rendered).toBe(1)
    expect(withdrawn.sections[article.id]).not.toContain('Treba jasniji rok.')
    expect(withdrawn.page.comments?.counts.total).toBe(first.page.comments!.counts.total)
  })
})

describe('the previews’ attachments, answers and replies', () => {
  it('come with the previews that have them', async () => {
    const round = await db.round.update({ where: { id: (await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })).id }, data: { answersPublication: 'immediately' } })
    const citizen = await actorFor(CITIZEN)
    const comment = await db.comment.create({ data: { roundId: round.id, authorId: citizen.userId, body: 'Najnoviji opći komentar.', targetKind: 'draft', createdAt: new Date(NOW.getTime() + DAY) } })
    await db.attachment.create({ data: { commentId: comment.id, filename: 'analiza.pdf', mimeType: 'application/pdf', size: 2048, sha256: 'x', storageKey: `k-${comment.id}` } })
    await db.attachment.create({ data: { commentId: comment.id, filename: 'pismo.pdf', mimeType: 'application/pdf', size: 10, sha256: 'y', storageKey: `l-${comment.id}`, kind: 'letter' } })
    await db.response.create({ data: { commentId: comment.id, status: 'accepted', reasoning: 'Prihvaćeno.', publishedAt: NOW } })
    await db.comment.create({ data: { roundId: round.id, authorId: citizen.userId, body: 'Odgovor na opći komentar.', targetKind: 'draft', parentId: comment.id, createdAt: new Date(NOW.getTime() + DAY + 1) } })
    const preview = await previewRoundComments(db, round.id, NOW)
    const shown = preview.previews.general?.[0]
    expect(shown).toMatchObject({ id: comment.id, letterOnFile: true, answer: { status: 'accepted', reasoning: 'Prihvaćeno.' } })
    expect(shown?.attachments.map((a) => a.filename)).toEqual(['analiza.pdf'])
    expect(shown?.replies.map((r) => r.body)).toEqual(['Odgovor na opći komentar.'])
    const others = Object.values(preview.previews).flat().filter((c) => c.id !== comment.id)
    expect(others.every((c) => c.answer === null && c.attachments.length === 0)).toBe(true)
  })
})

describe('changing comments', () => {
  async function sampleRound() {
    return db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })
  }
  async function ownComment() {
    const round = await sampleRound()
    const citizen = await actorFor(CITIZEN)
    const sent = await submitComment(db, citizen, NewComment.parse({ body: 'Prvi tekst.', proposedWording: 'Prijedlog A', consentToPublish: 'on' }), { roundId: round.id, now: NOW })
    if (!sent.ok) throw new Error(sent.reason)
    return { round, citizen, commentId: sent.value.commentId }
  }

  it('lets the author edit while the round is open, keeping the earlier text and marking it edited', async () => {
    const { citizen, commentId } = await ownComment()
    const later = new Date(NOW.getTime() + 3_600_000)
    expect(await editComment(db, citizen, commentId, { body: 'Drugi tekst.', proposedWording: undefined }, later)).toEqual({ ok: true, value: { commentId, status: 'published' } })
    const stored = await db.comment.findUniqueOrThrow({ where: { id: commentId }, include: { revisions: true } })
    expect(stored).toMatchObject({ body: 'Drugi tekst.', proposedWording: null, editedAt: later })
    expect(stored.revisions).toMatchObject([{ body: 'Prvi tekst.', proposedWording: 'Prijedlog A', writtenAt: NOW }])
    const publicBodies = (await listSectionComments(db, stored.roundId, 'general', 1, later)).comments
    expect(publicBodies.find((c) => c.id === commentId)).toMatchObject({ body: 'Drugi tekst.', editedAt: later })
  })

  it('refuses others, and refuses changes after the closing', async () => {
    const { round, citizen, commentId } = await ownComment()
    expect(await editComment(db, await actorFor(COORDINATOR), commentId, { body: 'Tuđa izmjena.', proposedWording: undefined }, NOW)).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await withdrawComment(db, ANONYMOUS, commentId, NOW)).toMatchObject({ ok: false, reason: 'forbidden' })
    expect(await editComment(db, citizen, commentId, { body: 'Kasno.', proposedWording: undefined }, round.closesAt)).toMatchObject({ ok: false, reason: 'round-closed' })
    expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).body).toBe('Prvi tekst.')
  })

  it('withdraws the author’s comment: kept, no longer public, no longer editable', async () => {
    const { citizen, commentId } = await ownComment()
    expect(await withdrawComment(db, citizen, commentId, NOW)).toEqual({ ok: true, value: { commentId } })
    const stored = await db.comment.findUniqueOrThrow({ where: { id: commentId } })
    expect(stored.withdrawnAt).toEqual(NOW)
    expect((await listSectionComments(db, stored.roundId, 'general', 1, NOW)).comments.map((c) => c.id)).not.toContain(commentId)
    expect(await editComment(db, citizen, commentId, { body: 'X', proposedWording: undefined }, NOW)).toMatchObject({ ok: false, reason: 'withdrawn' })
  })

  it('lets staff enter a letter received before the closing, anonymous in public unless the sender agreed', async () => {
    const round = await sampleRound()
    const coordinator = await actorFor(COORDINATOR)
    const form = {
      senderName: 'Centar za socijalni rad Tuzla', senderCategory: 'public-institution', channel: 'letter',
      receivedAt: toSarajevoLocal(new Date(NOW.getTime() - DAY)), body: 'Predlažemo duži rok za licenciranje.',
    }
    const letter = StaffEnteredComment.parse(form)
    const entered = await enterComment(db, coordinator, round.id, letter, NOW)
    expect(entered.ok).toBe(true)
    if (!entered.ok) return
    const stored = await db.comment.findUniqueOrThrow({ where: { id: entered.value.commentId } })
    expect(stored).toMatchObject({ channel: 'letter', enteredById: coordinator.userId, authorId: null, authorCategory: 'public-institution', consentToBeNamed: false, status: 'published' })
    const shown = (await listSectionComments(db, round.id, 'general', 1, NOW)).comments.find((c) => c.id === stored.id)
    expect(shown).toMatchObject({ channel: 'letter', author: { kind: 'anonymous' } })
    // Received after the closing: it does not count. A citizen cannot enter comments for others.
    const late = StaffEnteredComment.parse({ ...form, receivedAt: toSarajevoLocal(new Date(round.closesAt.getTime() + 60_000)) })
    expect(await enterComment(db, coordinator, round.id, late, new Date(round.closesAt.getTime() + DAY))).toMatchObject({ ok: false, reason: 'received-after-closing' })
    expect(await enterComment(db, await actorFor(CITIZEN), round.id, { ...letter, receivedAt: new Date(NOW.getTime() - DAY) }, NOW)).toMatchObject({ ok: false, reason: 'forbidden' })
  })
})

describe('invitations when a round opens', () => {
  it('e-mails the institution’s interested parties once, when staff open the round by hand', async () => {
    const sent: { to: string; subject: string; text: string }[] = []
    const services = bindServices({ db, mailer: { send: async (mail) => void sent.push(mail) }, rateLimits: {} as RateLimits, clock: () => NOW, publicUrl: 'https://nacrt.example.ba' })
    const ministry = await db.organisation.findUniqueOrThrow({ where: { slug: 'fmrsp' } })
    await db.interestedParty.create({ data: { institutionId: ministry.id, name: 'Udruženje roditelja', email: 'roditelji@example.ba', category: 'ngo' } })
    const coordinator = await actorFor(COORDINATOR)
    const planned = await services.rounds.plan(coordinator, SLUG, plan())
    if (!planned.ok) throw new Error(planned.reason)
    expect((await services.rounds.openNow(coordinator, planned.value.roundId)).ok).toBe(true)
    const invitation = sent.find((m) => m.to === 'roditelji@example.ba')
    expect(invitation?.text).toContain(`https://nacrt.example.ba/rounds/${planned.value.roundId}`)
    // The schedule's sweep later finds nothing new and invites nobody twice.
    await services.rounds.sweep()
    expect(sent.filter((m) => m.to === 'roditelji@example.ba')).toHaveLength(1)
  })
})

describe('public texts', () => {
  it('keep out e-mail addresses and the name of an author who did not agree to be named, on the page and in the public report', async () => {
    const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })
    const citizen = await actorFor(CITIZEN)
    const body = `Predlažem izmjenu. Pišite mi na ${CITIZEN}. S poštovanjem, ${citizen.name}`
    const sent = await submitComment(db, citizen, NewComment.parse({ body, consentToPublish: 'on' }), { roundId: round.id, now: NOW })
    if (!sent.ok) throw new Error(sent.reason)
    const shown = (await listSectionComments(db, round.id, 'general', 1, NOW)).comments.find((c) => c.id === sent.value.commentId)!
    expect(shown.body).toBe('Predlažem izmjenu. Pišite mi na […]. S poštovanjem, […]')
    expect(shown.author).toEqual({ kind: 'anonymous' })
    const data = await loadReportData(db, round.id, { audience: 'public' })
    const inReport = data!.comments.find((c) => c.id === sent.value.commentId)!
    expect(inReport.body).not.toContain(CITIZEN)
    expect(inReport.body).not.toContain(citizen.name!)
    // Staff still read what was sent.
    const staff = await loadReportData(db, round.id, { audience: 'staff' })
    expect(staff!.comments.find((c) => c.id === sent.value.commentId)!.body).toBe(body)
  })
})

describe('replies', () => {
  it('attach to the comment they answer, on its article, shown under it and not counted as comments of the article', async () => {
    const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })
    const parent = await db.comment.findFirstOrThrow({ where: { roundId: round.id, status: 'published', articleNodeId: { not: null }, parentId: null, withdrawnAt: null } })
    const before = (await previewRoundComments(db, round.id, NOW)).countsByArticle[parent.articleNodeId!]
    const citizen = await actorFor(CITIZEN)
    const reply = await submitComment(db, citizen, NewComment.parse({ body: 'Slažem se s ovim prijedlogom.', replyTo: parent.id, proposedWording: 'Ignorisano', consentToPublish: 'on' }), { roundId: round.id, now: NOW })
    expect(reply.ok).toBe(true)
    if (!reply.ok) return
    const stored = await db.comment.findUniqueOrThrow({ where: { id: reply.value.commentId } })
    expect(stored).toMatchObject({ parentId: parent.id, articleNodeId: parent.articleNodeId, targetNodeId: parent.targetNodeId, proposedWording: null })
    const after = await previewRoundComments(db, round.id, NOW)
    expect(after.countsByArticle[parent.articleNodeId!]).toBe(before)
    const pages = await listSectionComments(db, round.id, { article: parent.articleNodeId! }, 1, NOW)
    const shown = [...pages.comments, ...(after.previews[parent.articleNodeId!] ?? [])].find((c) => c.id === parent.id)
    expect(shown?.replies.map((r) => r.body)).toContain('Slažem se s ovim prijedlogom.')
  })

  it('are refused to a reply, to a hidden comment, and to a comment of another round', async () => {
    const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })
    const other = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: { not: null } } })
    const citizen = await actorFor(CITIZEN)
    const parent = await db.comment.findFirstOrThrow({ where: { roundId: round.id, status: 'published', parentId: null } })
    const first = await submitComment(db, citizen, NewComment.parse({ body: 'Odgovor.', replyTo: parent.id, consentToPublish: 'on' }), { roundId: round.id, now: NOW })
    if (!first.ok) throw new Error(first.reason)
    const hidden = await db.comment.create({ data: { roundId: round.id, authorId: citizen.userId, body: 'Skriven', status: 'hidden' } })
    const elsewhere = await db.comment.findFirstOrThrow({ where: { roundId: other.id } })
    for (const replyTo of [first.value.commentId, hidden.id, elsewhere.id]) {
      const refused = await submitComment(db, citizen, NewComment.parse({ body: 'Ne.', replyTo, consentToPublish: 'on' }), { roundId: round.id, now: NOW })
      expect(refused).toMatchObject({ ok: false, reason: 'unknown-parent' })
    }
  })
})

describe('comments on the explanatory memorandum', () => {
  it('target a section of the memorandum by its id, outside every article, counted as memorandum comments', async () => {
    const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null }, include: { version: true } })
    const outline = outlineDocument(loadDocument(round.version.doc), { language: 'bs', script: 'latn' })
    const section = outline.memorandum!.sections[0]!
    const before = (await previewRoundComments(db, round.id, NOW)).memorandumCount
    const citizen = await actorFor(CITIZEN)
    const form = await prepareComment(db, citizen, round.id, section.id, NOW)
    expect(form.ok && form.value.memorandum).toMatchObject({ id: section.id, heading: section.heading })
    const sent = await submitComment(db, citizen, NewComment.parse({ body: 'Obrazloženje ne navodi procjenu troškova.', targetNodeId: section.id, consentToPublish: 'on' }), { roundId: round.id, now: NOW })
    expect(sent.ok).toBe(true)
    if (!sent.ok) return
    expect(await db.comment.findUniqueOrThrow({ where: { id: sent.value.commentId } })).toMatchObject({ targetKind: 'memorandum', targetNodeId: section.id, articleNodeId: null })
    const after = await previewRoundComments(db, round.id, NOW)
    expect(after.memorandumCount).toBe(before + 1)
    expect(after.previews.memorandum?.map((c) => c.body)).toContain('Obrazloženje ne navodi procjenu troškova.')
  })
})

/** A route's action called as the router would, by `actor`, with the form `fields`; what it returned or threw. */
async function post(run: typeof manageAction | typeof commentEditAction, actor: Actor, path: string, params: Record<string, string>, fields: Record<string, string>, sent: Mail[] = []) {
  const services = bindServices({ db, mailer: { send: async (m) => void sent.push(m) }, rateLimits: {} as RateLimits, clock: () => NOW, publicUrl: 'https://nacrt.example.ba' })
  const context = new RouterContextProvider()
  context.set(requestContext, { services, locale: 'bs', cspNonce: 'n', clientIp: '192.0.2.10', secureCookies: false, publicUrl: 'https://nacrt.example.ba' })
  context.set(sessionContext, { actor, sessionId: null, csrfSecret: 'secret' })
  const request = new Request(`http://nacrt.test${path}`, { method: 'POST', body: new URLSearchParams(fields) })
  let result: unknown
  try {
    result = await run({ request, context, params } as never)
  } catch (thrown) {
    result = thrown
  }
  if (result instanceof Response) return { status: result.status, location: result.headers.get('Location'), errors: undefined, data: undefined }
  const { data, init } = result as { data: { errors?: Record<string, string[]> }; init?: ResponseInit | null }
  return { status: init?.status ?? 200, location: null, errors: data.errors, data: data as Record<string, unknown> }
}

describe('public hearings', () => {
  async function plannedRound() {
    const result = await planRound(db, await actorFor(COORDINATOR), SLUG, plan({ methodHearings: 'on' }), NOW)
    if (!result.ok) throw new Error(result.reason)
    return db.round.findUniqueOrThrow({ where: { id: result.value.roundId } })
  }
  const hearing = (startsAt: Date) => ({ startsAt, place: 'Mostar, sala A', agenda: null })

  it('are held within the consultation period: before the opening or after the closing is refused, nothing saved', async () => {
    const round = await plannedRound()
    const coordinator = await actorFor(COORDINATOR)
    for (const startsAt of [new Date(round.opensAt.getTime() - 60_000), new Date(round.closesAt.getTime() + 60_000), new Date(round.closesAt.getTime() + 40 * DAY)]) {
      expect(await addHearing(db, coordinator, round.id, hearing(startsAt), NOW)).toEqual({ ok: false, reason: 'hearing-outside-period' })
    }
    expect(await db.hearing.count({ where: { roundId: round.id } })).toBe(0)
    // The opening and the closing themselves belong to the period.
    for (const startsAt of [round.opensAt, round.closesAt, new Date(round.opensAt.getTime() + 3 * DAY)]) {
      expect((await addHearing(db, coordinator, round.id, hearing(startsAt), NOW)).ok).toBe(true)
    }
    expect(await db.hearing.count({ where: { roundId: round.id } })).toBe(3)
  })

  it('keep a plan from moving its period away from a hearing already scheduled', async () => {
    const round = await plannedRound()
    const coordinator = await actorFor(COORDINATOR)
    const added = await addHearing(db, coordinator, round.id, hearing(new Date(round.closesAt.getTime() - DAY)), NOW)
    expect(added.ok).toBe(true)
    // Closing ten days earlier would leave the hearing after the closing.
    expect(await updateRoundPlan(db, coordinator, round.id, plan({ methodHearings: 'on' }, 2, 20), NOW)).toMatchObject({ ok: false, reason: 'hearings-outside-period' })
    expect((await db.round.findUniqueOrThrow({ where: { id: round.id } })).closesAt).toEqual(round.closesAt)
    expect((await updateRoundPlan(db, coordinator, round.id, plan({ methodHearings: 'on' }, 2, 40), NOW)).ok).toBe(true)
  })

  it('outside the period are refused on the manage page with the error on the date field, and what was typed is kept', async () => {
    const round = await plannedRound()
    const path = `/rounds/${round.id}/manage`
    const late = toSarajevoLocal(new Date(round.closesAt.getTime() + 40 * DAY))
    const fields = { intent: 'add-hearing', startsAt: late, place: 'Mostar, sala A', agenda: 'Uvod' }
    expect(NewHearing.safeParse(fields).success).toBe(true)
    const refused = await post(manageAction, await actorFor(COORDINATOR), path, { roundId: round.id }, fields)
    expect(refused).toMatchObject({ status: 400, errors: { startsAt: ['errors.round.hearingOutsidePeriod'] } })
    expect(refused.data?.hearing).toEqual({ startsAt: late, place: 'Mostar, sala A', agenda: 'Uvod' })
    expect(await db.hearing.count({ where: { roundId: round.id } })).toBe(0)
  })
})

describe('irreversible acts', () => {
  async function plannedRound() {
    const result = await planRound(db, await actorFor(COORDINATOR), SLUG, plan(), NOW)
    if (!result.ok) throw new Error(result.reason)
    return result.value.roundId
  }

  it('open a round only when the person confirms it, then say it is open', async () => {
    const roundId = await plannedRound()
    const coordinator = await actorFor(COORDINATOR)
    const path = `/rounds/${roundId}/manage`
    const refused = await post(manageAction, coordinator, path, { roundId }, { intent: 'open' })
    expect(refused).toMatchObject({ status: 400, errors: { confirmOpen: ['errors.round.confirmOpen'] } })
    expect(await db.roundTransition.count({ where: { roundId } })).toBe(0)
    expect((await db.round.findUniqueOrThrow({ where: { id: roundId } })).state).toBe('planned')
    const opened = await post(manageAction, coordinator, path, { roundId }, { intent: 'open', confirmOpen: 'on' })
    expect(opened).toMatchObject({ status: 302, location: `${path}?opened=1` })
    expect((await db.round.findUniqueOrThrow({ where: { id: roundId } })).state).toBe('open')
  })

  it('close a round early only when the person confirms it, with the reason', async () => {
    const roundId = await plannedRound()
    const coordinator = await actorFor(COORDINATOR)
    await openRoundNow(db, coordinator, roundId, NOW)
    const path = `/rounds/${roundId}/manage`
    const refused = await post(manageAction, coordinator, path, { roundId }, { intent: 'close', reason: 'Nova verzija.' })
    expect(refused).toMatchObject({ status: 400, errors: { confirmClose: ['errors.round.confirmClose'] }, data: { reason: 'Nova verzija.' } })
    expect((await db.round.findUniqueOrThrow({ where: { id: roundId } })).state).toBe('open')
    const closed = await post(manageAction, coordinator, path, { roundId }, { intent: 'close', reason: 'Nova verzija.', confirmClose: 'on' })
    expect(closed).toMatchObject({ status: 302, location: `${path}?closed=1` })
    expect((await db.round.findUniqueOrThrow({ where: { id: roundId } })).state).toBe('closed')
  })

  it('withdraw a comment only when its author confirms it', async () => {
    const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })
    const citizen = await actorFor(CITIZEN)
    const sent = await submitComment(db, citizen, NewComment.parse({ body: 'Za povlačenje.', consentToPublish: 'on' }), { roundId: round.id, now: NOW })
    if (!sent.ok) throw new Error(sent.reason)
    const commentId = sent.value.commentId
    const path = `/comments/${commentId}/edit`
    const refused = await post(commentEditAction, citizen, path, { commentId }, { intent: 'withdraw' })
    expect(refused).toMatchObject({ status: 400, errors: { confirmWithdraw: ['errors.commentChange.confirmWithdraw'] } })
    expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).withdrawnAt).toBeNull()
    const withdrawn = await post(commentEditAction, citizen, path, { commentId }, { intent: 'withdraw', confirmWithdraw: 'on' })
    expect(withdrawn).toMatchObject({ status: 302, location: '/account/comments?withdrawn=1' })
    expect((await db.comment.findUniqueOrThrow({ where: { id: commentId } })).withdrawnAt).toEqual(NOW)
  })
})
