import { data, Form, Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/admin.organisations'
import { canDecideOrganisations, isAdmin } from '../../accounts/permissions.ts'
import { requireUser } from '../.server/auth.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { requestContext } from '../.server/context.ts'
import { AdminNav, SelectField } from '../components/admin.tsx'
import { formatDate } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

const VERIFICATION_STATES = ['requested', 'verified', 'rejected'] as const

// The empty choice of the drop-down means "every state".
const Query = z.object({ verification: z.enum(['', ...VERIFICATION_STATES]).optional() })

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  // Ministry staff decide on organisations too, so this page is not for administrators only.
  if (!canDecideOrganisations(actor)) throw data({ reason: 'forbidden' }, { status: 403 })
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const verification = query.data.verification || undefined
  const organisations = await servicesOf(context).accounts.organisations({ verification })
  return {
    locale: context.get(requestContext).locale,
    isAdmin: isAdmin(actor),
    verification: verification ?? '',
    organisations: organisations.map((o) => ({
      slug: o.slug,
      name: o.name,
      kind: o.kind,
      verification: o.verification,
      registrationNumber: o.registrationNumber,
      memberCount: o.memberCount,
      createdAt: o.createdAt.toISOString(),
    })),
  }
}

export default function AdminOrganisations({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { organisations, verification, locale } = loaderData
  return (
    <div className="page">
      <title>{`${t('admin.organisations.title')} · ${t('app.name')}`}</title>
      {loaderData.isAdmin && <AdminNav />}
      <header className="page-header">
        <h1>{t('admin.organisations.title')}</h1>
        <p className="lead">{t('admin.organisations.intro')}</p>
      </header>
      <Form method="get" className="filters">
        <SelectField
          name="verification"
          label={t('admin.organisations.verification')}
          anyLabel={t('admin.organisations.any')}
          defaultValue={verification}
          options={VERIFICATION_STATES.map((v) => ({ value: v, label: t(`verification.${v}`) }))}
        />
        <button type="submit" className="button">{t('admin.organisations.filterSubmit')}</button>
      </Form>
      {organisations.length === 0 ? (
        <p className="empty">{t('admin.organisations.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.organisations.name')}</th>
              <th scope="col">{t('admin.organisations.kind')}</th>
              <th scope="col">{t('admin.organisations.verification')}</th>
              <th scope="col">{t('fields.registrationNumber')}</th>
              <th scope="col">{t('admin.organisations.members')}</th>
              <th scope="col">{t('admin.organisations.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {organisations.map((o) => (
              <tr key={o.slug}>
                <td>
                  <Link to={`/organisations/${o.slug}`}>{o.name}</Link>
                </td>
                <td>{t(`organisationKind.${o.kind}`, { defaultValue: o.kind })}</td>
                <td>
                  <span className={`badge badge--${o.verification}`}>{t(`verification.${o.verification}`, { defaultValue: o.verification })}</span>
                </td>
                <td>{o.registrationNumber}</td>
                <td>{o.memberCount}</td>
                <td>{formatDate(o.createdAt, locale as Locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
