import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { stringify } from 'csv-stringify'
import type { ConsolidatedReport } from '../model.ts'
import { reportVocabulary } from '../vocabulary.ts'
import { rowsOf, tableColumns, tableRow } from './table.ts'
import type { ExportOptions } from './options.ts'

/**
 * The report as CSV, one line per report row (a campaign group once), streamed. UTF-8
 * with a byte order mark, so that Excel reads č, ć, đ, š and ž; the separator is the one
 * Excel expects in the language's region: `;` for Bosnian, Croatian and Serbian (where
 * the decimal separator is a comma), `,` for English. Lines end in CRLF (RFC 4180).
 */
export async function writeReportCsv(report: ConsolidatedReport, out: Writable, options: ExportOptions = {}): Promise<void> {
  const words = reportVocabulary(report.lang)
  const columns = tableColumns(report)
  const every = options.progressEvery ?? 500
  function* records() {
    let done = 0
    for (const { row, section } of rowsOf(report)) {
      yield tableRow(row, section, columns, words)
      if (++done % every === 0) options.onProgress?.(done)
    }
    options.onProgress?.(done)
  }
  await pipeline(
    Readable.from(records()),
    stringify({
      bom: true,
      header: true,
      columns: columns.map((c) => words.columns[c]),
      delimiter: report.lang === 'en' ? ',' : ';',
      record_delimiter: 'windows',
      quoted_match: /\n/,
    }),
    out,
    { end: false },
  )
}
