import { describe, expect, it } from 'vitest'
import mammoth from 'mammoth'
import { zipEntries } from './zip-entries.test-util.ts'
import { actDocx } from './act-docx.ts'
import { TEST_ACT } from './test-act.ts'
import { TEST_ACT_WITH_TABLES } from './test-act-tables.ts'
import { loadDocument } from '../document.ts'
import { outlineDocument } from '../outline.ts'
import { transliterateDocument } from '../transliteration.ts'

const text = async (buffer: Buffer) => (await mammoth.extractRawText({ buffer })).value

describe('actDocx', () => {
  it('writes the act as an official text: title, basis, part, chapter, articles, paragraphs, points, memorandum', async () => {
    const outline = outlineDocument(loadDocument(TEST_ACT), { language: 'bs', script: 'latn' })
    const buffer = await actDocx(outline)
    expect(buffer.subarray(0, 2).toString()).toBe('PK')
    const value = await text(buffer)
    const order = [
      'ZAKON O SOCIJALNIM USLUGAMA & <PRAVIMA>',
      'Na osnovu člana IV.B.7. a)(IV)',
      'DIO PRVI',
      'OSNOVNE ODREDBE',
      'POGLAVLJE I.',
      'Član 1.',
      '(Predmet)',
      'đačke potrebe i žalbe',
      'Član 2.',
      '(1) U smislu ovog zakona:',
      'a) korisnik je osoba',
      '1. dijete bez roditeljskog staranja,',
      'b) pružalac je ustanova',
      '(2) Usluge se pružaju:',
      '– bez diskriminacije.',
      'Član 3.',
      'Korisnik iz člana 2. stav (1) tačka b) ovog zakona',
      'OBRAZLOŽENJE',
      'I. USTAVNI OSNOV',
    ]
    let at = -1
    for (const piece of order) {
      const next = value.indexOf(piece, at + 1)
      expect(next, piece).toBeGreaterThan(at)
      at = next
    }
  })

  it('lays the page out in Times New Roman 12 on A4, labels centred and bold, page numbers, memorandum on a new page', async () => {
    const outline = outlineDocument(loadDocument(TEST_ACT), { language: 'hr', script: 'latn' })
    const zip = zipEntries(await actDocx(outline))
    const xml = zip.get('word/document.xml')!
    const styles = zip.get('word/styles.xml')!
    expect(styles).toContain('Times New Roman')
    expect(styles).toMatch(/<w:sz w:val="24"\/>/)
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(xml).toContain('<w:pageBreakBefore/>')
    expect(xml).toMatch(/<w:jc w:val="center"\/>.*?<w:b\/>.*?Članak 1\./s)
    expect(xml).toContain('<w:jc w:val="both"/>')
    const footers = [...zip.keys()].filter((f) => f.startsWith('word/footer'))
    expect(footers.length).toBeGreaterThan(0)
    expect(zip.get(footers[0]!)).toContain('PAGE')
  })

  it('writes a Serbian act in Cyrillic with Cyrillic labels', async () => {
    const doc = loadDocument(transliterateDocument(TEST_ACT, 'cyrl'))
    const value = await text(await actDocx(outlineDocument(doc, { language: 'sr', script: 'cyrl' })))
    expect(value).toContain('ЗАКОН О СОЦИЈАЛНИМ УСЛУГАМА')
    expect(value).toContain('ДИО ПРВИ')
    expect(value).toContain('Члан 2.')
    expect(value).toContain('(1) У смислу овог закона:')
    expect(value).toContain('а) корисник је особа')
    expect(value).toContain('б) пружалац')
    expect(value).toContain('члана 2. став (1) тачка б)')
    expect(value).toContain('ОБРАЗЛОЖЕЊЕ')
  })
})

describe('actDocx: tables and annexes', () => {
  it('writes tables as Word tables (header row repeated) and each annex on a new page after the articles', async () => {
    const outline = outlineDocument(loadDocument(TEST_ACT_WITH_TABLES), { language: 'bs', script: 'latn' })
    const buffer = await actDocx(outline)
    const xml = zipEntries(buffer).get('word/document.xml')!
    expect(xml.match(/<w:tbl>/g)).toHaveLength(2)
    expect(xml).toContain('<w:tblHeader/>')
    const value = await text(buffer)
    let at = -1
    for (const piece of ['Član 3.', 'Usluga', 'Iznos & <KM>', 'Pomoć u kući', 'Prilog 1', 'Obrazac zahtjeva', 'Podaci o podnosiocu:', 'Adresa', 'Prilog 2', 'Cjenovnik', 'OBRAZLOŽENJE']) {
      const next = value.indexOf(piece, at + 1)
      expect(next, piece).toBeGreaterThan(at)
      at = next
    }
    // Three page breaks: two annexes and the memorandum.
    expect(xml.match(/<w:pageBreakBefore\/>/g)).toHaveLength(3)
  })
})
