import { startTransition, StrictMode } from 'react'
import { hydrateRoot } from 'react-dom/client'
import { HydratedRouter } from 'react-router/dom'
import { I18nextProvider } from 'react-i18next'
import { createI18n } from './i18n/instance.ts'
import { DEFAULT_LOCALE, isLocale } from './i18n/locales.ts'

// The server chose the locale and wrote it into <html lang>: read it back from there.
const lang = document.documentElement.lang
const i18n = createI18n(isLocale(lang) ? lang : DEFAULT_LOCALE)

startTransition(() => {
  hydrateRoot(
    document,
    <StrictMode>
      <I18nextProvider i18n={i18n}>
        <HydratedRouter />
      </I18nextProvider>
    </StrictMode>,
  )
})
