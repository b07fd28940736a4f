import { data, Form, Link, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/comment-report'
import { CommentReportInput } from '../../consultation/moderation-inputs.ts'
import { REPORT_REASONS } from '../../consultation/moderation-rules.ts'
import { getActor } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { invalid, parseForm } from '../.server/forms.ts'
import { mailContextOf, servicesOf } from '../.server/route-helpers.ts'
import { CsrfField, FormErrors, Notice, Select } from '../components/forms.tsx'
import type { ReportActionData } from '../components/comment-report.tsx'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

/** The comment to report, shown with its public text; or, once it is no longer public, only where it was. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const found = await servicesOf(context).moderation.reportable({ roundId: params.roundId, commentId: params.commentId })
  if (!found.ok) throw data({ reason: found.reason }, { status: 404 })
  const { comment, draft, round } = found.value
  return {
    locale: context.get(requestContext).locale,
    draft: { slug: draft.slug, title: draft.title },
    round: { id: round.id, title: round.title },
    comment: comment && { id: comment.id, text: comment.text, createdAt: comment.createdAt.toISOString(), author: comment.author },
  }
}

/** Anyone reports a public comment: once per account, or per address for readers not signed in. */
export async function action({ request, context, params }: Route.ActionArgs) {
  const parsed = await parseForm(request, CommentReportInput)
  if (!parsed.ok) return invalid(parsed.errors)
  const services = servicesOf(context)
  const { clientIp } = context.get(requestContext)
  const wait = await services.rateLimits.consume('reportPerIp', clientIp)
  if (wait !== null) {
    const errors: Partial<Record<string, string[]>> = { form: ['errors.rateLimited'] }
    return data({ errors }, { status: 429, headers: { 'Retry-After': String(wait) } })
  }
  const ref = { roundId: params.roundId, commentId: params.commentId }
  const result = await services.moderation.report(getActor(context), clientIp, ref, parsed.data, mailContextOf(context, request))
  if (!result.ok) {
    if (result.reason === 'already-reported') return { done: 'already-reported' } satisfies ReportActionData
    return invalid({ form: [`moderation.errors.${result.reason}`] }, 404)
  }
  return { done: 'reported' } satisfies ReportActionData
}

export default function CommentReportPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>() as ReportActionData | undefined
  const { draft, round, comment, locale } = loaderData
  const back = `/drafts/${draft.slug}#komentari`
  return (
    <div className="page page--narrow">
      <title>{`${t('moderation.report.title')} · ${draft.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={back}>{draft.title}</Link> · {round.title}
      </p>
      <h1>{t('moderation.report.title')}</h1>
      {actionData?.done ? (
        <Notice>
          <p>{t(actionData.done === 'reported' ? 'moderation.report.thanks' : 'moderation.report.already')}</p>
        </Notice>
      ) : comment ? (
        <>
          <figure className="panel">
            <blockquote className="comment__body">{comment.text}</blockquote>
            <figcaption className="muted">
              {comment.author.kind === 'anonymous' ? t('comment.anonymous') : comment.author.name}
              {' · '}
              <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale as Locale)}</time>
            </figcaption>
          </figure>
          <p>{t('moderation.report.explain')}</p>
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <FormErrors errors={actionData?.errors} />
            <Select
              name="reason"
              label={t('moderation.report.reason')}
              errors={actionData?.errors}
              options={[{ value: '', label: t('moderation.report.noReason') }, ...REPORT_REASONS.map((r) => ({ value: r, label: t(`moderation.reportReason.${r}`) }))]}
            />
            <div className="button-row">
              <button type="submit" className="button">{t('moderation.report.submit')}</button>
              <Link to={back} className="button button--secondary">{t('moderation.report.cancel')}</Link>
            </div>
          </Form>
        </>
      ) : (
        <p>{t('moderation.report.unavailable')}</p>
      )}
      <p>
        <Link to={back}>{t('moderation.report.back')}</Link>
      </p>
    </div>
  )
}
