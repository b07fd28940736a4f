import type { Node } from 'prosemirror-model'
import type { Db } from '../drafting/db.ts'
import { loadDocument } from '../drafting/document.ts'
import { numberDocument } from '../drafting/numbering.ts'
import { answerStatusOf, isAnswerPublic, type AnswerStatus } from './response-rules.ts'

// The answers the public reads: published, and public by the round's setting (at once,
// or once the report is out), with the change in the text each one led to.

/**
 * "This comment led to this change": the comparison of the consulted version with the
 * version that carries the change, at the changed article (`anchor` as the comparison
 * page names it, "clan-12"; null when the article was deleted or the comment is about
 * the draft as a whole).
 */
export interface ChangeLink {
  draftSlug: string
  fromSeq: number
  toSeq: number
  toName: string
  anchor: string | null
}

/** A published, public answer. */
export interface PublicAnswer {
  status: AnswerStatus
  reasoning: string
  publishedAt: Date
  change: ChangeLink | null
}

// The comparison page numbers a version as drafting/diff.ts does: frozen where articles
// carry written numbers, continuous otherwise. Anchors must match its numbers.
function numberingOf(doc: Node) {
  let frozen = false
  doc.descendants((node) => {
    if (node.type.name === 'article' && node.attrs.num) frozen = true
    return !frozen && node.type.name !== 'article'
  })
  return frozen ? 'frozen' : 'continuous'
}

/** The comparison anchor ("clan-12") of the article that is or contains `nodeId` in `doc`; null if absent. */
export function changeAnchor(doc: Node, nodeId: string | null): string | null {
  if (nodeId === null) return null
  let articleId: string | null = null
  doc.descendants((node) => {
    if (articleId !== null) return false
    if (node.type.name !== 'article') return true
    let inside = node.attrs.id === nodeId
    if (!inside) node.descendants((child) => !(inside ||= child.attrs.id === nodeId))
    if (inside) articleId = node.attrs.id as string
    return false
  })
  if (articleId === null) return null
  const number = numberDocument(doc, numberingOf(doc)).get(articleId)
  return number === undefined ? null : `clan-${number}`
}

/**
 * The public answers of a round's comments, or of some comments, by comment id. Draft
 * answers, and published answers the round still holds back for its report, are left out.
 */
export async function publicAnswers(db: Db, which: { roundId: string } | { commentIds: string[] }, now: Date): Promise<Map<string, PublicAnswer>> {
  const out = new Map<string, PublicAnswer>()
  if ('commentIds' in which && which.commentIds.length === 0) return out
  const rows = await db.response.findMany({
    where: {
      publishedAt: { not: null, lte: now },
      comment: 'roundId' in which ? { roundId: which.roundId } : { id: { in: which.commentIds } },
    },
    select: {
      commentId: true, status: true, reasoning: true, publishedAt: true, changeVersionId: true, changeNodeId: true,
      comment: {
        select: {
          round: {
            select: {
              state: true, opensAt: true, closesAt: true, reportPublishedAt: true, answersPublication: true,
              version: { select: { seq: true } }, draft: { select: { slug: true } },
            },
          },
        },
      },
    },
  })
  const shown = rows.filter((r) => isAnswerPublic(r, r.comment.round, now))
  const versionIds = [...new Set(shown.flatMap((r) => (r.changeVersionId ? [r.changeVersionId] : [])))]
  const versions = new Map(
    (versionIds.length ? await db.version.findMany({ where: { id: { in: versionIds } }, select: { id: true, seq: true, name: true, doc: true } }) : []).map(
      (v) => [v.id, { seq: v.seq, name: v.name, doc: loadDocument(v.doc) }],
    ),
  )
  for (const r of shown) {
    const version = r.changeVersionId ? versions.get(r.changeVersionId) : undefined
    out.set(r.commentId, {
      status: answerStatusOf(r) as AnswerStatus,
      reasoning: r.reasoning,
      publishedAt: r.publishedAt!,
      change: version
        ? {
            draftSlug: r.comment.round.draft.slug,
            fromSeq: r.comment.round.version.seq,
            toSeq: version.seq,
            toName: version.name,
            anchor: changeAnchor(version.doc, r.changeNodeId),
          }
        : null,
    })
  }
  return out
}
