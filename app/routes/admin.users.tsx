import { data, Form, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/admin.users'
import { canManageUsers } from '../../accounts/permissions.ts'
import { SiteRoleChange, type SiteRoleProblem } from '../../accounts/admin.ts'
import { requireUser } from '../.server/auth.ts'
import { adminServicesOf } from '../.server/admin-context.ts'
import { requestContext } from '../.server/context.ts'
import { invalid, parseForm } from '../.server/forms.ts'
import { AdminNav, Pager } from '../components/admin.tsx'
import { CsrfField, Field, FormErrors, Notice } from '../components/forms.tsx'
import { formatDate } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

const Query = z.object({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
})

const STATUS: Record<SiteRoleProblem, number> = { forbidden: 403, 'not-found': 404, 'cannot-demote-self': 409 }

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  if (!canManageUsers(actor)) throw data({ reason: 'forbidden' }, { status: 403 })
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const result = await adminServicesOf(context).users(actor, { q: query.data.q || undefined, page: query.data.page })
  if (!result.ok) throw data({ reason: result.reason }, { status: 403 })
  const { users, page, pageCount, total } = result.value
  return {
    locale: context.get(requestContext).locale,
    q: query.data.q ?? '',
    currentUserId: actor.userId,
    page: { page, pageCount, total },
    users: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      siteRole: u.siteRole,
      status: u.deletedAt ? 'deleted' : u.emailVerifiedAt ? 'confirmed' : 'unconfirmed',
      organisations: u.organisations,
      createdAt: u.createdAt.toISOString(),
    })),
  }
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  if (!canManageUsers(actor)) throw data({ reason: 'forbidden' }, { status: 403 })
  const parsed = await parseForm(request, SiteRoleChange)
  if (!parsed.ok) return invalid({ form: ['errors.form.unreadable'] })
  const result = await adminServicesOf(context).setSiteRole(actor, parsed.data.userId, parsed.data.role)
  if (!result.ok) return invalid({ form: [`errors.admin.${result.reason}`] }, STATUS[result.reason])
  const { changed, role, name, email, userId } = result.value
  return {
    notice: !changed ? 'admin.users.unchanged' : role === 'admin' ? 'admin.users.granted' : 'admin.users.revoked',
    name: name ?? email ?? userId,
    errors: undefined,
  }
}

export default function AdminUsers({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors
  const notice = actionData && 'notice' in actionData ? actionData : null
  const { users, q, page, currentUserId, locale } = loaderData
  return (
    <div className="page">
      <title>{`${t('admin.users.title')} · ${t('app.name')}`}</title>
      <AdminNav />
      <header className="page-header">
        <h1>{t('admin.users.title')}</h1>
        <p className="lead">{t('admin.users.intro')}</p>
      </header>
      {notice && (
        <Notice>
          <p>{t(notice.notice, { name: notice.name })}</p>
        </Notice>
      )}
      <FormErrors errors={errors} />
      <Form method="get" className="filters" role="search">
        <Field name="q" type="search" label={t('admin.users.search')} defaultValue={q} />
        <button type="submit" className="button">{t('admin.users.searchSubmit')}</button>
      </Form>
      <p className="muted">{t('admin.users.total', { number: page.total })}</p>
      {users.length === 0 ? (
        <p className="empty">{t('admin.users.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.users.name')}</th>
              <th scope="col">{t('admin.users.email')}</th>
              <th scope="col">{t('admin.users.role')}</th>
              <th scope="col">{t('admin.users.status')}</th>
              <th scope="col">{t('admin.users.organisations')}</th>
              <th scope="col">{t('admin.users.createdAt')}</th>
              <th scope="col">{t('admin.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => {
              const label = u.name ?? u.email ?? u.id
              return (
                <tr key={u.id}>
                  <td>{u.name ?? <span className="muted">{t('admin.users.erased')}</span>}</td>
                  <td>{u.email}</td>
                  <td>{t(`admin.role.${u.siteRole}`)}</td>
                  <td>{t(`admin.users.statusValue.${u.status}`)}</td>
                  <td>{u.organisations}</td>
                  <td>{formatDate(u.createdAt, locale as Locale)}</td>
                  <td>
                    {u.id === currentUserId ? (
                      <span className="muted">{t('admin.users.you')}</span>
                    ) : u.status === 'deleted' ? null : (
                      <Form method="post" className="inline-form">
                        <CsrfField />
                        <input type="hidden" name="userId" value={u.id} />
                        <input type="hidden" name="role" value={u.siteRole === 'admin' ? 'user' : 'admin'} />
                        {u.siteRole === 'admin' ? (
                          <button type="submit" className="button button--small button--secondary" aria-label={t('admin.users.revokeFor', { name: label })}>
                            {t('admin.users.revoke')}
                          </button>
                        ) : (
                          <button type="submit" className="button button--small" aria-label={t('admin.users.grantFor', { name: label })}>
                            {t('admin.users.grant')}
                          </button>
                        )}
                      </Form>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
      <Pager page={page.page} pageCount={page.pageCount} />
    </div>
  )
}
