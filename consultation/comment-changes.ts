import type { Actor } from '../accounts/actor.ts'
import { recordAudit } from '../accounts/audit.ts'
import type { Db } from '../drafting/db.ts'
import { loadDraftAccess } from '../drafting/permissions.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import { findCommentTarget, sameWording, targetText, type CommentTarget } from './comment-targets.ts'
import { loadDocument } from '../drafting/document.ts'
import { outlineDocument } from '../drafting/outline.ts'
import { documentTypeOf } from '../drafting/document-types.ts'
import type { DraftLanguage, DraftScript } from '../drafting/language.ts'
import type { CommentEdit, StaffEnteredComment } from './comment-change-inputs.ts'
import { canManageRound, canRespond } from './permissions.ts'
import { roundState } from './round-state.ts'
import { indexComment, removeComment } from './search/store.ts'
import type { AttachmentFile } from './attachment-rules.ts'
import { recordAttachments } from './attachments.ts'

// Changing a comment after it was sent: its author edits it (the earlier text is kept as
// a revision, the comment is marked edited) or withdraws it, while the round is open.
// And comments that came by letter, e-mail or at a hearing, entered by staff.

/**
 * Why a change was refused:
 * - `not-found`: no such comment;
 * - `forbidden`: only its author changes a comment; only staff enter others' comments;
 * - `round-closed`: the round is not open any more (or not yet);
 * - `withdrawn`: the comment was withdrawn and cannot change;
 * - `unknown-target`: not a unit of the consulted version;
 * - `received-after-closing`: a letter received after the deadline does not count.
 */
export type CommentChangeProblem = 'not-found' | 'forbidden' | 'round-closed' | 'withdrawn' | 'unknown-target' | 'received-after-closing'

async function loadOwnComment(db: Db, actor: Actor, commentId: string, now: Date) {
  const comment = await db.comment.findUnique({
    where: { id: commentId },
    select: {
      id: true, authorId: true, enteredById: true, body: true, proposedWording: true, createdAt: true, editedAt: true, withdrawnAt: true,
      redactedBody: true, status: true, targetKind: true, targetNodeId: true, articleNodeId: true,
      round: { select: { id: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true, moderationMode: true, draft: { select: { slug: true } } } },
    },
  })
  if (!comment) return { problem: 'not-found' as const }
  // Comments staff entered for a sender are not the staff member's own.
  if (!actor.userId || comment.authorId !== actor.userId || comment.enteredById !== null) return { problem: 'forbidden' as const }
  if (comment.withdrawnAt) return { problem: 'withdrawn' as const }
  if (roundState(comment.round, now) !== 'open') return { problem: 'round-closed' as const }
  return { comment, authorId: actor.userId }
}

/** A person's own comment, for its edit form. */
export async function commentForEditing(db: Db, actor: Actor, commentId: string, now: Date) {
  const loaded = await loadOwnComment(db, actor, commentId, now)
  if ('problem' in loaded) return fail(loaded.problem!)
  const { comment } = loaded
  return ok({
    id: comment.id, body: comment.body, proposedWording: comment.proposedWording, createdAt: comment.createdAt, editedAt: comment.editedAt,
    roundId: comment.round.id, draftSlug: comment.round.draft.slug, closesAt: comment.round.closesAt,
  })
}

/**
 * Changes the text of one's own comment while the round is open. The earlier text is kept
 * (CommentRevision, with when it was written); the comment is marked edited. A comment a
 * moderator redacted, or one in a pre-moderated round, waits for a moderator again.
 */
export async function editComment(db: Db, actor: Actor, commentId: string, edit: CommentEdit, now: Date): Promise<Result<{ commentId: string; status: string }, CommentChangeProblem>> {
  const loaded = await loadOwnComment(db, actor, commentId, now)
  if ('problem' in loaded) return fail(loaded.problem!)
  const { comment, authorId } = loaded
  const proposedWording = edit.proposedWording ?? null
  if (comment.body === edit.body && comment.proposedWording === proposedWording) return ok({ commentId, status: comment.status })
  const reviewAgain = comment.round.moderationMode === 'pre' || comment.redactedBody !== null
  const status = reviewAgain && comment.status === 'published' ? 'pending' : comment.status
  await db.$transaction(async (tx) => {
    await tx.commentRevision.create({
      data: { commentId, body: comment.body, proposedWording: comment.proposedWording, writtenAt: comment.editedAt ?? comment.createdAt, createdAt: now },
    })
    await tx.comment.update({ where: { id: commentId }, data: { body: edit.body, proposedWording, editedAt: now, status, redactedBody: null } })
    await indexComment(tx, commentId)
    await recordAudit(tx, { actorId: authorId, action: 'comment.edited', objectType: 'comment', objectId: commentId, data: { status }, at: now })
  })
  return ok({ commentId, status })
}

/** Withdraws one's own comment while the round is open: kept, but no longer public or counted as a comment. */
export async function withdrawComment(db: Db, actor: Actor, commentId: string, now: Date): Promise<Result<{ commentId: string }, CommentChangeProblem>> {
  const loaded = await loadOwnComment(db, actor, commentId, now)
  if ('problem' in loaded) return fail(loaded.problem!)
  await db.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: commentId }, data: { withdrawnAt: now } })
    await removeComment(tx, commentId)
    await recordAudit(tx, { actorId: loaded.authorId, action: 'comment.withdrawn', objectType: 'comment', objectId: commentId, at: now })
  })
  return ok({ commentId })
}

/** A comment's earlier texts, oldest first. */
export async function commentRevisions(db: Db, commentId: string) {
  return db.commentRevision.findMany({ where: { commentId }, orderBy: { writtenAt: 'asc' }, select: { body: true, proposedWording: true, writtenAt: true } })
}

/**
 * Enters a comment that reached the institution by letter, e-mail or at a public hearing,
 * on behalf of its sender: by the round's managers or responders, as long as it was
 * received before the closing (entering it may come later). Published under the sender's
 * name only if they agreed; anonymised by default. It counts in the report like any other.
 * The scanned letter (up to three checked files) is kept with it, for the round's staff only.
 */
export async function enterComment(
  db: Db,
  actor: Actor,
  roundId: string,
  input: StaffEnteredComment,
  now: Date,
  letter: readonly AttachmentFile[] = [],
): Promise<Result<{ commentId: string; articleAnchor: string | null }, CommentChangeProblem>> {
  if (!actor.userId) return fail('forbidden')
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      id: true, draftId: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true, moderationMode: true,
      draft: { select: { language: true, script: true, documentType: true } },
      version: { select: { doc: true } },
    },
  })
  if (!round) return fail('not-found')
  const access = await loadDraftAccess(db, actor, round.draftId)
  if (!access || !(canManageRound(actor, access) || canRespond(actor, access))) return fail('forbidden')
  const state = roundState(round, now)
  if (state === 'planned' || state === 'report-published') return fail('round-closed')
  if (input.receivedAt > now) return fail('received-after-closing')
  if (input.receivedAt >= round.closesAt || input.receivedAt < round.opensAt) return fail('received-after-closing')
  let target: CommentTarget | null = null
  if (input.targetNodeId) {
    const outline = outlineDocument(
      loadDocument(round.version.doc),
      { language: round.draft.language as DraftLanguage, script: round.draft.script as DraftScript },
      'continuous',
      documentTypeOf(round.draft.documentType),
    )
    target = findCommentTarget(outline, input.targetNodeId)
    if (!target) return fail('unknown-target')
  }
  const proposedWording = input.proposedWording && !(target && sameWording(input.proposedWording, targetText(target))) ? input.proposedWording : null
  const actorId = actor.userId
  const created = await db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: {
        roundId, authorId: null, organisationId: null, enteredById: actorId, channel: input.channel,
        authorCategory: input.senderCategory, authorName: input.senderName,
        targetKind: target?.kind ?? 'draft', targetNodeId: target ? input.targetNodeId! : null, articleNodeId: target?.article.id ?? null,
        body: input.body, proposedWording, status: round.moderationMode === 'pre' ? 'pending' : 'published',
        consentToPublish: true, consentToBeNamed: input.senderConsentsToBeNamed, consentedAt: input.senderConsentsToBeNamed ? input.receivedAt : null,
        createdAt: input.receivedAt,
      },
      select: { id: true },
    })
    await indexComment(tx, comment.id)
    await recordAudit(tx, {
      actorId, action: 'comment.entered', objectType: 'comment', objectId: comment.id,
      data: { roundId, channel: input.channel, receivedAt: input.receivedAt.toISOString() }, at: now,
    })
    await recordAttachments(tx, comment.id, letter, { kind: 'letter', uploadedById: actorId, now })
    return comment
  })
  return ok({ commentId: created.id, articleAnchor: target?.article.anchor ?? null })
}
