import { describe, expect, it } from 'vitest'
import { numberingDecorations } from './numbering-decorations.ts'
import { article, doc } from '../test-builder.ts'

const bs = { language: 'bs', script: 'latn' } as const
const articleKeys = (d: ReturnType<typeof doc>, mode: 'frozen' | 'continuous') =>
  numberingDecorations(d, bs, mode)
    .find()
    .map((decoration) => (decoration.spec as { key: string }).key)
    .filter((key) => key.startsWith('a'))

describe('numberingDecorations', () => {
  it('marks both articles that frozen numbering gives one number, and no other', () => {
    const d = doc(article({ num: '18' }), article(), article({ num: '18a' }), article({ num: '19' }))
    expect(articleKeys(d, 'frozen')).toEqual(['a18', 'a18a!', 'a18a!', 'a19'])
  })

  it('marks nothing when the numbers are distinct, or under continuous numbering', () => {
    expect(articleKeys(doc(article({ num: '18' }), article({ num: '18a' }), article()), 'frozen')).toEqual(['a18', 'a18a', 'a18b'])
    expect(articleKeys(doc(article({ num: '18' }), article(), article({ num: '18a' })), 'continuous')).toEqual(['a1', 'a2', 'a3'])
  })
})
