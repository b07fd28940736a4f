import { once } from 'node:events'
import { PassThrough, type Writable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { ConsolidatedReport } from '../model.ts'
import { REPORT_STATUSES } from '../model.ts'
import { reportVocabulary, type ReportVocabulary } from '../vocabulary.ts'
import type { ExportOptions } from './options.ts'
import { cleanText, rowsOf, tableColumns, tableRow, type TableColumn } from './table.ts'

const WIDTHS: Record<TableColumn, number> = {
  no: 7, section: 24, unit: 24, author: 28, category: 22, channel: 16, date: 17, comment: 70, proposedWording: 50,
  count: 10, signers: 40, status: 20, reasoning: 60, visibility: 20,
}
const WRAPPED = new Set<TableColumn>(['section', 'unit', 'author', 'comment', 'proposedWording', 'signers', 'reasoning'])

/** Sheet names may not hold []:*?/\ and have at most 31 characters. */
const sheetName = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31)

/** Excel's column letters: 1 → A, 27 → AA. */
function columnLetter(n: number): string {
  let out = ''
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) out = String.fromCharCode(65 + ((rest - 1) % 26)) + out
  return out
}

/**
 * The report as an Excel workbook, written with exceljs's streaming writer: rows go to the
 * file as they are made. The first sheet has one row per report row (a campaign group
 * once) under a frozen header row with filters; the second sums the consultation up.
 */
export async function writeReportXlsx(report: ConsolidatedReport, out: Writable, options: ExportOptions = {}): Promise<void> {
  const words = reportVocabulary(report.lang)
  // exceljs ends the stream it writes to; the caller owns `out`.
  const zip = new PassThrough()
  zip.pipe(out, { end: false })
  const finished = once(zip, 'end')
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: zip, useStyles: true, useSharedStrings: false })
  workbook.creator = 'Nacrt'
  workbook.title = `${words.title}: ${report.act.title}`

  const columns = tableColumns(report)
  const sheet = workbook.addWorksheet(sheetName(words.sheets.comments), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
  })
  sheet.columns = columns.map((c) => ({
    key: c,
    width: WIDTHS[c],
    style: WRAPPED.has(c) ? { alignment: { wrapText: true, vertical: 'top' } } : { alignment: { vertical: 'top' } },
  }))
  const header = sheet.addRow(columns.map((c) => words.columns[c]))
  header.font = { bold: true }
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF7' } }
  header.commit()
  const every = options.progressEvery ?? 500
  let done = 0
  for (const { row, section } of rowsOf(report)) {
    sheet.addRow(tableRow(row, section, columns, words)).commit()
    if (++done % every === 0) {
      options.onProgress?.(done)
      // Let the zip stream drain (and the process answer other work) between batches.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  sheet.autoFilter = `A1:${columnLetter(columns.length)}${done + 1}`
  sheet.commit()

  const summary = workbook.addWorksheet(sheetName(words.sheets.summary))
  summary.columns = [{ width: 48 }, { width: 90, style: { alignment: { wrapText: true, vertical: 'top' } } }, { width: 14 }]
  for (const line of summaryLines(report, words)) {
    const added = summary.addRow(line.cells)
    if (line.bold) added.font = { bold: true }
    added.commit()
  }
  summary.commit()
  await workbook.commit()
  await finished
  options.onProgress?.(done)
}

/** The summary sheet, line by line: facts, participants, figures. */
function summaryLines(report: ConsolidatedReport, words: ReportVocabulary): { cells: (string | number)[]; bold?: boolean }[] {
  const f = words.facts
  const r = report.round
  const stage = words.stages[report.act.stage as keyof ReportVocabulary['stages']] ?? report.act.stage
  const lines: { cells: (string | number)[]; bold?: boolean }[] = [
    { cells: [words.title], bold: true },
    { cells: [f.act, cleanText(report.act.title)] },
    { cells: [f.version, `${report.act.version.seq}. ${cleanText(report.act.version.name)}`] },
    { cells: [f.stage, stage] },
    { cells: [f.institution, cleanText(report.act.institution)] },
    { cells: [f.round, cleanText(r.title)] },
    { cells: [f.period, `${words.dateTime(r.opensAt)} – ${words.dateTime(r.closesAt)}`] },
    { cells: [f.duration, words.days(r.days)] },
  ]
  if (r.shortPeriodReason || r.days < r.minimumDays) lines.push({ cells: [f.minimumDays, words.days(r.minimumDays)] })
  if (r.shortPeriodReason) lines.push({ cells: [f.shortPeriodReason, cleanText(r.shortPeriodReason)] })
  if (r.methods.length) lines.push({ cells: [f.methods, r.methods.map((m) => words.methods[m]).join('; ')] })
  for (const h of r.hearings) lines.push({ cells: [f.hearings, cleanText(`${words.dateTime(h.startsAt)}, ${h.place}${h.agenda ? ` – ${h.agenda}` : ''}`)] })
  lines.push({ cells: [f.published, r.reportPublishedAt ? words.date(r.reportPublishedAt) : f.notYetPublished] })
  lines.push({ cells: [] }, { cells: [words.participants.heading], bold: true })
  lines.push({ cells: [words.participants.category, words.participants.participants, words.participants.comments], bold: true })
  for (const p of report.participants) lines.push({ cells: [words.categories[p.category], p.participants, p.comments] })
  lines.push({ cells: [words.participants.total, report.counts.participants, report.counts.received], bold: true })
  const c = report.counts
  lines.push({ cells: [] }, { cells: [words.counts.heading], bold: true })
  lines.push(
    { cells: [words.counts.received, c.received] },
    { cells: [words.counts.published, c.published] },
    { cells: [words.counts.notPublished, c.notPublished] },
    { cells: [words.counts.withdrawn, c.withdrawn] },
    { cells: [words.counts.groups, c.groups] },
  )
  lines.push({ cells: [words.counts.status, words.counts.number], bold: true })
  for (const s of REPORT_STATUSES) lines.push({ cells: [words.statuses[s], c.byStatus[s]] })
  return lines
}
