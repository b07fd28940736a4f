import type { Actor } from '../../accounts/actor.ts'
import { isAdmin } from '../../accounts/permissions.ts'
import type { Db, Tx } from '../../drafting/db.ts'
import { statement, type Statement } from '../../accounts/sql.ts'
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

// The site-wide search index: the only module that knows it is SQLite FTS5 (migrations
// 20261124020000_search_fts and 20261124030000_search_speed; docs/decisions/0022-site-search.md).
// SearchEntry holds what filters, authorisation and the hits need; two FTS5 tables (rowid =
// SearchEntry.id) the analysed text: SearchArticleText the articles', SearchText the
// comments' and answers' (so that ranking articles reads, and weighs words against,
// articles only). Writers call the index functions inside their own transaction, so a comment is
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
  /** Comments and answers: the section of the round's public list the comment is under ("general", "memorandum", "article:<id>"). */
  section: string | null
  /** Comments and answers: when the comment was written (ms), its place in that list. */
  listedAt: number | null
  text: string
}

/**
 * A term that marks each comment's or answer's row in SearchText, so a search of one kind
 * matches only its rows. Analysed terms are lower-case letters and digits: no word of a
 * text is ever "qqkindcomment".
 */
const KIND_TOKEN: Record<Exclude<SearchKind, 'article'>, string> = { comment: 'qqkindcomment', answer: 'qqkindanswer' }

/**
 * Terms that mark a comment's or answer's draft, round, author category and answer status
 * in SearchText ("qqd" and the id's UTF-8 bytes in hex, which SQL's lower(hex()) gives
 * too: migration 20261124030000). A filtered search adds them to its match, so FTS5 skips
 * the other drafts' rows instead of each being looked up and dropped; the WHERE clause
 * still checks the columns themselves.
 */
const FILTER_TOKENS = { draftId: 'qqd', roundId: 'qqr', authorCategory: 'qqc', answerStatus: 'qqs' } as const
const filterToken = (field: keyof typeof FILTER_TOKENS, value: string) => `${FILTER_TOKENS[field]}${Buffer.from(value, 'utf8').toString('hex')}`

function filterTokens(e: Pick<Entry, keyof typeof FILTER_TOKENS>): string[] {
  return (Object.keys(FILTER_TOKENS) as (keyof typeof FILTER_TOKENS)[]).flatMap((field) => (e[field] === null ? [] : [filterToken(field, e[field])]))
}

/** An entry's row in its FTS5 table: an article's text; a comment's or answer's led by its kind and filter tokens. */
const storedText = (e: Entry) => (e.kind === 'article' ? e.text : [KIND_TOKEN[e.kind], ...filterTokens(e), e.text].join(' '))

/** The FTS5 table holding a kind's analysed text. */
const textTable = (kind: SearchKind) => (kind === 'article' ? 'SearchArticleText' : 'SearchText')

/** What the database handle must run: Prisma's client or a transaction of it. */
type Sql = Pick<Tx, '$executeRawUnsafe' | '$queryRawUnsafe'>

const COLUMNS = [
  'id', 'kind', 'ref', 'draftId', 'versionSeq', 'roundId', 'articleNodeId', 'visibility', 'authorCategory', 'answerStatus',
  'articleNumber', 'label', 'display', 'section', 'listedAt',
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
    for (const table of ['SearchArticleText', 'SearchText'] as const) {
      const rows = part.filter((e) => textTable(e.kind) === table)
      if (rows.length === 0) continue
      await sql.$executeRawUnsafe(
        `INSERT INTO "${table}" ("rowid", "text") VALUES ${rows.map(() => '(?, ?)').join(', ')}`,
        ...rows.flatMap((e) => [e.id, storedText(e)]),
      )
    }
  }
}

async function deleteEntries(sql: Sql, kinds: readonly SearchKind[], refs: readonly string[]): Promise<void> {
  for (let i = 0; i < refs.length; i += IDS_PER_QUERY) {
    const part = JSON.stringify(refs.slice(i, i + IDS_PER_QUERY))
    const where = `"kind" IN (${kinds.map((k) => `'${k}'`).join(', ')}) AND "ref" IN (SELECT "value" FROM json_each(?))`
    for (const table of new Set(kinds.map(textTable))) {
      await sql.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "rowid" IN (SELECT "id" FROM "SearchEntry" WHERE ${where})`, part)
    }
    await sql.$executeRawUnsafe(`DELETE FROM "SearchEntry" WHERE ${where}`, part)
  }
}

// ---------------------------------------------------------------------------------------
// Comments and answers

const commentSelect = {
  id: true, roundId: true, articleNodeId: true, body: true, redactedBody: true, proposedWording: true, status: true,
  withdrawnAt: true, parentId: true, authorCategory: true, targetKind: true, createdAt: true,
  round: { select: { draftId: true, version: { select: { seq: true } } } },
  response: { select: { status: true, reasoning: true, publishedAt: true } },
} as const

type CommentRow = {
  id: string; roundId: string; articleNodeId: string | null; body: string; redactedBody: string | null; proposedWording: string | null
  status: string; withdrawnAt: Date | null; parentId: string | null; authorCategory: string; targetKind: string; createdAt: Date
  round: { draftId: string; version: { seq: number } }
  response: { status: string; reasoning: string; publishedAt: Date | null } | null
}

/**
 * The section of a round's public list a comment is shown under (public-round.ts
 * sectionWhere): its article's, the memorandum's, or the draft's as a whole; null for a
 * comment on no list.
 */
export function listSection(c: { articleNodeId: string | null; targetKind: string }): string | null {
  if (c.articleNodeId !== null) return `article:${c.articleNodeId}`
  return c.targetKind === 'memorandum' ? 'memorandum' : c.targetKind === 'draft' ? 'general' : null
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
    articleNumber: null, label: null, display: null, section: listSection(c), listedAt: c.createdAt.getTime(),
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

/** A comment just inserted, as its search entry needs it: the values written, not read back. */
export interface NewCommentIndex {
  id: string
  roundId: string
  draftId: string
  /** The consulted version's number. */
  versionSeq: number
  articleNodeId: string | null
  targetKind: string
  parentId: string | null
  body: string
  proposedWording: string | null
  status: string
  authorCategory: string
  createdAt: Date
}

const ENTRY_COLUMNS_SQL = COLUMNS.map((c) => `"${c}"`).join(', ')
/** Only when the comment exists: the insert before these in a batch may have done nothing (a repeated form). */
const IF_COMMENT = 'EXISTS (SELECT 1 FROM "Comment" WHERE "id" = ?)'
const NEW_ENTRY_SQL = `INSERT INTO "SearchEntry" (${ENTRY_COLUMNS_SQL})
  SELECT (SELECT COALESCE(MAX("id"), 0) + 1 FROM "SearchEntry"), ${COLUMNS.slice(1).map(() => '?').join(', ')} WHERE ${IF_COMMENT}`
const NEW_TEXT_SQL = `INSERT INTO "SearchText" ("rowid", "text") SELECT "id", ? FROM "SearchEntry" WHERE "kind" = 'comment' AND "ref" = ?`

/**
 * The index writes of a comment just inserted, not yet run, for the transaction or batch
 * (accounts/sql.ts) that inserts it: two statements, its entry and its text,
 * from the values just written, with no read-back and nothing to delete (a new comment has
 * no entry and no answer). The entry is the one `indexComments` and `rebuildSearchIndex`
 * write (the same `commentEntries`). Each does nothing unless the comment row exists, so a
 * batch whose insert was a no-op (ON CONFLICT) indexes nothing.
 */
export function newCommentIndexStatements(c: NewCommentIndex): readonly [Statement, Statement] {
  const [entry] = commentEntries({
    ...c, redactedBody: null, withdrawnAt: null, round: { draftId: c.draftId, version: { seq: c.versionSeq } }, response: null,
  })
  const e = { ...entry!, id: 0 }
  return [
    statement(NEW_ENTRY_SQL, ...COLUMNS.slice(1).map((col) => e[col]), c.id),
    statement(NEW_TEXT_SQL, storedText(e), c.id),
  ]
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
    display: articleBodyText(article), section: null, listedAt: null, text: indexedText(articleText(article)),
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
      await tx.$executeRawUnsafe('DELETE FROM "SearchArticleText"')
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

/** A round as the search reads it: for its scope, and for the round filter. */
export interface ScopedRound {
  id: string
  draftId: string
  title: string
  opensAt: Date
  /** Whether its public comments are findable now (it is not planned). */
  isPublic: boolean
}

/** The scope of a search by this actor at `now`, and every round (read once for both). */
export async function searchScope(db: Db, actor: Actor, now: Date): Promise<{ scope: SearchScope; rounds: ScopedRound[] }> {
  const rows = await db.round.findMany({
    select: { id: true, draftId: true, title: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true, answersPublication: true },
  })
  const scope: SearchScope = { publicRounds: [], answerRounds: [], moderatedDrafts: [], answeredDrafts: [] }
  const rounds: ScopedRound[] = []
  for (const r of rows) {
    const isPublic = roundState(r, now) !== 'planned'
    if (isPublic) scope.publicRounds.push(r.id)
    if (roundShowsAnswers(r, now)) scope.answerRounds.push(r.id)
    rounds.push({ id: r.id, draftId: r.draftId, title: r.title, opensAt: r.opensAt, isPublic })
  }
  if (actor.userId === null) return { scope, rounds }
  if (isAdmin(actor)) {
    const drafts = [...new Set(rows.map((r) => r.draftId))]
    return { scope: { ...scope, moderatedDrafts: drafts, answeredDrafts: drafts }, rounds }
  }
  // canModerate: owner or moderator; canRespond: owner or responder (consultation/permissions.ts).
  const roles = await db.draftAssignment.findMany({ where: { userId: actor.userId, role: { in: ['owner', 'moderator', 'responder'] } }, select: { draftId: true, role: true } })
  scope.moderatedDrafts = [...new Set(roles.filter((r) => r.role !== 'responder').map((r) => r.draftId))]
  scope.answeredDrafts = [...new Set(roles.filter((r) => r.role !== 'moderator').map((r) => r.draftId))]
  return { scope, rounds }
}

/** A comment found, as its hit shows it: read with the page of hits, never again. */
export interface FoundComment {
  body: string
  redactedBody: string | null
  proposedWording: string | null
  createdAt: Date
  consentToBeNamed: boolean
  authorName: string | null
  organisation: { name: string } | null
  round: { id: string; title: string }
  /** The answer's reasoning (answers only). */
  reasoning: string | null
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
  /** Articles: their label; comments and answers: the label of the article they are on. */
  label: string | null
  display: string | null
  /** Articles: the other versions with the same article matching, newest first. */
  otherVersions: number[]
  /** Comments and answers: the section of the round's public list the comment is under. */
  section: string | null
  /** Public comments and answers: how many comments come before it in that list (its page). */
  listPosition: number | null
  /** Comments and answers: the comment itself. */
  comment: FoundComment | null
}

/** A page of entries found, and how many there are in all. */
export interface FoundPage {
  /** Every match, or COUNT_LIMIT when there are at least that many comments or answers. */
  total: number
  /** Whether `total` stopped at COUNT_LIMIT: there may be more. */
  capped: boolean
  entries: FoundEntry[]
}

function conditions(kind: SearchKind, scope: SearchScope, filters: EntryFilters): { sql: string[]; args: unknown[] } {
  const sql = ['e."kind" = ?']
  const args: unknown[] = [kind]
  const add = (clause: string, ...values: unknown[]) => {
    sql.push(clause)
    args.push(...values)
  }
  const inList = (column: string) => `${column} IN (SELECT "value" FROM json_each(?))`
  // Authorisation: public entries of rounds the public may read now, or the actor's drafts.
  // (An empty list of the actor's drafts is left out: most searches are anonymous.)
  if (kind !== 'article') {
    const [rounds, drafts] = kind === 'comment' ? [scope.publicRounds, scope.moderatedDrafts] : [scope.answerRounds, scope.answeredDrafts]
    const publicSql = `(e."visibility" = 'public' AND ${inList('e."roundId"')})`
    if (drafts.length === 0) add(publicSql, JSON.stringify(rounds))
    else add(`(${publicSql} OR ${inList('e."draftId"')})`, JSON.stringify(rounds), JSON.stringify(drafts))
  }
  if (filters.draftId !== undefined) add('e."draftId" = ?', filters.draftId)
  if (filters.versionSeq !== undefined) add('e."versionSeq" = ?', filters.versionSeq)
  if (filters.roundId !== undefined) {
    if (kind === 'article') add('e."versionSeq" IN (SELECT v."seq" FROM "Round" r JOIN "Version" v ON v."id" = r."versionId" WHERE r."id" = ? AND v."draftId" = e."draftId")', filters.roundId)
    else add('e."roundId" = ?', filters.roundId)
  }
  if (filters.articleNodeIds !== undefined) add(inList('e."articleNodeId"'), JSON.stringify(filters.articleNodeIds))
  if (filters.articleNumber !== undefined && kind === 'article') add('e."articleNumber" = ?', filters.articleNumber)
  if (filters.authorCategory !== undefined && kind !== 'article') add('e."authorCategory" = ?', filters.authorCategory)
  if (filters.answerStatus !== undefined && kind === 'answer') add('e."answerStatus" = ?', filters.answerStatus)
  return { sql, args }
}

/** The filter terms (FILTER_TOKENS) a search of comments or answers adds to its match. */
function filterTerms(kind: SearchKind, filters: EntryFilters): string[] {
  const { draftId, roundId, authorCategory, answerStatus } = filters
  return filterTokens({
    draftId: draftId ?? null, roundId: roundId ?? null, authorCategory: authorCategory ?? null,
    answerStatus: kind === 'answer' ? (answerStatus ?? null) : null,
  } as Pick<Entry, keyof typeof FILTER_TOKENS>)
}

/** Counts of comments and answers stop here ("1,000 or more"): counting every match of a common word costs more than the page. */
export const COUNT_LIMIT = 1000

const ENTRY_COLUMNS = 'e."id", e."kind", e."ref", e."draftId", e."versionSeq", e."roundId", e."articleNodeId", e."visibility", e."answerStatus", e."articleNumber", e."label", e."display", e."section"'

type Num = number | bigint
type Row = Omit<FoundEntry, 'id' | 'versionSeq' | 'otherVersions' | 'listPosition' | 'comment'> & {
  id: Num; versionSeq: Num; total: Num; seqs?: string | null; listPosition?: Num | null
  body?: string; redactedBody?: string | null; proposedWording?: string | null; createdAt?: string | number | Date; consentToBeNamed?: Num | boolean
  authorName?: string | null; organisationName?: string | null; roundTitle?: string; reasoning?: string | null
}

function foundEntry({ seqs, total: _total, listPosition, body, redactedBody, proposedWording, createdAt, consentToBeNamed, authorName, organisationName, roundTitle, reasoning, ...row }: Row): FoundEntry {
  const versionSeq = Number(row.versionSeq)
  const others = (seqs ?? '').split(',').filter(Boolean).map(Number).filter((s) => s !== versionSeq)
  const comment: FoundComment | null = row.kind === 'article' || body === undefined ? null : {
    body, redactedBody: redactedBody ?? null, proposedWording: proposedWording ?? null, createdAt: new Date(createdAt!),
    consentToBeNamed: Boolean(Number(consentToBeNamed)), authorName: authorName ?? null,
    organisation: organisationName == null ? null : { name: organisationName }, round: { id: row.roundId!, title: roundTitle ?? '' },
    reasoning: reasoning ?? null,
  }
  return {
    ...row, id: Number(row.id), versionSeq, otherVersions: [...new Set(others)].sort((a, b) => b - a),
    listPosition: listPosition == null ? null : Number(listPosition), comment,
  }
}

/**
 * One page of the entries of one kind that match the analysed `terms` (all of them), best
 * first, that the scope allows, and how many there are: one statement per kind. Without
 * terms, every entry the filters leave (a search by article number).
 *
 * Articles are ranked by bm25 over narrow rows (ids and the columns that group them); the
 * articles of several versions count once, at their newest matching version with the
 * others listed, unless a version is asked for; only the page's rows are then read whole.
 * Comments and answers come newest first: FTS5 walks its rowids backwards and stops at the
 * page, and their count stops at COUNT_LIMIT. Their page carries what the hit shows (the
 * comment, its author, its round, the label of its article, its place in the public list).
 */
export async function searchEntries(
  db: Db,
  kind: SearchKind,
  terms: readonly string[],
  scope: SearchScope,
  filters: EntryFilters,
  page: { offset: number; limit: number },
): Promise<FoundPage> {
  // Nearly every row of SearchText is a comment: its kind token would only cost the reading
  // of its doclist (the WHERE clause checks the kind). Answers are few: theirs narrows.
  const leading = kind === 'answer' ? [KIND_TOKEN.answer] : []
  const match = terms.length === 0 ? null : matchExpression(kind === 'article' ? terms : [...leading, ...filterTerms(kind, filters), ...terms])
  const where = conditions(kind, scope, filters)
  // CROSS JOIN keeps the full-text match the outer loop: left to itself, SQLite may walk
  // SearchEntry by kind and probe FTS5 once per row (seconds instead of milliseconds).
  const table = textTable(kind)
  const from = match === null ? '"SearchEntry" e' : `"${table}" t CROSS JOIN "SearchEntry" e ON e."id" = t."rowid"`
  const whereSql = [...(match === null ? [] : [`"${table}" MATCH ?`]), ...where.sql].join(' AND ')
  const args = [...(match === null ? [] : [match]), ...where.args]
  const limits = [page.limit, page.offset]
  let rows: Row[]
  let countSql: string
  if (kind === 'article') {
    const score = match === null ? '0' : 't."rank"'
    if (filters.versionSeq === undefined) {
      // One row per article of a draft: its newest matching version, with the others listed.
      const grouped = `SELECT e."draftId", e."articleNodeId", MIN(${score}) AS "score", MAX(e."versionSeq") AS "seq", group_concat(e."versionSeq") AS "seqs"
        FROM ${from} WHERE ${whereSql} GROUP BY e."draftId", e."articleNodeId"`
      countSql = `SELECT COUNT(*) AS "n" FROM (${grouped})`
      rows = await db.$queryRawUnsafe<Row[]>(
        `WITH "p" AS (SELECT *, COUNT(*) OVER () AS "total" FROM (${grouped}) ORDER BY "score", "seq" DESC, "draftId", "articleNodeId" LIMIT ? OFFSET ?)
         SELECT ${ENTRY_COLUMNS}, p."seqs", p."total" FROM "p"
         CROSS JOIN "SearchEntry" e ON e."kind" = 'article' AND e."draftId" = p."draftId" AND e."articleNodeId" = p."articleNodeId" AND e."versionSeq" = p."seq"
         ORDER BY p."score", p."seq" DESC, p."draftId", p."articleNodeId"`,
        ...args, ...limits,
      )
    } else {
      const ranked = `SELECT e."id", ${score} AS "score" FROM ${from} WHERE ${whereSql}`
      countSql = `SELECT COUNT(*) AS "n" FROM (${ranked})`
      rows = await db.$queryRawUnsafe<Row[]>(
        `WITH "p" AS (SELECT *, COUNT(*) OVER () AS "total" FROM (${ranked}) ORDER BY "score", "id" DESC LIMIT ? OFFSET ?)
         SELECT ${ENTRY_COLUMNS}, NULL AS "seqs", p."total" FROM "p" CROSS JOIN "SearchEntry" e ON e."id" = p."id" ORDER BY p."score", p."id" DESC`,
        ...args, ...limits,
      )
    }
  } else {
    countSql = `SELECT COUNT(*) AS "n" FROM (SELECT 1 FROM ${from} WHERE ${whereSql} LIMIT ${COUNT_LIMIT})`
    const order = match === null ? 'e."id" DESC' : 't."rowid" DESC'
    rows = await db.$queryRawUnsafe<Row[]>(
      `WITH "h" AS (SELECT ${ENTRY_COLUMNS}, e."listedAt" FROM ${from} WHERE ${whereSql} ORDER BY ${order} LIMIT ? OFFSET ?)
       SELECT h."id", h."kind", h."ref", h."draftId", h."versionSeq", h."roundId", h."articleNodeId", h."visibility", h."answerStatus",
         h."articleNumber", h."display", h."section", (${countSql}) AS "total",
         CASE WHEN h."visibility" = 'public' AND h."section" IS NOT NULL THEN (
           SELECT COUNT(*) FROM "SearchEntry" b WHERE b."kind" = 'comment' AND b."visibility" = 'public'
             AND b."roundId" = h."roundId" AND b."section" = h."section" AND (b."listedAt", b."ref") < (h."listedAt", h."ref")
         ) END AS "listPosition",
         (SELECT a."label" FROM "SearchEntry" a WHERE a."kind" = 'article' AND a."draftId" = h."draftId"
           AND a."articleNodeId" = h."articleNodeId" AND a."versionSeq" = h."versionSeq") AS "label",
         c."body", c."redactedBody", c."proposedWording", c."createdAt", c."consentToBeNamed", c."authorName",
         o."name" AS "organisationName", r."title" AS "roundTitle", ${kind === 'answer' ? 'p."reasoning"' : 'NULL'} AS "reasoning"
       FROM "h" CROSS JOIN "Comment" c ON c."id" = h."ref" JOIN "Round" r ON r."id" = c."roundId"
       LEFT JOIN "Organisation" o ON o."id" = c."organisationId" LEFT JOIN "Response" p ON p."commentId" = c."id"
       ORDER BY h."id" DESC`,
      ...args, ...limits, ...args,
    )
  }
  let total = rows.length > 0 ? Number(rows[0]!.total) : 0
  // A page past the end (or a stale entry dropped by the join): count on its own.
  if (rows.length === 0 && page.offset > 0) {
    const [counted] = await db.$queryRawUnsafe<{ n: Num }[]>(countSql, ...args)
    total = Number(counted!.n)
  }
  const capped = kind !== 'article' && total >= COUNT_LIMIT
  return { total, capped, entries: rows.map(foundEntry) }
}

/** The stable ids of the articles with this number in a draft (any version): the article filter. */
export async function articleIdsByNumber(db: Db, draftId: string, articleNumber: string, versionSeq?: number): Promise<string[]> {
  const rows = await db.$queryRawUnsafe<{ articleNodeId: string }[]>(
    `SELECT DISTINCT "articleNodeId" FROM "SearchEntry" WHERE "kind" = 'article' AND "draftId" = ? AND "articleNumber" = ?${versionSeq === undefined ? '' : ' AND "versionSeq" = ?'}`,
    draftId, articleNumber, ...(versionSeq === undefined ? [] : [versionSeq]),
  )
  return rows.map((r) => r.articleNodeId)
}
