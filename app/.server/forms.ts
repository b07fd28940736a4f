import { data } from 'react-router'
import type { z } from 'zod'
import type { FieldErrors } from '../components/forms.tsx'

const KNOWN_MESSAGE = /^errors\.[a-zA-Z.]+$/

/**
 * Reads a form and validates it with a zod schema. Messages are translation keys; zod's
 * own messages (wrong type, missing field) become `errors.field.invalid`.
 */
export async function parseForm<T extends z.ZodType>(
  request: Request,
  schema: T,
  options: { rename?: Record<string, string> } = {},
): Promise<{ ok: true; data: z.infer<T>; form: FormData } | { ok: false; errors: FieldErrors; form: FormData | null }> {
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return { ok: false, errors: { form: ['errors.form.unreadable'] }, form: null }
  }
  const values: Record<string, FormDataEntryValue> = {}
  for (const [key, value] of form) if (key !== 'csrf') values[options.rename?.[key] ?? key] = value
  const parsed = schema.safeParse(values)
  if (parsed.success) return { ok: true, data: parsed.data, form }
  const errors: FieldErrors = {}
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? 'form')
    const message = KNOWN_MESSAGE.test(issue.message) ? issue.message : 'errors.field.invalid'
    ;(errors[field] ??= []).push(message)
  }
  return { ok: false, errors, form }
}

/**
 * A copy of the request's form, for choosing what to do before parsing (an `intent`), while
 * the body stays readable for parseForm; null when the body is not a readable form, so a
 * malformed request gets a 400 rather than a 500.
 */
export async function peekForm(request: Request): Promise<FormData | null> {
  try {
    return await request.clone().formData()
  } catch {
    return null
  }
}

/** A 400 response with field errors, for an action to return. */
export function invalid(errors: FieldErrors, status = 400) {
  return data({ errors }, { status })
}
