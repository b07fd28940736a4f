import { describe, expect, it } from 'vitest'
import { loadDocument } from './document.ts'
import { nextFrozenNumber, numberDocument } from './numbering.ts'
import { importPlainText } from './plain-text-import.ts'

// A tiny JSON builder for documents of the legal schema: each unit gets the id it is
// given, so that tests can look its number up.
type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }
const text = (t: string): Json[] => (t ? [{ type: 'text', text: t }] : [])
const block = (t: string): Json => ({ type: 'text_block', content: text(t) })
const heading = (t: string): Json => ({ type: 'heading', content: text(t) })
const indent = (id: string, t = 'alineja'): Json => ({ type: 'indent', attrs: { id }, content: [block(t)] })
const subpoint = (id: string): Json => ({ type: 'subpoint', attrs: { id }, content: [block('podtačka')] })
const point = (id: string, ...children: Json[]): Json => ({ type: 'point', attrs: { id }, content: [block('tačka'), ...children] })
const para = (id: string, ...children: Json[]): Json => ({ type: 'paragraph', attrs: { id }, content: [block('stav'), ...children] })
const article = (id: string, num: string | null, ...paragraphs: Json[]): Json => ({
  type: 'article',
  attrs: { id, num },
  content: paragraphs.length > 0 ? paragraphs : [para(`${id}-p`)],
})
const section = (id: string, ...children: Json[]): Json => ({ type: 'section', attrs: { id }, content: [heading('Odjeljak'), ...children] })
const chapter = (id: string, ...children: Json[]): Json => ({ type: 'chapter', attrs: { id }, content: [heading('Poglavlje'), ...children] })
const part = (id: string, ...children: Json[]): Json => ({ type: 'part', attrs: { id }, content: [heading('Dio'), ...children] })
const doc = (...body: Json[]) => loadDocument({ type: 'doc', content: [{ type: 'title', content: text('ZAKON O PROBI') }, ...body] })

const numbersOf = (numbers: ReadonlyMap<string, string>, ids: string[]) => ids.map((id) => numbers.get(id))

describe('numberDocument: articles', () => {
  it('numbers articles 1 … N in document order', () => {
    const numbers = numberDocument(doc(article('a', null), article('b', null), article('c', null)))
    expect(numbersOf(numbers, ['a', 'b', 'c'])).toEqual(['1', '2', '3'])
  })

  it('numbers articles continuously across parts and chapters', () => {
    const numbers = numberDocument(
      doc(
        part('p1', chapter('c1', article('a1', null), article('a2', null)), chapter('c2', article('a3', null))),
        part('p2', article('a4', null), chapter('c3', section('s1', article('a5', null)))),
      ),
    )
    expect(numbersOf(numbers, ['a1', 'a2', 'a3', 'a4', 'a5'])).toEqual(['1', '2', '3', '4', '5'])
  })

  it('renumbers every article after an inserted one', () => {
    const before = numberDocument(doc(article('a', null), article('b', null), article('c', null)))
    const after = numberDocument(doc(article('a', null), article('new', null), article('b', null), article('c', null)))
    expect(numbersOf(before, ['a', 'b', 'c'])).toEqual(['1', '2', '3'])
    expect(numbersOf(after, ['a', 'new', 'b', 'c'])).toEqual(['1', '2', '3', '4'])
  })

  it('ignores written numbers when numbering continuously', () => {
    const numbers = numberDocument(doc(article('a', '18'), article('b', '18a'), article('c', '19')), 'continuous')
    expect(numbersOf(numbers, ['a', 'b', 'c'])).toEqual(['1', '2', '3'])
  })

  it('numbers continuously when no mode is given', () => {
    const numbers = numberDocument(doc(article('a', '7'), article('b', null)))
    expect(numbersOf(numbers, ['a', 'b'])).toEqual(['1', '2'])
  })

  it('keys numbers by stable id, so an article keeps its id when it moves', () => {
    const first = numberDocument(doc(article('x', null), article('y', null)))
    const swapped = numberDocument(doc(article('y', null), article('x', null)))
    expect(first.get('x')).toBe('1')
    expect(swapped.get('x')).toBe('2')
    expect(swapped.get('y')).toBe('1')
  })
})

describe('numberDocument: parts, chapters and sections', () => {
  it('numbers parts 1 … N through the act', () => {
    const numbers = numberDocument(doc(part('p1', article('a1', null)), part('p2', article('a2', null)), part('p3', article('a3', null))))
    expect(numbersOf(numbers, ['p1', 'p2', 'p3'])).toEqual(['1', '2', '3'])
  })

  it('restarts chapter numbers in each part', () => {
    const numbers = numberDocument(
      doc(
        part('p1', chapter('c1', article('a1', null)), chapter('c2', article('a2', null))),
        part('p2', chapter('c3', article('a3', null)), chapter('c4', article('a4', null)), chapter('c5', article('a5', null))),
      ),
    )
    expect(numbersOf(numbers, ['c1', 'c2', 'c3', 'c4', 'c5'])).toEqual(['1', '2', '1', '2', '3'])
  })

  it('numbers chapters through the act where there are no parts', () => {
    const numbers = numberDocument(doc(chapter('c1', article('a1', null)), chapter('c2', article('a2', null)), chapter('c3', article('a3', null))))
    expect(numbersOf(numbers, ['c1', 'c2', 'c3'])).toEqual(['1', '2', '3'])
  })

  it('does not count articles that stand between chapters as chapters', () => {
    const numbers = numberDocument(doc(article('a1', null), chapter('c1', article('a2', null)), article('a3', null), chapter('c2', article('a4', null))))
    expect(numbersOf(numbers, ['c1', 'c2'])).toEqual(['1', '2'])
    expect(numbersOf(numbers, ['a1', 'a2', 'a3', 'a4'])).toEqual(['1', '2', '3', '4'])
  })

  it('restarts section numbers in each chapter', () => {
    const numbers = numberDocument(
      doc(
        chapter('c1', section('s1', article('a1', null)), section('s2', article('a2', null))),
        chapter('c2', section('s3', article('a3', null))),
      ),
    )
    expect(numbersOf(numbers, ['s1', 's2', 's3'])).toEqual(['1', '2', '1'])
  })
})

describe('numberDocument: paragraphs, points and sub-points', () => {
  it('leaves the only paragraph of an article unnumbered', () => {
    const numbers = numberDocument(doc(article('a', null, para('only'))))
    expect(numbers.has('only')).toBe(false)
    expect(numbers.get('a')).toBe('1')
  })

  it('numbers paragraphs 1 … n when an article has more than one', () => {
    const numbers = numberDocument(doc(article('a', null, para('p1'), para('p2'), para('p3'))))
    expect(numbersOf(numbers, ['p1', 'p2', 'p3'])).toEqual(['1', '2', '3'])
  })

  it('restarts paragraph numbers in each article', () => {
    const numbers = numberDocument(doc(article('a', null, para('a-1'), para('a-2')), article('b', null, para('b-1'), para('b-2'))))
    expect(numbersOf(numbers, ['a-1', 'a-2', 'b-1', 'b-2'])).toEqual(['1', '2', '1', '2'])
  })

  it('numbers points within a paragraph, restarting in each paragraph', () => {
    const numbers = numberDocument(
      doc(article('a', null, para('p1', point('t1'), point('t2'), point('t3')), para('p2', point('t4'), point('t5')))),
    )
    expect(numbersOf(numbers, ['t1', 't2', 't3', 't4', 't5'])).toEqual(['1', '2', '3', '1', '2'])
  })

  it('numbers the points of an unnumbered paragraph', () => {
    const numbers = numberDocument(doc(article('a', null, para('p', point('t1'), point('t2')))))
    expect(numbers.has('p')).toBe(false)
    expect(numbersOf(numbers, ['t1', 't2'])).toEqual(['1', '2'])
  })

  it('counts only points, not indents or closing text, when numbering points', () => {
    const closing = block('te druga lica.')
    const numbers = numberDocument(doc(article('a', null, para('p', point('t1'), indent('i1'), point('t2'), closing))))
    expect(numbersOf(numbers, ['t1', 't2'])).toEqual(['1', '2'])
  })

  it('numbers sub-points within each point', () => {
    const numbers = numberDocument(
      doc(article('a', null, para('p', point('t1', subpoint('s1'), subpoint('s2')), point('t2', subpoint('s3'))))),
    )
    expect(numbersOf(numbers, ['s1', 's2', 's3'])).toEqual(['1', '2', '1'])
  })

  it('gives indents no number', () => {
    const numbers = numberDocument(doc(article('a', null, para('p', indent('i1'), indent('i2')))))
    expect(numbers.has('i1')).toBe(false)
    expect(numbers.has('i2')).toBe(false)
  })
})

describe('numberDocument: frozen numbering', () => {
  it('keeps every written number', () => {
    const numbers = numberDocument(doc(article('a', '17'), article('b', '18'), article('c', '19')), 'frozen')
    expect(numbersOf(numbers, ['a', 'b', 'c'])).toEqual(['17', '18', '19'])
  })

  it('gives inserted articles the previous number with a letter suffix', () => {
    const numbers = numberDocument(doc(article('a', '18'), article('new1', null), article('new2', null), article('b', '19')), 'frozen')
    expect(numbersOf(numbers, ['a', 'new1', 'new2', 'b'])).toEqual(['18', '18a', '18b', '19'])
  })

  it('continues the suffix after an article that already has one', () => {
    const numbers = numberDocument(doc(article('a', '79'), article('b', '79a'), article('new', null)), 'frozen')
    expect(numbersOf(numbers, ['a', 'b', 'new'])).toEqual(['79', '79a', '79b'])
  })

  it('numbers a first article without a written number 1', () => {
    const numbers = numberDocument(doc(article('new', null), article('b', '2')), 'frozen')
    expect(numbersOf(numbers, ['new', 'b'])).toEqual(['1', '2'])
  })

  it('carries the last number across parts and chapters', () => {
    const numbers = numberDocument(
      doc(part('p1', chapter('c1', article('a', '5'))), part('p2', chapter('c2', article('new', null), article('b', '6')))),
      'frozen',
    )
    expect(numbersOf(numbers, ['a', 'new', 'b'])).toEqual(['5', '5a', '6'])
  })

  it('still numbers parts, chapters, paragraphs and points by position', () => {
    const numbers = numberDocument(
      doc(part('p1', chapter('c1', article('a', '18a', para('x1'), para('x2', point('t1'), point('t2')))))),
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
