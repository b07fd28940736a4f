import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Locale } from '../i18n/locales.ts'
import { LanguageSwitcher } from './language-switcher.tsx'

export function SiteHeader({ locale }: { locale: Locale }) {
  const { t } = useTranslation()
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </Link>
        <LanguageSwitcher locale={locale} />
      </div>
    </header>
  )
}
