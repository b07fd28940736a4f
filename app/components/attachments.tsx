import { useTranslation } from 'react-i18next'
import { localeFormatTag, type Locale } from '../i18n/locales.ts'
import type { FieldErrors } from './forms.tsx'

/** A file under a comment: a download link, or for a scanned letter the public's "on file" note. */
export interface AttachmentLinkView {
  id: string
  filename: string
  size: number
}

/** The size of a file as people read it: "240 kB", "3,4 MB". */
export function formatFileSize(bytes: number, locale: Locale): string {
  const mb = bytes / (1024 * 1024)
  const unit = mb >= 1 ? 'megabyte' : 'kilobyte'
  const value = mb >= 1 ? mb : Math.max(1, Math.round(bytes / 1024))
  return new Intl.NumberFormat(localeFormatTag(locale), { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value)
}

/** The file input of a comment form: one document for a person, up to three scans for a letter. */
export function AttachmentField({ kind, maxMb, errors }: { kind: 'attachment' | 'letter'; maxMb: number; errors?: FieldErrors }) {
  const { t } = useTranslation()
  const messages = errors?.file ?? []
  const letter = kind === 'letter'
  return (
    <div className={`field${messages.length ? ' field--invalid' : ''}`}>
      <label htmlFor="field-file">{letter ? t('attachment.letterLabel') : t('attachment.label')}</label>
      <p className="field__hint" id="field-file-hint">{letter ? t('attachment.letterHint', { mb: maxMb }) : t('attachment.hint', { mb: maxMb })}</p>
      <input
        id="field-file"
        name="file"
        type="file"
        multiple={letter}
        accept={letter ? '.pdf,.docx,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png' : '.pdf,.docx,application/pdf'}
        aria-invalid={messages.length ? true : undefined}
        aria-describedby={messages.length ? 'field-file-hint field-file-error' : 'field-file-hint'}
      />
      {messages.length > 0 && (
        <p className="field__error" id="field-file-error">{messages.map((e) => t(e, { mb: maxMb })).join(' ')}</p>
      )}
    </div>
  )
}

/** The files of one comment: links with name and size; a letter only as "on file" unless the reader is staff. */
export function AttachmentList({
  attachments,
  letters = [],
  letterOnFile = false,
  locale,
}: {
  attachments: AttachmentLinkView[]
  /** Scanned letters with links: only for the round's staff. */
  letters?: AttachmentLinkView[]
  letterOnFile?: boolean
  locale: Locale
}) {
  const { t } = useTranslation()
  if (attachments.length === 0 && letters.length === 0 && !letterOnFile) return null
  return (
    <ul className="comment__attachments">
      {attachments.map((a) => (
        <li key={a.id}>
          <span className="comment__attachment-label">{t('attachment.listLabel')}</span>{' '}
          <a href={`/attachments/${a.id}`} download={a.filename}>{a.filename}</a>{' '}
          <span className="muted">({formatFileSize(a.size, locale)})</span>
        </li>
      ))}
      {letters.map((a) => (
        <li key={a.id}>
          <span className="comment__attachment-label">{t('attachment.letterLink')}</span>{' '}
          <a href={`/attachments/${a.id}`} download={a.filename}>{a.filename}</a>{' '}
          <span className="muted">({formatFileSize(a.size, locale)})</span>
        </li>
      ))}
      {letterOnFile && letters.length === 0 && <li className="muted">{t('attachment.letterOnFile')}</li>}
    </ul>
  )
}
