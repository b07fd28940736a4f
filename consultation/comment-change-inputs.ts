import { z } from 'zod'
import { checkbox, optionalNodeId, optionalText, sarajevoTime } from './input-fields.ts'

// The forms that change comments. Messages are translation keys (errors.*).

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
  senderConsentsToBeNamed: checkbox,
  channel: z.enum(ENTRY_CHANNELS, { error: 'errors.field.invalid' }),
  receivedAt: sarajevoTime,
  targetNodeId: optionalNodeId,
  body: z.string().trim().min(1, 'errors.field.required').max(20_000, 'errors.field.tooLong'),
  proposedWording: optionalText(20_000),
})
export type StaffEnteredComment = z.infer<typeof StaffEnteredComment>
