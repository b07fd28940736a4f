import { DISPLAY_TIME_ZONE, type Locale } from './locales.ts'

// Dates are formatted the same way on the server and in every browser. Intl gives the
// calendar fields in Europe/Sarajevo (numeric fields exist in every ICU build); month names
// and patterns come from this table, because browsers ship different ICU data — some have
// no Bosnian at all — and a page must hydrate with exactly the text the server rendered.

// A month named with its day takes the genitive in every South Slavic locale ("14. decembra
// 2026.", "14. prosinca 2026."); a month named alone ("decembar 2026.") takes the nominative.
const MONTHS_OF_DAY: Record<Locale, readonly string[]> = {
  bs: ['januara', 'februara', 'marta', 'aprila', 'maja', 'juna', 'jula', 'augusta', 'septembra', 'oktobra', 'novembra', 'decembra'],
  hr: ['siječnja', 'veljače', 'ožujka', 'travnja', 'svibnja', 'lipnja', 'srpnja', 'kolovoza', 'rujna', 'listopada', 'studenoga', 'prosinca'],
  'sr-Latn': ['januara', 'februara', 'marta', 'aprila', 'maja', 'juna', 'jula', 'avgusta', 'septembra', 'oktobra', 'novembra', 'decembra'],
  'sr-Cyrl': ['јануара', 'фебруара', 'марта', 'априла', 'маја', 'јуна', 'јула', 'августа', 'септембра', 'октобра', 'новембра', 'децембра'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}
const MONTHS_ALONE: Record<Locale, readonly string[]> = {
  bs: ['januar', 'februar', 'mart', 'april', 'maj', 'juni', 'juli', 'august', 'septembar', 'oktobar', 'novembar', 'decembar'],
  hr: ['siječanj', 'veljača', 'ožujak', 'travanj', 'svibanj', 'lipanj', 'srpanj', 'kolovoz', 'rujan', 'listopad', 'studeni', 'prosinac'],
  'sr-Latn': ['januar', 'februar', 'mart', 'april', 'maj', 'jun', 'jul', 'avgust', 'septembar', 'oktobar', 'novembar', 'decembar'],
  'sr-Cyrl': ['јануар', 'фебруар', 'март', 'април', 'мај', 'јун', 'јул', 'август', 'септембар', 'октобар', 'новембар', 'децембар'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
}
const AT: Record<Locale, string> = { bs: 'u', hr: 'u', 'sr-Latn': 'u', 'sr-Cyrl': 'у', en: 'at' }

const fields = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** The calendar fields of an instant in Europe/Sarajevo. */
export function sarajevoFields(value: Date | string): { year: number; month: number; day: number; hour: string; minute: string } {
  const parts = Object.fromEntries(fields.formatToParts(new Date(value)).map((p) => [p.type, p.value]))
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: parts.hour ?? '00', minute: parts.minute ?? '00' }
}

/** A calendar date as shown to people, in Europe/Sarajevo: "23. novembra 2026.", "23 November 2026". */
export function formatDate(value: Date | string, locale: Locale): string {
  const { year, month, day } = sarajevoFields(value)
  const name = MONTHS_OF_DAY[locale][month - 1]
  return locale === 'en' ? `${day} ${name} ${year}` : `${day}. ${name} ${year}.`
}

/** A month of a year, with no day, in Europe/Sarajevo: "novembar 2026.", "studeni 2026.", "November 2026". */
export function formatMonth(value: Date | string, locale: Locale): string {
  const { year, month } = sarajevoFields(value)
  const name = MONTHS_ALONE[locale][month - 1]
  return locale === 'en' ? `${name} ${year}` : `${name} ${year}.`
}

/** A date and time as shown to people, in Europe/Sarajevo: "23. novembra 2026. u 14:30". */
export function formatDateTime(value: Date | string, locale: Locale): string {
  const { hour, minute } = sarajevoFields(value)
  return `${formatDate(value, locale)} ${AT[locale]} ${hour}:${minute}`
}
