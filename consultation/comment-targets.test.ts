import { describe, expect, it } from 'vitest'
import { importPlainText } from '../drafting/plain-text-import.ts'
import { outlineDocument } from '../drafting/outline.ts'
import { articlesOf, findCommentTarget, sameWording, targetText, unitChoices } from './comment-targets.ts'

const act = [
  'ZAKON O SOCIJALNIM USLUGAMA',
  'DIO PRVI – OSNOVNE ODREDBE',
  'Član 1.',
  '(Predmet)',
  'Ovim zakonom uređuju se socijalne usluge.',
  'Član 2.',
  '(Definicije)',
  '(1) U smislu ovog zakona:',
  'a) korisnik je osoba u stanju socijalne potrebe,',
  'b) pružalac je ustanova ili udruženje.',
  '(2) Izrazi imaju rodno neutralno značenje.',
  'Član 3.',
  'Usluge se pružaju:',
  '- blizu korisnika,',
  '- bez diskriminacije.',
].join('\n')

const outline = outlineDocument(importPlainText(act), { language: 'bs', script: 'latn' })
const [first, second, third] = articlesOf(outline)
const paragraph = second!.paragraphs[0]!
const point = paragraph.blocks.find((b) => b.kind === 'point')!

describe('findCommentTarget', () => {
  it('finds an article, a paragraph and a point by stable id, with the article that contains them', () => {
    expect(findCommentTarget(outline, first!.id)).toMatchObject({ kind: 'article', article: { id: first!.id }, paragraph: null, point: null })
    expect(findCommentTarget(outline, paragraph.id)).toMatchObject({ kind: 'paragraph', article: { id: second!.id }, paragraph: { id: paragraph.id } })
    expect(findCommentTarget(outline, point.kind === 'point' ? point.id : '')).toMatchObject({ kind: 'point', article: { id: second!.id }, point: { label: 'a)' } })
  })

  it('finds nothing for an unknown id, a division or an indent', () => {
    expect(findCommentTarget(outline, 'nema-takvog')).toBeNull()
    expect(findCommentTarget(outline, outline.body[0]!.id)).toBeNull()
    const indent = third!.paragraphs[0]!.blocks.find((b) => b.kind === 'indent')
    expect(indent).toBeDefined()
    expect(findCommentTarget(outline, indent!.kind === 'indent' ? indent!.id : '')).toBeNull()
  })
})

describe('targetText', () => {
  it('gives an article as plain text, one line per paragraph and point, with their labels', () => {
    expect(targetText(findCommentTarget(outline, second!.id)!)).toBe(
      [
        '(1) U smislu ovog zakona:',
        'a) korisnik je osoba u stanju socijalne potrebe,',
        'b) pružalac je ustanova ili udruženje.',
        '(2) Izrazi imaju rodno neutralno značenje.',
      ].join('\n'),
    )
  })

  it('gives a paragraph, a point, and indents with their dashes', () => {
    expect(targetText(findCommentTarget(outline, second!.paragraphs[1]!.id)!)).toBe('(2) Izrazi imaju rodno neutralno značenje.')
    expect(targetText(findCommentTarget(outline, point.kind === 'point' ? point.id : '')!)).toBe('a) korisnik je osoba u stanju socijalne potrebe,')
    expect(targetText(findCommentTarget(outline, third!.id)!)).toBe(['Usluge se pružaju:', '– blizu korisnika,', '– bez diskriminacije.'].join('\n'))
  })
})

describe('sameWording', () => {
  it('ignores spacing and line breaks, nothing else', () => {
    expect(sameWording('a) prvo,\nb) drugo.', '  a) prvo, b) drugo. ')).toBe(true)
    expect(sameWording('a) prvo', 'a) Prvo')).toBe(false)
  })
})

describe('unitChoices', () => {
  it('offers the whole article, then each paragraph with its points, each with the text a proposal starts from', () => {
    const choices = unitChoices(second!)
    expect(choices.map((c) => [c.kind, c.paragraphLabel, c.pointLabel])).toEqual([
      ['article', null, null],
      ['paragraph', '(1)', null],
      ['point', '(1)', 'a)'],
      ['point', '(1)', 'b)'],
      ['paragraph', '(2)', null],
    ])
    expect(choices[4]!.text).toBe('(2) Izrazi imaju rodno neutralno značenje.')
    expect(choices[2]!.text).toBe('a) korisnik je osoba u stanju socijalne potrebe,')
    // Every choice is a target the comment service accepts.
    for (const c of choices) expect(findCommentTarget(outline, c.nodeId)?.kind).toBe(c.kind)
  })

  it('offers the only paragraph of an article once, as the article', () => {
    expect(unitChoices(first!).map((c) => [c.kind, c.paragraphLabel])).toEqual([['article', null]])
  })
})
