import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/account'
import { AccountDeletion, PasswordChange, ProfileUpdate } from '../../accounts/inputs.ts'
import { parseForm, invalid, peekForm } from '../.server/forms.ts'
import { servicesOf, sessionOf } from '../.server/route-helpers.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { SESSION_COOKIE, clearCookieHeader } from '../.server/cookies.ts'
import { CsrfField, Field, FormErrors, Notice } from '../components/forms.tsx'
import { formatDate } from '../i18n/format.ts'
import { LOCALE_NAMES, isLocale, type Locale } from '../i18n/locales.ts'

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const profile = await servicesOf(context).accounts.profile(actor.userId)
  if (!profile) throw redirect('/login')
  const url = new URL(request.url)
  return {
    locale: context.get(requestContext).locale,
    saved: url.searchParams.get('saved'),
    profile: {
      name: profile.name ?? '',
      email: profile.email ?? '',
      locale: profile.locale,
      createdAt: profile.createdAt.toISOString(),
      organisations: profile.organisations,
    },
  }
}

export async function action({ request, context }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const services = servicesOf(context)
  const form = await peekForm(request)
  if (!form) return invalid({ form: ['errors.form.unreadable'] })
  const intent = form.get('intent')
  if (intent === 'profile') {
    const parsed = await parseForm(request, ProfileUpdate)
    if (!parsed.ok) return invalid(parsed.errors)
    await services.accounts.updateProfile(actor.userId, parsed.data)
    return redirect('/account?saved=profile')
  }
  if (intent === 'password') {
    const parsed = await parseForm(request, PasswordChange)
    if (!parsed.ok) return invalid(parsed.errors)
    const result = await services.accounts.changePassword(actor.userId, parsed.data, sessionOf(context).sessionId)
    if (!result.ok) return invalid({ currentPassword: [`errors.account.${result.reason}`] })
    return redirect('/account?saved=password')
  }
  if (intent === 'delete') {
    const parsed = await parseForm(request, AccountDeletion, { rename: { deleteCurrentPassword: 'currentPassword' } })
    if (!parsed.ok) return data({ errors: prefix(parsed.errors) }, { status: 400 })
    const result = await services.accounts.deleteAccount(actor.userId, parsed.data)
    if (!result.ok) return data({ errors: { deleteCurrentPassword: [`errors.account.${result.reason}`] } }, { status: 400 })
    return redirect('/?deleted=1', { headers: { 'Set-Cookie': clearCookieHeader(SESSION_COOKIE, context.get(requestContext).secureCookies) } })
  }
  return invalid({ form: ['errors.form.unreadable'] })
}

// The deletion form names its password field differently, so errors land on the right form.
function prefix(errors: Partial<Record<string, string[]>>) {
  return { deleteCurrentPassword: errors.currentPassword, confirm: errors.confirm, form: errors.form }
}

export default function Account({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const errors = useActionData<typeof action>()?.errors
  const { profile, saved, locale } = loaderData
  return (
    <div className="page page--narrow">
      <title>{`${t('account.title')} · ${t('app.name')}`}</title>
      <h1>{t('account.title')}</h1>
      <p className="muted">{t('account.since', { date: formatDate(profile.createdAt, locale as Locale) })} · {profile.email}</p>
      {saved && (
        <Notice>
          <p>{t(saved === 'password' ? 'account.passwordSaved' : 'account.profileSaved')}</p>
        </Notice>
      )}

      <section className="panel" aria-labelledby="profile-title">
        <h2 id="profile-title">{t('account.profile')}</h2>
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="profile" />
          <Field name="name" label={t('fields.name')} autoComplete="name" defaultValue={profile.name} errors={errors} required />
          <p className="muted">
            {t('account.language', { language: isLocale(profile.locale) ? LOCALE_NAMES[profile.locale] : LOCALE_NAMES[locale as Locale] })}
          </p>
          <button type="submit" className="button">{t('account.saveProfile')}</button>
        </Form>
      </section>

      <p>
        <Link to="/account/comments">{t('myComments.link')}</Link>
      </p>

      <section className="panel" aria-labelledby="orgs-title">
        <h2 id="orgs-title">{t('account.organisations')}</h2>
        {profile.organisations.length === 0 ? (
          <p>{t('account.noOrganisations')}</p>
        ) : (
          <ul>
            {profile.organisations.map((o) => (
              <li key={o.slug}>
                <Link to={`/organisations/${o.slug}`}>{o.name}</Link> · {t(`membershipRole.${o.role}`)} · {t(`verification.${o.verification}`)}
              </li>
            ))}
          </ul>
        )}
        <p>
          <Link to="/organisations/new">{t('account.requestOrganisation')}</Link>
        </p>
      </section>

      <section className="panel" aria-labelledby="password-title">
        <h2 id="password-title">{t('account.changePassword')}</h2>
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="password" />
          <Field name="currentPassword" type="password" label={t('fields.currentPassword')} autoComplete="current-password" errors={errors} required />
          <Field name="password" type="password" label={t('fields.newPassword')} hint={t('fields.passwordHint')} autoComplete="new-password" errors={errors} required />
          <button type="submit" className="button">{t('account.savePassword')}</button>
        </Form>
      </section>

      <section className="panel panel--danger" aria-labelledby="delete-title">
        <h2 id="delete-title">{t('account.delete')}</h2>
        <p>{t('account.deleteExplained')}</p>
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="delete" />
          <FormErrors errors={errors} />
          <Field name="deleteCurrentPassword" type="password" label={t('fields.currentPassword')} autoComplete="current-password" errors={errors} required />
          <div className={`checkbox${errors && 'confirm' in errors && errors.confirm ? ' field--invalid' : ''}`}>
            <input type="checkbox" id="confirm-delete" name="confirm" />
            <label htmlFor="confirm-delete">{t('account.deleteConfirm')}</label>
            {errors && 'confirm' in errors && errors.confirm && <p className="field__error">{errors.confirm.map((e) => t(e)).join(' ')}</p>}
          </div>
          <button type="submit" className="button button--danger">{t('account.deleteSubmit')}</button>
        </Form>
      </section>
    </div>
  )
}
