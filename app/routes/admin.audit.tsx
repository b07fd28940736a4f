import { data, Form, Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/admin.audit'
import { canReadAuditLog } from '../../accounts/permissions.ts'
import { requireUser } from '../.server/auth.ts'
import { adminServicesOf } from '../.server/admin-context.ts'
import { requestContext } from '../.server/context.ts'
import { AdminNav, Pager, SelectField } from '../components/admin.tsx'
import { Field } from '../components/forms.tsx'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

// Empty fields of the filter form arrive as '' and mean "no filter".
const text = (max: number) => z.string().trim().max(max).optional().transform((v) => v || undefined)
const Query = z.object({
  actorId: text(100),
  person: text(200),
  objectType: text(100),
  objectId: text(200),
  action: text(100),
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
})

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  if (!canReadAuditLog(actor)) throw data({ reason: 'forbidden' }, { status: 403 })
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const { actorId, person, objectType, objectId, action, page: requestedPage } = query.data
  const result = await adminServicesOf(context).auditEvents(actor, { actorId, actorQuery: person, objectType, objectId, action, page: requestedPage })
  if (!result.ok) throw data({ reason: result.reason }, { status: 403 })
  const { events, actions, objectTypes, page, pageCount, total } = result.value
  return {
    locale: context.get(requestContext).locale,
    filter: { actorId: actorId ?? '', person: person ?? '', objectType: objectType ?? '', objectId: objectId ?? '', action: action ?? '' },
    actions,
    objectTypes,
    page: { page, pageCount, total },
    events: events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      action: e.action,
      objectType: e.objectType,
      objectId: e.objectId,
      data: e.data === null ? null : JSON.stringify(e.data),
      actor: e.actor && { id: e.actor.id, name: e.actor.name },
    })),
  }
}

function filterLink(params: Record<string, string>) {
  return `?${new URLSearchParams(params).toString()}`
}

export default function AdminAudit({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { events, actions, objectTypes, filter, page, locale } = loaderData
  return (
    <div className="page">
      <title>{`${t('admin.audit.title')} · ${t('app.name')}`}</title>
      <AdminNav />
      <header className="page-header">
        <h1>{t('admin.audit.title')}</h1>
        <p className="lead">{t('admin.audit.intro')}</p>
      </header>
      <Form method="get" className="filters">
        {filter.actorId && <input type="hidden" name="actorId" value={filter.actorId} />}
        <Field name="person" type="search" label={t('admin.audit.person')} defaultValue={filter.person} />
        <SelectField
          name="objectType"
          label={t('admin.audit.objectType')}
          anyLabel={t('admin.audit.any')}
          defaultValue={filter.objectType}
          options={objectTypes.map((o) => ({ value: o, label: o }))}
        />
        <Field name="objectId" label={t('admin.audit.objectId')} defaultValue={filter.objectId} />
        <SelectField
          name="action"
          label={t('admin.audit.action')}
          anyLabel={t('admin.audit.any')}
          defaultValue={filter.action}
          options={actions.map((a) => ({ value: a, label: a }))}
        />
        <button type="submit" className="button">{t('admin.audit.filterSubmit')}</button>
      </Form>
      {filter.actorId && (
        <p>
          {t('admin.audit.actorFilter', { id: filter.actorId })} <Link to="/admin/audit">{t('admin.audit.clear')}</Link>
        </p>
      )}
      <p className="muted">{t('admin.audit.total', { number: page.total })}</p>
      {events.length === 0 ? (
        <p className="empty">{t('admin.audit.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.audit.at')}</th>
              <th scope="col">{t('admin.audit.actor')}</th>
              <th scope="col">{t('admin.audit.action')}</th>
              <th scope="col">{t('admin.audit.object')}</th>
              <th scope="col">{t('admin.audit.data')}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.at, locale as Locale)}</td>
                <td>
                  {e.actor ? (
                    <Link to={filterLink({ actorId: e.actor.id })}>{e.actor.name ?? t('admin.audit.erased', { id: e.actor.id })}</Link>
                  ) : (
                    <span className="muted">{t('admin.audit.system')}</span>
                  )}
                </td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>
                  <Link to={filterLink({ objectType: e.objectType, objectId: e.objectId })}>
                    <code>{e.objectType}</code> <code>{e.objectId}</code>
                  </Link>
                </td>
                <td>{e.data && <code>{e.data}</code>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page.page} pageCount={page.pageCount} />
    </div>
  )
}
