import type { Actor } from '../accounts/actor.ts'
import type { DraftAccess } from '../drafting/permissions.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import { canManageRound, canModerate, canRespond } from './permissions.ts'
import type { RoundState } from './round-state.ts'

// Files attached to comments, as pure rules: which files are accepted (by their CONTENT,
// whatever their name or the browser say), how their names are shown, and who may
// download them. No I/O: the web layer reads the bytes and stores them
// (app/.server/attachment-store.ts).

/**
 * What a file is for:
 * - `attachment`: a document a person attached to their own comment (PDF or DOCX), public
 *   with the comment;
 * - `letter`: the scan of a letter staff entered for its sender (PDF, DOCX, JPEG or PNG);
 *   it carries the sender's name and address, so only the round's staff open it.
 */
export type AttachmentKind = 'attachment' | 'letter'

/** The file types we recognise by their first bytes, with the media type they are served as. */
export const FILE_TYPES = {
  pdf: { mimeType: 'application/pdf', extension: 'pdf' },
  docx: { mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  jpeg: { mimeType: 'image/jpeg', extension: 'jpg' },
  png: { mimeType: 'image/png', extension: 'png' },
} as const
export type FileType = keyof typeof FILE_TYPES

/** The types accepted for each kind of file. */
export const ACCEPTED_TYPES: Record<AttachmentKind, readonly FileType[]> = {
  attachment: ['pdf', 'docx'],
  letter: ['pdf', 'docx', 'jpeg', 'png'],
}

/** How many files one comment may carry: one for a person's comment, up to three pages of a letter. */
export const MAX_FILES: Record<AttachmentKind, number> = { attachment: 1, letter: 3 }

/** The default size limit of one file, in megabytes (ATTACHMENT_MAX_MB). */
export const DEFAULT_MAX_MB = 10

/**
 * Why a file was refused (translated as errors.attachment.*):
 * - `too-large`: over the size limit;
 * - `wrong-type`: not one of the accepted types, judged by its content;
 * - `too-many`: more files than the comment may carry.
 */
export type AttachmentProblem = 'too-large' | 'wrong-type' | 'too-many'

/**
 * A file already checked and staged for storage, as the domain receives it: the shown
 * name, the media type we detected, its size and SHA-256, and where it will be kept.
 */
export interface AttachmentFile {
  filename: string
  mimeType: string
  size: number
  sha256: string
  storageKey: string
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[], at = 0) => prefix.every((b, i) => bytes[at + i] === b)
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0))

const PDF = ascii('%PDF-')
const ZIP_LOCAL = [0x50, 0x4b, 0x03, 0x04]
const JPEG = [0xff, 0xd8, 0xff]
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

/** The names in a zip archive's central directory, or null when it is not a readable zip. */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  if (!startsWith(bytes, ZIP_LOCAL)) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end-of-central-directory record is the last 22 bytes, before a comment of up to 64 KiB.
  let end = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i
      break
    }
  }
  if (end < 0) return null
  const count = view.getUint16(end + 10, true)
  const size = view.getUint32(end + 12, true)
  let offset = view.getUint32(end + 16, true)
  if (offset + size > end) return null
  const names: string[] = []
  const decoder = new TextDecoder()
  for (let n = 0; n < count; n++) {
    if (offset + 46 > end || view.getUint32(offset, true) !== 0x02014b50) return null
    const nameLength = view.getUint16(offset + 28, true)
    const extraLength = view.getUint16(offset + 30, true)
    const commentLength = view.getUint16(offset + 32, true)
    if (offset + 46 + nameLength > end) return null
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)))
    offset += 46 + nameLength + extraLength + commentLength
  }
  return names
}

/** What a file is by its content: a PDF, a Word document (a zip holding word/document.xml), a JPEG or a PNG; else null. */
export function detectFileType(bytes: Uint8Array): FileType | null {
  if (startsWith(bytes, PDF)) return 'pdf'
  if (startsWith(bytes, PNG)) return 'png'
  if (startsWith(bytes, JPEG)) return 'jpeg'
  if (startsWith(bytes, ZIP_LOCAL)) return zipEntryNames(bytes)?.includes('word/document.xml') ? 'docx' : null
  return null
}

/** Checks one file's size and content for a kind of attachment; returns its detected type. */
export function checkAttachment(bytes: Uint8Array, options: { kind: AttachmentKind; maxBytes: number }): Result<FileType, AttachmentProblem> {
  if (bytes.byteLength > options.maxBytes) return fail('too-large')
  const type = detectFileType(bytes)
  if (!type || !ACCEPTED_TYPES[options.kind].includes(type)) return fail('wrong-type')
  return ok(type)
}

const MAX_NAME_LENGTH = 120
// Control characters and the bidirectional overrides that can make "gpj.exe" read as "exe.jpg".
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069"*:<>?|\\/]/g

/**
 * The file's name as shown and offered on download: without any folder, control or
 * direction characters, at most 120 characters, ending in the extension of what the file
 * really is ("ugovor.exe" that is a PDF is shown as "ugovor.exe.pdf").
 */
export function displayName(original: string, type: FileType): string {
  const base = original.split(/[/\\]/).pop() ?? ''
  const extension = FILE_TYPES[type].extension
  let name = base.normalize('NFC').replace(UNSAFE, '').replace(/\s+/g, ' ').trim().replace(/^\.+/, '')
  const own = name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1]
  const fits = own === extension || (type === 'jpeg' && own === 'jpeg')
  if (fits) name = name.slice(0, name.length - own!.length - 1)
  if (!name) name = 'document'
  if (name.length > MAX_NAME_LENGTH) name = name.slice(0, MAX_NAME_LENGTH).trim()
  return `${name}.${fits ? own : extension}`
}

/** What deciding who may download a file needs to know about it and its comment. */
export interface AttachmentSubject {
  kind: AttachmentKind
  comment: { status: string; withdrawnAt: Date | null; authorId: string | null }
  roundState: RoundState
}

/**
 * Who may download a file:
 * - a scanned letter: only the round's staff (moderators, responders, managers), as it
 *   holds the sender's name and address;
 * - a person's attachment on a published comment that is not withdrawn, in a round the
 *   public can read: anyone;
 * - on a pending, hidden or withdrawn comment: its moderators and its author.
 */
export function canDownloadAttachment(actor: Actor, access: DraftAccess, subject: AttachmentSubject): boolean {
  if (subject.kind === 'letter') return canModerate(actor, access) || canRespond(actor, access) || canManageRound(actor, access)
  const { comment } = subject
  const isPublic = comment.status === 'published' && comment.withdrawnAt === null && subject.roundState !== 'planned'
  if (isPublic) return true
  if (actor.userId !== null && comment.authorId === actor.userId) return true
  return canModerate(actor, access)
}
