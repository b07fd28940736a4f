import { describe, expect, it } from 'vitest'
import { commentEntries, listSection } from './store.ts'

const AT = new Date('2026-11-23T10:00:00.250Z')
const comment = (overrides: Partial<Parameters<typeof commentEntries>[0]> = {}): Parameters<typeof commentEntries>[0] => ({
  id: 'c1', roundId: 'r1', articleNodeId: null, body: 'Zaštita djece.', redactedBody: null, proposedWording: null, status: 'published',
  withdrawnAt: null, parentId: null, authorCategory: 'citizen', targetKind: 'draft', createdAt: AT,
  round: { draftId: 'd1', version: { seq: 2 } }, response: null, ...overrides,
})

describe('site search index rows', () => {
  it('places a comment in the section of the public list it is shown under', () => {
    expect(listSection({ articleNodeId: 'a12', targetKind: 'paragraph' })).toBe('article:a12')
    expect(listSection({ articleNodeId: null, targetKind: 'draft' })).toBe('general')
    expect(listSection({ articleNodeId: null, targetKind: 'memorandum' })).toBe('memorandum')
    expect(listSection({ articleNodeId: null, targetKind: 'annex' })).toBeNull()
  })

  it('keeps the section and time of a comment on its entries, the answer\'s too', () => {
    const entries = commentEntries(comment({ articleNodeId: 'a12', targetKind: 'article', response: { status: 'accepted', reasoning: 'Prihvaćeno.', publishedAt: AT } }))
    expect(entries.map((e) => [e.kind, e.visibility, e.section, e.listedAt])).toEqual([
      ['comment', 'public', 'article:a12', AT.getTime()],
      ['answer', 'public', 'article:a12', AT.getTime()],
    ])
  })

  it('makes hidden comments and replies staff entries, and withdrawn ones none', () => {
    expect(commentEntries(comment({ status: 'hidden' }))[0]!.visibility).toBe('staff')
    expect(commentEntries(comment({ parentId: 'c0' }))[0]!.visibility).toBe('staff')
    expect(commentEntries(comment({ withdrawnAt: AT }))).toEqual([])
  })
})
