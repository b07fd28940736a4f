import { PassThrough, Readable } from 'node:stream'
import { data, redirect } from 'react-router'
import type { Route } from './+types/round-report-file'
import { requestContext } from '../.server/context.ts'
import { getActor } from '../.server/auth.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { CONTENT_TYPES, REPORT_FORMATS, type ReportFormat } from '../../consultation/report/formats.ts'
import { REPORT_LANGS, type ReportLang } from '../../consultation/report/model.ts'

/** `report.docx` → docx: the format is the path's extension (one route file, four paths). */
function formatOf(request: Request): ReportFormat | null {
  const ext = new URL(request.url).pathname.split('.').pop()
  return (REPORT_FORMATS as readonly string[]).includes(ext ?? '') ? (ext as ReportFormat) : null
}

/**
 * A report export, at a stable address: /rounds/:roundId/report.docx (.xlsx, .csv, .json),
 * for anyone once the report is published (before that, for the people preparing it), in
 * the interface's language or `?lang=`. Small reports stream straight back; large ones are
 * made by the worker, and the request goes to the job's page.
 */
export async function loader({ request, params, context }: Route.LoaderArgs) {
  const format = formatOf(request)
  if (!format) throw data({ reason: 'not-found' }, { status: 404 })
  const asked = new URL(request.url).searchParams.get('lang')
  const lang: ReportLang = asked && (REPORT_LANGS as readonly string[]).includes(asked) ? (asked as ReportLang) : context.get(requestContext).locale
  const actor = getActor(context)
  const report = servicesOf(context).report
  const plan = await report.planExport(actor, params.roundId, format)
  if (!plan.ok) throw data({ reason: plan.reason }, { status: 404 })
  if (!plan.value.direct) {
    const job = await report.requestExport(actor, params.roundId, { format, lang })
    if (!job.ok) throw data({ reason: job.reason }, { status: 404 })
    return redirect(`/jobs/${job.value.jobId}`)
  }
  const body = new PassThrough()
  report.exportNow({ roundId: params.roundId, format, lang, audience: plan.value.audience }, body).then(
    () => body.end(),
    (error: unknown) => body.destroy(error as Error),
  )
  const fileName = plan.value.fileName(lang)
  return new Response(Readable.toWeb(body) as ReadableStream, {
    headers: {
      'Content-Type': CONTENT_TYPES[format],
      'Content-Disposition': `attachment; filename="${fileName}"`,
      'Cache-Control': plan.value.audience === 'public' ? 'public, max-age=300' : 'private, no-store',
    },
  })
}
