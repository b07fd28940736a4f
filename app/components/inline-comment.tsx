import { useEffect, useId, useRef, useState, type MouseEvent, type ReactNode, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { Link, useFetcher } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { action as commentAction, loader as commentLoader } from '../routes/round-comment.tsx'
import { CommentFormFields } from './comment-form.tsx'
import { Notice } from './forms.tsx'

/** Opening one inline form closes any other on the page (their fields share ids). */
const OPEN_EVENT = 'nacrt:inline-comment-open'

/** Whether a click asks for the link's own behaviour (a new tab, say) rather than the form in place. */
const wantsLink = (event: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }) =>
  event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey

/**
 * The comment form of /rounds/:id/comment?target=… opened in place: the form comes from
 * the comment route's loader (a fresh idempotency key each time), the answer from its
 * action (`inline=1` asks for data instead of a redirect), and the page's loaders
 * revalidate, so counts and previews show the new comment. Mounted once per opening.
 */
export function InlineCommentPanel({ href, label, onClose }: { href: string; label: string; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useFetcher<typeof commentLoader>()
  const send = useFetcher<typeof commentAction>()
  const region = useRef<HTMLDivElement>(null)
  const notice = useRef<HTMLDivElement>(null)

  useEffect(() => {
    void form.load(href)
    // Loaded once per opening: the panel is mounted afresh each time.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [href])

  const view = form.state === 'idle' ? form.data : undefined
  const result = send.state === 'idle' ? send.data : undefined
  const sent = result && 'sent' in result ? result.sent.status : null
  const errors = result && 'errors' in result ? result.errors : undefined

  // The form, once it has come, takes the focus: the reader asked to write.
  useEffect(() => {
    if (view && !sent) region.current?.querySelector('textarea')?.focus()
  }, [view, sent])
  useEffect(() => {
    if (sent) notice.current?.focus()
  }, [sent])

  if (sent) {
    return (
      <div ref={notice} tabIndex={-1}>
        <Notice>
          <p>{t(sent === 'pending' ? 'moderation.submittedPending' : 'comment.submitted')}</p>
        </Notice>
      </div>
    )
  }
  return (
    <div ref={region} className="inline-comment panel" role="region" aria-label={label}>
      {!view ? (
        <p className="muted" role="status">{form.state === 'idle' ? t('comment.inline.failed') : t('comment.inline.loading')}</p>
      ) : !view.canComment ? (
        <div className="alert alert--error" role="alert">
          <p>{t('comment.form.closed')}</p>
        </div>
      ) : (
        <CommentFormFields
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
              <button type="button" className="button button--secondary" onClick={onClose}>{t('comment.form.cancel')}</button>
            </>
          }
        />
      )}
    </div>
  )
}

/**
 * A link to the comment form that, with JavaScript and a signed-in reader, opens the form
 * in place (InlineCommentPanel). Without JavaScript — or for someone not signed in, whose
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
  const key = useId()
  const [opened, setOpened] = useState(0)
  const trigger = useRef<HTMLAnchorElement>(null)

  useEffect(() => {
    const close = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== key) setOpened(0)
    }
    window.addEventListener(OPEN_EVENT, close)
    return () => window.removeEventListener(OPEN_EVENT, close)
  }, [key])

  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!inline || wantsLink(event)) return
    event.preventDefault()
    window.dispatchEvent(new CustomEvent(OPEN_EVENT, { detail: key }))
    setOpened((n) => n + 1)
  }
  const close = () => {
    setOpened(0)
    trigger.current?.focus()
  }

  const link = (
    <Link ref={trigger} to={href} className={className} onClick={onClick} aria-expanded={inline ? opened > 0 : undefined}>
      {label}
    </Link>
  )
  return (
    <>
      {children ? children(link) : link}
      {opened > 0 && <InlineCommentPanel key={opened} href={href} label={label} onClose={close} />}
    </>
  )
}

/** Marks a comment link rendered as static HTML for InlineCommentHost. */
export const INLINE_COMMENT_ATTRIBUTE = 'data-inline-comment'
const INLINE_COMMENT_LINK = 'a[data-inline-comment]'

/**
 * For pages whose comment links are static HTML rendered once (the round page): one
 * listener on `root` opens the form in place after the section of any link marked with
 * INLINE_COMMENT_ATTRIBUTE, instead of a React component per link. The form goes in an
 * element of its own beside the section, so that the section's HTML can be replaced when
 * the comments change without losing it.
 */
export function InlineCommentHost({ root }: { root: RefObject<HTMLElement | null> }) {
  const [open, setOpen] = useState<{ href: string; label: string; mount: HTMLElement; opener: HTMLAnchorElement; n: number } | null>(null)

  useEffect(() => {
    const element = root.current
    if (!element) return
    const onClick = (event: globalThis.MouseEvent) => {
      if (wantsLink(event)) return
      const link = (event.target as Element | null)?.closest?.(INLINE_COMMENT_LINK)
      if (!(link instanceof HTMLAnchorElement) || !element.contains(link)) return
      event.preventDefault()
      window.dispatchEvent(new CustomEvent(OPEN_EVENT, { detail: 'host' }))
      const after = link.closest('.article-comments') ?? link.closest('p') ?? link
      const mount = document.createElement('div')
      mount.className = 'inline-comment-mount'
      after.after(mount)
      const url = new URL(link.href)
      setOpen((previous) => ({ href: `${url.pathname}${url.search}`, label: link.textContent ?? '', mount, opener: link, n: (previous?.n ?? 0) + 1 }))
    }
    const closeOthers = (event: Event) => {
      if ((event as CustomEvent<string>).detail !== 'host') setOpen(null)
    }
    element.addEventListener('click', onClick)
    window.addEventListener(OPEN_EVENT, closeOthers)
    return () => {
      element.removeEventListener('click', onClick)
      window.removeEventListener(OPEN_EVENT, closeOthers)
    }
  }, [root])

  // The element made for a form goes when the form does (closed, or another one opened).
  useEffect(() => () => open?.mount.remove(), [open])

  if (!open) return null
  const close = () => {
    // The link may have been replaced with the section's new HTML: focus the one there now.
    const opener = open.opener.isConnected ? open.opener : open.mount.previousElementSibling?.querySelector<HTMLAnchorElement>(INLINE_COMMENT_LINK)
    setOpen(null)
    opener?.focus()
  }
  return createPortal(<InlineCommentPanel key={open.n} href={open.href} label={open.label} onClose={close} />, open.mount)
}
