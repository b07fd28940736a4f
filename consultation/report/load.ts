import { cleanPublicText } from '../public-text.ts'
import type { Db } from '../../drafting/db.ts'
import { loadDocument } from '../../drafting/document.ts'
import { documentTypeOf } from '../../drafting/document-types.ts'
import type { DraftLanguage, DraftScript } from '../../drafting/language.ts'
import type { NumberingMode } from '../../drafting/numbering.ts'
import { outlineDocument } from '../../drafting/outline.ts'
import { jurisdictionProfile } from '../jurisdictions.ts'
import type { ReportAudience, ReportData, ReportSourceComment } from './model.ts'

/**
 * Reads everything a round's report is assembled from: the round with its plan and
 * hearings, the draft and its institution, the consulted version laid out in the draft's
 * own language and script, and every comment with its organisation, answer and campaign
 * group. Authors' accounts are never read: no e-mail address, no account name; a person's
 * name only as Comment.authorName, which exists only with their consent.
 *
 * For the public audience the text of comments nobody may read (hidden, awaiting approval,
 * without consent to publish, withdrawn) is blanked here already, so that it cannot reach
 * a public export whatever happens later. Null when there is no such round.
 */
export async function loadReportData(db: Db, roundId: string, options: { audience: ReportAudience }): Promise<ReportData | null> {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      id: true, title: true, stage: true, opensAt: true, closesAt: true, shortPeriodReason: true, methods: true,
      contactName: true, reportPublishedAt: true,
      draft: {
        select: {
          slug: true, title: true, documentType: true, language: true, script: true, numberingMode: true, jurisdiction: true,
          owner: { select: { name: true } },
        },
      },
      version: { select: { seq: true, name: true, doc: true } },
      hearings: { select: { startsAt: true, place: true, agenda: true }, orderBy: { startsAt: 'asc' } },
    },
  })
  if (!round) return null
  const rows = await db.comment.findMany({
    where: { roundId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true, createdAt: true, targetKind: true, targetNodeId: true, articleNodeId: true, body: true, redactedBody: true,
      proposedWording: true, status: true, hiddenReason: true, withdrawnAt: true, consentToPublish: true, consentToBeNamed: true,
      authorName: true, authorId: true, channel: true, authorCategory: true, groupKey: true,
      organisation: { select: { id: true, name: true, kind: true } },
      response: { select: { status: true, reasoning: true, publishedAt: true, changeVersionId: true, changeNodeId: true } },
      // Read only to keep an unnamed author's own name out of the public texts.
      author: { select: { name: true } },
    },
  })
  const language = round.draft.language as DraftLanguage
  const script = round.draft.script as DraftScript
  const outline = outlineDocument(
    loadDocument(round.version.doc),
    { language, script },
    (round.draft.numberingMode === 'frozen' ? 'frozen' : 'continuous') as NumberingMode,
    documentTypeOf(round.draft.documentType),
  )
  const comments: ReportSourceComment[] = rows.map(({ author, ...c }) => {
    const readable = c.status === 'published' && c.consentToPublish && c.withdrawnAt === null
    const comment: ReportSourceComment = {
      ...c,
      // The name only with the consent to be named, whatever was stored.
      authorName: c.consentToBeNamed ? c.authorName : null,
    }
    if (options.audience === 'public' && !readable) {
      return { ...comment, body: '', redactedBody: null, proposedWording: null, hiddenReason: null, response: null }
    }
    if (options.audience === 'public') {
      // No addresses, and not the name of an author who did not agree to be named.
      const names = !c.organisation && !comment.authorName && author?.name ? [author.name] : []
      const clean = (text: string) => cleanPublicText(text, names)
      return {
        ...comment,
        body: clean(comment.body),
        redactedBody: comment.redactedBody === null ? null : clean(comment.redactedBody),
        proposedWording: comment.proposedWording === null ? null : clean(comment.proposedWording),
        response: comment.response && { ...comment.response, reasoning: clean(comment.response.reasoning) },
      }
    }
    return comment
  })
  return {
    round: {
      id: round.id,
      title: round.title,
      stage: round.stage,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      shortPeriodReason: round.shortPeriodReason,
      minimumDays: jurisdictionProfile(round.draft.jurisdiction).minimumDays,
      methods: Array.isArray(round.methods) ? round.methods.filter((m): m is string => typeof m === 'string') : [],
      contactName: round.contactName,
      reportPublishedAt: round.reportPublishedAt,
    },
    draft: { slug: round.draft.slug, title: round.draft.title, documentType: round.draft.documentType, language, script },
    institution: { name: round.draft.owner.name },
    version: { seq: round.version.seq, name: round.version.name },
    outline,
    hearings: round.hearings,
    comments,
  }
}
