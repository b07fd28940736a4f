import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import { resources } from './resources.ts'
import { LOCALES, localeFormatTag, type Locale } from './locales.ts'

const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/
// Addresses in messages ("npr. ime@primjer.ba", "https://…"): kept in Latin in every script.
const EMAIL_ADDRESS = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,}/gu
const WEB_ADDRESS = /https?:\/\/[^\s)“”„"]+[^\s)“”„".,;:!?]/gu

function flatten(obj: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(obj)) {
    const full = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(full, value)
    else for (const [k, v] of flatten(value as Record<string, unknown>, full)) out.set(k, v)
  }
  return out
}

const messages = Object.fromEntries(LOCALES.map((l) => [l, flatten(resources[l].translation)])) as Record<Locale, Map<string, string>>
const baseKeys = (l: Locale) => new Set([...messages[l].keys()].map((k) => k.replace(PLURAL_SUFFIX, '')))

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [full] : []
  })
}

// The interface and the domain's validation messages (zod messages are keys).
const root = path.resolve(import.meta.dirname, '..', '..')
const code = ['app', 'accounts', 'drafting', 'consultation']
  .flatMap((d) => sourceFiles(path.join(root, d)))
  .map((f) => readFileSync(f, 'utf8'))
  .join('\n')
const staticKeys = new Set([...code.matchAll(/\bt\(\s*'([^']+)'/g)].map((m) => m[1]!))
// Keys passed around as strings before being translated ('organisation.memberAdded').
const literalStrings = new Set([...code.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z-]+)+)'/g)].map((m) => m[1]!))
const dynamicPrefixes = new Set([...code.matchAll(/`([a-zA-Z.]*\.)\$\{/g)].map((m) => m[1]!))

describe('interface messages', () => {
  it('has the same keys in every locale', () => {
    const reference = [...baseKeys('bs')].sort()
    for (const l of LOCALES) expect([...baseKeys(l)].sort(), l).toEqual(reference)
  })

  it('has every plural form each locale needs (1 komentar, 2 komentara, 5 komentara)', () => {
    for (const l of LOCALES) {
      const categories = new Intl.PluralRules(localeFormatTag(l)).resolvedOptions().pluralCategories
      const plurals = new Set([...messages[l].keys()].filter((k) => PLURAL_SUFFIX.test(k)).map((k) => k.replace(PLURAL_SUFFIX, '')))
      for (const base of plurals) {
        for (const c of categories) {
          if (c === 'zero' || c === 'two' || c === 'many') continue
          expect(messages[l].has(`${base}_${c}`), `${l}: ${base}_${c}`).toBe(true)
        }
      }
    }
  })

  it('defines every key the interface uses', () => {
    const keys = baseKeys('bs')
    for (const key of staticKeys) expect(keys.has(key), `missing key ${key}`).toBe(true)
    expect(staticKeys.size).toBeGreaterThan(10)
  })

  it('uses every key it defines', () => {
    for (const key of baseKeys('bs')) {
      const used = staticKeys.has(key) || literalStrings.has(key) || [...dynamicPrefixes].some((p) => p.length > 0 && key.startsWith(p))
      expect(used, `unused key ${key}`).toBe(true)
    }
  })

  it('translates English separately from each of Bosnian, Croatian and Serbian', () => {
    for (const other of ['bs', 'hr', 'sr-Latn'] as const) {
      const words = (v: string) => /\p{L}/u.test(v.replace(/\{\{[^}]+\}\}/g, ''))
      const same = [...messages.en].filter(([k, v]) => messages[other].get(k) === v && k !== 'app.name' && words(v))
      expect(same, `en copies ${other}`).toEqual([])
    }
  })

  it('has Croatian and Serbian that are their own, not copies of Bosnian or of each other', () => {
    // The three languages share many words, so some messages are rightly identical; a
    // locale file where almost every message matches another's is a copy, not a translation.
    const share = (a: Locale, b: Locale) => {
      const keys = [...messages[a].keys()]
      return keys.filter((k) => messages[a].get(k) === messages[b].get(k)).length / keys.length
    }
    for (const [a, b] of [['hr', 'bs'], ['sr-Latn', 'bs'], ['sr-Latn', 'hr']] as const) {
      expect(share(a, b), `${a} vs ${b}`).toBeLessThan(0.85)
    }
  })

  it('writes Serbian Cyrillic messages in Cyrillic only, except e-mail addresses and web addresses', () => {
    // An address must work when typed as shown ("нпр. ime@primjer.ba"), so it stays in Latin.
    const addresses = (v: string) => v.replace(EMAIL_ADDRESS, '').replace(WEB_ADDRESS, '')
    for (const [key, value] of messages['sr-Cyrl']) {
      expect(addresses(value.replace(/\{\{[^}]+\}\}/g, '')), key).not.toMatch(/[A-Za-zČĆŽŠĐčćžšđ]/)
    }
    expect(addresses('нпр. ime@primjer.ba или https://nacrt.ba/pomoc.')).toBe('нпр.  или .')
    expect(addresses('нпр. Zakon')).toMatch(/[A-Za-z]/)
  })

  it('keeps e-mail and web addresses as they are in Serbian Latin, so they still work', () => {
    const found = (v: string) => [...v.matchAll(EMAIL_ADDRESS), ...v.matchAll(WEB_ADDRESS)].map((m) => m[0])
    const latin = [...messages['sr-Latn']].filter(([, v]) => found(v).length > 0)
    expect(latin.length).toBeGreaterThan(0)
    for (const [key, value] of latin) expect(found(messages['sr-Cyrl'].get(key) ?? ''), key).toEqual(found(value))
  })
})
