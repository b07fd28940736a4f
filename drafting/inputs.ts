import { z } from 'zod'
import type { DraftRole } from './permissions.ts'

// Every form of the drafting area. Messages are translation keys (errors.field.*):
// the interface translates them; the domain never speaks a language.

const ROLES = ['owner', 'editor', 'moderator', 'responder'] as const satisfies readonly DraftRole[]
const role = z.enum(ROLES, { error: 'errors.field.choose' })

/** Giving a person (by the e-mail address of their account) a role on a draft. */
export const DraftRoleGrant = z.object({
  email: z.string().trim().toLowerCase().max(254, 'errors.field.tooLong').email('errors.field.email'),
  role,
})
export type DraftRoleGrant = z.infer<typeof DraftRoleGrant>

/** Taking one role on a draft away from a person. */
export const DraftRoleRevocation = z.object({
  userId: z.string().trim().min(1, 'errors.field.required').max(100, 'errors.field.tooLong'),
  role,
})
export type DraftRoleRevocation = z.infer<typeof DraftRoleRevocation>
