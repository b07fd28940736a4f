import type { Db } from '../drafting/db.ts'
import type { Actor } from '../accounts/actor.ts'
import { recordAudit } from '../accounts/audit.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import type { NewPlanItem } from './interested-party-inputs.ts'
import { canManagePlan } from './institution-permissions.ts'
import { groupByQuarter, isPastQuarter, nextQuarters, quarterOf, type QuarterGroup } from './plan-quarters.ts'
import { roundState } from './round-state.ts'
import { loadInstitution, type InstitutionRef } from './interested-parties.ts'

// An institution's published plan of upcoming drafts and consultations (2006 rules,
// art. 5: each institution publishes its planned legislative work): items staff write,
// by quarter, and beside them the institution's drafts whose consultation round is
// already scheduled.

/** A draft named in the plan; `readable` when it has a version the public can read. */
export interface PlanDraft {
  slug: string
  title: string
  readable: boolean
}

/**
 * One line of the plan: an item staff wrote (with its draft and, when that draft has a
 * scheduled round, the round), or a draft whose consultation round is scheduled.
 */
export type PlanEntry =
  | {
      kind: 'item'
      id: string
      title: string
      description: string | null
      draft: PlanDraft | null
      round: { title: string; opensAt: Date } | null
    }
  | { kind: 'round'; roundId: string; title: string; opensAt: Date; draft: PlanDraft }

/** The plan as published, by quarter. */
export interface PublishedPlan {
  institution: InstitutionRef
  /** Quarters in calendar order; a quarter that has ended is `past`. */
  quarters: QuarterGroup<PlanEntry>[]
}

/** The plan's page: the plan, and for staff what they need to add to it. */
export interface PlanPage extends PublishedPlan {
  canManage: boolean
  /** The institution's drafts an item may name (staff only; empty for everyone else). */
  drafts: { id: string; title: string }[]
  /** The quarters an item may name: this one and the next eleven (staff only). */
  quarterChoices: string[]
}

/** How far ahead a plan item may be put: three years of quarters. */
export const PLAN_QUARTERS_AHEAD = 12

/**
 * The institution's published plan at `now`: its items by the quarter they name, and its
 * drafts with a round still to open (planned, opensAt after `now`) in the quarter of the
 * opening. A draft an item names is shown with that item, not twice.
 */
export async function publicPlan(db: Db, institutionSlug: string, now: Date): Promise<Result<PublishedPlan, 'not-found'>> {
  const institution = await loadInstitution(db, institutionSlug)
  if (!institution) return fail('not-found')
  const draftSelect = { id: true, slug: true, title: true, _count: { select: { versions: true } } } as const
  const [items, rounds] = await Promise.all([
    db.planItem.findMany({ where: { organisationId: institution.id }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.round.findMany({
      where: { draft: { ownerId: institution.id }, state: 'planned', opensAt: { gt: now } },
      orderBy: { opensAt: 'asc' },
      select: { id: true, title: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true, draft: { select: draftSelect } },
    }),
  ])
  const itemDraftIds = [...new Set(items.flatMap((i) => (i.draftId ? [i.draftId] : [])))]
  const drafts = new Map(
    itemDraftIds.length
      ? (await db.draft.findMany({ where: { id: { in: itemDraftIds }, ownerId: institution.id }, select: draftSelect })).map((d) => [d.id, d] as const)
      : [],
  )
  const planned = rounds.filter((r) => roundState(r, now) === 'planned')
  const asPlanDraft = (d: { slug: string; title: string; _count: { versions: number } }): PlanDraft => ({ slug: d.slug, title: d.title, readable: d._count.versions > 0 })
  const entries: { quarter: string; entry: PlanEntry }[] = items.map((item) => {
    const draft = item.draftId ? drafts.get(item.draftId) : undefined
    const round = draft ? planned.find((r) => r.draft.id === draft.id) : undefined
    return {
      quarter: item.plannedFor,
      entry: {
        kind: 'item', id: item.id, title: item.title, description: item.description,
        draft: draft ? asPlanDraft(draft) : null,
        round: round ? { title: round.title, opensAt: round.opensAt } : null,
      },
    }
  })
  const named = new Set(items.flatMap((i) => (i.draftId && drafts.has(i.draftId) ? [i.draftId] : [])))
  for (const round of planned) {
    if (named.has(round.draft.id)) continue
    entries.push({ quarter: quarterOf(round.opensAt), entry: { kind: 'round', roundId: round.id, title: round.title, opensAt: round.opensAt, draft: asPlanDraft(round.draft) } })
  }
  return ok({
    institution: { id: institution.id, slug: institution.slug, name: institution.name },
    quarters: groupByQuarter(entries, (e) => e.quarter, now).map((g) => ({ ...g, entries: g.entries.map((e) => e.entry) })),
  })
}

/** The plan's page as this person may see it: staff also get the drafts an item may name. */
export async function planPage(db: Db, actor: Actor, institutionSlug: string, now: Date): Promise<Result<PlanPage, 'not-found'>> {
  const plan = await publicPlan(db, institutionSlug, now)
  if (!plan.ok) return plan
  const canManage = canManagePlan(actor, plan.value.institution.id)
  const drafts = canManage
    ? await db.draft.findMany({ where: { ownerId: plan.value.institution.id }, orderBy: { title: 'asc' }, select: { id: true, title: true } })
    : []
  return ok({ ...plan.value, canManage, drafts, quarterChoices: canManage ? nextQuarters(now, PLAN_QUARTERS_AHEAD) : [] })
}

/**
 * Why an item could not be added to the plan:
 * - `not-found`: no such institution, or one that publishes no plan;
 * - `forbidden`: only the institution's staff and administrators change the plan;
 * - `past-quarter`: the quarter has already ended;
 * - `unknown-draft`: the draft named is not one of the institution's drafts.
 */
export type PlanItemProblem = 'not-found' | 'forbidden' | 'past-quarter' | 'unknown-draft'

/** Adds an item to the institution's published plan. */
export async function addPlanItem(db: Db, actor: Actor, institutionSlug: string, input: NewPlanItem, now: Date): Promise<Result<{ itemId: string }, PlanItemProblem>> {
  const institution = await loadInstitution(db, institutionSlug)
  if (!institution) return fail('not-found')
  if (!canManagePlan(actor, institution.id)) return fail('forbidden')
  if (isPastQuarter(input.plannedFor, now)) return fail('past-quarter')
  if (input.draftId !== undefined) {
    const draft = await db.draft.findUnique({ where: { id: input.draftId }, select: { ownerId: true } })
    if (!draft || draft.ownerId !== institution.id) return fail('unknown-draft')
  }
  const item = await db.$transaction(async (tx) => {
    const item = await tx.planItem.create({
      data: {
        organisationId: institution.id, title: input.title, description: input.description ?? null,
        plannedFor: input.plannedFor, draftId: input.draftId ?? null, createdAt: now,
      },
      select: { id: true },
    })
    await recordAudit(tx, {
      actorId: actor.userId, action: 'plan-item.added', objectType: 'plan-item', objectId: item.id,
      data: { institutionId: institution.id, plannedFor: input.plannedFor, draftId: input.draftId ?? null }, at: now,
    })
    return item
  })
  return ok({ itemId: item.id })
}

/**
 * Why an item could not be taken off the plan:
 * - `not-found`: no such item in this institution's plan;
 * - `forbidden`: only the institution's staff and administrators change the plan.
 */
export type PlanRemovalProblem = 'not-found' | 'forbidden'

/** Takes an item off the plan (the audit log keeps what it said). */
export async function removePlanItem(db: Db, actor: Actor, institutionSlug: string, itemId: string, now: Date): Promise<Result<{ title: string }, PlanRemovalProblem>> {
  const institution = await loadInstitution(db, institutionSlug)
  if (!institution) return fail('not-found')
  if (!canManagePlan(actor, institution.id)) return fail('forbidden')
  const item = await db.planItem.findUnique({ where: { id: itemId }, select: { id: true, organisationId: true, title: true, plannedFor: true } })
  if (!item || item.organisationId !== institution.id) return fail('not-found')
  try {
    await db.$transaction(async (tx) => {
      await tx.planItem.delete({ where: { id: item.id } })
      await recordAudit(tx, {
        actorId: actor.userId, action: 'plan-item.removed', objectType: 'plan-item', objectId: item.id,
        data: { institutionId: institution.id, title: item.title, plannedFor: item.plannedFor }, at: now,
      })
    })
  } catch (error) {
    // Removed twice at once (two tabs): the other request took it off.
    if ((error as { code?: string }).code === 'P2025') return fail('not-found')
    throw error
  }
  return ok({ title: item.title })
}
