import { z } from 'zod'
import { checkbox, optionalNodeId, optionalText } from './input-fields.ts'

// Every form of the consultation area. Messages are translation keys (errors.*): the
// interface translates them; the domain never speaks a language.

/**
 * A comment on an open round: on one unit of the consulted text (article, paragraph or
 * point, by its stable node id) or, without `targetNodeId`, on the draft as a whole.
 * Publishing needs the person's consent; being named needs a second, separate consent.
 */
export const NewComment = z.object({
  targetNodeId: optionalNodeId,
  body: z.string().trim().min(1, 'errors.field.required').max(10_000, 'errors.field.tooLong'),
  proposedWording: optionalText(20_000),
  /** The id of an organisation the person speaks for; absent or empty: in their own name. */
  onBehalfOf: optionalText(100),
  consentToPublish: z.literal('on', { error: 'errors.comment.consentRequired' }),
  consentToBeNamed: checkbox,
  /** A reply: the id of the public comment it answers (same round, one level deep). */
  replyTo: optionalNodeId,
  /** The form's idempotency key: a second submission of the same form is the same comment. */
  clientKey: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'errors.field.invalid')
    .optional(),
})
export type NewComment = z.infer<typeof NewComment>
