import { fail, ok, type Result } from '../drafting/result.ts'
import { roundState, type RoundTimes } from './round-state.ts'

// The rules of answering comments: pure functions, no I/O. The institution answers every
// comment with a status and its reasons (the Croatian e-Savjetovanja model the
// consultation rules follow); answers are saved as drafts, reviewed, then published, and
// become public at once or with the report, as the round says.

/** The statuses of an answer, in the order the interface offers them. */
export const ANSWER_STATUSES = ['accepted', 'partly-accepted', 'rejected', 'noted'] as const
/** Prihvaćen, Djelimično prihvaćen, Odbijen, Primljen k znanju. */
export type AnswerStatus = (typeof ANSWER_STATUSES)[number]
/** Where a comment stands: one of the answer statuses, or `unanswered` while it has none. */
export type CommentAnswerStatus = AnswerStatus | 'unanswered'
export const COMMENT_ANSWER_STATUSES: readonly CommentAnswerStatus[] = ['unanswered', ...ANSWER_STATUSES]

export function isAnswerStatus(value: unknown): value is AnswerStatus {
  return typeof value === 'string' && (ANSWER_STATUSES as readonly string[]).includes(value)
}

/** The status of a comment from its answer (draft or published), `unanswered` without one. */
export function answerStatusOf(response: { status: string } | null | undefined): CommentAnswerStatus {
  if (!response) return 'unanswered'
  if (!isAnswerStatus(response.status)) throw new RangeError(`Unknown answer status ${response.status}`)
  return response.status
}

/** Reasons are required for every status but `unanswered` (a comment with no answer yet). */
export function reasoningRequired(status: CommentAnswerStatus): boolean {
  return status !== 'unanswered'
}

/** An answer as it is kept: a known status and its reasoning, trimmed. */
export interface CheckedAnswer {
  status: AnswerStatus
  reasoning: string
}

/**
 * Why an answer cannot be kept:
 * - `unknown-status`: the status is not accepted, partly-accepted, rejected or noted;
 * - `reasoning-required`: the reasoning is empty (every status needs one).
 */
export type AnswerProblem = 'unknown-status' | 'reasoning-required'

/** Checks an answer before it is saved, as a draft or for publication. */
export function checkAnswer(input: { status: string; reasoning: string }): Result<CheckedAnswer, AnswerProblem> {
  if (!isAnswerStatus(input.status)) return fail('unknown-status')
  const reasoning = input.reasoning.trim()
  if (reasoningRequired(input.status) && reasoning === '') return fail('reasoning-required')
  return ok({ status: input.status, reasoning })
}

/** Whether an answer is saved for review (`draft`) or published. */
export type AnswerMode = 'draft' | 'publish'

/**
 * What saving an answer does to its publication:
 * - `publish` publishes it now (again, for a corrected answer); `first` says whether it
 *   was never published before, so that its author is told once;
 * - `draft` keeps it unpublished for review. A published answer is never taken back by
 *   saving a draft (`already-published`): it can only be corrected by publishing again.
 */
export function nextPublication(
  mode: AnswerMode,
  existing: { publishedAt: Date | null } | null,
  now: Date,
): Result<{ publishedAt: Date | null; first: boolean }, 'already-published'> {
  if (mode === 'publish') return ok({ publishedAt: now, first: !existing?.publishedAt })
  if (existing?.publishedAt) return fail('already-published')
  return ok({ publishedAt: null, first: false })
}

/** When a round's answers become public: as each is published, or with the report. */
export type AnswersPublication = 'immediately' | 'with-report'

/** The round's setting; anything unknown is read as the cautious `with-report`. */
export function answersPublicationOf(value: string): AnswersPublication {
  return value === 'immediately' ? 'immediately' : 'with-report'
}

/** What decides whether a round's answers are public. */
export type RoundPublication = RoundTimes & { answersPublication: string }

/** Whether the round lets published answers be read now: at once, or once its report is out. */
export function roundShowsAnswers(round: RoundPublication, now: Date): boolean {
  return answersPublicationOf(round.answersPublication) === 'immediately' || roundState(round, now) === 'report-published'
}

/**
 * Whether the public (and the comment's author) may read an answer: it is published,
 * and the round publishes answers immediately or its report has been published.
 * Draft answers are never public.
 */
export function isAnswerPublic(response: { publishedAt: Date | null }, round: RoundPublication, now: Date): boolean {
  return response.publishedAt !== null && response.publishedAt <= now && roundShowsAnswers(round, now)
}

/**
 * Whether the author is told about an answer published now: the first time it is
 * published, and only if it is public at once. In a round that publishes answers with
 * the report, authors are told when the report is published (see `notifyWithReport`).
 */
export function notifyOnPublish(first: boolean, round: RoundPublication, now: Date): boolean {
  return first && roundShowsAnswers(round, now)
}

/**
 * Whether publishing the report tells this answer's author: answers published before the
 * report in a round that held them back for it.
 */
export function notifyWithReport(response: { publishedAt: Date | null }, round: { answersPublication: string }): boolean {
  return response.publishedAt !== null && answersPublicationOf(round.answersPublication) === 'with-report'
}

/** Only an accepted or partly accepted comment can have led to a change in the text. */
export function canLinkChange(status: CommentAnswerStatus): boolean {
  return status === 'accepted' || status === 'partly-accepted'
}

/** Counts of comments by where their answers stand. `answered` counts drafts and published answers. */
export interface AnswerTally {
  total: number
  answered: number
  unanswered: number
  /** Answers saved but not yet published. */
  drafts: number
  published: number
  accepted: number
  partlyAccepted: number
  rejected: number
  noted: number
}

/** One comment as progress is counted: its answer's status (null: none) and whether it is published. */
export interface AnswerProgressRow {
  articleNodeId: string | null
  assigneeId: string | null
  status: string | null
  published: boolean
}

const emptyTally = (): AnswerTally => ({
  total: 0, answered: 0, unanswered: 0, drafts: 0, published: 0, accepted: 0, partlyAccepted: 0, rejected: 0, noted: 0,
})

function count(tally: AnswerTally, row: { status: string | null; published: boolean }): void {
  tally.total++
  const status = answerStatusOf(row.status === null ? null : { status: row.status })
  if (status === 'unanswered') {
    tally.unanswered++
    return
  }
  tally.answered++
  if (row.published) tally.published++
  else tally.drafts++
  if (status === 'accepted') tally.accepted++
  else if (status === 'partly-accepted') tally.partlyAccepted++
  else if (status === 'rejected') tally.rejected++
  else tally.noted++
}

/** The counts of a set of comments. */
export function tallyAnswers(rows: Iterable<{ status: string | null; published: boolean }>): AnswerTally {
  const tally = emptyTally()
  for (const row of rows) count(tally, row)
  return tally
}

/** A round's progress: overall, per article (null: the draft as a whole) and per assignee (null: nobody). */
export interface RoundProgress {
  overall: AnswerTally
  byArticle: Map<string | null, AnswerTally>
  byAssignee: Map<string | null, AnswerTally>
}

/** Counts a round's comments overall, per article and per assignee, in one pass. */
export function roundProgress(rows: Iterable<AnswerProgressRow>): RoundProgress {
  const overall = emptyTally()
  const byArticle = new Map<string | null, AnswerTally>()
  const byAssignee = new Map<string | null, AnswerTally>()
  const into = (map: Map<string | null, AnswerTally>, key: string | null) => {
    let tally = map.get(key)
    if (!tally) map.set(key, (tally = emptyTally()))
    return tally
  }
  for (const row of rows) {
    count(overall, row)
    count(into(byArticle, row.articleNodeId), row)
    count(into(byAssignee, row.assigneeId), row)
  }
  return { overall, byArticle, byAssignee }
}
