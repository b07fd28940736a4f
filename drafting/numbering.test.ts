import { describe, expect, it } from 'vitest'
import { nextFrozenNumber, numberDocument } from './numbering.ts'
import { importPlainText } from './plain-text-import.ts'
import { annex } from './tables.test-util.ts'
import { article, chapter, doc, indent, par, part, point, section, subpoint, text } from './test-builder.ts'

const numbersOf = (numbers: ReadonlyMap<string, string>, ids: string[]) => ids.map((id) => numbers.get(id))

describe('numberDocument: articles', () => {
  it('numbers articles 1 … N in document order', () => {
    const numbers = numberDocument(doc(article({ id: 'a' }), article({ id: 'b' }), article({ id: 'c' })))
    expect(numbersOf(numbers, ['a', 'b', 'c'])).toEqual(['1', '2', '3'])
  })

  it('numbers articles continuously across parts and chapters', () => {
    const numbers = numberDocument(
      doc(
        part({ id: 'p1' }, 'Dio', chapter({ id: 'c1' }, 'Poglavlje', article({ id: 'a1' }), article({ id: 'a2' })), chapter({ id: 'c2' }, 'Poglavlje', article({ id: 'a3' }))),
        part({ id: 'p2' }, 'Dio', article({ id: 'a4' }), chapter({ id: 'c3' }, 'Poglavlje', section({ id: 's1' }, 'Odjeljak', article({ id: 'a5' })))),
      ),
    )
    expect(numbersOf(numbers, ['a1', 'a2', 'a3', 'a4', 'a5'])).toEqual(['1', '2', '3', '4', '5'])
  })

  it('renumbers every article after an inserted one', () => {
    const before = numberDocument(doc(article({ id: 'a' }), article({ id: 'b' }), article({ id: 'c' })))
    const after = numberDocument(doc(article({ id: 'a' }), article({ id: 'new' }), article({ id: 'b' }), article({ id: 'c' })))
    expect(numbersOf(before, ['a', 'b', 'c'])).toEqual(['1', '2', '3'])
    expect(numbersOf(after, ['a', 'new', 'b', 'c'])).toEqual(['1', '2', '3', '4'])
  })

  it('ignores written numbers when numbering continuously', () => {
    const numbers = numberDocument(doc(article({ id: 'a', num: '18' }), article({ id: 'b', num: '18a' }), article({ id: 'c', num: '19' })), 'continuous')
    expect(numbersOf(numbers, ['a', 'b', 'c'])).toEqual(['1', '2', '3'])
  })

  it('numbers continuously when no mode is given', () => {
    const numbers = numberDocument(doc(article({ id: 'a', num: '7' }), article({ id: 'b' })))
    expect(numbersOf(numbers, ['a', 'b'])).toEqual(['1', '2'])
  })

  it('keys numbers by stable id, so an article keeps its id when it moves', () => {
    const first = numberDocument(doc(article({ id: 'x' }), article({ id: 'y' })))
    const swapped = numberDocument(doc(article({ id: 'y' }), article({ id: 'x' })))
    expect(first.get('x')).toBe('1')
    expect(swapped.get('x')).toBe('2')
    expect(swapped.get('y')).toBe('1')
  })
})

describe('numberDocument: parts, chapters and sections', () => {
  it('numbers parts 1 … N through the act', () => {
    const numbers = numberDocument(doc(part({ id: 'p1' }, 'Dio', article({ id: 'a1' })), part({ id: 'p2' }, 'Dio', article({ id: 'a2' })), part({ id: 'p3' }, 'Dio', article({ id: 'a3' }))))
    expect(numbersOf(numbers, ['p1', 'p2', 'p3'])).toEqual(['1', '2', '3'])
  })

  it('restarts chapter numbers in each part', () => {
    const numbers = numberDocument(
      doc(
        part({ id: 'p1' }, 'Dio', chapter({ id: 'c1' }, 'Poglavlje', article({ id: 'a1' })), chapter({ id: 'c2' }, 'Poglavlje', article({ id: 'a2' }))),
        part({ id: 'p2' }, 'Dio', chapter({ id: 'c3' }, 'Poglavlje', article({ id: 'a3' })), chapter({ id: 'c4' }, 'Poglavlje', article({ id: 'a4' })), chapter({ id: 'c5' }, 'Poglavlje', article({ id: 'a5' }))),
      ),
    )
    expect(numbersOf(numbers, ['c1', 'c2', 'c3', 'c4', 'c5'])).toEqual(['1', '2', '1', '2', '3'])
  })

  it('numbers chapters through the act where there are no parts', () => {
    const numbers = numberDocument(doc(chapter({ id: 'c1' }, 'Poglavlje', article({ id: 'a1' })), chapter({ id: 'c2' }, 'Poglavlje', article({ id: 'a2' })), chapter({ id: 'c3' }, 'Poglavlje', article({ id: 'a3' }))))
    expect(numbersOf(numbers, ['c1', 'c2', 'c3'])).toEqual(['1', '2', '3'])
  })

  it('does not count articles that stand between chapters as chapters', () => {
    const numbers = numberDocument(doc(article({ id: 'a1' }), chapter({ id: 'c1' }, 'Poglavlje', article({ id: 'a2' })), article({ id: 'a3' }), chapter({ id: 'c2' }, 'Poglavlje', article({ id: 'a4' }))))
    expect(numbersOf(numbers, ['c1', 'c2'])).toEqual(['1', '2'])
    expect(numbersOf(numbers, ['a1', 'a2', 'a3', 'a4'])).toEqual(['1', '2', '3', '4'])
  })

  it('restarts section numbers in each chapter', () => {
    const numbers = numberDocument(
      doc(
        chapter({ id: 'c1' }, 'Poglavlje', section({ id: 's1' }, 'Odjeljak', article({ id: 'a1' })), section({ id: 's2' }, 'Odjeljak', article({ id: 'a2' }))),
        chapter({ id: 'c2' }, 'Poglavlje', section({ id: 's3' }, 'Odjeljak', article({ id: 'a3' }))),
      ),
    )
    expect(numbersOf(numbers, ['s1', 's2', 's3'])).toEqual(['1', '2', '1'])
  })
})

describe('numberDocument: paragraphs, points and sub-points', () => {
  it('leaves the only paragraph of an article unnumbered', () => {
    const numbers = numberDocument(doc(article({ id: 'a' }, par({ id: 'only' }, 'stav'))))
    expect(numbers.has('only')).toBe(false)
    expect(numbers.get('a')).toBe('1')
  })

  it('numbers paragraphs 1 … n when an article has more than one', () => {
    const numbers = numberDocument(doc(article({ id: 'a' }, par({ id: 'p1' }, 'stav'), par({ id: 'p2' }, 'stav'), par({ id: 'p3' }, 'stav'))))
    expect(numbersOf(numbers, ['p1', 'p2', 'p3'])).toEqual(['1', '2', '3'])
  })

  it('restarts paragraph numbers in each article', () => {
    const numbers = numberDocument(doc(article({ id: 'a' }, par({ id: 'a-1' }, 'stav'), par({ id: 'a-2' }, 'stav')), article({ id: 'b' }, par({ id: 'b-1' }, 'stav'), par({ id: 'b-2' }, 'stav'))))
    expect(numbersOf(numbers, ['a-1', 'a-2', 'b-1', 'b-2'])).toEqual(['1', '2', '1', '2'])
  })

  it('numbers points within a paragraph, restarting in each paragraph', () => {
    const numbers = numberDocument(
      doc(article({ id: 'a' }, par({ id: 'p1' }, 'stav', point({ id: 't1' }, 'tačka'), point({ id: 't2' }, 'tačka'), point({ id: 't3' }, 'tačka')), par({ id: 'p2' }, 'stav', point({ id: 't4' }, 'tačka'), point({ id: 't5' }, 'tačka')))),
    )
    expect(numbersOf(numbers, ['t1', 't2', 't3', 't4', 't5'])).toEqual(['1', '2', '3', '1', '2'])
  })

  it('numbers the points of an unnumbered paragraph', () => {
    const numbers = numberDocument(doc(article({ id: 'a' }, par({ id: 'p' }, 'stav', point({ id: 't1' }, 'tačka'), point({ id: 't2' }, 'tačka')))))
    expect(numbers.has('p')).toBe(false)
    expect(numbersOf(numbers, ['t1', 't2'])).toEqual(['1', '2'])
  })

  it('counts only points, not indents or closing text, when numbering points', () => {
    const closing = text('te druga lica.')
    const numbers = numberDocument(doc(article({ id: 'a' }, par({ id: 'p' }, 'stav', point({ id: 't1' }, 'tačka'), indent({ id: 'i1' }, 'alineja'), point({ id: 't2' }, 'tačka'), closing))))
    expect(numbersOf(numbers, ['t1', 't2'])).toEqual(['1', '2'])
  })

  it('numbers sub-points within each point', () => {
    const numbers = numberDocument(
      doc(article({ id: 'a' }, par({ id: 'p' }, 'stav', point({ id: 't1' }, 'tačka', subpoint({ id: 's1' }, 'podtačka'), subpoint({ id: 's2' }, 'podtačka')), point({ id: 't2' }, 'tačka', subpoint({ id: 's3' }, 'podtačka'))))),
    )
    expect(numbersOf(numbers, ['s1', 's2', 's3'])).toEqual(['1', '2', '1'])
  })

  it('gives indents no number', () => {
    const numbers = numberDocument(doc(article({ id: 'a' }, par({ id: 'p' }, 'stav', indent({ id: 'i1' }, 'alineja'), indent({ id: 'i2' }, 'alineja')))))
    expect(numbers.has('i1')).toBe(false)
    expect(numbers.has('i2')).toBe(false)
  })
})

describe('numberDocument: frozen numbering', () => {
  it('keeps every written number', () => {
    const numbers = numberDocument(doc(article({ id: 'a', num: '17' }), article({ id: 'b', num: '18' }), article({ id: 'c', num: '19' })), 'frozen')
    expect(numbersOf(numbers, ['a', 'b', 'c'])).toEqual(['17', '18', '19'])
  })

  it('gives inserted articles the previous number with a letter suffix', () => {
    const numbers = numberDocument(doc(article({ id: 'a', num: '18' }), article({ id: 'new1' }), article({ id: 'new2' }), article({ id: 'b', num: '19' })), 'frozen')
    expect(numbersOf(numbers, ['a', 'new1', 'new2', 'b'])).toEqual(['18', '18a', '18b', '19'])
  })

  it('continues the suffix after an article that already has one', () => {
    const numbers = numberDocument(doc(article({ id: 'a', num: '79' }), article({ id: 'b', num: '79a' }), article({ id: 'new' })), 'frozen')
    expect(numbersOf(numbers, ['a', 'b', 'new'])).toEqual(['79', '79a', '79b'])
  })

  it('numbers a first article without a written number 1', () => {
    const numbers = numberDocument(doc(article({ id: 'new' }), article({ id: 'b', num: '2' })), 'frozen')
    expect(numbersOf(numbers, ['new', 'b'])).toEqual(['1', '2'])
  })

  it('carries the last number across parts and chapters', () => {
    const numbers = numberDocument(
      doc(part({ id: 'p1' }, 'Dio', chapter({ id: 'c1' }, 'Poglavlje', article({ id: 'a', num: '5' }))), part({ id: 'p2' }, 'Dio', chapter({ id: 'c2' }, 'Poglavlje', article({ id: 'new' }), article({ id: 'b', num: '6' })))),
      'frozen',
    )
    expect(numbersOf(numbers, ['a', 'new', 'b'])).toEqual(['5', '5a', '6'])
  })

  it('still numbers parts, chapters, paragraphs and points by position', () => {
    const numbers = numberDocument(
      doc(part({ id: 'p1' }, 'Dio', chapter({ id: 'c1' }, 'Poglavlje', article({ id: 'a', num: '18a' }, par({ id: 'x1' }, 'stav'), par({ id: 'x2' }, 'stav', point({ id: 't1' }, 'tačka'), point({ id: 't2' }, 'tačka')))))),
      'frozen',
    )
    expect(numbersOf(numbers, ['p1', 'c1', 'x1', 'x2', 't1', 't2'])).toEqual(['1', '1', '1', '2', '1', '2'])
  })

  it('keeps the numbers of an imported amending text', () => {
    const act = importPlainText(['ZAKON O PROBI', 'Član 18.', 'Tekst.', 'Član 18a.', 'Tekst.', 'Član 19.', 'Tekst.'].join('\n'), {
      numbering: 'frozen',
    })
    const numbers = numberDocument(act, 'frozen')
    const ids: string[] = []
    act.forEach((child) => ids.push(child.attrs.id as string))
    expect(numbersOf(numbers, ids.slice(1))).toEqual(['18', '18a', '19'])
  })
})

describe('nextFrozenNumber', () => {
  it('starts at "1" when there is no previous article', () => {
    expect(nextFrozenNumber(null)).toBe('1')
  })

  it('adds the letter a to a plain number: "18" → "18a"', () => {
    expect(nextFrozenNumber('18')).toBe('18a')
    expect(nextFrozenNumber('1')).toBe('1a')
  })

  it('moves a suffix to the next letter: "18a" → "18b"', () => {
    expect(nextFrozenNumber('18a')).toBe('18b')
    expect(nextFrozenNumber('18f')).toBe('18g')
    expect(nextFrozenNumber('18n')).toBe('18o')
  })

  it('skips q, w, x and y, which the local alphabet does not have', () => {
    expect(nextFrozenNumber('18p')).toBe('18r')
    expect(nextFrozenNumber('18v')).toBe('18z')
  })

  it('adds a second letter after z: "18z" → "18za"', () => {
    expect(nextFrozenNumber('18z')).toBe('18za')
  })

  it('moves only the last letter of a long suffix: "18ab" → "18ac"', () => {
    expect(nextFrozenNumber('18ab')).toBe('18ac')
    expect(nextFrozenNumber('18za')).toBe('18zb')
  })

  it('appends a letter to a number it cannot read', () => {
    expect(nextFrozenNumber('IV')).toBe('IVa')
  })
})

describe('numberDocument: annexes', () => {
  it('numbers annexes 1 … N after the articles, and keeps frozen numbers like articles', () => {
    const act = doc(article({ id: 'a1' }), annex({ id: 'x1' }, 'Prvi'), annex({ id: 'x2' }, 'Drugi'), annex({ id: 'x3' }, 'Treći'))
    expect(numbersOf(numberDocument(act), ['a1', 'x1', 'x2', 'x3'])).toEqual(['1', '1', '2', '3'])
    const frozen = doc(article({ id: 'a1', num: '4' }), annex({ id: 'x1', num: '1' }), annex({ id: 'x2' }), annex({ id: 'x3', num: '2' }))
    expect(numbersOf(numberDocument(frozen, 'frozen'), ['x1', 'x2', 'x3'])).toEqual(['1', '1a', '2'])
  })
})
