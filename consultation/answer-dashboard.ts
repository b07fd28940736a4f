import type { Actor } from '../accounts/actor.ts'
import type { Db } from '../drafting/db.ts'
import type { DraftScript } from '../drafting/language.ts'
import { transliterate, transliterateDocument } from '../drafting/transliteration.ts'
import { ok, type Result } from '../drafting/result.ts'
import { ANSWERABLE, assignablePeople, loadAnsweringRound, outlineOfDraftDoc, type AnsweringProblem } from './answer-access.ts'
import { articlesOf } from './comment-targets.ts'
import { roundProgress, type AnswerTally } from './response-rules.ts'
import type { RoundState } from './round-state.ts'

// How far the answers of a round are: overall, per article and per person answering.

/** A round's progress in answering its comments. */
export interface RoundDashboard {
  round: { id: string; title: string; state: RoundState }
  draft: { slug: string; title: string }
  overall: AnswerTally
  /** Articles with comments, in the text's order; `articleNodeId` null: the draft as a whole. */
  articles: { articleNodeId: string | null; label: string | null; heading: string | null; tally: AnswerTally }[]
  /** People with comments assigned, by name; `assigneeId` null: comments nobody has been given. */
  assignees: { assigneeId: string | null; name: string | null; tally: AnswerTally }[]
}

/**
 * The dashboard of a round, for someone who may answer its comments. With `script`, the
 * articles' labels and headings and the titles read as the public pages show them in that
 * script ("Члан 6."); the stored text is not changed.
 */
export async function roundDashboard(
  db: Db, actor: Actor, roundId: string, now: Date, options: { script?: DraftScript } = {},
): Promise<Result<RoundDashboard, AnsweringProblem>> {
  const round = await loadAnsweringRound(db, actor, roundId, now)
  if (!round.ok) return round
  const { row, state } = round.value
  const comments = await db.comment.findMany({
    where: { roundId, ...ANSWERABLE },
    select: { articleNodeId: true, assigneeId: true, response: { select: { status: true, publishedAt: true } } },
  })
  const progress = roundProgress(
    comments.map((c) => ({
      articleNodeId: c.articleNodeId,
      assigneeId: c.assigneeId,
      status: c.response?.status ?? null,
      published: c.response?.publishedAt != null,
    })),
  )
  const script = options.script ?? (row.draft.script as DraftScript)
  const inScript = (text: string) => (options.script ? transliterate(text, options.script) : text)
  const doc = script === row.draft.script ? row.version.doc : transliterateDocument(row.version.doc, script)
  const order = articlesOf(outlineOfDraftDoc({ ...row.draft, script }, doc))
  const articles: RoundDashboard['articles'] = order.flatMap((a) => {
    const tally = progress.byArticle.get(a.id)
    return tally ? [{ articleNodeId: a.id, label: a.label, heading: a.heading, tally }] : []
  })
  const general = progress.byArticle.get(null)
  if (general) articles.push({ articleNodeId: null, label: null, heading: null, tally: general })
  const assignedIds = [...progress.byAssignee.keys()].filter((k): k is string => k !== null)
  const names = new Map((await assignablePeople(db, row.draft)).map((p) => [p.id, p.name]))
  const missing = assignedIds.filter((id) => !names.has(id))
  if (missing.length) for (const u of await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) names.set(u.id, u.name ?? '')
  const assignees: RoundDashboard['assignees'] = assignedIds
    .map((id) => ({ assigneeId: id as string | null, name: names.get(id) ?? null, tally: progress.byAssignee.get(id)! }))
    .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? '', 'bs'))
  const unassigned = progress.byAssignee.get(null)
  if (unassigned) assignees.push({ assigneeId: null, name: null, tally: unassigned })
  return ok({
    round: { id: row.id, title: inScript(row.title), state },
    draft: { slug: row.draft.slug, title: inScript(row.draft.title) },
    overall: progress.overall,
    articles,
    assignees,
  })
}
