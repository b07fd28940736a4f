import { describe, expect, it } from 'vitest'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { DocumentDiff } from '../../drafting/diff.ts'
import { importPlainText } from '../../drafting/plain-text-import.ts'
import { run } from '../main.ts'
import { diffCommand } from './diff.ts'

function capture() {
  let out = ''
  let err = ''
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } },
    out: () => out,
    err: () => err,
  }
}

const SAMPLE = path.resolve(import.meta.dirname, '..', '..', 'sample-data')
const v1 = path.join(SAMPLE, 'zakon-o-socijalnim-uslugama.v1.txt')
const v2 = path.join(SAMPLE, 'zakon-o-socijalnim-uslugama.v2.txt')
const scratch = () => mkdtempSync(path.join(tmpdir(), 'nacrt-diff-'))

describe('nacrt diff --json', () => {
  const jsonOf = async (...args: string[]) => {
    const c = capture()
    const code = await diffCommand([...args, '--json'], c.io)
    return { code, err: c.err(), diff: JSON.parse(c.out()) as DocumentDiff }
  }

  it('reports the sample law\'s two versions: 2 added, 1 deleted, 1 moved, the renumbered ones', async () => {
    const { code, err, diff } = await jsonOf(v1, v2)
    expect(code).toBe(0)
    expect(err).toBe('')
    expect(diff.summary).toMatchObject({ added: 2, deleted: 1, moved: 1, renumbered: 39 })
    expect(diff.articles.filter((a) => a.status === 'added').map((a) => [a.oldNumber, a.newNumber, a.heading])).toEqual([
      [null, '21', 'Kombinovanje socijalnih usluga'],
      [null, '54', 'Učešće djeteta u postupku'],
    ])
    expect(diff.articles.filter((a) => a.status === 'deleted').map((a) => [a.oldNumber, a.newNumber, a.heading])).toEqual([
      ['13', null, 'Strani državljani i osobe bez državljanstva'],
    ])
    expect(diff.articles.filter((a) => a.moved).map((a) => [a.oldNumber, a.newNumber, a.heading])).toEqual([['28', '27', 'Stanovanje uz podršku']])
    // Renumbered only: unchanged, with two numbers.
    expect(diff.articles.find((a) => a.heading === 'Pravo na uslugu')).toMatchObject({ status: 'unchanged', oldNumber: '14', newNumber: '13' })
    // The articles come in the new order, the deleted one where it was.
    expect(diff.articles.slice(11, 15).map((a) => [a.oldNumber, a.newNumber])).toEqual([['12', '12'], ['13', null], ['14', '13'], ['15', '14']])
  })

  it('catches the diacritic fix in "Dnevni boravak" and the changed numbers', async () => {
    const { diff } = await jsonOf(v1, v2)
    const dnevni = diff.articles.find((a) => a.heading === 'Dnevni boravak')!
    expect(dnevni).toMatchObject({ status: 'changed', oldNumber: '25', newNumber: '25' })
    expect(dnevni.paragraphs.flatMap((p) => p.changes.filter((c) => c.type !== 'equal'))).toEqual([
      { type: 'delete', text: 'teskoćama', kind: 'diacritics' },
      { type: 'insert', text: 'teškoćama', kind: 'diacritics' },
    ])
    const participation = diff.articles.find((a) => a.heading === 'Participacija korisnika')!
    expect(participation.paragraphs.flatMap((p) => p.changes.filter((c) => c.type === 'insert').map((c) => c.text))).toEqual(['70', '80'])
  })

  it('reads a document exported as JSON', async () => {
    const dir = scratch()
    const exported = path.join(dir, 'v1.json')
    writeFileSync(exported, JSON.stringify(importPlainText(readFileSync(v1, 'utf8')).toJSON()))
    const { code, diff } = await jsonOf(exported, v2)
    expect(code).toBe(0)
    expect(diff.summary).toMatchObject({ added: 2, deleted: 1, moved: 1 })
  })

  it('exits 0 when the files do not differ', async () => {
    const { code, diff } = await jsonOf(v1, v1)
    expect(code).toBe(0)
    expect(diff.summary).toEqual({ changed: 0, added: 0, deleted: 0, renumbered: 0, moved: 0, unchanged: 82 })
  })
})

describe('nacrt diff', () => {
  it('prints a summary and each article that changed, words marked', async () => {
    const c = capture()
    expect(await run(['diff', v1, v2], c.io)).toBe(0)
    const out = c.out()
    // Written references are linked on import: an article whose reference only followed a renumbering is unchanged.
    expect(out.split('\n')[0]).toBe('6 articles changed, 2 added, 1 deleted, 39 renumbered, 1 moved')
    expect(out).toContain('Član 13. (ranije Član 14.) (Pravo na uslugu) — renumbered')
    expect(out).toContain('Član 27. (ranije Član 28.) (Stanovanje uz podršku) — moved')
    expect(out).toContain('Član 13. (Strani državljani i osobe bez državljanstva) — deleted')
    expect(out).toContain('Član 21. (Kombinovanje socijalnih usluga) — added')
    expect(out).toMatch(/\(2\) Dnevni boravak namijenjen je djeci i mladima s \[-teskoćama-\]\{\+teškoćama\+\} u razvoju/)
    expect(c.err()).toBe('')
  })

  it('refuses bad arguments with exit code 2', async () => {
    const one = capture()
    expect(await diffCommand([v1], one.io)).toBe(2)
    expect(one.err()).toMatch(/name two files/)
    const option = capture()
    expect(await diffCommand([v1, v2, '--colour'], option.io)).toBe(2)
    const language = capture()
    expect(await diffCommand([v1, v2, '--language', 'de'], language.io)).toBe(2)
    expect(language.out()).toBe('')
  })

  it('says which file it cannot read, with exit code 1', async () => {
    const dir = scratch()
    const missing = capture()
    expect(await diffCommand([path.join(dir, 'nema.txt'), v2], missing.io)).toBe(1)
    expect(missing.err()).toMatch(/cannot read .*nema\.txt/)

    const broken = path.join(dir, 'broken.json')
    writeFileSync(broken, '{"type": "doc"')
    const notJson = capture()
    expect(await diffCommand([broken, v2, '--json'], notJson.io)).toBe(1)
    expect(notJson.err()).toMatch(/broken\.json is not JSON/)
    expect(notJson.out()).toBe('')

    const foreign = path.join(dir, 'foreign.json')
    writeFileSync(foreign, JSON.stringify({ type: 'doc', content: [{ type: 'paragraph' }] }))
    const notOurs = capture()
    expect(await diffCommand([v1, foreign], notOurs.io)).toBe(1)
    expect(notOurs.err()).toMatch(/not a document exported from Nacrt/)

    const pdf = capture()
    expect(await diffCommand([path.join(dir, 'zakon.pdf'), v2], pdf.io)).toBe(1)
    expect(pdf.err()).toMatch(/compare \.txt, \.json/)
  })

  it('reports a .docx it cannot read on stderr, with exit code 1', async () => {
    const dir = scratch()
    const docx = path.join(dir, 'zakon.docx')
    writeFileSync(docx, 'not a zip archive')
    const c = capture()
    expect(await diffCommand([docx, v2], c.io)).toBe(1)
    expect(c.err()).toMatch(/zakon\.docx(: comparing \.docx files is not supported yet| could not be read as a Word document)/)
    expect(c.out()).toBe('')
  })
})

describe('nacrt diff with a Word file', () => {
  it('compares a .docx of the old version with the new text file', async () => {
    const { Document, Packer, Paragraph } = await import('docx')
    const lines = readFileSync(path.join(SAMPLE, 'zakon-o-socijalnim-uslugama.v1.txt'), 'utf8').split('\n')
    const buffer = await Packer.toBuffer(new Document({ sections: [{ children: lines.map((text) => new Paragraph(text)) }] }))
    const dir = mkdtempSync(path.join(tmpdir(), 'nacrt-diff-docx-'))
    const docx = path.join(dir, 'zakon-v1.docx')
    writeFileSync(docx, buffer)
    const c = capture()
    expect(await diffCommand([docx, path.join(SAMPLE, 'zakon-o-socijalnim-uslugama.v2.txt'), '--json'], c.io)).toBe(0)
    const diff = JSON.parse(c.out()) as DocumentDiff
    expect(diff.summary.added).toBe(2)
    expect(diff.summary.deleted).toBe(1)
  })
})
