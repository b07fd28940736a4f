import { Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ConsolidatedReport, ReportRow, ReportSection } from '../model.ts'
import type { ExportOptions } from './options.ts'
import type { OpenDataReport } from './open-data.ts'
import { cleanText } from './table.ts'

type OpenComment = OpenDataReport['sections'][number]['comments'][number]
type OpenSection = OpenDataReport['sections'][number]

/** One report row as open data. */
export function openComment(row: ReportRow): OpenComment {
  return {
    no: row.no,
    id: row.commentId,
    unit: row.unit,
    author: row.author,
    category: row.category,
    channel: row.channel,
    submittedAt: row.createdAt.toISOString(),
    body: cleanText(row.body),
    proposedWording: row.proposedWording === null ? null : cleanText(row.proposedWording),
    status: row.status,
    reasoning: row.reasoning === null ? null : cleanText(row.reasoning),
    group: row.group,
  }
}

/** Everything but the sections' comments: the head of the open-data document. */
export function openDataHead(report: ConsolidatedReport): Omit<OpenDataReport, 'sections'> {
  return {
    schemaVersion: '1.0',
    language: report.lang,
    act: report.act,
    round: {
      id: report.round.id,
      title: report.round.title,
      opensAt: report.round.opensAt.toISOString(),
      closesAt: report.round.closesAt.toISOString(),
      days: report.round.days,
      minimumDays: report.round.minimumDays,
      shortPeriodReason: report.round.shortPeriodReason,
      methods: report.round.methods,
      hearings: report.round.hearings.map((h) => ({ startsAt: h.startsAt.toISOString(), place: h.place, agenda: h.agenda })),
      reportPublishedAt: report.round.reportPublishedAt?.toISOString() ?? null,
    },
    participants: report.participants,
    counts: report.counts,
  }
}

function sectionHead(section: ReportSection): Omit<OpenSection, 'comments'> {
  return { kind: section.kind, articleId: section.articleId, label: section.label, heading: section.heading, commentCount: section.commentCount }
}

/**
 * The report as open data (docs/open-data/report.schema.json), streamed comment by
 * comment. Only a public report may be written: staff reports hold hidden comments.
 */
export async function writeReportJson(report: ConsolidatedReport, out: Writable, options: ExportOptions = {}): Promise<void> {
  if (report.audience !== 'public') throw new RangeError('Open data is written from the public report only')
  const every = options.progressEvery ?? 500
  function* pieces() {
    const head = JSON.stringify(openDataHead(report))
    yield `${head.slice(0, -1)},"sections":[`
    let done = 0
    for (const [i, section] of report.sections.entries()) {
      // '{…,"comments":[]}' opened up to its comments.
      const open = JSON.stringify({ ...sectionHead(section), comments: [] })
      yield `${i > 0 ? ',' : ''}${open.slice(0, -2)}`
      for (const [j, row] of section.rows.entries()) {
        yield `${j > 0 ? ',' : ''}${JSON.stringify(openComment(row))}`
        if (++done % every === 0) options.onProgress?.(done)
      }
      yield ']}'
    }
    yield ']}\n'
    options.onProgress?.(done)
  }
  await pipeline(Readable.from(pieces()), out, { end: false })
}
