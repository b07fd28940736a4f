import type { Actor } from '../../accounts/actor.ts'
import type { Db } from '../../drafting/db.ts'
import { loadDraftAccess } from '../../drafting/permissions.ts'
import { fail, ok, type Result } from '../../drafting/result.ts'
import { canExportReport, canPrepareReport, canPublishReport, canReadRound } from '../permissions.ts'
import { roundState, type RoundState } from '../round-state.ts'
import { assembleReport, unanswered, type UnansweredComment } from './assemble.ts'
import { loadReportData } from './load.ts'
import type { ConsolidatedReport, ReportAudience, ReportLang } from './model.ts'

/**
 * Why a report cannot be read:
 * - `round-not-found`: no such round, or a planned one the person may not see;
 * - `report-not-published`: the report is not out yet, and the person does not prepare it.
 */
export type ReportAccessProblem = 'round-not-found' | 'report-not-published'

/** Who reads a round's report, and as whom: decided once for the page, the exports and the jobs. */
export interface ReportAccess {
  roundId: string
  draft: { slug: string; title: string }
  state: RoundState
  audience: ReportAudience
  can: { publish: boolean; export: boolean }
}

/**
 * Whether and how a person reads a round's report at `now`: everyone reads the public
 * report once it is published; before that, the people preparing it read the staff one.
 */
export async function reportAccess(db: Db, actor: Actor, roundId: string, now: Date): Promise<Result<ReportAccess, ReportAccessProblem>> {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: { id: true, draftId: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true, draft: { select: { slug: true, title: true } } },
  })
  if (!round) return fail('round-not-found')
  const access = (await loadDraftAccess(db, actor, round.draftId)) ?? { draftId: round.draftId, ownerOrganisationId: '', roles: [] }
  const state = roundState(round, now)
  if (!canReadRound(actor, access, state)) return fail('round-not-found')
  const published = state === 'report-published'
  if (!published && !canPrepareReport(actor, access)) return fail('report-not-published')
  return ok({
    roundId: round.id,
    draft: round.draft,
    state,
    audience: published ? 'public' : 'staff',
    can: { publish: state === 'closed' && canPublishReport(actor, access), export: canExportReport(actor, access, state) },
  })
}

/** A round's report as a person reads it, with what they may do and, for staff, what is still unanswered. */
export interface ReportReading extends ReportAccess {
  report: ConsolidatedReport
  unanswered: UnansweredComment[]
}

/** The report of a round in a language, for whoever asks (see reportAccess). */
export async function readReport(db: Db, actor: Actor, roundId: string, options: { lang: ReportLang; now: Date }): Promise<Result<ReportReading, ReportAccessProblem>> {
  const access = await reportAccess(db, actor, roundId, options.now)
  if (!access.ok) return access
  const data = await loadReportData(db, roundId, { audience: access.value.audience })
  if (!data) return fail('round-not-found')
  const report = assembleReport(data, { lang: options.lang, audience: access.value.audience })
  return ok({ ...access.value, report, unanswered: access.value.audience === 'staff' ? unanswered(report) : [] })
}
