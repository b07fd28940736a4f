import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/comment-edit'
import { CommentEdit } from '../../consultation/comment-change-inputs.ts'
import type { CommentChangeProblem } from '../../consultation/comment-changes.ts'
import { parseForm, peekForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { Checkbox, CsrfField, FormErrors, Textarea, type FieldErrors } from '../components/forms.tsx'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

const STATUS: Record<CommentChangeProblem, number> = {
  'not-found': 404, forbidden: 403, 'round-closed': 409, withdrawn: 409, 'unknown-target': 400, 'received-after-closing': 400,
}

/** Withdrawing cannot be undone: the author confirms it with a checkbox, checked here (without JavaScript too). */
const Withdrawal = z.object({ confirmWithdraw: z.literal('on', { error: 'errors.commentChange.confirmWithdraw' }) })

type ActionData = { intent?: 'edit' | 'withdraw'; errors?: FieldErrors }

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const result = await servicesOf(context).rounds.commentForEditing(actor, params.commentId)
  if (!result.ok) throw data({ reason: result.reason }, { status: STATUS[result.reason] })
  const c = result.value
  return {
    locale: context.get(requestContext).locale as Locale,
    comment: { id: c.id, body: c.body, proposedWording: c.proposedWording, closesAt: c.closesAt.toISOString(), edited: c.editedAt !== null },
  }
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const services = servicesOf(context).rounds
  const intent = (await peekForm(request))?.get('intent')
  if (intent === 'withdraw') {
    const confirmed = await parseForm(request, Withdrawal)
    if (!confirmed.ok) return data<ActionData>({ intent: 'withdraw', errors: confirmed.errors }, { status: 400 })
    const result = await services.withdrawComment(actor, params.commentId)
    if (!result.ok) return data<ActionData>({ intent: 'withdraw', errors: { form: [`errors.commentChange.${result.reason}`] } }, { status: STATUS[result.reason] })
    return redirect('/account/comments?withdrawn=1')
  }
  const parsed = await parseForm(request, CommentEdit)
  if (!parsed.ok) return data<ActionData>({ intent: 'edit', errors: parsed.errors }, { status: 400 })
  const result = await services.editComment(actor, params.commentId, parsed.data)
  if (!result.ok) return data<ActionData>({ intent: 'edit', errors: { form: [`errors.commentChange.${result.reason}`] } }, { status: STATUS[result.reason] })
  return redirect('/account/comments?edited=1')
}

export default function EditCommentPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<ActionData>()
  const { comment, locale } = loaderData
  const editErrors = actionData?.intent === 'withdraw' ? undefined : actionData?.errors
  const withdrawErrors = actionData?.intent === 'withdraw' ? actionData.errors : undefined
  return (
    <div className="page page--narrow">
      <title>{`${t('commentEdit.title')} · ${t('app.name')}`}</title>
      <p className="eyebrow"><Link to="/account/comments">{t('myComments.title')}</Link></p>
      <h1>{t('commentEdit.title')}</h1>
      <p className="lead">{t('commentEdit.lead', { date: formatDateTime(comment.closesAt, locale) })}</p>
      <FormErrors errors={editErrors} />
      <Form method="post" className="form">
        <CsrfField />
        <input type="hidden" name="intent" value="edit" />
        <Textarea name="body" label={t('comment.form.body')} defaultValue={comment.body} errors={editErrors} rows={8} maxLength={10_000} required />
        <Textarea name="proposedWording" label={t('comment.form.proposedWording')} defaultValue={comment.proposedWording ?? ''} errors={editErrors} rows={6} />
        <button type="submit" className="button">{t('commentEdit.save')}</button>
      </Form>
      <Form method="post" className="form form--danger">
        <CsrfField />
        <input type="hidden" name="intent" value="withdraw" />
        <h2>{t('commentEdit.withdrawTitle')}</h2>
        <p>{t('commentEdit.withdrawHint')}</p>
        <FormErrors errors={withdrawErrors} />
        <Checkbox name="confirmWithdraw" label={t('commentEdit.confirmWithdraw')} errors={withdrawErrors} required />
        <button type="submit" className="button button--danger">{t('commentEdit.withdraw')}</button>
      </Form>
    </div>
  )
}
