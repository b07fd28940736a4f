import { useEffect, useRef } from 'react'
import { data, Form, Link, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/institution-plan'
import { NewPlanItem, PlanItemRemoval } from '../../consultation/interested-party-inputs.ts'
import type { PlanDraft, PlanItemProblem, PlanRemovalProblem } from '../../consultation/plan-items.ts'
import { parseQuarter } from '../../consultation/plan-quarters.ts'
import { parseForm, invalid, peekForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { getActor, requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { CsrfField, Field, FormErrors, Notice, Select, Textarea } from '../components/forms.tsx'
import { formatDate } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

const STATUS: Record<PlanItemProblem | PlanRemovalProblem, number> = {
  'not-found': 404, forbidden: 403, 'past-quarter': 400, 'unknown-draft': 400,
}
const FIELD: Partial<Record<PlanItemProblem, string>> = { 'past-quarter': 'plannedFor', 'unknown-draft': 'draftId' }

const presentDraft = (d: PlanDraft | null) => d && { slug: d.slug, title: d.title, readable: d.readable }

export async function loader({ context, params }: Route.LoaderArgs) {
  const result = await servicesOf(context).institutions.plan(getActor(context), params.slug)
  if (!result.ok) throw data({ reason: result.reason }, { status: 404 })
  const plan = result.value
  return {
    locale: context.get(requestContext).locale,
    institution: { slug: plan.institution.slug, name: plan.institution.name },
    quarters: plan.quarters.map((q) => ({
      quarter: q.quarter, year: q.year, number: q.number, past: q.past,
      entries: q.entries.map((e) =>
        e.kind === 'item'
          ? {
              kind: e.kind, key: `item-${e.id}`, id: e.id, title: e.title, description: e.description, draft: presentDraft(e.draft),
              opensAt: e.round?.opensAt.toISOString() ?? null,
            }
          : { kind: e.kind, key: `round-${e.roundId}`, id: null, title: e.title, description: null, draft: presentDraft(e.draft), opensAt: e.opensAt.toISOString() },
      ),
    })),
    canManage: plan.canManage,
    drafts: plan.drafts,
    quarterChoices: plan.quarterChoices.map((q) => ({ value: q, ...parseQuarter(q)! })),
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const services = servicesOf(context).institutions
  const intent = (await peekForm(request))?.get('intent')
  if (intent === 'add') {
    const parsed = await parseForm(request, NewPlanItem)
    if (!parsed.ok) return invalid(parsed.errors)
    const result = await services.addPlanItem(actor, params.slug, parsed.data)
    if (!result.ok) return invalid({ [FIELD[result.reason] ?? 'form']: [`errors.legislativePlan.${result.reason}`] }, STATUS[result.reason])
    return { notice: 'legislativePlan.added', title: parsed.data.title, errors: undefined }
  }
  if (intent === 'remove') {
    const parsed = await parseForm(request, PlanItemRemoval)
    if (!parsed.ok) return invalid({ form: ['errors.form.unreadable'] })
    const result = await services.removePlanItem(actor, params.slug, parsed.data.itemId)
    if (!result.ok) return invalid({ form: [`errors.legislativePlan.${result.reason}`] }, STATUS[result.reason])
    return { notice: 'legislativePlan.removed', title: result.value.title, errors: undefined }
  }
  return invalid({ form: ['errors.form.unreadable'] })
}

type Entry = Route.ComponentProps['loaderData']['quarters'][number]['entries'][number]

export default function InstitutionPlanPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors
  const notice = actionData && 'notice' in actionData ? actionData : null
  const { institution, quarters, canManage, drafts, quarterChoices, locale } = loaderData
  const addForm = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (notice?.notice === 'legislativePlan.added') addForm.current?.reset()
  }, [notice])
  const quarterLabel = (q: { number: number; year: number }) => t('legislativePlan.quarter', { quarter: q.number, year: q.year })
  const upcoming = quarters.filter((q) => !q.past)
  const past = quarters.filter((q) => q.past)

  const draftTitle = (d: NonNullable<Entry['draft']>) => (d.readable ? <Link to={`/drafts/${d.slug}`}>{d.title}</Link> : d.title)
  const entry = (e: Entry) => (
    <li key={e.key} className="plan-entry">
      <p>
        <strong>{e.kind === 'round' && e.draft ? draftTitle(e.draft) : e.title}</strong>
      </p>
      {e.description && <p>{e.description}</p>}
      {e.kind === 'item' && e.draft && (
        <p className="muted">
          {t('legislativePlan.draft')} {draftTitle(e.draft)}
        </p>
      )}
      {e.opensAt && <p>{t('legislativePlan.roundOpens', { date: formatDate(e.opensAt, locale as Locale) })}</p>}
      {e.kind === 'round' && <p className="muted">{e.title}</p>}
      {canManage && e.id && (
        <Form method="post" className="inline-form">
          <CsrfField />
          <input type="hidden" name="intent" value="remove" />
          <input type="hidden" name="itemId" value={e.id} />
          <button type="submit" className="button button--small button--secondary" aria-label={t('legislativePlan.removeFor', { title: e.title })}>
            {t('legislativePlan.remove')}
          </button>
        </Form>
      )}
    </li>
  )

  return (
    <div className="page page--narrow">
      <title>{`${t('legislativePlan.title')} · ${institution.name} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/organisations/${institution.slug}`}>{institution.name}</Link>
      </p>
      <h1>{t('legislativePlan.title')}</h1>
      <p className="lead">{t('legislativePlan.intro', { institution: institution.name })}</p>
      {notice && (
        <Notice>
          <p>{t(notice.notice, { title: notice.title })}</p>
        </Notice>
      )}
      <FormErrors errors={errors} />

      {upcoming.length === 0 && <p className="muted">{t('legislativePlan.empty')}</p>}
      {upcoming.map((q) => (
        <section key={q.quarter} className="panel" aria-labelledby={`quarter-${q.quarter}`}>
          <h2 id={`quarter-${q.quarter}`}>{quarterLabel(q)}</h2>
          <ul className="plan-list">{q.entries.map(entry)}</ul>
        </section>
      ))}

      {past.length > 0 && (
        <section className="panel" aria-labelledby="past-title">
          <h2 id="past-title">{t('legislativePlan.pastTitle')}</h2>
          {past.map((q) => (
            <div key={q.quarter}>
              <h3>{quarterLabel(q)}</h3>
              <ul className="plan-list">{q.entries.map(entry)}</ul>
            </div>
          ))}
        </section>
      )}

      {canManage && (
        <section className="panel" aria-labelledby="add-item-title">
          <h2 id="add-item-title">{t('legislativePlan.addTitle')}</h2>
          <Form method="post" className="stack" noValidate ref={addForm}>
            <CsrfField />
            <input type="hidden" name="intent" value="add" />
            <Field name="title" label={t('legislativePlan.field.title')} errors={errors} required />
            <Textarea name="description" label={t('legislativePlan.field.description')} errors={errors} rows={3} maxLength={2_000} />
            <Select
              name="plannedFor"
              label={t('legislativePlan.field.plannedFor')}
              hint={t('legislativePlan.field.plannedForHint')}
              placeholder={t('fields.choose')}
              options={quarterChoices.map((q) => ({ value: q.value, label: quarterLabel({ number: q.quarter, year: q.year }) }))}
              errors={errors}
              required
            />
            <Select
              name="draftId"
              label={t('legislativePlan.field.draft')}
              options={[{ value: '', label: t('legislativePlan.field.noDraft') }, ...drafts.map((d) => ({ value: d.id, label: d.title }))]}
              errors={errors}
            />
            <button type="submit" className="button">{t('legislativePlan.addSubmit')}</button>
          </Form>
        </section>
      )}
    </div>
  )
}
