import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/round-manage'
import { ManualClosing, ManualOpening, NewHearing, RoundPlan } from '../../consultation/plan-inputs.ts'
import type { PlanProblem } from '../../consultation/plans.ts'
import { toSarajevoLocal } from '../../consultation/sarajevo-time.ts'
import { parseForm, peekForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { Checkbox, CsrfField, Field, FormErrors, Notice, Textarea, type FieldErrors } from '../components/forms.tsx'
import { planValuesFromForm, RoundPlanForm, type PeriodWarning, type RoundPlanValues } from '../components/round-plan-form.tsx'
import { RoundStateBadge } from '../components/round-state.tsx'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { planProblemErrors, PLAN_STATUS } from './round-plan-problems.ts'

/** A hearing as typed, given back with its errors so that nothing typed is lost. */
type HearingValues = { startsAt: string; place: string; agenda: string }

type ActionData = { intent?: string; errors?: FieldErrors; values?: RoundPlanValues; warning?: PeriodWarning | null; hearing?: HearingValues; reason?: string }

const Intent = z.object({ intent: z.enum(['plan', 'open', 'close', 'add-hearing', 'remove-hearing']) })
const HearingRemoval = z.object({ hearingId: z.string().min(1).max(64) })

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const services = servicesOf(context)
  const result = await services.rounds.manage(actor, params.roundId)
  if (!result.ok) throw data({ reason: result.reason }, { status: result.reason === 'forbidden' ? 403 : 404 })
  const round = result.value
  const choices = await services.rounds.planChoices(actor, round.draft.slug)
  const versions = choices.ok ? choices.value.versions.map((v) => ({ seq: v.seq, name: v.name })) : []
  const values: RoundPlanValues = {
    versionSeq: String(round.versionSeq), title: round.title, stage: round.stage, opensAt: toSarajevoLocal(round.opensAt),
    closesAt: toSarajevoLocal(round.closesAt), targetGroups: round.targetGroups ?? '', methods: round.methods,
    contactName: round.contactName ?? '', contactEmail: round.contactEmail ?? '', summary: round.summary ?? '',
    whyItMatters: round.whyItMatters ?? '', moderationMode: round.moderationMode, answersPublication: round.answersPublication,
    shortPeriodReason: round.shortPeriodReason ?? '',
  }
  const search = new URL(request.url).searchParams
  const planned = search.get('planned') === '1'
  const saved = search.get('saved') === '1'
  const opened = search.get('opened') === '1'
  const closed = search.get('closed') === '1'
  return {
    locale: context.get(requestContext).locale as Locale,
    planned,
    saved,
    opened,
    closed,
    round: {
      id: round.id, title: round.title, state: round.state, draft: round.draft, versionSeq: round.versionSeq,
      opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString(), commentCount: round.commentCount,
      period: round.period, shortPeriodReason: round.shortPeriodReason,
      hearings: round.hearings.map((h) => ({ ...h, startsAt: h.startsAt.toISOString() })),
      transitions: round.transitions.map((tr) => ({ ...tr, at: tr.at.toISOString() })),
    },
    versions,
    values,
  }
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const services = servicesOf(context).rounds
  const intent = Intent.safeParse({ intent: (await peekForm(request))?.get('intent') })
  if (!intent.success) return data<ActionData>({ errors: { form: ['errors.field.invalid'] } }, { status: 400 })
  const back = `/rounds/${params.roundId}/manage`
  const refused = (reason: string, extra: Partial<ActionData> = {}) =>
    data<ActionData>(
      { intent: intent.data.intent, errors: reason in PLAN_STATUS ? planProblemErrors(reason as PlanProblem) : { form: [`errors.round.${reason === 'not-planned' ? 'notPlanned' : 'notOpen'}`] }, ...extra },
      { status: PLAN_STATUS[reason as PlanProblem] ?? 409 },
    )
  switch (intent.data.intent) {
    case 'plan': {
      const parsed = await parseForm(request, RoundPlan)
      const values = parsed.form ? planValuesFromForm(parsed.form) : undefined
      if (!parsed.ok) return data<ActionData>({ intent: 'plan', errors: parsed.errors, values }, { status: 400 })
      const result = await services.updatePlan(actor, params.roundId, parsed.data)
      if (!result.ok) return refused(result.reason, { values, warning: result.reason === 'short-period' ? (result.period ?? null) : null })
      return redirect(`${back}?saved=1`)
    }
    case 'open': {
      const parsed = await parseForm(request, ManualOpening)
      if (!parsed.ok) return data<ActionData>({ intent: 'open', errors: parsed.errors }, { status: 400 })
      const result = await services.openNow(actor, params.roundId)
      return result.ok ? redirect(`${back}?opened=1`) : refused(result.reason)
    }
    case 'close': {
      const parsed = await parseForm(request, ManualClosing)
      if (!parsed.ok) return data<ActionData>({ intent: 'close', errors: parsed.errors, reason: String(parsed.form?.get('reason') ?? '') }, { status: 400 })
      const result = await services.closeNow(actor, params.roundId, parsed.data.reason)
      return result.ok ? redirect(`${back}?closed=1`) : refused(result.reason)
    }
    case 'add-hearing': {
      const parsed = await parseForm(request, NewHearing)
      const text = (name: string) => String(parsed.form?.get(name) ?? '')
      const hearing = { startsAt: text('startsAt'), place: text('place'), agenda: text('agenda') }
      if (!parsed.ok) return data<ActionData>({ intent: 'add-hearing', errors: parsed.errors, hearing }, { status: 400 })
      const result = await services.addHearing(actor, params.roundId, parsed.data)
      return result.ok ? redirect(`${back}#rasprave`) : refused(result.reason, { hearing })
    }
    case 'remove-hearing': {
      const parsed = await parseForm(request, HearingRemoval)
      if (!parsed.ok) return data<ActionData>({ intent: 'remove-hearing', errors: { form: ['errors.field.invalid'] } }, { status: 400 })
      const result = await services.removeHearing(actor, params.roundId, parsed.data.hearingId)
      return result.ok ? redirect(`${back}#rasprave`) : refused(result.reason)
    }
  }
}

export default function ManageRoundPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<ActionData>()
  const { round, locale, versions, planned, saved, opened, closed } = loaderData
  const hearing = actionData?.intent === 'add-hearing' ? actionData.hearing : undefined
  const errorsFor = (intent: string) => (actionData?.intent === intent ? actionData.errors : undefined)
  const editable = round.state === 'planned' || round.state === 'open'
  return (
    <div className="page page--narrow">
      <title>{`${round.title} · ${t('round.manage.title')} · ${t('app.name')}`}</title>
      <p className="eyebrow"><Link to={`/drafts/${round.draft.slug}`}>{round.draft.title}</Link></p>
      <h1>{round.title}</h1>
      <p>
        <RoundStateBadge state={round.state} />{' '}
        {t('round.manage.period', {
          opens: formatDateTime(round.opensAt, locale), closes: formatDateTime(round.closesAt, locale), days: round.period.days,
        })}
      </p>
      {planned && <Notice><p>{t('round.manage.planned')}</p></Notice>}
      {saved && <Notice><p>{t('round.manage.saved')}</p></Notice>}
      {opened && <Notice><p>{t('round.manage.opened')}</p></Notice>}
      {closed && <Notice><p>{t('round.manage.closed')}</p></Notice>}
      {round.period.short && round.shortPeriodReason && (
        <p className="muted">{t('round.manage.shortReason', { days: round.period.days, minimum: round.period.minimumDays, reason: round.shortPeriodReason })}</p>
      )}
      <p className="button-row">
        <Link to={`/rounds/${round.id}`} className="button button--secondary">{t('round.manage.publicPage')}</Link>
        {round.state !== 'planned' && (
          <Link to={`/rounds/${round.id}/comments/enter`} className="button button--secondary">{t('enterComment.link')}</Link>
        )}
      </p>
      {round.state !== 'planned' && (
        <nav className="round-work" aria-label={t('round.manage.workLabel')}>
          <ul>
            <li><Link to={`/rounds/${round.id}/moderation`}>{t('moderation.link')}</Link></li>
            <li><Link to={`/rounds/${round.id}/answers`}>{t('answers.nav.list')}</Link></li>
            <li><Link to={`/rounds/${round.id}/dashboard`}>{t('answers.nav.dashboard')}</Link></li>
            <li><Link to={`/rounds/${round.id}/templates`}>{t('answers.nav.templates')}</Link></li>
            <li><Link to={`/rounds/${round.id}/report`}>{t('report.round.title')}</Link></li>
          </ul>
        </nav>
      )}

      <section aria-labelledby="state-title">
        <h2 id="state-title">{t('round.manage.stateTitle')}</h2>
        <FormErrors errors={errorsFor('open') ?? errorsFor('close')} />
        {round.state === 'planned' && (
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="open" />
            <p>{t('round.manage.openHint')}</p>
            <Checkbox name="confirmOpen" label={t('round.manage.confirmOpen')} errors={errorsFor('open')} required />
            <button type="submit" className="button">{t('round.manage.openNow')}</button>
          </Form>
        )}
        {round.state === 'open' && (
          <Form method="post" className="form">
            <CsrfField />
            <input type="hidden" name="intent" value="close" />
            <Textarea
              name="reason" label={t('round.manage.closeReason')} defaultValue={actionData?.intent === 'close' ? actionData.reason : undefined}
              errors={errorsFor('close')} rows={2} required
            />
            <Checkbox name="confirmClose" label={t('round.manage.confirmClose')} errors={errorsFor('close')} required />
            <button type="submit" className="button button--danger">{t('round.manage.closeNow')}</button>
          </Form>
        )}
        <h3>{t('round.manage.history')}</h3>
        {round.transitions.length === 0 ? (
          <p className="muted">{t('round.manage.noTransitions')}</p>
        ) : (
          <ol className="transition-list">
            {round.transitions.map((tr, i) => (
              <li key={i}>
                <time dateTime={tr.at}>{formatDateTime(tr.at, locale)}</time>{' '}
                {t('round.manage.transition', { from: t(`round.state.${tr.fromState}`), to: t(`round.state.${tr.toState}`) })}{' '}
                <span className="muted">{tr.by ?? t('round.manage.bySchedule')}</span>
                {tr.reason && <> · {tr.reason}</>}
              </li>
            ))}
          </ol>
        )}
      </section>

      <section id="rasprave" aria-labelledby="hearings-title">
        <h2 id="hearings-title">{t('round.hearings.title')}</h2>
        {round.hearings.length === 0 && <p className="muted">{t('round.hearings.none')}</p>}
        <ul className="hearing-list">
          {round.hearings.map((h) => (
            <li key={h.id}>
              <strong><time dateTime={h.startsAt}>{formatDateTime(h.startsAt, locale)}</time></strong> · {h.place}
              {h.agenda && <p className="hearing__agenda">{h.agenda}</p>}
              {editable && (
                <Form method="post" className="inline-form">
                  <CsrfField />
                  <input type="hidden" name="intent" value="remove-hearing" />
                  <input type="hidden" name="hearingId" value={h.id} />
                  <button type="submit" className="button button--small button--secondary">{t('round.hearings.remove')}</button>
                </Form>
              )}
            </li>
          ))}
        </ul>
        {editable && (
          <Form method="post" className="form">
            <CsrfField />
            <input type="hidden" name="intent" value="add-hearing" />
            <FormErrors errors={errorsFor('add-hearing')} />
            <Field
              name="startsAt" type="datetime-local" label={t('round.hearings.startsAt')} hint={t('round.hearings.startsAtHint', { opens: formatDateTime(round.opensAt, locale), closes: formatDateTime(round.closesAt, locale) })}
              defaultValue={hearing?.startsAt} errors={errorsFor('add-hearing')} required
            />
            <Field name="place" label={t('round.hearings.place')} defaultValue={hearing?.place} errors={errorsFor('add-hearing')} required />
            <Textarea name="agenda" label={t('round.hearings.agenda')} defaultValue={hearing?.agenda} errors={errorsFor('add-hearing')} rows={3} />
            <button type="submit" className="button button--secondary">{t('round.hearings.add')}</button>
          </Form>
        )}
      </section>

      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{t('round.manage.planTitle')}</h2>
        {editable ? (
          <>
            {round.state === 'open' && <p className="muted">{t('round.manage.openLocked')}</p>}
            <RoundPlanForm
              values={actionData?.intent === 'plan' && actionData.values ? actionData.values : loaderData.values}
              versions={versions}
              errors={errorsFor('plan')}
              warning={actionData?.intent === 'plan' ? actionData.warning : null}
              locked={round.state === 'open'}
              submitLabel={t('round.manage.save')}
            />
          </>
        ) : (
          <p className="muted">{t('round.manage.final')}</p>
        )}
      </section>
    </div>
  )
}
