import { describe, expect, it } from 'vitest'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

// Every word a component shows comes from a translation. This finds text written
// straight into JSX (between a tag's `>` and the next `<`) and string attributes that
// people read (alt, title, placeholder, aria-label).

function tsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) return tsxFiles(full)
    return name.endsWith('.tsx') && !name.endsWith('.test.tsx') ? [full] : []
  })
}

const LETTER = /[A-Za-zČĆŽŠĐčćžšđЀ-ӿ]/
const appDir = path.resolve(import.meta.dirname, '..')

export function literalTextIn(source: string): string[] {
  const found: string[] = []
  // JSX text: after a tag closes, up to the next tag or expression, on one line.
  for (const m of source.matchAll(/<[A-Za-z][^<>]*?>([^<>{}\n]+)(?=[<{])/g)) {
    const text = m[1]!.trim()
    if (text && LETTER.test(text)) found.push(text)
  }
  for (const m of source.matchAll(/\b(alt|title|placeholder|aria-label)="([^"]*)"/g)) {
    if (LETTER.test(m[2]!)) found.push(`${m[1]}="${m[2]}"`)
  }
  return found
}

describe('components', () => {
  it('finds literal text when there is some (the check itself works)', () => {
    expect(literalTextIn('<p className="x">Dobro došli</p>')).toEqual(['Dobro došli'])
    expect(literalTextIn('<button aria-label="Zatvori">{t("x")}</button>')).toEqual(['aria-label="Zatvori"'])
    expect(literalTextIn('<p>{t("home.title")}</p> <span> · </span>')).toEqual([])
  })

  it('render no literal text: every word is a translation', () => {
    const offenders = tsxFiles(appDir).flatMap((file) =>
      literalTextIn(readFileSync(file, 'utf8')).map((text) => `${path.relative(appDir, file)}: ${text}`),
    )
    expect(offenders).toEqual([])
  })
})
