import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/draft-edit'
import { parseForm, invalid, peekForm } from '../.server/forms.ts'
import { NewVersion } from '../../drafting/versions.ts'
import { CsrfField, Field, FormErrors, Notice } from '../components/forms.tsx'
import { formatDate } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { requestContext } from '../.server/context.ts'
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
  const versions = (await servicesOf(context).drafting.listVersions(params.slug)) ?? []
  const savedVersion = new URL(request.url).searchParams.get('version')
  return {
    locale: context.get(requestContext).locale,
    draft: { slug: draft.slug, title: draft.title },
    doc,
    revision,
    variant,
    numberingMode: draft.numberingMode,
    documentType: draft.documentType,
    outline: outlineDocument(loadDocument(doc), variant, draft.numberingMode, draft.documentType),
    versions: versions.map((v) => ({ seq: v.seq, name: v.name, author: v.author, createdAt: v.createdAt.toISOString() })),
    savedVersion,
  }
}

export async function action({ context, params, request }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  if ((await peekForm(request))?.get('intent') === 'version') {
    const version = await parseForm(request, NewVersion)
    if (!version.ok) return invalid(version.errors)
    const saved = await servicesOf(context).drafting.saveVersion(actor, params.slug, version.data)
    if (!saved.ok) {
      const field = saved.reason === 'name-taken' ? 'name' : 'form'
      return data({ errors: { [field]: [`errors.version.${saved.reason}`] } }, { status: STATUS[saved.reason] ?? 400 })
    }
    return redirect(`/drafts/${params.slug}/edit?version=${saved.value.seq}`)
  }
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
    const key = ['forbidden', 'not-found', 'stale-revision', 'broken-reference', 'duplicate-number', 'invalid-number'].includes(result.reason) ? result.reason : 'invalid-document'
    // A reference left by a deleted article, or a number used twice: the message says where.
    const broken = key === 'broken-reference' && !result.detail?.article ? 'broken-reference-outside' : key
    return data({ saved: false, errors: { form: [`errors.editor.${broken}`] }, detail: result.detail ?? {} }, { status: STATUS[result.reason] ?? 400 })
  }
  return { saved: true, revision: result.value.revision }
}

export default function DraftEdit({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { draft, doc, revision, variant, outline, versions, savedVersion, locale, numberingMode, documentType } = loaderData
  const actionData = useActionData<typeof action>()
  const errors = actionData && 'errors' in actionData ? (actionData.errors as Partial<Record<string, string[]>>) : undefined
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
        {() => <LegalEditor doc={doc} revision={revision} variant={variant} numberingMode={numberingMode} documentType={documentType} savedCopyHref={`/drafts/${draft.slug}/edit`} label={t('editor.surfaceLabel')} />}
      </ClientOnly>

      <section className="panel" aria-labelledby="versions-title">
        <h2 id="versions-title">{t('versions.title')}</h2>
        {savedVersion && (
          <Notice>
            <p>{t('versions.saved', { seq: savedVersion })}</p>
          </Notice>
        )}
        <p className="muted">{t('versions.explain')}</p>
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <input type="hidden" name="intent" value="version" />
          <FormErrors errors={errors} />
          <Field name="name" label={t('versions.name')} hint={t('versions.nameHint')} errors={errors} required />
          <Field name="note" label={t('versions.note')} errors={errors} />
          <button type="submit" className="button">{t('versions.save')}</button>
        </Form>
        <ol className="version-list">
          {versions.map((v) => (
            <li key={v.seq}>
              <Link to={`/drafts/${draft.slug}?version=${v.seq}`}>{v.name}</Link>{' '}
              <span className="muted">{t('versions.byline', { author: v.author ?? t('versions.unknownAuthor'), date: formatDate(v.createdAt, locale as Locale) })}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  )
}
