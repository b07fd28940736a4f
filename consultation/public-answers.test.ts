import { describe, expect, it } from 'vitest'
import { loadDocument } from '../drafting/document.ts'
import { changeAnchor } from './public-answers.ts'

// A tiny JSON builder for documents of the legal schema, with the ids it is given.
type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }
const text = (t: string): Json[] => (t ? [{ type: 'text', text: t }] : [])
const block = (t: string): Json => ({ type: 'text_block', content: text(t) })
const point = (id: string, t: string): Json => ({ type: 'point', attrs: { id }, content: [block(t)] })
const para = (id: string, t: string, ...points: Json[]): Json => ({ type: 'paragraph', attrs: { id }, content: [block(t), ...points] })
const article = (id: string, ...paragraphs: Json[]): Json => ({ type: 'article', attrs: { id }, content: paragraphs })
const doc = (...body: Json[]) => loadDocument({ type: 'doc', content: [{ type: 'title', content: text('ZAKON O PROBI') }, ...body] })

describe('changeAnchor', () => {
  const later = doc(
    article('a-new', para('p-new', 'Novi član.')),
    article('a1', para('p1', 'Prvi stav.'), para('p2', 'Drugi stav:', point('t1', 'tačka.'))),
  )

  it('points at the article by its number in that version, so renumbering never breaks the link', () => {
    expect(changeAnchor(later, 'a1')).toBe('clan-2')
  })

  it('finds the article of a paragraph or point', () => {
    expect(changeAnchor(later, 'p2')).toBe('clan-2')
    expect(changeAnchor(later, 't1')).toBe('clan-2')
    expect(changeAnchor(later, 'p-new')).toBe('clan-1')
  })

  it('has no anchor for a unit the version no longer has, or for the draft as a whole', () => {
    expect(changeAnchor(later, 'izbrisan')).toBeNull()
    expect(changeAnchor(later, null)).toBeNull()
  })
})
