import { describe, expect, it } from 'vitest'
import { detectLocale } from './detect-locale.ts'

describe('detectLocale', () => {
  it('defaults to Bosnian', () => {
    expect(detectLocale({})).toBe('bs')
  })
  it('prefers the query parameter over the cookie and the header', () => {
    expect(detectLocale({ query: 'sr-Cyrl', cookie: 'hr', acceptLanguage: 'en' })).toBe('sr-Cyrl')
  })
  it('uses the cookie when the query is absent or unknown', () => {
    expect(detectLocale({ query: 'xx', cookie: 'hr', acceptLanguage: 'en' })).toBe('hr')
  })
  it('follows Accept-Language on a first visit', () => {
    expect(detectLocale({ acceptLanguage: 'hr-HR,hr;q=0.9,en;q=0.5' })).toBe('hr')
    expect(detectLocale({ acceptLanguage: 'en-US,en;q=0.9' })).toBe('en')
    expect(detectLocale({ acceptLanguage: 'sr-Latn-BA' })).toBe('sr-Latn')
  })
  it('reads bare Serbian as Cyrillic, as ICU does', () => {
    expect(detectLocale({ acceptLanguage: 'sr' })).toBe('sr-Cyrl')
  })
  it('falls back to Bosnian for languages it does not offer and for garbage', () => {
    expect(detectLocale({ acceptLanguage: 'de-DE,de;q=0.9' })).toBe('bs')
    expect(detectLocale({ acceptLanguage: ';;;,,=q' })).toBe('bs')
  })
})
