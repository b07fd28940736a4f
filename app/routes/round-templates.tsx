import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/round-templates'
import { TemplateInput } from '../../consultation/answer-inputs.ts'
import { ANSWER_STATUSES } from '../../consultation/response-rules.ts'
import { requireUser } from '../.server/auth.ts'
import { invalid, parseForm, peekForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { AnsweringNav } from '../components/answers.tsx'
import { CsrfField, FormErrors, Notice, type FieldErrors } from '../components/forms.tsx'
import { notShown, refused } from './answer-problems.ts'

// The institution's reusable answers: added, changed and deleted by the people who
// answer comments on its drafts.

const DONE = ['created', 'changed', 'deleted'] as const
const Query = z.object({ done: z.enum(DONE).optional().catch(undefined), lng: z.string().optional() })
const TemplateId = z.object({ templateId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) })

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams))
  const result = await servicesOf(context).answers.templates(actor, params.roundId)
  if (!result.ok) notShown(result.reason)
  const { round, draft, organisation, templates } = result.value
  return { done: query.done ?? null, round, draft, organisation, templates }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const answers = servicesOf(context).answers
  const form = await peekForm(request)
  if (!form) return invalid({ form: ['errors.form.unreadable'] })
  const intent = form.get('intent')
  const back = (done: (typeof DONE)[number]) => redirect(`${new URL(request.url).pathname}?done=${done}`)
  // Which form the errors belong to: a template's own, or the new one.
  const about = typeof form.get('templateId') === 'string' ? String(form.get('templateId')) : 'new'
  if (intent === 'save') {
    const parsed = await parseForm(request, TemplateInput.extend({ templateId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional() }))
    if (!parsed.ok) return data({ errors: parsed.errors, about }, { status: 400 })
    const result = await answers.saveTemplate(actor, params.roundId, parsed.data)
    if (!result.ok) return refused(result.reason, about)
    return back(parsed.data.templateId ? 'changed' : 'created')
  }
  if (intent === 'delete') {
    const parsed = await parseForm(request, TemplateId)
    if (!parsed.ok) return invalid({ form: ['errors.form.unreadable'] })
    const result = await answers.deleteTemplate(actor, params.roundId, parsed.data.templateId)
    if (!result.ok) return refused(result.reason)
    return back('deleted')
  }
  return invalid({ form: ['errors.form.unreadable'] })
}

type ActionData = { errors?: FieldErrors; about?: string } | undefined

export default function RoundTemplatesPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>() as ActionData
  const { round, draft, organisation, templates, done } = loaderData
  const errorsFor = (id: string) => (actionData?.about === id ? actionData.errors : undefined)
  const statusOptions = ANSWER_STATUSES.map((s) => ({ value: s, label: t(`answers.status.${s}`) }))
  return (
    <div className="page page--narrow">
      <title>{`${t('answers.templates.title')} · ${draft.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.slug}`}>{draft.title}</Link> · {round.title}
      </p>
      <header className="page-header">
        <h1>{t('answers.templates.title')}</h1>
        <p className="lead">{t('answers.templates.intro', { organisation: organisation.name })}</p>
        <AnsweringNav roundId={round.id} />
      </header>
      {done && (
        <Notice>
          <p>{t(`answers.templates.done.${done}`)}</p>
        </Notice>
      )}
      <FormErrors errors={actionData?.about ? undefined : actionData?.errors} />

      {templates.length === 0 && <p className="empty">{t('answers.templates.empty')}</p>}
      {templates.map((tpl) => {
        const errors = errorsFor(tpl.id)
        return (
          <section key={tpl.id} className="panel" aria-labelledby={`template-${tpl.id}`}>
            <h2 id={`template-${tpl.id}`}>{tpl.title}</h2>
            <Form method="post" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="templateId" value={tpl.id} />
              <FormErrors errors={errors} />
              <TemplateFields idPrefix={tpl.id} defaults={tpl} errors={errors} statusOptions={statusOptions} />
              <div className="button-row">
                <button type="submit" name="intent" value="save" className="button">{t('answers.templates.save')}</button>
                <button type="submit" name="intent" value="delete" className="button button--danger">{t('answers.templates.delete')}</button>
              </div>
            </Form>
          </section>
        )
      })}

      <section className="panel" aria-labelledby="template-new">
        <h2 id="template-new">{t('answers.templates.new')}</h2>
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <FormErrors errors={errorsFor('new')} />
          <TemplateFields idPrefix="new" defaults={{ title: '', status: '', reasoning: '' }} errors={errorsFor('new')} statusOptions={statusOptions} />
          <button type="submit" name="intent" value="save" className="button">{t('answers.templates.create')}</button>
        </Form>
      </section>
    </div>
  )
}

/** Title, status and reasoning of a template, with ids unique to its form (one form per template on the page). */
function TemplateFields(props: { idPrefix: string; defaults: { title: string; status: string; reasoning: string }; statusOptions: { value: string; label: string }[]; errors?: FieldErrors }) {
  const { t } = useTranslation()
  const { idPrefix, defaults, statusOptions, errors } = props
  const id = (name: string) => `template-${idPrefix}-${name}`
  const message = (name: string) => (errors?.[name] ?? []).map((e) => t(e)).join(' ')
  return (
    <>
      {(['title', 'status', 'reasoning'] as const).map((name) => {
        const label = name === 'title' ? t('answers.templates.titleLabel') : name === 'status' ? t('answers.form.status') : t('answers.form.reasoning')
        const error = message(name)
        const a = { id: id(name), name, required: true, 'aria-invalid': error ? true : undefined, 'aria-describedby': error ? `${id(name)}-error` : undefined }
        return (
          <div key={name} className={`field${error ? ' field--invalid' : ''}`}>
            <label htmlFor={id(name)}>{label}</label>
            {name === 'title' && <input {...a} type="text" defaultValue={defaults.title} />}
            {name === 'status' && (
              <select {...a} defaultValue={defaults.status}>
                {!defaults.status && <option value="" disabled>{t('fields.choose')}</option>}
                {statusOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
              </select>
            )}
            {name === 'reasoning' && <textarea {...a} rows={5} maxLength={20_000} defaultValue={defaults.reasoning} />}
            {error && <p className="field__error" id={`${id(name)}-error`}>{error}</p>}
          </div>
        )
      })}
    </>
  )
}
