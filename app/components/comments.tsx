import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { INLINE_REPORT_ATTRIBUTE, ReportCommentForm } from './comment-report.tsx'
import { ChangeLink, type ChangeLinkView } from './change-link.tsx'
import { AttachmentList, type AttachmentLinkView } from './attachments.tsx'
import { WordRuns } from './comparison.tsx'
import type { WordChange } from '../../drafting/diff.ts'

/** Who a published comment is shown as (see consultation/comments.ts: CommentAuthor). */
export type CommentAuthorView = { kind: 'organisation'; name: string } | { kind: 'person'; name: string } | { kind: 'anonymous' }

/** Where in an article a comment points: a paragraph, or a point of a paragraph. */
export interface CommentUnitView {
  kind: 'article' | 'paragraph' | 'point'
  paragraphLabel: string | null
  pointLabel: string | null
}

/** A published comment as the reading page shows it. */
export interface CommentView {
  id: string
  articleNodeId: string | null
  /** The unit inside the article, when the comment is about less than the whole article. */
  unit: CommentUnitView | null
  body: string
  proposedWording: string | null
  /** The proposal as a change of the unit's current text (null for a comment on the draft as a whole). */
  proposalChanges?: WordChange[] | null
  createdAt: string
  author: CommentAuthorView
  /** When the author last changed it; the earlier text is kept. */
  editedAt?: string | null
  /** letter, email or hearing when staff entered it for the sender. */
  channel?: string
  /** Public replies, oldest first (one level deep). */
  replies?: CommentView[]
  /** The institution's answer, once public, and the change in the text it led to, if any. */
  answer?: { status: string; reasoning: string; change?: ChangeLinkView | null } | null
  /** The author's files, and whether a scanned letter is on file (never linked in public). */
  attachments?: AttachmentLinkView[]
  letterOnFile?: boolean
}

/** "stav (2)", "stav (2), tačka a)", or nothing for a whole article, in the interface's language. */
export function useUnitLabel() {
  const { t } = useTranslation()
  return (unit: CommentUnitView | null): string | null => {
    if (!unit || unit.kind === 'article') return null
    if (unit.kind === 'paragraph') return unit.paragraphLabel ? t('comment.unit.paragraph', { paragraph: unit.paragraphLabel }) : null
    return unit.paragraphLabel
      ? t('comment.unit.point', { paragraph: unit.paragraphLabel, point: unit.pointLabel })
      : t('comment.unit.pointOnly', { point: unit.pointLabel })
  }
}

/**
 * Published comments, oldest first: who, on what, when, the comment and any proposed
 * wording. With `roundId`, each comment offers readers to report it.
 */
export function CommentList({ comments, locale, roundId, reportAs = 'form', replyHref, replyLinkAttributes }: {
  comments: CommentView[]
  locale: Locale
  roundId?: string
  /** Where to reply to a comment, while the round is open; absent: no reply links. */
  replyHref?: (commentId: string) => string
  /** Attributes of the reply links (the mark that opens the form in place for a signed-in reader). */
  replyLinkAttributes?: Record<string, string>
  /** `link`: a link to the report page instead of the form under every comment (long pages stay light). */
  reportAs?: 'form' | 'link'
}) {
  const { t } = useTranslation()
  const unitLabel = useUnitLabel()
  return (
    <ol className="comment-list">
      {comments.map((c) => {
        const unit = unitLabel(c.unit)
        return (
          <li key={c.id} className="comment" id={`komentar-${c.id}`}>
            <p className="comment__meta">
              <span className="comment__author">{c.author.kind === 'anonymous' ? t('comment.anonymous') : c.author.name}</span>
              {c.author.kind === 'organisation' && (
                <>
                  {' '}
                  <span className="badge badge--organisation">{t('comment.onBehalf')}</span>
                </>
              )}
              {unit && (
                <>
                  {' · '}
                  <span className="comment__unit">{unit}</span>
                </>
              )}
              {' · '}
              <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, locale)}</time>
              {c.editedAt && (
                <>
                  {' · '}
                  <span className="comment__edited">{t('comment.edited')}</span>
                </>
              )}
              {c.channel && c.channel !== 'online' && (
                <>
                  {' · '}
                  <span className="comment__channel">{t(`comment.channel.${c.channel}`)}</span>
                </>
              )}
            </p>
            <p className="comment__body">{c.body}</p>
            {c.proposedWording && (
              <div className="comment__proposal">
                <p className="comment__proposal-label">{t('comment.proposedWording')}</p>
                <blockquote className="comment__proposal-text">
                  {c.proposalChanges ? <WordRuns changes={c.proposalChanges} /> : c.proposedWording}
                </blockquote>
              </div>
            )}
            <AttachmentList attachments={c.attachments ?? []} letterOnFile={c.letterOnFile} locale={locale} />
            {c.answer && (
              <div className={`comment__answer comment__answer--${c.answer.status}`}>
                <p className="comment__answer-label">
                  {t('comment.answerLabel')} <span className="badge">{t(`myComments.answerStatus.${c.answer.status}`)}</span>
                </p>
                <p>{c.answer.reasoning}</p>
                {c.answer.change && <ChangeLink change={c.answer.change} />}
              </div>
            )}
            {replyHref && (
              <p className="comment__reply-link">
                <Link to={replyHref(c.id)} {...replyLinkAttributes}>{t('comment.reply')}</Link>
              </p>
            )}
            {c.replies && c.replies.length > 0 && (
              <div className="comment__replies" aria-label={t('comment.repliesLabel', { count: c.replies.length })} role="group">
                <CommentList comments={c.replies} locale={locale} roundId={roundId} reportAs="link" />
              </div>
            )}
            {roundId && reportAs === 'form' && <ReportCommentForm roundId={roundId} commentId={c.id} />}
            {roundId && reportAs === 'link' && (
              <p className="comment-report">
                <Link to={`/rounds/${roundId}/comments/${c.id}/report`} rel="nofollow" {...{ [INLINE_REPORT_ATTRIBUTE]: '' }}>{t('moderation.report.open')}</Link>
              </p>
            )}
          </li>
        )
      })}
    </ol>
  )
}
