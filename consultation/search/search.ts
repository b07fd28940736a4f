import type { Actor } from '../../accounts/actor.ts'
import type { Db } from '../../drafting/db.ts'
import { articleIdAnchor } from '../../drafting/outline.ts'
import type { CommentAuthor } from '../comments.ts'
import { publicText } from '../moderation-rules.ts'
import { COMMENTS_PER_PAGE, publicAuthor } from '../public-round.ts'
import { highlight, type Segment } from './highlight.ts'
import { parseQuery, SEARCH_KINDS, type SearchKind, type SiteSearchQuery } from './query.ts'
import { articleIdsByNumber, searchEntries, searchScope, type EntryFilters, type FoundPage } from './store.ts'

// Site-wide search: the /search page's one service. It parses the query with the BCS
// pipeline, asks the index (store.ts) for what this actor may find, and presents each hit
// with its highlighted excerpt and a link to the exact article or comment.

/** Hits per group when every kind is shown; a group shown alone pages by PAGE_SIZE. */
export const GROUP_PREVIEW = 5
export const PAGE_SIZE = 20

/** A hit as the results page shows it. */
export interface SearchHit {
  kind: SearchKind
  /** Where it is: the article in its version, or the comment in its round's list. */
  href: string
  draft: { slug: string; title: string }
  versionSeq: number
  /** Articles: other versions in which the same article matched, newest first. */
  otherVersions: number[]
  /** The article's label and heading ("Član 12. Zaštita djece"); for comments, the article they are on. */
  label: string | null
  round: { id: string; title: string } | null
  author: CommentAuthor | null
  createdAt: Date | null
  answerStatus: string | null
  /** Only staff find it: pending, hidden, or an answer not yet public. */
  restricted: boolean
  excerpt: Segment[]
}

/** The hits of one kind. */
export interface SearchGroup {
  kind: SearchKind
  /** How many match; at most COUNT_LIMIT for comments and answers (store.ts). */
  total: number
  /** Whether `total` stopped at COUNT_LIMIT: "1,000 or more". */
  capped: boolean
  page: number
  pages: number
  hits: SearchHit[]
}

/** A site search's answer. */
export interface SiteSearchResult {
  /** The analysed terms searched for (empty: nothing to search, or an article number alone). */
  terms: string[]
  /** The article number the query named ("član 12"), if any. */
  articleNumber: string | null
  /** Where to go at once: the one article the query names. */
  jump: string | null
  groups: SearchGroup[]
  /** Drafts with a version, for the draft filter. */
  drafts: { slug: string; title: string }[]
  /** The chosen draft's versions and readable rounds, for their filters. */
  versions: { seq: number; name: string }[]
  rounds: { id: string; title: string }[]
}

const articleHref = (slug: string, seq: number, articleNodeId: string) =>
  `/drafts/${encodeURIComponent(slug)}?version=${seq}#${articleIdAnchor(articleNodeId)}`

/**
 * Searches articles (every version), comments and answers for `actor` at `now`. The public
 * finds published, not withdrawn comments of rounds that have opened, and answers once
 * their round shows them; a draft's moderators (and responders) find its hidden comments
 * (and unpublished answers) too. "član 12" alone jumps to that article when one draft has it.
 */
export async function searchSite(db: Db, actor: Actor, query: SiteSearchQuery, now: Date): Promise<SiteSearchResult> {
  const { terms, articleNumber } = parseQuery(query.q)
  const drafts = await db.draft.findMany({ where: { versions: { some: {} } }, select: { id: true, slug: true, title: true }, orderBy: { title: 'asc' } })
  const draftsById = new Map(drafts.map((d) => [d.id, d]))
  const chosen = query.draft === undefined ? undefined : drafts.find((d) => d.slug === query.draft)
  const { scope, rounds: allRounds } = await searchScope(db, actor, now)
  const versions = chosen ? await db.version.findMany({ where: { draftId: chosen.id }, select: { seq: true, name: true }, orderBy: { seq: 'desc' } }) : []
  const rounds = chosen
    ? allRounds.filter((r) => r.draftId === chosen.id && r.isPublic).sort((a, b) => b.opensAt.getTime() - a.opensAt.getTime()).map(({ id, title }) => ({ id, title }))
    : []
  const result: SiteSearchResult = { terms, articleNumber, jump: null, groups: [], drafts: drafts.map(({ slug, title }) => ({ slug, title })), versions, rounds }
  if (query.draft !== undefined && !chosen) return result
  if (terms.length === 0 && articleNumber === null) return result

  const filters: EntryFilters = {
    draftId: chosen?.id, versionSeq: query.version, roundId: query.round, authorCategory: query.category, answerStatus: query.status,
  }
  const number = query.article ?? articleNumber ?? undefined
  if (number !== undefined && chosen) filters.articleNodeIds = await articleIdsByNumber(db, chosen.id, number, query.version)
  else if (number !== undefined) filters.articleNumber = number

  // An article number and nothing else: the article itself.
  if (terms.length === 0) {
    const found = await searchEntries(db, 'article', [], scope, filters, { offset: 0, limit: PAGE_SIZE })
    // One draft has that article (in one or more of its versions): jump to it in the newest.
    // (An article numbered so in an older version may carry another number where it is shown.)
    const numbered = found.entries.filter((e) => number === undefined || e.articleNumber === number.toLowerCase())
    const onlyDraft = numbered.length > 0 && new Set(numbered.map((e) => e.draftId)).size === 1
    if (onlyDraft) {
      const e = numbered.reduce((a, b) => (b.versionSeq > a.versionSeq ? b : a))
      result.jump = articleHref(draftsById.get(e.draftId)!.slug, e.versionSeq, e.articleNodeId!)
    }
    result.groups.push(presentGroup('article', found, terms, draftsById, 1))
    return result
  }

  const kinds = query.kind ? [query.kind] : SEARCH_KINDS
  const perPage = query.kind ? PAGE_SIZE : GROUP_PREVIEW
  const page = query.kind ? (query.page ?? 1) : 1
  for (const kind of kinds) {
    // Without a draft an article number cannot name comments' articles: it narrows articles only.
    const found = await searchEntries(db, kind, terms, scope, filters, { offset: (page - 1) * perPage, limit: perPage })
    const group = presentGroup(kind, found, terms, draftsById, page)
    group.pages = Math.max(1, Math.ceil(found.total / perPage))
    result.groups.push(group)
  }
  return result
}

function presentGroup(
  kind: SearchKind,
  found: FoundPage,
  terms: string[],
  draftsById: Map<string, { slug: string; title: string }>,
  page: number,
): SearchGroup {
  const draftOf = (id: string) => {
    const d = draftsById.get(id)
    return { slug: d?.slug ?? '', title: d?.title ?? '' }
  }
  const group: SearchGroup = { kind, total: found.total, capped: found.capped, page, pages: 1, hits: [] }
  if (kind === 'article') {
    group.hits = found.entries.map((e) => ({
      kind, href: articleHref(draftOf(e.draftId).slug, e.versionSeq, e.articleNodeId!), draft: draftOf(e.draftId), versionSeq: e.versionSeq,
      otherVersions: e.otherVersions, label: e.label, round: null, author: null, createdAt: null, answerStatus: null, restricted: false,
      excerpt: highlight(e.display ?? '', terms),
    }))
    return group
  }
  for (const e of found.entries) {
    const c = e.comment
    if (!c) continue
    const restricted = e.visibility !== 'public'
    // The page of its section's public list the comment is on (COMMENTS_PER_PAGE, oldest first).
    const href = restricted || e.listPosition === null || e.section === null
      ? `/rounds/${c.round.id}/${kind === 'answer' ? `answers/${e.ref}` : 'moderation'}`
      : `/rounds/${c.round.id}/comments?section=${encodeURIComponent(e.section)}${listPage(e.listPosition) > 1 ? `&page=${listPage(e.listPosition)}` : ''}#komentar-${e.ref}`
    // The text the index holds for this entry: the public text, or (for staff) the comment's own.
    const text = kind === 'answer'
      ? (c.reasoning ?? '')
      : [restricted ? c.body : publicText(c), c.proposedWording].filter(Boolean).join('\n\n')
    group.hits.push({
      kind, href, draft: draftOf(e.draftId), versionSeq: e.versionSeq, otherVersions: [], label: e.label,
      round: c.round, author: publicAuthor(c), createdAt: c.createdAt, answerStatus: e.answerStatus, restricted,
      excerpt: highlight(text, terms),
    })
  }
  return group
}

const listPage = (position: number) => Math.floor(position / COMMENTS_PER_PAGE) + 1
