import { data, Form, Link, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/reset-password'
import { PasswordReset } from '../../accounts/inputs.ts'
import { parseForm, invalid } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { CsrfField, Field, FormErrors, Notice } from '../components/forms.tsx'

export function loader({ request }: Route.LoaderArgs) {
  return { token: new URL(request.url).searchParams.get('token') ?? '' }
}

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = await parseForm(request, PasswordReset)
  if (!parsed.ok) return invalid(parsed.errors.token ? { form: ['errors.token.invalid-token'] } : parsed.errors)
  const result = await servicesOf(context).accounts.resetPassword(parsed.data)
  if (!result.ok) return data({ done: false, errors: { form: [`errors.token.${result.reason}`] } }, { status: 400 })
  return { done: true, errors: undefined }
}

export default function ResetPassword({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors
  return (
    <div className="page page--narrow">
      <title>{`${t('reset.title')} · ${t('app.name')}`}</title>
      <h1>{t('reset.title')}</h1>
      {actionData && 'done' in actionData && actionData.done ? (
        <Notice>
          <p>{t('reset.done')}</p>
          <p>
            <Link to="/login" className="button">{t('nav.login')}</Link>
          </p>
        </Notice>
      ) : (
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <input type="hidden" name="token" value={loaderData.token} />
          <FormErrors errors={errors} />
          <Field name="password" type="password" label={t('fields.newPassword')} hint={t('fields.passwordHint')} autoComplete="new-password" errors={errors} required />
          <button type="submit" className="button">{t('reset.submit')}</button>
        </Form>
      )}
    </div>
  )
}
