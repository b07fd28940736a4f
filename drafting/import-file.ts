import { readFile } from 'node:fs/promises'
import mammoth from 'mammoth'
import { importLegalText, type ImportOptions, type LegalTextImport } from './plain-text-import.ts'
import { decodeSingleByte } from './text-repair.ts'
import { parseDocument } from './document.ts'
import { newNodeId } from './node-id.ts'

/** How the bytes of a text file were read. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1250' | 'cp852'

/** An imported file: the document, the report, and how the file was read. */
export interface FileImport extends LegalTextImport {
  source: { format: 'docx' | 'text'; encoding: TextEncodingName | null }
}

/**
 * Imports an act from a file: a Word document (.docx, read with mammoth: its text as
 * mammoth's raw-text extraction gives it, and its tables as table nodes, see readDocx) or a plain-text file in UTF-8, UTF-16, Windows-1250 or CP852 (the last two
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
    let extracted: DocxText
    try {
      extracted = await readDocx(Buffer.from(bytes))
    } catch (error) {
      throw new RangeError(`${path} is not a readable .docx file (${(error as Error).message}).`)
    }
    const imported = importLegalText(extracted.text, options)
    for (const m of extracted.messages) imported.report.warnings.push({ kind: 'file', line: null, message: `Word document: ${m.message}` })
    const withTables = extracted.tables.length > 0 ? placeTables(imported, extracted.tables) : imported
    return { ...withTables, source: { format: 'docx', encoding: null } }
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

// ---------------------------------------------------------------------------------------
// Word tables

/** A Word table: rows of cells, each cell its paragraphs' texts. */
export interface DocxTable {
  header: boolean[]
  rows: string[][][]
  /** Whether merged cells had to be split (or rows padded) to make the table a grid. */
  merged: boolean
}

interface DocxText {
  text: string
  tables: DocxTable[]
  messages: { type: string; message: string }[]
}

/** Mammoth's document model, as far as it is read here. */
interface MammothElement {
  type: string
  value?: string
  children?: MammothElement[]
  isHeader?: boolean
  colSpan?: number
}

// A table stands in the text as a line of its own: a private-use mark around its index,
// then a full stop so that the next line is not read as its continuation. No label,
// heading or note pattern of the text importer matches it.
const TABLE_MARK = '\uE000'
const TABLE_TOKEN = /\uE000(\d+)\uE000\.?/gu
const tableToken = (n: number) => `${TABLE_MARK}${n}${TABLE_MARK}.`

/**
 * The text of a Word document as mammoth's extractRawText gives it (each paragraph
 * followed by a blank line), except that each top-level table becomes one token line and
 * is returned apart, as rows of cells.
 */
export async function readDocx(buffer: Buffer): Promise<DocxText> {
  let root: MammothElement | null = null
  const result = await mammoth.convertToHtml({ buffer }, {
    transformDocument: (element: MammothElement) => {
      root = element
      return element
    },
  })
  if (!root) throw new RangeError('the document has no body')
  const tables: DocxTable[] = []
  const rawText = (element: MammothElement): string => {
    if (element.type === 'text') return element.value ?? ''
    if (element.type === 'tab') return '\t'
    if (element.type === 'table') {
      tables.push(readTable(element, rawText))
      return `${tableToken(tables.length - 1)}\n\n`
    }
    const tail = element.type === 'paragraph' ? '\n\n' : ''
    return (element.children ?? []).map(rawText).join('') + tail
  }
  const text = rawText(root)
  return { text, tables, messages: result.messages }
}

function readTable(table: MammothElement, rawText: (e: MammothElement) => string): DocxTable {
  const rows: string[][][] = []
  const header: boolean[] = []
  let merged = false
  // Nested tables are read as the text of their cells.
  const cellText = (e: MammothElement): string[] => {
    const out: string[] = []
    for (const child of e.children ?? []) {
      if (child.type === 'table') for (const row of child.children ?? []) for (const cell of row.children ?? []) out.push(...cellText(cell))
      else out.push(...rawText(child).split('\n').map((l) => l.trim()).filter(Boolean))
    }
    return out
  }
  for (const row of table.children ?? []) {
    if (row.type !== 'tableRow') continue
    const cells: string[][] = []
    for (const cell of row.children ?? []) {
      if (cell.type !== 'tableCell') continue
      const text = cellText(cell)
      cells.push(text.length > 0 ? text : [''])
      for (let i = 1; i < (cell.colSpan ?? 1); i++) {
        cells.push([''])
        merged = true
      }
    }
    if (cells.length > 0) {
      rows.push(cells)
      header.push(row.isHeader === true)
    }
  }
  const width = Math.max(1, ...rows.map((r) => r.length))
  for (const r of rows) {
    if (r.length < width) merged = true
    while (r.length < width) r.push([''])
  }
  if (rows.length === 0) {
    rows.push([['']])
    header.push(false)
  }
  return { header, rows, merged }
}

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string; marks?: unknown[] }

const blockOf = (text: string): Json => ({ type: 'text_block', content: text ? [{ type: 'text', text }] : [] })
const plainText = (node: Json): string => (node.text ?? '') + (node.content ?? []).map(plainText).join('')

function tableJson(table: DocxTable): Json {
  return {
    type: 'table',
    attrs: { id: newNodeId() },
    content: table.rows.map((cells, r) => ({
      type: 'table_row',
      attrs: { header: table.header[r] ?? false },
      content: cells.map((blocks) => ({ type: 'table_cell', content: blocks.map(blockOf) })),
    })),
  }
}

/** A table read as text, where no table may stand: one line a row, cells joined by " | ". */
const tableAsText = (table: DocxTable): string[] => table.rows.map((cells) => cells.map((c) => c.join(' ')).join(' | '))

const TABLE_HOMES = new Set(['paragraph', 'point', 'annex'])

/**
 * Puts the Word tables where their tokens landed in the imported act: a token inside a
 * paragraph's, point's or annex's text block becomes a table node after the text before
 * it; a paragraph made of a table alone joins the paragraph before it (Word tables have
 * no "(2)" of their own). Elsewhere (preamble, memorandum, a sub-point) the table is kept
 * as lines of text, and the report says so.
 */
function placeTables(imported: LegalTextImport, tables: DocxTable[]): LegalTextImport {
  const report = imported.report
  const asText = new Set<number>()
  const used = new Set<number>()
  const indexOf = new Map<Json, number>()
  const split = (block: Json, home: boolean): Json[] => {
    const text = plainText(block)
    if (!text.includes(TABLE_MARK)) return [block]
    const out: Json[] = []
    let last = 0
    for (const m of text.matchAll(TABLE_TOKEN)) {
      const before = text.slice(last, m.index).trim()
      if (before) out.push(blockOf(before))
      const table = tables[Number(m[1])]
      if (table) {
        used.add(Number(m[1]))
        if (home) {
          const json = tableJson(table)
          indexOf.set(json, Number(m[1]))
          out.push(json)
        }
        else {
          asText.add(Number(m[1]))
          out.push(...tableAsText(table).map(blockOf))
        }
      }
      last = m.index + m[0].length
    }
    const after = text.slice(last).trim()
    if (after) out.push(blockOf(after))
    return out
  }
  const walk = (node: Json): Json => {
    if (!node.content) return node
    const home = TABLE_HOMES.has(node.type)
    let content: Json[] = []
    for (const child of node.content) {
      if (child.type === 'text_block') {
        const parts = split(child, home)
        // Outside a table's home, several text lines cannot replace one block: join them.
        if (!home && parts.length !== 1) content.push(blockOf(parts.map(plainText).join(' ')))
        else content.push(...parts)
      } else if (child.type === 'title' || child.type === 'heading' || child.type === 'article_heading') {
        // A title line holds text only.
        const text = plainText(child)
        if (!text.includes(TABLE_MARK)) content.push(child)
        else {
          const joined = split(blockOf(text), false).map(plainText).join(' ')
          content.push({ ...child, content: joined ? [{ type: 'text', text: joined }] : [] })
        }
      } else content.push(walk(child))
    }
    if (node.type === 'point' && content.slice(1).some((c) => c.type === 'text_block')) {
      // A point takes no text after its first block: its text and tables join as lines.
      const lines = content.filter((c) => c.type === 'text_block' || c.type === 'table')
      for (const c of lines) if (c.type === 'table') asText.add(indexOf.get(c)!)
      const text = lines.map((c) => (c.type === 'table' ? c.content!.map((row) => row.content!.map(plainText).join(' | ')).join('; ') : plainText(c))).filter(Boolean).join(' ')
      content = [blockOf(text), ...content.filter((c) => c.type !== 'text_block' && c.type !== 'table')]
    }
    if (node.type === 'paragraph' || node.type === 'point') {
      // The first child must be text: a unit opening with a table gets an empty lead.
      if (content[0]?.type !== 'text_block') content = [blockOf(''), ...content]
    }
    if (node.type === 'annex' && content.length === 1) content.push(blockOf(''))
    if (node.type === 'article') {
      // A paragraph that is only a table belongs to the paragraph before it.
      const merged: Json[] = []
      for (const child of content) {
        const previous = merged[merged.length - 1]
        const onlyTable = child.type === 'paragraph' && child.content!.length === 2 && plainText(child.content![0]!) === '' && child.content![1]!.type === 'table'
        if (onlyTable && previous?.type === 'paragraph') {
          previous.content = [...previous.content!, child.content![1]!]
          report.counts.paragraphs -= 1
        } else merged.push(child)
      }
      content = merged
    }
    return { ...node, content }
  }
  const json = walk(imported.doc.toJSON() as Json)
  const result = parseDocument(json)
  if (!result.ok) throw new RangeError(`The Word document's tables do not fit the act: ${result.reason}`)
  const merged = tables.filter((t, i) => t.merged && used.has(i) && !asText.has(i)).length
  if (merged > 0) report.warnings.push({ kind: 'file', line: null, message: `Word document: ${merged} table(s) had merged cells; they were split into single cells. Check these tables.` })
  if (asText.size > 0) report.warnings.push({ kind: 'file', line: null, message: `Word document: ${asText.size} table(s) stand outside an article, paragraph, point or annex; they were kept as lines of text.` })
  const lost = tables.length - used.size
  if (lost > 0) report.warnings.push({ kind: 'file', line: null, message: `Word document: ${lost} table(s) were left out with the text around them (front matter, signatures or notes).` })
  return { doc: result.value, report }
}
