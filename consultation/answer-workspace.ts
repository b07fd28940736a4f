import type { Actor } from '../accounts/actor.ts'
import type { Db } from '../drafting/db.ts'
import { compareWords, type WordChange } from '../drafting/diff.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import type { Prisma } from '../generated/prisma/client.ts'
import {
  ANSWERABLE, assignablePeople, authorOf, indexUnits, loadAnsweringRound, outlineOfDraftDoc, unitLabelsOf,
  type AnswerAuthor, type AnsweringProblem, type AnsweringRound, type Assignable, type UnitLabels, type UnitPlace,
} from './answer-access.ts'
import type { AnswerFilters } from './answer-inputs.ts'
import { loadDocument } from '../drafting/document.ts'
import { groupRoundComments } from './answer-groups.ts'
import { articlesOf, targetText } from './comment-targets.ts'
import { changeAnchor, type ChangeLink } from './public-answers.ts'
import { templatesOf, type TemplateView } from './response-templates.ts'
import {
  answerStatusOf, answersPublicationOf, isAnswerPublic, tallyAnswers,
  type AnswerStatus, type AnswerTally, type AnswersPublication, type CommentAnswerStatus,
} from './response-rules.ts'
import type { RoundState } from './round-state.ts'

// What the people who answer comments read: the list of a round's comments with filters,
// one comment with the text it is about (as consulted and as it reads now) and the other
// comments on its article, and a campaign group with all its members.

/** The round and draft every answering page names. */
export interface AnsweringHeader {
  round: { id: string; title: string; state: RoundState; answersPublication: AnswersPublication }
  draft: { slug: string; title: string }
  version: { seq: number; name: string }
}

function headerOf(round: AnsweringRound): AnsweringHeader {
  const { row, state } = round
  return {
    round: { id: row.id, title: row.title, state, answersPublication: answersPublicationOf(row.answersPublication) },
    draft: { slug: row.draft.slug, title: row.draft.title },
    version: { seq: row.version.seq, name: row.version.name },
  }
}

const EXCERPT = 400
const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1).trimEnd()}…` : text)

const COMMENT_FIELDS = {
  id: true, createdAt: true, body: true, authorCategory: true, targetKind: true, targetNodeId: true, articleNodeId: true,
  consentToBeNamed: true, authorName: true, assigneeId: true, groupKey: true,
  organisation: { select: { name: true } },
  response: { select: { status: true, publishedAt: true } },
} as const

/** A comment in the answering list. `body` is cut to its first few hundred characters. */
export interface QueueComment {
  id: string
  createdAt: Date
  author: AnswerAuthor
  category: string
  unit: UnitLabels
  body: string
  status: CommentAnswerStatus
  /** Whether the answer is published (false for a draft answer and for no answer). */
  published: boolean
  assignee: { id: string; name: string } | null
  groupKey: string | null
}

/** A row of the list: one comment, or a campaign group shown once with its members. */
export type QueueEntry =
  | { kind: 'comment'; comment: QueueComment }
  | {
      kind: 'group'
      groupKey: string
      /** Members matching the filters, and all members. */
      matching: number
      size: number
      /** The first member, standing for the group's text. */
      first: QueueComment
      /** The first few members, for the row; the group page lists them all. */
      members: QueueComment[]
      tally: AnswerTally
    }

/** The answering list of a round. */
export interface AnswerQueue extends AnsweringHeader {
  entries: QueueEntry[]
  /** Matching comments, and rows (a group is one row). */
  matching: number
  rows: number
  page: number
  pageCount: number
  articles: { id: string; label: string; heading: string | null }[]
  assignees: Assignable[]
  overall: AnswerTally
}

export const QUEUE_PAGE_SIZE = 50
const GROUP_ROW_MEMBERS = 5

function filterWhere(roundId: string, filters: AnswerFilters, actor: Actor): Prisma.CommentWhereInput {
  const where: Prisma.CommentWhereInput = { roundId, ...ANSWERABLE }
  const response: Prisma.ResponseWhereInput = {}
  if (filters.status === 'unanswered') {
    if (filters.publication) return { id: { in: [] } }
    where.response = { is: null }
  } else if (filters.status) response.status = filters.status
  if (filters.publication === 'draft') response.publishedAt = null
  if (filters.publication === 'published') response.publishedAt = { not: null }
  if (Object.keys(response).length > 0) where.response = { is: response }
  if (filters.article === 'general') where.articleNodeId = null
  else if (filters.article) where.articleNodeId = filters.article
  if (filters.category) where.authorCategory = filters.category
  if (filters.assignee === 'none') where.assigneeId = null
  else if (filters.assignee === 'me') where.assigneeId = actor.userId
  else if (filters.assignee) where.assigneeId = filters.assignee
  if (filters.group) where.groupKey = filters.group
  return where
}

type CommentRow = Prisma.CommentGetPayload<{ select: typeof COMMENT_FIELDS }>

function presentComment(c: CommentRow, units: Map<string, UnitPlace>, people: Map<string, string>): QueueComment {
  return {
    id: c.id,
    createdAt: c.createdAt,
    author: authorOf(c),
    category: c.authorCategory,
    unit: unitLabelsOf(c, units),
    body: excerpt(c.body),
    status: answerStatusOf(c.response),
    published: c.response?.publishedAt != null,
    assignee: c.assigneeId ? { id: c.assigneeId, name: people.get(c.assigneeId) ?? '' } : null,
    groupKey: c.groupKey,
  }
}

/** Names of the people comments are assigned to (assignable people, and anyone assigned before). */
async function peopleNames(db: Db, assignees: Assignable[], ids: Iterable<string>): Promise<Map<string, string>> {
  const names = new Map(assignees.map((a) => [a.id, a.name]))
  const missing = [...new Set(ids)].filter((id) => !names.has(id))
  if (missing.length > 0) {
    for (const u of await db.user.findMany({ where: { id: { in: missing } }, select: { id: true, name: true } })) names.set(u.id, u.name ?? '')
  }
  return names
}

/**
 * A round's comments for answering, filtered and paged, oldest first. A campaign group is
 * one row (unless the list is filtered to that group), with how many of its members match
 * and how far their answers are. Campaign groups are brought up to date first.
 */
export async function listAnswerQueue(
  db: Db,
  actor: Actor,
  roundId: string,
  filters: AnswerFilters,
  now: Date,
): Promise<Result<AnswerQueue, AnsweringProblem>> {
  const round = await loadAnsweringRound(db, actor, roundId, now)
  if (!round.ok) return round
  await groupRoundComments(db, roundId)
  const { row } = round.value
  const where = filterWhere(roundId, filters, actor)
  const [light, all] = await Promise.all([
    db.comment.findMany({ where, select: { id: true, groupKey: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.comment.findMany({ where: { roundId, ...ANSWERABLE }, select: { response: { select: { status: true, publishedAt: true } } } }),
  ])
  // Rows in the order of their first comment; a group collects its matching members.
  const rows: { key: string | null; ids: string[] }[] = []
  const groupRows = new Map<string, { key: string | null; ids: string[] }>()
  for (const c of light) {
    if (c.groupKey && !filters.group) {
      const existing = groupRows.get(c.groupKey)
      if (existing) {
        existing.ids.push(c.id)
        continue
      }
      const created = { key: c.groupKey, ids: [c.id] }
      groupRows.set(c.groupKey, created)
      rows.push(created)
    } else rows.push({ key: null, ids: [c.id] })
  }
  const pageCount = Math.max(1, Math.ceil(rows.length / QUEUE_PAGE_SIZE))
  const page = Math.min(filters.page ?? 1, pageCount)
  const shown = rows.slice((page - 1) * QUEUE_PAGE_SIZE, page * QUEUE_PAGE_SIZE)
  const groupKeys = shown.flatMap((r) => (r.key ? [r.key] : []))
  const detailIds = shown.flatMap((r) => r.ids.slice(0, r.key ? GROUP_ROW_MEMBERS : 1))
  const [details, groupMembers, assignees] = await Promise.all([
    db.comment.findMany({ where: { id: { in: detailIds } }, select: COMMENT_FIELDS }),
    groupKeys.length
      ? db.comment.findMany({ where: { roundId, groupKey: { in: groupKeys }, ...ANSWERABLE }, select: { groupKey: true, response: { select: { status: true, publishedAt: true } } } })
      : Promise.resolve([]),
    assignablePeople(db, row.draft),
  ])
  const people = await peopleNames(db, assignees, details.flatMap((d) => (d.assigneeId ? [d.assigneeId] : [])))
  const outline = outlineOfDraftDoc(row.draft, row.version.doc)
  const units = indexUnits(outline)
  const byId = new Map(details.map((d) => [d.id, presentComment(d, units, people)]))
  const entries = shown.map((r): QueueEntry => {
    if (!r.key) return { kind: 'comment', comment: byId.get(r.ids[0]!)! }
    const members = groupMembers.filter((m) => m.groupKey === r.key)
    const listed = r.ids.slice(0, GROUP_ROW_MEMBERS).map((id) => byId.get(id)!)
    return {
      kind: 'group',
      groupKey: r.key,
      matching: r.ids.length,
      size: members.length,
      first: listed[0]!,
      members: listed,
      tally: tallyAnswers(members.map((m) => ({ status: m.response?.status ?? null, published: m.response?.publishedAt != null }))),
    }
  })
  return ok({
    ...headerOf(round.value),
    entries,
    matching: light.length,
    rows: rows.length,
    page,
    pageCount,
    articles: articlesOf(outline).map((a) => ({ id: a.id, label: a.label, heading: a.heading })),
    assignees,
    overall: tallyAnswers(all.map((c) => ({ status: c.response?.status ?? null, published: c.response?.publishedAt != null }))),
  })
}

/** The text a comment is about, as consulted and as the working group has it now. */
export interface ArticleTexts {
  article: { label: string; heading: string | null }
  consulted: string
  /**
   * The article now: in the working copy (or the latest version, if there is no working
   * copy), found by its stable id; `text` null when it has been deleted since.
   */
  current: { source: 'working-copy' | 'version'; versionName: string | null; text: string | null; changes: WordChange[] }
}

async function articleTexts(db: Db, round: AnsweringRound, articleNodeId: string | null, units: Map<string, UnitPlace>): Promise<ArticleTexts | null> {
  if (!articleNodeId) return null
  const consulted = units.get(articleNodeId)
  if (!consulted) return null
  const { row } = round
  const workingCopy = await db.workingCopy.findUnique({ where: { draftId: row.draft.id }, select: { doc: true } })
  const latest = workingCopy
    ? null
    : await db.version.findFirst({ where: { draftId: row.draft.id }, orderBy: { seq: 'desc' }, select: { name: true, doc: true } })
  const currentDoc = workingCopy?.doc ?? latest?.doc ?? row.version.doc
  const now = indexUnits(outlineOfDraftDoc(row.draft, currentDoc)).get(articleNodeId)
  const wholeArticle = (place: UnitPlace) => targetText({ kind: 'article', article: place.article, paragraph: null, point: null })
  const consultedText = wholeArticle(consulted)
  const currentText = now ? wholeArticle(now) : null
  return {
    article: { label: consulted.article.label, heading: consulted.article.heading },
    consulted: consultedText,
    current: {
      source: workingCopy ? 'working-copy' : 'version',
      versionName: latest?.name ?? null,
      text: currentText,
      changes: currentText === null ? [] : compareWords(consultedText, currentText),
    },
  }
}

/** A comment's answer as the people answering see it. */
export interface WorkspaceAnswer {
  status: AnswerStatus
  reasoning: string
  publishedAt: Date | null
  /** Whether the public can read it now (published, and the round's setting allows). */
  public: boolean
  change: ChangeLink | null
}

/** One comment open for answering. */
export interface AnswerWorkspace extends AnsweringHeader {
  comment: QueueComment & {
    body: string; proposedWording: string | null; channel: string; groupSize: number
    /** Its files: the author's attachments and, for a staff-entered comment, the scanned letter. */
    attachments: { id: string; filename: string; size: number; kind: string }[]
  }
  texts: ArticleTexts | null
  answer: WorkspaceAnswer | null
  /** Other comments on the same article (the first 50), and how many there are. */
  others: QueueComment[]
  othersTotal: number
  templates: TemplateView[]
  /** Versions after the consulted one, which a change can be linked to. */
  laterVersions: { seq: number; name: string }[]
  assignees: Assignable[]
}

const OTHERS = 50

/** One comment with all that answering it needs. */
export async function answerWorkspace(
  db: Db,
  actor: Actor,
  roundId: string,
  commentId: string,
  now: Date,
): Promise<Result<AnswerWorkspace, AnsweringProblem | 'comment-not-found'>> {
  const round = await loadAnsweringRound(db, actor, roundId, now)
  if (!round.ok) return round
  const { row } = round.value
  const comment = await db.comment.findFirst({
    where: { id: commentId, roundId, ...ANSWERABLE },
    select: {
      ...COMMENT_FIELDS, proposedWording: true, channel: true,
      attachments: { select: { id: true, filename: true, size: true, kind: true }, orderBy: { createdAt: 'asc' } },
      response: { select: { status: true, reasoning: true, publishedAt: true, changeVersionId: true, changeNodeId: true } },
    },
  })
  if (!comment) return fail('comment-not-found')
  const othersWhere = { roundId, ...ANSWERABLE, articleNodeId: comment.articleNodeId, id: { not: comment.id } }
  const [others, othersTotal, groupSize, assignees, templates, laterVersions, changeVersion] = await Promise.all([
    comment.articleNodeId
      ? db.comment.findMany({ where: othersWhere, select: COMMENT_FIELDS, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: OTHERS })
      : Promise.resolve([]),
    comment.articleNodeId ? db.comment.count({ where: othersWhere }) : Promise.resolve(0),
    comment.groupKey ? db.comment.count({ where: { roundId, groupKey: comment.groupKey, ...ANSWERABLE } }) : Promise.resolve(1),
    assignablePeople(db, row.draft),
    templatesOf(db, row.draft.ownerId),
    db.version.findMany({ where: { draftId: row.draft.id, seq: { gt: row.version.seq } }, select: { seq: true, name: true }, orderBy: { seq: 'asc' } }),
    comment.response?.changeVersionId
      ? db.version.findUnique({ where: { id: comment.response.changeVersionId }, select: { seq: true, name: true, doc: true } })
      : Promise.resolve(null),
  ])
  const people = await peopleNames(db, assignees, [comment, ...others].flatMap((c) => (c.assigneeId ? [c.assigneeId] : [])))
  const units = indexUnits(outlineOfDraftDoc(row.draft, row.version.doc))
  const response = comment.response
  return ok({
    ...headerOf(round.value),
    comment: {
      ...presentComment(comment, units, people),
      body: comment.body,
      proposedWording: comment.proposedWording,
      channel: comment.channel,
      groupSize,
      attachments: comment.attachments,
    },
    texts: await articleTexts(db, round.value, comment.articleNodeId, units),
    answer: response && {
      status: answerStatusOf(response) as AnswerStatus,
      reasoning: response.reasoning,
      publishedAt: response.publishedAt,
      public: isAnswerPublic(response, row, now),
      change: changeVersion && {
        draftSlug: row.draft.slug,
        fromSeq: row.version.seq,
        toSeq: changeVersion.seq,
        toName: changeVersion.name,
        anchor: changeAnchor(loadDocument(changeVersion.doc), response.changeNodeId),
      },
    },
    others: others.map((o) => presentComment(o, units, people)),
    othersTotal,
    templates,
    laterVersions,
    assignees,
  })
}

/** A campaign group open for answering: its text, every member (paged), and where their answers stand. */
export interface GroupWorkspace extends AnsweringHeader {
  groupKey: string
  /** The first member's full text stands for the group's. */
  first: QueueComment & { body: string; proposedWording: string | null }
  texts: ArticleTexts | null
  members: QueueComment[]
  size: number
  page: number
  pageCount: number
  tally: AnswerTally
  /** The answer every answered member shares, to start from; null when they differ or none has one. */
  common: { status: AnswerStatus; reasoning: string } | null
  templates: TemplateView[]
}

export const GROUP_PAGE_SIZE = 100

/** A campaign group with its members, for one answer to all of them. */
export async function groupWorkspace(
  db: Db,
  actor: Actor,
  roundId: string,
  groupKey: string,
  page: number,
  now: Date,
): Promise<Result<GroupWorkspace, AnsweringProblem | 'group-not-found'>> {
  const round = await loadAnsweringRound(db, actor, roundId, now)
  if (!round.ok) return round
  const { row } = round.value
  const where = { roundId, groupKey, ...ANSWERABLE }
  const answers = await db.comment.findMany({ where, select: { response: { select: { status: true, reasoning: true, publishedAt: true } } } })
  if (answers.length === 0) return fail('group-not-found')
  const pageCount = Math.max(1, Math.ceil(answers.length / GROUP_PAGE_SIZE))
  const shownPage = Math.min(Math.max(1, page), pageCount)
  const [first, members, assignees, templates] = await Promise.all([
    db.comment.findFirstOrThrow({ where, select: { ...COMMENT_FIELDS, body: true, proposedWording: true }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }),
    db.comment.findMany({ where, select: COMMENT_FIELDS, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: (shownPage - 1) * GROUP_PAGE_SIZE, take: GROUP_PAGE_SIZE }),
    assignablePeople(db, row.draft),
    templatesOf(db, row.draft.ownerId),
  ])
  const people = await peopleNames(db, assignees, members.flatMap((m) => (m.assigneeId ? [m.assigneeId] : [])))
  const units = indexUnits(outlineOfDraftDoc(row.draft, row.version.doc))
  const given = answers.flatMap((a) => (a.response ? [a.response] : []))
  const same = given.length > 0 && given.every((r) => r.status === given[0]!.status && r.reasoning === given[0]!.reasoning)
  return ok({
    ...headerOf(round.value),
    groupKey,
    first: { ...presentComment(first, units, people), body: first.body, proposedWording: first.proposedWording },
    texts: await articleTexts(db, round.value, first.articleNodeId, units),
    members: members.map((m) => presentComment(m, units, people)),
    size: answers.length,
    page: shownPage,
    pageCount,
    tally: tallyAnswers(answers.map((a) => ({ status: a.response?.status ?? null, published: a.response?.publishedAt != null }))),
    common: same ? { status: given[0]!.status as AnswerStatus, reasoning: given[0]!.reasoning } : null,
    templates,
  })
}
