// Files attached to comments, against a real database and a real directory: stored with
// their row and only then; nothing left behind when the comment is refused or repeated;
// and who may download what (a letter's scan is for staff; a hidden comment's file is not public).
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor } from '../../accounts/actor.ts'
import { NewComment } from '../../consultation/inputs.ts'
import { StaffEnteredComment } from '../../consultation/comment-change-inputs.ts'
import { readAttachment } from '../../consultation/attachments.ts'
import { previewRoundComments } from '../../consultation/public-round.ts'
import { bindServices } from '../../app/.server/services.ts'
import type { RateLimits } from '../../app/.server/rate-limit.ts'
import { stageUploads, storedPath } from '../../app/.server/attachment-store.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const SLUG = 'zakon-o-socijalnim-uslugama'
const CITIZEN = 'gradjanin@nacrt.example.ba'
const MODERATOR = 'lejla.mehmedovic@fmrsp.example.ba'
const RESPONDER = 'emir.begic@fmrsp.example.ba'
const EDITOR = 'ivana.maric@example.ba'

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])

let db: Db
let cleanup: () => Promise<void>
let dir: string
let roundId: string
let closesAt: Date

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
  await seed(db, NOW)
  const round = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, reportPublishedAt: null } })
  roundId = round.id
  closesAt = round.closesAt
  dir = mkdtempSync(path.join(tmpdir(), 'nacrt-uploads-'))
})
afterEach(async () => {
  await cleanup()
  rmSync(dir, { recursive: true, force: true })
})

const services = (now = NOW) => bindServices({ db, mailer: { send: async () => {} }, rateLimits: {} as RateLimits, clock: () => now })
const actorFor = async (email: string): Promise<Actor> => loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id)
const comment = (fields: Record<string, string> = {}) => NewComment.parse({ body: 'Vidjeti priloženu analizu.', consentToPublish: 'on', ...fields })
const file = (bytes: Uint8Array, name: string) => new File([new Uint8Array(bytes)], name, { type: 'application/octet-stream' })

/** Every file under the uploads directory, temporary ones included. */
const filesIn = (root: string): string[] =>
  existsSync(root) ? readdirSync(root, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesIn(path.join(root, e.name)) : [path.join(root, e.name)])) : []

async function stage(entries: File[], kind: 'attachment' | 'letter' = 'attachment') {
  const staged = await stageUploads(entries, { kind, dir, now: NOW })
  if (!staged.ok) throw new Error(staged.reason)
  return staged.uploads
}

async function commentWithPdf(email = CITIZEN) {
  const result = await services().consultation.submitComment(await actorFor(email), roundId, comment(), await stage([file(PDF, 'Analiza udruženja.pdf')]))
  if (!result.ok) throw new Error(result.reason)
  const row = await db.attachment.findFirstOrThrow({ where: { commentId: result.value.commentId } })
  return { commentId: result.value.commentId, attachment: row }
}

describe('storing a comment’s file', () => {
  it('stores a citizen’s PDF with its row: shown name, detected type, size, SHA-256, the file in place', async () => {
    const { attachment } = await commentWithPdf()
    expect(attachment).toMatchObject({
      filename: 'Analiza udruženja.pdf', mimeType: 'application/pdf', size: PDF.byteLength, kind: 'attachment',
      sha256: createHash('sha256').update(PDF).digest('hex'),
    })
    expect(attachment.storageKey).toMatch(/^2026\/[0-9a-f]{32}$/)
    expect(readFileSync(storedPath(dir, attachment.storageKey))).toEqual(Buffer.from(PDF))
    expect(filesIn(path.join(dir, '.tmp'))).toEqual([])
  })

  it('keeps nothing when the comment is refused because the round has closed', async () => {
    const after = new Date(closesAt.getTime() + 60_000)
    const uploads = await stage([file(PDF, 'kasno.pdf')])
    expect(filesIn(dir)).toHaveLength(1)
    const result = await services(after).consultation.submitComment(await actorFor(CITIZEN), roundId, comment(), uploads)
    expect(result).toEqual({ ok: false, reason: 'round-closed' })
    expect(await db.attachment.count()).toBe(0)
    expect(filesIn(dir)).toEqual([])
  })

  it('keeps one file when the same form is sent twice (the client key)', async () => {
    const citizen = await actorFor(CITIZEN)
    const input = comment({ clientKey: 'dvaput-poslano-1' })
    const first = await services().consultation.submitComment(citizen, roundId, input, await stage([file(PDF, 'a.pdf')]))
    const second = await services().consultation.submitComment(citizen, roundId, input, await stage([file(PDF, 'a.pdf')]))
    expect(first.ok && second.ok && first.value.commentId === second.value.commentId).toBe(true)
    expect(await db.attachment.count()).toBe(1)
    expect(filesIn(dir)).toHaveLength(1)
  })

  it('refuses a second file on a citizen’s comment before storing anything', async () => {
    expect(await stageUploads([file(PDF, 'a.pdf'), file(PDF, 'b.pdf')], { kind: 'attachment', dir })).toEqual({ ok: false, reason: 'too-many' })
    expect(await stageUploads([file(PNG, 'scan.png')], { kind: 'attachment', dir })).toEqual({ ok: false, reason: 'wrong-type' })
    expect(filesIn(dir)).toEqual([])
  })
})

describe('downloading a comment’s file', () => {
  it('gives anyone the file of a published comment, and shows it under the comment', async () => {
    const { attachment } = await commentWithPdf()
    expect(await readAttachment(db, ANONYMOUS, attachment.id, NOW)).toMatchObject({ ok: true, value: { filename: 'Analiza udruženja.pdf' } })
    const preview = await previewRoundComments(db, roundId, NOW)
    const shown = Object.values(preview.previews).flat().find((c) => c.attachments.length > 0)
    expect(shown?.attachments).toEqual([{ id: attachment.id, filename: 'Analiza udruženja.pdf', size: PDF.byteLength }])
  })

  it('keeps a hidden comment’s file from the public: only its author and moderators', async () => {
    const { commentId, attachment } = await commentWithPdf()
    await db.comment.update({ where: { id: commentId }, data: { status: 'hidden', hiddenReason: 'spam' } })
    expect((await readAttachment(db, ANONYMOUS, attachment.id, NOW)).ok).toBe(false)
    expect((await readAttachment(db, await actorFor(EDITOR), attachment.id, NOW)).ok).toBe(false)
    expect((await readAttachment(db, await actorFor(CITIZEN), attachment.id, NOW)).ok).toBe(true)
    expect((await readAttachment(db, await actorFor(MODERATOR), attachment.id, NOW)).ok).toBe(true)
  })

  it('stores a staff-entered letter’s scans for staff only; the public sees “on file” without a link', async () => {
    const responder = await actorFor(RESPONDER)
    const input = StaffEnteredComment.parse({
      senderName: 'Mujo Mujić, Titova 1, Sarajevo', senderCategory: 'citizen', channel: 'letter', receivedAt: '2026-11-20T09:00', body: 'Primjedba iz pisma.',
    })
    const result = await services().rounds.enterComment(responder, roundId, input, await stage([file(PDF, 'pismo-1.pdf'), file(PNG, 'pismo-2.png')], 'letter'))
    if (!result.ok) throw new Error(result.reason)
    const letters = await db.attachment.findMany({ where: { commentId: result.value.commentId }, orderBy: { filename: 'asc' } })
    expect(letters.map((l) => [l.filename, l.kind, l.mimeType])).toEqual([['pismo-1.pdf', 'letter', 'application/pdf'], ['pismo-2.png', 'letter', 'image/png']])
    expect(filesIn(dir).filter((f) => !f.includes('.tmp'))).toHaveLength(2)
    for (const who of [ANONYMOUS, await actorFor(CITIZEN), await actorFor(EDITOR)]) {
      expect((await readAttachment(db, who, letters[0]!.id, NOW)).ok).toBe(false)
    }
    expect((await readAttachment(db, responder, letters[0]!.id, NOW)).ok).toBe(true)
    expect((await readAttachment(db, await actorFor(MODERATOR), letters[1]!.id, NOW)).ok).toBe(true)
    const shown = Object.values((await previewRoundComments(db, roundId, NOW)).previews).flat().find((c) => c.id === result.value.commentId)
    expect(shown).toMatchObject({ attachments: [], letterOnFile: true })
  })

  it('keeps a letter’s scans out of the store when the entry is refused', async () => {
    const input = StaffEnteredComment.parse({ senderName: 'X', senderCategory: 'citizen', channel: 'letter', receivedAt: '2026-11-20T09:00', body: 'Tekst.' })
    const result = await services().rounds.enterComment(await actorFor(CITIZEN), roundId, input, await stage([file(PDF, 'pismo.pdf')], 'letter'))
    expect(result).toEqual({ ok: false, reason: 'forbidden' })
    expect(await db.attachment.count()).toBe(0)
    expect(filesIn(dir)).toEqual([])
  })
})
