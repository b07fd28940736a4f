import { z } from 'zod'
import { fromSarajevoLocal } from './sarajevo-time.ts'

// The fields the consultation forms share. Messages are translation keys (errors.*): the
// interface translates them; the domain never speaks a language.

/** An optional text field: an empty or blank value means "not given" (undefined). */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors.field.tooLong')
    .optional()
    .transform((v) => (v ? v : undefined))

/** A checkbox: checked sends "on", unchecked sends nothing. */
export const checkbox = z
  .literal('on', { error: 'errors.field.invalid' })
  .optional()
  .transform((v) => v === 'on')

/** The stable id of a unit of the text (article, paragraph, point, memorandum section), or nothing. */
export const optionalNodeId = z
  .string()
  .trim()
  .max(64, 'errors.field.invalid')
  .regex(/^[A-Za-z0-9_-]*$/, 'errors.field.invalid')
  .optional()
  .transform((v) => (v ? v : undefined))

/** A `datetime-local` value read as a wall-clock time in Sarajevo. */
export const sarajevoTime = z
  .string({ error: 'errors.field.required' })
  .trim()
  .min(1, 'errors.field.required')
  .transform((value, ctx) => {
    const instant = fromSarajevoLocal(value)
    if (!instant) {
      ctx.addIssue({ code: 'custom', message: 'errors.round.badTime' })
      return z.NEVER
    }
    return instant
  })
