import type { Actor } from '../accounts/actor.ts'
import type { Db } from '../drafting/db.ts'
import { ok, type Result } from '../drafting/result.ts'
import { ANSWERABLE, loadAnsweringRound, type AnsweringProblem } from './answer-access.ts'
import { groupComments, type GroupingOptions } from './grouping.ts'

// Campaign groups of a round: near-identical comments (consultation/grouping.ts) share a
// `groupKey`, the id of the group's first comment, so that one answer can be given to all
// of them. Groups are derived data: recomputed from the comments' texts, written only
// where a key changes, so computing them again is cheap and safe at any time.

/** How many comments changed group, and how many groups the round has now. */
export interface GroupRefresh {
  groups: number
  changed: number
}

// A key is written with one statement per group, or per 900 members of a large one
// (Prisma binds at most 999 values a statement on SQLite).
const CHUNK = 900

/**
 * Recomputes the campaign groups of a round's answerable comments, oldest first, and
 * stores each comment's key (null for a comment in no group). No permission check: for
 * the commands below and for the sample data.
 */
export async function groupRoundComments(db: Db, roundId: string, options?: GroupingOptions): Promise<GroupRefresh> {
  const comments = await db.comment.findMany({
    where: { roundId, ...ANSWERABLE },
    select: { id: true, body: true, groupKey: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  })
  const groups = groupComments(comments, options)
  const wanted = new Map<string, string>()
  for (const g of groups) for (const id of g.ids) wanted.set(id, g.key)
  // Comments to move, by the key they get ('' for none).
  const moves = new Map<string, string[]>()
  for (const c of comments) {
    const key = wanted.get(c.id) ?? null
    if (key === c.groupKey) continue
    const list = moves.get(key ?? '')
    if (list) list.push(c.id)
    else moves.set(key ?? '', [c.id])
  }
  // Comments no longer answerable (hidden, withdrawn) leave their group too.
  const { count: left } = await db.comment.updateMany({
    where: { roundId, groupKey: { not: null }, NOT: ANSWERABLE },
    data: { groupKey: null },
  })
  let changed = left
  if (moves.size > 0) {
    await db.$transaction(async (tx) => {
      for (const [key, ids] of moves) {
        for (let i = 0; i < ids.length; i += CHUNK) {
          const { count } = await tx.comment.updateMany({ where: { id: { in: ids.slice(i, i + CHUNK) } }, data: { groupKey: key || null } })
          changed += count
        }
      }
    }, { timeout: 60_000 })
  }
  return { groups: groups.length, changed }
}

/** Recomputes a round's campaign groups for someone who may answer its comments. */
export async function refreshGroups(db: Db, actor: Actor, roundId: string, now: Date): Promise<Result<GroupRefresh, AnsweringProblem>> {
  const round = await loadAnsweringRound(db, actor, roundId, now)
  if (!round.ok) return round
  return ok(await groupRoundComments(db, roundId))
}
