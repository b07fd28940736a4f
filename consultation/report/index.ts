/**
 * The consolidated report on a consultation round: its shape, its languages and audiences,
 * the comment and answer statuses and participant categories it counts.
 */
export {
  REPORT_LANGS, REPORT_STATUSES, ANSWER_STATUSES, PARTICIPANT_CATEGORIES, langParts, reportLang,
  type ConsolidatedReport, type ReportData, type ReportSourceComment, type ReportSection, type ReportRow, type ReportAuthor,
  type ReportLang, type ReportAudience, type ReportStatus, type AnswerStatus, type ParticipantCategory,
} from './model.ts'
/** Reads a round's data for its report from the database (authors' accounts never read). */
export { loadReportData } from './load.ts'
/** Assembles the report from a round's data (pure), and lists what is still unanswered. */
export { assembleReport, unanswered, authorOf, categoryOf, excerpt, type AssembleOptions, type UnansweredComment } from './assemble.ts'
/** The report's words in bs, hr, sr-Latn, sr-Cyrl and en, for pages, exports and the command line. */
export { reportVocabulary, type ReportVocabulary } from './vocabulary.ts'
/** Bar charts of a report as server-drawn, accessible SVG. */
export { barChartSvg, reportCharts, type ReportCharts, type BarChart } from './charts.ts'
/** Who reads a report and as whom; the report as a person reads it. */
export { reportAccess, readReport, type ReportAccess, type ReportAccessProblem, type ReportReading } from './view.ts'
/** Publishing a closed round's report (final; warns about unanswered comments). */
export { publishReport, type PublishReportProblem, type PublishedReport } from './publish.ts'
/** The exports: .docx, .xlsx, .csv and open-data JSON, streamed. */
export { writeReport, reportFileName, REPORT_FORMATS, CONTENT_TYPES, type ReportFormat } from './export/index.ts'
/** The open-data schema of a published report (docs/open-data/report.schema.json). */
export { OpenDataReport, openDataJsonSchema } from './export/open-data.ts'
/** Exports as background jobs: request, plan, claim, run, follow, download. */
export {
  ExportRequest, DIRECT_EXPORT_COMMENTS, REPORT_EXPORT_JOB, planReportExport, exportReport, requestReportExport, readJob, jobFile,
  claimNextJob, runReportJob, processNextJob, type ExportPlan, type JobView, type ClaimedJob, type WorkerOptions,
} from './jobs.ts'
