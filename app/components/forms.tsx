import { Form, useRouteLoaderData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { ReactNode } from 'react'

/** Field errors as translation keys, by field name; `form` for the whole form. */
export type FieldErrors = Partial<Record<string, string[]>>

/** The hidden CSRF token every state-changing form carries. */
export function CsrfField() {
  const data = useRouteLoaderData('root') as { csrfToken?: string } | undefined
  return <input type="hidden" name="csrf" value={data?.csrfToken ?? ''} />
}

interface FieldBase {
  name: string
  label: string
  errors?: FieldErrors
  required?: boolean
  hint?: string
}

/** The control's accessibility wiring: its id, and what describes it (hint, errors). */
interface ControlProps {
  id: string
  'aria-invalid': true | undefined
  'aria-describedby': string | undefined
}

/**
 * Label, hint, control and translated errors, linked for screen readers: the one shape
 * every form field shares. `control` renders the input, textarea or select itself.
 */
function FieldShell(props: FieldBase & { control: (a: ControlProps) => ReactNode }) {
  const { t } = useTranslation()
  const errors = props.errors?.[props.name] ?? []
  const id = `field-${props.name}`
  const describedBy = [props.hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className={`field${errors.length ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="field__hint" id={`${id}-hint`}>{props.hint}</p>}
      {props.control({ id, 'aria-invalid': errors.length ? true : undefined, 'aria-describedby': describedBy })}
      {errors.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          {errors.map((e) => t(e)).join(' ')}
        </p>
      )}
    </div>
  )
}

/** A labelled input with its translated errors, linked for screen readers. */
export function Field(props: FieldBase & { type?: string; defaultValue?: string; autoComplete?: string }) {
  return (
    <FieldShell
      {...props}
      control={(a) => (
        <input {...a} name={props.name} type={props.type ?? 'text'} defaultValue={props.defaultValue} autoComplete={props.autoComplete} required={props.required} />
      )}
    />
  )
}

/** Errors that concern the whole form, announced to screen readers. */
export function FormErrors({ errors }: { errors?: FieldErrors }) {
  const { t } = useTranslation()
  const messages = errors?.form ?? []
  if (messages.length === 0) return null
  return (
    <div className="alert alert--error" role="alert">
      {messages.map((m) => <p key={m}>{t(m)}</p>)}
    </div>
  )
}

/** A confirmation or information message. */
export function Notice({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  )
}

/** A labelled multi-line text field with its translated errors, linked for screen readers. */
export function Textarea(props: FieldBase & { defaultValue?: string; rows?: number; maxLength?: number }) {
  return (
    <FieldShell
      {...props}
      control={(a) => (
        <textarea {...a} name={props.name} rows={props.rows ?? 6} maxLength={props.maxLength} defaultValue={props.defaultValue} required={props.required} />
      )}
    />
  )
}

/** A labelled select with its translated errors, linked for screen readers. */
export function Select(
  props: FieldBase & {
    options: readonly { value: string; label: string }[]
    defaultValue?: string
    /** A first, empty option asking the person to choose ("Odaberite…"). */
    placeholder?: string
  },
) {
  return (
    <FieldShell
      {...props}
      control={(a) => (
        <select {...a} name={props.name} defaultValue={props.defaultValue ?? ''} required={props.required}>
          {props.placeholder !== undefined && <option value="" disabled>{props.placeholder}</option>}
          {props.options.map((o) => (
            <option key={o.value} value={o.value}>{o.label}</option>
          ))}
        </select>
      )}
    />
  )
}

/** A labelled checkbox (a consent, say) with its translated errors, linked for screen readers. */
export function Checkbox(props: { name: string; label: string; errors?: FieldErrors; required?: boolean }) {
  const { t } = useTranslation()
  const errors = props.errors?.[props.name] ?? []
  const id = `field-${props.name}`
  return (
    <div className={`checkbox${errors.length ? ' field--invalid' : ''}`}>
      <input type="checkbox" id={id} name={props.name} required={props.required} aria-invalid={errors.length ? true : undefined} aria-describedby={errors.length ? `${id}-error` : undefined} />
      <label htmlFor={id}>{props.label}</label>
      {errors.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          {errors.map((e) => t(e)).join(' ')}
        </p>
      )}
    </div>
  )
}

/**
 * The page an e-mailed link opens: the link's token in a form behind a button, so that mail
 * scanners that fetch links confirm nothing; the person's press does.
 */
export function TokenForm({ token, intro, submit }: { token: string; intro: string; submit: string }) {
  return (
    <Form method="post" className="stack">
      <CsrfField />
      <input type="hidden" name="token" value={token} />
      <p>{intro}</p>
      <button type="submit" className="button">{submit}</button>
    </Form>
  )
}
