import type { Actor } from '../accounts/actor.ts'
import type { Db } from '../drafting/db.ts'
import type { DraftLanguage, DraftScript } from '../drafting/language.ts'
import type { NumberingMode } from '../drafting/numbering.ts'
import type { DocumentOutline } from '../drafting/outline.ts'
import { versionOutline } from '../drafting/reading.ts'
import { findCommentTarget, findMemorandumSection } from './comment-targets.ts'
import { roundState, type RoundState } from './round-state.ts'
import { publicAnswers, type PublicAnswer } from './public-answers.ts'

/**
 * What a comment is about, labelled as the consulted version numbers it ("Član 5.", "(2)",
 * "a)"), and where the round's page shows it: the article's anchor ("clan-5"), the
 * memorandum section's ("m-…"), or the general comments ("komentari"). A reply is about
 * what the comment it answers is about, and is shown under it.
 */
export interface MyCommentTarget {
  kind: 'draft' | 'article' | 'paragraph' | 'point' | 'memorandum'
  reply: boolean
  articleLabel: string | null
  paragraphLabel: string | null
  pointLabel: string | null
  memorandumHeading: string | null
  anchor: string
}

/** The anchor of the general comments on a round's page. */
export const GENERAL_COMMENTS_ANCHOR = 'komentari'

/**
 * The target of a comment in `outline` (the consulted version), or as far as it can be told
 * without it: a unit the version does not have is shown as its kind alone, linked to the
 * general comments.
 */
export function myCommentTarget(
  comment: { targetKind: string; targetNodeId: string | null; parentId: string | null },
  outline: DocumentOutline | null,
): MyCommentTarget {
  const none = { articleLabel: null, paragraphLabel: null, pointLabel: null, memorandumHeading: null }
  const reply = comment.parentId !== null
  const nodeId = comment.targetNodeId
  if (comment.targetKind === 'memorandum') {
    const section = nodeId && outline ? findMemorandumSection(outline, nodeId) : null
    return { kind: 'memorandum', reply, ...none, memorandumHeading: section?.heading ?? null, anchor: section ? `m-${section.id}` : GENERAL_COMMENTS_ANCHOR }
  }
  const target = nodeId && outline ? findCommentTarget(outline, nodeId) : null
  if (!target) {
    const kind = comment.targetKind === 'article' || comment.targetKind === 'paragraph' || comment.targetKind === 'point' ? comment.targetKind : 'draft'
    return { kind, reply, ...none, anchor: GENERAL_COMMENTS_ANCHOR }
  }
  return {
    kind: target.kind, reply, ...none,
    articleLabel: target.article.label,
    paragraphLabel: target.paragraph?.label ?? null,
    pointLabel: target.point?.label ?? null,
    anchor: target.article.anchor,
  }
}

/** One of a person's own comments, with where it stands and the published answer. */
export interface MyComment {
  id: string
  draft: { slug: string; title: string }
  round: { id: string; title: string; state: RoundState }
  targetKind: string
  articleNodeId: string | null
  /** What it is about and where the round's page shows it. */
  target: MyCommentTarget
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
      id: true, targetKind: true, targetNodeId: true, articleNodeId: true, parentId: true, body: true, proposedWording: true, status: true, createdAt: true,
      hiddenReason: true, redactedBody: true, editedAt: true, withdrawnAt: true,
      organisation: { select: { name: true } },
      attachments: { where: { kind: 'attachment' }, select: { id: true, filename: true, size: true }, orderBy: { createdAt: 'asc' } },
      round: {
        select: {
          id: true, title: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true, versionId: true,
          draft: { select: { slug: true, title: true, language: true, script: true, numberingMode: true, documentType: true } },
        },
      },
    },
  })
  const answers = await publicAnswers(db, { commentIds: rows.map((c) => c.id) }, now)
  // The consulted versions, each laid out once (and kept: see versionOutline), in the draft's own script.
  const outlines = new Map<string, DocumentOutline>()
  for (const { round, targetNodeId } of rows) {
    if (targetNodeId === null || outlines.has(round.versionId)) continue
    const { language, script, numberingMode, documentType } = round.draft
    outlines.set(round.versionId, await versionOutline(db, round.versionId, {
      language: language as DraftLanguage, script: script as DraftScript, ownScript: script as DraftScript,
      numbering: numberingMode as NumberingMode, documentType,
    }))
  }
  return rows.map((c) => ({
    id: c.id,
    draft: { slug: c.round.draft.slug, title: c.round.draft.title },
    round: { id: c.round.id, title: c.round.title, state: roundState(c.round, now) },
    targetKind: c.targetKind,
    articleNodeId: c.articleNodeId,
    target: myCommentTarget(c, outlines.get(c.round.versionId) ?? null),
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
