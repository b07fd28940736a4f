import { stringify } from 'csv-stringify/sync'

// The list of interested parties as a CSV file for the institution's staff (the rules
// give the list to anyone who asks in writing; staff decide what to hand over). Pure.

/** The columns of the export, in order. */
export const CSV_COLUMNS = ['name', 'organisation', 'category', 'email', 'listedPublicly', 'source', 'addedAt'] as const
export type CsvColumn = (typeof CSV_COLUMNS)[number]

/** One entry as exported. */
export interface CsvParty {
  name: string
  organisationName: string | null
  category: string
  email: string
  listedPublicly: boolean
  source: string
  createdAt: Date
}

/** The words of the file, in the reader's language: the domain never speaks one. */
export interface CsvLabels {
  headers: Record<CsvColumn, string>
  category: (category: string) => string
  source: (source: string) => string
  yes: string
  no: string
}

/** Byte order mark: Excel reads the file as UTF-8 only when it starts with one (č, ć, đ, š, ž). */
export const UTF8_BOM = '\uFEFF'

// A cell a spreadsheet would run as a formula (=HYPERLINK(…), +, -, @) is kept as text.
const FORMULA_START = /^[=+\-@\t\r]/
const cell = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value)

const sarajevo = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Sarajevo', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
})

/**
 * The parties as CSV: UTF-8 with a byte order mark, semicolons between cells (what Excel
 * expects where the decimal separator is a comma, as in Bosnia and Herzegovina), CRLF line
 * ends, times in Europe/Sarajevo ("2026-11-23 11:00").
 */
export function partiesCsv(parties: readonly CsvParty[], labels: CsvLabels): string {
  const rows = parties.map((p) => [
    cell(p.name),
    cell(p.organisationName ?? ''),
    labels.category(p.category),
    cell(p.email),
    p.listedPublicly ? labels.yes : labels.no,
    labels.source(p.source),
    sarajevo.format(p.createdAt),
  ])
  return UTF8_BOM + stringify([CSV_COLUMNS.map((c) => labels.headers[c]), ...rows], { delimiter: ';', record_delimiter: 'windows' })
}
