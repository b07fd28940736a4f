import { Form, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/organisation-new'
import { ORGANISATION_KINDS, OrganisationRequest } from '../../accounts/inputs.ts'
import { parseForm, invalid } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { requireUser } from '../.server/auth.ts'
import { CsrfField, Field, FormErrors, Select } from '../components/forms.tsx'

export function loader({ context, request }: Route.LoaderArgs) {
  requireUser(context, request)
  return null
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const parsed = await parseForm(request, OrganisationRequest)
  if (!parsed.ok) return invalid(parsed.errors)
  const result = await servicesOf(context).accounts.requestOrganisation(actor, parsed.data)
  if (!result.ok) return invalid({ form: [`errors.organisation.${result.reason}`] }, 403)
  return redirect(`/organisations/${result.value.slug}?requested=1`)
}

export default function NewOrganisation() {
  const { t } = useTranslation()
  const errors = useActionData<typeof action>()?.errors
  return (
    <div className="page page--narrow">
      <title>{`${t('organisation.requestTitle')} · ${t('app.name')}`}</title>
      <h1>{t('organisation.requestTitle')}</h1>
      <p className="lead">{t('organisation.requestIntro')}</p>
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <FormErrors errors={errors} />
        <Field name="name" label={t('fields.organisationName')} errors={errors} required />
        <Select
          name="kind"
          label={t('fields.organisationKind')}
          placeholder={t('fields.choose')}
          options={ORGANISATION_KINDS.map((k) => ({ value: k, label: t(`organisationKind.${k}`) }))}
          errors={errors}
        />
        <Field name="registrationNumber" label={t('fields.registrationNumber')} hint={t('fields.registrationNumberHint')} errors={errors} />
        <Field name="contactEmail" type="email" label={t('fields.contactEmail')} autoComplete="email" errors={errors} required />
        <button type="submit" className="button">{t('organisation.requestSubmit')}</button>
      </Form>
    </div>
  )
}
