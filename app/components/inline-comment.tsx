import { useEffect, useId, useRef, useState, type MouseEvent, type ReactNode } from 'react'
import { Link, useFetcher } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { action as commentAction, loader as commentLoader } from '../routes/round-comment.tsx'
import { CommentFormFields } from './comment-form.tsx'
import { Notice } from './forms.tsx'

/** Opening one inline form closes any other on the page (their fields share ids). */
const OPEN_EVENT = 'nacrt:inline-comment-open'

/**
 * A link to the comment form (/rounds/:id/comment?target=…) that, with JavaScript and a
 * signed-in reader, opens the same form in place and posts it without leaving the page:
 * the form comes from the comment route's loader, the answer from its action (`inline=1`
 * asks for data instead of a redirect), and the page's loaders revalidate, so counts and
 * previews show the new comment. Without JavaScript — or for someone not signed in, whose
 * link goes to the log-in page — it is a plain link to the comment page.
 *
 * `children` places the link (in a bar with the count, say); the form opens after it.
 */
export function InlineComment({ href, label, inline, className, children }: {
  href: string
  label: string
  /** False: always a plain link (the reader is not signed in). */
  inline: boolean
  className?: string
  children?: (link: ReactNode) => ReactNode
}) {
  const { t } = useTranslation()
  const key = useId()
  const [opened, setOpened] = useState(0)
  const [sent, setSent] = useState<string | null>(null)
  const trigger = useRef<HTMLAnchorElement>(null)
  const region = useRef<HTMLDivElement>(null)
  const form = useFetcher<typeof commentLoader>({ key: `comment-form${key}` })
  // A fresh fetcher each time the form opens: errors of an earlier attempt do not linger.
  const send = useFetcher<typeof commentAction>({ key: `comment-send${key}-${opened}` })
  const open = opened > 0 && sent === null

  useEffect(() => {
    const close = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== key) setOpened(0)
    }
    window.addEventListener(OPEN_EVENT, close)
    return () => window.removeEventListener(OPEN_EVENT, close)
  }, [key])

  const result = send.state === 'idle' ? send.data : undefined
  useEffect(() => {
    if (result && 'sent' in result) setSent(result.sent.status)
  }, [result])

  const view = form.state === 'idle' ? form.data : undefined
  // The form, once it has come, takes the focus: the reader asked to write.
  useEffect(() => {
    if (open && view) region.current?.querySelector('textarea')?.focus()
  }, [open, view])

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!inline || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return
    event.preventDefault()
    window.dispatchEvent(new CustomEvent(OPEN_EVENT, { detail: key }))
    setSent(null)
    setOpened((n) => n + 1)
    void form.load(href)
  }
  const close = () => {
    setOpened(0)
    trigger.current?.focus()
  }

  const link = (
    <Link ref={trigger} to={href} className={className} onClick={onClick} aria-expanded={inline ? open : undefined}>
      {label}
    </Link>
  )
  const errors = result && 'errors' in result ? result.errors : undefined
  return (
    <>
      {children ? children(link) : link}
      {sent !== null && (
        <Notice>
          <p>{t(sent === 'pending' ? 'moderation.submittedPending' : 'comment.submitted')}</p>
        </Notice>
      )}
      {open && (
        <div ref={region} className="inline-comment panel" role="region" aria-label={label}>
          {!view ? (
            <p className="muted" role="status">{form.state === 'idle' ? t('comment.inline.failed') : t('comment.inline.loading')}</p>
          ) : !view.canComment ? (
            <div className="alert alert--error" role="alert">
              <p>{t('comment.form.closed')}</p>
            </div>
          ) : (
            <CommentFormFields
              key={view.clientKey}
              form={view}
              errors={errors}
              hidden={<input type="hidden" name="inline" value="1" />}
              renderForm={(fields) => (
                <send.Form method="post" action={href} encType="multipart/form-data" className="stack" noValidate>
                  {fields}
                </send.Form>
              )}
              actions={
                <>
                  <button type="submit" className="button" disabled={send.state !== 'idle'}>
                    {send.state === 'idle' ? t('comment.form.submit') : t('comment.inline.sending')}
                  </button>
                  <button type="button" className="button button--secondary" onClick={close}>{t('comment.form.cancel')}</button>
                </>
              }
            />
          )}
        </div>
      )}
    </>
  )
}
