import { data, Form, Link, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/interested-parties-confirm'
import { ListingConfirmation } from '../../consultation/interested-party-inputs.ts'
import { parseForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { FormErrors, Notice, TokenForm } from '../components/forms.tsx'

// The link e-mailed to someone who asked to join a list without an account. It opens a
// page with a button: mail scanners that fetch links confirm nothing.
export function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return { token: token.slice(0, 200) }
}

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = await parseForm(request, ListingConfirmation)
  if (!parsed.ok) return data({ outcome: 'refused' as const, institution: null, errors: { form: ['errors.parties.invalid-token'] } }, { status: 400 })
  const result = await servicesOf(context).institutions.confirmListing(parsed.data.token)
  if (result.ok) {
    const { slug, name } = result.value.institution
    return { outcome: 'listed' as const, institution: { slug, name }, errors: undefined }
  }
  // Not an error for the person: the address is on the list, as they wanted.
  if (result.reason === 'already-listed') return { outcome: 'already-listed' as const, institution: null, errors: undefined }
  const status = result.reason === 'expired-token' ? 410 : result.reason === 'used-token' ? 409 : 400
  return data({ outcome: 'refused' as const, institution: null, errors: { form: [`errors.parties.${result.reason}`] } }, { status })
}

export default function ConfirmListing({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  return (
    <div className="page page--narrow">
      <title>{`${t('listingConfirm.title')} · ${t('app.name')}`}</title>
      <h1>{t('listingConfirm.title')}</h1>
      {actionData?.outcome === 'listed' && actionData.institution ? (
        <Notice>
          <p>{t('listingConfirm.done', { institution: actionData.institution.name })}</p>
          <p>
            <Link to={`/organisations/${actionData.institution.slug}/interested-parties`} className="button">{t('listingConfirm.viewList')}</Link>
          </p>
        </Notice>
      ) : actionData?.outcome === 'already-listed' ? (
        <Notice>
          <p>{t('listingConfirm.alreadyListed')}</p>
        </Notice>
      ) : actionData?.outcome === 'refused' ? (
        <FormErrors errors={actionData.errors} />
      ) : (
        <TokenForm token={loaderData.token} intro={t('listingConfirm.intro')} submit={t('listingConfirm.submit')} />
      )}
    </div>
  )
}
