/**
 * The interface locales. bs is the default; sr-Latn and sr-Cyrl are the same language
 * in two scripts. Formatting always states script and region (see localeFormatTag).
 */
export const LOCALES = ['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en'] as const
export type Locale = (typeof LOCALES)[number]
export const DEFAULT_LOCALE: Locale = 'bs'
export const LOCALE_COOKIE = 'lng'
export const LOCALE_QUERY_PARAM = 'lng'

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value)
}

/** The full BCP 47 tag for Intl formatting: ICU would read bare "sr" as Cyrillic Serbia. */
export function localeFormatTag(locale: Locale): string {
  switch (locale) {
    case 'bs': return 'bs-Latn-BA'
    case 'hr': return 'hr-Latn-BA'
    case 'sr-Latn': return 'sr-Latn-BA'
    case 'sr-Cyrl': return 'sr-Cyrl-BA'
    case 'en': return 'en-GB'
  }
}

/** Each locale's name in its own language, for the switcher. */
export const LOCALE_NAMES: Record<Locale, string> = {
  bs: 'Bosanski',
  hr: 'Hrvatski',
  'sr-Latn': 'Srpski (latinica)',
  'sr-Cyrl': 'Српски (ћирилица)',
  en: 'English',
}

/** Times are stored in UTC and always shown in this zone. */
export const DISPLAY_TIME_ZONE = 'Europe/Sarajevo'
