import type { DocumentOutline } from '../../drafting/outline.ts'
import type { DraftLanguage, DraftScript } from '../../drafting/language.ts'

// The consolidated report on a consultation round: what it is assembled from (ReportData,
// read by load.ts) and what it is (ConsolidatedReport, made by assemble.ts). Plain values
// only, so that the report can be assembled, tested and exported without a database.

/** The language variant and script of a report: the five interface locales. */
export type ReportLang = 'bs' | 'hr' | 'sr-Latn' | 'sr-Cyrl' | 'en'
export const REPORT_LANGS: readonly ReportLang[] = ['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en']

/** A report language as a language variant and a script: `sr-Cyrl` → sr, cyrl. */
export function langParts(lang: ReportLang): { language: DraftLanguage | 'en'; script: DraftScript } {
  if (lang === 'sr-Cyrl') return { language: 'sr', script: 'cyrl' }
  if (lang === 'sr-Latn') return { language: 'sr', script: 'latn' }
  return { language: lang, script: 'latn' }
}

/** The report language of a language variant and script; Cyrillic only exists for Serbian. */
export function reportLang(language: DraftLanguage | 'en', script: DraftScript = 'latn'): ReportLang {
  if (language === 'sr') return script === 'cyrl' ? 'sr-Cyrl' : 'sr-Latn'
  return language
}

/**
 * Who reads the report. `public`: anyone, once it is published; comments that moderators
 * hid or that await approval are counted but their text is left out, and only published
 * answers are shown. `staff`: the institution's people preparing it; hidden comments are
 * listed, marked as hidden, and draft answers are shown as drafts.
 */
export type ReportAudience = 'public' | 'staff'

/** The institution's answer to a comment. */
export type AnswerStatus = 'accepted' | 'partly-accepted' | 'rejected' | 'noted'
export const ANSWER_STATUSES: readonly AnswerStatus[] = ['accepted', 'partly-accepted', 'rejected', 'noted']
/** A comment's standing in the report: its answer, or none yet. */
export type ReportStatus = AnswerStatus | 'unanswered'
export const REPORT_STATUSES: readonly ReportStatus[] = [...ANSWER_STATUSES, 'unanswered']

/** Who took part, as the consultation rules group them. */
export type ParticipantCategory =
  | 'citizen' | 'ngo' | 'academia' | 'chamber' | 'public-institution' | 'business' | 'international' | 'informal-group'
export const PARTICIPANT_CATEGORIES: readonly ParticipantCategory[] = [
  'citizen', 'ngo', 'informal-group', 'academia', 'chamber', 'business', 'public-institution', 'international',
]

/** How a comment reached the institution. */
export type CommentChannel = 'online' | 'letter' | 'email' | 'hearing'
export const COMMENT_CHANNELS: readonly CommentChannel[] = ['online', 'letter', 'email', 'hearing']

/** How the public was consulted (Round.methods). */
export type ConsultationMethod = 'online' | 'hearings' | 'written'
export const CONSULTATION_METHODS: readonly ConsultationMethod[] = ['online', 'hearings', 'written']

/** One comment as load.ts reads it. Nothing about the author's account but the pseudonymous id. */
export interface ReportSourceComment {
  id: string
  createdAt: Date
  /** draft, article, paragraph, point or memorandum */
  targetKind: string
  targetNodeId: string | null
  articleNodeId: string | null
  body: string
  /** The public text where a moderator redacted a passage. */
  redactedBody: string | null
  proposedWording: string | null
  /** published, pending or hidden */
  status: string
  hiddenReason: string | null
  withdrawnAt: Date | null
  consentToPublish: boolean
  consentToBeNamed: boolean
  /** The name as published, kept only with the consent to be named. */
  authorName: string | null
  /** Only to count distinct participants; never shown. */
  authorId: string | null
  channel: string
  authorCategory: string
  organisation: { id: string; name: string; kind: string } | null
  /** Campaign group: comments with the same key are near-identical. */
  groupKey: string | null
  response: {
    status: string
    reasoning: string
    publishedAt: Date | null
    changeVersionId: string | null
    changeNodeId: string | null
  } | null
}

/** Everything a round's report is assembled from. */
export interface ReportData {
  round: {
    id: string
    title: string
    /** prednacrt, nacrt or prijedlog */
    stage: string
    opensAt: Date
    closesAt: Date
    shortPeriodReason: string | null
    /** The shortest period the draft's jurisdiction allows without a stated reason (consultation/jurisdictions.ts). */
    minimumDays: number
    /** Round.methods: online, hearings, written. */
    methods: string[]
    contactName: string | null
    reportPublishedAt: Date | null
  }
  draft: { slug: string; title: string; documentType: string; language: DraftLanguage; script: DraftScript }
  institution: { name: string }
  version: { seq: number; name: string }
  /** The consulted version laid out in the draft's own language and script. */
  outline: DocumentOutline
  hearings: { startsAt: Date; place: string; agenda: string | null }[]
  comments: ReportSourceComment[]
}

/** Who a comment is shown as: its organisation, the person who agreed to be named, or nobody. */
export type ReportAuthor = { kind: 'organisation'; name: string } | { kind: 'person'; name: string } | { kind: 'anonymous' }

/** One line of the comment table: a comment, or a campaign group shown once. */
export interface ReportRow {
  /** Running number in the whole report, 1, 2, … */
  no: number
  commentId: string
  /** The unit commented on, in the act's words: "Član 5., stav (2), tačka a)"; null for the draft as a whole. */
  unit: string | null
  author: ReportAuthor
  category: ParticipantCategory
  channel: CommentChannel
  createdAt: Date
  body: string
  proposedWording: string | null
  status: ReportStatus
  reasoning: string | null
  /** Staff only: the answer exists but is not published yet (it will be, with the report). */
  answerDraft: boolean
  /** The change the comment led to, where the answer names one. */
  change: { versionId: string; nodeId: string } | null
  /** A campaign group: how many comments, who signed them (named ones), how many did so anonymously. */
  group: { count: number; signers: string[]; anonymousSigners: number } | null
  /** published; staff also see hidden and pending comments, marked. */
  visibility: 'published' | 'hidden' | 'pending'
  hiddenReason: string | null
}

/** A part of the comment table: general comments, one article, or the memorandum. */
export interface ReportSection {
  kind: 'general' | 'article' | 'memorandum'
  /** The article's stable id; null for the other two. */
  articleId: string | null
  /** "Član 5." for an article; null for the other two (exports name them in their language). */
  label: string | null
  heading: string | null
  /** Published comments in this section, each member of a group counted. */
  commentCount: number
  rows: ReportRow[]
}

/** The consolidated report of a round, in one language and script, for one audience. */
export interface ConsolidatedReport {
  lang: ReportLang
  audience: ReportAudience
  act: {
    title: string
    slug: string
    documentType: string
    /** The stage of the consulted text: prednacrt, nacrt or prijedlog. */
    stage: string
    institution: string
    version: { seq: number; name: string }
  }
  round: {
    id: string
    title: string
    opensAt: Date
    closesAt: Date
    /** Calendar days the round ran, the opening and closing days included, in Europe/Sarajevo. */
    days: number
    minimumDays: number
    /** Why the period was shorter than the minimum, as the institution recorded it. */
    shortPeriodReason: string | null
    methods: ConsultationMethod[]
    hearings: { startsAt: Date; place: string; agenda: string | null }[]
    contactName: string | null
    reportPublishedAt: Date | null
  }
  /** Participants and their comments per category, in PARTICIPANT_CATEGORIES order; empty categories left out. */
  participants: { category: ParticipantCategory; participants: number; comments: number }[]
  counts: {
    /** Every comment received and not withdrawn. */
    received: number
    /** Those published (the rest were hidden by moderators, await approval, or lack consent). */
    published: number
    notPublished: number
    withdrawn: number
    /** Distinct participants (people and organisations). */
    participants: number
    /** Campaign groups among published comments, and how many comments they hold. */
    groups: number
    groupedComments: number
    /** Published comments by the status of their answer. */
    byStatus: Record<ReportStatus, number>
    /** Received comments by how they arrived. */
    byChannel: Record<CommentChannel, number>
  }
  /** General comments, the articles in the draft's order, the memorandum. */
  sections: ReportSection[]
  /** How many rows the sections hold: the exporters' progress total. */
  rowCount: number
}
