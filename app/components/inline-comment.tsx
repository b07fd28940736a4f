import { useEffect, useRef, useState, type RefObject } from 'react'
import { createPortal } from 'react-dom'
import { useFetcher } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { action as commentAction, loader as commentLoader } from '../routes/round-comment.tsx'
import { CommentFormFields } from './comment-form.tsx'
import { Notice } from './forms.tsx'

/** Whether a click asks for the link's own behaviour (a new tab, say) rather than the form in place. */
export const wantsLink = (event: { button: number; metaKey: boolean; ctrlKey: boolean; shiftKey: boolean; altKey: boolean }) =>
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
        <>
        {view.parent && (
          <>
            <p className="muted">{t('comment.form.replyTo', { author: view.parent.author.kind === 'anonymous' ? t('comment.anonymous') : view.parent.author.name })}</p>
            <blockquote className="comment__body">{view.parent.body}</blockquote>
          </>
        )}
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
        </>
      )}
    </div>
  )
}

/** Marks a comment link rendered as static HTML for InlineCommentHost. */
export const INLINE_COMMENT_ATTRIBUTE = 'data-inline-comment'
const INLINE_COMMENT_LINK = 'a[data-inline-comment]'

/**
 * For the pages that show a round's comment sections (the round page, where they are static
 * HTML rendered once, and the draft page): one listener on `root` opens the form in place
 * after the section of any link marked with INLINE_COMMENT_ATTRIBUTE, instead of a React
 * component per link; one form at a time is open (their fields share ids). The form goes in
 * an element of its own beside the section, so that the section's HTML can be replaced when
 * the comments change without losing it. Without JavaScript the links lead to the comment page.
 */
export function InlineCommentHost({ root }: { root: RefObject<HTMLElement | null> }) {
  const [open, setOpen] = useState<{ href: string; label: string; mount: HTMLElement; opener: HTMLAnchorElement; n: number } | null>(null)

  useEffect(() => {
    const element = root.current
    if (!element) return
    const onClick = (event: MouseEvent) => {
      if (wantsLink(event)) return
      const link = (event.target as Element | null)?.closest?.(INLINE_COMMENT_LINK)
      if (!(link instanceof HTMLAnchorElement) || !element.contains(link)) return
      event.preventDefault()
      const after = link.closest('.article-comments') ?? link.closest('p') ?? link
      const mount = document.createElement('div')
      mount.className = 'inline-comment-mount'
      after.after(mount)
      const url = new URL(link.href)
      setOpen((previous) => ({ href: `${url.pathname}${url.search}`, label: link.textContent ?? '', mount, opener: link, n: (previous?.n ?? 0) + 1 }))
    }
    element.addEventListener('click', onClick)
    return () => element.removeEventListener('click', onClick)
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
