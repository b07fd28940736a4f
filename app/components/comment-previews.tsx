import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { CommentList, type CommentView } from './comments.tsx'
import { INLINE_COMMENT_ATTRIBUTE } from './inline-comment.tsx'
import type { Locale } from '../i18n/locales.ts'

/** A section of a round's page that comments are grouped under. */
export type PreviewSection = { kind: 'article'; id: string; number: string; anchor: string } | { kind: 'general' } | { kind: 'memorandum' }

/** The key of a section's previews and counts: the article's stable id, "general" or "memorandum". */
export function previewKey(section: PreviewSection): string {
  return section.kind === 'article' ? section.id : section.kind
}

/** Where a reader goes to comment on the round (on a unit, or replying): the form, or the login first. */
export function commentHref(roundId: string, signedIn: boolean, query: { target?: string; replyTo?: string } = {}): string {
  const url = `/rounds/${roundId}/comment${query.target ? `?target=${encodeURIComponent(query.target)}` : query.replyTo ? `?replyTo=${encodeURIComponent(query.replyTo)}` : ''}`
  return signedIn ? url : `/login?redirectTo=${encodeURIComponent(url)}`
}

/**
 * Under an article of a draft in consultation (or the general section, or the memorandum):
 * the count, a link to comment (opened in place by InlineCommentHost for a signed-in reader)
 * and one to share the article, the first comments, and "all N". Plain HTML — links, no
 * state: the round page renders it once per change of the round's comments
 * (app/.server/round-page.ts); the draft page renders it with the page, its comments folded
 * under `folded` and reported through a small form in place.
 */
export function StaticSectionComments({ section, count, shown, round, signedIn, locale, folded, reportAs = 'link', share = true }: {
  section: PreviewSection
  count: number
  shown: CommentView[]
  round: { id: string; open: boolean }
  signedIn: boolean
  locale: Locale
  /** The summary of a <details> the first comments fold into; absent: shown openly. */
  folded?: string
  reportAs?: 'link' | 'form'
  /** A link to the article on the round's page. */
  share?: boolean
}) {
  const { t } = useTranslation()
  const allHref = `/rounds/${round.id}/comments?section=${encodeURIComponent(section.kind === 'article' ? `article:${section.id}` : section.kind)}`
  const commentLink = round.open && section.kind !== 'memorandum'
    ? {
        href: commentHref(round.id, signedIn, section.kind === 'article' ? { target: section.id } : {}),
        label: section.kind === 'article' ? t('comment.commentArticle', { number: section.number }) : t('comment.commentDraft'),
      }
    : null
  const replyHref = round.open ? (commentId: string) => commentHref(round.id, signedIn, { replyTo: commentId }) : undefined
  const list = (
    <>
      <CommentList comments={shown} locale={locale} roundId={round.id} reportAs={reportAs} replyHref={replyHref} replyLinkAttributes={signedIn ? { [INLINE_COMMENT_ATTRIBUTE]: '' } : undefined} />
      {count > shown.length && (
        <p>
          <Link to={allHref}>{t('round.public.allComments', { count })}</Link>
        </p>
      )}
    </>
  )
  return (
    <>
      <p className="article-comments__bar">
        <span className="article-comments__count">{t('home.comments', { count })}</span>
        {commentLink && <> · <Link to={commentLink.href} {...(signedIn ? { [INLINE_COMMENT_ATTRIBUTE]: '' } : {})}>{commentLink.label}</Link></>}
        {share && section.kind === 'article' && (
          <> · <a href={`/rounds/${round.id}#${section.anchor}`} className="article-comments__share">{t('round.public.shareLink')}</a></>
        )}
      </p>
      {shown.length > 0 && (folded ? <details className="article-comments__list"><summary>{folded}</summary>{list}</details> : list)}
    </>
  )
}
