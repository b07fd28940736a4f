import { Writable } from 'node:stream'
import { ANONYMOUS } from '../accounts/actor.ts'
import type { Db } from '../drafting/db.ts'
import { loadActVersion } from '../drafting/export/act-version.ts'
import type { DraftScript } from '../drafting/language.ts'
import type { DocumentOutline, OutlineAnnex, OutlineBlock, OutlineDivision, OutlineTable, OutlineUnit } from '../drafting/outline.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import { jurisdictionProfile } from './jurisdictions.ts'
import { publicText, PUBLIC_TOP_LEVEL_COMMENT } from './moderation-rules.ts'
import { ADDRESS_MARKER, withoutAddresses, withoutNames } from './public-text.ts'
import { checkPeriod, methodsOf } from './plans.ts'
import { publicAnswers, type PublicAnswer } from './public-answers.ts'
import { publicAuthor } from './public-round.ts'
import { writeReportJson } from './report/export/json.ts'
import type { OpenDataReport } from './report/export/open-data.ts'
import { REPORT_LANGS, type ReportLang } from './report/model.ts'
import { readReport } from './report/view.ts'
import { draftPublicState, roundState, type RoundState } from './round-state.ts'

// The read-only open-data API (/api/v1/…): drafts, their versions, public rounds, their
// public comments with public answers, and published reports. Everything here is what an
// anonymous visitor may read on the site, and no more: named versions (never the working
// copy), rounds that are not planned, published and not withdrawn comments in their public
// (redacted) text, answers once public, reports once published. No e-mail address, IP
// address or name of a person who did not agree to be named is ever part of a payload;
// e-mail and IP addresses written inside public texts are replaced as well.
// Shaping functions are pure; loaders read the database.

/** The base path of the API. */
export const API_BASE = '/api/v1'

/** Comments per page of /rounds/:id/comments. */
export const API_COMMENTS_PER_PAGE = 50

/**
 * Why the API answers 404:
 * - `draft-not-found`: no such draft, or one without a named version;
 * - `version-not-found`: the draft has no version with that number;
 * - `round-not-found`: no such round, or a planned one;
 * - `report-not-published`: the round's report is not out yet.
 */
export type ApiProblem = 'draft-not-found' | 'version-not-found' | 'round-not-found' | 'report-not-published'

/** The marker that replaces an address in a public text. */

const nullableClean = (text: string | null) => (text === null ? null : withoutAddresses(text))
const iso = (d: Date) => d.toISOString()
const draftLink = (slug: string) => `${API_BASE}/drafts/${encodeURIComponent(slug)}`
const roundLink = (id: string) => `${API_BASE}/rounds/${encodeURIComponent(id)}`

// ---------------------------------------------------------------- drafts

/** A draft as /drafts lists it. */
export interface ApiDraftSummary {
  slug: string
  title: string
  documentType: string
  language: string
  script: string
  stage: string
  institution: { slug: string; name: string }
  state: string
  latestVersion: { seq: number; name: string; createdAt: string } | null
  updatedAt: string
  links: { self: string; page: string }
}

type DraftRow = {
  slug: string; title: string; documentType: string; language: string; script: string; stage: string; updatedAt: Date
  owner: { slug: string; name: string }
  versions: { seq: number; name: string; createdAt: Date }[]
  rounds: { state: string; opensAt: Date; closesAt: Date; reportPublishedAt: Date | null }[]
}

/** A draft row as the list shows it. */
export function shapeDraftSummary(d: DraftRow, now: Date): ApiDraftSummary {
  const latest = d.versions.reduce<DraftRow['versions'][number] | null>((a, v) => (a === null || v.seq > a.seq ? v : a), null)
  return {
    slug: d.slug, title: d.title, documentType: d.documentType, language: d.language, script: d.script, stage: d.stage,
    institution: { slug: d.owner.slug, name: d.owner.name },
    state: draftPublicState(d.rounds, now),
    latestVersion: latest ? { seq: latest.seq, name: latest.name, createdAt: iso(latest.createdAt) } : null,
    updatedAt: iso(d.updatedAt),
    links: { self: draftLink(d.slug), page: `/drafts/${encodeURIComponent(d.slug)}` },
  }
}

const draftSelect = {
  slug: true, title: true, documentType: true, language: true, script: true, stage: true, updatedAt: true,
  owner: { select: { slug: true, name: true } },
  versions: { select: { seq: true, name: true, createdAt: true } },
  rounds: { select: { id: true, title: true, stage: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true } },
} as const

/** Every draft with a named version, most recently changed first. */
export async function apiListDrafts(db: Db, now: Date): Promise<{ drafts: ApiDraftSummary[] }> {
  const rows = await db.draft.findMany({ where: { versions: { some: {} } }, orderBy: [{ updatedAt: 'desc' }, { slug: 'asc' }], select: draftSelect })
  return { drafts: rows.map((d) => shapeDraftSummary(d, now)) }
}

/** A version of a draft as listed: with links to its text, .docx and Akoma Ntoso. */
export interface ApiVersionSummary {
  seq: number
  name: string
  note: string | null
  createdAt: string
  links: { self: string; docx: string; akomaNtoso: string }
}

/** A draft with its versions and its public rounds. */
export interface ApiDraft extends ApiDraftSummary {
  jurisdiction: string
  summary: string | null
  versions: ApiVersionSummary[]
  rounds: ApiRoundSummary[]
}

/** A draft by slug, with its versions (newest first) and the rounds that are not planned. */
export async function apiReadDraft(db: Db, slug: string, now: Date): Promise<Result<ApiDraft, ApiProblem>> {
  const d = await db.draft.findUnique({
    where: { slug },
    select: { ...draftSelect, jurisdiction: true, summary: true, versions: { select: { seq: true, name: true, note: true, createdAt: true }, orderBy: { seq: 'desc' } } },
  })
  if (!d || d.versions.length === 0) return fail('draft-not-found')
  const page = `/drafts/${encodeURIComponent(d.slug)}`
  return ok({
    ...shapeDraftSummary(d, now),
    jurisdiction: d.jurisdiction,
    summary: nullableClean(d.summary),
    versions: d.versions.map((v) => ({
      seq: v.seq, name: v.name, note: v.note, createdAt: iso(v.createdAt),
      links: { self: `${draftLink(d.slug)}/versions/${v.seq}`, docx: `${page}/versions/${v.seq}/act.docx`, akomaNtoso: `${page}/versions/${v.seq}/akn.xml` },
    })),
    rounds: d.rounds
      .map((r) => ({ ...r, state: roundState(r, now) }))
      .filter((r) => r.state !== 'planned')
      .sort((a, b) => a.opensAt.getTime() - b.opensAt.getTime())
      .map((r) => shapeRoundSummary({ ...r, draft: { slug: d.slug, title: d.title } }, r.state)),
  })
}

// ---------------------------------------------------------------- a version's text

/**
 * A table: rows of cells, each cell its text (a cell's blocks on their own lines); `header`
 * marks a header row. The same table also stands in its unit's `text`, one row a line,
 * cells joined by " | ".
 */
export interface ApiTable {
  id: string
  rows: { header: boolean; cells: string[] }[]
}

/** A point or sub-point: its label, its text (sub-points, indents and table rows on their own lines) and its tables. */
export interface ApiPoint {
  id: string
  label: string
  text: string
  tables: ApiTable[]
}

/** A paragraph: its number (null when it stands alone), label, text, points and the tables in it (not in its points). */
export interface ApiParagraph {
  id: string
  number: string | null
  label: string | null
  text: string
  points: ApiPoint[]
  tables: ApiTable[]
}

/**
 * An annex (prilog) after the articles: its number ("2", "2a" where frozen), label
 * ("Prilog 2", "Прилог 2"), title, text (text blocks and table rows, one a line) and tables.
 */
export interface ApiAnnex {
  id: string
  number: string
  label: string
  heading: string
  text: string
  tables: ApiTable[]
}

/** An article: the shape of `nacrt import --json`, with stable ids and labels. */
export interface ApiArticle {
  id: string
  number: string
  label: string
  heading: string | null
  paragraphs: ApiParagraph[]
}

/** A part, chapter or section with the numbers of the articles it holds. */
export interface ApiDivision {
  id: string
  kind: 'part' | 'chapter' | 'section'
  label: string
  heading: string
  /** The id of the division it sits in, or null. */
  parent: string | null
  articles: string[]
}

/** A version's text as open data. */
export interface ApiVersion {
  draft: { slug: string; title: string; documentType: string }
  version: { seq: number; name: string; createdAt: string }
  language: string
  script: string
  title: string
  preamble: string[]
  divisions: ApiDivision[]
  articles: ApiArticle[]
  /** The annexes (prilozi) after the articles, in order; empty for most acts. */
  annexes: ApiAnnex[]
  memorandum: { label: string; sections: { id: string; heading: string; paragraphs: string[] }[] } | null
  links: { docx: string; akomaNtoso: string; page: string }
}

function shapeTable(table: OutlineTable): ApiTable {
  return { id: table.id, rows: table.rows.map((r) => ({ header: r.header, cells: r.cells.map((blocks) => blocks.join('\n')) })) }
}

const tablesOf = (blocks: readonly OutlineBlock[]): ApiTable[] => blocks.flatMap((b) => (b.kind === 'table' ? [shapeTable(b)] : []))

function shapeAnnex(a: OutlineAnnex): ApiAnnex {
  return { id: a.id, number: a.number, label: a.label, heading: a.heading, text: blockLines(a.blocks, 0).join('\n'), tables: tablesOf(a.blocks) }
}

function blockLines(blocks: readonly OutlineBlock[], depth: number): string[] {
  return blocks.flatMap((b) => {
    if (b.kind === 'text') return [b.text]
    if (b.kind === 'indent') return [`- ${b.text}`]
    const [first = '', ...rest] = blockLines(b.blocks, depth + 1)
    return [`${b.label} ${first}`.trim(), ...rest]
  })
}

function articlesOf(units: readonly OutlineUnit[]): string[] {
  return units.flatMap((u) => (u.kind === 'article' ? [u.number] : articlesOf(u.children)))
}

/** The outline of a version as the API gives it: divisions, articles, paragraphs, points, tables, annexes. */
export function shapeOutline(outline: DocumentOutline): Pick<ApiVersion, 'title' | 'preamble' | 'divisions' | 'articles' | 'annexes' | 'memorandum'> {
  const divisions: ApiDivision[] = []
  const articles: ApiArticle[] = []
  const walk = (units: readonly OutlineUnit[], parent: OutlineDivision | null) => {
    for (const u of units) {
      if (u.kind !== 'article') {
        divisions.push({ id: u.id, kind: u.kind, label: u.label, heading: u.heading, parent: parent?.id ?? null, articles: articlesOf(u.children) })
        walk(u.children, u)
        continue
      }
      articles.push({
        id: u.id, number: u.number, label: u.label, heading: u.heading,
        paragraphs: u.paragraphs.map((p) => ({
          id: p.id,
          number: p.label === null ? null : (p.label.match(/[\d.]+(?=\)?$)/)?.[0] ?? null),
          label: p.label,
          text: p.blocks.flatMap((b) => (b.kind === 'point' ? [] : blockLines([b], 0))).join('\n'),
          points: p.blocks.flatMap((b) => (b.kind === 'point' ? [{ id: b.id, label: b.label, text: blockLines(b.blocks, 1).join('\n'), tables: tablesOf(b.blocks) }] : [])),
          tables: tablesOf(p.blocks),
        })),
      })
    }
  }
  walk(outline.body, null)
  return { title: outline.title, preamble: outline.preamble, divisions, articles, annexes: (outline.annexes ?? []).map(shapeAnnex), memorandum: outline.memorandum }
}

/** A named version's text, in the draft's script or the one asked for. */
export async function apiReadVersion(db: Db, slug: string, seq: number, script?: DraftScript): Promise<Result<ApiVersion, ApiProblem>> {
  const act = await loadActVersion(db, slug, seq, { script })
  if (!act.ok) return fail(act.reason)
  const { draft, version, variant, outline } = act.value
  const page = `/drafts/${encodeURIComponent(draft.slug)}`
  const query = script ? `?script=${script}` : ''
  return ok({
    draft: { slug: draft.slug, title: draft.title, documentType: draft.documentType },
    version: { seq: version.seq, name: version.name, createdAt: iso(version.createdAt) },
    language: variant.language,
    script: variant.script,
    ...shapeOutline(outline),
    links: {
      docx: `${page}/versions/${version.seq}/act.docx${query}`,
      akomaNtoso: `${page}/versions/${version.seq}/akn.xml${query}`,
      page: `${page}?version=${version.seq}${script ? `&script=${script}` : ''}`,
    },
  })
}

// ---------------------------------------------------------------- rounds

/** A round as listed. */
export interface ApiRoundSummary {
  id: string
  title: string
  stage: string
  state: RoundState
  opensAt: string
  closesAt: string
  reportPublishedAt: string | null
  draft: { slug: string; title: string }
  links: { self: string; comments: string; report: string | null; page: string }
}

type RoundRow = { id: string; title: string; stage: string; opensAt: Date; closesAt: Date; reportPublishedAt: Date | null; draft: { slug: string; title: string } }

/** A round row as the lists show it, in the state it has at the time asked. */
export function shapeRoundSummary(r: RoundRow, state: RoundState): ApiRoundSummary {
  return {
    id: r.id, title: r.title, stage: r.stage, state, opensAt: iso(r.opensAt), closesAt: iso(r.closesAt),
    reportPublishedAt: state === 'report-published' && r.reportPublishedAt ? iso(r.reportPublishedAt) : null,
    draft: r.draft,
    links: {
      self: roundLink(r.id),
      comments: `${roundLink(r.id)}/comments`,
      report: state === 'report-published' ? `${roundLink(r.id)}/report` : null,
      page: `/rounds/${encodeURIComponent(r.id)}`,
    },
  }
}

const roundSelect = {
  id: true, title: true, stage: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true,
  draft: { select: { slug: true, title: true } },
} as const

/** Every round that is not planned, newest opening first. */
export async function apiListRounds(db: Db, now: Date): Promise<{ rounds: ApiRoundSummary[] }> {
  const rows = await db.round.findMany({ orderBy: [{ opensAt: 'desc' }, { id: 'asc' }], select: roundSelect })
  return {
    rounds: rows.flatMap((r) => {
      const state = roundState(r, now)
      return state === 'planned' ? [] : [shapeRoundSummary(r, state)]
    }),
  }
}

/** A round's plan as the public reads it: the call, the period, the methods, the hearings. */
export interface ApiRound extends ApiRoundSummary {
  version: { seq: number; name: string; links: { self: string } }
  institution: { slug: string; name: string }
  summary: string | null
  whyItMatters: string | null
  targetGroups: string | null
  methods: string[]
  contactName: string | null
  period: { days: number; minimumDays: number; recommendedDays: number; short: boolean; shortPeriodReason: string | null }
  answersPublication: string
  hearings: { startsAt: string; place: string; agenda: string | null }[]
  publicComments: number
}

/** A round that is not planned, with its plan and hearings. The contact's e-mail address stays on the round's page. */
export async function apiReadRound(db: Db, roundId: string, now: Date): Promise<Result<ApiRound, ApiProblem>> {
  const r = await db.round.findUnique({
    where: { id: roundId },
    select: {
      ...roundSelect, summary: true, whyItMatters: true, targetGroups: true, methods: true, contactName: true, shortPeriodReason: true,
      answersPublication: true,
      draft: { select: { slug: true, title: true, jurisdiction: true, owner: { select: { slug: true, name: true } } } },
      version: { select: { seq: true, name: true } },
      hearings: { orderBy: { startsAt: 'asc' }, select: { startsAt: true, place: true, agenda: true } },
      _count: { select: { comments: { where: PUBLIC_TOP_LEVEL_COMMENT } } },
    },
  })
  if (!r) return fail('round-not-found')
  const state = roundState(r, now)
  if (state === 'planned') return fail('round-not-found')
  const period = checkPeriod(r.opensAt, r.closesAt, jurisdictionProfile(r.draft.jurisdiction))
  return ok({
    ...shapeRoundSummary({ ...r, draft: { slug: r.draft.slug, title: r.draft.title } }, state),
    version: { seq: r.version.seq, name: r.version.name, links: { self: `${draftLink(r.draft.slug)}/versions/${r.version.seq}` } },
    institution: r.draft.owner,
    summary: nullableClean(r.summary), whyItMatters: nullableClean(r.whyItMatters), targetGroups: nullableClean(r.targetGroups),
    methods: methodsOf(r.methods), contactName: r.contactName,
    period: { days: period.days, minimumDays: period.minimumDays, recommendedDays: period.recommendedDays, short: period.short, shortPeriodReason: r.shortPeriodReason },
    answersPublication: r.answersPublication,
    hearings: r.hearings.map((h) => ({ startsAt: iso(h.startsAt), place: withoutAddresses(h.place), agenda: nullableClean(h.agenda) })),
    publicComments: r._count.comments,
  })
}

// ---------------------------------------------------------------- comments

/** A public comment with its public answer. */
export interface ApiComment {
  id: string
  target: { kind: string; nodeId: string | null; articleId: string | null }
  author: { kind: 'organisation' | 'person'; name: string } | { kind: 'anonymous' }
  channel: string
  submittedAt: string
  editedAt: string | null
  body: string
  proposedWording: string | null
  answer: { status: string; reasoning: string; publishedAt: string; change: PublicAnswer['change'] } | null
}

type CommentRow = {
  id: string; targetKind: string; targetNodeId: string | null; articleNodeId: string | null; body: string; redactedBody: string | null
  proposedWording: string | null; createdAt: Date; editedAt: Date | null; channel: string; consentToBeNamed: boolean; authorName: string | null
  organisation: { name: string } | null
  /** The author's account, read only to keep their name out of the texts when they are not named. */
  author?: { name: string | null } | null
}

/** The names a comment's texts must not show: its author's, unless the comment names them. */
export { ADDRESS_MARKER, withoutAddresses, withoutNames }

export function unnamedOf(row: Pick<CommentRow, 'organisation' | 'consentToBeNamed' | 'authorName' | 'author'>): string[] {
  if (publicAuthor(row).kind === 'person') return []
  return row.author?.name ? [row.author.name] : []
}

/**
 * A comment row as open data: the public (redacted) text, the author only as publicAuthor
 * names them (an organisation, or a person who agreed), addresses and the names of
 * authors who are not named removed from the texts.
 */
export function shapeComment(row: CommentRow, answer: PublicAnswer | null): ApiComment {
  const names = unnamedOf(row)
  const clean = (text: string) => withoutNames(withoutAddresses(text), names)
  return {
    id: row.id,
    target: { kind: row.targetKind, nodeId: row.targetNodeId, articleId: row.articleNodeId },
    author: publicAuthor(row),
    channel: row.channel,
    submittedAt: iso(row.createdAt),
    editedAt: row.editedAt ? iso(row.editedAt) : null,
    body: clean(publicText(row)),
    proposedWording: row.proposedWording === null ? null : clean(row.proposedWording),
    answer: answer && { status: answer.status, reasoning: clean(answer.reasoning), publishedAt: iso(answer.publishedAt), change: answer.change },
  }
}

/** One page of a round's public comments. */
export interface ApiCommentPage {
  roundId: string
  page: number
  pages: number
  perPage: number
  total: number
  comments: ApiComment[]
  links: { next: string | null; prev: string | null }
}

/** A page (from 1) of the public comments of a round that is not planned, oldest first, with public answers. */
export async function apiListComments(db: Db, roundId: string, page: number, now: Date): Promise<Result<ApiCommentPage, ApiProblem>> {
  const round = await db.round.findUnique({ where: { id: roundId }, select: { state: true, opensAt: true, closesAt: true, reportPublishedAt: true } })
  if (!round || roundState(round, now) === 'planned') return fail('round-not-found')
  const where = { roundId, ...PUBLIC_TOP_LEVEL_COMMENT }
  const total = await db.comment.count({ where })
  const pages = Math.max(1, Math.ceil(total / API_COMMENTS_PER_PAGE))
  const current = Math.min(Math.max(1, page), pages)
  const rows = await db.comment.findMany({
    where,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    skip: (current - 1) * API_COMMENTS_PER_PAGE,
    take: API_COMMENTS_PER_PAGE,
    select: {
      id: true, targetKind: true, targetNodeId: true, articleNodeId: true, body: true, redactedBody: true, proposedWording: true,
      createdAt: true, editedAt: true, channel: true, consentToBeNamed: true, authorName: true, organisation: { select: { name: true } },
      author: { select: { name: true } },
    },
  })
  const answers = await publicAnswers(db, { commentIds: rows.map((r) => r.id) }, now)
  const at = (n: number) => `${roundLink(roundId)}/comments?page=${n}`
  return ok({
    roundId, page: current, pages, perPage: API_COMMENTS_PER_PAGE, total,
    comments: rows.map((r) => shapeComment(r, answers.get(r.id) ?? null)),
    links: { next: current < pages ? at(current + 1) : null, prev: current > 1 ? at(current - 1) : null },
  })
}

// ---------------------------------------------------------------- reports

/** Whether a value is one of the report's languages. */
export function isReportLang(value: string | null): value is ReportLang {
  return value !== null && (REPORT_LANGS as readonly string[]).includes(value)
}

/**
 * The published report of a round as open data (docs/open-data/report.schema.json), as
 * JSON text: the same document as /rounds/:id/report.json, read as an anonymous visitor,
 * in `lang` or else the draft's own language and script.
 */
export async function apiReadReport(db: Db, roundId: string, lang: ReportLang | undefined, now: Date): Promise<Result<string, ApiProblem>> {
  const round = await db.round.findUnique({ where: { id: roundId }, select: { draft: { select: { language: true, script: true } } } })
  if (!round) return fail('round-not-found')
  const own: ReportLang = round.draft.language === 'sr' ? (round.draft.script === 'cyrl' ? 'sr-Cyrl' : 'sr-Latn') : round.draft.language === 'hr' ? 'hr' : 'bs'
  const reading = await readReport(db, ANONYMOUS, roundId, { lang: lang ?? own, now })
  if (!reading.ok) return fail(reading.reason)
  if (reading.value.audience !== 'public') return fail('report-not-published')
  const chunks: Buffer[] = []
  const out = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)))
      done()
    },
  })
  await writeReportJson(reading.value.report, out)
  return ok(JSON.stringify(await withoutUnnamedInReport(db, roundId, JSON.parse(Buffer.concat(chunks).toString('utf8')) as OpenDataReport)))
}

/**
 * The report with addresses and the names of authors who are not named removed from its
 * comments' texts, as the comments endpoint does (the report shows the texts as published).
 */
async function withoutUnnamedInReport(db: Db, roundId: string, report: OpenDataReport): Promise<OpenDataReport> {
  const rows = await db.comment.findMany({
    where: { roundId, consentToBeNamed: false, author: { name: { not: null } } },
    select: { id: true, organisation: { select: { name: true } }, consentToBeNamed: true, authorName: true, author: { select: { name: true } } },
  })
  const names = new Map(rows.map((r) => [r.id, unnamedOf(r)]))
  const clean = (id: string, text: string) => withoutNames(withoutAddresses(text), names.get(id) ?? [])
  for (const section of report.sections) {
    for (const c of section.comments) {
      c.body = clean(c.id, c.body)
      if (c.proposedWording !== null) c.proposedWording = clean(c.id, c.proposedWording)
      if (c.reasoning !== null) c.reasoning = clean(c.id, c.reasoning)
    }
  }
  return report
}
