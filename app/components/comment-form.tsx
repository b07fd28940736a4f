import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Checkbox, CsrfField, FormErrors, Select, Textarea, type FieldErrors } from './forms.tsx'
import { AttachmentField } from './attachments.tsx'
import { useUnitLabel } from './comments.tsx'

/** A unit of the article the person may choose to comment on. */
export interface CommentUnitChoice {
  nodeId: string
  kind: 'article' | 'paragraph' | 'point'
  paragraphLabel: string | null
  pointLabel: string | null
  text: string
}

/** What the comment form needs to know: the route loader of /rounds/:id/comment gives it. */
export interface CommentFormView {
  canComment: boolean
  target: {
    nodeId: string
    text: string
    articleLabel: string
    /** The units of the article the comment may be about instead: the whole article, a paragraph, a point. */
    units: CommentUnitChoice[]
  } | null
  memorandum: { id: string } | null
  parent: { id: string } | null
  organisations: { id: string; name: string }[]
  authorName: string | null
  /** A fresh key per form shown: submitting the same form twice keeps one comment. */
  clientKey: string
  attachmentMaxMb: number
}

/**
 * The fields of a comment: text, proposed wording (pre-filled with the unit's current
 * text), an attachment, on whose behalf, and the consents. One form for the comment page
 * (a plain POST that works without JavaScript) and for the inline form on the reading
 * pages; `renderForm` supplies the form element (a router Form or a fetcher's Form) and
 * `actions` the buttons.
 */
export function CommentFormFields({ form, errors, renderForm, actions, hidden }: {
  form: CommentFormView
  errors?: FieldErrors
  renderForm: (children: ReactNode) => ReactNode
  actions: ReactNode
  /** Extra hidden fields (the inline form marks itself). */
  hidden?: ReactNode
}) {
  const { t } = useTranslation()
  const { target, memorandum, parent, organisations, authorName } = form
  const formErrors = { form: [...(errors?.form ?? []), ...(errors?.targetNodeId ?? [])] }
  return renderForm(
    <>
      <CsrfField />
      <input type="hidden" name="clientKey" value={form.clientKey} />
      {hidden}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="field-website">{t('comment.form.honeypot')}</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {target && target.units.length > 1 ? (
        <UnitChoiceField target={target} />
      ) : (
        target && <input type="hidden" name="targetNodeId" value={target.nodeId} />
      )}
      {memorandum && <input type="hidden" name="targetNodeId" value={memorandum.id} />}
      {parent && <input type="hidden" name="replyTo" value={parent.id} />}
      <FormErrors errors={formErrors} />
      <Textarea name="body" label={t('comment.form.body')} hint={t('comment.form.bodyHint')} errors={errors} rows={8} maxLength={10_000} required />
      {!parent && (
        <Textarea
          name="proposedWording"
          label={t('comment.form.proposedWording')}
          hint={target ? t('comment.form.proposedWordingHint') : t('comment.form.proposedWordingHintDraft')}
          defaultValue={target?.text}
          errors={errors}
          rows={target ? 8 : 4}
          maxLength={20_000}
        />
      )}
      <AttachmentField kind="attachment" maxMb={form.attachmentMaxMb} errors={errors} />
      {organisations.length > 0 && (
        <Select
          name="onBehalfOf"
          label={t('comment.form.onBehalfOf')}
          options={[{ value: '', label: t('comment.form.ownName') }, ...organisations.map((o) => ({ value: o.id, label: t('comment.form.organisation', { name: o.name }) }))]}
          defaultValue=""
          errors={errors}
        />
      )}
      <fieldset className="consent">
        <legend>{t('comment.form.privacyTitle')}</legend>
        <p className="field__hint">{t('comment.form.privacy')}</p>
        <Checkbox name="consentToPublish" label={t('comment.form.consentToPublish')} errors={errors} />
        <Checkbox name="consentToBeNamed" label={t('comment.form.consentToBeNamed', { name: authorName ?? '' })} />
        <p className="field__hint">{t('comment.form.organisationNamed')}</p>
      </fieldset>
      <div className="button-row">{actions}</div>
    </>,
  )
}

/**
 * What in the article the comment is about: the whole article, one paragraph or one point.
 * Choosing another unit puts its text in the proposed wording, unless the person has
 * already changed it (without JavaScript the proposal starts from the unit the form opened on).
 */
function UnitChoiceField({ target }: { target: NonNullable<CommentFormView['target']> }) {
  const { t } = useTranslation()
  const unitLabel = useUnitLabel()
  const label = (u: CommentUnitChoice) =>
    u.kind === 'article' ? t('comment.form.wholeArticle', { article: target.articleLabel }) : `${target.articleLabel} ${unitLabel(u) ?? ''}`.trim()
  return (
    <div className="field">
      <label htmlFor="field-targetNodeId">{t('comment.form.unit')}</label>
      <select
        id="field-targetNodeId"
        name="targetNodeId"
        defaultValue={target.nodeId}
        data-text={target.text}
        onChange={(event) => {
          const select = event.currentTarget
          const proposal = select.form?.elements.namedItem('proposedWording')
          const chosen = target.units.find((u) => u.nodeId === select.value)
          if (proposal instanceof HTMLTextAreaElement && chosen && proposal.value === select.dataset.text) proposal.value = chosen.text
          if (chosen) select.dataset.text = chosen.text
        }}
      >
        {target.units.map((u) => (
          <option key={u.nodeId} value={u.nodeId}>{label(u)}</option>
        ))}
      </select>
    </div>
  )
}
