import { describe, expect, it } from 'vitest'
import { Document, Packer, Paragraph } from 'docx'
import { zipSync, strToU8 } from 'fflate'
import type { Actor } from '../accounts/actor.ts'
import { ANONYMOUS } from '../accounts/actor.ts'
import type { DraftAccess } from '../drafting/permissions.ts'
import { canDownloadAttachment, checkAttachment, detectFileType, displayName, zipEntryNames, type AttachmentSubject } from './attachment-rules.ts'

const MB = 1024 * 1024
const bytesOf = (text: string) => new TextEncoder().encode(text)

/** A real, minimal one-page PDF. */
const PDF = bytesOf(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 612 792]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
)

async function realDocx(): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: [new Paragraph('Primjedba na član 5.')] }] })
  return new Uint8Array(await Packer.toBuffer(doc))
}

describe('checkAttachment', () => {
  it('accepts a PDF by its %PDF- signature', () => {
    expect(checkAttachment(PDF, { kind: 'attachment', maxBytes: MB })).toEqual({ ok: true, value: 'pdf' })
  })

  it('accepts a real Word document: a zip whose central directory names word/document.xml', async () => {
    const docx = await realDocx()
    expect(zipEntryNames(docx)).toContain('word/document.xml')
    expect(checkAttachment(docx, { kind: 'attachment', maxBytes: MB })).toEqual({ ok: true, value: 'docx' })
  })

  it('refuses a zip without word/document.xml, even named .docx', () => {
    const zip = zipSync({ 'readme.txt': strToU8('not a Word document'), 'word/other.xml': strToU8('<x/>') })
    expect(detectFileType(zip)).toBeNull()
    expect(checkAttachment(zip, { kind: 'attachment', maxBytes: MB })).toEqual({ ok: false, reason: 'wrong-type' })
  })

  it('refuses bytes that only start with PK', () => {
    expect(detectFileType(bytesOf('PK\u0003\u0004 and nothing else'))).toBeNull()
  })

  it('refuses a renamed program (MZ header)', () => {
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00])
    expect(checkAttachment(exe, { kind: 'attachment', maxBytes: MB })).toEqual({ ok: false, reason: 'wrong-type' })
  })

  it('refuses a file over the limit before looking at it', () => {
    const big = new Uint8Array(2 * MB)
    big.set(PDF)
    expect(checkAttachment(big, { kind: 'attachment', maxBytes: MB })).toEqual({ ok: false, reason: 'too-large' })
  })

  it('accepts scanned images for letters only', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])
    expect(checkAttachment(png, { kind: 'letter', maxBytes: MB })).toEqual({ ok: true, value: 'png' })
    expect(checkAttachment(jpeg, { kind: 'letter', maxBytes: MB })).toEqual({ ok: true, value: 'jpeg' })
    expect(checkAttachment(jpeg, { kind: 'attachment', maxBytes: MB })).toEqual({ ok: false, reason: 'wrong-type' })
  })
})

describe('displayName', () => {
  it('keeps a good name and its extension', () => {
    expect(displayName('Primjedbe udruženja.pdf', 'pdf')).toBe('Primjedbe udruženja.pdf')
    expect(displayName('skener.JPEG', 'jpeg')).toBe('skener.jpeg')
  })

  it('drops folders, control and direction characters', () => {
    expect(displayName('..\\..\\windows\\evil.pdf', 'pdf')).toBe('evil.pdf')
    expect(displayName('C:/x/a\u202Efdp.exe', 'pdf')).toBe('afdp.exe.pdf')
    expect(displayName('re\u0000port\n.pdf', 'pdf')).toBe('report.pdf')
  })

  it('names the file by what it is, and never leaves it empty', () => {
    expect(displayName('ugovor.exe', 'pdf')).toBe('ugovor.exe.pdf')
    expect(displayName('', 'docx')).toBe('document.docx')
    expect(displayName(`${'a'.repeat(300)}.pdf`, 'pdf')).toHaveLength(124)
  })
})

describe('canDownloadAttachment', () => {
  const person = (userId: string, siteRole: Actor['siteRole'] = 'user'): Actor => ({ userId, name: userId, siteRole, memberships: [] })
  const access = (roles: DraftAccess['roles'] = []): DraftAccess => ({ draftId: 'd', ownerOrganisationId: 'ministry', roles })
  const subject = (overrides: Partial<AttachmentSubject['comment']> = {}, kind: AttachmentSubject['kind'] = 'attachment'): AttachmentSubject => ({
    kind,
    roundState: 'open',
    comment: { status: 'published', withdrawnAt: null, authorId: 'author', ...overrides },
  })

  it('lets anyone download a file on a published comment', () => {
    expect(canDownloadAttachment(ANONYMOUS, access(), subject())).toBe(true)
  })

  it('keeps a hidden, pending or withdrawn comment’s file for its author and moderators', () => {
    for (const s of [subject({ status: 'hidden' }), subject({ status: 'pending' }), subject({ withdrawnAt: new Date() })]) {
      expect(canDownloadAttachment(ANONYMOUS, access(), s)).toBe(false)
      expect(canDownloadAttachment(person('someone'), access(), s)).toBe(false)
      expect(canDownloadAttachment(person('author'), access(), s)).toBe(true)
      expect(canDownloadAttachment(person('mod'), access(['moderator']), s)).toBe(true)
    }
  })

  it('opens a scanned letter only to the round’s staff', () => {
    const letter = subject({ authorId: null }, 'letter')
    expect(canDownloadAttachment(ANONYMOUS, access(), letter)).toBe(false)
    expect(canDownloadAttachment(person('citizen'), access(), letter)).toBe(false)
    expect(canDownloadAttachment(person('editor'), access(['editor']), letter)).toBe(false)
    expect(canDownloadAttachment(person('responder'), access(['responder']), letter)).toBe(true)
    expect(canDownloadAttachment(person('mod'), access(['moderator']), letter)).toBe(true)
    expect(canDownloadAttachment(person('admin', 'admin'), access(), letter)).toBe(true)
  })
})
