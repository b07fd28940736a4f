import type { CommentView } from '../components/comments.tsx'
import type { DocumentOutline } from '../../drafting/outline.ts'
import { findCommentTarget, targetText } from '../../consultation/comment-targets.ts'
import { compareWords } from '../../drafting/diff.ts'
import type { PublicComment } from '../../consultation/public-round.ts'

/** A public comment for a reading page, with the unit it is about labelled from the shown outline. */
export function presentComment(c: PublicComment, outline: DocumentOutline): CommentView {
  const target = c.targetNodeId ? findCommentTarget(outline, c.targetNodeId) : null
  return {
    id: c.id,
    articleNodeId: c.articleNodeId,
    unit: target && target.kind !== 'article' ? { kind: target.kind, paragraphLabel: target.paragraph?.label ?? null, pointLabel: target.point?.label ?? null } : null,
    // A proposal reads as a change of the unit's current text, word by word.
    proposalChanges: c.proposedWording && target ? compareWords(targetText(target), c.proposedWording) : null,
    body: c.body,
    proposedWording: c.proposedWording,
    createdAt: c.createdAt.toISOString(),
    author: c.author,
    editedAt: c.editedAt?.toISOString() ?? null,
    channel: c.channel,
    answer: c.answer && { status: c.answer.status, reasoning: c.answer.reasoning, change: c.answer.change },
    attachments: c.attachments,
    letterOnFile: c.letterOnFile,
    replies: c.replies.map((r) => presentComment(r, outline)),
  }
}

/** Previews by section, presented. */
export function presentPreviews(previews: Record<string, PublicComment[]>, outline: DocumentOutline): Record<string, CommentView[]> {
  return Object.fromEntries(Object.entries(previews).map(([key, list]) => [key, list.map((c) => presentComment(c, outline))]))
}
