import type { Actor } from '../../accounts/actor.ts'
import { isAdmin } from '../../accounts/permissions.ts'
import type { Db, Tx } from '../../drafting/db.ts'
import { loadDocument } from '../../drafting/document.ts'
import { documentTypeOf } from '../../drafting/document-types.ts'
import type { DraftLanguage, DraftScript } from '../../drafting/language.ts'
import type { NumberingMode } from '../../drafting/numbering.ts'
import { outlineDocument } from '../../drafting/outline.ts'
import { isVisibleToPublic, publicText } from '../moderation-rules.ts'
import { roundShowsAnswers } from '../response-rules.ts'
import { roundState } from '../round-state.ts'
import { articleBodyText, articleText, outlineArticles } from './in-page.ts'
import { indexedText, matchExpression, type SearchKind } from './query.ts'

// The site-wide search index: the only module that knows it is SQLite FTS5 (migration
// 20261124020000_search_fts; docs/decisions/0022-site-search.md). SearchEntry holds what
// filters and authorisation need; SearchText (FTS5, rowid = SearchEntry.id) the analysed
// text. Writers call the index functions inside their own transaction, so a comment is
// findable, or not, exactly when its row says so, on every instance.

/** A row of the index as written. */
interface Entry {
  kind: SearchKind
  ref: string
  draftId: string
  versionSeq: number
  roundId: string | null
  articleNodeId: string | null
  /** `public`: anyone, subject to the round (see searchEntries); `staff`: only the draft's moderators or responders. */
  visibility: 'public' | 'staff'
  authorCategory: string | null
  answerStatus: string | null
  articleNumber: string | null
  label: string | null
  display: string | null
  text: string
}

/**
 * A term that marks each row's kind in the full-text index, so a search of one kind
 * matches only its rows. Analysed terms are lower-case letters and digits: no word of a
 * text is ever "qqkindcomment".
 */
const KIND_TOKEN: Record<SearchKind, string> = { article: 'qqkindarticle', comment: 'qqkindcomment', answer: 'qqkindanswer' }

/** What the database handle must run: Prisma's client or a transaction of it. */
type Sql = Pick<Tx, '$executeRawUnsafe' | '$queryRawUnsafe'>

const COLUMNS = [
  'id', 'kind', 'ref', 'draftId', 'versionSeq', 'roundId', 'articleNodeId', 'visibility', 'authorCategory', 'answerStatus',
  'articleNumber', 'label', 'display',
] as const
// SQLite takes at most 999 parameters a statement here.
const ROWS_PER_INSERT = Math.floor(900 / COLUMNS.length)
const IDS_PER_QUERY = 500

async function writeEntries(sql: Sql, entries: readonly Entry[]): Promise<void> {
  if (entries.length === 0) return
  // Ids are ours to give: the caller's transaction holds SQLite's one write lock.
  const [first] = await sql.$queryRawUnsafe<{ next: number | bigint }[]>('SELECT COALESCE(MAX("id"), 0) + 1 AS "next" FROM "SearchEntry"')
  let id = Number(first!.next)
  for (let i = 0; i < entries.length; i += ROWS_PER_INSERT) {
    const part = entries.slice(i, i + ROWS_PER_INSERT).map((e) => ({ ...e, id: id++ }))
    const rowSql = `(${COLUMNS.map(() => '?').join(', ')})`
    await sql.$executeRawUnsafe(
      `INSERT INTO "SearchEntry" (${COLUMNS.map((c) => `"${c}"`).join(', ')}) VALUES ${part.map(() => rowSql).join(', ')}`,
      ...part.flatMap((e) => COLUMNS.map((c) => e[c])),
    )
    await sql.$executeRawUnsafe(
      `INSERT INTO "SearchText" ("rowid", "text") VALUES ${part.map(() => '(?, ?)').join(', ')}`,
      ...part.flatMap((e) => [e.id, `${KIND_TOKEN[e.kind]} ${e.text}`]),
    )
  }
}

async function deleteEntries(sql: Sql, kinds: readonly SearchKind[], refs: readonly string[]): Promise<void> {
  for (let i = 0; i < refs.length; i += IDS_PER_QUERY) {
    const part = JSON.stringify(refs.slice(i, i + IDS_PER_QUERY))
    const where = `"kind" IN (${kinds.map((k) => `'${k}'`).join(', ')}) AND "ref" IN (SELECT "value" FROM json_each(?))`
    await sql.$executeRawUnsafe(`DELETE FROM "SearchText" WHERE "rowid" IN (SELECT "id" FROM "SearchEntry" WHERE ${where})`, part)
    await sql.$executeRawUnsafe(`DELETE FROM "SearchEntry" WHERE ${where}`, part)
  }
}

// ---------------------------------------------------------------------------------------
// Comments and answers

const commentSelect = {
  id: true, roundId: true, articleNodeId: true, body: true, redactedBody: true, proposedWording: true, status: true,
  withdrawnAt: true, parentId: true, authorCategory: true,
  round: { select: { draftId: true, version: { select: { seq: true } } } },
  response: { select: { status: true, reasoning: true, publishedAt: true } },
} as const

type CommentRow = {
  id: string; roundId: string; articleNodeId: string | null; body: string; redactedBody: string | null; proposedWording: string | null
  status: string; withdrawnAt: Date | null; parentId: string | null; authorCategory: string
  round: { draftId: string; version: { seq: number } }
  response: { status: string; reasoning: string; publishedAt: Date | null } | null
}

/**
 * The entries of a comment and of its answer. A withdrawn comment has none. The public
 * entry holds the public text (a redacted passage is not findable); a comment only staff
 * may read (pending, hidden, a reply) holds its own text. An answer is public when it is
 * published and its comment is; whether its round shows answers yet is asked when searching.
 */
export function commentEntries(c: CommentRow): Entry[] {
  if (c.withdrawnAt) return []
  const isPublic = isVisibleToPublic(c) && c.parentId === null
  const common = {
    draftId: c.round.draftId, versionSeq: c.round.version.seq, roundId: c.roundId, articleNodeId: c.articleNodeId,
    articleNumber: null, label: null, display: null,
  }
  const entries: Entry[] = [{
    ...common, kind: 'comment', ref: c.id, visibility: isPublic ? 'public' : 'staff', authorCategory: c.authorCategory, answerStatus: null,
    text: indexedText(isPublic ? publicText(c) : c.body, c.proposedWording),
  }]
  if (c.response) {
    entries.push({
      ...common, kind: 'answer', ref: c.id, visibility: isPublic && c.response.publishedAt !== null ? 'public' : 'staff',
      authorCategory: c.authorCategory, answerStatus: c.response.status, text: indexedText(c.response.reasoning),
    })
  }
  return entries
}

/**
 * Brings the index up to date with these comments and their answers: call it in the
 * transaction that writes them (a new comment, an edit, a withdrawal, a moderator's act,
 * an answer saved or published).
 */
export async function indexComments(tx: Tx, commentIds: readonly string[]): Promise<void> {
  for (let i = 0; i < commentIds.length; i += IDS_PER_QUERY) {
    const ids = commentIds.slice(i, i + IDS_PER_QUERY)
    await deleteEntries(tx, ['comment', 'answer'], ids)
    const rows = await tx.comment.findMany({ where: { id: { in: [...ids] } }, select: commentSelect })
    await writeEntries(tx, rows.flatMap(commentEntries))
  }
}

/** One comment and its answer; see indexComments. */
export function indexComment(tx: Tx, commentId: string): Promise<void> {
  return indexComments(tx, [commentId])
}

/** Takes a comment and its answer out of the index. */
export function removeComment(tx: Tx, commentId: string): Promise<void> {
  return deleteEntries(tx, ['comment', 'answer'], [commentId])
}

// ---------------------------------------------------------------------------------------
// Articles

/**
 * Indexes every article of a version, one entry each, with its number, label and text as
 * readers see them (in the draft's own script). Versions never change: call it once, in
 * the transaction that saves the version.
 */
export async function indexVersionArticles(tx: Sql & Pick<Tx, 'version'>, versionId: string): Promise<number> {
  const version = await tx.version.findUnique({
    where: { id: versionId },
    select: { id: true, seq: true, draftId: true, doc: true, draft: { select: { language: true, script: true, numberingMode: true, documentType: true } } },
  })
  if (!version) return 0
  const { draft } = version
  const outline = outlineDocument(
    loadDocument(version.doc),
    { language: draft.language as DraftLanguage, script: draft.script as DraftScript },
    draft.numberingMode as NumberingMode,
    documentTypeOf(draft.documentType),
  )
  const entries = outlineArticles(outline.body).map((article): Entry => ({
    kind: 'article', ref: `${version.id}:${article.id}`, draftId: version.draftId, versionSeq: version.seq, roundId: null,
    articleNodeId: article.id, visibility: 'public', authorCategory: null, answerStatus: null,
    articleNumber: article.number.toLowerCase(), label: [article.label, article.heading].filter(Boolean).join(' '),
    display: articleBodyText(article), text: indexedText(articleText(article)),
  }))
  await deleteEntries(tx, ['article'], entries.map((e) => e.ref))
  await writeEntries(tx, entries)
  return entries.length
}

/**
 * Builds the whole index again from the database: every version's articles, every
 * comment and answer. For the sample data, after a change of the text pipeline
 * (docs/decisions/0016), and `nacrt search-reindex`.
 */
export async function rebuildSearchIndex(db: Db): Promise<{ articles: number; comments: number }> {
  const versions = await db.version.findMany({ select: { id: true } })
  const comments = await db.comment.findMany({ select: { id: true } })
  let articles = 0
  await db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('DELETE FROM "SearchText"')
      await tx.$executeRawUnsafe('DELETE FROM "SearchEntry"')
      for (const v of versions) articles += await indexVersionArticles(tx, v.id)
      await indexComments(tx, comments.map((c) => c.id))
    },
    { timeout: 600_000 },
  )
  return { articles, comments: comments.length }
}

// ---------------------------------------------------------------------------------------
// Searching

/** The filters of a site search, resolved to ids (see search.ts). */
export interface EntryFilters {
  draftId?: string
  versionSeq?: number
  roundId?: string
  articleNodeIds?: string[]
  articleNumber?: string
  authorCategory?: string
  answerStatus?: string
}

/**
 * What an actor may find besides public entries, and which rounds make public entries
 * findable now: computed from the pure rules (round-state.ts, response-rules.ts,
 * permissions) and applied in SQL.
 */
export interface SearchScope {
  /** Rounds that are not planned: their public comments are findable. */
  publicRounds: string[]
  /** Rounds that show published answers now (at once, or after the report). */
  answerRounds: string[]
  /** Drafts whose hidden and pending comments the actor moderates. */
  moderatedDrafts: string[]
  /** Drafts whose unpublished answers the actor writes. */
  answeredDrafts: string[]
}

/** The scope of a search by this actor at `now`. */
export async function searchScope(db: Db, actor: Actor, now: Date): Promise<SearchScope> {
  const rounds = await db.round.findMany({
    select: { id: true, draftId: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true, answersPublication: true },
  })
  const scope: SearchScope = { publicRounds: [], answerRounds: [], moderatedDrafts: [], answeredDrafts: [] }
  for (const r of rounds) {
    if (roundState(r, now) !== 'planned') scope.publicRounds.push(r.id)
    if (roundShowsAnswers(r, now)) scope.answerRounds.push(r.id)
  }
  if (actor.userId === null) return scope
  if (isAdmin(actor)) {
    const drafts = [...new Set(rounds.map((r) => r.draftId))]
    return { ...scope, moderatedDrafts: drafts, answeredDrafts: drafts }
  }
  // canModerate: owner or moderator; canRespond: owner or responder (consultation/permissions.ts).
  const roles = await db.draftAssignment.findMany({ where: { userId: actor.userId, role: { in: ['owner', 'moderator', 'responder'] } }, select: { draftId: true, role: true } })
  scope.moderatedDrafts = [...new Set(roles.filter((r) => r.role !== 'responder').map((r) => r.draftId))]
  scope.answeredDrafts = [...new Set(roles.filter((r) => r.role !== 'moderator').map((r) => r.draftId))]
  return scope
}

/** An entry found. */
export interface FoundEntry {
  id: number
  kind: SearchKind
  ref: string
  draftId: string
  versionSeq: number
  roundId: string | null
  articleNodeId: string | null
  visibility: 'public' | 'staff'
  answerStatus: string | null
  articleNumber: string | null
  label: string | null
  display: string | null
  /** Articles: the other versions with the same article matching, newest first. */
  otherVersions: number[]
}

function conditions(kind: SearchKind, scope: SearchScope, filters: EntryFilters): { sql: string[]; args: unknown[] } {
  const sql = ['e."kind" = ?']
  const args: unknown[] = [kind]
  const add = (clause: string, ...values: unknown[]) => {
    sql.push(clause)
    args.push(...values)
  }
  const inList = (column: string, values: readonly string[]) => `${column} IN (SELECT "value" FROM json_each(?))`
  // Authorisation: public entries of rounds the public may read now, or the actor's drafts.
  if (kind === 'comment') {
    add(`((e."visibility" = 'public' AND ${inList('e."roundId"', [])}) OR ${inList('e."draftId"', [])})`, JSON.stringify(scope.publicRounds), JSON.stringify(scope.moderatedDrafts))
  } else if (kind === 'answer') {
    add(`((e."visibility" = 'public' AND ${inList('e."roundId"', [])}) OR ${inList('e."draftId"', [])})`, JSON.stringify(scope.answerRounds), JSON.stringify(scope.answeredDrafts))
  }
  if (filters.draftId !== undefined) add('e."draftId" = ?', filters.draftId)
  if (filters.versionSeq !== undefined) add('e."versionSeq" = ?', filters.versionSeq)
  if (filters.roundId !== undefined) {
    if (kind === 'article') add('e."versionSeq" IN (SELECT v."seq" FROM "Round" r JOIN "Version" v ON v."id" = r."versionId" WHERE r."id" = ? AND v."draftId" = e."draftId")', filters.roundId)
    else add('e."roundId" = ?', filters.roundId)
  }
  if (filters.articleNodeIds !== undefined) add(inList('e."articleNodeId"', []), JSON.stringify(filters.articleNodeIds))
  if (filters.articleNumber !== undefined && kind === 'article') add('e."articleNumber" = ?', filters.articleNumber)
  if (filters.authorCategory !== undefined && kind !== 'article') add('e."authorCategory" = ?', filters.authorCategory)
  if (filters.answerStatus !== undefined && kind === 'answer') add('e."answerStatus" = ?', filters.answerStatus)
  return { sql, args }
}

/** Counts of comments and answers stop here ("1,000 or more"): counting every match of a common word costs more than the page. */
export const COUNT_LIMIT = 1000

const ENTRY_COLUMNS = 'e."id", e."kind", e."ref", e."draftId", e."versionSeq", e."roundId", e."articleNodeId", e."visibility", e."answerStatus", e."articleNumber", e."label", e."display"'

/**
 * One page of the entries of one kind that match the analysed `terms` (all of them), best
 * first, that the scope allows, and how many there are. Without terms, every entry the
 * filters leave (a search by article number). The articles of several versions count
 * once, at their newest matching version, unless a version is asked for.
 */
export async function searchEntries(
  db: Db,
  kind: SearchKind,
  terms: readonly string[],
  scope: SearchScope,
  filters: EntryFilters,
  page: { offset: number; limit: number },
): Promise<{ total: number; entries: FoundEntry[] }> {
  const match = terms.length === 0 ? null : matchExpression([KIND_TOKEN[kind], ...terms])
  const where = conditions(kind, scope, filters)
  // CROSS JOIN keeps the full-text match the outer loop: left to itself, SQLite may walk
  // SearchEntry by kind and probe FTS5 once per row (seconds instead of milliseconds).
  const from = match === null ? '"SearchEntry" e' : '"SearchText" t CROSS JOIN "SearchEntry" e ON e."id" = t."rowid"'
  const whereSql = [...(match === null ? [] : ['"SearchText" MATCH ?']), ...where.sql].join(' AND ')
  const args = [...(match === null ? [] : [match]), ...where.args]
  const score = match === null ? 'e."versionSeq"' : 't."rank"'
  const collapse = kind === 'article' && filters.versionSeq === undefined
  let countSql: string
  let pageSql: string
  if (collapse) {
    // One row per article of a draft: its newest matching version, with the others listed.
    const part = 'PARTITION BY e."draftId", e."articleNodeId"'
    const ranked = `SELECT ${ENTRY_COLUMNS}, ROW_NUMBER() OVER (${part} ORDER BY e."versionSeq" DESC) AS "nth",
      MIN(${score}) OVER (${part}) AS "score", group_concat(e."versionSeq") OVER (${part}) AS "seqs"
      FROM ${from} WHERE ${whereSql}`
    countSql = `SELECT COUNT(*) AS "n" FROM (${ranked}) WHERE "nth" = 1`
    pageSql = `SELECT * FROM (${ranked}) WHERE "nth" = 1 ORDER BY "score", "versionSeq" DESC, "id" LIMIT ? OFFSET ?`
  } else {
    // Comments and answers newest first: FTS5 walks its rowids backwards and stops at the
    // page, where ranking would score every match first. Counting stops at COUNT_LIMIT.
    countSql = `SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM ${from} WHERE ${whereSql} LIMIT ${COUNT_LIMIT})`
    const order = kind === 'article' ? `${score}, e."id" DESC` : match === null ? 'e."id" DESC' : 't."rowid" DESC'
    pageSql = `SELECT ${ENTRY_COLUMNS}, NULL AS "seqs" FROM ${from} WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?`
  }
  const [counted] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(countSql, ...args)
  const total = Number(counted!.n)
  if (total === 0 || page.offset >= total) return { total, entries: [] }
  const rows = await db.$queryRawUnsafe<(Omit<FoundEntry, 'otherVersions' | 'id' | 'versionSeq'> & { id: number | bigint; versionSeq: number | bigint; seqs: string | null })[]>(
    pageSql, ...args, page.limit, page.offset,
  )
  return {
    total,
    entries: rows.map(({ seqs, ...row }) => {
      const versionSeq = Number(row.versionSeq)
      const others = (seqs ?? '').split(',').filter(Boolean).map(Number).filter((s) => s !== versionSeq)
      return { ...row, id: Number(row.id), versionSeq, otherVersions: [...new Set(others)].sort((a, b) => b - a) }
    }),
  }
}

/** The stable ids of the articles with this number in a draft (any version): the article filter. */
export async function articleIdsByNumber(db: Db, draftId: string, articleNumber: string, versionSeq?: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ articleNodeId: string }[]>(
    `SELECT DISTINCT "articleNodeId" FROM "SearchEntry" WHERE "kind" = 'article' AND "draftId" = ? AND "articleNumber" = ?${versionSeq === undefined ? '' : ' AND "versionSeq" = ?'}`,
    draftId, articleNumber, ...(versionSeq === undefined ? [] : [versionSeq]),
  )
  return rows.map((r) => r.articleNodeId)
}

/** The label ("Član 12. Zaštita djece") of articles by (draft, version, stable id), for comments found. */
export async function articleLabels(db: Db, keys: readonly { draftId: string; versionSeq: number; articleNodeId: string }[]): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  if (keys.length === 0) return out
  const rows = await db.$queryRawUnsafe<{ draftId: string; versionSeq: number | bigint; articleNodeId: string; label: string }[]>(
    `SELECT "draftId", "versionSeq", "articleNodeId", "label" FROM "SearchEntry" WHERE "articleNodeId" IN (SELECT "value" FROM json_each(?)) AND "kind" = 'article'`,
    JSON.stringify([...new Set(keys.map((k) => k.articleNodeId))]),
  )
  for (const r of rows) out.set(`${r.draftId}:${Number(r.versionSeq)}:${r.articleNodeId}`, r.label)
  return out
}
