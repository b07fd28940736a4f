import { describe, expect, it } from 'vitest'
import { annexLabelEn, legalLabels, toRoman } from './labels.ts'

const bs = legalLabels({ language: 'bs', script: 'latn' })
const hr = legalLabels({ language: 'hr', script: 'latn' })
const srLatn = legalLabels({ language: 'sr', script: 'latn' })
const srCyrl = legalLabels({ language: 'sr', script: 'cyrl' })

describe('article labels', () => {
  it('writes "Član 12." in Bosnian and Serbian Latin', () => {
    expect(bs.article('12')).toBe('Član 12.')
    expect(srLatn.article('12')).toBe('Član 12.')
  })

  it('writes "Članak 12." in Croatian', () => {
    expect(hr.article('12')).toBe('Članak 12.')
  })

  it('writes "Члан 12." in Serbian Cyrillic', () => {
    expect(srCyrl.article('12')).toBe('Члан 12.')
  })

  it('keeps the letter suffix of a frozen number', () => {
    expect(bs.article('18a')).toBe('Član 18a.')
    expect(hr.article('79b')).toBe('Članak 79b.')
  })
})

describe('part labels', () => {
  it('names parts with ordinal words in Latin: DIO PRVI, DIO DRUGI, DIO TREĆI', () => {
    expect(bs.part(1)).toBe('DIO PRVI')
    expect(bs.part(2)).toBe('DIO DRUGI')
    expect(bs.part(3)).toBe('DIO TREĆI')
    expect(hr.part(4)).toBe('DIO ČETVRTI')
    expect(srLatn.part(15)).toBe('DIO PETNAESTI')
  })

  it('names parts with ordinal words in Cyrillic: ДИО ПРВИ, ДИО ТРЕЋИ', () => {
    expect(srCyrl.part(1)).toBe('ДИО ПРВИ')
    expect(srCyrl.part(3)).toBe('ДИО ТРЕЋИ')
    expect(srCyrl.part(15)).toBe('ДИО ПЕТНАЕСТИ')
  })

  it('falls back to digits past the fifteenth part', () => {
    expect(bs.part(16)).toBe('DIO 16')
    expect(srCyrl.part(16)).toBe('ДИО 16')
  })
})

describe('chapter labels', () => {
  it('numbers chapters with Roman numerals and a dot: POGLAVLJE II.', () => {
    expect(bs.chapter(1)).toBe('POGLAVLJE I.')
    expect(bs.chapter(2)).toBe('POGLAVLJE II.')
    expect(hr.chapter(14)).toBe('POGLAVLJE XIV.')
  })

  it('keeps Latin Roman numerals in Cyrillic: ПОГЛАВЉЕ IV.', () => {
    expect(srCyrl.chapter(4)).toBe('ПОГЛАВЉЕ IV.')
  })

  it('refuses a chapter number that has no Roman numeral', () => {
    expect(() => bs.chapter(0)).toThrow(RangeError)
  })
})

describe('section labels', () => {
  it('letters sections with capitals: Odjeljak A., Odjeljak B.', () => {
    expect(bs.section(1)).toBe('Odjeljak A.')
    expect(bs.section(2)).toBe('Odjeljak B.')
  })

  it('letters sections in Cyrillic order: Одјељак А., Одјељак Б., Одјељак В.', () => {
    expect(srCyrl.section(1)).toBe('Одјељак А.')
    expect(srCyrl.section(2)).toBe('Одјељак Б.')
    expect(srCyrl.section(3)).toBe('Одјељак В.')
  })
})

describe('paragraph and sub-point labels', () => {
  it('writes paragraphs as (1), (2) in every variant', () => {
    expect(bs.paragraph(1)).toBe('(1)')
    expect(srCyrl.paragraph(12)).toBe('(12)')
  })

  it('writes sub-points as 1., 2.', () => {
    expect(bs.subpoint(1)).toBe('1.')
    expect(srCyrl.subpoint(3)).toBe('3.')
  })
})

describe('point labels', () => {
  it('letters points with the basic Latin alphabet: a) … j) k)', () => {
    const letters = Array.from({ length: 11 }, (_, i) => bs.point(i + 1))
    expect(letters).toEqual(['a)', 'b)', 'c)', 'd)', 'e)', 'f)', 'g)', 'h)', 'i)', 'j)', 'k)'])
  })

  it('uses the same Latin letters in Croatian and Serbian Latin', () => {
    expect(hr.point(3)).toBe('c)')
    expect(srLatn.point(3)).toBe('c)')
  })

  it('skips q, w, x and y, which the local alphabet does not have', () => {
    expect(bs.point(16)).toBe('p)')
    expect(bs.point(17)).toBe('r)')
    expect(bs.point(21)).toBe('v)')
    expect(bs.point(22)).toBe('z)')
  })

  it('doubles the letter after z: aa), bb)', () => {
    expect(bs.point(23)).toBe('aa)')
    expect(bs.point(24)).toBe('bb)')
  })

  it('letters points in Cyrillic alphabetical order: а) б) в) г) д) ђ)', () => {
    const letters = Array.from({ length: 6 }, (_, i) => srCyrl.point(i + 1))
    expect(letters).toEqual(['а)', 'б)', 'в)', 'г)', 'д)', 'ђ)'])
  })

  it('goes on through the whole Cyrillic alphabet to ш) and then doubles', () => {
    expect(srCyrl.point(7)).toBe('е)')
    expect(srCyrl.point(11)).toBe('ј)')
    expect(srCyrl.point(30)).toBe('ш)')
    expect(srCyrl.point(31)).toBe('аа)')
  })
})

describe('memorandum label', () => {
  it('is OBRAZLOŽENJE in Latin and ОБРАЗЛОЖЕЊЕ in Cyrillic', () => {
    expect(bs.memorandum).toBe('OBRAZLOŽENJE')
    expect(hr.memorandum).toBe('OBRAZLOŽENJE')
    expect(srCyrl.memorandum).toBe('ОБРАЗЛОЖЕЊЕ')
  })
})

describe('toRoman', () => {
  it('writes the additive numerals', () => {
    expect(toRoman(1)).toBe('I')
    expect(toRoman(3)).toBe('III')
    expect(toRoman(8)).toBe('VIII')
    expect(toRoman(2024)).toBe('MMXXIV')
  })

  it('writes the subtractive pairs IV, IX, XL, XC, CD, CM', () => {
    expect(toRoman(4)).toBe('IV')
    expect(toRoman(9)).toBe('IX')
    expect(toRoman(40)).toBe('XL')
    expect(toRoman(90)).toBe('XC')
    expect(toRoman(400)).toBe('CD')
    expect(toRoman(900)).toBe('CM')
    expect(toRoman(1994)).toBe('MCMXCIV')
  })

  it('reaches 3999 as MMMCMXCIX', () => {
    expect(toRoman(3999)).toBe('MMMCMXCIX')
  })

  it.each([0, -1, 4000, 2.5, Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError for %s', (n) => {
    expect(() => toRoman(n)).toThrow(RangeError)
  })
})

describe('annex labels', () => {
  it('writes "Prilog 2" in the Latin variants and "Прилог 2" in Cyrillic; "Annex 2" in English', () => {
    expect([bs.annex('2'), hr.annex('2'), srLatn.annex('2'), srCyrl.annex('2')]).toEqual(['Prilog 2', 'Prilog 2', 'Prilog 2', 'Прилог 2'])
    expect(annexLabelEn('2')).toBe('Annex 2')
  })
})
