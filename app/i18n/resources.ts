import bs from '../locales/bs.json'
import hr from '../locales/hr.json'
import srLatn from '../locales/sr-Latn.json'
import srCyrl from '../locales/sr-Cyrl.json'
import en from '../locales/en.json'
import type { Locale } from './locales.ts'

/** Every message of every locale; bs is the reference set of keys. */
export const resources: Record<Locale, { translation: Record<string, unknown> }> = {
  bs: { translation: bs },
  hr: { translation: hr },
  'sr-Latn': { translation: srLatn },
  'sr-Cyrl': { translation: srCyrl },
  en: { translation: en },
}
