import { readFile } from 'node:fs/promises'
import mammoth from 'mammoth'
import { importLegalText, type ImportOptions, type LegalTextImport } from './plain-text-import.ts'
import { decodeSingleByte } from './text-repair.ts'

/** How the bytes of a text file were read. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'cp852'

/** An imported file: the document, the report, and how the file was read. */
export interface FileImport extends LegalTextImport {
  source: { format: 'docx' | 'text'; encoding: TextEncodingName | null }
}

/**
 * Imports an act from a file: a Word document (.docx, read with mammoth's raw-text
 * extraction) or a plain-text file in UTF-8, UTF-16, Windows-1250 or CP852 (the last two
 * told apart by which one gives Bosnian letters). The format is recognised by the file's
 * first bytes, so a .docx saved as .txt still reads. Throws a RangeError for a file that
 * is not an act this reader understands (a PDF, an old .doc, a text without articles);
 * I/O errors (a missing file) propagate as they are.
 */
export async function importFile(path: string, options: ImportOptions = {}): Promise<FileImport> {
  const bytes = new Uint8Array(await readFile(path))
  const format = sniffFormat(bytes)
  if (format === 'pdf' || format === 'doc' || format === 'rtf') {
    const what = { pdf: 'a PDF', doc: 'an old Word (.doc) file', rtf: 'an RTF file' }[format]
    throw new RangeError(`${path} is ${what}: save it as .docx or as plain text (.txt) and import that.`)
  }
  if (format === 'docx') {
    let extracted: { value: string; messages: { type: string; message: string }[] }
    try {
      extracted = await mammoth.extractRawText({ buffer: Buffer.from(bytes) })
    } catch (error) {
      throw new RangeError(`${path} is not a readable .docx file (${(error as Error).message}).`)
    }
    const imported = importLegalText(extracted.value, options)
    for (const m of extracted.messages) imported.report.warnings.push({ kind: 'file', line: null, message: `Word document: ${m.message}` })
    return { ...imported, source: { format: 'docx', encoding: null } }
  }
  const { text, encoding } = decodeText(bytes)
  const imported = importLegalText(text, options)
  if (encoding === 'windows-1250' || encoding === 'cp852') {
    imported.report.warnings.unshift({
      kind: 'file',
      line: null,
      message: `The file is not UTF-8; it was read as ${encoding === 'cp852' ? 'CP852 (DOS)' : 'Windows-1250'}. Check the letters č, ć, đ, š, ž.`,
    })
  }
  return { ...imported, source: { format: 'text', encoding } }
}

function sniffFormat(bytes: Uint8Array): 'docx' | 'pdf' | 'doc' | 'rtf' | 'text' {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x50, 0x4b, 0x03, 0x04)) return 'docx'
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'pdf'
  if (starts(0xd0, 0xcf, 0x11, 0xe0)) return 'doc'
  if (starts(0x7b, 0x5c, 0x72, 0x74, 0x66)) return 'rtf'
  return 'text'
}

const BHS_LETTERS = /[čćđšžČĆĐŠŽ]/gu
const OTHER_NON_ASCII = /[^\x00-\x7FčćđšžČĆĐŠŽ„“”–—…«»°§\u00A0]/gu

/**
 * Reads the bytes of a text file: a byte-order mark decides; then UTF-8 if the bytes are
 * valid UTF-8; else the single-byte code page (Windows-1250 or CP852) that yields more
 * Bosnian letters and fewer odd characters. Mojibake inside a UTF-8 file (a text once
 * read with the wrong code page) is repaired later, per word, by repairText.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' }
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    const score = (text: string) => (text.match(BHS_LETTERS)?.length ?? 0) - 2 * (text.match(OTHER_NON_ASCII)?.length ?? 0)
    const cp1250 = decodeSingleByte(bytes, 'windows-1250')
    const cp852 = decodeSingleByte(bytes, 'cp852')
    return score(cp852) > score(cp1250) ? { text: cp852, encoding: 'cp852' } : { text: cp1250, encoding: 'windows-1250' }
  }
}
