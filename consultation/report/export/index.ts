import type { Writable } from 'node:stream'
import type { ConsolidatedReport, ReportLang } from '../model.ts'
import { writeReportCsv } from './csv.ts'
import { writeReportDocx } from './docx.ts'
import { writeReportJson } from './json.ts'
import type { ExportOptions } from './options.ts'
import { writeReportXlsx } from './xlsx.ts'
import type { ReportFormat } from '../formats.ts'

export { REPORT_FORMATS, CONTENT_TYPES, type ReportFormat } from '../formats.ts'

const WRITERS: Record<ReportFormat, (report: ConsolidatedReport, out: Writable, options?: ExportOptions) => Promise<void>> = {
  docx: writeReportDocx,
  xlsx: writeReportXlsx,
  csv: writeReportCsv,
  json: writeReportJson,
}

/**
 * Writes a report in a format to a stream, calling `onProgress` with the rows written.
 * The stream is left open: the caller ends it (a file, an HTTP response).
 */
export function writeReport(report: ConsolidatedReport, format: ReportFormat, out: Writable, options: ExportOptions = {}): Promise<void> {
  return WRITERS[format](report, out, options)
}

/** The file name of a report export: "izvjestaj-zakon-o-socijalnim-uslugama-1-bs.xlsx". */
export function reportFileName(act: { slug: string; version: { seq: number } }, lang: ReportLang, format: ReportFormat): string {
  return `${lang === 'en' ? 'report' : 'izvjestaj'}-${act.slug}-${act.version.seq}-${lang}.${format}`
}

export type { ExportOptions } from './options.ts'
