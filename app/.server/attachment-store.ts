import { createHash, randomBytes } from 'node:crypto'
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Db } from '../../drafting/db.ts'
import {
  checkAttachment, DEFAULT_MAX_MB, displayName, FILE_TYPES, MAX_FILES, type AttachmentFile, type AttachmentKind, type AttachmentProblem,
} from '../../consultation/attachment-rules.ts'
import { Env } from './env.ts'

// Where the files of comments are kept, and how an upload gets there without ever being
// half-stored: the checked bytes go to a private temporary file in the same directory
// tree; the comment and its Attachment row are written in one transaction; only then is
// the file moved into place (an atomic rename). If the transaction fails or keeps nothing
// (a refused or repeated comment), the temporary file is removed.

/** Where files live: $UPLOADS_DIR, else `uploads/` next to the SQLite file (data/uploads). */
export function uploadsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.UPLOADS_DIR) return path.resolve(env.UPLOADS_DIR)
  const url = env.DATABASE_URL ?? 'file:./data/nacrt.db'
  return path.resolve(path.dirname(url.replace(/^file:/, '')), 'uploads')
}

/** The size limit of one file in bytes: $ATTACHMENT_MAX_MB megabytes, 10 by default. */
export function attachmentMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
  const parsed = Env.shape.ATTACHMENT_MAX_MB.safeParse(env.ATTACHMENT_MAX_MB)
  return (parsed.success ? parsed.data : DEFAULT_MAX_MB) * 1024 * 1024
}

/** Room for a comment's text fields around its files, for the request size check. */
export const FORM_ROOM_BYTES = 512 * 1024

/** The largest request a form with up to `files` files may send, checked before it is read. */
export function maxRequestBytes(kind: AttachmentKind, maxBytes = attachmentMaxBytes()): number {
  return MAX_FILES[kind] * maxBytes + FORM_ROOM_BYTES
}

const KEY = /^\d{4}\/[0-9a-f]{32}$/

/** A stored file's path; throws for a key this store did not make. */
export function storedPath(dir: string, storageKey: string): string {
  if (!KEY.test(storageKey)) throw new RangeError(`not a storage key: ${storageKey}`)
  return path.join(dir, ...storageKey.split('/'))
}

/** A checked upload waiting in a temporary file for its comment's transaction. */
export interface StagedUpload {
  file: AttachmentFile
  /** Moves the file into place: after the row committed. */
  commit(): Promise<void>
  /** Removes the temporary file: the row was not written. */
  discard(): Promise<void>
}

/**
 * Checks the files of one form field (none chosen is fine) and stages them: by size and
 * content for the kind, at most MAX_FILES[kind]. A refusal stages nothing.
 */
export async function stageUploads(
  entries: FormDataEntryValue[],
  options: { kind: AttachmentKind; dir: string; maxBytes?: number; now?: Date },
): Promise<{ ok: true; uploads: StagedUpload[] } | { ok: false; reason: AttachmentProblem }> {
  const maxBytes = options.maxBytes ?? attachmentMaxBytes()
  const files = entries.filter((e): e is File => typeof e !== 'string' && e.size > 0)
  if (files.length > MAX_FILES[options.kind]) return { ok: false, reason: 'too-many' }
  const checked: { name: string; bytes: Uint8Array; type: keyof typeof FILE_TYPES }[] = []
  for (const f of files) {
    if (f.size > maxBytes) return { ok: false, reason: 'too-large' }
    const bytes = new Uint8Array(await f.arrayBuffer())
    const result = checkAttachment(bytes, { kind: options.kind, maxBytes })
    if (!result.ok) return { ok: false, reason: result.reason }
    checked.push({ name: f.name, bytes, type: result.value })
  }
  if (checked.length === 0) return { ok: true, uploads: [] }
  const year = String((options.now ?? new Date()).getUTCFullYear())
  const tmpDir = path.join(options.dir, '.tmp')
  await mkdir(tmpDir, { recursive: true, mode: 0o700 })
  const uploads: StagedUpload[] = []
  for (const c of checked) {
    const random = randomBytes(16).toString('hex')
    const storageKey = `${year}/${random}`
    const temp = path.join(tmpDir, random)
    await writeFile(temp, c.bytes, { mode: 0o600 })
    uploads.push({
      file: {
        filename: displayName(c.name, c.type),
        mimeType: FILE_TYPES[c.type].mimeType,
        size: c.bytes.byteLength,
        sha256: createHash('sha256').update(c.bytes).digest('hex'),
        storageKey,
      },
      async commit() {
        await mkdir(path.join(options.dir, year), { recursive: true, mode: 0o700 })
        await rename(temp, storedPath(options.dir, storageKey))
      },
      discard: () => rm(temp, { force: true }),
    })
  }
  return { ok: true, uploads }
}

/**
 * Runs a command that may record staged files, then keeps each file whose row exists
 * (the transaction committed) and removes the others, also when the command throws.
 */
export async function settleUploads<T>(db: Pick<Db, 'attachment'>, uploads: readonly StagedUpload[], command: () => Promise<T>): Promise<T> {
  try {
    return await command()
  } finally {
    for (const u of uploads) {
      const row = await db.attachment.findUnique({ where: { storageKey: u.file.storageKey }, select: { id: true } }).catch(() => null)
      if (row) await u.commit()
      else await u.discard()
    }
  }
}
