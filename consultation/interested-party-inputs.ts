import { z } from 'zod'
import { checkbox, optionalText } from './input-fields.ts'
import { PARTY_CATEGORIES } from './interested-party-listing.ts'
import { QUARTER_PATTERN } from './plan-quarters.ts'

// The forms of institutions' interested-parties lists and plans. Messages are translation
// keys (errors.*): the interface translates them; the domain never speaks a language.

const id = z.string().trim().min(1, 'errors.form.unreadable').max(64, 'errors.form.unreadable').regex(/^[A-Za-z0-9_-]+$/, 'errors.form.unreadable')

/**
 * A signed-in person asks to be put on an institution's list: in their own name (the
 * account's name and e-mail), or for a verified organisation they belong to. Being kept on
 * the list needs their consent; being named on the public list needs a second one
 * (organisations are always named).
 */
export const ListingRequest = z.object({
  /** The id of an organisation the person speaks for; absent or empty: in their own name. */
  onBehalfOf: optionalText(64),
  consentToBeKept: z.literal('on', { error: 'errors.parties.consentRequired' }),
  listedPublicly: checkbox,
})
export type ListingRequest = z.infer<typeof ListingRequest>

/**
 * A written request (letter, e-mail, form handed in) that the institution's staff enter
 * for someone: a person, or an organisation with the person to write to. An organisation
 * needs its name; `listedPublicly` records whether an individual agreed to be named.
 */
export const WrittenRequest = z
  .object({
    name: z.string().trim().min(2, 'errors.field.required').max(200, 'errors.field.tooLong'),
    email: z.string().trim().toLowerCase().max(254, 'errors.field.tooLong').email('errors.field.email'),
    organisationName: optionalText(200),
    category: z.enum(PARTY_CATEGORIES, { error: 'errors.field.choose' }),
    listedPublicly: checkbox,
  })
  .superRefine((value, ctx) => {
    if (value.category !== 'citizen' && !value.organisationName) {
      ctx.addIssue({ code: 'custom', path: ['organisationName'], message: 'errors.parties.organisationRequired' })
    }
  })
export type WrittenRequest = z.infer<typeof WrittenRequest>

/**
 * Someone without an account asks to be put on the list; the entry is made only when they
 * open the link e-mailed to the address. The same rule as a written request: an
 * organisation needs its name. Being kept needs consent; an individual is named publicly
 * only if they agree. `website` is a field people never see: a bot that fills it is
 * answered as if it worked, and nothing is kept.
 */
export const EmailListingRequest = z
  .object({
    name: z.string().trim().min(2, 'errors.field.required').max(200, 'errors.field.tooLong'),
    email: z.string().trim().toLowerCase().max(254, 'errors.field.tooLong').email('errors.field.email'),
    organisationName: optionalText(200),
    category: z.enum(PARTY_CATEGORIES, { error: 'errors.field.choose' }),
    consentToBeKept: z.literal('on', { error: 'errors.parties.consentRequired' }),
    listedPublicly: checkbox,
    website: z.string().max(500, 'errors.field.tooLong').optional().transform((v) => v?.trim() ?? ''),
  })
  .superRefine((value, ctx) => {
    if (value.category !== 'citizen' && !value.organisationName) {
      ctx.addIssue({ code: 'custom', path: ['organisationName'], message: 'errors.parties.organisationRequired' })
    }
  })
export type EmailListingRequest = z.infer<typeof EmailListingRequest>

/** The token from a confirmation link. */
export const ListingConfirmation = z.object({ token: z.string().trim().min(10, 'errors.parties.invalid-token').max(200, 'errors.parties.invalid-token') })
export type ListingConfirmation = z.infer<typeof ListingConfirmation>

/** Taking one entry off the list (by staff, or by the person themself). */
export const PartyRemoval = z.object({ partyId: id })
export type PartyRemoval = z.infer<typeof PartyRemoval>

/**
 * An item of the institution's published plan: what is being prepared, and the quarter
 * in which it is expected to go to consultation ("2027-Q1"); optionally one of the
 * institution's drafts.
 */
export const NewPlanItem = z.object({
  title: z.string().trim().min(3, 'errors.field.required').max(300, 'errors.field.tooLong'),
  description: optionalText(2_000),
  plannedFor: z.string().trim().regex(QUARTER_PATTERN, 'errors.legislativePlan.quarter'),
  draftId: optionalText(64),
})
export type NewPlanItem = z.infer<typeof NewPlanItem>

/** Taking an item off the plan. */
export const PlanItemRemoval = z.object({ itemId: id })
export type PlanItemRemoval = z.infer<typeof PlanItemRemoval>
