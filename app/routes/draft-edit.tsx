import { data, Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/draft-edit'
import { parseForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { requireUser } from '../.server/auth.ts'
import { ClientOnly } from '../components/client-only.tsx'
import { LegalEditor } from '../components/legal-editor.tsx'
import { LegalText } from '../components/legal-text.tsx'
import { outlineDocument } from '../../drafting/outline.ts'
import { loadDocument } from '../../drafting/document.ts'

const Save = z.object({
  doc: z.string().min(2).max(5_000_000, 'errors.field.tooLong'),
  baseRevision: z.coerce.number().int().min(0),
})

const STATUS: Record<string, number> = { forbidden: 403, 'not-found': 404, 'stale-revision': 409 }

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const result = await servicesOf(context).drafting.openWorkingCopy(actor, params.slug)
  if (!result.ok) throw data({ reason: result.reason }, { status: STATUS[result.reason] ?? 400 })
  const { draft, doc, revision } = result.value
  const variant = { language: draft.language, script: draft.script }
  return { draft: { slug: draft.slug, title: draft.title }, doc, revision, variant, outline: outlineDocument(loadDocument(doc), variant) }
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const parsed = await parseForm(request, Save)
  if (!parsed.ok) return data({ saved: false, errors: { form: ['errors.editor.invalid-document'] } }, { status: 400 })
  let doc: unknown
  try {
    doc = JSON.parse(parsed.data.doc)
  } catch {
    return data({ saved: false, errors: { form: ['errors.editor.invalid-document'] } }, { status: 400 })
  }
  const result = await servicesOf(context).drafting.saveWorkingCopy(actor, params.slug, { doc, baseRevision: parsed.data.baseRevision })
  if (!result.ok) {
    const key = ['forbidden', 'not-found', 'stale-revision'].includes(result.reason) ? result.reason : 'invalid-document'
    return data({ saved: false, errors: { form: [`errors.editor.${key}`] } }, { status: STATUS[result.reason] ?? 400 })
  }
  return { saved: true, revision: result.value.revision }
}

export default function DraftEdit({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { draft, doc, revision, variant, outline } = loaderData
  return (
    <div className="page page--editor">
      <title>{`${t('editor.title')}: ${draft.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.slug}`}>{draft.title}</Link>
      </p>
      <h1>{t('editor.title')}</h1>
      <p className="muted">{t('editor.help')}</p>
      <ClientOnly
        fallback={
          <>
            <noscript>
              <p className="alert alert--error">{t('editor.needsJavaScript')}</p>
            </noscript>
            <LegalText outline={outline} />
          </>
        }
      >
        {() => <LegalEditor doc={doc} revision={revision} variant={variant} label={t('editor.surfaceLabel')} />}
      </ClientOnly>
    </div>
  )
}
