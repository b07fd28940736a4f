import { createHash } from 'node:crypto'
import type { Actor } from '../accounts/actor.ts'
import { recordAudit } from '../accounts/audit.ts'
import type { Db, Tx } from '../drafting/db.ts'
import { loadDocument } from '../drafting/document.ts'
import { documentTypeOf } from '../drafting/document-types.ts'
import type { DraftLanguage, DraftScript } from '../drafting/language.ts'
import { outlineDocument } from '../drafting/outline.ts'
import { loadDraftAccess } from '../drafting/permissions.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import { findCommentTarget } from './comment-targets.ts'
import type { CommentAuthor } from './comments.ts'
import type { CommentHiding, ModerationSettings, QueueView } from './moderation-inputs.ts'
import {
  afterReport, applyRedaction, compareForQueue, isCommentStatus, isVisibleToPublic, moderationModeOf, publicText, queueGroup,
  REDACTION_MARKER, summariseModeration, type CommentStatus, type HideReason, type ModerationMode, type ModerationSummary, type QueueGroup,
  type ReportReason,
} from './moderation-rules.ts'
import { canModerate } from './permissions.ts'
import { roundState, type RoundState } from './round-state.ts'
import { indexComment } from './search/store.ts'

// Moderation of a round's comments: the moderators' queue, approving, hiding with a
// reason, redacting a passage, unhiding, the round's pre-/post-moderation, and readers'
// reports. Nothing is ever deleted: a hidden comment keeps its text and its reason, a
// redacted one keeps its original for staff. Every act is in the audit log. What the
// author must be told comes back as an `AuthorNotice`; the caller e-mails it after the
// transaction has committed.

/** Comments per page of the moderators' queue. */
export const QUEUE_PAGE_SIZE = 25

/**
 * Why a moderation act was refused:
 * - `not-found`: no such comment in this round (or no such round);
 * - `forbidden`: only the draft's owners and moderators, and administrators, moderate.
 */
export type ModerationProblem = 'not-found' | 'forbidden'

/** A comment's author, to be told what a moderator did and why (by e-mail, in their language). */
export interface AuthorNotice {
  kind: 'hidden' | 'redacted'
  to: string
  locale: string | null
  name: string | null
  /** Why it was hidden; null for a redaction. */
  reason: HideReason | null
  /** The moderator's words to the author, if any. */
  note: string | null
  draft: { slug: string; title: string }
  round: { title: string }
  /** The beginning of the comment, so that its author knows which one. */
  excerpt: string
}

/** A comment named by its round and its id; a comment of another round is not found. */
export interface CommentRef {
  roundId: string
  commentId: string
}

const roundSelect = {
  id: true, title: true, draftId: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true,
  moderationMode: true, reportThreshold: true,
  draft: { select: { slug: true, title: true } },
} as const

async function loadComment(db: Db | Tx, ref: CommentRef) {
  const comment = await db.comment.findUnique({
    where: { id: ref.commentId },
    select: {
      id: true, roundId: true, body: true, redactedBody: true, status: true, hiddenReason: true, reportCount: true, withdrawnAt: true,
      author: { select: { email: true, name: true, locale: true, deletedAt: true } },
      round: { select: roundSelect },
    },
  })
  return comment && comment.roundId === ref.roundId ? comment : null
}
type LoadedComment = NonNullable<Awaited<ReturnType<typeof loadComment>>>

/** Whether the actor moderates the round's draft. */
async function mayModerate(db: Db, actor: Actor, draftId: string): Promise<boolean> {
  if (actor.userId === null) return false
  const access = await loadDraftAccess(db, actor, draftId)
  return access !== null && canModerate(actor, access)
}

const EXCERPT_LENGTH = 200
const excerptOf = (text: string) => (text.length > EXCERPT_LENGTH ? `${text.slice(0, EXCERPT_LENGTH - 1).trimEnd()}…` : text)

/** The notice for the comment's author; none when the account is gone or has no address. */
function noticeFor(c: LoadedComment, kind: AuthorNotice['kind'], reason: HideReason | null, note: string | null, excerpt: string): AuthorNotice | null {
  if (!c.author?.email || c.author.deletedAt) return null
  return {
    kind, to: c.author.email, locale: c.author.locale, name: c.author.name, reason, note,
    draft: { slug: c.round.draft.slug, title: c.round.draft.title }, round: { title: c.round.title }, excerpt: excerptOf(excerpt),
  }
}

/** Who the public sees as a comment's author, as listRoundComments shows it. */
function publicAuthor(c: { organisation: { name: string } | null; consentToBeNamed: boolean; authorName: string | null }): CommentAuthor {
  if (c.organisation) return { kind: 'organisation', name: c.organisation.name }
  return c.consentToBeNamed && c.authorName ? { kind: 'person', name: c.authorName } : { kind: 'anonymous' }
}

/** Marks a comment's open reports as reviewed: they no longer count towards the threshold. */
async function resolveReports(tx: Tx, commentId: string, now: Date) {
  await tx.commentReport.updateMany({ where: { commentId, resolvedAt: null }, data: { resolvedAt: now } })
}

/** Loads the comment and checks that the actor moderates its round. */
async function authorised(db: Db, actor: Actor, ref: CommentRef): Promise<Result<LoadedComment, ModerationProblem>> {
  const comment = await loadComment(db, ref)
  if (!comment) return fail('not-found')
  if (!(await mayModerate(db, actor, comment.round.draftId))) return fail('forbidden')
  return ok(comment)
}

// ------------------------------------------------------------------ the queue

/** A comment as moderators see it: its original text, its public text, and its reports. */
export interface QueueComment {
  id: string
  status: CommentStatus
  group: QueueGroup
  hiddenReason: HideReason | null
  /** The text as written: for staff only. */
  body: string
  /** The public text where a passage is redacted; null when nothing is. */
  redactedBody: string | null
  proposedWording: string | null
  createdAt: Date
  withdrawnAt: Date | null
  /** Who the public sees as the author (never an e-mail address). */
  author: CommentAuthor
  /** The article (and paragraph or point) it is about, labelled in the draft's language; null for the draft as a whole. */
  target: { articleLabel: string; anchor: string; paragraphLabel: string | null; pointLabel: string | null } | null
  /** Readers' reports not yet reviewed, and their reasons (`none` where none was given). */
  reportCount: number
  reportReasons: Partial<Record<ReportReason | 'none', number>>
  moderatedAt: Date | null
  /** The moderator's name; null for reports' automatic hiding or an erased account. */
  moderatedBy: string | null
  /** Its files: the author's attachments, or a staff-entered letter's scans (moderators open both). */
  attachments: { id: string; filename: string; size: number; kind: string }[]
}

/** One page of the moderators' queue of a round. */
export interface ModerationQueue {
  round: {
    id: string
    title: string
    state: RoundState
    moderationMode: ModerationMode
    reportThreshold: number
    draft: { slug: string; title: string }
  }
  view: QueueView
  summary: ModerationSummary
  comments: QueueComment[]
  page: number
  pageSize: number
  total: number
  pageCount: number
}

const VIEW_GROUPS: Record<QueueView, readonly QueueGroup[] | null> = {
  all: null,
  pending: ['pending'],
  reported: ['reported-hidden', 'reported'],
  published: ['reported', 'published'],
  hidden: ['reported-hidden', 'hidden'],
  withdrawn: ['withdrawn'],
}

/**
 * The comments of a round for its moderators, one page at a time: waiting for approval
 * first (oldest first), then reported ones (most reports first), then published ones
 * (newest first), then hidden and withdrawn ones; or only one of those lists (`view`).
 */
export async function moderationQueue(
  db: Db,
  actor: Actor,
  roundId: string,
  filter: { view?: QueueView; page?: number },
  now: Date,
): Promise<Result<ModerationQueue, ModerationProblem>> {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      ...roundSelect,
      version: { select: { doc: true } },
      draft: { select: { slug: true, title: true, language: true, script: true, documentType: true } },
    },
  })
  if (!round) return fail('not-found')
  if (!(await mayModerate(db, actor, round.draftId))) return fail('forbidden')

  // Every comment of the round in a few small columns: the queue's order is computed,
  // not a column, and a round has thousands of comments at most.
  const all = await db.comment.findMany({
    where: { roundId },
    select: { id: true, status: true, hiddenReason: true, reportCount: true, createdAt: true, withdrawnAt: true, redactedBody: true },
  })
  const summary = summariseModeration(all.map((c) => ({ ...c, redacted: c.redactedBody !== null })))
  const view = filter.view ?? 'all'
  const groups = VIEW_GROUPS[view]
  const listed = (groups ? all.filter((c) => groups.includes(queueGroup(c))) : all).sort((a, b) => compareForQueue(a, b) || a.id.localeCompare(b.id))
  const pageCount = Math.max(1, Math.ceil(listed.length / QUEUE_PAGE_SIZE))
  const page = Math.min(Math.max(1, Math.floor(filter.page ?? 1)), pageCount)
  const ids = listed.slice((page - 1) * QUEUE_PAGE_SIZE, page * QUEUE_PAGE_SIZE).map((c) => c.id)

  const [rows, reports] = await Promise.all([
    db.comment.findMany({
      where: { id: { in: ids } },
      select: {
        id: true, status: true, hiddenReason: true, body: true, redactedBody: true, proposedWording: true, createdAt: true, withdrawnAt: true,
        reportCount: true, moderatedAt: true, moderatedById: true, targetNodeId: true, consentToBeNamed: true, authorName: true,
        organisation: { select: { name: true } },
        attachments: { select: { id: true, filename: true, size: true, kind: true }, orderBy: { createdAt: 'asc' } },
      },
    }),
    db.commentReport.groupBy({ by: ['commentId', 'reason'], where: { commentId: { in: ids }, resolvedAt: null }, _count: { _all: true } }),
  ])
  const moderatorIds = [...new Set(rows.flatMap((r) => (r.moderatedById ? [r.moderatedById] : [])))]
  const moderators = new Map(
    (await db.user.findMany({ where: { id: { in: moderatorIds } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  )
  const outline = outlineDocument(
    loadDocument(round.version.doc),
    { language: round.draft.language as DraftLanguage, script: round.draft.script as DraftScript },
    'continuous',
    documentTypeOf(round.draft.documentType),
  )
  const byId = new Map(rows.map((r) => [r.id, r]))
  const comments = ids.map((commentId): QueueComment => {
    const c = byId.get(commentId)!
    const target = c.targetNodeId ? findCommentTarget(outline, c.targetNodeId) : null
    const reportReasons: QueueComment['reportReasons'] = {}
    for (const r of reports) if (r.commentId === c.id) reportReasons[(r.reason ?? 'none') as ReportReason | 'none'] = r._count._all
    return {
      id: c.id,
      status: isCommentStatus(c.status) ? c.status : 'hidden',
      group: queueGroup(c),
      hiddenReason: c.status === 'hidden' ? (c.hiddenReason as HideReason | null) : null,
      body: c.body,
      redactedBody: c.redactedBody,
      proposedWording: c.proposedWording,
      createdAt: c.createdAt,
      withdrawnAt: c.withdrawnAt,
      author: publicAuthor(c),
      target: target && {
        articleLabel: target.article.label,
        anchor: target.article.anchor,
        paragraphLabel: target.paragraph?.label ?? null,
        pointLabel: target.point?.label ?? null,
      },
      reportCount: c.reportCount,
      reportReasons,
      moderatedAt: c.moderatedAt,
      moderatedBy: c.moderatedById ? (moderators.get(c.moderatedById) ?? null) : null,
      attachments: c.attachments,
    }
  })
  return ok({
    round: {
      id: round.id,
      title: round.title,
      state: roundState(round, now),
      moderationMode: moderationModeOf(round.moderationMode),
      reportThreshold: round.reportThreshold,
      draft: { slug: round.draft.slug, title: round.draft.title },
    },
    view,
    summary,
    comments,
    page,
    pageSize: QUEUE_PAGE_SIZE,
    total: listed.length,
    pageCount,
  })
}

/**
 * A round's comments by where moderation left them — published, pending, hidden by
 * reason, redacted — for the consultation report: hidden comments are counted, never lost.
 */
export async function moderationSummary(db: Db, roundId: string): Promise<ModerationSummary> {
  const rows = await db.comment.findMany({
    where: { roundId },
    select: { status: true, hiddenReason: true, reportCount: true, createdAt: true, withdrawnAt: true, redactedBody: true },
  })
  return summariseModeration(rows.map((c) => ({ ...c, redacted: c.redactedBody !== null })))
}

// ------------------------------------------------------------------ moderators' acts

/** What a moderator's act did: the comment's status now, and whom to tell. */
export interface ModerationOutcome {
  status: CommentStatus
  /** The author's e-mail to send after the commit; null when nobody is to be told. */
  notice: AuthorNotice | null
}

/**
 * Approves a comment: a pending one is published; a reported one stays (or becomes
 * again) published and its reports count as reviewed; a hidden one is published again.
 * Approving a published comment without open reports changes nothing.
 */
export async function approveComment(db: Db, actor: Actor, ref: CommentRef, now: Date): Promise<Result<ModerationOutcome, ModerationProblem>> {
  const loaded = await authorised(db, actor, ref)
  if (!loaded.ok) return loaded
  const c = loaded.value
  if (c.status === 'published' && c.reportCount === 0) return ok({ status: 'published', notice: null })
  await db.$transaction(async (tx) => {
    await tx.comment.update({
      where: { id: c.id },
      data: { status: 'published', hiddenReason: null, reportCount: 0, moderatedAt: now, moderatedById: actor.userId },
    })
    await resolveReports(tx, c.id, now)
    await indexComment(tx, c.id)
    await recordAudit(tx, {
      actorId: actor.userId, action: 'comment.approved', objectType: 'comment', objectId: c.id, at: now,
      data: { roundId: c.roundId, previousStatus: c.status, previousReason: c.hiddenReason, reports: c.reportCount },
    })
  })
  return ok({ status: 'published', notice: null })
}

/**
 * Hides a comment with one of the moderators' reasons and an optional note for its
 * author, who is told (the notice). The comment is kept, with its reason; its reports
 * count as reviewed. Hiding it again for the same reason changes nothing.
 */
export async function hideComment(
  db: Db,
  actor: Actor,
  ref: CommentRef,
  input: { reason: CommentHiding['reason']; note?: string },
  now: Date,
): Promise<Result<ModerationOutcome, ModerationProblem>> {
  const loaded = await authorised(db, actor, ref)
  if (!loaded.ok) return loaded
  const c = loaded.value
  if (c.status === 'hidden' && c.hiddenReason === input.reason) return ok({ status: 'hidden', notice: null })
  await db.$transaction(async (tx) => {
    await tx.comment.update({
      where: { id: c.id },
      data: { status: 'hidden', hiddenReason: input.reason, reportCount: 0, moderatedAt: now, moderatedById: actor.userId },
    })
    await resolveReports(tx, c.id, now)
    await indexComment(tx, c.id)
    await recordAudit(tx, {
      actorId: actor.userId, action: 'comment.hidden', objectType: 'comment', objectId: c.id, at: now,
      data: { roundId: c.roundId, reason: input.reason, note: input.note ?? null, previousStatus: c.status, reports: c.reportCount },
    })
  })
  return ok({ status: 'hidden', notice: noticeFor(c, 'hidden', input.reason, input.note ?? null, publicText(c)) })
}

/** Publishes a hidden comment again; its reports count as reviewed. */
export async function unhideComment(
  db: Db,
  actor: Actor,
  ref: CommentRef,
  now: Date,
): Promise<Result<ModerationOutcome, ModerationProblem | 'not-hidden'>> {
  const loaded = await authorised(db, actor, ref)
  if (!loaded.ok) return loaded
  const c = loaded.value
  // `not-hidden`: the comment is pending or published (someone else may have acted first).
  if (c.status !== 'hidden') return fail('not-hidden')
  await db.$transaction(async (tx) => {
    await tx.comment.update({
      where: { id: c.id },
      data: { status: 'published', hiddenReason: null, reportCount: 0, moderatedAt: now, moderatedById: actor.userId },
    })
    await resolveReports(tx, c.id, now)
    await indexComment(tx, c.id)
    await recordAudit(tx, {
      actorId: actor.userId, action: 'comment.unhidden', objectType: 'comment', objectId: c.id, at: now,
      data: { roundId: c.roundId, previousReason: c.hiddenReason },
    })
  })
  return ok({ status: 'published', notice: null })
}

/**
 * Redacts passages of a comment — a child's name, a diagnosis, an address — and leaves
 * the rest public. `edited` is the comment's text with each passage replaced by "[…]"
 * (see applyRedaction); the original stays in `body`, for staff only. The text unchanged
 * removes an earlier redaction. The author is told when a passage is redacted.
 * `not-a-redaction`: the edited text changes or adds words, or removes them unmarked.
 */
export async function redactComment(
  db: Db,
  actor: Actor,
  ref: CommentRef,
  edited: string,
  now: Date,
): Promise<Result<ModerationOutcome & { redactedBody: string | null }, ModerationProblem | 'not-a-redaction'>> {
  const loaded = await authorised(db, actor, ref)
  if (!loaded.ok) return loaded
  const c = loaded.value
  const redaction = applyRedaction(c.body, edited)
  if (!redaction.ok) return redaction
  const redactedBody = redaction.value
  const status = isCommentStatus(c.status) ? c.status : 'hidden'
  if (redactedBody === c.redactedBody) return ok({ status, notice: null, redactedBody })
  await db.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: c.id }, data: { redactedBody, moderatedAt: now, moderatedById: actor.userId } })
    await indexComment(tx, c.id)
    // The audit log says that and how much was redacted, never what: that is the personal data.
    await recordAudit(tx, {
      actorId: actor.userId, action: redactedBody === null ? 'comment.redaction-removed' : 'comment.redacted', objectType: 'comment', objectId: c.id, at: now,
      data: { roundId: c.roundId, passages: redactedBody === null ? 0 : redactedBody.split(REDACTION_MARKER).length - 1, removedCharacters: c.body.length - (redactedBody ?? c.body).length },
    })
  })
  return ok({ status, notice: redactedBody === null ? null : noticeFor(c, 'redacted', null, null, redactedBody), redactedBody })
}

/**
 * Sets a round's moderation: pre-moderation (every new comment waits for a moderator)
 * or post-moderation (published at once), and the number of readers' reports that hides
 * a comment pending review (0: never). Comments already pending stay pending until a
 * moderator decides. Each change is in the audit log.
 */
export async function setModerationSettings(
  db: Db,
  actor: Actor,
  roundId: string,
  input: ModerationSettings,
  now: Date,
): Promise<Result<{ moderationMode: ModerationMode; reportThreshold: number }, ModerationProblem>> {
  const round = await db.round.findUnique({ where: { id: roundId }, select: { id: true, draftId: true, moderationMode: true, reportThreshold: true } })
  if (!round) return fail('not-found')
  if (!(await mayModerate(db, actor, round.draftId))) return fail('forbidden')
  const from = moderationModeOf(round.moderationMode)
  if (from === input.moderationMode && round.reportThreshold === input.reportThreshold) return ok(input)
  await db.$transaction(async (tx) => {
    await tx.round.update({ where: { id: round.id }, data: { moderationMode: input.moderationMode, reportThreshold: input.reportThreshold } })
    if (from !== input.moderationMode) {
      await recordAudit(tx, {
        actorId: actor.userId, action: 'round.moderation-mode', objectType: 'round', objectId: round.id, at: now,
        data: { from, to: input.moderationMode },
      })
    }
    if (round.reportThreshold !== input.reportThreshold) {
      await recordAudit(tx, {
        actorId: actor.userId, action: 'round.report-threshold', objectType: 'round', objectId: round.id, at: now,
        data: { from: round.reportThreshold, to: input.reportThreshold },
      })
    }
  })
  return ok(input)
}

// ------------------------------------------------------------------ readers' reports

/** Who reports: a key that is the same for the same reader and comment, and their account if signed in. */
export interface Reporter {
  key: string
  userId: string | null
}

/**
 * The reporter's key: the account for a signed-in reader; for anyone else a hash of
 * their address with the comment's id, so that the address is not stored and the same
 * address cannot be followed from one comment to another.
 */
export function reporterFor(actor: Actor, clientIp: string, commentId: string): Reporter {
  if (actor.userId) return { key: `user:${actor.userId}`, userId: actor.userId }
  return { key: `ip:${createHash('sha256').update(`${commentId}\n${clientIp}`).digest('base64url')}`, userId: null }
}

/** A comment as the report form shows it: its public text, where it is, who the public sees as its author. */
export interface ReportableComment {
  /** Null when the comment is no longer public (hidden, pending or withdrawn): there is nothing to report. */
  comment: { id: string; text: string; createdAt: Date; author: CommentAuthor } | null
  round: { id: string; title: string }
  draft: { slug: string; title: string }
}

/**
 * The comment a reader is about to report, or has just reported. `not-found`: no such
 * comment in this round, or a round not yet announced.
 */
export async function reportableComment(db: Db, ref: CommentRef, now: Date): Promise<Result<ReportableComment, 'not-found'>> {
  const c = await db.comment.findUnique({
    where: { id: ref.commentId },
    select: {
      id: true, roundId: true, body: true, redactedBody: true, status: true, withdrawnAt: true, createdAt: true,
      consentToBeNamed: true, authorName: true, organisation: { select: { name: true } },
      round: { select: roundSelect },
    },
  })
  if (!c || c.roundId !== ref.roundId || roundState(c.round, now) === 'planned') return fail('not-found')
  return ok({
    comment: isVisibleToPublic(c)
      ? {
          id: c.id,
          text: publicText(c),
          createdAt: c.createdAt,
          author: publicAuthor(c),
        }
      : null,
    round: { id: c.round.id, title: c.round.title },
    draft: { slug: c.round.draft.slug, title: c.round.draft.title },
  })
}

/** What a report did: whether it hid the comment pending review, and whom to tell. */
export interface ReportedComment {
  hidden: boolean
  draftSlug: string
  notice: AuthorNotice | null
}

/**
 * Records a reader's report of a public comment, once per reader (see reporterFor).
 * When the comment's unreviewed reports reach the round's threshold, it is hidden
 * pending review (reason `reported`) and its author is told. Outcomes:
 * - `not-found`: no such public comment in this round (pending, hidden and withdrawn
 *   comments cannot be reported: nobody can read them);
 * - `already-reported`: this reader has reported this comment before.
 */
export async function reportComment(
  db: Db,
  reporter: Reporter,
  ref: CommentRef,
  input: { reason?: ReportReason },
  now: Date,
): Promise<Result<ReportedComment, 'not-found' | 'already-reported'>> {
  const c = await loadComment(db, ref)
  if (!c || !isVisibleToPublic(c) || roundState(c.round, now) === 'planned') return fail('not-found')
  const earlier = await db.commentReport.findUnique({ where: { commentId_reporterKey: { commentId: c.id, reporterKey: reporter.key } }, select: { id: true } })
  if (earlier) return fail('already-reported')
  let hidden = false
  try {
    hidden = await db.$transaction(async (tx) => {
      await tx.commentReport.create({ data: { commentId: c.id, reporterKey: reporter.key, reason: input.reason ?? null, createdAt: now } })
      // An atomic increment: reports arriving together are all counted.
      const counted = await tx.comment.update({ where: { id: c.id }, data: { reportCount: { increment: 1 } }, select: { reportCount: true, status: true } })
      await recordAudit(tx, {
        actorId: reporter.userId, action: 'comment.reported', objectType: 'comment', objectId: c.id, at: now,
        data: { roundId: c.roundId, reason: input.reason ?? null, reportCount: counted.reportCount },
      })
      const outcome = afterReport(counted.reportCount, c.round.reportThreshold, isCommentStatus(counted.status) ? counted.status : 'hidden')
      if (!outcome.hide) return false
      await tx.comment.update({ where: { id: c.id }, data: { status: 'hidden', hiddenReason: outcome.reason, moderatedAt: now, moderatedById: null } })
      await indexComment(tx, c.id)
      await recordAudit(tx, {
        actorId: null, action: 'comment.hidden', objectType: 'comment', objectId: c.id, at: now,
        data: { roundId: c.roundId, reason: outcome.reason, by: 'reports', reportCount: counted.reportCount, threshold: c.round.reportThreshold },
      })
      return true
    })
  } catch (error) {
    // The same reader's two reports arrived at once: the unique key kept the first.
    if ((error as { code?: string }).code === 'P2002') return fail('already-reported')
    throw error
  }
  return ok({ hidden, draftSlug: c.round.draft.slug, notice: hidden ? noticeFor(c, 'hidden', 'reported', null, publicText(c)) : null })
}
