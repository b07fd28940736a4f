import { describe, expect, it } from 'vitest'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx'
import { describeImport, importCommand, type ImportJson } from './import.ts'
import { article, doc, par, point } from '../../drafting/test-builder.ts'
import { table } from '../../drafting/tables.test-util.ts'
import { run } from '../main.ts'

const FIXTURES = path.resolve(import.meta.dirname, '../../../shared/fixtures/laws')
const AMENDMENT = path.join(FIXTURES, 'fbih_zakon-o-izmjenama-i-dopunama-ZOSZ-2016_bs_fbihvlada.txt')
const CANTON = path.join(FIXTURES, 'usk_zakon-o-socijalnoj-zastiti-civilnih-zrtava-rata-i-porodica-sa-djecom-USK_bs_anwalt-bih_POCETAK.txt')

function capture() {
  let out = ''
  let err = ''
  return {
    io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } },
    out: () => out,
    err: () => err,
  }
}

const dir = mkdtempSync(path.join(tmpdir(), 'nacrt-import-cli-'))
function writeAct(name: string, text: string): string {
  const file = path.join(dir, name)
  writeFileSync(file, text)
  return file
}

describe('nacrt import --json', () => {
  it('keeps a linked reference in the text, with the article’s number as the text wrote it', async () => {
    const file = writeAct('references.txt', 'ZAKON O PROBI\n\nČlan 18f.\nPrvi član.\n\nČlan 19.\n(1) Prvi stav.\n(2) Prema članu 18f. ovog zakona i stavu 1.\n')
    const c = capture()
    expect(await importCommand([file, '--json', '--frozen'], c.io)).toBe(0)
    const json = JSON.parse(c.out()) as ImportJson & { report: { references: { linked: number } } }
    expect(json.report.references.linked).toBe(1)
    expect(json.articles[1]!.paragraphs[1]!.text).toBe('Prema članu 18f. ovog zakona i stavu 1.')
  })

  it('prints only the JSON on stdout: the amending law with its own four articles', async () => {
    const c = capture()
    expect(await importCommand([AMENDMENT, '--json'], c.io)).toBe(0)
    const json = JSON.parse(c.out()) as ImportJson
    expect(Object.keys(json)).toEqual(['title', 'parts', 'chapters', 'articles', 'annexes', 'report'])
    expect(json.annexes).toEqual([])
    expect(json.articles.map((a) => a.number)).toEqual(['1', '2', '3', '4'])
    expect(json.articles[0]!.paragraphs.map((p) => p.text)).toEqual([
      'U Zakonu o osnovama socijalne zaštite, zaštite civilnih žrtava rata i zaštite porodice sa djecom ("Službene novine Federacije BiH", br. 36/99, 54/04, 39/06 i 14/09) član 18f. mijenja se i glasi:',
      '"Član 18f.',
      'Osnovica za obračun mjesečnih novčanih primanja iznosi 274,40 KM.".',
    ])
    expect(json.report.counts).toMatchObject({ articles: 4, paragraphs: 13 })
    expect(json.report.setAside.filter((s) => s.reason === 'signature').map((s) => s.text)).toEqual(['Predsjedavajuća', 'Doma naroda', 'Parlamen'])
    expect(c.err()).toMatch(/lines set aside/)
  })

  it('gives each paragraph its written number and each point its mark, and the divisions around the articles', async () => {
    const c = capture()
    expect(await importCommand([CANTON, '--json'], c.io)).toBe(0)
    const json = JSON.parse(c.out()) as ImportJson
    expect(json.parts).toEqual([])
    expect(json.chapters).toEqual([
      { number: '1', heading: 'OSNOVNE ODREDBE', articles: ['1', '2'], part: null, sections: [] },
      { number: '2', heading: 'SOCIJALNA ZAŠTITA', articles: ['3'], part: null, sections: [{ number: '1', heading: 'Korisnici socijalne zaštite', articles: ['3'] }] },
    ])
    const [first, , third] = json.articles
    expect(first!.paragraphs[0]!.text.split('\n')).toHaveLength(8)
    expect(first!.paragraphs[0]!.text.split('\n')[1]).toBe('- socijalna zaštita građana i njihovih porodica;')
    expect(third!.paragraphs[0]!.points.slice(0, 2)).toEqual([
      { label: '1.', text: 'djeca bez roditeljskog staranja;' },
      { label: '2.', text: 'odgojno zanemarena djeca;' },
    ])
    expect(json.report.gazette).toMatch(/^Sl\. glasnik Unsko-sanskog kantona/)
  })

  it('keeps inserted article numbers as written, "18a", with and without --frozen', async () => {
    const file = writeAct('umetnuti.txt', 'ZAKON O PROBI\nDIO PRVI – OPĆE\nČlan 18.\n(1) Prvi:\na) tačka.\n(2) Drugi.\nČlan 18a.\nUmetnuti.\n')
    for (const flags of [['--json'], ['--json', '--frozen']]) {
      const c = capture()
      expect(await importCommand([file, ...flags], c.io)).toBe(0)
      const json = JSON.parse(c.out()) as ImportJson
      expect(json.articles).toEqual([
        { number: '18', heading: null, paragraphs: [{ number: '1', text: 'Prvi:', points: [{ label: 'a)', text: 'tačka.' }] }, { number: '2', text: 'Drugi.', points: [] }] },
        { number: '18a', heading: null, paragraphs: [{ number: null, text: 'Umetnuti.', points: [] }] },
      ])
      expect(json.parts).toEqual([{ number: '1', heading: 'OPĆE', articles: ['18', '18a'] }])
      expect(c.err()).toBe('')
    }
  })

  it('imports a .docx', async () => {
    const document = new Document({ sections: [{ children: ['ZAKON O PROBI', 'Član 1.', '(Predmet)', 'Ovim zakonom uređuje se proba.'].map((t) => new Paragraph(t)) }] })
    const file = path.join(dir, 'zakon.docx')
    writeFileSync(file, await Packer.toBuffer(document))
    const c = capture()
    expect(await importCommand([file, '--json'], c.io)).toBe(0)
    const json = JSON.parse(c.out()) as ImportJson
    expect(json.articles).toEqual([{ number: '1', heading: 'Predmet', paragraphs: [{ number: null, text: 'Ovim zakonom uređuje se proba.', points: [] }] }])
    expect(json.report.source).toEqual({ format: 'docx', encoding: null })
  })

  it('lists the annexes after the articles: number as written, title, text lines and tables', async () => {
    const file = writeAct('prilozi.txt', 'ZAKON O PROBI\nČlan 1.\nOvim zakonom uređuje se proba.\n\nPRILOG 1\nObrazac zahtjeva\nIme i prezime:\nAdresa:\n\nPrilog br. 2a – Cjenovnik\nCijene su u KM.\n')
    const c = capture()
    expect(await importCommand([file, '--json', '--frozen'], c.io)).toBe(0)
    const json = JSON.parse(c.out()) as ImportJson
    expect(json.annexes).toEqual([
      { number: '1', heading: 'Obrazac zahtjeva', text: ['Ime i prezime:', 'Adresa:'], tables: [] },
      { number: '2a', heading: 'Cjenovnik', text: ['Cijene su u KM.'], tables: [] },
    ])
    expect(json.articles).toHaveLength(1)
  })

  it('gives the tables of a .docx as rows of cell texts, in their paragraph and in their annex', async () => {
    const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] })
    const grid = (...rows: string[][]) => new Table({ rows: rows.map((r) => new TableRow({ children: r.map(cell) })) })
    const document = new Document({
      sections: [{
        children: [
          new Paragraph('ZAKON O PROBI'), new Paragraph('Član 1.'), new Paragraph('Iznosi naknada su:'),
          grid(['Usluga', 'Iznos'], ['Pomoć u kući', '100 KM']),
          new Paragraph('PRILOG 1'), new Paragraph('Cjenovnik'), new Paragraph('Cijene:'),
          grid(['Smještaj', '500 KM']),
        ],
      }],
    })
    const file = path.join(dir, 'tabele.docx')
    writeFileSync(file, await Packer.toBuffer(document))
    const c = capture()
    expect(await importCommand([file, '--json'], c.io)).toBe(0)
    const json = JSON.parse(c.out()) as ImportJson
    expect(json.articles[0]!.paragraphs).toEqual([
      { number: null, text: 'Iznosi naknada su:', points: [], tables: [[['Usluga', 'Iznos'], ['Pomoć u kući', '100 KM']]] },
    ])
    expect(json.annexes).toEqual([{ number: '1', heading: 'Cjenovnik', text: ['Cijene:'], tables: [[['Smještaj', '500 KM']]] }])
  })
})

describe('describeImport: tables in points', () => {
  it('gives a point’s table as rows of cell texts, and no tables field where there is none', () => {
    const imported = {
      doc: doc(article({ id: 'a1' }, par({ id: 'p1' }, 'Korisnici su:', point({ id: 'pa' }, 'djeca:', table({ id: 't1' }, ['do 6 godina', 'vrtić'])), point({ id: 'pb' }, 'odrasli.')))),
      report: { written: { a1: '1', pa: 'a)', pb: 'b)' } },
      source: { format: 'txt', encoding: 'utf-8' },
    } as unknown as Parameters<typeof describeImport>[0]
    expect(describeImport(imported).articles[0]!.paragraphs[0]!.points).toEqual([
      { label: 'a)', text: 'djeca:', tables: [[['do 6 godina', 'vrtić']]] },
      { label: 'b)', text: 'odrasli.' },
    ])
  })
})

describe('nacrt import (readable summary)', () => {
  it('prints the title, the counts, the structure, repairs and what was set aside', async () => {
    const c = capture()
    expect(await run(['import', path.join(FIXTURES, 'fbih_nacrt-zakona-o-podrsci-porodicama-s-djecom-2018_bs_pdfslide_POCETAK.txt')], c.io)).toBe(0)
    const out = c.out()
    expect(out).toMatch(/^ZAKON O PODRŠCI PORODICAMA S DJECOM U FEDERACIJI BOSNE I HERCEGOVINE\nStage: nacrt\n/)
    expect(out).toContain('2 articles, 3 paragraphs, 0 points, 0 sub-points, 0 indents; 1 part, 0 chapters, 0 sections')
    expect(out).toContain('DIO PRVI OSNOVNE ODREDBE  (Član 1. – Član 2.)')
    expect(out).toContain('Repairs: 2 (letter-spacing 1, page-furniture 1)')
    expect(out).toMatch(/line 28 \[fragment\]: Č/)
    expect(c.err()).toBe('')
  })

  it('counts the annexes and lists them under the structure', async () => {
    const file = writeAct('prilozi-sazetak.txt', 'ZAKON O PROBI\nČlan 1.\nOvim zakonom uređuje se proba.\n\nPRILOG 1\nObrazac zahtjeva\nIme i prezime:\n')
    const c = capture()
    expect(await importCommand([file], c.io)).toBe(0)
    expect(c.out()).toContain('Annexes: 1, listed under Structure')
    expect(c.out()).toContain('  Prilog 1 Obrazac zahtjeva')
  })

  it('labels a Cyrillic act in Cyrillic', async () => {
    const c = capture()
    expect(await importCommand([path.join(FIXTURES, 'rs_pravila-normativno-pravne-tehnike-2006_sr-Cyrl_wikisource_POCETAK.txt')], c.io)).toBe(0)
    expect(c.out()).toContain('ПОГЛАВЉЕ I. ОСНОВНЕ ОДРЕДБЕ  (Члан 1.)')
  })
})

describe('nacrt import: mistakes', () => {
  it('asks for a file and refuses unknown options with exit code 2', async () => {
    const a = capture()
    expect(await importCommand([], a.io)).toBe(2)
    expect(a.err()).toMatch(/name a \.docx or \.txt file/)
    const b = capture()
    expect(await importCommand(['x.txt', '--language', 'de'], b.io)).toBe(2)
    expect(b.out()).toBe('')
  })

  it('explains a missing file, a PDF and a text without articles with exit code 1', async () => {
    const a = capture()
    expect(await importCommand(['/nonexistent/zakon.txt', '--json'], a.io)).toBe(1)
    expect(a.err()).toMatch(/cannot read \/nonexistent\/zakon\.txt/)
    expect(a.out()).toBe('')
    const pdf = writeAct('zakon.pdf', '%PDF-1.4\n')
    const b = capture()
    expect(await importCommand([pdf], b.io)).toBe(1)
    expect(b.err()).toMatch(/is a PDF: save it as \.docx or as plain text/)
    const empty = writeAct('prazno.txt', 'ZAKON O PROBI\nSamo naslov.\n')
    const c = capture()
    expect(await importCommand([empty, '--json'], c.io)).toBe(1)
    expect(c.err()).toMatch(/no article was found/)
  })

  it('is listed in the help of nacrt', async () => {
    const c = capture()
    await run(['--help'], c.io)
    expect(c.out()).toMatch(/\n {2}import <file> /)
  })
})
