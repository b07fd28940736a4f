import type { DocumentOutline, OutlineArticle, OutlineBlock } from '../../drafting/outline.ts'
import { documentTypeOf, unitNames } from '../../drafting/document-types.ts'
import { transliterate } from '../../drafting/transliteration.ts'
import { articlesOf } from '../comment-targets.ts'
import {
  COMMENT_CHANNELS, CONSULTATION_METHODS, PARTICIPANT_CATEGORIES, REPORT_STATUSES, langParts,
  type AnswerStatus, type CommentChannel, type ConsolidatedReport, type ConsultationMethod, type ParticipantCategory,
  type ReportAudience, type ReportAuthor, type ReportData, type ReportLang, type ReportRow, type ReportSection,
  type ReportSourceComment, type ReportStatus,
} from './model.ts'
import { calendarDays } from '../sarajevo-time.ts'

// The consolidated report, assembled from a round's data: pure, no I/O, no clock.
//
// Rules it keeps:
// - a person is named only with their consent to be named (Comment.authorName); a comment
//   made for an organisation is shown as the organisation; everyone else is anonymous.
//   Nothing else about an author (no e-mail, no account) is in ReportData to begin with;
// - withdrawn comments are counted as withdrawn and nothing more;
// - for the public, comments that moderators hid, that await approval or whose author did
//   not consent to publication are counted, never shown; redacted comments show the
//   redacted text; answers show once published. Staff see everything, marked;
// - a campaign group (same groupKey) is one row, with the number of comments and who
//   signed them; every member counts in the figures, with the group's answer;
// - sections: general comments, then each article with comments in the draft's order,
//   then the memorandum; inside a section, comments follow the text, then arrive in time.

/** How to assemble: the report's language and script, and who reads it. */
export interface AssembleOptions {
  lang: ReportLang
  audience: ReportAudience
}

const ANSWERS = new Set<string>(['accepted', 'partly-accepted', 'rejected', 'noted'])
const CATEGORIES = new Set<string>(PARTICIPANT_CATEGORIES)
const CHANNELS = new Set<string>(COMMENT_CHANNELS)
const METHODS = new Set<string>(CONSULTATION_METHODS)

/** An organisation's kind as a participant category (Organisation.kind → ParticipantCategory). */
const CATEGORY_OF_KIND: Record<string, ParticipantCategory> = {
  ministry: 'public-institution',
  'public-institution': 'public-institution',
  ngo: 'ngo',
  union: 'ngo',
  international: 'international',
  'professional-body': 'chamber',
  chamber: 'chamber',
  business: 'business',
  academia: 'academia',
  'informal-group': 'informal-group',
}

/** The category a comment counts under: given by staff, else from its organisation, else a citizen. */
export function categoryOf(c: Pick<ReportSourceComment, 'authorCategory' | 'organisation'>): ParticipantCategory {
  if (c.authorCategory !== 'citizen' && CATEGORIES.has(c.authorCategory)) return c.authorCategory as ParticipantCategory
  if (c.organisation) return CATEGORY_OF_KIND[c.organisation.kind] ?? 'ngo'
  return 'citizen'
}

/** Who a comment is shown as (see the rules above). */
export function authorOf(c: Pick<ReportSourceComment, 'organisation' | 'consentToBeNamed' | 'authorName'>): ReportAuthor {
  if (c.organisation) return { kind: 'organisation', name: c.organisation.name }
  if (c.consentToBeNamed && c.authorName) return { kind: 'person', name: c.authorName }
  return { kind: 'anonymous' }
}

/** Whether anyone may read the comment's text. */
function isPublic(c: ReportSourceComment): boolean {
  return c.status === 'published' && c.consentToPublish && c.withdrawnAt === null
}

/** Where each unit of the text is: its article, labels, and its place in reading order. */
interface UnitPlace {
  article: OutlineArticle
  paragraphLabel: string | null
  pointLabel: string | null
  order: number
}

function placesOf(outline: DocumentOutline): Map<string, UnitPlace> {
  const places = new Map<string, UnitPlace>()
  let order = 0
  for (const article of articlesOf(outline)) {
    places.set(article.id, { article, paragraphLabel: null, pointLabel: null, order: order++ })
    for (const paragraph of article.paragraphs) {
      places.set(paragraph.id, { article, paragraphLabel: paragraph.label, pointLabel: null, order: order++ })
      const walk = (blocks: OutlineBlock[], point: string | null) => {
        for (const b of blocks) {
          if (b.kind === 'text') continue
          // Sub-points and indents are not commented on alone; they count as their point.
          const label = b.kind === 'point' ? b.label : point
          places.set(b.id, { article, paragraphLabel: paragraph.label, pointLabel: label, order: order++ })
          if (b.kind !== 'indent') walk(b.blocks, label)
        }
      }
      walk(paragraph.blocks, null)
    }
  }
  return places
}

/** The effective answer of a comment for an audience: published answers only for the public. */
function answerOf(c: ReportSourceComment, audience: ReportAudience) {
  const r = c.response
  if (!r || !ANSWERS.has(r.status)) return null
  if (audience === 'public' && r.publishedAt === null) return null
  return r
}

/**
 * The consolidated report of a round in a language and script, for the public or for
 * staff. Pure: the same data gives the same report.
 */
export function assembleReport(data: ReportData, options: AssembleOptions): ConsolidatedReport {
  const { lang, audience } = options
  const { language, script } = langParts(lang)
  // Serbian reports are in one script throughout; other languages quote texts as written.
  const text = language === 'sr' ? (s: string) => transliterate(s, script) : (s: string) => s
  const maybe = (s: string | null) => (s === null ? null : text(s))

  const type = documentTypeOf(data.draft.documentType)
  const names = unitNames(type, { language: data.draft.language, script: data.draft.script })
  const standard = type === 'standard'
  const places = placesOf(data.outline)
  const memorandumSections = new Map((data.outline.memorandum?.sections ?? []).map((s) => [s.id, s.heading]))

  const unitLabel = (c: ReportSourceComment): string | null => {
    if (c.targetKind === 'memorandum') {
      const heading = c.targetNodeId ? memorandumSections.get(c.targetNodeId) : undefined
      return text(heading ? `${data.outline.memorandum?.label ?? ''}, ${heading}` : (data.outline.memorandum?.label ?? ''))
    }
    const place = places.get(c.targetNodeId ?? '') ?? places.get(c.articleNodeId ?? '')
    if (!place) return null
    const parts = [place.article.label]
    if (place.paragraphLabel) parts.push(standard ? place.paragraphLabel : `${names.paragraph} ${place.paragraphLabel}`)
    if (place.pointLabel) parts.push(standard ? place.pointLabel : `${names.point} ${place.pointLabel}`)
    return text(parts.join(', '))
  }

  // Figures count every comment received; the table shows what the audience may read.
  const received = data.comments.filter((c) => c.withdrawnAt === null)
  const shown = audience === 'public' ? received.filter(isPublic) : received
  const published = received.filter(isPublic)

  const byChannel = Object.fromEntries(COMMENT_CHANNELS.map((ch) => [ch, 0])) as Record<CommentChannel, number>
  const perCategory = new Map<ParticipantCategory, { people: Set<string>; comments: number }>()
  const everyone = new Set<string>()
  for (const c of received) {
    byChannel[CHANNELS.has(c.channel) ? (c.channel as CommentChannel) : 'online']++
    const category = categoryOf(c)
    const who = c.organisation ? `o:${c.organisation.id}` : c.authorId ? `u:${c.authorId}` : `c:${c.id}`
    const entry = perCategory.get(category) ?? { people: new Set<string>(), comments: 0 }
    entry.people.add(who)
    entry.comments++
    perCategory.set(category, entry)
    everyone.add(who)
  }

  // Campaign groups: members the audience may read, the first by time represents them.
  const byTime = (a: ReportSourceComment, b: ReportSourceComment) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  const groups = new Map<string, ReportSourceComment[]>()
  for (const c of shown) {
    if (c.groupKey === null) continue
    const members = groups.get(c.groupKey)
    if (members) members.push(c)
    else groups.set(c.groupKey, [c])
  }
  const representativeOf = new Map<string, ReportSourceComment>()
  for (const [key, members] of groups) {
    if (members.length < 2) {
      groups.delete(key)
      continue
    }
    members.sort(byTime)
    representativeOf.set(key, members.find((m) => m.id === key) ?? members[0]!)
  }
  const groupAnswer = (key: string) => {
    const members = groups.get(key)!
    const rep = representativeOf.get(key)!
    return answerOf(rep, audience) ?? members.map((m) => answerOf(m, audience)).find((a) => a !== null) ?? null
  }
  const effectiveAnswer = (c: ReportSourceComment) =>
    answerOf(c, audience) ?? (c.groupKey !== null && groups.has(c.groupKey) ? groupAnswer(c.groupKey) : null)

  const byStatus = Object.fromEntries(REPORT_STATUSES.map((s) => [s, 0])) as Record<ReportStatus, number>
  for (const c of published) byStatus[(effectiveAnswer(c)?.status as AnswerStatus | undefined) ?? 'unanswered']++

  // Rows, placed in their sections.
  const general: { c: ReportSourceComment; order: number }[] = []
  const memorandum: { c: ReportSourceComment; order: number }[] = []
  const perArticle = new Map<string, { c: ReportSourceComment; order: number }[]>()
  const countFor = new Map<string, number>()
  const count = (key: string, c: ReportSourceComment) => {
    if (isPublic(c)) countFor.set(key, (countFor.get(key) ?? 0) + 1)
  }
  for (const c of shown) {
    const inGroup = c.groupKey !== null && groups.has(c.groupKey)
    const representative = inGroup ? representativeOf.get(c.groupKey!)! : c
    const place = places.get(representative.targetNodeId ?? '') ?? places.get(representative.articleNodeId ?? '')
    const key = representative.targetKind === 'memorandum' ? 'memorandum' : place ? place.article.id : 'general'
    count(key, c)
    if (representative !== c) continue
    const item = { c, order: place?.order ?? -1 }
    if (key === 'memorandum') memorandum.push(item)
    else if (key === 'general') general.push(item)
    else {
      const list = perArticle.get(key)
      if (list) list.push(item)
      else perArticle.set(key, [item])
    }
  }

  let no = 0
  const rowOf = ({ c }: { c: ReportSourceComment }): ReportRow => {
    const group = c.groupKey !== null && groups.has(c.groupKey) ? groups.get(c.groupKey)! : null
    const answer = group ? groupAnswer(c.groupKey!) : answerOf(c, audience)
    const author = authorOf(c)
    let signers: ReportRow['group'] = null
    if (group) {
      const named: string[] = []
      let anonymous = 0
      for (const m of group) {
        const a = authorOf(m)
        if (a.kind === 'anonymous') anonymous++
        else if (!named.includes(a.name)) named.push(a.name)
      }
      signers = { count: group.length, signers: named.map(text), anonymousSigners: anonymous }
    }
    const visibility: ReportRow['visibility'] = isPublic(c) ? 'published' : c.status === 'pending' ? 'pending' : 'hidden'
    return {
      no: ++no,
      commentId: c.id,
      unit: unitLabel(c),
      author: author.kind === 'anonymous' ? author : { kind: author.kind, name: text(author.name) },
      category: categoryOf(c),
      channel: CHANNELS.has(c.channel) ? (c.channel as CommentChannel) : 'online',
      createdAt: c.createdAt,
      body: text(audience === 'public' ? (c.redactedBody ?? c.body) : c.body),
      proposedWording: maybe(c.proposedWording),
      status: (answer?.status as AnswerStatus | undefined) ?? 'unanswered',
      reasoning: answer ? text(answer.reasoning) : null,
      answerDraft: answer !== null && answer.publishedAt === null,
      change: answer?.changeVersionId && answer.changeNodeId ? { versionId: answer.changeVersionId, nodeId: answer.changeNodeId } : null,
      group: signers,
      visibility,
      hiddenReason: visibility === 'published' ? null : c.hiddenReason,
    }
  }
  const inOrder = (items: { c: ReportSourceComment; order: number }[]) =>
    [...items].sort((a, b) => a.order - b.order || byTime(a.c, b.c)).map(rowOf)

  const sections: ReportSection[] = []
  sections.push({ kind: 'general', articleId: null, label: null, heading: null, commentCount: countFor.get('general') ?? 0, rows: inOrder(general) })
  for (const article of articlesOf(data.outline)) {
    const items = perArticle.get(article.id)
    if (!items) continue
    sections.push({
      kind: 'article',
      articleId: article.id,
      label: text(article.label),
      heading: maybe(article.heading),
      commentCount: countFor.get(article.id) ?? 0,
      rows: inOrder(items),
    })
  }
  if (data.outline.memorandum || memorandum.length > 0) {
    sections.push({ kind: 'memorandum', articleId: null, label: null, heading: null, commentCount: countFor.get('memorandum') ?? 0, rows: inOrder(memorandum) })
  }

  const publishedGroups = [...groups.values()].filter((members) => members.some(isPublic))
  return {
    lang,
    audience,
    act: {
      title: text(data.draft.title),
      slug: data.draft.slug,
      documentType: data.draft.documentType,
      stage: data.round.stage,
      institution: text(data.institution.name),
      version: { seq: data.version.seq, name: text(data.version.name) },
    },
    round: {
      id: data.round.id,
      title: text(data.round.title),
      opensAt: data.round.opensAt,
      closesAt: data.round.closesAt,
      days: calendarDays(data.round.opensAt, data.round.closesAt),
      minimumDays: data.round.minimumDays,
      shortPeriodReason: maybe(data.round.shortPeriodReason),
      methods: data.round.methods.filter((m): m is ConsultationMethod => METHODS.has(m)),
      hearings: [...data.hearings]
        .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime())
        .map((h) => ({ startsAt: h.startsAt, place: text(h.place), agenda: maybe(h.agenda) })),
      contactName: maybe(data.round.contactName),
      reportPublishedAt: data.round.reportPublishedAt,
    },
    participants: PARTICIPANT_CATEGORIES.flatMap((category) => {
      const entry = perCategory.get(category)
      return entry ? [{ category, participants: entry.people.size, comments: entry.comments }] : []
    }),
    counts: {
      received: received.length,
      published: published.length,
      notPublished: received.length - published.length,
      withdrawn: data.comments.length - received.length,
      participants: everyone.size,
      groups: publishedGroups.length,
      groupedComments: publishedGroups.reduce((n, members) => n + members.filter(isPublic).length, 0),
      byStatus,
      byChannel,
    },
    sections,
    rowCount: no,
  }
}

/** A comment the institution has not answered yet: what the publish warning names. */
export interface UnansweredComment {
  no: number
  commentId: string
  /** The article's label, or null for general comments and the memorandum (see `section`). */
  section: ReportSection['kind']
  sectionLabel: string | null
  unit: string | null
  author: ReportAuthor
  /** The first words of the comment. */
  excerpt: string
  /** Comments in its campaign group, 1 for a single comment. */
  count: number
  /** It has an answer, but only a draft: the published report would show it unanswered. */
  draftAnswer: boolean
}

/**
 * The published comments that the published report would show without an answer, in
 * report order: those with no answer, and (in a staff report) those whose answer is still
 * a draft. Hidden comments need none.
 */
export function unanswered(report: ConsolidatedReport): UnansweredComment[] {
  return report.sections.flatMap((section) =>
    section.rows
      .filter((row) => (row.status === 'unanswered' || row.answerDraft) && row.visibility === 'published')
      .map((row) => ({
        no: row.no,
        commentId: row.commentId,
        section: section.kind,
        sectionLabel: section.label,
        unit: row.unit,
        author: row.author,
        excerpt: excerpt(row.body, 120),
        count: row.group?.count ?? 1,
        draftAnswer: row.answerDraft,
      })),
  )
}

/** The first words of a text, at most `max` characters, cut at a word. */
export function excerpt(body: string, max: number): string {
  const flat = body.replace(/\s+/g, ' ').trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max - 1)
  const space = cut.lastIndexOf(' ')
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`
}
