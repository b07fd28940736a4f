import { z } from 'zod'
import { checkbox, optionalText as givenText, sarajevoTime } from './input-fields.ts'

// The forms of a round's plan. Messages are translation keys (errors.*).

/** An optional text kept as null when not given (the round's columns are nullable). */
const optionalText = (max: number) => givenText(max).transform((v) => v ?? null)

export const ROUND_STAGES = ['prednacrt', 'nacrt', 'prijedlog'] as const
export const CONSULTATION_METHODS = ['online', 'hearings', 'written'] as const
export type ConsultationMethod = (typeof CONSULTATION_METHODS)[number]
export const MODERATION_MODES = ['pre', 'post'] as const
export const ANSWER_PUBLICATION = ['immediately', 'with-report'] as const

/**
 * A round's plan: which version is consulted, when, with whom and how, who to contact, and
 * the campaign texts. `shortPeriodReason` is required only when the period is shorter
 * than the jurisdiction's minimum (checked by the domain, which knows the draft).
 */
export const RoundPlan = z
  .object({
    versionSeq: z.coerce.number({ error: 'errors.field.required' }).int('errors.field.invalid').positive('errors.field.invalid'),
    title: z.string().trim().min(1, 'errors.field.required').max(300, 'errors.field.tooLong'),
    stage: z.enum(ROUND_STAGES, { error: 'errors.field.invalid' }),
    opensAt: sarajevoTime,
    closesAt: sarajevoTime,
    targetGroups: optionalText(4_000),
    methodOnline: checkbox,
    methodHearings: checkbox,
    methodWritten: checkbox,
    contactName: optionalText(200),
    contactEmail: z
      .string()
      .trim()
      .max(254, 'errors.field.tooLong')
      .optional()
      .transform((v) => (v ? v.toLowerCase() : null))
      .pipe(z.email({ error: 'errors.email.invalid' }).nullable()),
    summary: optionalText(8_000),
    whyItMatters: optionalText(8_000),
    moderationMode: z.enum(MODERATION_MODES, { error: 'errors.field.invalid' }).default('post'),
    answersPublication: z.enum(ANSWER_PUBLICATION, { error: 'errors.field.invalid' }).default('with-report'),
    shortPeriodReason: optionalText(4_000),
  })
  .refine((plan) => plan.closesAt > plan.opensAt, { message: 'errors.round.closesBeforeOpens', path: ['closesAt'] })
  .refine((plan) => plan.methodOnline || plan.methodHearings || plan.methodWritten, {
    message: 'errors.round.noMethod',
    path: ['methodOnline'],
  })
  .transform(({ methodOnline, methodHearings, methodWritten, ...plan }) => ({
    ...plan,
    methods: CONSULTATION_METHODS.filter((m) => ({ online: methodOnline, hearings: methodHearings, written: methodWritten })[m]),
  }))
export type RoundPlan = z.output<typeof RoundPlan>

/** A public hearing: when (Sarajevo time), where, and its agenda. */
export const NewHearing = z.object({
  startsAt: sarajevoTime,
  place: z.string().trim().min(1, 'errors.field.required').max(300, 'errors.field.tooLong'),
  agenda: optionalText(4_000),
})
export type NewHearing = z.output<typeof NewHearing>

/**
 * Opening a round by hand, now: cannot be undone, and invitations go out at once, so the
 * person confirms it with a checkbox (works without JavaScript; checked on the server).
 */
export const ManualOpening = z.object({
  confirmOpen: z.literal('on', { error: 'errors.round.confirmOpen' }),
})

/** Closing a round by hand, before its schedule: why, confirmed as for the opening (it cannot be undone either). */
export const ManualClosing = z.object({
  reason: z.string().trim().min(1, 'errors.field.required').max(2_000, 'errors.field.tooLong'),
  confirmClose: z.literal('on', { error: 'errors.round.confirmClose' }),
})
