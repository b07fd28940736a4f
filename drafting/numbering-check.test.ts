import { describe, expect, it } from 'vitest'
import { articleNumbers, checkNumbering, duplicateArticleNumbers } from './numbering-check.ts'
import { article, chapter, doc, par } from './test-builder.ts'

describe('checkNumbering', () => {
  it('accepts frozen numbers kept from an imported text and new articles lettered after them', () => {
    const d = doc(article({ num: '18' }), article(), article({ num: '18f' }), article(), article({ num: '19' }))
    expect(articleNumbers(d, 'frozen').map((a) => a.number)).toEqual(['18', '18a', '18f', '18g', '19'])
    expect(checkNumbering(d, 'frozen')).toBeNull()
  })

  it('refuses, under frozen numbering, a new article inserted in front of an article numbered 18a', () => {
    const d = doc(article({ num: '18' }), article({ id: 'new' }), article({ num: '18a' }), article({ num: '19' }))
    expect(duplicateArticleNumbers(d, 'frozen')).toEqual(['18a'])
    expect(checkNumbering(d, 'frozen')).toEqual({ problem: 'duplicate-number', number: '18a' })
  })

  it('finds duplicates across parts and chapters, since articles are numbered through the whole act', () => {
    const d = doc(chapter('Prvo', article({ num: '5' })), chapter('Drugo', article({ num: '5' })))
    expect(checkNumbering(d, 'frozen')).toEqual({ problem: 'duplicate-number', number: '5' })
  })

  it('ignores written numbers under continuous numbering: articles are 1 … N whatever they carry', () => {
    const d = doc(article({ num: '7' }), article({ num: '7' }))
    expect(articleNumbers(d, 'continuous').map((a) => a.number)).toEqual(['1', '2'])
    expect(checkNumbering(d, 'continuous')).toBeNull()
  })

  it.each(['12', '18a', '18ab', '7А', '103б'])('accepts the written number %s', (num) => {
    expect(checkNumbering(doc(article({ num }, par('Tekst.'))), 'frozen')).toBeNull()
  })

  it.each(['', 'a12', '12.', '18 a', '<b>1</b>', '123456', '18abcd'])('refuses the written number %j in either mode', (num) => {
    const d = doc(article({ num }, par('Tekst.')))
    for (const mode of ['frozen', 'continuous'] as const) expect(checkNumbering(d, mode)).toEqual({ problem: 'invalid-number', number: num })
  })
})
