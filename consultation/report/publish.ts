import type { Actor } from '../../accounts/actor.ts'
import { recordAudit } from '../../accounts/audit.ts'
import type { Db } from '../../drafting/db.ts'
import { loadDraftAccess } from '../../drafting/permissions.ts'
import { fail, ok, type Result } from '../../drafting/result.ts'
import { canPublishReport } from '../permissions.ts'
import { recordTransition } from '../plans.ts'
import { roundState } from '../round-state.ts'
import { assembleReport, unanswered } from './assemble.ts'
import { loadReportData } from './load.ts'

/**
 * Why a report was not published:
 * - `round-not-found`: there is no such round;
 * - `forbidden`: only the draft's owner and administrators publish reports;
 * - `round-not-closed`: the round is planned or still open, so comments may still come;
 * - `already-published`: the report is out already (publishing is final);
 * - `unanswered-comments`: published comments have no published answer and the person
 *   did not confirm publishing all the same; the report page names those comments.
 */
export type PublishReportProblem = 'round-not-found' | 'forbidden' | 'round-not-closed' | 'already-published' | 'unanswered-comments'

/** What publishing said: when, and how many comments went out without an answer. */
export interface PublishedReport {
  publishedAt: Date
  unanswered: number
}

/**
 * Publishes the consolidated report of a closed round: the round becomes
 * report-published, its report and exports public at a stable address. The transition is
 * recorded with who made it, and audited; publishing with unanswered comments needs
 * `confirmUnanswered` and leaves an audit entry naming them.
 */
export async function publishReport(
  db: Db,
  actor: Actor,
  roundId: string,
  input: { confirmUnanswered: boolean },
  now: Date,
): Promise<Result<PublishedReport, PublishReportProblem>> {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: { id: true, draftId: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true },
  })
  if (!round) return fail('round-not-found')
  const access = await loadDraftAccess(db, actor, round.draftId)
  if (!access || !canPublishReport(actor, access) || actor.userId === null) return fail('forbidden')
  const state = roundState(round, now)
  if (state === 'report-published') return fail('already-published')
  if (state !== 'closed') return fail('round-not-closed')

  const data = await loadReportData(db, roundId, { audience: 'staff' })
  if (!data) return fail('round-not-found')
  const missing = unanswered(assembleReport(data, { lang: 'bs', audience: 'staff' }))
  if (missing.length > 0 && !input.confirmUnanswered) return fail('unanswered-comments')

  const byId = actor.userId
  const published = await db.$transaction(async (tx) => {
    // Only the first of two people pressing "publish" at once gets through.
    const { count } = await tx.round.updateMany({
      where: { id: roundId, reportPublishedAt: null, state: { not: 'report-published' } },
      data: { state: 'report-published', reportPublishedAt: now },
    })
    if (count === 0) return false
    await recordTransition(tx, { roundId, from: 'closed', to: 'report-published', at: now, byId })
    if (missing.length > 0) {
      await recordAudit(tx, {
        actorId: byId,
        action: 'report.published-with-unanswered',
        objectType: 'round',
        objectId: roundId,
        data: { count: missing.reduce((n, m) => n + m.count, 0), comments: missing.slice(0, 100).map((m) => m.commentId) },
        at: now,
      })
    }
    return true
  })
  if (!published) return fail('already-published')
  return ok({ publishedAt: now, unanswered: missing.reduce((n, m) => n + m.count, 0) })
}
