import { z } from 'zod'
import { COMMENT_CHANNELS, CONSULTATION_METHODS, PARTICIPANT_CATEGORIES, REPORT_LANGS, REPORT_STATUSES } from '../model.ts'

// The open-data form of a published report: the zod schema is the definition, and
// docs/open-data/report.schema.json is generated from it (a test keeps the two equal).
// Keys are English and values are codes, so that the data reads the same in every language;
// texts (the act, comments, answers) are in the report's language and script.

const isoDateTime = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 in UTC: 2026-11-23T10:00:00.000Z')

/** An author as published: an organisation, a person who agreed to be named, or nobody. */
const Author = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('organisation'), name: z.string() }),
    z.object({ kind: z.literal('person'), name: z.string() }),
    z.object({ kind: z.literal('anonymous') }),
  ])
  .describe('Who the comment is shown as. People are named only with their consent; e-mail addresses are never published.')

const Comment = z
  .object({
    no: z.number().int().min(1).describe('Running number in the report'),
    id: z.string().describe('Stable id of the comment (of the first comment of a campaign group)'),
    unit: z.string().nullable().describe('The provision commented on, in the act’s words ("Član 5., stav (2)"); null for the draft as a whole'),
    author: Author,
    category: z.enum(PARTICIPANT_CATEGORIES as [string, ...string[]]).describe('Participant category'),
    channel: z.enum(COMMENT_CHANNELS as [string, ...string[]]).describe('How the comment arrived'),
    submittedAt: isoDateTime,
    body: z.string().describe('The comment as published (moderators may have redacted personal data)'),
    proposedWording: z.string().nullable().describe('The wording the commenter proposed, if any'),
    status: z.enum(REPORT_STATUSES as [string, ...string[]]).describe('The answer’s status; unanswered when there is none'),
    reasoning: z.string().nullable().describe('The institution’s reasoning; null when unanswered'),
    group: z
      .object({
        count: z.number().int().min(2).describe('Comments in the group'),
        signers: z.array(z.string()).describe('Named signers: organisations and people who agreed to be named'),
        anonymousSigners: z.number().int().min(0).describe('Signers not named'),
      })
      .nullable()
      .describe('A campaign: near-identical comments shown once; null for a single comment'),
  })
  .strict()

const Section = z
  .object({
    kind: z.enum(['general', 'article', 'memorandum']),
    articleId: z.string().nullable().describe('Stable id of the article (survives renumbering); null for general comments and the memorandum'),
    label: z.string().nullable().describe('"Član 5." for an article'),
    heading: z.string().nullable(),
    commentCount: z.number().int().min(0).describe('Published comments in the section, each member of a group counted'),
    comments: z.array(Comment),
  })
  .strict()

const statusCounts = z.object(Object.fromEntries(REPORT_STATUSES.map((s) => [s, z.number().int().min(0)]))).strict()
const channelCounts = z.object(Object.fromEntries(COMMENT_CHANNELS.map((c) => [c, z.number().int().min(0)]))).strict()

/** A published consultation report as open data. */
export const OpenDataReport = z
  .object({
    schemaVersion: z.literal('1.0'),
    language: z.enum(REPORT_LANGS as [string, ...string[]]).describe('Language and script of the texts'),
    act: z
      .object({
        title: z.string(),
        slug: z.string().describe('The draft’s address on the platform: /drafts/<slug>'),
        documentType: z.string().describe('law, bylaw or standard'),
        stage: z.string().describe('Stage of the consulted text: prednacrt, nacrt or prijedlog'),
        institution: z.string(),
        version: z.object({ seq: z.number().int().min(1), name: z.string() }).strict(),
      })
      .strict(),
    round: z
      .object({
        id: z.string(),
        title: z.string(),
        opensAt: isoDateTime,
        closesAt: isoDateTime,
        days: z.number().int().describe('Calendar days the round ran, opening and closing days included, Europe/Sarajevo'),
        minimumDays: z.number().int().describe('The shortest period the jurisdiction’s rules allow without a stated reason'),
        shortPeriodReason: z.string().nullable().describe('Why the period was shorter than the minimum, where it was'),
        methods: z.array(z.enum(CONSULTATION_METHODS as [string, ...string[]])),
        hearings: z.array(z.object({ startsAt: isoDateTime, place: z.string(), agenda: z.string().nullable() }).strict()),
        reportPublishedAt: isoDateTime.nullable(),
      })
      .strict(),
    participants: z.array(
      z.object({ category: z.enum(PARTICIPANT_CATEGORIES as [string, ...string[]]), participants: z.number().int().min(0), comments: z.number().int().min(0) }).strict(),
    ),
    counts: z
      .object({
        received: z.number().int().min(0).describe('Comments received and not withdrawn'),
        published: z.number().int().min(0),
        notPublished: z.number().int().min(0).describe('Hidden by moderators, awaiting approval, or without consent to publish: counted, not shown'),
        withdrawn: z.number().int().min(0),
        participants: z.number().int().min(0),
        groups: z.number().int().min(0),
        groupedComments: z.number().int().min(0),
        byStatus: statusCounts.describe('Published comments by the status of their answer'),
        byChannel: channelCounts,
      })
      .strict(),
    sections: z.array(Section).describe('General comments, the articles in the draft’s order, the memorandum'),
  })
  .strict()
  .describe('Report on a public consultation round, as published on Nacrt')
export type OpenDataReport = z.infer<typeof OpenDataReport>


/** The JSON Schema of the open data, as docs/open-data/report.schema.json holds it. */
export function openDataJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(OpenDataReport, { target: 'draft-2020-12' }) as Record<string, unknown>
  return { $schema, $id: 'urn:nacrt:open-data:consultation-report:1.0', title: 'Nacrt: report on a public consultation (open data)', ...schema }
}
