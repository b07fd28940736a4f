// What a public text must not show, whatever its author typed: e-mail and IP addresses,
// and the name of an author who did not agree to be named (people sign their comments
// "S poštovanjem, …" even when they asked not to be named). Applied wherever comments
// leave for the public: the round pages, the open-data API and the public report.

/** What replaces a removed address or name. */
export const ADDRESS_MARKER = '[…]'

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu
const IPV4 = /\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b/g
const IPV6 = /\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|\b(?:[0-9a-f]{1,4}:){1,6}:(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?\b/gi

/**
 * A public text with e-mail and IP addresses replaced by ADDRESS_MARKER: moderators redact
 * personal data by hand, and this catches what slips through before it leaves as open data.
 */
export function withoutAddresses(text: string): string {
  return text.replace(EMAIL, ADDRESS_MARKER).replace(IPV4, ADDRESS_MARKER).replace(IPV6, (m) => (/[0-9a-f]:[0-9a-f]/i.test(m) && m.split(':').length > 3 ? ADDRESS_MARKER : m))
}

/**
 * A public text with the names of people who did not agree to be named replaced by
 * ADDRESS_MARKER: people sign their comments ("S poštovanjem, …") even when they asked not
 * to be named. Whole words only, case-insensitively.
 */
export function withoutNames(text: string, names: readonly string[]): string {
  let out = text
  for (const name of names) {
    const trimmed = name.trim()
    if (trimmed.length < 3) continue
    const pattern = trimmed.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'giu'), ADDRESS_MARKER)
  }
  return out
}

/** A public text without addresses and without the given names. */
export function cleanPublicText(text: string, names: readonly string[]): string {
  return withoutNames(withoutAddresses(text), names)
}
