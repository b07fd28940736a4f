import { data, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/round-new'
import { RoundPlan } from '../../consultation/plan-inputs.ts'
import type { PlanProblem } from '../../consultation/plans.ts'
import { toSarajevoLocal } from '../../consultation/sarajevo-time.ts'
import { parseForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { requireUser } from '../.server/auth.ts'
import { planValuesFromForm, RoundPlanForm, type PeriodWarning, type RoundPlanValues } from '../components/round-plan-form.tsx'
import type { FieldErrors } from '../components/forms.tsx'
import { planProblemErrors, PLAN_STATUS } from './round-plan-problems.ts'

const DAY = 86_400_000

type ActionData = { errors?: FieldErrors; values?: RoundPlanValues; warning?: PeriodWarning | null }

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const result = await servicesOf(context).rounds.planChoices(actor, params.slug)
  if (!result.ok) throw data({ reason: result.reason }, { status: result.reason === 'forbidden' ? 403 : 404 })
  const { draft, versions, profile } = result.value
  // A first plan: opening tomorrow at 08:00, running the recommended period to 23:59.
  const now = Date.now()
  const opens = toSarajevoLocal(new Date(now + DAY)).slice(0, 10) + 'T08:00'
  const closes = toSarajevoLocal(new Date(now + (profile.recommendedDays) * DAY)).slice(0, 10) + 'T23:59'
  const values: RoundPlanValues = {
    versionSeq: String(versions[0]?.seq ?? ''), title: '', stage: 'nacrt', opensAt: opens, closesAt: closes, targetGroups: '',
    methods: ['online'], contactName: actor.name ?? '', contactEmail: '', summary: '', whyItMatters: '', moderationMode: 'post',
    answersPublication: 'with-report', shortPeriodReason: '',
  }
  return { draft: { slug: draft.slug, title: draft.title }, versions: versions.map((v) => ({ seq: v.seq, name: v.name })), values, profile }
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const parsed = await parseForm(request, RoundPlan)
  const values = parsed.form ? planValuesFromForm(parsed.form) : undefined
  if (!parsed.ok) return data<ActionData>({ errors: parsed.errors, values }, { status: 400 })
  const result = await servicesOf(context).rounds.plan(actor, params.slug, parsed.data)
  if (!result.ok) {
    return data<ActionData>(
      { errors: planProblemErrors(result.reason as PlanProblem), values, warning: result.reason === 'short-period' ? (result.period ?? null) : null },
      { status: PLAN_STATUS[result.reason as PlanProblem] },
    )
  }
  return redirect(`/rounds/${result.value.roundId}/manage?planned=1`)
}

export default function NewRoundPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<ActionData>()
  const { draft, versions, profile } = loaderData
  if (versions.length === 0) {
    return (
      <div className="page page--narrow">
        <title>{`${t('round.new.title')} · ${t('app.name')}`}</title>
        <h1>{t('round.new.title')}</h1>
        <p>{t('round.new.noVersion')}</p>
        <p><Link to={`/drafts/${draft.slug}/edit`}>{t('editor.edit')}</Link></p>
      </div>
    )
  }
  return (
    <div className="page page--narrow">
      <title>{`${t('round.new.title')} · ${t('app.name')}`}</title>
      <p className="eyebrow"><Link to={`/drafts/${draft.slug}`}>{draft.title}</Link></p>
      <h1>{t('round.new.title')}</h1>
      <p className="lead">{t('round.new.lead', { minimum: profile.minimumDays, recommended: profile.recommendedDays })}</p>
      <RoundPlanForm
        values={actionData?.values ?? loaderData.values}
        versions={versions}
        errors={actionData?.errors}
        warning={actionData?.warning}
        submitLabel={t('round.new.submit')}
      />
    </div>
  )
}
