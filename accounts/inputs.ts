import { z } from 'zod'
import type { MembershipRole } from './actor.ts'

// Every form of the accounts area. Messages are translation keys (errors.field.*):
// the interface translates them; the domain never speaks a language.

const email = z.string().trim().toLowerCase().max(254, 'errors.field.tooLong').email('errors.field.email')
const password = z.string().min(10, 'errors.field.passwordTooShort').max(200, 'errors.field.tooLong')
const name = z.string().trim().min(2, 'errors.field.required').max(120, 'errors.field.tooLong')

/** A new account: name, e-mail and password. */
export const Registration = z.object({ name, email, password })
export type Registration = z.infer<typeof Registration>

export const Login = z.object({
  email,
  password: z.string().min(1, 'errors.field.required').max(200, 'errors.field.tooLong'),
})
export type Login = z.infer<typeof Login>

export const PasswordResetRequest = z.object({ email })
export type PasswordResetRequest = z.infer<typeof PasswordResetRequest>

export const PasswordReset = z.object({ token: z.string().min(10).max(200), password })
export type PasswordReset = z.infer<typeof PasswordReset>

export const ProfileUpdate = z.object({ name })
export type ProfileUpdate = z.infer<typeof ProfileUpdate>

export const PasswordChange = z.object({
  currentPassword: z.string().min(1, 'errors.field.required').max(200, 'errors.field.tooLong'),
  password,
})
export type PasswordChange = z.infer<typeof PasswordChange>

export const AccountDeletion = z.object({
  currentPassword: z.string().min(1, 'errors.field.required').max(200, 'errors.field.tooLong'),
  confirm: z.literal('on', { error: 'errors.field.confirmDeletion' }),
})
export type AccountDeletion = z.infer<typeof AccountDeletion>

/** Kinds of organisation that may comment or own drafts. */
export const ORGANISATION_KINDS = [
  'ministry', 'public-institution', 'ngo', 'international', 'professional-body', 'union', 'business', 'academia', 'informal-group',
] as const
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number]

/** A request to list an organisation; informal groups have no registration number. */
export const OrganisationRequest = z.object({
  name: z.string().trim().min(2, 'errors.field.required').max(200, 'errors.field.tooLong'),
  kind: z.enum(ORGANISATION_KINDS, { error: 'errors.field.choose' }),
  registrationNumber: z
    .string()
    .trim()
    .max(40, 'errors.field.tooLong')
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .default(null),
  contactEmail: email,
})
export type OrganisationRequest = z.infer<typeof OrganisationRequest>

export const MemberAddition = z.object({ email })
export type MemberAddition = z.infer<typeof MemberAddition>

export const OrganisationDecision = z.object({
  decision: z.enum(['verify', 'reject'], { error: 'errors.field.choose' }),
  reason: z.string().trim().max(1000, 'errors.field.tooLong').default(''),
})
export type OrganisationDecision = z.infer<typeof OrganisationDecision>

/** Roles a person can have in an organisation (see Membership). */
export const MEMBERSHIP_ROLES = ['member', 'representative', 'staff', 'coordinator'] as const satisfies readonly MembershipRole[]

/** Changing a member's role in an organisation. */
export const MemberRoleChange = z.object({
  userId: z.string().trim().min(1, 'errors.field.required').max(100, 'errors.field.tooLong'),
  role: z.enum(MEMBERSHIP_ROLES, { error: 'errors.field.choose' }),
})
export type MemberRoleChange = z.infer<typeof MemberRoleChange>
