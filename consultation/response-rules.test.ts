import { describe, expect, it } from 'vitest'
import {
  answerStatusOf, answersPublicationOf, canLinkChange, checkAnswer, COMMENT_ANSWER_STATUSES, isAnswerPublic, nextPublication,
  notifyOnPublish, notifyWithReport, reasoningRequired, roundProgress, tallyAnswers, type RoundPublication,
} from './response-rules.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const HOUR = 3_600_000
const before = new Date(NOW.getTime() - HOUR)

const round = (overrides: Partial<RoundPublication> = {}): RoundPublication => ({
  state: 'closed',
  opensAt: new Date('2026-10-01T07:00:00Z'),
  closesAt: new Date('2026-11-01T07:00:00Z'),
  reportPublishedAt: null,
  answersPublication: 'with-report',
  ...overrides,
})

describe('answer statuses', () => {
  it('calls a comment without an answer unanswered, and one with an answer by its status', () => {
    expect(answerStatusOf(null)).toBe('unanswered')
    expect(answerStatusOf({ status: 'partly-accepted' })).toBe('partly-accepted')
  })

  it('throws on a stored status the rules do not know (a broken invariant)', () => {
    expect(() => answerStatusOf({ status: 'maybe' })).toThrow(RangeError)
  })

  it('requires reasons for every status but unanswered', () => {
    expect(COMMENT_ANSWER_STATUSES.filter(reasoningRequired)).toEqual(['accepted', 'partly-accepted', 'rejected', 'noted'])
    expect(reasoningRequired('unanswered')).toBe(false)
  })
})

describe('checkAnswer', () => {
  it('keeps a known status with its reasoning, trimmed', () => {
    expect(checkAnswer({ status: 'accepted', reasoning: '  Član je izmijenjen.  ' })).toEqual({ ok: true, value: { status: 'accepted', reasoning: 'Član je izmijenjen.' } })
  })

  it('refuses an answer without reasons, whatever its status', () => {
    for (const status of ['accepted', 'partly-accepted', 'rejected', 'noted']) {
      expect(checkAnswer({ status, reasoning: ' \n ' })).toEqual({ ok: false, reason: 'reasoning-required' })
    }
  })

  it('refuses an unknown status, and unanswered, which is not an answer', () => {
    expect(checkAnswer({ status: 'unanswered', reasoning: 'x' })).toEqual({ ok: false, reason: 'unknown-status' })
    expect(checkAnswer({ status: 'approved', reasoning: 'x' })).toEqual({ ok: false, reason: 'unknown-status' })
  })
})

describe('nextPublication', () => {
  it('publishes now, and says whether it is the first time', () => {
    expect(nextPublication('publish', null, NOW)).toEqual({ ok: true, value: { publishedAt: NOW, first: true } })
    expect(nextPublication('publish', { publishedAt: null }, NOW)).toEqual({ ok: true, value: { publishedAt: NOW, first: true } })
    expect(nextPublication('publish', { publishedAt: before }, NOW)).toEqual({ ok: true, value: { publishedAt: NOW, first: false } })
  })

  it('keeps a draft unpublished, but never takes a published answer back', () => {
    expect(nextPublication('draft', null, NOW)).toEqual({ ok: true, value: { publishedAt: null, first: false } })
    expect(nextPublication('draft', { publishedAt: null }, NOW)).toEqual({ ok: true, value: { publishedAt: null, first: false } })
    expect(nextPublication('draft', { publishedAt: before }, NOW)).toEqual({ ok: false, reason: 'already-published' })
  })
})

describe('which answers are public', () => {
  it('never shows a draft answer', () => {
    expect(isAnswerPublic({ publishedAt: null }, round({ answersPublication: 'immediately' }), NOW)).toBe(false)
    expect(isAnswerPublic({ publishedAt: null }, round({ reportPublishedAt: before }), NOW)).toBe(false)
  })

  it('shows a published answer at once in a round that publishes answers immediately', () => {
    expect(isAnswerPublic({ publishedAt: before }, round({ answersPublication: 'immediately', state: 'open', closesAt: new Date('2027-01-01') }), NOW)).toBe(true)
  })

  it('holds a published answer back until the report is published in a with-report round', () => {
    expect(isAnswerPublic({ publishedAt: before }, round(), NOW)).toBe(false)
    expect(isAnswerPublic({ publishedAt: before }, round({ reportPublishedAt: new Date(NOW.getTime() + HOUR) }), NOW)).toBe(false)
    expect(isAnswerPublic({ publishedAt: before }, round({ reportPublishedAt: before }), NOW)).toBe(true)
    expect(isAnswerPublic({ publishedAt: before }, round({ state: 'report-published' }), NOW)).toBe(true)
  })

  it('reads an unknown setting as with-report, the cautious one', () => {
    expect(answersPublicationOf('sometimes')).toBe('with-report')
    expect(isAnswerPublic({ publishedAt: before }, round({ answersPublication: 'sometimes' }), NOW)).toBe(false)
  })
})

describe('notifications', () => {
  it('tells the author once, when the answer is first published and public at once', () => {
    const immediately = round({ answersPublication: 'immediately' })
    expect(notifyOnPublish(true, immediately, NOW)).toBe(true)
    expect(notifyOnPublish(false, immediately, NOW)).toBe(false)
    expect(notifyOnPublish(true, round(), NOW)).toBe(false)
  })

  it('tells authors of published answers when the report of a with-report round is published', () => {
    expect(notifyWithReport({ publishedAt: before }, { answersPublication: 'with-report' })).toBe(true)
    expect(notifyWithReport({ publishedAt: null }, { answersPublication: 'with-report' })).toBe(false)
    expect(notifyWithReport({ publishedAt: before }, { answersPublication: 'immediately' })).toBe(false)
  })
})

describe('canLinkChange', () => {
  it('links only accepted and partly accepted comments to a change', () => {
    expect(COMMENT_ANSWER_STATUSES.filter(canLinkChange)).toEqual(['accepted', 'partly-accepted'])
  })
})

describe('progress', () => {
  it('counts answered (drafts included), unanswered, published and each status', () => {
    const tally = tallyAnswers([
      { status: null, published: false },
      { status: 'accepted', published: true },
      { status: 'accepted', published: false },
      { status: 'partly-accepted', published: true },
      { status: 'rejected', published: true },
      { status: 'noted', published: false },
    ])
    expect(tally).toEqual({ total: 6, answered: 5, unanswered: 1, drafts: 2, published: 3, accepted: 2, partlyAccepted: 1, rejected: 1, noted: 1 })
  })

  it('counts a round per article and per assignee in one pass, the draft as a whole and nobody under null', () => {
    const progress = roundProgress([
      { articleNodeId: 'a1', assigneeId: 'emir', status: 'accepted', published: true },
      { articleNodeId: 'a1', assigneeId: null, status: null, published: false },
      { articleNodeId: 'a2', assigneeId: 'emir', status: 'rejected', published: false },
      { articleNodeId: null, assigneeId: 'lejla', status: 'noted', published: true },
    ])
    expect(progress.overall).toMatchObject({ total: 4, answered: 3, unanswered: 1 })
    expect(progress.byArticle.get('a1')).toMatchObject({ total: 2, answered: 1, unanswered: 1, accepted: 1 })
    expect(progress.byArticle.get('a2')).toMatchObject({ total: 1, rejected: 1, drafts: 1 })
    expect(progress.byArticle.get(null)).toMatchObject({ total: 1, noted: 1 })
    expect(progress.byAssignee.get('emir')).toMatchObject({ total: 2, answered: 2, accepted: 1, rejected: 1 })
    expect(progress.byAssignee.get(null)).toMatchObject({ total: 1, unanswered: 1 })
    expect(progress.byAssignee.get('lejla')).toMatchObject({ total: 1, noted: 1, published: 1 })
  })

  it('counts nothing as zeros', () => {
    expect(tallyAnswers([])).toEqual({ total: 0, answered: 0, unanswered: 0, drafts: 0, published: 0, accepted: 0, partlyAccepted: 0, rejected: 0, noted: 0 })
  })
})
