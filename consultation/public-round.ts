import type { Actor } from '../accounts/actor.ts'
import type { Db } from '../drafting/db.ts'
import { loadDraftAccess } from '../drafting/permissions.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import { publicAuthor, type CommentAuthor } from './comments.ts'
import { jurisdictionProfile } from './jurisdictions.ts'
import type { ConsultationMethod } from './plan-inputs.ts'
import { checkPeriod, methodsOf, type PeriodCheck } from './plans.ts'
import { canManageRound, canReadRound } from './permissions.ts'
import { roundState, type RoundState } from './round-state.ts'
import { publicAnswers, type PublicAnswer } from './public-answers.ts'
import { cleanPublicText } from './public-text.ts'
import { PUBLIC_TOP_LEVEL_COMMENT } from './moderation-rules.ts'

// The public consultation page of a round: the call (campaign texts, methods, hearings,
// deadline), and the consulted text with, under each article, its comment count and its
// first few comments; the rest one page at a time. Built for rounds with thousands of
// comments: counts come from one grouped query, the previews from one indexed query (see previewRoundComments).

/** The comments shown under each article before "all comments": the latest ones, newest first. */
export const PREVIEW_PER_UNIT = 3
/** Ids per query when fetching many comments by id. */
const ID_BATCH = 500

/** Comments per page of the full list. */
export const COMMENTS_PER_PAGE = 20

/** Where a group of comments belongs: an article (by stable id), the memorandum, or the draft as a whole. */
export type CommentSection = { article: string } | 'general' | 'memorandum'

/** A comment as anyone may read it. */
export interface PublicComment {
  id: string
  articleNodeId: string | null
  targetKind: string
  targetNodeId: string | null
  /** The text as published: a moderator's redaction where there is one. */
  body: string
  proposedWording: string | null
  createdAt: Date
  editedAt: Date | null
  channel: string
  author: CommentAuthor
  /** The institution's answer, once it is public, with the change it led to. */
  answer: PublicAnswer | null
  /** Public replies to it, oldest first (replies are one level deep). */
  replies: PublicComment[]
  /** The files the author attached, for anyone to download. */
  attachments: { id: string; filename: string; size: number }[]
  /** Whether staff keep the scanned letter it came in (not public: it names the sender). */
  letterOnFile: boolean
}

/** A round as its public page shows it. */
export interface PublicRound {
  id: string
  title: string
  stage: string
  state: RoundState
  opensAt: Date
  closesAt: Date
  draft: { id: string; slug: string; title: string; owner: { name: string; slug: string } }
  versionSeq: number
  summary: string | null
  whyItMatters: string | null
  targetGroups: string | null
  methods: ConsultationMethod[]
  contactName: string | null
  contactEmail: string | null
  shortPeriodReason: string | null
  period: PeriodCheck
  hearings: { id: string; startsAt: Date; place: string; agenda: string | null }[]
  reportPublishedAt: Date | null
  /**
   * Changes whenever what the public reads of the round's comments may have changed: counted
   * by the database (CommentsRevision) with the round's state and publication settings. The
   * page's caches are keyed by it, so every instance of the app sees a change at once.
   */
  commentsKey: string
  /**
   * The part of `commentsKey` that is not the round's own count (answers and names shown,
   * counted for every round; the round's state and publication settings): while it stays, a
   * change of the round's comments (or their files) touches only the sections whose
   * `sectionRevisions` moved.
   */
  commentsBase: string
  /** Whether this person plans and runs the round (a link to manage it). */
  canManage: boolean
}

/** How many public comments each section has, and the first few of each. */
export interface RoundCommentPreview {
  total: number
  countsByArticle: Record<string, number>
  generalCount: number
  memorandumCount: number
  /** The first comments of each section: by article id, and under "general" and "memorandum". */
  previews: Record<string, PublicComment[]>
}

function sectionWhere(section: CommentSection) {
  if (section === 'general') return { articleNodeId: null, targetKind: 'draft' }
  if (section === 'memorandum') return { articleNodeId: null, targetKind: 'memorandum' }
  return { articleNodeId: section.article }
}

const publicSelect = {
  id: true, articleNodeId: true, targetKind: true, targetNodeId: true, body: true, redactedBody: true, proposedWording: true,
  createdAt: true, editedAt: true, channel: true, consentToBeNamed: true, authorName: true,
  organisation: { select: { name: true } },
  // Read only to keep an unnamed author's own name out of the public texts.
  author: { select: { name: true } },
  attachments: { select: { id: true, filename: true, size: true, kind: true }, orderBy: { createdAt: 'asc' } },
} as const

type PublicRow = {
  id: string; articleNodeId: string | null; targetKind: string; targetNodeId: string | null; body: string; redactedBody: string | null
  proposedWording: string | null; createdAt: Date; editedAt: Date | null; channel: string; consentToBeNamed: boolean; authorName: string | null
  organisation: { name: string } | null
  author: { name: string | null } | null
  attachments: { id: string; filename: string; size: number; kind: string }[]
}

export { publicAuthor }

function present(row: PublicRow, answers: Map<string, PublicAnswer>): PublicComment {
  const author = publicAuthor(row)
  // No addresses, and not the name of an author who did not agree to be named.
  const names = author.kind !== 'person' && row.author?.name ? [row.author.name] : []
  const clean = (text: string) => cleanPublicText(text, names)
  const answer = answers.get(row.id) ?? null
  return {
    id: row.id, articleNodeId: row.articleNodeId, targetKind: row.targetKind, targetNodeId: row.targetNodeId,
    body: clean(row.redactedBody ?? row.body), proposedWording: row.proposedWording === null ? null : clean(row.proposedWording),
    createdAt: row.createdAt, editedAt: row.editedAt,
    channel: row.channel, author, answer: answer && { ...answer, reasoning: clean(answer.reasoning) },
    // A letter's scan is never linked in public: only that it is on file.
    attachments: row.attachments.filter((a) => a.kind === 'attachment').map((a) => ({ id: a.id, filename: a.filename, size: a.size })),
    letterOnFile: row.attachments.some((a) => a.kind === 'letter'),
    replies: [],
  }
}

/** The public replies to these comments, by the comment they answer, oldest first. */
async function repliesOf(db: Db, ids: string[], now: Date): Promise<Map<string, PublicComment[]>> {
  const rows: (PublicRow & { parentId: string | null })[] = []
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    rows.push(...(await db.comment.findMany({
      where: { parentId: { in: ids.slice(i, i + ID_BATCH) }, status: 'published', withdrawnAt: null },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { ...publicSelect, parentId: true },
    })))
  }
  const answers = await answersOf(db, rows.map((r) => r.id), now)
  const byParent = new Map<string, PublicComment[]>()
  for (const row of rows) (byParent.get(row.parentId!) ?? byParent.set(row.parentId!, []).get(row.parentId!)!).push(present(row, answers))
  return byParent
}

/** The public answers of these comments (published, and public by the round's setting), in batches. */
async function answersOf(db: Db, ids: string[], now: Date): Promise<Map<string, PublicAnswer>> {
  const all = new Map<string, PublicAnswer>()
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    for (const [id, answer] of await publicAnswers(db, { commentIds: ids.slice(i, i + ID_BATCH) }, now)) all.set(id, answer)
  }
  return all
}

async function loadRound(db: Db, roundId: string) {
  return db.round.findUnique({
    where: { id: roundId },
    include: {
      draft: { select: { id: true, slug: true, title: true, jurisdiction: true, owner: { select: { name: true, slug: true } } } },
      version: { select: { seq: true } },
      hearings: { orderBy: { startsAt: 'asc' } },
    },
  })
}

/** A round for its public page; a planned round only for the people who run it. */
export async function readPublicRound(db: Db, actor: Actor, roundId: string, now: Date): Promise<Result<PublicRound, 'not-found'>> {
  const round = await loadRound(db, roundId)
  if (!round) return fail('not-found')
  const state = roundState(round, now)
  const access = await loadDraftAccess(db, actor, round.draftId)
  if (!access || !canReadRound(actor, access, state)) return fail('not-found')
  const revisions = await db.commentsRevision.findMany({ where: { roundId: { in: [round.id, ''] } } })
  const revision = (roundId: string) => revisions.find((r) => r.roundId === roundId)?.revision ?? 0
  return ok({
    id: round.id, title: round.title, stage: round.stage, state, opensAt: round.opensAt, closesAt: round.closesAt,
    draft: { id: round.draft.id, slug: round.draft.slug, title: round.draft.title, owner: round.draft.owner },
    versionSeq: round.version.seq, summary: round.summary, whyItMatters: round.whyItMatters, targetGroups: round.targetGroups,
    methods: methodsOf(round.methods), contactName: round.contactName, contactEmail: round.contactEmail,
    shortPeriodReason: round.shortPeriodReason,
    period: checkPeriod(round.opensAt, round.closesAt, jurisdictionProfile(round.draft.jurisdiction)),
    hearings: round.hearings.map((h) => ({ id: h.id, startsAt: h.startsAt, place: h.place, agenda: h.agenda })),
    reportPublishedAt: round.reportPublishedAt,
    commentsKey: [round.id, revision(round.id), revision(''), state, round.answersPublication, round.reportPublishedAt?.getTime() ?? ''].join(':'),
    commentsBase: [round.id, revision(''), state, round.answersPublication, round.reportPublishedAt?.getTime() ?? ''].join(':'),
    canManage: canManageRound(actor, access),
  })
}

/** A preview row: the comment with the names it is shown under, and what else to fetch for it. */
type PreviewRow = Omit<PublicRow, 'organisation' | 'author' | 'attachments'> & {
  organisationName: string | null
  accountName: string | null
  hasFiles: bigint | number | boolean
  hasAnswer: bigint | number | boolean
  hasReplies: bigint | number | boolean
}

/** The key of the section a top-level comment is shown in: its article's id, "memorandum" or "general". */
export function sectionKeyOf(comment: { articleNodeId: string | null; targetKind: string }): string {
  return comment.articleNodeId ?? (comment.targetKind === 'memorandum' ? 'memorandum' : 'general')
}

/**
 * How many times what the public reads of each section of a round's comments has changed
 * (by section key, see sectionKeyOf), counted by database triggers (migration
 * 20261124050000_round_section_revisions) under "<roundId>#<section>" in CommentsRevision.
 * A section no comment was ever written in has none. One range read of the primary key.
 */
export async function sectionRevisions(db: Db, roundId: string): Promise<Map<string, number>> {
  const rows = await db.$queryRawUnsafe<{ roundId: string; revision: bigint | number }[]>(
    `SELECT "roundId", "revision" FROM "CommentsRevision" WHERE "roundId" > ? AND "roundId" < ?`,
    `${roundId}#`, `${roundId}$`,
  )
  const prefix = roundId.length + 1
  return new Map(rows.map((r) => [r.roundId.slice(prefix), Number(r.revision)]))
}

const PUBLIC_TOP_LEVEL_SQL = `"status" = 'published' AND "parentId" IS NULL AND "withdrawnAt" IS NULL`

/**
 * The counts of a round's public comments per article, on the draft as a whole and on the
 * memorandum, with the latest `perUnit` comments of each (newest first). Whatever the number of
 * comments: the counts come from one grouped query and the previews from one query that
 * takes the first few of each article by an index seek (both read only the index
 * Comment(roundId, status, parentId, withdrawnAt, articleNodeId, createdAt, id, targetKind));
 * attachments, answers and replies are fetched only for the previews that have any. Plain
 * SQL that SQLite and PostgreSQL both run. With `only` (section keys, see sectionKeyOf), the
 * same for just those sections: what the public page reads again after a change of a few.
 */
export async function previewRoundComments(
  db: Db,
  roundId: string,
  now: Date,
  perUnit = PREVIEW_PER_UNIT,
  only?: readonly string[],
): Promise<RoundCommentPreview> {
  // `only`: just these sections (by sectionKeyOf), for a page that keeps the others.
  const articleIds = only?.filter((k) => k !== 'general' && k !== 'memorandum')
  const withGeneral = !only || only.includes('general')
  const withMemorandum = !only || only.includes('memorandum')
  const inArticles = `"articleNodeId" IN (${(articleIds ?? []).map(() => '?').join(', ') || 'NULL'})`
  const sectionSql = only
    ? `AND (${[
        inArticles,
        ...(withGeneral ? [`("articleNodeId" IS NULL AND "targetKind" <> 'memorandum')`] : []),
        ...(withMemorandum ? [`("articleNodeId" IS NULL AND "targetKind" = 'memorandum')`] : []),
      ].join(' OR ')})`
    : ''
  const groups = await db.$queryRawUnsafe<{ articleNodeId: string | null; targetKind: string; n: bigint | number }[]>(
    `SELECT "articleNodeId", "targetKind", COUNT(*) AS "n" FROM "Comment"
     WHERE "roundId" = ? AND ${PUBLIC_TOP_LEVEL_SQL} ${sectionSql} GROUP BY "articleNodeId", "targetKind"`,
    roundId, ...(articleIds ?? []),
  )
  const preview: RoundCommentPreview = { total: 0, countsByArticle: {}, generalCount: 0, memorandumCount: 0, previews: {} }
  for (const g of groups) {
    const n = Number(g.n)
    preview.total += n
    if (g.articleNodeId) preview.countsByArticle[g.articleNodeId] = (preview.countsByArticle[g.articleNodeId] ?? 0) + n
    else if (g.targetKind === 'memorandum') preview.memorandumCount += n
    else preview.generalCount += n
  }
  if (preview.total === 0) return preview
  const latest = (section: string) =>
    `SELECT "id" FROM "Comment" WHERE "roundId" = ? AND ${PUBLIC_TOP_LEVEL_SQL} AND ${section} ORDER BY "createdAt" DESC, "id" DESC LIMIT ?`
  const shown = [
    ...(articleIds?.length === 0 ? [] : [
      `SELECT "x"."id" FROM (SELECT DISTINCT "articleNodeId" AS "a" FROM "Comment" WHERE "roundId" = ? AND ${PUBLIC_TOP_LEVEL_SQL} AND "articleNodeId" IS NOT NULL${articleIds ? ` AND ${inArticles}` : ''}) AS "s"
       JOIN "Comment" AS "x" ON "x"."id" IN (${latest('"articleNodeId" = "s"."a"')})`,
    ]),
    ...(withGeneral ? [`SELECT "id" FROM (${latest(`"articleNodeId" IS NULL AND "targetKind" <> 'memorandum'`)}) AS "g"`] : []),
    ...(withMemorandum ? [`SELECT "id" FROM (${latest(`"articleNodeId" IS NULL AND "targetKind" = 'memorandum'`)}) AS "m"`] : []),
  ]
  const params = [
    ...(articleIds?.length === 0 ? [] : [roundId, ...(articleIds ?? []), roundId, perUnit]),
    ...(withGeneral ? [roundId, perUnit] : []),
    ...(withMemorandum ? [roundId, perUnit] : []),
  ]
  const rows = await db.$queryRawUnsafe<PreviewRow[]>(
    `WITH "shown" AS (${shown.join('\n       UNION ALL ')})
     SELECT "c"."id", "c"."articleNodeId", "c"."targetKind", "c"."targetNodeId", "c"."body", "c"."redactedBody", "c"."proposedWording",
       "c"."createdAt", "c"."editedAt", "c"."channel", "c"."consentToBeNamed", "c"."authorName",
       "o"."name" AS "organisationName", "u"."name" AS "accountName",
       EXISTS (SELECT 1 FROM "Attachment" AS "f" WHERE "f"."commentId" = "c"."id") AS "hasFiles",
       EXISTS (SELECT 1 FROM "Response" AS "r" WHERE "r"."commentId" = "c"."id" AND "r"."publishedAt" IS NOT NULL) AS "hasAnswer",
       EXISTS (SELECT 1 FROM "Comment" AS "y" WHERE "y"."parentId" = "c"."id" AND "y"."status" = 'published' AND "y"."withdrawnAt" IS NULL) AS "hasReplies"
     FROM "Comment" AS "c"
     LEFT JOIN "Organisation" AS "o" ON "o"."id" = "c"."organisationId"
     LEFT JOIN "User" AS "u" ON "u"."id" = "c"."authorId"
     WHERE "c"."id" IN (SELECT "id" FROM "shown")`,
    ...params,
  )
  rows.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
  const flagged = (flag: 'hasFiles' | 'hasAnswer' | 'hasReplies') => rows.filter((r) => Boolean(Number(r[flag]))).map((r) => r.id)
  const [files, answers, replies] = await Promise.all([
    attachmentsOf(db, flagged('hasFiles')),
    answersOf(db, flagged('hasAnswer'), now),
    repliesOf(db, flagged('hasReplies'), now),
  ])
  for (const row of rows) {
    const key = sectionKeyOf(row)
    const full: PublicRow = {
      ...row, consentToBeNamed: Boolean(row.consentToBeNamed),
      organisation: row.organisationName === null ? null : { name: row.organisationName },
      author: { name: row.accountName },
      attachments: files.get(row.id) ?? [],
    }
    ;(preview.previews[key] ??= []).push({ ...present(full, answers), replies: replies.get(row.id) ?? [] })
  }
  return preview
}

/** The files of these comments, by comment, oldest first. */
async function attachmentsOf(db: Db, ids: string[]): Promise<Map<string, PublicRow['attachments']>> {
  const byComment = new Map<string, PublicRow['attachments']>()
  for (let i = 0; i < ids.length; i += ID_BATCH) {
    const rows = await db.attachment.findMany({
      where: { commentId: { in: ids.slice(i, i + ID_BATCH) } },
      orderBy: { createdAt: 'asc' },
      select: { id: true, filename: true, size: true, kind: true, commentId: true },
    })
    for (const { commentId, ...file } of rows) (byComment.get(commentId) ?? byComment.set(commentId, []).get(commentId)!).push(file)
  }
  return byComment
}

/** One page of a section's public comments, oldest first. */
export async function listSectionComments(
  db: Db,
  roundId: string,
  section: CommentSection,
  page: number,
  now: Date,
): Promise<{ comments: PublicComment[]; total: number; page: number; pages: number }> {
  const where = { roundId, ...PUBLIC_TOP_LEVEL_COMMENT, ...sectionWhere(section) }
  const total = await db.comment.count({ where })
  const pages = Math.max(1, Math.ceil(total / COMMENTS_PER_PAGE))
  const current = Math.min(Math.max(1, page), pages)
  const rows = await db.comment.findMany({
    where,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    skip: (current - 1) * COMMENTS_PER_PAGE,
    take: COMMENTS_PER_PAGE,
    select: publicSelect,
  })
  const ids = rows.map((r) => r.id)
  const [answers, replies] = await Promise.all([answersOf(db, ids, now), repliesOf(db, ids, now)])
  return { comments: rows.map((r) => ({ ...present(r, answers), replies: replies.get(r.id) ?? [] })), total, page: current, pages }
}

/** The public comment a reply would answer: published, not withdrawn, not itself a reply; else null. */
export async function replyParent(db: Db, roundId: string, commentId: string, now: Date): Promise<PublicComment | null> {
  const row = await db.comment.findFirst({
    where: { id: commentId, roundId, ...PUBLIC_TOP_LEVEL_COMMENT },
    select: publicSelect,
  })
  return row ? present(row, await answersOf(db, [row.id], now)) : null
}
