import { fail, ok, type Result } from '../drafting/result.ts'

// The rules of moderation, without I/O: what status a new comment gets, when readers'
// reports hide it, what text the public reads, how a redaction is checked, and the order
// of the moderators' queue. consultation/moderation.ts applies them to the database.

/**
 * Where a comment stands: `pending` waits for a moderator (pre-moderation), `published`
 * is public, `hidden` is kept with its reason but shown to staff only. Nothing is deleted.
 */
export const COMMENT_STATUSES = ['pending', 'published', 'hidden'] as const
export type CommentStatus = (typeof COMMENT_STATUSES)[number]

/** Why a comment is hidden; `reported` means readers' reports hid it until a moderator looks. */
export const HIDE_REASONS = ['offensive', 'spam', 'off-topic', 'personal-data', 'reported'] as const
export type HideReason = (typeof HIDE_REASONS)[number]

/** The reasons a moderator chooses from (`reported` is set by readers' reports only). */
export const MODERATOR_HIDE_REASONS = ['offensive', 'spam', 'off-topic', 'personal-data'] as const satisfies readonly HideReason[]
export type ModeratorHideReason = (typeof MODERATOR_HIDE_REASONS)[number]

/** What a reader may give as the reason of a report (optional). */
export const REPORT_REASONS = ['offensive', 'spam', 'off-topic', 'personal-data', 'other'] as const
export type ReportReason = (typeof REPORT_REASONS)[number]

/** Pre-moderation: every comment waits for a moderator. Post-moderation: published at once, hidden later if need be. */
export const MODERATION_MODES = ['pre', 'post'] as const
export type ModerationMode = (typeof MODERATION_MODES)[number]

/** The highest report threshold a round may set; 0 turns hiding by reports off. */
export const MAX_REPORT_THRESHOLD = 100

/** The marker that stands where a moderator removed a passage. */
export const REDACTION_MARKER = '[…]'
// What moderators may type for it on a keyboard without an ellipsis key.
const MARKER_INPUT = /\[(?:…|\.\.\.)\]/g

export const isCommentStatus = (v: string): v is CommentStatus => (COMMENT_STATUSES as readonly string[]).includes(v)
export const isHideReason = (v: string): v is HideReason => (HIDE_REASONS as readonly string[]).includes(v)
/** A round's stored mode; anything unknown counts as post-moderation, the schema's default. */
export const moderationModeOf = (v: string): ModerationMode => (v === 'pre' ? 'pre' : 'post')

/** The status of a comment just submitted to a round with this moderation mode. */
export function initialStatus(mode: ModerationMode): CommentStatus {
  return mode === 'pre' ? 'pending' : 'published'
}

/** What readers' reports do to a comment: hide it pending review, or nothing. */
export type ReportOutcome = { hide: true; reason: 'reported' } | { hide: false }

/**
 * After a report, with `reportCount` the comment's unreviewed reports including this one:
 * a published comment is hidden pending review once the count reaches the round's
 * `threshold`. Pending and hidden comments are already out of public view; a threshold
 * below 1 means reports never hide anything by themselves.
 */
export function afterReport(reportCount: number, threshold: number, status: CommentStatus): ReportOutcome {
  if (status !== 'published' || threshold < 1 || reportCount < threshold) return { hide: false }
  return { hide: true, reason: 'reported' }
}

/** The text the public reads: the redacted text where a moderator redacted one. */
export function publicText(comment: { body: string; redactedBody: string | null }): string {
  return comment.redactedBody ?? comment.body
}

/**
 * The public comments of a list, as a database filter: published, not withdrawn, and not
 * replies (those are shown under the comment they answer). Keep in step with isVisibleToPublic.
 */
export const PUBLIC_TOP_LEVEL_COMMENT = { status: 'published', withdrawnAt: null, parentId: null } as const

/** Whether anyone may read a comment: published, and not withdrawn by its author. */
export function isVisibleToPublic(comment: { status: string; withdrawnAt: Date | null }): boolean {
  return comment.status === 'published' && comment.withdrawnAt === null
}

/** Line endings as browsers send them from a text area (CRLF) and as we compare them (LF). */
const lf = (text: string) => text.replace(/\r\n?/g, '\n')

/**
 * The text with each range [start, end) of `body` replaced by the marker. Overlapping or
 * touching ranges become one marker. A range outside the text is a caller's bug.
 */
export function redactPassages(body: string, ranges: readonly { start: number; end: number }[]): string {
  for (const r of ranges) {
    if (!(Number.isInteger(r.start) && Number.isInteger(r.end) && r.start >= 0 && r.start < r.end && r.end <= body.length)) {
      throw new RangeError(`Invalid redaction range ${r.start}–${r.end} of a text of ${body.length} characters`)
    }
  }
  const merged: { start: number; end: number }[] = []
  for (const r of [...ranges].sort((a, b) => a.start - b.start)) {
    const last = merged.at(-1)
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end)
    else merged.push({ ...r })
  }
  let out = ''
  let at = 0
  for (const r of merged) {
    out += body.slice(at, r.start) + REDACTION_MARKER
    at = r.end
  }
  return out + body.slice(at)
}

/**
 * Why a moderator's redaction was refused:
 * - `not-a-redaction`: the edited text is not the original with passages replaced by the
 *   marker — a word was changed or added, or a passage removed without a marker.
 */
export type RedactionProblem = 'not-a-redaction'

/**
 * Checks a moderator's redaction and returns the text the public will read. The
 * moderator edits the comment's text and replaces each passage to hide with "[…]" (or
 * "[...]"); the result must be the original with exactly those passages removed — every
 * kept character from the original, in order, and nothing removed where no marker
 * stands. Markers kept from an earlier redaction are checked the same way, so an earlier
 * redaction can be extended. `null`: the edited text is the original, nothing redacted.
 */
export function applyRedaction(original: string, edited: string): Result<string | null, RedactionProblem> {
  const source = lf(original)
  const kept = lf(edited).split(MARKER_INPUT)
  if (kept.length === 1) return kept[0] === source ? ok(null) : fail('not-a-redaction')
  const first = kept[0]!
  const last = kept.at(-1)!
  if (!source.startsWith(first)) return fail('not-a-redaction')
  // Each marker stands for at least one removed character; the kept pieces are placed
  // leftmost, which leaves the most room for the pieces after them.
  let at = first.length
  for (const piece of kept.slice(1, -1)) {
    const found = source.indexOf(piece, at + 1)
    if (found < 0) return fail('not-a-redaction')
    at = found + piece.length
  }
  if (source.length - last.length < at + 1 || !source.endsWith(last)) return fail('not-a-redaction')
  // Markers side by side are one removed passage.
  return ok(kept.join(REDACTION_MARKER).replace(/(?:\[…\]){2,}/g, REDACTION_MARKER))
}

/** What the moderators' queue orders comments by. */
export interface QueueEntry {
  status: string
  hiddenReason: string | null
  /** Readers' reports no moderator has reviewed yet. */
  reportCount: number
  createdAt: Date
  withdrawnAt: Date | null
}

/**
 * The groups of the moderators' queue, in the order they are shown: waiting for approval,
 * hidden by reports until reviewed, published but reported, published, hidden by a
 * moderator, withdrawn by the author.
 */
export const QUEUE_GROUPS = ['pending', 'reported-hidden', 'reported', 'published', 'hidden', 'withdrawn'] as const
export type QueueGroup = (typeof QUEUE_GROUPS)[number]

/** The group a comment is shown in on the moderators' queue. */
export function queueGroup(c: QueueEntry): QueueGroup {
  if (c.withdrawnAt) return 'withdrawn'
  if (c.status === 'pending') return 'pending'
  if (c.status === 'hidden') return c.hiddenReason === 'reported' ? 'reported-hidden' : 'hidden'
  return c.reportCount > 0 ? 'reported' : 'published'
}

/** Whether a comment waits for a moderator's decision: pending, or reported and not yet reviewed. */
export function needsReview(c: QueueEntry): boolean {
  const group = queueGroup(c)
  return group === 'pending' || group === 'reported-hidden' || group === 'reported'
}

/**
 * The queue's order: by group (see QUEUE_GROUPS); waiting comments oldest first (first
 * come, first served), reported ones with the most reports first, the rest newest first.
 */
export function compareForQueue(a: QueueEntry, b: QueueEntry): number {
  const ga = QUEUE_GROUPS.indexOf(queueGroup(a))
  const gb = QUEUE_GROUPS.indexOf(queueGroup(b))
  if (ga !== gb) return ga - gb
  const group = QUEUE_GROUPS[ga]!
  if (group === 'pending') return a.createdAt.getTime() - b.createdAt.getTime()
  if ((group === 'reported' || group === 'reported-hidden') && a.reportCount !== b.reportCount) return b.reportCount - a.reportCount
  if (group === 'reported' || group === 'reported-hidden') return a.createdAt.getTime() - b.createdAt.getTime()
  return b.createdAt.getTime() - a.createdAt.getTime()
}

/** A round's comments by where moderation left them, for the queue and the consultation report. */
export interface ModerationSummary {
  published: number
  pending: number
  /** Hidden comments, kept with their reason: every reason has a count, zero included. */
  hidden: { total: number; byReason: Record<HideReason, number> }
  /** Published comments whose public text is redacted. */
  redacted: number
  /** Comments waiting for a moderator: pending, or reported and not yet reviewed. */
  needsReview: number
}

/** Counts a round's comments for the moderation summary; withdrawn comments are left out. */
export function summariseModeration(comments: readonly (QueueEntry & { redacted: boolean })[]): ModerationSummary {
  const byReason = Object.fromEntries(HIDE_REASONS.map((r) => [r, 0])) as Record<HideReason, number>
  const summary: ModerationSummary = { published: 0, pending: 0, hidden: { total: 0, byReason }, redacted: 0, needsReview: 0 }
  for (const c of comments) {
    if (c.withdrawnAt) continue
    if (needsReview(c)) summary.needsReview++
    if (c.status === 'pending') summary.pending++
    else if (c.status === 'hidden') {
      summary.hidden.total++
      if (c.hiddenReason && isHideReason(c.hiddenReason)) byReason[c.hiddenReason]++
    } else if (c.status === 'published') {
      summary.published++
      if (c.redacted) summary.redacted++
    }
  }
  return summary
}
