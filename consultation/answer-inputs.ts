import { z } from 'zod'
import { ANSWER_STATUSES, COMMENT_ANSWER_STATUSES } from './response-rules.ts'

// The forms and filters of answering comments. Messages are translation keys (errors.*).

const id = (message = 'errors.field.invalid') => z.string().trim().min(1, message).max(64, message).regex(/^[A-Za-z0-9_-]+$/, message)

/** An optional filter: an empty value means "any". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), schema.optional())

const reasoning = z.string().trim().min(1, 'errors.field.required').max(20_000, 'errors.field.tooLong')
const status = z.enum(ANSWER_STATUSES, { error: 'errors.field.choose' })

/** An answer to one comment or a group: status, reasons, and whether to publish it now. */
export const AnswerInput = z.object({
  status,
  reasoning,
  /** The button pressed: save for review, or publish. */
  intent: z.enum(['draft', 'publish'], { error: 'errors.field.invalid' }),
})
export type AnswerInput = z.infer<typeof AnswerInput>

/** A reusable answer of the institution. */
export const TemplateInput = z.object({
  title: z.string().trim().min(1, 'errors.field.required').max(200, 'errors.field.tooLong'),
  status,
  reasoning,
})
export type TemplateInput = z.infer<typeof TemplateInput>

/** The comments to assign (or publish) at once: ids and whole groups, from the list's check boxes. */
export const CommentSelection = z
  .object({
    // 400 each: with the other conditions, within the 999 values SQLite binds a statement.
    commentIds: z.array(id()).max(400, 'errors.field.invalid').default([]),
    groupKeys: z.array(id()).max(400, 'errors.field.invalid').default([]),
  })
  .refine((s) => s.commentIds.length + s.groupKeys.length > 0, { message: 'answers.errors.none-selected', path: ['form'] })
export type CommentSelection = z.infer<typeof CommentSelection>

/** Assigning the selected comments to a person; an empty assignee takes the assignment away. */
export const Assignment = z.object({
  assigneeId: optional(id()),
})

/** The version a comment's change is in; empty to remove the link. */
export const ChangeLinkInput = z.object({
  versionSeq: optional(z.coerce.number().int().min(1, 'errors.field.invalid').max(1_000_000, 'errors.field.invalid')),
})

/** The author categories of comments (Comment.authorCategory). */
export const AUTHOR_CATEGORIES = [
  'citizen', 'ngo', 'academia', 'chamber', 'public-institution', 'business', 'international', 'informal-group',
] as const

/** The answering list's filters, from its query string. */
export const AnswerFilters = z.object({
  status: optional(z.enum(COMMENT_ANSWER_STATUSES as [string, ...string[]])),
  /** draft: saved but not published; published. */
  publication: optional(z.enum(['draft', 'published'])),
  /** An article's stable id, or `general` for comments on the draft as a whole. */
  article: optional(id()),
  category: optional(z.enum(AUTHOR_CATEGORIES)),
  /** A person's id, `me`, or `none` for comments nobody has been given. */
  assignee: optional(id()),
  group: optional(id()),
  page: optional(z.coerce.number().int().min(1).max(100_000)),
})
export type AnswerFilters = z.infer<typeof AnswerFilters>
