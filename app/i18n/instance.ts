import { createInstance, type i18n } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { resources } from './resources.ts'
import { DEFAULT_LOCALE, LOCALES, type Locale } from './locales.ts'

/** A fresh, synchronously initialised i18next instance for one request or one page. */
export function createI18n(locale: Locale): i18n {
  const instance = createInstance()
  void instance.use(initReactI18next).init({
    resources,
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: LOCALES as unknown as string[],
    // sr-Latn and sr-Cyrl must not fall back to each other through "sr".
    load: 'currentOnly',
    nonExplicitSupportedLngs: false,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  })
  return instance
}
