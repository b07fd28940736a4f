import { Form, Link, NavLink } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { WordChange } from '../../drafting/diff.ts'
import { CsrfField, FormErrors, type FieldErrors } from './forms.tsx'
import { useUnitLabel } from './comments.tsx'
import { ANSWER_STATUSES } from '../../consultation/response-rules.ts'

export { ChangeLink, changeHref, type ChangeLinkView } from './change-link.tsx'

// Pieces of the answering pages: statuses, who wrote a comment and about what, the
// article as consulted and as it reads now, the answer form, and progress counts.

/** The answering pages of a round, for moving between them. */
export function AnsweringNav({ roundId }: { roundId: string }) {
  const { t } = useTranslation()
  const links = [
    { to: `/rounds/${roundId}/answers`, label: t('answers.nav.list') },
    { to: `/rounds/${roundId}/dashboard`, label: t('answers.nav.dashboard') },
    { to: `/rounds/${roundId}/templates`, label: t('answers.nav.templates') },
  ]
  return (
    <nav className="account-nav" aria-label={t('answers.nav.label')}>
      <ul>
        {links.map((l) => (
          <li key={l.to}>
            <NavLink to={l.to} end>{l.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  )
}

/** A comment's answer status as a badge; a draft answer says so. */
export function AnswerStatusBadge({ status, published }: { status: string; published: boolean }) {
  const { t } = useTranslation()
  return (
    <>
      <span className={`badge badge--answer-${status}`}>{t(`answers.status.${status}`)}</span>
      {status !== 'unanswered' && !published && (
        <>
          {' '}
          <span className="badge badge--answer-draft">{t('answers.draftBadge')}</span>
        </>
      )}
    </>
  )
}

/** Who a comment is shown as, as to the public. */
export type AuthorView = { kind: 'organisation'; name: string } | { kind: 'person'; name: string } | { kind: 'anonymous' }

/** The unit a comment is about, labelled from the consulted version. */
export interface UnitView {
  kind: string
  articleLabel: string | null
  articleHeading: string | null
  paragraphLabel: string | null
  pointLabel: string | null
}

/** "Član 5., stav (2), tačka a)", or "the draft as a whole". */
export function useUnitText() {
  const { t } = useTranslation()
  const unitLabel = useUnitLabel()
  return (unit: UnitView): string => {
    if (!unit.articleLabel) return t(unit.kind === 'memorandum' ? 'answers.unit.memorandum' : 'answers.unit.draft')
    const inner = unit.kind === 'paragraph' || unit.kind === 'point'
      ? unitLabel({ kind: unit.kind, paragraphLabel: unit.paragraphLabel, pointLabel: unit.pointLabel })
      : null
    return [unit.articleLabel, inner].filter(Boolean).join(', ')
  }
}

/** The author's name (or anonymous) and category. */
export function AuthorText({ author, category }: { author: AuthorView; category: string }) {
  const { t } = useTranslation()
  return (
    <>
      <span className="comment__author">{author.kind === 'anonymous' ? t('comment.anonymous') : author.name}</span>
      {' '}
      <span className="muted">({t(`answers.category.${category}`)})</span>
    </>
  )
}

/** Word runs of the current text against the consulted one: insertions underlined, deletions struck through. */
function Changes({ changes }: { changes: WordChange[] }) {
  return (
    <>
      {changes.map((c, i) => {
        if (c.type === 'equal') return <span key={i}>{c.text}</span>
        const Tag = c.type === 'insert' ? 'ins' : 'del'
        return <Tag key={i}>{c.text}</Tag>
      })}
    </>
  )
}

/** The article a comment is about: as consulted, and as the working group has it now. */
export interface ArticleTextsView {
  article: { label: string; heading: string | null }
  consulted: string
  current: { source: 'working-copy' | 'version'; versionName: string | null; text: string | null; changes: WordChange[] }
}

/** The article as consulted and as it reads now, side by side. */
export function ArticleTexts({ texts, consultedName }: { texts: ArticleTextsView; consultedName: string }) {
  const { t } = useTranslation()
  const title = texts.article.heading ? `${texts.article.label} (${texts.article.heading})` : texts.article.label
  return (
    <section className="panel" aria-labelledby="answer-texts-title">
      <h2 id="answer-texts-title">{t('answers.texts.title', { article: title })}</h2>
      <div className="answer-texts">
        <div className="answer-texts__column">
          <h3>{t('answers.texts.consulted', { name: consultedName })}</h3>
          <p className="unit-text">{texts.consulted}</p>
        </div>
        <div className="answer-texts__column">
          <h3>
            {texts.current.source === 'working-copy'
              ? t('answers.texts.workingCopy')
              : t('answers.texts.latestVersion', { name: texts.current.versionName ?? '' })}
          </h3>
          {texts.current.text === null ? (
            <p className="muted">{t('answers.texts.deleted')}</p>
          ) : texts.current.text === texts.consulted ? (
            <>
              <p className="muted">{t('answers.texts.unchanged')}</p>
              <p className="unit-text">{texts.current.text}</p>
            </>
          ) : (
            <p className="unit-text">
              <Changes changes={texts.current.changes} />
            </p>
          )}
        </div>
      </div>
    </section>
  )
}

/** A template to start an answer from. */
export interface TemplateOption {
  id: string
  title: string
}

/**
 * Picking a template: a plain GET form, so it works without JavaScript. The page reloads
 * with the template's status and reasoning in the answer form.
 */
export function TemplatePicker({ templates, chosen, manageHref }: { templates: TemplateOption[]; chosen: string | null; manageHref: string }) {
  const { t } = useTranslation()
  return (
    <Form method="get" className="filters" aria-label={t('answers.templates.pick')}>
      {templates.length === 0 ? (
        <p className="muted">{t('answers.templates.none')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor="field-template">{t('answers.templates.label')}</label>
            <select id="field-template" name="template" defaultValue={chosen ?? ''}>
              <option value="">{t('answers.templates.choose')}</option>
              {templates.map((tpl) => (
                <option key={tpl.id} value={tpl.id}>{tpl.title}</option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">{t('answers.templates.use')}</button>
        </>
      )}
      <p>
        <Link to={manageHref}>{t('answers.templates.manage')}</Link>
      </p>
    </Form>
  )
}

/** The answer form: status, reasoning, and either save for review or publish. */
export function AnswerForm(props: {
  defaults: { status: string; reasoning: string }
  errors?: FieldErrors
  published: boolean
  submitLabel?: string
}) {
  const { t } = useTranslation()
  const { defaults, errors, published } = props
  const statusErrors = errors?.status ?? []
  const reasoningErrors = errors?.reasoning ?? []
  return (
    <Form method="post" className="stack" noValidate>
      <CsrfField />
      <FormErrors errors={errors} />
      <div className={`field${statusErrors.length ? ' field--invalid' : ''}`}>
        <label htmlFor="field-status">{t('answers.form.status')}</label>
        <select
          id="field-status"
          name="status"
          defaultValue={defaults.status}
          required
          aria-invalid={statusErrors.length ? true : undefined}
          aria-describedby={statusErrors.length ? 'field-status-error' : undefined}
        >
          <option value="" disabled>{t('fields.choose')}</option>
          {ANSWER_STATUSES.map((s) => (
            <option key={s} value={s}>{t(`answers.status.${s}`)}</option>
          ))}
        </select>
        {statusErrors.length > 0 && <p className="field__error" id="field-status-error">{statusErrors.map((e) => t(e)).join(' ')}</p>}
      </div>
      <div className={`field${reasoningErrors.length ? ' field--invalid' : ''}`}>
        <label htmlFor="field-reasoning">{t('answers.form.reasoning')}</label>
        <p className="field__hint" id="field-reasoning-hint">{t('answers.form.reasoningHint')}</p>
        <textarea
          id="field-reasoning"
          name="reasoning"
          rows={8}
          maxLength={20_000}
          required
          defaultValue={defaults.reasoning}
          aria-invalid={reasoningErrors.length ? true : undefined}
          aria-describedby={['field-reasoning-hint', reasoningErrors.length ? 'field-reasoning-error' : null].filter(Boolean).join(' ')}
        />
        {reasoningErrors.length > 0 && <p className="field__error" id="field-reasoning-error">{reasoningErrors.map((e) => t(e)).join(' ')}</p>}
      </div>
      <div className="button-row">
        {!published && (
          <button type="submit" name="intent" value="draft" className="button button--secondary">{t('answers.form.saveDraft')}</button>
        )}
        <button type="submit" name="intent" value="publish" className="button">{props.submitLabel ?? t('answers.form.publish')}</button>
      </div>
    </Form>
  )
}

/** Progress counts. */
export interface TallyView {
  total: number
  answered: number
  unanswered: number
  drafts: number
  published: number
  accepted: number
  partlyAccepted: number
  rejected: number
  noted: number
}

/** The counts as one line: "40 of 52 answered (3 drafts) · 10 accepted · …". */
export function TallyLine({ tally }: { tally: TallyView }) {
  const { t } = useTranslation()
  return (
    <p className="answer-tally">
      {t('answers.tally.answered', { count: tally.answered, total: tally.total })}
      {tally.drafts > 0 && <> {t('answers.tally.drafts', { count: tally.drafts })}</>}
      {' · '}
      {t('answers.tally.unanswered', { count: tally.unanswered })}
    </p>
  )
}
