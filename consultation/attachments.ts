import type { Actor } from '../accounts/actor.ts'
import type { Db } from '../drafting/db.ts'
import { loadDraftAccess } from '../drafting/permissions.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import { canDownloadAttachment, MAX_FILES, type AttachmentFile, type AttachmentKind } from './attachment-rules.ts'
import { roundState } from './round-state.ts'

// The files of comments in the database: recording them with their comment (inside its
// transaction), and handing one out to whoever may read it. The bytes live in the web
// layer's store (app/.server/attachment-store.ts) under `storageKey`.

type Tx = Pick<Db, 'attachment'>

/** Records a comment's checked files, in the transaction that creates the comment. */
export async function recordAttachments(
  tx: Tx,
  commentId: string,
  files: readonly AttachmentFile[],
  options: { kind: AttachmentKind; uploadedById: string; now: Date },
): Promise<void> {
  // The web layer enforces the count; more here is a caller bug.
  if (files.length > MAX_FILES[options.kind]) throw new RangeError(`at most ${MAX_FILES[options.kind]} files per comment`)
  for (const f of files) {
    await tx.attachment.create({
      data: {
        commentId, filename: f.filename, mimeType: f.mimeType, size: f.size, sha256: f.sha256, storageKey: f.storageKey,
        kind: options.kind, uploadedById: options.uploadedById, createdAt: options.now,
      },
    })
  }
}

/** A file as a comment shows it: a link for people's attachments; only "on file" for letters. */
export interface AttachmentView {
  id: string
  filename: string
  size: number
  kind: AttachmentKind
}

/** A stored file handed out for download. */
export interface AttachmentDownload {
  filename: string
  mimeType: string
  size: number
  sha256: string
  storageKey: string
}

/**
 * One file for download, if this person may read it (attachment-rules.ts:
 * canDownloadAttachment). `not-found` also when they may not: whether a hidden comment or
 * a letter has a file is not for everyone to learn.
 */
export async function readAttachment(db: Db, actor: Actor, attachmentId: string, now: Date): Promise<Result<AttachmentDownload, 'not-found'>> {
  const row = await db.attachment.findUnique({
    where: { id: attachmentId },
    select: {
      filename: true, mimeType: true, size: true, sha256: true, storageKey: true, kind: true,
      comment: {
        select: {
          status: true, withdrawnAt: true, authorId: true,
          round: { select: { draftId: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true } },
        },
      },
    },
  })
  if (!row) return fail('not-found')
  const access = await loadDraftAccess(db, actor, row.comment.round.draftId)
  if (!access) return fail('not-found')
  const allowed = canDownloadAttachment(actor, access, {
    kind: row.kind === 'letter' ? 'letter' : 'attachment',
    comment: row.comment,
    roundState: roundState(row.comment.round, now),
  })
  if (!allowed) return fail('not-found')
  return ok({ filename: row.filename, mimeType: row.mimeType, size: row.size, sha256: row.sha256, storageKey: row.storageKey })
}
