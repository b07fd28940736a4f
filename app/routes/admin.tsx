import { data, Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/admin'
import { isAdmin } from '../../accounts/permissions.ts'
import { requireUser } from '../.server/auth.ts'
import { adminServicesOf } from '../.server/admin-context.ts'
import { AdminNav } from '../components/admin.tsx'

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  if (!isAdmin(actor)) throw data({ reason: 'forbidden' }, { status: 403 })
  const result = await adminServicesOf(context).overview(actor)
  if (!result.ok) throw data({ reason: result.reason }, { status: 403 })
  return {
    counts: {
      requestedOrganisations: result.value.requestedOrganisations,
      users: result.value.users,
      outboxEmails: result.value.outboxEmails,
    },
  }
}

export default function AdminOverview({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { counts } = loaderData
  const sections = [
    { to: '/admin/organisations?verification=requested', title: t('admin.nav.organisations'), text: t('admin.overview.organisationsText'), count: t('admin.overview.organisationsCount', { number: counts.requestedOrganisations }) },
    { to: '/admin/users', title: t('admin.nav.users'), text: t('admin.overview.usersText'), count: t('admin.overview.usersCount', { number: counts.users }) },
    { to: '/admin/audit', title: t('admin.nav.audit'), text: t('admin.overview.auditText'), count: null },
    { to: '/admin/outbox', title: t('admin.nav.outbox'), text: t('admin.overview.outboxText'), count: t('admin.overview.outboxCount', { number: counts.outboxEmails }) },
  ]
  return (
    <div className="page">
      <title>{`${t('admin.title')} · ${t('app.name')}`}</title>
      <AdminNav />
      <header className="page-header">
        <h1>{t('admin.title')}</h1>
        <p className="lead">{t('admin.intro')}</p>
      </header>
      {sections.map((s) => (
        <section key={s.to} className="panel">
          <h2>
            <Link to={s.to}>{s.title}</Link>
          </h2>
          <p>{s.text}</p>
          {s.count && <p><strong>{s.count}</strong></p>}
        </section>
      ))}
    </div>
  )
}
