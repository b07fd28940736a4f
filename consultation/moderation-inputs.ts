import { z } from 'zod'
import { MAX_REPORT_THRESHOLD, MODERATION_MODES, MODERATOR_HIDE_REASONS, REPORT_REASONS } from './moderation-rules.ts'

// The forms of moderation: the moderators' queue and a reader's report. Messages are
// translation keys (errors.*); the domain never speaks a language.

const id = z.string().trim().min(1, 'errors.field.invalid').max(64, 'errors.field.invalid').regex(/^[A-Za-z0-9_-]+$/, 'errors.field.invalid')

/** The lists of the moderators' queue: everything (waiting first), or one kind. */
export const QUEUE_VIEWS = ['all', 'pending', 'reported', 'published', 'hidden', 'withdrawn'] as const
export type QueueView = (typeof QUEUE_VIEWS)[number]

/** The queue's address: which list, which page. An empty choice means everything. */
export const QueueQuery = z.object({
  view: z
    .enum(['', ...QUEUE_VIEWS])
    .optional()
    .transform((v) => (v ? v : 'all')),
  page: z.coerce.number().int().min(1).max(1_000_000).optional(),
})
export type QueueQuery = z.infer<typeof QueueQuery>

/** Hiding a comment: one of the moderators' reasons, and a note the author receives. */
export const CommentHiding = z.object({
  reason: z.enum(MODERATOR_HIDE_REASONS, { error: 'errors.field.choose' }),
  note: z
    .string()
    .trim()
    .max(1_000, 'errors.field.tooLong')
    .optional()
    .transform((v) => (v ? v : undefined)),
})
export type CommentHiding = z.infer<typeof CommentHiding>

/** A round's moderation: pre- or post-moderation, and the readers' reports that hide a comment (0: never). */
export const ModerationSettings = z.object({
  moderationMode: z.enum(MODERATION_MODES, { error: 'errors.field.choose' }),
  reportThreshold: z.coerce
    .number({ error: 'errors.field.invalid' })
    .int('errors.field.invalid')
    .min(0, 'errors.field.invalid')
    .max(MAX_REPORT_THRESHOLD, 'errors.field.invalid'),
})
export type ModerationSettings = z.infer<typeof ModerationSettings>

/**
 * One act on the moderators' queue, named by the button pressed (`intent`): approve,
 * hide with a reason, redact (the comment's text with passages replaced by "[…]"),
 * unhide, or change the round's settings.
 */
export const ModerationAct = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('approve'), commentId: id }),
  z.object({ intent: z.literal('unhide'), commentId: id }),
  CommentHiding.extend({ intent: z.literal('hide'), commentId: id }),
  z.object({
    intent: z.literal('redact'),
    commentId: id,
    // A marker may stand for a single character, so the text may grow up to threefold.
    redactedText: z.string().min(1, 'errors.field.required').max(30_000, 'errors.field.tooLong'),
  }),
  ModerationSettings.extend({ intent: z.literal('settings') }),
])
export type ModerationAct = z.infer<typeof ModerationAct>

/** A reader's report of a comment; the reason is optional. */
export const CommentReportInput = z.object({
  reason: z
    .enum(['', ...REPORT_REASONS], { error: 'errors.field.choose' })
    .optional()
    .transform((v) => (v ? v : undefined)),
})
export type CommentReportInput = z.infer<typeof CommentReportInput>
