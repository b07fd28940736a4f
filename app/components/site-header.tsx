import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../i18n/locales.ts'
import { LanguageSwitcher } from './language-switcher.tsx'
import { CsrfField } from './forms.tsx'

export interface HeaderUser {
  name: string | null
  isAdmin: boolean
}

export function SiteHeader({ locale, user }: { locale: Locale; user: HeaderUser | null }) {
  const { t } = useTranslation()
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </Link>
        <nav className="account-nav" aria-label={t('nav.account')}>
          {user ? (
            <ul>
              {user.isAdmin && (
                <li>
                  <Link to="/admin">{t('nav.admin')}</Link>
                </li>
              )}
              <li>
                <Link to="/account/comments">{t('myComments.link')}</Link>
              </li>
              <li>
                <Link to="/account">{user.name ?? t('nav.account')}</Link>
              </li>
              <li>
                <form method="post" action="/logout" className="inline-form">
                  <CsrfField />
                  <button type="submit" className="link-button">{t('nav.logout')}</button>
                </form>
              </li>
            </ul>
          ) : (
            <ul>
              <li>
                <Link to="/login">{t('nav.login')}</Link>
              </li>
              <li>
                <Link to="/register" className="button button--small">{t('nav.register')}</Link>
              </li>
            </ul>
          )}
        </nav>
        <form method="get" action="/search" role="search" className="site-search">
          <label htmlFor="site-search-q" className="site-search__label">{t('siteSearch.headerLabel')}</label>
          <input id="site-search-q" type="search" name="q" />
          <button type="submit" className="button button--small">{t('siteSearch.submit')}</button>
        </form>
        <LanguageSwitcher locale={locale} />
      </div>
    </header>
  )
}
