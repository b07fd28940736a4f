import { useEffect, useState, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useFetcher } from 'react-router'
import { useTranslation } from 'react-i18next'
import { CsrfField } from './forms.tsx'
import { REPORT_REASONS } from '../../consultation/moderation-rules.ts'
import { wantsLink } from './inline-comment.tsx'

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
export function ReportCommentForm({ roundId, commentId, open }: { roundId: string; commentId: string; open?: boolean }) {
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
    <details className="comment-report" open={open}>
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

/** Marks a report link rendered as static HTML for InlineReportHost. */
export const INLINE_REPORT_ATTRIBUTE = 'data-inline-report'
const REPORT_HREF = /^\/rounds\/([^/]+)\/comments\/([^/]+)\/report$/

/**
 * For pages whose comments are static HTML rendered once (app/.server/round-page.ts): one
 * listener on `root` turns a click on a report link (marked with INLINE_REPORT_ATTRIBUTE)
 * into the report form in place, under that comment, sent without leaving the page.
 * Without JavaScript the link leads to the report page, which has the same form.
 */
export function InlineReportHost({ root }: { root: RefObject<HTMLElement | null> }) {
  const [open, setOpen] = useState<{ roundId: string; commentId: string; mount: HTMLElement }[]>([])

  useEffect(() => {
    const element = root.current
    if (!element) return
    const onClick = (event: MouseEvent) => {
      if (wantsLink(event)) return
      const link = (event.target as Element | null)?.closest?.(`a[${INLINE_REPORT_ATTRIBUTE}]`)
      if (!(link instanceof HTMLAnchorElement) || !element.contains(link)) return
      const match = REPORT_HREF.exec(new URL(link.href).pathname)
      if (!match) return
      event.preventDefault()
      const [, roundId, commentId] = match as unknown as [string, string, string]
      // The form takes the link's place under the comment.
      const holder = link.closest('p') ?? link
      const mount = document.createElement('div')
      holder.after(mount)
      holder.setAttribute('hidden', '')
      setOpen((list) => [...list.filter((o) => o.mount.isConnected && o.commentId !== commentId), { roundId, commentId, mount }])
    }
    element.addEventListener('click', onClick)
    return () => element.removeEventListener('click', onClick)
  }, [root])

  return <>{open.filter((o) => o.mount.isConnected).map((o) => createPortal(<ReportCommentForm roundId={o.roundId} commentId={o.commentId} open />, o.mount, o.commentId))}</>
}
