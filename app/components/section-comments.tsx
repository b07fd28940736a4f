import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../i18n/locales.ts'
import { CommentList, type CommentView } from './comments.tsx'
import { InlineComment } from './inline-comment.tsx'

/**
 * Under an article (or the memorandum, or the general section) of a draft under
 * consultation: the count, a link to comment (inline with JavaScript), a shareable link,
 * the first comments, and "all N" one click away. The round page lists the first comments
 * openly; the draft page folds them under `collapsedLabel`.
 */
export function SectionComments(props: {
  count: number
  shown: CommentView[]
  allHref: string
  /** The comment form's address; null when commenting is not possible. */
  commentHref: string | null
  commentLabel: string
  /** Open the form in place (a signed-in reader); otherwise the link leads away. */
  inline: boolean
  shareHref: string | null
  locale: Locale
  roundId: string
  replyHref?: (commentId: string) => string
  collapsedLabel?: string
  /** How a reader reports a comment: a link to a page, or a small form in place. */
  reportAs?: 'link' | 'form'
}) {
  const { t } = useTranslation()
  const { count, shown, allHref, commentHref, commentLabel, shareHref, locale, roundId, replyHref, collapsedLabel } = props
  const bar = (link: ReactNode | null) => (
    <p className="article-comments__bar">
      <span className="article-comments__count">{t('home.comments', { count })}</span>
      {link && <> · {link}</>}
      {shareHref && <> · <a href={shareHref} className="article-comments__share">{t('round.public.shareLink')}</a></>}
    </p>
  )
  const list = (
    <>
      <CommentList comments={shown} locale={locale} roundId={roundId} reportAs={props.reportAs ?? 'link'} replyHref={replyHref} />
      {count > shown.length && (
        <p>
          <Link to={allHref}>{t('round.public.allComments', { count })}</Link>
        </p>
      )}
    </>
  )
  return (
    <div className="article-comments">
      {commentHref ? <InlineComment href={commentHref} label={commentLabel} inline={props.inline}>{bar}</InlineComment> : bar(null)}
      {shown.length > 0 &&
        (collapsedLabel ? (
          <details className="article-comments__list">
            <summary>{collapsedLabel}</summary>
            {list}
          </details>
        ) : (
          list
        ))}
    </div>
  )
}
