import { Form } from 'react-router'
import { useTranslation } from 'react-i18next'
import { CsrfField, Field, FormErrors, Select, Textarea, type FieldErrors } from './forms.tsx'

/** The values a plan form starts from: a round's plan, or what the person sent back. */
export interface RoundPlanValues {
  versionSeq: string
  title: string
  stage: string
  opensAt: string
  closesAt: string
  targetGroups: string
  methods: string[]
  contactName: string
  contactEmail: string
  summary: string
  whyItMatters: string
  moderationMode: string
  answersPublication: string
  shortPeriodReason: string
}

/** How the period measured, when it is shorter than the rules' minimum. */
export interface PeriodWarning {
  days: number
  minimumDays: number
  recommendedDays: number
  verified: boolean
}

/** Form values as the form sent them, for showing them again after a refusal. */
export function planValuesFromForm(form: FormData): RoundPlanValues {
  const get = (k: string) => {
    const v = form.get(k)
    return typeof v === 'string' ? v : ''
  }
  return {
    versionSeq: get('versionSeq'), title: get('title'), stage: get('stage'), opensAt: get('opensAt'), closesAt: get('closesAt'),
    targetGroups: get('targetGroups'),
    methods: (['online', 'hearings', 'written'] as const).filter((m) => get(`method${m[0]!.toUpperCase()}${m.slice(1)}`) === 'on'),
    contactName: get('contactName'), contactEmail: get('contactEmail'), summary: get('summary'), whyItMatters: get('whyItMatters'),
    moderationMode: get('moderationMode'), answersPublication: get('answersPublication'), shortPeriodReason: get('shortPeriodReason'),
  }
}

/**
 * The consultation plan: version, schedule (Sarajevo time), whom and how, contact, and the
 * campaign texts. A period shorter than the minimum shows a warning asking for the reason.
 * `locked` fields (a round already open) are shown but sent unchanged.
 */
export function RoundPlanForm(props: {
  values: RoundPlanValues
  versions: { seq: number; name: string }[]
  errors?: FieldErrors
  warning?: PeriodWarning | null
  locked?: boolean
  submitLabel: string
}) {
  const { t } = useTranslation()
  const { values, errors, warning, locked } = props
  return (
    <Form method="post" className="form form--wide" noValidate>
      <CsrfField />
      <input type="hidden" name="intent" value="plan" />
      <FormErrors errors={errors} />
      {warning && (
        <div className="alert alert--warning" role="alert">
          <p>{t('round.plan.shortWarning', { days: warning.days, minimum: warning.minimumDays, recommended: warning.recommendedDays })}</p>
          {!warning.verified && <p>{t('round.plan.unverifiedRule')}</p>}
        </div>
      )}
      <fieldset>
        <legend>{t('round.plan.what')}</legend>
        <Field name="title" label={t('round.plan.title')} defaultValue={values.title} errors={errors} required />
        {locked ? (
          <input type="hidden" name="versionSeq" value={values.versionSeq} />
        ) : (
          <Select
            name="versionSeq"
            label={t('round.plan.version')}
            hint={t('round.plan.versionHint')}
            defaultValue={values.versionSeq}
            options={props.versions.map((v) => ({ value: String(v.seq), label: v.name }))}
            errors={errors}
          />
        )}
        <Select
          name="stage"
          label={t('round.plan.stage')}
          defaultValue={values.stage}
          options={(['prednacrt', 'nacrt', 'prijedlog'] as const).map((s) => ({ value: s, label: t(`stage.${s}`) }))}
          errors={errors}
        />
      </fieldset>
      <fieldset>
        <legend>{t('round.plan.when')}</legend>
        <p className="field__hint">{t('round.plan.timeZoneHint')}</p>
        {locked ? (
          <input type="hidden" name="opensAt" value={values.opensAt} />
        ) : (
          <Field name="opensAt" type="datetime-local" label={t('round.plan.opensAt')} defaultValue={values.opensAt} errors={errors} required />
        )}
        <Field name="closesAt" type="datetime-local" label={t('round.plan.closesAt')} defaultValue={values.closesAt} errors={errors} required />
        {(warning || values.shortPeriodReason) && (
          <Textarea name="shortPeriodReason" label={t('round.plan.shortReason')} hint={t('round.plan.shortReasonHint')} defaultValue={values.shortPeriodReason} errors={errors} rows={3} />
        )}
      </fieldset>
      <fieldset>
        <legend>{t('round.plan.how')}</legend>
        <div className={`field${errors?.methodOnline ? ' field--invalid' : ''}`} role="group" aria-labelledby="methods-label">
          <p id="methods-label" className="field__label">{t('round.plan.methods')}</p>
          {(['online', 'hearings', 'written'] as const).map((m) => (
            <label key={m} className="checkbox">
              <input type="checkbox" name={`method${m[0]!.toUpperCase()}${m.slice(1)}`} defaultChecked={values.methods.includes(m)} />{' '}
              {t(`round.method.${m}`)}
            </label>
          ))}
          {errors?.methodOnline && <p className="field__error">{errors.methodOnline.map((e) => t(e)).join(' ')}</p>}
        </div>
        <Textarea name="targetGroups" label={t('round.plan.targetGroups')} hint={t('round.plan.targetGroupsHint')} defaultValue={values.targetGroups} errors={errors} rows={3} />
        <Field name="contactName" label={t('round.plan.contactName')} defaultValue={values.contactName} errors={errors} />
        <Field name="contactEmail" type="email" label={t('round.plan.contactEmail')} defaultValue={values.contactEmail} errors={errors} />
      </fieldset>
      <fieldset>
        <legend>{t('round.plan.campaign')}</legend>
        <Textarea name="summary" label={t('round.plan.summary')} hint={t('round.plan.summaryHint')} defaultValue={values.summary} errors={errors} rows={5} />
        <Textarea name="whyItMatters" label={t('round.plan.whyItMatters')} defaultValue={values.whyItMatters} errors={errors} rows={4} />
      </fieldset>
      <fieldset>
        <legend>{t('round.plan.rules')}</legend>
        <Select
          name="moderationMode"
          label={t('round.plan.moderationMode')}
          defaultValue={values.moderationMode}
          options={(['post', 'pre'] as const).map((m) => ({ value: m, label: t(`round.moderation.${m}`) }))}
          errors={errors}
        />
        <Select
          name="answersPublication"
          label={t('round.plan.answersPublication')}
          defaultValue={values.answersPublication}
          options={(['with-report', 'immediately'] as const).map((m) => ({ value: m, label: t(`round.answers.${m}`) }))}
          errors={errors}
        />
      </fieldset>
      <p className="button-row">
        <button type="submit" className="button">{props.submitLabel}</button>
      </p>
    </Form>
  )
}
