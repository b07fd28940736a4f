import { data, Form, Link, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/interested-parties-leave'
import { ListingConfirmation } from '../../consultation/interested-party-inputs.ts'
import { parseForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { FormErrors, Notice, TokenForm } from '../components/forms.tsx'

// The link in every invitation that takes the party off the list, account or not. It opens
// a page with a button: mail scanners that fetch links take nobody off.
export function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  return { token: token.slice(0, 200) }
}

export async function action({ request, context }: Route.ActionArgs) {
  const parsed = await parseForm(request, ListingConfirmation)
  const refused = () => data({ institution: null, alreadyOff: false, errors: { form: ['errors.parties.invalid-leave-token'] } }, { status: 400 })
  if (!parsed.ok) return refused()
  const result = await servicesOf(context).institutions.leaveByLink(parsed.data.token)
  if (!result.ok) return refused()
  const { slug, name } = result.value.institution
  return { institution: { slug, name }, alreadyOff: result.value.alreadyOff, errors: undefined }
}

export default function LeaveList({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const institution = actionData?.institution
  return (
    <div className="page page--narrow">
      <title>{`${t('listingLeave.title')} · ${t('app.name')}`}</title>
      <h1>{t('listingLeave.title')}</h1>
      {institution ? (
        <Notice>
          <p>{t(actionData.alreadyOff ? 'listingLeave.alreadyOff' : 'listingLeave.done', { institution: institution.name })}</p>
          <p>
            <Link to={`/organisations/${institution.slug}/interested-parties`} className="button button--secondary">{t('listingConfirm.viewList')}</Link>
          </p>
        </Notice>
      ) : actionData?.errors ? (
        <FormErrors errors={actionData.errors} />
      ) : (
        <TokenForm token={loaderData.token} intro={t('listingLeave.intro')} submit={t('listingLeave.submit')} />
      )}
    </div>
  )
}
