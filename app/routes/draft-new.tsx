import { data, Form, Link, redirect, useActionData, useNavigation } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/draft-new'
import { DOCUMENT_TYPES, DRAFT_STAGES, NewDraft } from '../../drafting/inputs.ts'
import { canCreateDrafts } from '../../drafting/permissions.ts'
import { importFile, type FileImport } from '../../drafting/import-file.ts'
import { actTitle, type CreateDraftProblem } from '../../drafting/drafts.ts'
import { DRAFT_LANGUAGES, DRAFT_SCRIPTS } from '../../drafting/language.ts'
import { transliterate } from '../../drafting/transliteration.ts'
import { parseForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { receiveAct } from '../.server/uploads.ts'
import { CsrfField, Field, FormErrors, Notice, Select, Textarea, type FieldErrors } from '../components/forms.tsx'

const MAX_UPLOAD_BYTES = 5 * 1024 * 1024
/** Room for the other fields of the form around the file. */
const MAX_REQUEST_BYTES = MAX_UPLOAD_BYTES + 256 * 1024
const STATUS: Record<CreateDraftProblem, number> = { forbidden: 403, 'invalid-document': 400 }

/** What the page shows after an import that a person should look over. */
interface ImportReportView {
  slug: string
  title: string
  articles: number
  paragraphs: number
  repairs: number
  setAside: { line: number; text: string; reason: string }[]
  warnings: { line: number | null; kind: string }[]
}

type ActionData = { errors?: FieldErrors; detail?: string; report?: ImportReportView }

const refuse = (errors: FieldErrors, status = 400, detail?: string) => data<ActionData>({ errors, detail }, { status })

export async function loader({ context, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  if (!canCreateDrafts(actor)) throw data({ reason: 'forbidden' }, { status: 403 })
  const owners = await servicesOf(context).drafting.draftOwnerChoices(actor)
  if (owners.length === 0) throw data({ reason: 'forbidden' }, { status: 403 })
  const { locale } = context.get(requestContext)
  // A Serbian interface shows institutions' names in its own script.
  const inScript = (text: string) => (locale === 'sr-Cyrl' ? transliterate(text, 'cyrl') : locale === 'sr-Latn' ? transliterate(text, 'latn') : text)
  return { owners: owners.map((o) => ({ id: o.id, name: inScript(o.name) })) }
}

export async function action({ context, request }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  if (!canCreateDrafts(actor)) throw data({ reason: 'forbidden' }, { status: 403 })
  if (Number(request.headers.get('content-length') ?? 0) > MAX_REQUEST_BYTES) return refuse({ file: ['errors.newDraft.tooLarge'] }, 413)
  const parsed = await parseForm(request, NewDraft)
  if (!parsed.ok) return refuse(parsed.errors)
  const input = parsed.data
  const entry = parsed.form.get('file')
  const services = servicesOf(context)

  if (!entry || typeof entry === 'string' || entry.size === 0) {
    if (!input.title) return refuse({ title: ['errors.newDraft.titleRequired'] })
    const created = await services.drafting.createDraft(actor, input)
    if (!created.ok) return refuse(problemErrors(created.reason), STATUS[created.reason])
    return redirect(`/drafts/${created.value.slug}/edit`)
  }

  const upload = await receiveAct(entry, MAX_UPLOAD_BYTES)
  if (!upload.ok) {
    return upload.reason === 'too-large' ? refuse({ file: ['errors.newDraft.tooLarge'] }, 413) : refuse({ file: ['errors.newDraft.wrongType'] })
  }
  let imported: FileImport
  try {
    imported = await importFile(upload.file, { numbering: input.numberingMode })
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    // The importer says why in a sentence naming our temporary file: name the person's file instead.
    return refuse({ file: ['errors.newDraft.unreadable'] }, 400, error.message.split(upload.file).join(`„${upload.name}“`))
  } finally {
    await upload.cleanup()
  }
  const title = input.title || actTitle(imported.doc)
  if (!title) return refuse({ title: ['errors.newDraft.titleRequired'] })
  const created = await services.drafting.createDraft(actor, { ...input, doc: imported.doc.toJSON() })
  if (!created.ok) return refuse(problemErrors(created.reason), STATUS[created.reason])

  const { report } = imported
  if (report.repairs.length === 0 && report.warnings.length === 0 && report.setAside.length === 0) {
    return redirect(`/drafts/${created.value.slug}/edit`)
  }
  return data<ActionData>({
    report: {
      slug: created.value.slug,
      title,
      articles: report.counts.articles,
      paragraphs: report.counts.paragraphs,
      repairs: report.repairs.length,
      setAside: report.setAside.map((s) => ({ line: s.line, text: s.text.length > 300 ? `${s.text.slice(0, 300)}…` : s.text, reason: s.reason })),
      warnings: report.warnings.map((w) => ({ line: w.line, kind: w.kind })),
    },
  })
}

function problemErrors(reason: CreateDraftProblem): FieldErrors {
  return reason === 'forbidden' ? { ownerId: ['errors.newDraft.forbidden'] } : { file: ['errors.newDraft.invalidDocument'] }
}

export default function NewDraftPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>() as ActionData | undefined
  const navigation = useNavigation()
  const { owners } = loaderData
  const report = actionData?.report
  const errors = actionData?.errors
  return (
    <div className="page page--narrow">
      <title>{`${t('newDraft.title')} · ${t('app.name')}`}</title>
      <h1>{t('newDraft.title')}</h1>
      {report ? <ImportReport report={report} /> : (
        <>
          <p className="lead">{t('newDraft.intro')}</p>
          <Form method="post" encType="multipart/form-data" className="stack" noValidate>
            <CsrfField />
            <FormErrors errors={errors} />
            <Field name="title" label={t('newDraft.titleLabel')} hint={t('newDraft.titleHint')} errors={errors} />
            <Select
              name="documentType"
              label={t('newDraft.documentType')}
              options={DOCUMENT_TYPES.map((d) => ({ value: d, label: t(`documentType.${d}`) }))}
              defaultValue="law"
              errors={errors}
              required
            />
            <Select
              name="language"
              label={t('newDraft.language')}
              options={DRAFT_LANGUAGES.map((l) => ({ value: l, label: t(`newDraft.languages.${l}`) }))}
              defaultValue="bs"
              errors={errors}
              required
            />
            <Select
              name="script"
              label={t('draft.script.label')}
              hint={t('newDraft.scriptHint')}
              options={DRAFT_SCRIPTS.map((s) => ({ value: s, label: t(`draft.script.${s}`) }))}
              defaultValue="latn"
              errors={errors}
              required
            />
            <Select
              name="stage"
              label={t('newDraft.stage')}
              options={DRAFT_STAGES.map((s) => ({ value: s, label: t(`stage.${s}`) }))}
              defaultValue="prednacrt"
              errors={errors}
              required
            />
            <NumberingChoice errors={errors} />
            <Select
              name="ownerId"
              label={t('newDraft.owner')}
              options={owners.map((o) => ({ value: o.id, label: o.name }))}
              defaultValue={owners.length === 1 ? owners[0]!.id : ''}
              placeholder={owners.length === 1 ? undefined : t('fields.choose')}
              errors={errors}
              required
            />
            <Textarea name="summary" label={t('newDraft.summary')} errors={errors} rows={3} maxLength={2000} />
            <FileField errors={errors} detail={actionData?.detail} />
            <button type="submit" className="button" disabled={navigation.state === 'submitting'}>{t('newDraft.submit')}</button>
          </Form>
        </>
      )}
    </div>
  )
}

function NumberingChoice({ errors }: { errors?: FieldErrors }) {
  const { t } = useTranslation()
  const messages = errors?.numberingMode ?? []
  return (
    <fieldset className="consent" aria-describedby="numbering-hint">
      <legend>{t('newDraft.numbering')}</legend>
      <p className="field__hint" id="numbering-hint">{t('newDraft.numberingHint')}</p>
      {(['continuous', 'frozen'] as const).map((mode) => (
        <div key={mode} className="checkbox">
          <input type="radio" id={`field-numbering-${mode}`} name="numberingMode" value={mode} defaultChecked={mode === 'continuous'} />
          <label htmlFor={`field-numbering-${mode}`}>{t(`newDraft.numberingModes.${mode}`)}</label>
        </div>
      ))}
      {messages.length > 0 && <p className="field__error">{messages.map((e) => t(e)).join(' ')}</p>}
    </fieldset>
  )
}

function FileField({ errors, detail }: { errors?: FieldErrors; detail?: string }) {
  const { t } = useTranslation()
  const messages = errors?.file ?? []
  return (
    <div className={`field${messages.length ? ' field--invalid' : ''}`}>
      <label htmlFor="field-file">{t('newDraft.file')}</label>
      <p className="field__hint" id="field-file-hint">{t('newDraft.fileHint')}</p>
      <input
        id="field-file"
        name="file"
        type="file"
        accept=".docx,.txt,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain"
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={messages.length ? 'field-file-hint field-file-error' : 'field-file-hint'}
      />
      {messages.length > 0 && (
        <p className="field__error" id="field-file-error">
          {messages.map((e) => t(e, { detail: detail ?? '' })).join(' ')}
        </p>
      )}
    </div>
  )
}

function ImportReport({ report }: { report: ImportReportView }) {
  const { t } = useTranslation()
  const at = (line: number | null) => (line === null ? '' : t('newDraft.report.line', { line }))
  return (
    <section aria-labelledby="import-report-title">
      <Notice>
        <p>{t('newDraft.report.created', { title: report.title })}</p>
      </Notice>
      <h2 id="import-report-title">{t('newDraft.report.title')}</h2>
      <p>
        {t('newDraft.report.imported', {
          articles: t('draft.articles', { count: report.articles }),
          paragraphs: t('newDraft.report.paragraphs', { count: report.paragraphs }),
        })}
      </p>
      {report.repairs > 0 && <p>{t('newDraft.report.repairs', { count: report.repairs })}</p>}
      {report.warnings.length > 0 && (
        <>
          <h3>{t('newDraft.report.warningsTitle')}</h3>
          <ul>
            {report.warnings.map((w, i) => (
              <li key={i}>
                {at(w.line)}
                {t(`newDraft.warning.${w.kind}`)}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.setAside.length > 0 && (
        <>
          <h3>{t('newDraft.report.setAsideTitle')}</h3>
          <ul>
            {report.setAside.map((s) => (
              <li key={s.line}>
                {at(s.line)}
                <q>{s.text}</q> <span className="muted">({t(`newDraft.setAside.${s.reason}`)})</span>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to={`/drafts/${report.slug}/edit`} className="button">{t('newDraft.report.openEditor')}</Link>
      </p>
    </section>
  )
}
