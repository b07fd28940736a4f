import { z } from 'zod'
import { fromSarajevoLocal } from './sarajevo-time.ts'

// The forms that change comments. Messages are translation keys (errors.*).

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.field.tooLong')
    .optional()
    .transform((v) => (v ? v : undefined))

/** A new text for one's own comment. */
export const CommentEdit = z.object({
  body: z.string().trim().min(1, 'errors.field.required').max(10_000, 'errors.field.tooLong'),
  proposedWording: optionalText(20_000),
})
export type CommentEdit = z.infer<typeof CommentEdit>

export const ENTRY_CHANNELS = ['letter', 'email', 'hearing'] as const
export const SENDER_CATEGORIES = ['citizen', 'ngo', 'academia', 'chamber', 'public-institution', 'business', 'international', 'informal-group'] as const

/** A comment staff enter for its sender: who sent it, how, when it was received, and what it says. */
export const StaffEnteredComment = z.object({
  senderName: z.string().trim().min(1, 'errors.field.required').max(200, 'errors.field.tooLong'),
  senderCategory: z.enum(SENDER_CATEGORIES, { error: 'errors.field.invalid' }),
  senderConsentsToBeNamed: z
    .literal('on', { error: 'errors.field.invalid' })
    .optional()
    .transform((v) => v === 'on'),
  channel: z.enum(ENTRY_CHANNELS, { error: 'errors.field.invalid' }),
  receivedAt: z
    .string()
    .trim()
    .min(1, 'errors.field.required')
    .transform((value, ctx) => {
      const instant = fromSarajevoLocal(value)
      if (!instant) {
        ctx.addIssue({ code: 'custom', message: 'errors.round.badTime' })
        return z.NEVER
      }
      return instant
    }),
  targetNodeId: z
    .string()
    .trim()
    .max(64, 'errors.field.invalid')
    .regex(/^[A-Za-z0-9_-]*$/, 'errors.field.invalid')
    .optional()
    .transform((v) => (v ? v : undefined)),
  body: z.string().trim().min(1, 'errors.field.required').max(20_000, 'errors.field.tooLong'),
  proposedWording: optionalText(20_000),
})
export type StaffEnteredComment = z.infer<typeof StaffEnteredComment>
