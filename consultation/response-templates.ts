import type { Actor } from '../accounts/actor.ts'
import { recordAudit } from '../accounts/audit.ts'
import type { Db } from '../drafting/db.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import { loadAnsweringRound, type AnsweringProblem } from './answer-access.ts'
import type { TemplateInput } from './answer-inputs.ts'
import { checkAnswer, type AnswerProblem, type AnswerStatus } from './response-rules.ts'

// Reusable answers of an institution ("Komentar se odnosi na podzakonski akt …"): kept per
// institution (the draft's owner), managed by whoever answers the comments of its drafts.

/** A reusable answer: a title to pick it by, a status and reasoning to start from. */
export interface TemplateView {
  id: string
  title: string
  status: AnswerStatus
  reasoning: string
}

/** An institution's templates, by title. */
export async function templatesOf(db: Db, organisationId: string): Promise<TemplateView[]> {
  const rows = await db.responseTemplate.findMany({
    where: { organisationId },
    orderBy: [{ title: 'asc' }, { id: 'asc' }],
    select: { id: true, title: true, status: true, reasoning: true },
  })
  return rows.map((t) => ({ id: t.id, title: t.title, status: t.status as AnswerStatus, reasoning: t.reasoning }))
}

/** The templates page: whose templates they are, and the templates. */
export interface TemplateList {
  round: { id: string; title: string }
  draft: { slug: string; title: string }
  organisation: { name: string }
  templates: TemplateView[]
}

/** The templates of the institution that owns the round's draft, for someone who answers its comments. */
export async function listTemplates(db: Db, actor: Actor, roundId: string, now: Date): Promise<Result<TemplateList, AnsweringProblem>> {
  const round = await loadAnsweringRound(db, actor, roundId, now)
  if (!round.ok) return round
  const { row } = round.value
  return ok({
    round: { id: row.id, title: row.title },
    draft: { slug: row.draft.slug, title: row.draft.title },
    organisation: { name: row.draft.owner.name },
    templates: await templatesOf(db, row.draft.ownerId),
  })
}

/**
 * Why a template was not saved or deleted: as for answering (`round-not-found`,
 * `forbidden`, `unknown-status`, `reasoning-required`), and `template-not-found` when the
 * institution has no such template.
 */
export type TemplateProblem = AnsweringProblem | AnswerProblem | 'template-not-found'

/**
 * Adds a template to the institution that owns the round's draft, or changes one of its
 * templates (`templateId`).
 */
export async function saveTemplate(
  db: Db,
  actor: Actor,
  input: TemplateInput & { templateId?: string },
  ctx: { roundId: string; now: Date },
): Promise<Result<TemplateView, TemplateProblem>> {
  const round = await loadAnsweringRound(db, actor, ctx.roundId, ctx.now)
  if (!round.ok) return round
  const checked = checkAnswer(input)
  if (!checked.ok) return checked
  const organisationId = round.value.row.draft.ownerId
  const fields = { title: input.title.trim(), status: checked.value.status, reasoning: checked.value.reasoning }
  const saved = await db.$transaction(async (tx) => {
    let id: string
    if (input.templateId) {
      const { count } = await tx.responseTemplate.updateMany({ where: { id: input.templateId, organisationId }, data: fields })
      if (count === 0) return null
      id = input.templateId
    } else {
      id = (await tx.responseTemplate.create({ data: { organisationId, ...fields, createdAt: ctx.now }, select: { id: true } })).id
    }
    await recordAudit(tx, {
      actorId: actor.userId, action: input.templateId ? 'response-template.changed' : 'response-template.created',
      objectType: 'response-template', objectId: id, data: { organisationId, title: fields.title }, at: ctx.now,
    })
    return id
  })
  if (saved === null) return fail('template-not-found')
  return ok({ id: saved, ...fields })
}

/** Deletes one of the institution's templates; answers written from it stay as they are. */
export async function deleteTemplate(
  db: Db,
  actor: Actor,
  templateId: string,
  ctx: { roundId: string; now: Date },
): Promise<Result<{ id: string }, AnsweringProblem | 'template-not-found'>> {
  const round = await loadAnsweringRound(db, actor, ctx.roundId, ctx.now)
  if (!round.ok) return round
  const organisationId = round.value.row.draft.ownerId
  const deleted = await db.$transaction(async (tx) => {
    const { count } = await tx.responseTemplate.deleteMany({ where: { id: templateId, organisationId } })
    if (count === 0) return false
    await recordAudit(tx, { actorId: actor.userId, action: 'response-template.deleted', objectType: 'response-template', objectId: templateId, data: { organisationId }, at: ctx.now })
    return true
  })
  return deleted ? ok({ id: templateId }) : fail('template-not-found')
}
