import { transliterate } from '../../drafting/transliteration.ts'
import type { DraftScript } from '../../drafting/language.ts'
import type { Locale } from './locales.ts'

// Names people typed (a draft's or a round's title, an institution, a version's name) are
// stored as typed, in either script. A Serbian interface shows them in its own script;
// the other interfaces show them as typed. Display only: stored data never changes.

/** The script a Serbian interface is written in; null for the interfaces that show names as typed. */
export function interfaceScript(locale: string): DraftScript | null {
  return locale === 'sr-Cyrl' ? 'cyrl' : locale === 'sr-Latn' ? 'latn' : null
}

/** A name as a reader of `locale` sees it: "Zakon o uslugama" reads "Закон о услугама" in sr-Cyrl. */
export function inInterfaceScript(text: string, locale: Locale | string): string {
  const script = interfaceScript(locale)
  return script ? transliterate(text, script) : text
}
