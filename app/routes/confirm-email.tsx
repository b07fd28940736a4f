import { data, Form, Link, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/confirm-email'
import { parseForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { FormErrors, Notice, TokenForm } from '../components/forms.tsx'

const Token = z.object({ token: z.string().min(10).max(200) })

// The link opens a page with a button: mail scanners that fetch links confirm nothing.
export function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return { token }
}

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = await parseForm(request, Token)
  if (!parsed.ok) return data({ confirmed: false, errors: { form: ['errors.token.invalid-token'] } }, { status: 400 })
  const result = await servicesOf(context).accounts.confirmEmail(parsed.data.token)
  if (!result.ok) return data({ confirmed: false, errors: { form: [`errors.token.${result.reason}`] } }, { status: 400 })
  return { confirmed: true, errors: undefined }
}

export default function ConfirmEmail({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  return (
    <div className="page page--narrow">
      <title>{`${t('confirm.title')} · ${t('app.name')}`}</title>
      <h1>{t('confirm.title')}</h1>
      {actionData?.confirmed ? (
        <Notice>
          <p>{t('confirm.done')}</p>
          <p>
            <Link to="/login" className="button">{t('nav.login')}</Link>
          </p>
        </Notice>
      ) : (
        <>
          <FormErrors errors={actionData?.errors} />
          <TokenForm token={loaderData.token} intro={t('confirm.intro')} submit={t('confirm.submit')} />
        </>
      )}
    </div>
  )
}
