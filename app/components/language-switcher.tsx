import { useLocation } from 'react-router'
import { useTranslation } from 'react-i18next'
import { LOCALES, LOCALE_NAMES, LOCALE_QUERY_PARAM, type Locale } from '../i18n/locales.ts'

/**
 * Plain links that set `?lng=` on the current page: they work without JavaScript, and
 * the server remembers the choice in a cookie.
 */
export function LanguageSwitcher({ locale }: { locale: Locale }) {
  const { t } = useTranslation()
  const location = useLocation()
  const hrefFor = (l: Locale) => {
    const params = new URLSearchParams(location.search)
    params.set(LOCALE_QUERY_PARAM, l)
    return `${location.pathname}?${params.toString()}${location.hash}`
  }
  return (
    <nav className="language-switcher" aria-label={t('app.languageSwitcher')}>
      <ul>
        {LOCALES.map((l) => (
          <li key={l}>
            <a href={hrefFor(l)} hrefLang={l} lang={l} aria-current={l === locale ? 'true' : undefined}>
              {LOCALE_NAMES[l]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  )
}
