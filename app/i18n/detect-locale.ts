import { match } from '@formatjs/intl-localematcher'
import Negotiator from 'negotiator'
import { DEFAULT_LOCALE, LOCALES, isLocale, type Locale } from './locales.ts'

/**
 * The locale of a request: an explicit `?lng=` wins, then the remembered cookie, then
 * the browser's Accept-Language (bare "sr" means Cyrillic, as ICU reads it), then bs.
 */
export function detectLocale(input: { query?: string | null; cookie?: string | null; acceptLanguage?: string | null }): Locale {
  if (isLocale(input.query)) return input.query
  if (isLocale(input.cookie)) return input.cookie
  if (input.acceptLanguage) {
    const requested = new Negotiator({ headers: { 'accept-language': input.acceptLanguage } }).languages()
    if (requested.length > 0 && !(requested.length === 1 && requested[0] === '*')) {
      try {
        const matched = match(requested, LOCALES as unknown as string[], DEFAULT_LOCALE, { algorithm: 'best fit' })
        if (isLocale(matched)) return matched
      } catch {
        // A malformed language tag in the header: fall back to the default.
      }
    }
  }
  return DEFAULT_LOCALE
}
