import { Link, NavLink, useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'

/** The administrators' pages, for moving between them. */
export function AdminNav() {
  const { t } = useTranslation()
  const links = [
    { to: '/admin', label: t('admin.nav.overview') },
    { to: '/admin/users', label: t('admin.nav.users') },
    { to: '/admin/organisations', label: t('admin.nav.organisations') },
    { to: '/admin/audit', label: t('admin.nav.audit') },
    { to: '/admin/outbox', label: t('admin.nav.outbox') },
  ]
  return (
    <nav className="account-nav admin-nav" aria-label={t('admin.nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end>{l.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** Previous and next page of a long list; every other query parameter is kept. */
export function Pager({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  if (pageCount <= 1) return null
  const to = (n: number) => {
    const next = new URLSearchParams(params)
    next.set('page', String(n))
    return `?${next.toString()}`
  }
  return (
    <nav className="pager" aria-label={t('admin.pager.label')}>
      <p>
        {page > 1 && <Link to={to(page - 1)} rel="prev">{t('admin.pager.previous')}</Link>}
        {' '}
        <span>{t('admin.pager.position', { page, pageCount })}</span>
        {' '}
        {page < pageCount && <Link to={to(page + 1)} rel="next">{t('admin.pager.next')}</Link>}
      </p>
    </nav>
  )
}

/** A labelled drop-down of a filter form; the empty choice means "any". */
export function SelectField(props: {
  name: string
  label: string
  anyLabel: string
  options: { value: string; label: string }[]
  defaultValue?: string
}) {
  const id = `field-${props.name}`
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.defaultValue ?? ''}>
        <option value="">{props.anyLabel}</option>
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </div>
  )
}
