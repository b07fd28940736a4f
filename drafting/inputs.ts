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

/** Kinds of act a draft can be: a law, a bylaw (podzakonski akt) or a quality standard. */
export const DOCUMENT_TYPES = ['law', 'bylaw', 'standard'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]
/** The stages a draft goes through before it is adopted. */
export const DRAFT_STAGES = ['prednacrt', 'nacrt', 'prijedlog'] as const
export type DraftStageName = (typeof DRAFT_STAGES)[number]
/** Continuous numbering for a new act; frozen numbers for changes to an existing one. */
export const NUMBERING_MODES = ['continuous', 'frozen'] as const

/**
 * A new draft: what it is, in which language and script, and which institution owns it.
 * `title` may be empty when the text comes from an imported file (its title is used).
 * Only Serbian is written in Cyrillic. Other form fields (the file, the CSRF token) are
 * not part of the input and are dropped.
 */
export const NewDraft = z
  .object({
    title: z.string().trim().max(300, 'errors.field.tooLong').default(''),
    documentType: z.enum(DOCUMENT_TYPES, { error: 'errors.field.choose' }),
    language: z.enum(['bs', 'hr', 'sr'], { error: 'errors.field.choose' }),
    script: z.enum(['latn', 'cyrl'], { error: 'errors.field.choose' }),
    stage: z.enum(DRAFT_STAGES, { error: 'errors.field.choose' }),
    numberingMode: z.enum(NUMBERING_MODES, { error: 'errors.field.choose' }),
    ownerId: z.string().trim().min(1, 'errors.field.choose').max(100, 'errors.field.tooLong'),
    summary: z
      .string()
      .trim()
      .max(2000, 'errors.field.tooLong')
      .transform((v) => (v === '' ? null : v))
      .nullable()
      .default(null),
  })
  .refine((d) => d.script === 'latn' || d.language === 'sr', { path: ['script'], message: 'errors.newDraft.cyrillicOnlySerbian' })
export type NewDraft = z.infer<typeof NewDraft>
