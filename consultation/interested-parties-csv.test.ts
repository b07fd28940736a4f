import { describe, expect, it } from 'vitest'
import { CSV_COLUMNS, partiesCsv, type CsvLabels } from './interested-parties-csv.ts'

const labels: CsvLabels = {
  headers: Object.fromEntries(CSV_COLUMNS.map((c) => [c, c.toUpperCase()])) as CsvLabels['headers'],
  category: (c) => `cat:${c}`,
  source: (s) => `src:${s}`,
  yes: 'da',
  no: 'ne',
}
const party = (overrides: Partial<Parameters<typeof partiesCsv>[0][number]> = {}) => ({
  name: 'Šemsa Ćatić', organisationName: null, category: 'citizen', email: 'semsa@example.ba', listedPublicly: false, source: 'staff',
  createdAt: new Date('2026-11-23T10:05:00Z'), ...overrides,
})

describe('partiesCsv', () => {
  it('starts with a UTF-8 byte order mark and a header row, separates cells with semicolons and ends lines with CRLF', () => {
    const csv = partiesCsv([party()], labels)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.slice(1).split('\r\n')).toEqual([
      'NAME;ORGANISATION;CATEGORY;EMAIL;LISTEDPUBLICLY;SOURCE;ADDEDAT',
      'Šemsa Ćatić;;cat:citizen;semsa@example.ba;ne;src:staff;2026-11-23 11:05',
      '',
    ])
  })

  it('quotes cells with semicolons, quotes or line breaks', () => {
    const csv = partiesCsv([party({ organisationName: 'Udruženje "Most"; Mostar', listedPublicly: true })], labels)
    expect(csv).toContain(';"Udruženje ""Most""; Mostar";')
    expect(csv).toContain(';da;')
  })

  it('keeps a name that starts like a formula as text, so a spreadsheet never runs it', () => {
    const csv = partiesCsv([party({ name: '=HYPERLINK("http://x","klik")', organisationName: '+387 Udruženje' })], labels)
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`)
    expect(csv).toContain(";'+387 Udruženje;")
  })
})
