import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/round-enter-comment'
import { ENTRY_CHANNELS, SENDER_CATEGORIES, StaffEnteredComment } from '../../consultation/comment-change-inputs.ts'
import type { CommentChangeProblem } from '../../consultation/comment-changes.ts'
import { articlesOf } from '../../consultation/comment-targets.ts'
import { toSarajevoLocal } from '../../consultation/sarajevo-time.ts'
import { parseForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { inInterfaceScript, interfaceScript } from '../i18n/reader-script.ts'
import { CsrfField, Field, FormErrors, Notice, Select, Textarea, type FieldErrors } from '../components/forms.tsx'
import { AttachmentField } from '../components/attachments.tsx'
import { attachmentMaxBytes, maxRequestBytes, stageUploads, uploadsDir } from '../.server/attachment-store.ts'

const STATUS: Record<CommentChangeProblem, number> = {
  'not-found': 404, forbidden: 403, 'round-closed': 409, withdrawn: 409, 'unknown-target': 400, 'received-after-closing': 400,
}

/** Staff enter a comment that came by letter, e-mail or at a hearing, for its sender. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const services = servicesOf(context)
  const managed = await services.rounds.manage(actor, params.roundId)
  // Responders enter comments too; the action asks the domain, which knows their roles.
  const round = managed.ok ? managed.value : null
  const found = await services.rounds.readPublic(actor, params.roundId)
  if (!found.ok) throw data({ reason: 'not-found' }, { status: 404 })
  // The articles as the public pages label them in the reader's script ("Члан 6.").
  const { locale } = context.get(requestContext)
  const reading = await services.drafting.readDraft(found.value.draft.slug, { versionSeq: found.value.versionSeq, script: interfaceScript(locale) ?? undefined })
  if (!reading.ok) throw data({ reason: 'not-found' }, { status: 404 })
  return {
    round: { id: found.value.id, title: inInterfaceScript(round?.title ?? found.value.title, locale), draftTitle: reading.value.draft.title },
    articles: articlesOf(reading.value.outline).map((a) => ({ id: a.id, label: `${a.label}${a.heading ? ` ${a.heading}` : ''}` })),
    now: toSarajevoLocal(new Date()),
    entered: new URL(request.url).searchParams.get('entered') === '1',
    attachmentMaxMb: attachmentMaxBytes() / (1024 * 1024),
  }
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  // Checked before the body is read: up to three scans and the text fields.
  if (Number(request.headers.get('content-length') ?? 0) > maxRequestBytes('letter')) {
    return data({ errors: { file: ['errors.attachment.too-large'] } as FieldErrors }, { status: 413 })
  }
  const parsed = await parseForm(request, StaffEnteredComment)
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 })
  const staged = await stageUploads(parsed.form.getAll('file'), { kind: 'letter', dir: uploadsDir() })
  if (!staged.ok) {
    const message = staged.reason === 'wrong-type' ? 'errors.attachment.wrong-type-letter' : `errors.attachment.${staged.reason}`
    return data({ errors: { file: [message] } as FieldErrors }, { status: staged.reason === 'too-large' ? 413 : 400 })
  }
  const result = await servicesOf(context).rounds.enterComment(actor, params.roundId, parsed.data, staged.uploads)
  if (!result.ok) {
    const field = result.reason === 'received-after-closing' ? 'receivedAt' : result.reason === 'unknown-target' ? 'targetNodeId' : 'form'
    return data({ errors: { [field]: [`errors.commentChange.${result.reason}`] } as FieldErrors }, { status: STATUS[result.reason] })
  }
  return redirect(`/rounds/${params.roundId}/comments/enter?entered=1`)
}

export default function EnterCommentPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<{ errors?: FieldErrors }>()
  const errors = actionData?.errors
  const { round, articles, now, entered } = loaderData
  return (
    <div className="page page--narrow">
      <title>{`${t('enterComment.title')} · ${t('app.name')}`}</title>
      <p className="eyebrow"><Link to={`/rounds/${round.id}`}>{round.draftTitle}</Link></p>
      <h1>{t('enterComment.title')}</h1>
      <p className="lead">{t('enterComment.lead')}</p>
      {entered && <Notice><p>{t('enterComment.entered')}</p></Notice>}
      <FormErrors errors={errors} />
      <Form method="post" encType="multipart/form-data" className="form" noValidate>
        <CsrfField />
        <Field name="senderName" label={t('enterComment.senderName')} errors={errors} required />
        <Select
          name="senderCategory"
          label={t('enterComment.senderCategory')}
          defaultValue="citizen"
          options={SENDER_CATEGORIES.map((c) => ({ value: c, label: t(`enterComment.category.${c}`) }))}
          errors={errors}
        />
        <label className="checkbox">
          <input type="checkbox" name="senderConsentsToBeNamed" /> {t('enterComment.consentsToBeNamed')}
        </label>
        <Select
          name="channel"
          label={t('enterComment.channel')}
          defaultValue="letter"
          options={ENTRY_CHANNELS.map((c) => ({ value: c, label: t(`enterComment.channels.${c}`) }))}
          errors={errors}
        />
        <Field name="receivedAt" type="datetime-local" label={t('enterComment.receivedAt')} defaultValue={now} errors={errors} required />
        <Select
          name="targetNodeId"
          label={t('enterComment.target')}
          defaultValue=""
          options={[{ value: '', label: t('enterComment.wholeDraft') }, ...articles.map((a) => ({ value: a.id, label: a.label }))]}
          errors={errors}
        />
        <Textarea name="body" label={t('comment.form.body')} errors={errors} rows={8} required />
        <Textarea name="proposedWording" label={t('comment.form.proposedWording')} errors={errors} rows={5} />
        <AttachmentField kind="letter" maxMb={loaderData.attachmentMaxMb} errors={errors} />
        <button type="submit" className="button">{t('enterComment.submit')}</button>
      </Form>
    </div>
  )
}
