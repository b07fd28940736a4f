import type { Actor } from '../accounts/actor.ts'
import type { Db } from '../drafting/db.ts'
import { roundState, type RoundState } from './round-state.ts'

/** One of a person's own comments, with where it stands and the published answer. */
export interface MyComment {
  id: string
  draft: { slug: string; title: string }
  round: { title: string; state: RoundState }
  targetKind: string
  articleNodeId: string | null
  body: string
  proposedWording: string | null
  organisation: string | null
  status: string
  createdAt: Date
  /** The institution's answer, once it is published. */
  answer: { status: string; reasoning: string; publishedAt: Date } | null
}

/**
 * A person's comments, newest first: what they wrote, in which round, and the answer
 * where one has been published. Draft answers are never shown here.
 */
export async function listMyComments(db: Db, actor: Actor, now: Date): Promise<MyComment[]> {
  if (!actor.userId) return []
  const rows = await db.comment.findMany({
    where: { authorId: actor.userId },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: {
      id: true, targetKind: true, articleNodeId: true, body: true, proposedWording: true, status: true, createdAt: true,
      organisation: { select: { name: true } },
      response: { select: { status: true, reasoning: true, publishedAt: true } },
      round: {
        select: { title: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true, draft: { select: { slug: true, title: true } } },
      },
    },
  })
  return rows.map((c) => ({
    id: c.id,
    draft: c.round.draft,
    round: { title: c.round.title, state: roundState(c.round, now) },
    targetKind: c.targetKind,
    articleNodeId: c.articleNodeId,
    body: c.body,
    proposedWording: c.proposedWording,
    organisation: c.organisation?.name ?? null,
    status: c.status,
    createdAt: c.createdAt,
    answer: c.response?.publishedAt ? { status: c.response.status, reasoning: c.response.reasoning, publishedAt: c.response.publishedAt } : null,
  }))
}
