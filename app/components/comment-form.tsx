import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { CsrfField, FormErrors, Textarea, type FieldErrors } from './forms.tsx'
import { AttachmentField } from './attachments.tsx'

/** What the comment form needs to know: the route loader of /rounds/:id/comment gives it. */
export interface CommentFormView {
  canComment: boolean
  target: { nodeId: string; text: string } | null
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
  const onBehalfErrors = errors?.onBehalfOf ?? []
  const publishErrors = errors?.consentToPublish ?? []
  return renderForm(
    <>
      <CsrfField />
      <input type="hidden" name="clientKey" value={form.clientKey} />
      {hidden}
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="field-website">{t('comment.form.honeypot')}</label>
        <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {target && <input type="hidden" name="targetNodeId" value={target.nodeId} />}
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
        <div className={`field${onBehalfErrors.length ? ' field--invalid' : ''}`}>
          <label htmlFor="field-onBehalfOf">{t('comment.form.onBehalfOf')}</label>
          <select
            id="field-onBehalfOf"
            name="onBehalfOf"
            defaultValue=""
            aria-invalid={onBehalfErrors.length ? true : undefined}
            aria-describedby={onBehalfErrors.length ? 'field-onBehalfOf-error' : undefined}
          >
            <option value="">{t('comment.form.ownName')}</option>
            {organisations.map((o) => (
              <option key={o.id} value={o.id}>{t('comment.form.organisation', { name: o.name })}</option>
            ))}
          </select>
          {onBehalfErrors.length > 0 && <p className="field__error" id="field-onBehalfOf-error">{onBehalfErrors.map((e) => t(e)).join(' ')}</p>}
        </div>
      )}
      <fieldset className="consent">
        <legend>{t('comment.form.privacyTitle')}</legend>
        <p className="field__hint">{t('comment.form.privacy')}</p>
        <div className={`checkbox${publishErrors.length ? ' field--invalid' : ''}`}>
          <input
            type="checkbox"
            id="field-consentToPublish"
            name="consentToPublish"
            aria-invalid={publishErrors.length ? true : undefined}
            aria-describedby={publishErrors.length ? 'field-consentToPublish-error' : undefined}
          />
          <label htmlFor="field-consentToPublish">{t('comment.form.consentToPublish')}</label>
          {publishErrors.length > 0 && (
            <p className="field__error" id="field-consentToPublish-error">{publishErrors.map((e) => t(e)).join(' ')}</p>
          )}
        </div>
        <div className="checkbox">
          <input type="checkbox" id="field-consentToBeNamed" name="consentToBeNamed" />
          <label htmlFor="field-consentToBeNamed">{t('comment.form.consentToBeNamed', { name: authorName ?? '' })}</label>
        </div>
      </fieldset>
      <div className="button-row">{actions}</div>
    </>,
  )
}
