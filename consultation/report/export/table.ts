import type { ConsolidatedReport, ReportAuthor, ReportRow, ReportSection } from '../model.ts'
import { sarajevoParts, type ReportVocabulary } from '../vocabulary.ts'

// What the tabular exports (CSV, XLSX) share: one line per report row, the same columns,
// the same words. The .docx lays the same rows out for reading (see docx.ts).

/** Characters XML 1.0 cannot hold (controls other than tab and line breaks): dropped from every export. */
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

/** A text as every export may write it. */
export function cleanText(value: string): string {
  return value.replace(NOT_XML, '')
}

/** The columns of the tabular exports, in order; staff exports say whether each comment is public. */
export type TableColumn =
  | 'no' | 'section' | 'unit' | 'author' | 'category' | 'channel' | 'date' | 'comment' | 'proposedWording'
  | 'count' | 'signers' | 'status' | 'reasoning' | 'visibility'

export function tableColumns(report: ConsolidatedReport): TableColumn[] {
  const columns: TableColumn[] = [
    'no', 'section', 'unit', 'author', 'category', 'channel', 'date', 'comment', 'proposedWording', 'count', 'signers', 'status', 'reasoning',
  ]
  return report.audience === 'staff' ? [...columns, 'visibility'] : columns
}

/** "2026-11-23 14:30" in Europe/Sarajevo: sorts and filters as text in any spreadsheet. */
export function sortableDateTime(value: Date): string {
  const { year, month, day, hour, minute } = sarajevoParts(value)
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')} ${hour}:${minute}`
}

/** An author as the exports name them. */
export function authorText(author: ReportAuthor, words: ReportVocabulary): string {
  return author.kind === 'anonymous' ? words.anonymous : author.name
}

/** A section's name: "Član 5. (Predmet)", or the words for general comments and the memorandum. */
export function sectionText(section: ReportSection, words: ReportVocabulary): string {
  if (section.kind === 'general') return words.comments.general
  if (section.kind === 'memorandum') return words.comments.memorandum
  return section.heading ? `${section.label} (${section.heading})` : (section.label ?? '')
}

/** A row's status as read, with the note that a staff answer is still a draft. */
export function statusText(row: ReportRow, words: ReportVocabulary): string {
  return row.answerDraft ? `${words.statuses[row.status]} (${words.answerDraft})` : words.statuses[row.status]
}

/** The values of one row, column by column. */
export function tableRow(row: ReportRow, section: ReportSection, columns: readonly TableColumn[], words: ReportVocabulary): (string | number)[] {
  return columns.map((column) => {
    switch (column) {
      case 'no': return row.no
      case 'section': return cleanText(sectionText(section, words))
      case 'unit': return cleanText(row.unit ?? words.wholeDraft)
      case 'author': return cleanText(authorText(row.author, words))
      case 'category': return words.categories[row.category]
      case 'channel': return words.channels[row.channel]
      case 'date': return sortableDateTime(row.createdAt)
      case 'comment': return cleanText(row.body)
      case 'proposedWording': return cleanText(row.proposedWording ?? '')
      case 'count': return row.group?.count ?? 1
      case 'signers': return row.group ? cleanText(words.signers(row.group.signers, row.group.anonymousSigners)) : ''
      case 'status': return statusText(row, words)
      case 'reasoning': return cleanText(row.reasoning ?? '')
      case 'visibility': return words.visibility[row.visibility]
    }
  })
}

/** Every row with its section, in report order. */
export function* rowsOf(report: ConsolidatedReport): Generator<{ row: ReportRow; section: ReportSection }> {
  for (const section of report.sections) for (const row of section.rows) yield { row, section }
}
