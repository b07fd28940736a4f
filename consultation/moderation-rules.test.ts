import { describe, expect, it } from 'vitest'
import {
  REDACTION_MARKER, afterReport, applyRedaction, compareForQueue, initialStatus, isVisibleToPublic, moderationModeOf,
  needsReview, publicText, queueGroup, redactPassages, summariseModeration, type QueueEntry,
} from './moderation-rules.ts'

const day = (n: number) => new Date(Date.UTC(2026, 10, n, 9))
const entry = (overrides: Partial<QueueEntry> & { id?: string } = {}): QueueEntry & { id: string } => ({
  id: 'c', status: 'published', hiddenReason: null, reportCount: 0, createdAt: day(1), withdrawnAt: null, ...overrides,
})

describe('initialStatus', () => {
  it('holds a comment for a moderator under pre-moderation and publishes it at once under post-moderation', () => {
    expect(initialStatus('pre')).toBe('pending')
    expect(initialStatus('post')).toBe('published')
  })

  it('reads an unknown stored mode as post-moderation, the default', () => {
    expect(moderationModeOf('pre')).toBe('pre')
    expect(moderationModeOf('post')).toBe('post')
    expect(moderationModeOf('')).toBe('post')
  })
})

describe('afterReport', () => {
  it('hides a published comment pending review once its reports reach the threshold', () => {
    expect(afterReport(1, 3, 'published')).toEqual({ hide: false })
    expect(afterReport(2, 3, 'published')).toEqual({ hide: false })
    expect(afterReport(3, 3, 'published')).toEqual({ hide: true, reason: 'reported' })
    expect(afterReport(4, 3, 'published')).toEqual({ hide: true, reason: 'reported' })
  })

  it('hides at the first report with a threshold of one', () => {
    expect(afterReport(1, 1, 'published')).toEqual({ hide: true, reason: 'reported' })
  })

  it('leaves pending and hidden comments as they are: they are not public anyway', () => {
    expect(afterReport(5, 3, 'pending')).toEqual({ hide: false })
    expect(afterReport(5, 3, 'hidden')).toEqual({ hide: false })
  })

  it('never hides by reports alone when the threshold is zero', () => {
    expect(afterReport(1000, 0, 'published')).toEqual({ hide: false })
  })
})

describe('publicText and isVisibleToPublic', () => {
  it('shows the redacted text where there is one, else the comment as written', () => {
    expect(publicText({ body: 'Moja kćerka Amra ima autizam.', redactedBody: 'Moja kćerka […] ima autizam.' })).toBe('Moja kćerka […] ima autizam.')
    expect(publicText({ body: 'Podržavam član 5.', redactedBody: null })).toBe('Podržavam član 5.')
  })

  it('shows only published comments that their authors have not withdrawn', () => {
    expect(isVisibleToPublic({ status: 'published', withdrawnAt: null })).toBe(true)
    expect(isVisibleToPublic({ status: 'published', withdrawnAt: day(2) })).toBe(false)
    expect(isVisibleToPublic({ status: 'pending', withdrawnAt: null })).toBe(false)
    expect(isVisibleToPublic({ status: 'hidden', withdrawnAt: null })).toBe(false)
  })
})

describe('redactPassages', () => {
  const body = 'Moj sin Kenan (8) iz Tuzle, Ulica Slatina 4, čeka procjenu.'

  it('replaces each range with the marker', () => {
    const name = body.indexOf('Kenan')
    const street = body.indexOf('Ulica Slatina 4')
    expect(redactPassages(body, [{ start: street, end: street + 'Ulica Slatina 4'.length }, { start: name, end: name + 5 }])).toBe(
      `Moj sin ${REDACTION_MARKER} (8) iz Tuzle, ${REDACTION_MARKER}, čeka procjenu.`,
    )
  })

  it('joins overlapping and touching ranges into one marker', () => {
    expect(redactPassages('abcdefgh', [{ start: 1, end: 3 }, { start: 2, end: 5 }, { start: 5, end: 6 }])).toBe('a[…]gh')
  })

  it('throws a RangeError for a range outside the text or an empty one', () => {
    expect(() => redactPassages('abc', [{ start: 2, end: 9 }])).toThrow(RangeError)
    expect(() => redactPassages('abc', [{ start: 1, end: 1 }])).toThrow(RangeError)
  })
})

describe('applyRedaction', () => {
  const body = 'Moja kćerka Amra Hodžić ima dijagnozu F84.0 i živi u ulici Maršala Tita 12. Član 14. treba proširiti.'

  it('accepts the text with passages replaced by the marker, and returns what the public reads', () => {
    const edited = 'Moja kćerka […] ima dijagnozu […] i živi u ulici […]. Član 14. treba proširiti.'
    expect(applyRedaction(body, edited)).toEqual({ ok: true, value: edited })
  })

  it('accepts the marker typed with three dots, and writes it as an ellipsis', () => {
    expect(applyRedaction(body, 'Moja kćerka [...] ima dijagnozu F84.0 i živi u ulici Maršala Tita 12. Član 14. treba proširiti.')).toEqual({
      ok: true,
      value: 'Moja kćerka […] ima dijagnozu F84.0 i živi u ulici Maršala Tita 12. Član 14. treba proširiti.',
    })
  })

  it('accepts a marker at the very start or end of the text', () => {
    expect(applyRedaction(body, '[…] Član 14. treba proširiti.')).toEqual({ ok: true, value: '[…] Član 14. treba proširiti.' })
    expect(applyRedaction(body, 'Moja kćerka […]')).toEqual({ ok: true, value: 'Moja kćerka […]' })
  })

  it('compares line endings as LF, as browsers send CRLF from a text area', () => {
    expect(applyRedaction('Prvi red.\nDrugi red: Amra.', 'Prvi red.\r\nDrugi red: […].')).toEqual({ ok: true, value: 'Prvi red.\nDrugi red: […].' })
  })

  it('joins markers side by side into one', () => {
    expect(applyRedaction('abcdef', 'a[…][…]f')).toEqual({ ok: true, value: 'a[…]f' })
  })

  it('returns null when the text is the original unchanged: nothing redacted', () => {
    expect(applyRedaction(body, body)).toEqual({ ok: true, value: null })
  })

  it('refuses an edit that adds or changes words', () => {
    expect(applyRedaction(body, body.replace('treba proširiti', 'treba brisati'))).toEqual({ ok: false, reason: 'not-a-redaction' })
    expect(applyRedaction(body, `${body} Dodatak.`)).toEqual({ ok: false, reason: 'not-a-redaction' })
    expect(applyRedaction(body, 'Moja kćerka […] ima dijagnozu i pravo na uslugu.')).toEqual({ ok: false, reason: 'not-a-redaction' })
  })

  it('refuses a removal without a marker, so that no cut goes unseen', () => {
    expect(applyRedaction(body, body.replace('Amra Hodžić ', ''))).toEqual({ ok: false, reason: 'not-a-redaction' })
    expect(applyRedaction('Ne podržavam član 5.', 'Podržavam član 5.')).toEqual({ ok: false, reason: 'not-a-redaction' })
  })

  it('refuses a marker that removes nothing', () => {
    expect(applyRedaction('abc', 'a[…]bc')).toEqual({ ok: false, reason: 'not-a-redaction' })
    expect(applyRedaction('abc', 'abc[…]')).toEqual({ ok: false, reason: 'not-a-redaction' })
  })

  it('refuses kept passages out of their original order', () => {
    expect(applyRedaction('prvo drugo treće', 'treće […] prvo')).toEqual({ ok: false, reason: 'not-a-redaction' })
    expect(applyRedaction('prvo drugo treće', '[…]drugo[…]prvo[…]')).toEqual({ ok: false, reason: 'not-a-redaction' })
  })

  it('finds kept passages that occur more than once in the original', () => {
    expect(applyRedaction('a x a y a', 'a […] a')).toEqual({ ok: true, value: 'a […] a' })
    expect(applyRedaction('Amra i Amra', '[…] i Amra')).toEqual({ ok: true, value: '[…] i Amra' })
  })

  it('extends an earlier redaction: the markers already there are checked against the original', () => {
    const first = applyRedaction(body, 'Moja kćerka […] ima dijagnozu F84.0 i živi u ulici Maršala Tita 12. Član 14. treba proširiti.')
    if (!first.ok || first.value === null) throw new Error('first redaction refused')
    expect(applyRedaction(body, first.value.replace('F84.0', '[…]'))).toEqual({
      ok: true,
      value: 'Moja kćerka […] ima dijagnozu […] i živi u ulici Maršala Tita 12. Član 14. treba proširiti.',
    })
  })
})

describe('the moderators’ queue', () => {
  it('groups comments: waiting, hidden by reports, reported, published, hidden, withdrawn', () => {
    expect(queueGroup(entry({ status: 'pending' }))).toBe('pending')
    expect(queueGroup(entry({ status: 'hidden', hiddenReason: 'reported', reportCount: 3 }))).toBe('reported-hidden')
    expect(queueGroup(entry({ reportCount: 1 }))).toBe('reported')
    expect(queueGroup(entry())).toBe('published')
    expect(queueGroup(entry({ status: 'hidden', hiddenReason: 'spam' }))).toBe('hidden')
    expect(queueGroup(entry({ status: 'pending', withdrawnAt: day(3) }))).toBe('withdrawn')
  })

  it('says which comments wait for a moderator', () => {
    expect(needsReview(entry({ status: 'pending' }))).toBe(true)
    expect(needsReview(entry({ reportCount: 2 }))).toBe(true)
    expect(needsReview(entry({ status: 'hidden', hiddenReason: 'reported', reportCount: 3 }))).toBe(true)
    expect(needsReview(entry())).toBe(false)
    expect(needsReview(entry({ status: 'hidden', hiddenReason: 'offensive' }))).toBe(false)
  })

  it('puts pending first (oldest first), then reported (most reports first), then published (newest first)', () => {
    const comments = [
      entry({ id: 'published-old', createdAt: day(1) }),
      entry({ id: 'hidden', status: 'hidden', hiddenReason: 'spam', createdAt: day(9) }),
      entry({ id: 'reported-1', reportCount: 1, createdAt: day(2) }),
      entry({ id: 'pending-new', status: 'pending', createdAt: day(8) }),
      entry({ id: 'published-new', createdAt: day(7) }),
      entry({ id: 'reported-2', reportCount: 2, createdAt: day(6) }),
      entry({ id: 'pending-old', status: 'pending', createdAt: day(3) }),
      entry({ id: 'auto-hidden', status: 'hidden', hiddenReason: 'reported', reportCount: 3, createdAt: day(4) }),
    ]
    expect([...comments].sort(compareForQueue).map((c) => c.id)).toEqual([
      'pending-old', 'pending-new', 'auto-hidden', 'reported-2', 'reported-1', 'published-new', 'published-old', 'hidden',
    ])
  })
})

describe('summariseModeration', () => {
  it('counts hidden comments by their reason, with every reason present, and leaves withdrawn ones out', () => {
    const summary = summariseModeration([
      { ...entry(), redacted: false },
      { ...entry(), redacted: true },
      { ...entry({ reportCount: 1 }), redacted: false },
      { ...entry({ status: 'pending' }), redacted: false },
      { ...entry({ status: 'hidden', hiddenReason: 'spam' }), redacted: false },
      { ...entry({ status: 'hidden', hiddenReason: 'spam' }), redacted: false },
      { ...entry({ status: 'hidden', hiddenReason: 'reported', reportCount: 3 }), redacted: false },
      { ...entry({ status: 'hidden', hiddenReason: 'offensive', withdrawnAt: day(2) }), redacted: false },
    ])
    expect(summary).toEqual({
      published: 3,
      pending: 1,
      hidden: { total: 3, byReason: { offensive: 0, spam: 2, 'off-topic': 0, 'personal-data': 0, reported: 1 } },
      redacted: 1,
      needsReview: 3,
    })
  })
})
