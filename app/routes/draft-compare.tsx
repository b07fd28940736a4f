import { data, Form, Link, useActionData, useNavigation } from 'react-router'
import { interfaceScript } from '../i18n/reader-script.ts'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/draft-compare'
import { servicesOf } from '../.server/route-helpers.ts'
import { requestContext } from '../.server/context.ts'
import { AnnexComparison, ArticleComparison, type ComparisonView } from '../components/comparison.tsx'
import { legalLabels } from '../../drafting/labels.ts'
import { diffInScript } from '../../drafting/diff-script.ts'
import { transliterate } from '../../drafting/transliteration.ts'
import { receiveAct } from '../.server/uploads.ts'
import { CsrfField, FormErrors } from '../components/forms.tsx'
import type { AnnexDiff, ArticleDiff, DiffSummary } from '../../drafting/diff.ts'

const MAX_UPLOAD_BYTES = 10 * 1024 * 1024
const UploadTarget = z.coerce.number().int().min(1).max(1_000_000)

/** Compares an uploaded .docx or .txt (the previous law, say) with a version of the draft. */
export async function action({ context, params, request }: Route.ActionArgs) {
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return data({ errors: { file: ['errors.upload.unreadable'] } as Partial<Record<string, string[]>>, uploaded: null }, { status: 400 })
  }
  const to = UploadTarget.safeParse(form.get('to'))
  if (!to.success) return data({ errors: { form: ['errors.field.invalid'] } as Partial<Record<string, string[]>>, uploaded: null }, { status: 400 })
  const upload = await receiveAct(form.get('file'), MAX_UPLOAD_BYTES)
  if (!upload.ok) {
    return data({ errors: { file: [`errors.upload.${upload.reason}`] } as Partial<Record<string, string[]>>, uploaded: null }, { status: upload.reason === 'too-large' ? 413 : 400 })
  }
  try {
    const { comparison, report } = await servicesOf(context).drafting.compareWithFile(params.slug, to.data, upload.file)
    if (!comparison.ok) throw data({ reason: comparison.reason }, { status: 404 })
    const { diff, amendment } = comparison.value
    return {
      errors: undefined,
      uploaded: {
        name: upload.name,
        to: comparison.value.to.name,
        articlesFound: report.counts.articles,
        summary: diff.summary as DiffSummary,
        articles: diff.articles as ArticleDiff[],
        annexes: diff.annexes as AnnexDiff[],
        amendment,
      },
    }
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    return data({ errors: { file: ['errors.upload.unreadable'] } as Partial<Record<string, string[]>>, uploaded: null }, { status: 400 })
  } finally {
    await upload.cleanup()
  }
}

const Query = z.object({
  from: z.coerce.number().int().min(1).max(1_000_000).optional(),
  to: z.coerce.number().int().min(1).max(1_000_000).optional(),
  view: z.enum(['inline', 'side']).default('inline'),
  changes: z.enum(['all', 'only']).default('only'),
  lng: z.string().optional(),
})

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const services = servicesOf(context)
  const versions = await services.drafting.listVersions(params.slug)
  if (!versions) throw data({ reason: 'draft-not-found' }, { status: 404 })
  if (versions.length < 2) throw data({ reason: 'version-not-found' }, { status: 404 })
  // By default: the latest version against the one before it.
  const to = query.data.to ?? versions[0]!.seq
  const from = query.data.from ?? versions[1]!.seq
  const result = await services.drafting.compareVersions(params.slug, from, to)
  if (!result.ok) throw data({ reason: result.reason }, { status: 404 })
  const { draft, amendment } = result.value
  const { locale } = context.get(requestContext)
  // A Serbian interface reads the comparison in its own script, like the draft itself.
  const script = interfaceScript(locale) ?? draft.variant.script
  const inScript = (text: string) => (script === draft.variant.script ? text : transliterate(text, script))
  const diff = script === draft.variant.script ? result.value.diff : diffInScript(result.value.diff, script)
  return {
    draft: { slug: draft.slug, title: inScript(draft.title), variant: { ...draft.variant, script } },
    from: { seq: result.value.from.seq, name: inScript(result.value.from.name) },
    to: { seq: result.value.to.seq, name: inScript(result.value.to.name) },
    versions: result.value.versions.map((v) => ({ seq: v.seq, name: inScript(v.name) })),
    view: query.data.view,
    changesOnly: query.data.changes === 'only',
    summary: diff.summary,
    articles: diff.articles,
    divisions: diff.divisions.filter((d) => d.status !== 'unchanged'),
    annexes: query.data.changes === 'all' ? diff.annexes : diff.annexes.filter((a) => a.status !== 'unchanged'),
    amendment: { title: inScript(amendment.title), articles: amendment.articles.map(inScript) },
    // Exports follow the reader's script too.
    exportScript: script,
  }
}

export default function DraftCompare({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const loaded = loaderData
  const actionData = useActionData<typeof action>()
  const navigation = useNavigation()
  const uploaded = actionData?.uploaded ?? null
  const { draft, from, to, versions, view, changesOnly, divisions } = loaded
  const summary = uploaded?.summary ?? loaded.summary
  const articles = uploaded?.articles ?? loaded.articles
  // The loader filters annexes by the choice of changes; an uploaded comparison brings them all.
  const annexes = uploaded ? (changesOnly ? uploaded.annexes.filter((a) => a.status !== 'unchanged') : uploaded.annexes) : loaded.annexes
  const amendment = uploaded?.amendment ?? loaded.amendment
  const labels = legalLabels(draft.variant)
  const shown = changesOnly ? articles.filter((a) => a.status !== 'unchanged' || a.moved) : articles
  return (
    <div className="page page--compare">
      <title>{`${t('compare.title')}: ${draft.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.slug}`}>{draft.title}</Link>
      </p>
      <h1>{t('compare.title')}</h1>
      <Form method="get" className="filters" aria-label={t('compare.choose')}>
        <div className="field">
          <label htmlFor="cmp-from">{t('compare.from')}</label>
          <select id="cmp-from" name="from" defaultValue={from.seq}>
            {versions.map((v) => <option key={v.seq} value={v.seq}>{v.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cmp-to">{t('compare.to')}</label>
          <select id="cmp-to" name="to" defaultValue={to.seq}>
            {versions.map((v) => <option key={v.seq} value={v.seq}>{v.name}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cmp-view">{t('compare.view')}</label>
          <select id="cmp-view" name="view" defaultValue={view}>
            <option value="inline">{t('compare.inline')}</option>
            <option value="side">{t('compare.side')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="cmp-changes">{t('compare.show')}</label>
          <select id="cmp-changes" name="changes" defaultValue={changesOnly ? 'only' : 'all'}>
            <option value="only">{t('compare.changesOnly')}</option>
            <option value="all">{t('compare.allArticles')}</option>
          </select>
        </div>
        <button type="submit" className="button">{t('compare.submit')}</button>
      </Form>

      <details className="panel" open={Boolean(actionData?.errors)}>
        <summary>{t('compare.upload.title')}</summary>
        <p className="muted">{t('compare.upload.explain')}</p>
        <Form method="post" encType="multipart/form-data" className="stack" noValidate>
          <CsrfField />
          <FormErrors errors={actionData?.errors} />
          <div className={`field${actionData?.errors?.file ? ' field--invalid' : ''}`}>
            <label htmlFor="cmp-file">{t('compare.upload.file')}</label>
            <p className="field__hint" id="cmp-file-hint">{t('compare.upload.fileHint')}</p>
            <input id="cmp-file" name="file" type="file" accept=".docx,.txt" aria-describedby="cmp-file-hint" required />
            {actionData?.errors?.file && <p className="field__error">{actionData.errors.file.map((e) => t(e)).join(' ')}</p>}
          </div>
          <div className="field">
            <label htmlFor="cmp-upload-to">{t('compare.upload.against')}</label>
            <select id="cmp-upload-to" name="to" defaultValue={to.seq}>
              {versions.map((v) => <option key={v.seq} value={v.seq}>{v.name}</option>)}
            </select>
          </div>
          <button type="submit" className="button" disabled={navigation.state === 'submitting'}>{t('compare.upload.submit')}</button>
        </Form>
      </details>

      <section className="panel cmp-summary" aria-labelledby="cmp-summary-title">
        <h2 id="cmp-summary-title">
          {uploaded ? t('compare.summaryTitle', { from: uploaded.name, to: uploaded.to }) : t('compare.summaryTitle', { from: from.name, to: to.name })}
        </h2>
        <ul>
          <li>{t('compare.count.changed', { count: summary.changed })}</li>
          <li>{t('compare.count.added', { count: summary.added })}</li>
          <li>{t('compare.count.deleted', { count: summary.deleted })}</li>
          <li>{t('compare.count.renumbered', { count: summary.renumbered })}</li>
          <li>{t('compare.count.moved', { count: summary.moved })}</li>
        </ul>
        {!uploaded && divisions.length > 0 && (
          <ul>
            {divisions.map((d, i) => (
              <li key={i}>{t(`compare.division.${d.status}`, { heading: d.newHeading ?? d.oldHeading ?? '' })}</li>
            ))}
          </ul>
        )}
      </section>

      {shown.length === 0 && annexes.length === 0 ? (
        <p className="empty">{t('compare.noChanges')}</p>
      ) : shown.length === 0 ? null : (
        <div className="cmp-articles legal-text">
          {shown.map((a, i) => <ArticleComparison key={a.newId ?? a.oldId ?? i} article={a} label={labels.article} view={view} />)}
        </div>
      )}
      {annexes.length > 0 && (
        <div className="cmp-articles legal-text">
          {annexes.map((a, i) => <AnnexComparison key={a.newId ?? a.oldId ?? i} annex={a} label={labels.annex} />)}
        </div>
      )}

      {amendment.articles.length > 0 && (
        <section className="panel" aria-labelledby="amendment-title">
          <h2 id="amendment-title">{t('compare.amendmentTitle')}</h2>
          <p className="muted">{t('compare.amendmentExplain')}</p>
          <p>
            {!uploaded && (
              <a href={`/drafts/${draft.slug}/compare/amendment.docx?from=${from.seq}&to=${to.seq}&script=${loaded.exportScript}`} className="button button--secondary" download>
                {t('compare.amendmentDocx')}
              </a>
            )}
          </p>
          <details>
            <summary>{amendment.title}</summary>
            <div className="amendment-text legal-text">
              {amendment.articles.map((text, i) => <pre key={i} className="mail-body">{text}</pre>)}
            </div>
          </details>
        </section>
      )}
    </div>
  )
}
