import { data, Form } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/admin.outbox'
import { canReadOutbox } from '../../accounts/permissions.ts'
import { requireUser } from '../.server/auth.ts'
import { adminServicesOf } from '../.server/admin-context.ts'
import { requestContext } from '../.server/context.ts'
import { AdminNav, Pager } from '../components/admin.tsx'
import { Field } from '../components/forms.tsx'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

const Query = z.object({
  to: z.string().trim().max(254).optional(),
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
})

type Delivery = 'kept' | 'sent' | 'failed' | 'pending'

// Without SMTP the outbox is the delivery; with SMTP the row records whether it went out.
function deliveryOf(e: { transport: string; sentAt: Date | null; error: string | null }): Delivery {
  if (e.error) return 'failed'
  if (e.sentAt) return 'sent'
  return e.transport === 'outbox' ? 'kept' : 'pending'
}

// The colours of the verification badges: green for done, red for refused, amber otherwise.
const BADGE: Record<Delivery, string> = { sent: 'badge--verified', failed: 'badge--rejected', kept: 'badge--requested', pending: 'badge--requested' }

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  if (!canReadOutbox(actor)) throw data({ reason: 'forbidden' }, { status: 403 })
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const result = await adminServicesOf(context).outbox(actor, { to: query.data.to || undefined, page: query.data.page })
  if (!result.ok) throw data({ reason: result.reason }, { status: 403 })
  const { emails, page, pageCount, total } = result.value
  return {
    locale: context.get(requestContext).locale,
    to: query.data.to ?? '',
    page: { page, pageCount, total },
    emails: emails.map((e) => ({
      id: e.id,
      to: e.to,
      subject: e.subject,
      text: e.text,
      delivery: deliveryOf(e),
      error: e.error,
      createdAt: e.createdAt.toISOString(),
    })),
  }
}

export default function AdminOutbox({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { emails, to, page, locale } = loaderData
  return (
    <div className="page">
      <title>{`${t('admin.outbox.title')} · ${t('app.name')}`}</title>
      <AdminNav />
      <header className="page-header">
        <h1>{t('admin.outbox.title')}</h1>
        <p className="lead">{t('admin.outbox.intro')}</p>
      </header>
      <Form method="get" className="filters" role="search">
        <Field name="to" type="search" label={t('admin.outbox.to')} defaultValue={to} />
        <button type="submit" className="button">{t('admin.outbox.filterSubmit')}</button>
      </Form>
      <p className="muted">{t('admin.outbox.total', { number: page.total })}</p>
      {emails.length === 0 ? (
        <p className="empty">{t('admin.outbox.empty')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('admin.outbox.createdAt')}</th>
              <th scope="col">{t('admin.outbox.to')}</th>
              <th scope="col">{t('admin.outbox.subject')}</th>
              <th scope="col">{t('admin.outbox.status')}</th>
            </tr>
          </thead>
          <tbody>
            {emails.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.createdAt, locale as Locale)}</td>
                <td>{e.to}</td>
                <td>
                  <details>
                    <summary>{e.subject}</summary>
                    <pre className="mail-body">{e.text}</pre>
                  </details>
                </td>
                <td>
                  <span className={`badge ${BADGE[e.delivery]}`}>{t(`admin.outbox.delivery.${e.delivery}`)}</span>
                  {e.error && <p className="muted">{t('admin.outbox.error', { error: e.error })}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={page.page} pageCount={page.pageCount} />
    </div>
  )
}
