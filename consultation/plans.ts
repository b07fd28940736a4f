import type { Actor } from '../accounts/actor.ts'
import { recordAudit } from '../accounts/audit.ts'
import type { Db, Tx } from '../drafting/db.ts'
import { loadDraftAccess } from '../drafting/permissions.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import type { Prisma } from '../generated/prisma/client.ts'
import { jurisdictionProfile, type JurisdictionProfile } from './jurisdictions.ts'
import type { ConsultationMethod, NewHearing, RoundPlan } from './plan-inputs.ts'
import { canManageRound } from './permissions.ts'
import { roundState, type RoundState } from './round-state.ts'
import { calendarDays } from './sarajevo-time.ts'

// A round's plan and its life by hand: staff plan a round on one version of a draft,
// change the plan while it allows, open it early or close it early. Every change of state
// is a RoundTransition and an audit event; the schedule's own transitions are recorded
// by `recordScheduledTransitions` (transitions.ts).

/** How the period of a plan measures against the jurisdiction's rules. */
export interface PeriodCheck {
  days: number
  minimumDays: number
  recommendedDays: number
  /** Shorter than the minimum: it needs a stated reason, which goes into the report. */
  short: boolean
  /** Whether the minimum was read in the rule itself (not yet: shown to staff as such). */
  verified: boolean
}

/** The period from opening to closing in Sarajevo calendar days, against `profile`. */
export function checkPeriod(opensAt: Date, closesAt: Date, profile: JurisdictionProfile): PeriodCheck {
  const days = calendarDays(opensAt, closesAt)
  return { days, minimumDays: profile.minimumDays, recommendedDays: profile.recommendedDays, short: days < profile.minimumDays, verified: profile.verified }
}

/**
 * Why a plan was refused:
 * - `forbidden`: only the draft's owner, its institution's staff and administrators plan rounds;
 * - `not-found`: no such draft or round;
 * - `unknown-version`: the draft has no version with that number;
 * - `short-period`: shorter than the minimum and no reason given (the check says by how much);
 * - `opens-in-past`: a new or planned round cannot be scheduled to have opened already
 *   (open it by hand instead);
 * - `closes-in-past`: a round cannot be rescheduled to have closed already (close it by hand);
 * - `locked`: the round has opened: its version and opening can no longer change, or it
 *   has closed and its plan is final;
 * - `hearing-outside-period`: a public hearing is part of the consultation: it is held
 *   between the round's opening and its closing, never before or after;
 * - `hearings-outside-period`: the new opening or closing would leave a hearing already
 *   scheduled outside the period (move or remove the hearing first).
 */
export type PlanProblem =
  | 'forbidden' | 'not-found' | 'unknown-version' | 'short-period' | 'opens-in-past' | 'closes-in-past' | 'locked'
  | 'hearing-outside-period' | 'hearings-outside-period'

/** Whether a hearing at `startsAt` falls within the period of a round, its opening and closing included. */
export function withinPeriod(startsAt: Date, period: { opensAt: Date; closesAt: Date }): boolean {
  return startsAt >= period.opensAt && startsAt <= period.closesAt
}

export type PlanResult<T> = Result<T, PlanProblem> & { period?: PeriodCheck }

async function draftBySlug(db: Db, slug: string) {
  return db.draft.findUnique({ where: { slug }, select: { id: true, slug: true, jurisdiction: true, ownerId: true } })
}

async function mayManage(db: Db, actor: Actor, draftId: string): Promise<boolean> {
  const access = await loadDraftAccess(db, actor, draftId)
  return access !== null && canManageRound(actor, access)
}

function planData(plan: RoundPlan) {
  return {
    title: plan.title, stage: plan.stage, opensAt: plan.opensAt, closesAt: plan.closesAt,
    targetGroups: plan.targetGroups, methods: plan.methods as Prisma.InputJsonValue, contactName: plan.contactName,
    contactEmail: plan.contactEmail, summary: plan.summary, whyItMatters: plan.whyItMatters,
    moderationMode: plan.moderationMode, answersPublication: plan.answersPublication,
  }
}

/**
 * The period check for a plan; a short period needs its reason. The reason is kept only
 * while the period is short: a plan lengthened later drops it.
 */
function periodOf(plan: RoundPlan, jurisdiction: string): { period: PeriodCheck; reason: string | null; missing: boolean } {
  const period = checkPeriod(plan.opensAt, plan.closesAt, jurisdictionProfile(jurisdiction))
  const reason = period.short ? plan.shortPeriodReason : null
  return { period, reason, missing: period.short && !reason }
}

/** Plans a round on one version of the draft `slug`: planned until it opens. */
export async function planRound(db: Db, actor: Actor, slug: string, plan: RoundPlan, now: Date): Promise<PlanResult<{ roundId: string }>> {
  const draft = await draftBySlug(db, slug)
  if (!draft) return fail('not-found')
  if (!actor.userId || !(await mayManage(db, actor, draft.id))) return fail('forbidden')
  const version = await db.version.findUnique({ where: { draftId_seq: { draftId: draft.id, seq: plan.versionSeq } }, select: { id: true } })
  if (!version) return fail('unknown-version')
  if (plan.opensAt < new Date(now.getTime() - 60_000)) return fail('opens-in-past')
  const { period, reason, missing } = periodOf(plan, draft.jurisdiction)
  if (missing) return { ...fail('short-period'), period }
  const actorId = actor.userId
  const round = await db.$transaction(async (tx) => {
    const created = await tx.round.create({
      data: { ...planData(plan), draftId: draft.id, versionId: version.id, state: 'planned', shortPeriodReason: reason, leadId: actorId, createdAt: now },
    })
    await recordAudit(tx, { actorId, action: 'round.planned', objectType: 'round', objectId: created.id, data: { draft: slug, version: plan.versionSeq, days: period.days }, at: now })
    return created
  })
  return { ...ok({ roundId: round.id }), period }
}

async function loadManagedRound(db: Db, actor: Actor, roundId: string) {
  const round = await db.round.findUnique({
    where: { id: roundId },
    include: { draft: { select: { id: true, slug: true, jurisdiction: true } }, version: { select: { seq: true } } },
  })
  if (!round) return { problem: 'not-found' as const }
  if (!actor.userId || !(await mayManage(db, actor, round.draftId))) return { problem: 'forbidden' as const }
  return { round, actorId: actor.userId }
}

/**
 * Changes a round's plan. While planned, everything may change. Once open, the consulted
 * version and the opening stay as they were (what people comment on never changes), and
 * the closing may move but not into the past. A closed round's plan is final.
 */
export async function updateRoundPlan(db: Db, actor: Actor, roundId: string, plan: RoundPlan, now: Date): Promise<PlanResult<{ roundId: string }>> {
  const loaded = await loadManagedRound(db, actor, roundId)
  if ('problem' in loaded) return fail(loaded.problem!)
  const { round, actorId } = loaded
  const state = roundState(round, now)
  if (state === 'closed' || state === 'report-published') return fail('locked')
  let versionId = round.versionId
  if (state === 'open') {
    if (plan.versionSeq !== round.version.seq || plan.opensAt.getTime() !== round.opensAt.getTime()) return fail('locked')
    if (plan.closesAt <= now) return fail('closes-in-past')
  } else {
    const version = await db.version.findUnique({ where: { draftId_seq: { draftId: round.draftId, seq: plan.versionSeq } }, select: { id: true } })
    if (!version) return fail('unknown-version')
    if (plan.opensAt < new Date(now.getTime() - 60_000) && plan.opensAt.getTime() !== round.opensAt.getTime()) return fail('opens-in-past')
    versionId = version.id
  }
  const { period, reason, missing } = periodOf(plan, round.draft.jurisdiction)
  if (missing) return { ...fail('short-period'), period }
  const hearings = await db.hearing.findMany({ where: { roundId }, select: { startsAt: true } })
  if (hearings.some((h) => !withinPeriod(h.startsAt, plan))) return fail('hearings-outside-period')
  await db.$transaction(async (tx) => {
    await tx.round.update({ where: { id: roundId }, data: { ...planData(plan), versionId, shortPeriodReason: reason } })
    await recordAudit(tx, { actorId, action: 'round.plan-changed', objectType: 'round', objectId: roundId, data: { state, days: period.days }, at: now })
  })
  return { ...ok({ roundId }), period }
}

/** Records one change of state of a round, by a person or (byId null) by its schedule. */
export async function recordTransition(
  tx: Tx,
  t: { roundId: string; from: RoundState; to: RoundState; at: Date; byId: string | null; reason?: string | null; scheduleKey?: string },
): Promise<void> {
  await tx.roundTransition.create({
    data: { roundId: t.roundId, fromState: t.from, toState: t.to, at: t.at, byId: t.byId, reason: t.reason ?? null, scheduleKey: t.scheduleKey ?? null },
  })
  await recordAudit(tx, {
    actorId: t.byId, action: `round.${t.to}`, objectType: 'round', objectId: t.roundId,
    data: { from: t.from, by: t.byId ? 'hand' : 'schedule', ...(t.reason ? { reason: t.reason } : {}) }, at: t.at,
  })
}

/**
 * Opens a planned round now, ahead of its schedule: its opening becomes `now`. The period
 * only grows, so the plan's check still holds.
 */
export async function openRoundNow(db: Db, actor: Actor, roundId: string, now: Date): Promise<Result<{ roundId: string }, PlanProblem | 'not-planned'>> {
  const loaded = await loadManagedRound(db, actor, roundId)
  if ('problem' in loaded) return fail(loaded.problem!)
  const { round, actorId } = loaded
  if (roundState(round, now) !== 'planned') return fail('not-planned')
  if (round.closesAt <= now) return fail('closes-in-past')
  await db.$transaction(async (tx) => {
    await tx.round.update({ where: { id: roundId }, data: { state: 'open', opensAt: now } })
    await recordTransition(tx, { roundId, from: 'planned', to: 'open', at: now, byId: actorId })
  })
  return ok({ roundId })
}

/**
 * Closes an open round now, before its schedule, with the reason (it goes into the
 * report). Comments already received stay; new ones are refused from `now`.
 */
export async function closeRoundNow(db: Db, actor: Actor, roundId: string, reason: string, now: Date): Promise<Result<{ roundId: string }, PlanProblem | 'not-open'>> {
  const loaded = await loadManagedRound(db, actor, roundId)
  if ('problem' in loaded) return fail(loaded.problem!)
  const { round, actorId } = loaded
  if (roundState(round, now) !== 'open') return fail('not-open')
  await db.$transaction(async (tx) => {
    await tx.round.update({ where: { id: roundId }, data: { state: 'closed', closesAt: now } })
    await recordTransition(tx, { roundId, from: 'open', to: 'closed', at: now, byId: actorId, reason })
  })
  return ok({ roundId })
}

/** Adds a public hearing to a round that has not closed, within its period (opening and closing included). */
export async function addHearing(db: Db, actor: Actor, roundId: string, hearing: NewHearing, now: Date): Promise<Result<{ hearingId: string }, PlanProblem>> {
  const loaded = await loadManagedRound(db, actor, roundId)
  if ('problem' in loaded) return fail(loaded.problem!)
  const state = roundState(loaded.round, now)
  if (state === 'closed' || state === 'report-published') return fail('locked')
  if (!withinPeriod(hearing.startsAt, loaded.round)) return fail('hearing-outside-period')
  const created = await db.$transaction(async (tx) => {
    const h = await tx.hearing.create({ data: { roundId, startsAt: hearing.startsAt, place: hearing.place, agenda: hearing.agenda, createdAt: now } })
    await recordAudit(tx, { actorId: loaded.actorId, action: 'round.hearing-added', objectType: 'round', objectId: roundId, data: { hearing: h.id }, at: now })
    return h
  })
  return ok({ hearingId: created.id })
}

/** Removes a hearing of a round that has not closed. */
export async function removeHearing(db: Db, actor: Actor, roundId: string, hearingId: string, now: Date): Promise<Result<null, PlanProblem>> {
  const loaded = await loadManagedRound(db, actor, roundId)
  if ('problem' in loaded) return fail(loaded.problem!)
  const state = roundState(loaded.round, now)
  if (state === 'closed' || state === 'report-published') return fail('locked')
  const removed = await db.$transaction(async (tx) => {
    const { count } = await tx.hearing.deleteMany({ where: { id: hearingId, roundId } })
    if (count) await recordAudit(tx, { actorId: loaded.actorId, action: 'round.hearing-removed', objectType: 'round', objectId: roundId, data: { hearing: hearingId }, at: now })
    return count
  })
  return removed ? ok(null) : fail('not-found')
}

/** A round as its managers see it: the plan, its period check, hearings and transitions. */
export interface ManagedRound {
  id: string
  title: string
  state: RoundState
  draft: { slug: string; title: string }
  versionSeq: number
  stage: string
  opensAt: Date
  closesAt: Date
  targetGroups: string | null
  methods: ConsultationMethod[]
  contactName: string | null
  contactEmail: string | null
  summary: string | null
  whyItMatters: string | null
  moderationMode: string
  answersPublication: string
  shortPeriodReason: string | null
  period: PeriodCheck
  hearings: { id: string; startsAt: Date; place: string; agenda: string | null }[]
  transitions: { fromState: string; toState: string; at: Date; by: string | null; reason: string | null }[]
  commentCount: number
}

export function methodsOf(value: unknown): ConsultationMethod[] {
  return Array.isArray(value) ? value.filter((m): m is ConsultationMethod => m === 'online' || m === 'hearings' || m === 'written') : ['online']
}

/** The round for its managers, or why not. */
export async function manageRound(db: Db, actor: Actor, roundId: string, now: Date): Promise<Result<ManagedRound, 'not-found' | 'forbidden'>> {
  const loaded = await loadManagedRound(db, actor, roundId)
  if ('problem' in loaded) return fail(loaded.problem!)
  const { round } = loaded
  const [draft, hearings, transitions, commentCount] = await Promise.all([
    db.draft.findUniqueOrThrow({ where: { id: round.draftId }, select: { slug: true, title: true } }),
    db.hearing.findMany({ where: { roundId }, orderBy: { startsAt: 'asc' } }),
    db.roundTransition.findMany({ where: { roundId }, orderBy: { at: 'asc' } }),
    db.comment.count({ where: { roundId } }),
  ])
  const people = await db.user.findMany({ where: { id: { in: transitions.flatMap((t) => (t.byId ? [t.byId] : [])) } }, select: { id: true, name: true } })
  const nameOf = new Map(people.map((p) => [p.id, p.name]))
  return ok({
    id: round.id, title: round.title, state: roundState(round, now), draft, versionSeq: round.version.seq, stage: round.stage,
    opensAt: round.opensAt, closesAt: round.closesAt, targetGroups: round.targetGroups, methods: methodsOf(round.methods),
    contactName: round.contactName, contactEmail: round.contactEmail, summary: round.summary, whyItMatters: round.whyItMatters,
    moderationMode: round.moderationMode, answersPublication: round.answersPublication, shortPeriodReason: round.shortPeriodReason,
    period: checkPeriod(round.opensAt, round.closesAt, jurisdictionProfile(round.draft.jurisdiction)),
    hearings: hearings.map((h) => ({ id: h.id, startsAt: h.startsAt, place: h.place, agenda: h.agenda })),
    transitions: transitions.map((t) => ({ fromState: t.fromState, toState: t.toState, at: t.at, by: t.byId ? (nameOf.get(t.byId) ?? null) : null, reason: t.reason })),
    commentCount,
  })
}

/** What the form of a new round offers: the draft's versions and its jurisdiction's rules. */
export async function roundPlanChoices(db: Db, actor: Actor, slug: string, now: Date): Promise<Result<{
  draft: { id: string; slug: string; title: string }
  versions: { seq: number; name: string; createdAt: Date }[]
  profile: JurisdictionProfile
  rounds: { id: string; title: string; state: RoundState; opensAt: Date; closesAt: Date }[]
}, 'not-found' | 'forbidden'>> {
  const draft = await db.draft.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, jurisdiction: true } })
  if (!draft) return fail('not-found')
  if (!actor.userId || !(await mayManage(db, actor, draft.id))) return fail('forbidden')
  const [versions, rounds] = await Promise.all([
    db.version.findMany({ where: { draftId: draft.id }, orderBy: { seq: 'desc' }, select: { seq: true, name: true, createdAt: true } }),
    db.round.findMany({ where: { draftId: draft.id }, orderBy: { opensAt: 'desc' } }),
  ])
  return ok({
    draft: { id: draft.id, slug: draft.slug, title: draft.title },
    versions,
    profile: jurisdictionProfile(draft.jurisdiction),
    rounds: rounds.map((r) => ({ id: r.id, title: r.title, state: roundState(r, now), opensAt: r.opensAt, closesAt: r.closesAt })),
  })
}
