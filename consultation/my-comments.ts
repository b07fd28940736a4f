import type { Actor } from '../accounts/actor.ts'
import type { Db } from '../drafting/db.ts'
import { roundState, type RoundState } from './round-state.ts'
import { publicAnswers, type PublicAnswer } from './public-answers.ts'

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
  /** Why a moderator (or readers' reports) hid it, while it is hidden; see moderation-rules.ts. */
  hiddenReason: string | null
  /** Whether a moderator redacted a passage of its public text (the author still reads their own). */
  redacted: boolean
  createdAt: Date
  /** When the person last changed it, and when they withdrew it. */
  editedAt: Date | null
  withdrawnAt: Date | null
  /** The institution's answer, once it is public: published, and the round's setting allows (at once, or with the report). */
  answer: PublicAnswer | null
  /** The files the person attached (their own: they download them whatever the comment's status). */
  attachments: { id: string; filename: string; size: number }[]
}

/**
 * A person's comments, newest first: what they wrote, in which round, and the answer
 * where it is public. Draft answers, and answers the round holds back for its report, are never shown here.
 */
export async function listMyComments(db: Db, actor: Actor, now: Date): Promise<MyComment[]> {
  if (!actor.userId) return []
  const rows = await db.comment.findMany({
    where: { authorId: actor.userId },
    orderBy: { createdAt: 'desc' },
    take: 200,
    select: {
      id: true, targetKind: true, articleNodeId: true, body: true, proposedWording: true, status: true, createdAt: true,
      hiddenReason: true, redactedBody: true, editedAt: true, withdrawnAt: true,
      organisation: { select: { name: true } },
      attachments: { where: { kind: 'attachment' }, select: { id: true, filename: true, size: true }, orderBy: { createdAt: 'asc' } },
      round: {
        select: { title: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true, draft: { select: { slug: true, title: true } } },
      },
    },
  })
  const answers = await publicAnswers(db, { commentIds: rows.map((c) => c.id) }, now)
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
    hiddenReason: c.status === 'hidden' ? c.hiddenReason : null,
    redacted: c.redactedBody !== null,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    withdrawnAt: c.withdrawnAt,
    answer: answers.get(c.id) ?? null,
    attachments: c.attachments,
  }))
}
