import { useFetcher } from 'react-router'
import { useTranslation } from 'react-i18next'
import { CsrfField } from './forms.tsx'
import { REPORT_REASONS } from '../../consultation/moderation-rules.ts'

/** What the report action answers: reported (or reported before), or errors as translation keys. */
export interface ReportActionData {
  done?: 'reported' | 'already-reported'
  errors?: Partial<Record<string, string[]>>
}

/**
 * "Report this comment", under a public comment: anyone, signed in or not. A disclosure
 * with an optional reason; with JavaScript the report is sent in place, without it the
 * form posts to the report page, which confirms it.
 */
export function ReportCommentForm({ roundId, commentId }: { roundId: string; commentId: string }) {
  const { t } = useTranslation()
  const fetcher = useFetcher<ReportActionData>()
  const done = fetcher.data?.done
  const errors = fetcher.data?.errors?.form ?? fetcher.data?.errors?.reason ?? []
  if (done) {
    return (
      <p className="comment-report__done" role="status">
        {t(done === 'reported' ? 'moderation.report.thanks' : 'moderation.report.already')}
      </p>
    )
  }
  const id = `report-reason-${commentId}`
  return (
    <details className="comment-report">
      <summary>{t('moderation.report.open')}</summary>
      <fetcher.Form method="post" action={`/rounds/${roundId}/comments/${commentId}/report`} className="comment-report__form">
        <CsrfField />
        <p className="field__hint">{t('moderation.report.explain')}</p>
        <div className="field">
          <label htmlFor={id}>{t('moderation.report.reason')}</label>
          <select id={id} name="reason" defaultValue="">
            <option value="">{t('moderation.report.noReason')}</option>
            {REPORT_REASONS.map((r) => (
              <option key={r} value={r}>{t(`moderation.reportReason.${r}`)}</option>
            ))}
          </select>
        </div>
        {errors.length > 0 && (
          <p className="field__error" role="alert">{errors.map((e) => t(e)).join(' ')}</p>
        )}
        <button type="submit" className="button button--secondary button--small" disabled={fetcher.state !== 'idle'}>
          {t('moderation.report.submit')}
        </button>
      </fetcher.Form>
    </details>
  )
}
