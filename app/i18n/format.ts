import { DISPLAY_TIME_ZONE, localeFormatTag, type Locale } from './locales.ts'

/** A date and time as shown to people: in Europe/Sarajevo, in the locale's style. */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(localeFormatTag(locale), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: DISPLAY_TIME_ZONE,
  }).format(new Date(value))
}

/** A calendar date as shown to people, in Europe/Sarajevo. */
export function formatDate(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(localeFormatTag(locale), { dateStyle: 'long', timeZone: DISPLAY_TIME_ZONE }).format(new Date(value))
}
