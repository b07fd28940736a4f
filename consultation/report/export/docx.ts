import type { Writable } from 'node:stream'
import {
  AlignmentType, Document, Footer, HeadingLevel, Packer, PageNumber, PageOrientation, Paragraph, ShadingType, Table, TableCell,
  TableLayoutType, TableRow, TextRun, WidthType, type FileChild, type IStylesOptions,
} from 'docx'
import type { ConsolidatedReport, ReportRow, ReportSection } from '../model.ts'
import { REPORT_STATUSES } from '../model.ts'
import { reportVocabulary, type ReportVocabulary } from '../vocabulary.ts'
import type { ExportOptions } from './options.ts'
import { authorText, cleanText, sectionText, statusText } from './table.ts'
import { readZip, ZipWriter } from './zip.ts'

// The report as the Word document a ministry attaches to the law: landscape pages, the
// facts, participants and figures as tables, then one table of comments and answers per
// article under its heading, page numbers in the footer ("Strana 3 od 12").
//
// The docx library writes every piece of WordprocessingML, but not all at once: a whole
// report of 20,000 comments as one docx tree needs about 800 MB (bench: report-docx-naive).
// So the frame (title, facts, figures, footer, styles) is one small docx, and the comment
// tables are made and packed by the library in chunks of about CHUNK_ROWS rows; each
// chunk's body is spliced into the frame's document.xml as the file is zipped to the
// stream. Only one chunk is in memory at a time.

/** Rows per chunk: small enough to keep memory flat, large enough that packing costs little. */
export const CHUNK_ROWS = 250
const MARKER = 'NACRT-REPORT-COMMENT-TABLES'
const FONT = 'Times New Roman'

const STYLES: IStylesOptions = {
  default: {
    document: { run: { font: FONT, size: 20 }, paragraph: { spacing: { after: 40 } } },
    heading1: { run: { font: FONT, size: 26, bold: true, color: '000000' }, paragraph: { spacing: { before: 360, after: 160 }, keepNext: true } },
    heading2: { run: { font: FONT, size: 22, bold: true, color: '000000' }, paragraph: { spacing: { before: 280, after: 120 }, keepNext: true } },
  },
}

// A4 landscape with 2 cm margins (twips), so that a six-column table reads well.
const PAGE = {
  page: {
    size: { orientation: PageOrientation.LANDSCAPE, width: 11_906, height: 16_838 },
    margin: { top: 1_134, bottom: 1_134, left: 1_134, right: 1_134 },
  },
}

const HEADER_FILL = 'E8EEF7'
// The width between the margins, in twips, which tables share out by percentages.
const CONTENT_WIDTH = 16_838 - 2 * 1_134

/** One paragraph per line of a text; an empty text is one empty paragraph. */
function lines(text: string, run: { italics?: boolean; bold?: boolean; color?: string; size?: number } = {}): Paragraph[] {
  return cleanText(text)
    .split(/\r?\n/)
    .map((line) => new Paragraph({ children: [new TextRun({ text: line, ...run })] }))
}

// Cells carry only their content: widths and margins are the table's, so that a row of
// 20,000 costs as few objects as it can (docx objects, not text, are what fill memory).
function cell(children: Paragraph[], header = false): TableCell {
  return new TableCell(header ? { children, shading: { type: ShadingType.CLEAR, fill: HEADER_FILL, color: 'auto' } } : { children })
}

function tableOf(rows: TableRow[], percents: readonly number[]): Table {
  return new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: percents.map((p) => Math.floor((CONTENT_WIDTH * p) / 100)),
    layout: TableLayoutType.FIXED,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
  })
}

function table(header: string[] | null, rows: string[][], widths: number[]): Table {
  const all: TableRow[] = []
  if (header) all.push(new TableRow({ tableHeader: true, cantSplit: true, children: header.map((h) => cell(lines(h, { bold: true }), true)) }))
  for (const row of rows) all.push(new TableRow({ cantSplit: true, children: row.map((value) => cell(lines(value))) }))
  return tableOf(all, widths)
}

const COMMENT_WIDTHS = [5, 12, 17, 32, 10, 24]

/** The comment table's header row's texts. */
function commentHeader(words: ReportVocabulary): string[] {
  const c = words.columns
  return [c.no, c.unit, c.author, c.comment, c.status, c.reasoning]
}

/** The cells of one report row: number, provision, who (with the group), comment and proposal, status, reasoning. */
function commentCells(row: ReportRow, words: ReportVocabulary): TableCell[] {
  const who = [
    ...lines(authorText(row.author, words), { bold: row.author.kind !== 'anonymous' }),
    ...lines(`${words.categories[row.category]} · ${words.date(row.createdAt)}`, { color: '555555', size: 18 }),
  ]
  if (row.group) {
    who.push(...lines(words.group(row.group.count), { bold: true }))
    who.push(...lines(`${words.columns.signers}: ${words.signers(row.group.signers, row.group.anonymousSigners)}`, { size: 18 }))
  }
  if (row.visibility !== 'published') who.push(...lines(words.visibility[row.visibility], { bold: true, color: 'B42318' }))
  const comment = lines(row.body)
  if (row.proposedWording) {
    comment.push(...lines(`${words.columns.proposedWording}:`, { italics: true, bold: true }))
    comment.push(...lines(row.proposedWording, { italics: true }))
  }
  return [
    cell(lines(String(row.no))),
    cell(lines(row.unit ?? words.wholeDraft)),
    cell(who),
    cell(comment),
    cell(lines(statusText(row, words), { bold: true })),
    cell(lines(row.reasoning ?? '')),
  ]
}

/** A table of comments and answers; the header row repeats on every page it spans. */
export function commentTable(rows: readonly ReportRow[], words: ReportVocabulary, withHeader = true): Table {
  const all: TableRow[] = []
  if (withHeader) {
    all.push(
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: commentHeader(words).map((h) => cell(lines(h, { bold: true }), true)),
      }),
    )
  }
  for (const row of rows) all.push(new TableRow({ children: commentCells(row, words) }))
  return tableOf(all, COMMENT_WIDTHS)
}

/** A section's heading: "Član 5. (Predmet)", general comments, or the memorandum. */
export function sectionHeading(section: ReportSection, words: ReportVocabulary): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(cleanText(sectionText(section, words)))] })
}

/** The report's first pages: title, facts, participants and figures, then the heading of the comment tables. */
function frontMatter(report: ConsolidatedReport, words: ReportVocabulary): FileChild[] {
  const f = words.facts
  const r = report.round
  const stage = words.stages[report.act.stage as keyof ReportVocabulary['stages']] ?? report.act.stage
  const facts: string[][] = [
    [f.act, report.act.title],
    [f.version, `${report.act.version.seq}. ${report.act.version.name}`],
    [f.stage, stage],
    [f.institution, report.act.institution],
    [f.round, r.title],
    [f.period, `${words.dateTime(r.opensAt)} – ${words.dateTime(r.closesAt)}`],
    [f.duration, words.days(r.days)],
  ]
  if (r.shortPeriodReason || r.days < r.minimumDays) facts.push([f.minimumDays, words.days(r.minimumDays)])
  if (r.shortPeriodReason) facts.push([f.shortPeriodReason, r.shortPeriodReason])
  if (r.methods.length > 0) facts.push([f.methods, r.methods.map((m) => words.methods[m]).join('\n')])
  if (r.hearings.length > 0) {
    facts.push([f.hearings, r.hearings.map((h) => `${words.dateTime(h.startsAt)}, ${h.place}${h.agenda ? ` – ${h.agenda}` : ''}`).join('\n')])
  }
  if (r.contactName) facts.push([f.contact, r.contactName])
  facts.push([f.published, r.reportPublishedAt ? words.date(r.reportPublishedAt) : f.notYetPublished])

  const p = words.participants
  const participants = report.participants.map((x) => [words.categories[x.category], String(x.participants), String(x.comments)])
  participants.push([p.total, String(report.counts.participants), String(report.counts.received)])

  const c = report.counts
  const counts: string[][] = [
    [words.counts.received, String(c.received)],
    [words.counts.published, String(c.published)],
    [words.counts.notPublished, String(c.notPublished)],
    [words.counts.withdrawn, String(c.withdrawn)],
    [words.counts.groups, String(c.groups)],
    ...REPORT_STATUSES.map((s) => [`${words.counts.status}: ${words.statuses[s]}`, String(c.byStatus[s])]),
  ]

  const heading = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(cleanText(text))] })
  return [
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 120 }, children: [new TextRun({ text: words.title.toUpperCase(), bold: true, size: 28 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 60 }, children: [new TextRun({ text: cleanText(report.act.title), bold: true, size: 24 })] }),
    new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: cleanText(r.title), size: 22 })] }),
    heading(`1. ${f.heading}`),
    table(null, facts, [30, 70]),
    heading(`2. ${p.heading}`),
    table([p.category, p.participants, p.comments], participants, [60, 20, 20]),
    heading(`3. ${words.counts.heading}`),
    table([words.counts.status, words.counts.number], counts, [70, 30]),
    heading(`4. ${words.comments.heading}`),
  ]
}

/** The Word document around `body`: styles, landscape pages, page numbers in the footer. */
export function reportDocument(report: ConsolidatedReport, words: ReportVocabulary, body: FileChild[]): Document {
  return new Document({
    creator: 'Nacrt',
    title: `${words.title}: ${report.act.title}`,
    styles: STYLES,
    sections: [
      {
        properties: PAGE,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: [`${words.page.page} `, PageNumber.CURRENT, ` ${words.page.of} `, PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: [...frontMatter(report, words), ...body],
      },
    ],
  })
}

/** The children of <w:body> in a document.xml made by the docx library, without its section properties. */
function bodyOf(documentXml: string): string {
  const start = documentXml.indexOf('<w:body>')
  const end = documentXml.lastIndexOf('<w:sectPr')
  if (start < 0 || end < start) throw new RangeError('Unexpected document.xml from the docx library')
  return documentXml.slice(start + '<w:body>'.length, end)
}

/** The comment sections in chunks of about CHUNK_ROWS rows, each as docx components. */
function* chunks(report: ConsolidatedReport, words: ReportVocabulary): Generator<{ children: FileChild[]; rows: number }> {
  let children: FileChild[] = []
  let rows = 0
  for (const section of report.sections) {
    children.push(sectionHeading(section, words))
    if (section.rows.length === 0) children.push(new Paragraph({ children: [new TextRun({ text: words.comments.none, italics: true })] }))
    // A long section continues in tables of its own; Word shows adjacent tables as one.
    for (let at = 0; at < section.rows.length; at += CHUNK_ROWS) {
      const slice = section.rows.slice(at, at + CHUNK_ROWS)
      children.push(commentTable(slice, words, at === 0))
      rows += slice.length
      if (rows >= CHUNK_ROWS) {
        yield { children, rows }
        children = []
        rows = 0
      }
    }
  }
  if (children.length > 0) yield { children, rows }
}

/** Writes the report as a .docx to `out`, streaming; the caller ends `out`. */
export async function writeReportDocx(report: ConsolidatedReport, out: Writable, options: ExportOptions = {}): Promise<void> {
  const words = reportVocabulary(report.lang)
  const frame = readZip(await Packer.toBuffer(reportDocument(report, words, [new Paragraph({ children: [new TextRun(MARKER)] }), new Paragraph({})])))
  const documentXml = frame.get('word/document.xml')?.toString('utf8')
  if (!documentXml) throw new RangeError('The docx library made no word/document.xml')
  const marker = documentXml.indexOf(MARKER)
  const paragraphStart = Math.max(documentXml.lastIndexOf('<w:p>', marker), documentXml.lastIndexOf('<w:p ', marker))
  const paragraphEnd = documentXml.indexOf('</w:p>', marker) + '</w:p>'.length
  const head = documentXml.slice(0, paragraphStart)
  const tail = documentXml.slice(paragraphEnd)

  async function* documentParts() {
    yield head
    let done = 0
    for (const chunk of chunks(report, words)) {
      const packed = await Packer.toBuffer(new Document({ styles: STYLES, sections: [{ properties: PAGE, children: chunk.children }] }))
      yield bodyOf(readZip(packed).get('word/document.xml')!.toString('utf8'))
      done += chunk.rows
      options.onProgress?.(done)
    }
    yield tail
  }

  const zip = new ZipWriter(out)
  for (const [name, data] of frame) await zip.add(name, name === 'word/document.xml' ? documentParts() : data)
  await zip.finish()
}
