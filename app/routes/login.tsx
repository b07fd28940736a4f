import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/login'
import { Login } from '../../accounts/inputs.ts'
import { parseForm, invalid } from '../.server/forms.ts'
import { mailContextOf, servicesOf, sessionOf } from '../.server/route-helpers.ts'
import { requestContext } from '../.server/context.ts'
import { safeRedirectTarget } from '../.server/auth.ts'
import { SESSION_COOKIE, cookieHeader, readCookie } from '../.server/cookies.ts'
import { LOCALE_COOKIE, isLocale } from '../i18n/locales.ts'
import { CsrfField, Field, FormErrors } from '../components/forms.tsx'

export function loader({ context, request }: Route.LoaderArgs) {
  const redirectTo = safeRedirectTarget(new URL(request.url).searchParams.get('redirectTo'))
  if (sessionOf(context).actor.userId) throw redirect(redirectTo)
  return { redirectTo }
}

export async function action({ request, context }: Route.ActionArgs) {
  const services = servicesOf(context)
  const { clientIp, secureCookies } = context.get(requestContext)
  const parsed = await parseForm(request, Login)
  if (!parsed.ok) return invalid(parsed.errors)
  const accountKey = `${parsed.data.email}`
  const wait = (await services.rateLimits.consume('loginPerIp', clientIp)) ?? (await services.rateLimits.consume('loginPerAccount', accountKey))
  if (wait !== null) {
    return data({ errors: { form: ['errors.rateLimited'] } }, { status: 429, headers: { 'Retry-After': String(wait) } })
  }
  // A language chosen on this device before logging in stays, and becomes the account's.
  const chosen = readCookie(request, LOCALE_COOKIE)
  const result = await services.accounts.logIn(parsed.data, mailContextOf(context, request), isLocale(chosen) ? chosen : null)
  if (!result.ok) return data({ errors: { form: [`errors.login.${result.reason}`] } }, { status: result.reason === 'email-not-confirmed' ? 403 : 401 })
  await services.rateLimits.reset('loginPerAccount', accountKey)
  const headers = new Headers()
  headers.append('Set-Cookie', cookieHeader(SESSION_COOKIE, result.value.token, { secure: secureCookies, expires: result.value.expiresAt }))
  if (isLocale(result.value.locale)) {
    headers.append('Set-Cookie', cookieHeader(LOCALE_COOKIE, result.value.locale, { secure: secureCookies, maxAge: 365 * 24 * 60 * 60 }))
  }
  return redirect(safeRedirectTarget(parsed.form.get('redirectTo')), { headers })
}

export default function LoginPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const errors = useActionData<typeof action>()?.errors
  return (
    <div className="page page--narrow">
      <title>{`${t('login.title')} · ${t('app.name')}`}</title>
      <h1>{t('login.title')}</h1>
      <Form method="post" className="stack" noValidate>
        <CsrfField />
        <input type="hidden" name="redirectTo" value={loaderData.redirectTo} />
        <FormErrors errors={errors} />
        <Field name="email" type="email" label={t('fields.email')} autoComplete="email" errors={errors} required />
        <Field name="password" type="password" label={t('fields.password')} autoComplete="current-password" errors={errors} required />
        <button type="submit" className="button">{t('login.submit')}</button>
      </Form>
      <p>
        <Link to="/forgot-password">{t('login.forgot')}</Link>
      </p>
      <p>
        {t('login.noAccount')} <Link to="/register">{t('nav.register')}</Link>
      </p>
    </div>
  )
}
