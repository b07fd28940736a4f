import { useEffect } from 'react'
import { data, Link, useRevalidator } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/job'
import { getActor } from '../.server/auth.ts'
import { servicesOf } from '../.server/route-helpers.ts'

/** How often the page asks again while the export is made: by script, or by the page refreshing itself. */
const POLL_MS = 1_000
const REFRESH_SECONDS = 2

export async function loader({ params, context }: Route.LoaderArgs) {
  const result = await servicesOf(context).report.job(getActor(context), params.jobId)
  if (!result.ok) throw data({ reason: result.reason }, { status: 404 })
  const job = result.value
  return {
    id: job.id,
    state: job.state,
    progress: job.progress,
    total: job.total,
    format: job.format,
    roundId: job.roundId,
  }
}

export function headers() {
  return { 'Cache-Control': 'no-store' }
}

/** The progress of a report export, and the file once it is ready. */
export default function JobPage({ loaderData: job }: Route.ComponentProps) {
  const { t } = useTranslation()
  const revalidator = useRevalidator()
  const working = job.state === 'queued' || job.state === 'running'
  // With JavaScript the page asks the loader again (a small JSON request); without it,
  // the <noscript> refresh below reloads the whole page.
  useEffect(() => {
    if (!working) return
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') void revalidator.revalidate()
    }, POLL_MS)
    return () => clearInterval(timer)
  }, [working, revalidator])
  const percent = job.total > 0 ? Math.round((job.progress / job.total) * 100) : 0
  return (
    <div className="page page--narrow">
      <title>{`${t('job.title')} · ${t('app.name')}`}</title>
      {working && <noscript dangerouslySetInnerHTML={{ __html: `<meta http-equiv="refresh" content="${REFRESH_SECONDS}">` }} />}
      <p className="eyebrow">
        <Link to={`/rounds/${job.roundId}/report`}>{t('job.back')}</Link>
      </p>
      <h1>{t('job.title')}</h1>
      <p className="lead">{t(`report.exports.format.${job.format}`, { ext: `.${job.format}` })}</p>
      <div role="status" aria-live="polite" className="job-status">
        {job.state === 'queued' && <p>{t('job.queued')}</p>}
        {job.state === 'running' && <p>{t('job.running', { done: job.progress, total: job.total })}</p>}
        {job.state === 'done' && <p>{t('job.done')}</p>}
        {job.state === 'failed' && <p className="field__error">{t('job.failed')}</p>}
      </div>
      {working && (
        <p>
          <label htmlFor="job-progress">{t('job.progress')}</label>{' '}
          <progress id="job-progress" max={100} value={percent}>{`${percent} %`}</progress>
        </p>
      )}
      {job.state === 'done' && (
        <p>
          <a className="button" href={`/jobs/${job.id}/download`}>{t('job.download')}</a>
        </p>
      )}
    </div>
  )
}
