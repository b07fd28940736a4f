import { describe, expect, it } from 'vitest'
import { highlight, termMatcher } from './highlight.ts'
import { matchExpression, parseQuery, SiteSearchQuery } from './query.ts'

const marked = (text: string, q: string) => highlight(text, parseQuery(q).terms).filter((s) => s.mark).map((s) => s.text)

describe('site search queries', () => {
  it('analyses the words and takes the article reference apart', () => {
    expect(parseQuery('zaštita djece')).toEqual({ terms: ['zastit', 'detet'], articleNumber: null })
    expect(parseQuery('члан 12')).toEqual({ terms: [], articleNumber: '12' })
    expect(parseQuery('čl. 18a usluge')).toEqual({ terms: ['usluz'], articleNumber: '18a' })
  })

  it('quotes every term, so nothing typed is read as FTS5 syntax', () => {
    expect(matchExpression(['zastit', 'detet'])).toBe('"zastit" "detet"')
    expect(matchExpression(['a"b'])).toBe('"a""b"')
    expect(matchExpression([])).toBeNull()
  })

  it('reads the shareable URL, empty filters left out', () => {
    expect(SiteSearchQuery.parse({ q: ' zastita ', draft: '', version: '2', article: '12A' })).toEqual({ q: 'zastita', version: 2, article: '12a' })
    expect(SiteSearchQuery.safeParse({ q: 'x', kind: 'users' }).success).toBe(false)
  })
})

describe('site search highlighting', () => {
  it('marks the original words whatever form, script or diacritics the query used', () => {
    expect(marked('Zaštita djeteta i socijalnih usluga.', 'zastita dijete socijalne usluge')).toEqual(['Zaštita', 'djeteta', 'socijalnih', 'usluga'])
    expect(marked('Право на заштиту дјеце.', 'zastita djeca')).toEqual(['заштиту', 'дјеце'])
  })

  it('marks no stop word and no word that only begins like a term', () => {
    const matches = termMatcher(parseQuery('zastita').terms)
    expect(matches('i')).toBe(false)
    expect(matches('zaštitnik')).toBe(false)
  })
})
