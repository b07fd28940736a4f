import path from 'node:path'
import type { Writable } from 'node:stream'
import type { Db } from '../../../accounts/db.ts'
import type { Actor } from '../../../accounts/actor.ts'
import { noticesOnReport } from '../../../consultation/responses.ts'
import { readReport, reportAccess } from '../../../consultation/report/view.ts'
import { publishReport } from '../../../consultation/report/publish.ts'
import { exportReport, jobFile, planReportExport, readJob, requestReportExport, type ExportRequest } from '../../../consultation/report/jobs.ts'
import type { ReportFormat } from '../../../consultation/report/export/index.ts'
import type { ReportAudience, ReportLang } from '../../../consultation/report/model.ts'
import { reportCharts } from '../../../consultation/report/charts.ts'
import { reportVocabulary } from '../../../consultation/report/vocabulary.ts'
import type { Mailer } from '../mailer.ts'
import type { Clock, MailContext } from '../services.ts'
import { answerEmail } from './answers.ts'

/** Where export files are kept: $EXPORTS_DIR, else data/exports. The worker writes there too. */
export function exportsDir(): string {
  return path.resolve(process.env.EXPORTS_DIR ?? path.join('data', 'exports'))
}

/**
 * The consolidated report, bound to one database, mailer, clock and exports directory:
 * reading it, publishing it (authors whose answers waited for the report are e-mailed
 * after it is out), and exporting it at once or through the worker.
 */
export function reportServices({ db, mailer, clock = () => new Date(), dir = exportsDir() }: { db: Db; mailer: Mailer; clock?: Clock; dir?: string }) {
  // A published report's charts, kept a few minutes: the round's page shows them on every visit.
  const charts = new Map<string, { at: number; value: { title: string; svg: string }[] }>()
  const CHARTS_TTL_MS = 5 * 60_000
  return {
    /**
     * What the round's page shows of its report: the charts once it is published; for the
     * people preparing it, only that there is a working version. Null for everyone else.
     */
    async summary(actor: Actor, roundId: string, lang: ReportLang) {
      const access = await reportAccess(db, actor, roundId, clock())
      if (!access.ok) return null
      if (access.value.audience === 'staff') return { published: false, charts: [] }
      const key = `${roundId}:${lang}`
      const cached = charts.get(key)
      if (cached && clock().getTime() - cached.at < CHARTS_TTL_MS) return { published: true, charts: cached.value }
      const reading = await readReport(db, actor, roundId, { lang, now: clock() })
      if (!reading.ok) return null
      const drawn = reportCharts(reading.value.report, reportVocabulary(lang), `round-${roundId}`)
      const value = [drawn.perArticle, drawn.perCategory, drawn.perStatus]
      if (charts.size > 200) charts.clear()
      charts.set(key, { at: clock().getTime(), value })
      return { published: true, charts: value }
    },
    access: (actor: Actor, roundId: string) => reportAccess(db, actor, roundId, clock()),
    read: (actor: Actor, roundId: string, lang: ReportLang) => readReport(db, actor, roundId, { lang, now: clock() }),
    async publish(actor: Actor, roundId: string, input: { confirmUnanswered: boolean }, mail: MailContext) {
      const result = await publishReport(db, actor, roundId, input, clock())
      if (result.ok) for (const notice of await noticesOnReport(db, roundId)) await mailer.send(answerEmail(notice, mail.baseUrl))
      return result
    },
    planExport: (actor: Actor, roundId: string, format: ReportFormat) => planReportExport(db, actor, roundId, format, clock()),
    /** Writes a small export straight to `out` (planExport said `direct`). */
    exportNow: (request: { roundId: string; format: ReportFormat; lang: ReportLang; audience: ReportAudience }, out: Writable) =>
      exportReport(db, request, out),
    requestExport: (actor: Actor, roundId: string, input: ExportRequest) => requestReportExport(db, actor, roundId, input, clock()),
    job: (actor: Actor, jobId: string) => readJob(db, actor, jobId),
    jobFile: (actor: Actor, jobId: string) => jobFile(db, actor, jobId, dir),
  }
}
export type ReportServices = ReturnType<typeof reportServices>
