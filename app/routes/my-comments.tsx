import { Link } from 'react-router'
import { Notice } from '../components/forms.tsx'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/my-comments'
import { servicesOf } from '../.server/route-helpers.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { ModerationStatus } from '../components/moderation-status.tsx'
import { ChangeLink } from '../components/change-link.tsx'
import { AttachmentList } from '../components/attachments.tsx'
import { useUnitLabel } from '../components/comments.tsx'
import type { MyCommentTarget } from '../../consultation/my-comments.ts'

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const comments = await servicesOf(context).consultation.myComments(actor)
  const search = new URL(request.url).searchParams
  return {
    locale: context.get(requestContext).locale,
    changed: search.get('edited') === '1' ? 'edited' : search.get('withdrawn') === '1' ? 'withdrawn' : null,
    comments: comments.map((c) => ({
      id: c.id,
      draft: c.draft,
      round: c.round,
      target: c.target,
      body: c.body,
      proposedWording: c.proposedWording,
      organisation: c.organisation,
      status: c.status,
      hiddenReason: c.hiddenReason,
      redacted: c.redacted,
      createdAt: c.createdAt.toISOString(),
      edited: c.editedAt !== null,
      withdrawn: c.withdrawnAt !== null,
      answer: c.answer && { status: c.answer.status, reasoning: c.answer.reasoning, publishedAt: c.answer.publishedAt.toISOString(), change: c.answer.change },
      attachments: c.attachments,
    })),
  }
}

/** What a comment is about, in words: "Član 5., stav (2)", "Obrazloženje: …", "Nacrt u cjelini", or a reply to a comment on one of them. */
function useTargetLabel() {
  const { t } = useTranslation()
  const unitLabel = useUnitLabel()
  return (target: MyCommentTarget): string => {
    const about =
      target.kind === 'draft'
        ? t('myComments.target.draft')
        : target.kind === 'memorandum'
          ? target.memorandumHeading ? t('myComments.target.memorandumSection', { heading: target.memorandumHeading }) : t('myComments.target.memorandum')
          : target.articleLabel
            ? [target.articleLabel, unitLabel({ kind: target.kind, paragraphLabel: target.paragraphLabel, pointLabel: target.pointLabel })].filter(Boolean).join(', ')
            : t('myComments.target.unit')
    return target.reply ? t('myComments.target.reply', { target: about }) : about
  }
}

/** "My comments": what a person wrote, where it stands, and the ministry's answer once published. */
export default function MyComments({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const targetLabel = useTargetLabel()
  const { comments, locale, changed } = loaderData
  return (
    <div className="page page--narrow">
      <title>{`${t('myComments.title')} · ${t('app.name')}`}</title>
      <h1>{t('myComments.title')}</h1>
      {changed && <Notice><p>{t(`myComments.${changed}`)}</p></Notice>}
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
              <p className="my-comments__target">
                {t('myComments.target.about')}{' '}
                <Link to={`/rounds/${c.round.id}#${c.target.anchor}`}>{targetLabel(c.target)}</Link>
              </p>
              <ModerationStatus status={c.status} hiddenReason={c.hiddenReason} redacted={c.redacted} />
              {c.withdrawn && <p><span className="badge badge--withdrawn">{t('myComments.withdrawnBadge')}</span></p>}
              {c.edited && !c.withdrawn && <p className="muted">{t('comment.edited')}</p>}
              <blockquote className="my-comments__body">{c.body}</blockquote>
              {c.round.state === 'open' && !c.withdrawn && (
                <p><Link to={`/comments/${c.id}/edit`}>{t('myComments.editOrWithdraw')}</Link></p>
              )}
              {c.proposedWording && (
                <>
                  <p className="muted">{t('myComments.proposed')}</p>
                  <blockquote className="my-comments__body">{c.proposedWording}</blockquote>
                </>
              )}
              <AttachmentList attachments={c.attachments} locale={locale as Locale} />
              {c.answer ? (
                <div className="my-comments__answer">
                  <p>
                    <span className={`badge badge--answer-${c.answer.status}`}>{t(`myComments.answerStatus.${c.answer.status}`)}</span>{' '}
                    <span className="muted">{formatDateTime(c.answer.publishedAt, locale as Locale)}</span>
                  </p>
                  <p>{c.answer.reasoning}</p>
                  {c.answer.change && <ChangeLink change={c.answer.change} />}
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
