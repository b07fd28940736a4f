import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/my-comments'
import { servicesOf } from '../.server/route-helpers.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const comments = await servicesOf(context).consultation.myComments(actor)
  return {
    locale: context.get(requestContext).locale,
    comments: comments.map((c) => ({
      id: c.id,
      draft: c.draft,
      round: c.round,
      body: c.body,
      proposedWording: c.proposedWording,
      organisation: c.organisation,
      status: c.status,
      createdAt: c.createdAt.toISOString(),
      answer: c.answer && { status: c.answer.status, reasoning: c.answer.reasoning, publishedAt: c.answer.publishedAt.toISOString() },
    })),
  }
}

/** "My comments": what a person wrote, where it stands, and the ministry's answer once published. */
export default function MyComments({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { comments, locale } = loaderData
  return (
    <div className="page page--narrow">
      <title>{`${t('myComments.title')} · ${t('app.name')}`}</title>
      <h1>{t('myComments.title')}</h1>
      {comments.length === 0 ? (
        <p className="empty">{t('myComments.empty')}</p>
      ) : (
        <ol className="my-comments">
          {comments.map((c) => (
            <li key={c.id} className="panel">
              <p className="eyebrow">
                <Link to={`/drafts/${c.draft.slug}`}>{c.draft.title}</Link> · {c.round.title}
              </p>
              <p className="muted">
                {formatDateTime(c.createdAt, locale as Locale)}
                {c.organisation && <> · {t('myComments.onBehalf', { organisation: c.organisation })}</>}
                {' · '}
                {t(`draftState.${c.round.state === 'open' ? 'in-consultation' : c.round.state === 'planned' ? 'working-draft' : c.round.state}`)}
              </p>
              <blockquote className="my-comments__body">{c.body}</blockquote>
              {c.proposedWording && (
                <>
                  <p className="muted">{t('myComments.proposed')}</p>
                  <blockquote className="my-comments__body">{c.proposedWording}</blockquote>
                </>
              )}
              {c.answer ? (
                <div className="my-comments__answer">
                  <p>
                    <span className={`badge badge--answer-${c.answer.status}`}>{t(`myComments.answerStatus.${c.answer.status}`)}</span>{' '}
                    <span className="muted">{formatDateTime(c.answer.publishedAt, locale as Locale)}</span>
                  </p>
                  <p>{c.answer.reasoning}</p>
                </div>
              ) : (
                <p className="muted">{t('myComments.noAnswer')}</p>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  )
}
