import { describe, expect, it } from 'vitest'
import { documentTypeOf, paragraphsAlwaysNumbered, unitLabels, unitNames } from './document-types.ts'
import { legalLabels } from './labels.ts'
import type { LanguageVariant } from './language.ts'

const bs: LanguageVariant = { language: 'bs', script: 'latn' }
const hr: LanguageVariant = { language: 'hr', script: 'latn' }
const srLatn: LanguageVariant = { language: 'sr', script: 'latn' }
const srCyrl: LanguageVariant = { language: 'sr', script: 'cyrl' }
const VARIANTS = [bs, hr, srLatn, srCyrl]

describe('unitLabels for laws and bylaws', () => {
  it('are exactly the legal labels of the variant, parent numbers or not', () => {
    for (const type of ['law', 'bylaw'] as const) {
      for (const variant of VARIANTS) {
        const labels = unitLabels(type, variant)
        const legal = legalLabels(variant)
        expect(labels.article('18a')).toBe(legal.article('18a'))
        expect(labels.paragraph(2, '3')).toBe(legal.paragraph(2))
        expect(labels.point(3, '3', 2)).toBe(legal.point(3))
        expect(labels.chapter(4)).toBe(legal.chapter(4))
      }
    }
    expect(unitLabels('law', bs).paragraph(2, '3')).toBe('(2)')
    expect(unitLabels('law', bs).point(1, '3', 2)).toBe('a)')
    expect(unitLabels('law', hr).article('3')).toBe('Članak 3.')
    expect(unitLabels('law', srCyrl).point(2, '3', 1)).toBe('б)')
  })
})

describe('unitLabels for quality standards', () => {
  it('name the units standard, criterion and indicator in each variant', () => {
    const expected: [LanguageVariant, string, string, string][] = [
      [bs, 'Standard 3.', 'Kriterij 3.2', 'Indikator 3.2.1'],
      [hr, 'Standard 3.', 'Kriterij 3.2', 'Pokazatelj 3.2.1'],
      [srLatn, 'Standard 3.', 'Kriterijum 3.2', 'Indikator 3.2.1'],
      [srCyrl, 'Стандард 3.', 'Критеријум 3.2', 'Индикатор 3.2.1'],
    ]
    for (const [variant, article, paragraph, point] of expected) {
      const labels = unitLabels('standard', variant)
      expect([labels.article('3'), labels.paragraph(2, '3'), labels.point(1, '3', 2)]).toEqual([article, paragraph, point])
    }
  })

  it('number hierarchically, also after a frozen article number', () => {
    const labels = unitLabels('standard', bs)
    expect(labels.paragraph(1, '18a')).toBe('Kriterij 18a.1')
    expect(labels.point(12, '18a', 3)).toBe('Indikator 18a.3.12')
    // Without parents (a caller that does not know them), the unit's own number.
    expect(labels.point(2)).toBe('Indikator 2')
  })

  it('keep the law labels for divisions, sub-points and the memorandum', () => {
    const labels = unitLabels('standard', bs)
    expect(labels.part(1)).toBe('DIO PRVI')
    expect(labels.subpoint(2)).toBe('2.')
    expect(labels.memorandum).toBe('OBRAZLOŽENJE')
  })

  it('always number paragraphs, even a single criterion', () => {
    expect(paragraphsAlwaysNumbered('standard')).toBe(true)
    expect(paragraphsAlwaysNumbered('law')).toBe(false)
    expect(paragraphsAlwaysNumbered('bylaw')).toBe(false)
  })
})

describe('unitNames', () => {
  it('give the words for prose per type and variant', () => {
    expect(unitNames('law', bs)).toEqual({ article: 'član', paragraph: 'stav', point: 'tačka' })
    expect(unitNames('law', hr)).toEqual({ article: 'članak', paragraph: 'stavak', point: 'točka' })
    expect(unitNames('law', srCyrl)).toEqual({ article: 'члан', paragraph: 'став', point: 'тачка' })
    expect(unitNames('standard', bs)).toEqual({ article: 'standard', paragraph: 'kriterij', point: 'indikator' })
    expect(unitNames('standard', hr)).toEqual({ article: 'standard', paragraph: 'kriterij', point: 'pokazatelj' })
    expect(unitNames('standard', srLatn)).toEqual({ article: 'standard', paragraph: 'kriterijum', point: 'indikator' })
    expect(unitNames('standard', srCyrl)).toEqual({ article: 'стандард', paragraph: 'критеријум', point: 'индикатор' })
  })
})

describe('documentTypeOf', () => {
  it('reads a stored type and treats anything unknown as a law', () => {
    expect(documentTypeOf('standard')).toBe('standard')
    expect(documentTypeOf('bylaw')).toBe('bylaw')
    expect(documentTypeOf('law')).toBe('law')
    expect(documentTypeOf('pravilnik')).toBe('law')
  })
})

describe('annexes in every document type', () => {
  it('labels annexes "Prilog N" in laws and quality standards alike, in the draft\'s script', () => {
    expect(unitLabels('law', { language: 'bs', script: 'latn' }).annex('1')).toBe('Prilog 1')
    expect(unitLabels('standard', { language: 'hr', script: 'latn' }).annex('2')).toBe('Prilog 2')
    expect(unitLabels('standard', { language: 'sr', script: 'cyrl' }).annex('3')).toBe('Прилог 3')
  })
})
