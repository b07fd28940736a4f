import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/register'
import { Registration } from '../../accounts/inputs.ts'
import { parseForm, invalid } from '../.server/forms.ts'
import { mailContextOf, servicesOf, sessionOf } from '../.server/route-helpers.ts'
import { requestContext } from '../.server/context.ts'
import { CsrfField, Field, FormErrors, Notice } from '../components/forms.tsx'

export function loader({ context, request }: Route.LoaderArgs) {
  if (sessionOf(context).actor.userId) throw redirect('/account')
  return { sent: new URL(request.url).searchParams.get('sent') === '1' }
}

export async function action({ request, context }: Route.ActionArgs) {
  const services = servicesOf(context)
  const wait = await services.rateLimits.consume('registrationPerIp', context.get(requestContext).clientIp)
  if (wait !== null) return data({ errors: { form: ['errors.rateLimited'] }, retryAfter: wait }, { status: 429, headers: { 'Retry-After': String(wait) } })
  const parsed = await parseForm(request, Registration)
  if (!parsed.ok) return invalid(parsed.errors)
  await services.accounts.register(parsed.data, mailContextOf(context, request))
  // The same answer whether or not the address was already registered.
  return redirect('/register?sent=1')
}

export default function Register({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors
  return (
    <div className="page page--narrow">
      <title>{`${t('register.title')} · ${t('app.name')}`}</title>
      <h1>{t('register.title')}</h1>
      {loaderData.sent ? (
        <Notice>
          <p>{t('register.sent')}</p>
        </Notice>
      ) : (
        <>
          <p className="lead">{t('register.intro')}</p>
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <FormErrors errors={errors} />
            <Field name="name" label={t('fields.name')} autoComplete="name" errors={errors} required />
            <Field name="email" type="email" label={t('fields.email')} autoComplete="email" errors={errors} required />
            <Field name="password" type="password" label={t('fields.password')} hint={t('fields.passwordHint')} autoComplete="new-password" errors={errors} required />
            <button type="submit" className="button">{t('register.submit')}</button>
          </Form>
          <p>
            {t('register.haveAccount')} <Link to="/login">{t('nav.login')}</Link>
          </p>
        </>
      )}
    </div>
  )
}
