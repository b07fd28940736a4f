import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { run } from './main.ts'

function capture() {
  let out = ''
  let err = ''
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } },
    out: () => out,
    err: () => err,
  }
}

const ACT = `ZAKON O PROBI

DIO PRVI – OSNOVNE ODREDBE

Član 1.
(Predmet)
Ovim zakonom uređuje se proba.

DIO DRUGI – ZAVRŠNE ODREDBE

Član 2.
(Stupanje na snagu)
Ovaj zakon stupa na snagu osmog dana od dana objavljivanja.
`

describe('nacrt', () => {
  it('prints its help with --help and with no command', async () => {
    const a = capture()
    expect(await run(['--help'], a.io)).toBe(0)
    expect(a.out()).toMatch(/Usage:\n  nacrt <command>/)
    const b = capture()
    expect(await run([], b.io)).toBe(0)
    expect(b.out()).toBe(a.out())
  })

  it('refuses an unknown command with exit code 2', async () => {
    const c = capture()
    expect(await run(['frobnicate'], c.io)).toBe(2)
    expect(c.err()).toMatch(/unknown command "frobnicate"/)
  })

  it('prints the outline of a plain-text act', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nacrt-cli-'))
    const file = path.join(dir, 'zakon.txt')
    writeFileSync(file, ACT)
    const c = capture()
    expect(await run(['outline', file], c.io)).toBe(0)
    expect(c.out()).toContain('2 articles')
    expect(c.out()).toContain('DIO DRUGI ZAVRŠNE ODREDBE  (Član 2.)')
    const j = capture()
    expect(await run(['outline', file, '--json', '--language', 'hr'], j.io)).toBe(0)
    const json = JSON.parse(j.out()) as { articleCount: number; toc: { firstArticle: string }[] }
    expect(json.articleCount).toBe(2)
    expect(json.toc[0]?.firstArticle).toBe('Članak 1.')
  })

  it('explains a missing file and a bad language instead of crashing', async () => {
    const a = capture()
    expect(await run(['outline', '/nonexistent/zakon.txt'], a.io)).toBe(1)
    expect(a.err()).toMatch(/cannot read/)
    const b = capture()
    expect(await run(['outline', 'x.txt', '--language', 'de'], b.io)).toBe(2)
    expect(b.err()).toMatch(/--language must be one of bs, hr, sr/)
  })
})
