import { data, Form, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/forgot-password'
import { PasswordResetRequest } from '../../accounts/inputs.ts'
import { parseForm, invalid } from '../.server/forms.ts'
import { mailContextOf, servicesOf } from '../.server/route-helpers.ts'
import { requestContext } from '../.server/context.ts'
import { CsrfField, Field, FormErrors, Notice } from '../components/forms.tsx'

export function loader({ request }: Route.LoaderArgs) {
  return { sent: new URL(request.url).searchParams.get('sent') === '1' }
}

export async function action({ request, context }: Route.ActionArgs) {
  const services = servicesOf(context)
  const wait = await services.rateLimits.consume('passwordResetPerIp', context.get(requestContext).clientIp)
  if (wait !== null) return data({ errors: { form: ['errors.rateLimited'] } }, { status: 429, headers: { 'Retry-After': String(wait) } })
  const parsed = await parseForm(request, PasswordResetRequest)
  if (!parsed.ok) return invalid(parsed.errors)
  await services.accounts.requestPasswordReset(parsed.data.email, mailContextOf(context, request))
  return redirect('/forgot-password?sent=1')
}

export default function ForgotPassword({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const errors = useActionData<typeof action>()?.errors
  return (
    <div className="page page--narrow">
      <title>{`${t('forgot.title')} · ${t('app.name')}`}</title>
      <h1>{t('forgot.title')}</h1>
      {loaderData.sent ? (
        <Notice>
          <p>{t('forgot.sent')}</p>
        </Notice>
      ) : (
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <p>{t('forgot.intro')}</p>
          <FormErrors errors={errors} />
          <Field name="email" type="email" label={t('fields.email')} autoComplete="email" errors={errors} required />
          <button type="submit" className="button">{t('forgot.submit')}</button>
        </Form>
      )}
    </div>
  )
}
