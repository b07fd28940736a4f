/** The formats a report is exported in. (No I/O here: pages import this.) */
export type ReportFormat = 'docx' | 'xlsx' | 'csv' | 'json'
export const REPORT_FORMATS: readonly ReportFormat[] = ['docx', 'xlsx', 'csv', 'json']

/** Each format's media type. */
export const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
}
