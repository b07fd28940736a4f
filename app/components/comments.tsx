import { useTranslation } from 'react-i18next'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

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
  createdAt: string
  author: CommentAuthorView
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

/** Published comments, oldest first: who, on what, when, the comment and any proposed wording. */
export function CommentList({ comments, locale }: { comments: CommentView[]; locale: Locale }) {
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
            </p>
            <p className="comment__body">{c.body}</p>
            {c.proposedWording && (
              <div className="comment__proposal">
                <p className="comment__proposal-label">{t('comment.proposedWording')}</p>
                <blockquote className="comment__proposal-text">{c.proposedWording}</blockquote>
              </div>
            )}
          </li>
        )
      })}
    </ol>
  )
}
