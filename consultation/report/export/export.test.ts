import { describe, expect, it } from 'vitest'
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { assembleReport } from '../assemble.ts'
import { answer, buildComment, buildOutline, buildReportData, onArticle } from '../builders.ts'
import type { ReportAudience, ReportLang, ReportSourceComment } from '../model.ts'
import { CHUNK_ROWS } from './docx.ts'
import { writeReport, type ReportFormat } from './index.ts'
import { OpenDataReport, openDataJsonSchema } from './open-data.ts'
import { readZip, ZipWriter } from './zip.ts'

const outline = buildOutline()
const ngo = { id: 'o1', name: 'Udruženje „Žene Ćatića”', kind: 'ngo' }

/** Comments with every kind of author, answer and visibility, and all of č ć đ š ž. */
function comments(): ReportSourceComment[] {
  return [
    buildComment({ body: 'Nacrt je dobar, ali treba više pažnje posvetiti djeci.', consentToBeNamed: true, authorName: 'Đurđa Šćepanović', response: answer('noted', 'Primljeno k znanju; vidjeti član 2.') }),
    onArticle(outline, 0, { body: 'Predmet treba obuhvatiti i porodice.\nDruga linija komentara.', proposedWording: 'Ovim zakonom uređuju se socijalne usluge za korisnike i porodice.', organisation: ngo, response: answer('accepted', 'Prihvaćeno, tekst člana 1. je dopunjen.') }),
    onArticle(outline, 1, { body: 'Definicija korisnika je preuska: čćđšž.', consentToBeNamed: false, authorName: null, response: answer('rejected', 'Definicija prati Ustav FBiH.') }),
    onArticle(outline, 1, { id: 'grp', groupKey: 'grp', body: 'Podržavamo izmjenu člana 2.', consentToBeNamed: true, authorName: 'Mirza Kovač', response: answer('partly-accepted', 'Djelimično prihvaćeno.') }),
    onArticle(outline, 1, { groupKey: 'grp', body: 'Podrzavamo izmjenu clana 2.' }),
    onArticle(outline, 2, { body: 'Sakriven komentar sa ličnim podacima.', status: 'hidden', hiddenReason: 'personal-data' }),
    onArticle(outline, 2, { body: 'Rok stupanja na snagu je prekratak.' }),
  ]
}

function reportIn(lang: ReportLang = 'bs', audience: ReportAudience = 'public', list = comments()) {
  return assembleReport(buildReportData({ outline, comments: list, round: { ...buildReportData().round, reportPublishedAt: new Date('2026-11-01T09:00:00Z') } }), { lang, audience })
}

/** Runs an exporter into memory. */
async function exported(format: ReportFormat, lang: ReportLang = 'bs', audience: ReportAudience = 'public', list = comments()) {
  const out = new PassThrough()
  const parts: Buffer[] = []
  out.on('data', (b: Buffer) => parts.push(b))
  const progress: number[] = []
  await writeReport(reportIn(lang, audience, list), format, out, { onProgress: (n) => progress.push(n) })
  out.end()
  return { buffer: Buffer.concat(parts), progress }
}

describe('CSV', () => {
  it('starts with a byte order mark and has one line per report row under translated headers, separated by semicolons', async () => {
    const { buffer, progress } = await exported('csv')
    expect([...buffer.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = buffer.toString('utf8').slice(1)
    const [header] = text.split('\r\n')
    expect(header).toBe('R. br.;Dio propisa;Odredba;Podnosilac;Kategorija;Način dostavljanja;Datum;Komentar;Predloženi tekst;Broj komentara;Potpisnici;Status;Obrazloženje odgovora')
    expect(text).toContain('Đurđa Šćepanović')
    expect(text).toContain('Definicija korisnika je preuska: čćđšž.')
    expect(text).toContain('"Predmet treba obuhvatiti i porodice.\nDruga linija komentara."')
    expect(text).toContain(';Anonimizirano;')
    expect(text).toContain(';2;"Mirza Kovač; neimenovanih: 1";')
    expect(text).not.toContain('Sakriven komentar')
    expect(progress.at(-1)).toBe(5)
  })

  it('writes Cyrillic in a Serbian Cyrillic report and commas in English', async () => {
    const cyrl = (await exported('csv', 'sr-Cyrl')).buffer.toString('utf8')
    expect(cyrl).toContain('Р. бр.;')
    expect(cyrl).toContain('Ђурђа Шћепановић')
    expect(cyrl).toContain('Члан 2.')
    const en = (await exported('csv', 'en')).buffer.toString('utf8')
    expect(en.slice(1).split('\r\n')[0]).toMatch(/^No\.,Part of the act,Provision,Submitted by,/)
  })

  it('adds whether each comment is public in a staff export, hidden ones included', async () => {
    const text = (await exported('csv', 'bs', 'staff')).buffer.toString('utf8')
    expect(text.split('\r\n')[0]).toMatch(/;Objava$/)
    expect(text).toContain('Sakriven komentar sa ličnim podacima.')
    expect(text).toContain('Skriven (moderacija)')
  })
})

describe('JSON open data', () => {
  it('matches the documented schema, with codes for statuses and categories', async () => {
    const json = JSON.parse((await exported('json')).buffer.toString('utf8'))
    const parsed = OpenDataReport.parse(json)
    expect(parsed.counts).toMatchObject({ received: 7, published: 6, notPublished: 1, byStatus: { accepted: 1, rejected: 1, noted: 1, 'partly-accepted': 2, unanswered: 1 } })
    expect(parsed.sections.map((s) => [s.kind, s.label, s.comments.length])).toEqual([
      ['general', null, 1], ['article', 'Član 1.', 1], ['article', 'Član 2.', 2], ['article', 'Član 3.', 1], ['memorandum', null, 0],
    ])
    const group = parsed.sections[2]!.comments[1]!
    expect(group).toMatchObject({ status: 'partly-accepted', group: { count: 2, signers: ['Mirza Kovač'], anonymousSigners: 1 } })
    expect(parsed.round.shortPeriodReason).toMatch(/10 dana/)
  })

  it('never holds e-mail addresses, hidden comments or names given without consent', async () => {
    const list = [
      ...comments(),
      buildComment({ body: 'Javite se na 061 123 456.', status: 'hidden', authorName: 'Skriveni Autor', consentToBeNamed: true }),
      buildComment({ body: 'Bez pristanka na ime.', consentToBeNamed: false, authorName: 'Tajno Ime' }),
    ]
    const text = (await exported('json', 'bs', 'public', list)).buffer.toString('utf8')
    expect(text).not.toMatch(/@/)
    expect(text).not.toContain('Skriveni Autor')
    expect(text).not.toContain('Tajno Ime')
    expect(text).not.toContain('061 123 456')
  })

  it('refuses to write a staff report as open data', async () => {
    await expect(exported('json', 'bs', 'staff')).rejects.toThrow(RangeError)
  })

  it('is documented by docs/open-data/report.schema.json, generated from the same schema', () => {
    const file = path.resolve(import.meta.dirname, '../../../docs/open-data/report.schema.json')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(JSON.stringify(openDataJsonSchema())))
  })
})

describe('XLSX', () => {
  async function workbookOf(lang: ReportLang) {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await exported('xlsx', lang)).buffer as unknown as ArrayBuffer)
    return workbook
  }

  it('has a comments sheet with one row per report row, a frozen header and filters, and a summary sheet', async () => {
    const workbook = await workbookOf('bs')
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Komentari', 'Sažetak'])
    const sheet = workbook.worksheets[0]!
    expect(sheet.rowCount).toBe(6)
    expect(sheet.getRow(1).getCell(4).value).toBe('Podnosilac')
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
    expect(sheet.autoFilter).toBe('A1:M6')
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1)
    expect(values(2)).toEqual(expect.arrayContaining([1, 'Opći komentari na nacrt', 'Nacrt u cjelini', 'Đurđa Šćepanović', 'Primljen k znanju']))
    expect(values(3)).toEqual(expect.arrayContaining(['Član 1. (Predmet)', 'Udruženje „Žene Ćatića”', 'Prihvaćen', 'Prihvaćeno, tekst člana 1. je dopunjen.']))
    expect(values(4)).toEqual(expect.arrayContaining(['Anonimizirano', 'Definicija korisnika je preuska: čćđšž.', 'Odbijen']))
    expect(values(5)).toEqual(expect.arrayContaining([2, 'Mirza Kovač; neimenovanih: 1', 'Djelimično prihvaćen']))
    const summary = workbook.worksheets[1]!
    const texts = summary.getSheetValues().flat().filter((v) => typeof v === 'string')
    expect(texts).toEqual(expect.arrayContaining(['Izvještaj o provedenim konsultacijama', 'Razlog kraćeg roka', 'Bez odgovora']))
  })

  it('is written in Cyrillic for a Serbian Cyrillic report', async () => {
    const workbook = await workbookOf('sr-Cyrl')
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Коментари', 'Резиме'])
    const sheet = workbook.worksheets[0]!
    expect(sheet.getRow(1).getCell(1).value).toBe('Р. бр.')
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(expect.arrayContaining(['Ђурђа Шћепановић', 'Примљен к знању']))
  })
})

describe('DOCX', () => {
  it('reads as the ministry’s report: title, facts, figures, then comments article by article with answers', async () => {
    const { buffer } = await exported('docx')
    expect(buffer.subarray(0, 2).toString()).toBe('PK')
    const { value } = await mammoth.extractRawText({ buffer })
    for (const text of [
      'IZVJEŠTAJ O PROVEDENIM KONSULTACIJAMA', '1. Podaci o konsultacijama', 'Razlog kraćeg roka', 'Rok usklađivanja s Programom rada Vlade',
      'Sarajevo, Sala Vlade FBiH', '2. Učesnici u konsultacijama', '3. Komentari i odgovori u brojkama', '4. Komentari i odgovori po članovima',
      'Opći komentari na nacrt', 'Đurđa Šćepanović', 'Udruženje „Žene Ćatića”', 'Anonimizirano', 'čćđšž', 'Grupa istovjetnih komentara: 2',
      'Predloženi tekst:', 'Prihvaćeno, tekst člana 1. je dopunjen.', 'Komentari na obrazloženje', 'Nema komentara.',
    ]) expect(value).toContain(text)
    const order = ['Opći komentari na nacrt', 'Član 1. (Predmet)', 'Član 2. (Definicije)', 'Član 3. (Stupanje na snagu)', 'Komentari na obrazloženje'].map((t) => value.indexOf(t))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    expect(order.every((i) => i > 0)).toBe(true)
    expect(value).not.toContain('NACRT-REPORT-COMMENT-TABLES')
    expect(value).not.toContain('Sakriven komentar')
  })

  it('numbers its pages in the footer and lays the pages out in landscape', async () => {
    const files = readZip((await exported('docx')).buffer)
    const footer = [...files].find(([name]) => /^word\/footer\d*\.xml$/.test(name))?.[1].toString('utf8') ?? ''
    expect(footer).toMatch(/PAGE/)
    expect(footer).toMatch(/NUMPAGES/)
    expect(footer).toContain('Strana')
    expect(files.get('word/document.xml')!.toString('utf8')).toMatch(/<w:pgSz [^>]*w:orient="landscape"/)
  })

  it('writes a Serbian Cyrillic report in Cyrillic', async () => {
    const { value } = await mammoth.extractRawText({ buffer: (await exported('docx', 'sr-Cyrl')).buffer })
    expect(value).toContain('ИЗВЈЕШТАЈ О СПРОВЕДЕНИМ КОНСУЛТАЦИЈАМА')
    expect(value).toContain('Члан 2. (Дефиниције)')
    expect(value).toContain('Ђурђа Шћепановић')
  })

  it('keeps every row, in order, when the comments span many chunks', async () => {
    const many = Array.from({ length: CHUNK_ROWS * 2 + 37 }, (_, i) => onArticle(outline, i % 3, { body: `Komentar br. ${i + 1} – ž.` }))
    const { buffer, progress } = await exported('docx', 'bs', 'public', many)
    const { value } = await mammoth.extractRawText({ buffer })
    const found = [...value.matchAll(/Komentar br\. (\d+) – ž\./g)].map((m) => Number(m[1]))
    expect(found).toHaveLength(many.length)
    expect(new Set(found).size).toBe(many.length)
    expect(progress.at(-1)).toBe(many.length)
    expect(progress.length).toBeGreaterThan(1)
  })
})

describe('ZipWriter', () => {
  it('writes entries that readZip, and so Office, read back', async () => {
    const out = new PassThrough()
    const parts: Buffer[] = []
    out.on('data', (b: Buffer) => parts.push(b))
    const zip = new ZipWriter(out)
    await zip.add('a.txt', 'čćđšž')
    async function* pieces() {
      for (let i = 0; i < 1000; i++) yield `red ${i}\n`
    }
    await zip.add('dir/b.txt', pieces())
    await zip.add('empty.txt', '')
    await zip.finish()
    const files = readZip(Buffer.concat(parts))
    expect([...files.keys()]).toEqual(['a.txt', 'dir/b.txt', 'empty.txt'])
    expect(files.get('a.txt')!.toString('utf8')).toBe('čćđšž')
    expect(files.get('dir/b.txt')!.toString('utf8').split('\n')[999]).toBe('red 999')
    expect(files.get('empty.txt')!.length).toBe(0)
  })
})
