import { describe, expect, it } from 'vitest'
import { decodeSingleByte, repairText, type RepairKind } from './text-repair.ts'

/** The bytes of a UTF-8 text read with a wrong single-byte code page: mojibake as it arrives. */
const misread = (text: string, encoding: 'cp852' | 'windows-1250') => decodeSingleByte(new TextEncoder().encode(text), encoding)

describe('repairText: one row per defect', () => {
  const table: { defect: string; raw: string; text: string; kind: RepairKind }[] = [
    { defect: 'UTF-8 read as CP852 (label)', raw: '─îlan 1.', text: 'Član 1.', kind: 'mojibake' },
    { defect: 'UTF-8 read as CP852 (word)', raw: 'socijalne za┼ítite', text: 'socijalne zaštite', kind: 'mojibake' },
    { defect: 'UTF-8 read as CP852 (Cyrillic)', raw: misread('Члан 1.', 'cp852'), text: 'Члан 1.', kind: 'mojibake' },
    { defect: 'UTF-8 read as Windows-1250', raw: misread('Član 5. zaštite', 'windows-1250'), text: 'Član 5. zaštite', kind: 'mojibake' },
    { defect: 'UTF-8 quotes read as Windows-1250', raw: misread('„Službeni glasnik“', 'windows-1250'), text: '„Službeni glasnik“', kind: 'mojibake' },
    { defect: 'ǈ ligature letter', raw: 'ǈubuški', text: 'Ljubuški', kind: 'compatibility' },
    { defect: 'ǅ and ǋ ligature letters', raw: 'ǅamija ǋegovih', text: 'Džamija Njegovih', kind: 'compatibility' },
    { defect: 'soft hyphen from a PDF', raw: 'soci\u00ADjalne', text: 'socijalne', kind: 'compatibility' },
    { defect: 'YUSCII font', raw: 'Slu`beni list, skup{tine op}ine i ta~ke', text: 'Službeni list, skupštine općine i tačke', kind: 'yuscii' },
    { defect: 'YUSCII capitals', raw: '^LAN 1. @ENE I [KOLE ]E', text: 'ČLAN 1. ŽENE I ŠKOLE ĆE', kind: 'yuscii' },
    { defect: 'YUSCII label "^lan"', raw: '^lan 1.', text: 'Član 1.', kind: 'yuscii' },
    { defect: 'homoglyph: Latin E in a Cyrillic word', raw: 'I - ОСНОВНЕ ОДРEДБE', text: 'I - ОСНОВНЕ ОДРЕДБЕ', kind: 'homoglyph' },
    { defect: 'homoglyph: 3 and Latin look-alikes for ЗАКОНА', raw: '3AKOHA', text: 'ЗАКОНА', kind: 'homoglyph' },
    { defect: 'homoglyph: ЗАКОНА typed in a Latin line', raw: 'II - STRUKTURA 3AKOHA', text: 'II - STRUKTURA ZAKONA', kind: 'homoglyph' },
    { defect: 'homoglyph: Cyrillic о in a Latin word', raw: 'Ovim zakоnom se uređuje', text: 'Ovim zakonom se uređuje', kind: 'homoglyph' },
    { defect: 'homoglyph: a lone Cyrillic о in a Latin line', raw: 'Konvencijom о pravima osoba s invaliditetom', text: 'Konvencijom o pravima osoba s invaliditetom', kind: 'homoglyph' },
    { defect: 'page furniture "Page 2"', raw: 'Page 2', text: '', kind: 'page-furniture' },
    { defect: 'page furniture "Page 2:"', raw: 'Page 2:', text: '', kind: 'page-furniture' },
    { defect: 'page furniture "Stranica 3 od 10"', raw: 'Stranica 3 od 10', text: '', kind: 'page-furniture' },
    { defect: 'page furniture "- 4 -"', raw: '- 4 -', text: '', kind: 'page-furniture' },
    { defect: 'running header with a page number', raw: 'Službene novine Federacije BiH, Broj 45 - Strana 12', text: '', kind: 'page-furniture' },
    { defect: 'wiki link "[uredi]"', raw: 'I - OSNOVNE ODREDBE[uredi]', text: 'I - OSNOVNE ODREDBE', kind: 'page-furniture' },
    { defect: 'wiki link "[уреди]"', raw: 'I - ОСНОВНЕ ОДРЕДБЕ[уреди]', text: 'I - ОСНОВНЕ ОДРЕДБЕ', kind: 'page-furniture' },
    { defect: 'OCR l for 1 in a label', raw: 'Član l.', text: 'Član 1.', kind: 'ocr-digit' },
    { defect: 'OCR l for 1 in a reference', raw: 'u skladu sa član la. ovog zakona', text: 'u skladu sa član 1a. ovog zakona', kind: 'ocr-digit' },
    { defect: 'OCR l for 1 in a paragraph number', raw: '(l) Ovim zakonom', text: '(1) Ovim zakonom', kind: 'ocr-digit' },
    { defect: 'OCR O for 0 in a label', raw: 'Član 1O.', text: 'Član 10.', kind: 'ocr-digit' },
    { defect: 'lost letter in a label', raw: 'lan 1.', text: 'Član 1.', kind: 'lost-letter' },
    { defect: 'lost letter in a Croatian label', raw: 'lanak 12.', text: 'Članak 12.', kind: 'lost-letter' },
    { defect: 'lost letter in a Cyrillic label', raw: 'лан 3.', text: 'Члан 3.', kind: 'lost-letter' },
    { defect: 'letter-spaced title word', raw: 'Z A K O N O PODRŠCI PORODICAMA', text: 'ZAKON O PODRŠCI PORODICAMA', kind: 'letter-spacing' },
    { defect: 'letter-spaced memorandum with NJ', raw: 'O B R A Z L O Ž E NJ E', text: 'OBRAZLOŽENJE', kind: 'letter-spacing' },
  ]

  it.each(table)('repairs $defect', ({ raw, text, kind }) => {
    const result = repairText(raw)
    expect(result.text).toBe(text)
    expect(result.repairs.map((r) => r.kind)).toContain(kind)
    for (const repair of result.repairs) expect(repair.line).toBe(1)
  })
})

describe('repairText: what it leaves alone', () => {
  it.each([
    ['correct Bosnian text', 'Član 1. Ovim zakonom uređuju se prava iz socijalne zaštite, obaveze i đaci.'],
    ['correct Serbian Cyrillic text', 'Члан 1. Овим законом уређују се права.'],
    ['a constitution label with a Cyrillic В in a Cyrillic line', 'На основу члана IV.В.7. а)(IV) Устава Федерације'],
    ['Roman numerals in a Cyrillic line', 'I - ОСНОВНЕ ОДРЕДБЕ, глава X и члан C'],
    ['a point l) and an e-mail address', 'l) prijava na info@vlada.gov.ba, a tačka l) ostaje'],
    ['square brackets alone, which prove no YUSCII', 'Tekst [napomena] i [1] ostaje.'],
    ['a lone tilde in text that has real letters', 'iznos ~5 KM za đake'],
    ['a letter-spaced word it does not know', 'A B C D'],
    ['a year on its own line inside a date', 'Sarajevo, juli\n2018. godine'],
    ['superscript footnote marks and ellipsis', 'zakona¹ … i ½'],
  ])('leaves %s as written', (_what, text) => {
    const result = repairText(text)
    expect(result.text).toBe(text)
    expect(result.repairs).toEqual([])
  })

  it('repairs a mojibake word next to a correct one, per word, not per file', () => {
    const result = repairText('zaštite i za┼ítite')
    expect(result.text).toBe('zaštite i zaštite')
    expect(result.repairs).toEqual([{ kind: 'mojibake', line: 1, before: 'za┼ítite', after: 'zaštite' }])
  })

  it('keeps the lines of the text, so reports point at the original lines', () => {
    const result = repairText('ZAKON\r\n\r\nPage 2\r\n─îlan 1.')
    expect(result.text.split('\n')).toEqual(['ZAKON', '', '', 'Član 1.'])
    expect(result.repairs.map((r) => [r.kind, r.line])).toEqual([['page-furniture', 3], ['mojibake', 4]])
  })

  it('composes decomposed letters and drops a byte-order mark', () => {
    expect(repairText('\uFEFFC\u030Clan 1.').text).toBe('Član 1.')
  })
})

describe('repairText: damage it can only report', () => {
  it('warns about stripped diacritics in labels ("Clanak 1.") and does not guess them', () => {
    const result = repairText('ZAKON O PROBI\nClanak 1.\nOvim se zakonom uredjuje proba.')
    expect(result.text).toBe('ZAKON O PROBI\nClanak 1.\nOvim se zakonom uredjuje proba.')
    expect(result.warnings).toEqual([expect.objectContaining({ kind: 'stripped-diacritics', line: 2 })])
  })

  it('warns about a long Latin text without a single č, ć, đ, š or ž', () => {
    const long = Array.from({ length: 60 }, () => 'Ovim zakonom se uredjuju prava iz socijalne zastite.').join('\n')
    expect(repairText(long).warnings.map((w) => w.kind)).toEqual(['stripped-diacritics'])
  })

  it('does not warn about a short text or a Cyrillic one', () => {
    expect(repairText('Ovaj zakon stupa na snagu.').warnings).toEqual([])
    expect(repairText(Array.from({ length: 60 }, () => 'Овим законом се уређују права.').join('\n')).warnings).toEqual([])
  })

  it('warns about a word mixing scripts with letters that have no look-alike', () => {
    const result = repairText('Ovo je rijеčЖ u tekstu.')
    expect(result.warnings.map((w) => w.kind)).toEqual(['mixed-script-word'])
  })
})

describe('decodeSingleByte', () => {
  it('reads CP852 and Windows-1250 bytes of Bosnian letters', () => {
    expect(decodeSingleByte(new Uint8Array([0xac, 0x6c, 0x61, 0x6e, 0x20, 0xe7]), 'cp852')).toBe('Član š')
    expect(decodeSingleByte(new Uint8Array([0xc8, 0x6c, 0x61, 0x6e, 0x20, 0x9a]), 'windows-1250')).toBe('Član š')
  })
})

describe('repairText: YUSCII detection', () => {
  it('does not read a modern text with a few "a|b" or "x~y" for YUSCII', () => {
    const text = 'Član 1. Uređuju se prava iz socijalne zaštite, obaveze države i općine. Tabela: kolona|red i oznaka x~y.'
    expect(repairText(text).text).toBe(text)
  })
})
