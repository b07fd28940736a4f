import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'

/** "This comment led to this change": the comparison that shows it (consultation/public-answers.ts: ChangeLink). */
export interface ChangeLinkView {
  draftSlug: string
  fromSeq: number
  toSeq: number
  toName: string
  anchor: string | null
}

/** The comparison of the consulted version with the one that carries the change, at the changed article. */
export function changeHref(change: ChangeLinkView): string {
  return `/drafts/${change.draftSlug}/compare?from=${change.fromSeq}&to=${change.toSeq}${change.anchor ? `#${change.anchor}` : ''}`
}

/** The link a reader follows from an answer to the change the comment led to. */
export function ChangeLink({ change }: { change: ChangeLinkView }) {
  const { t } = useTranslation()
  return (
    <p className="answer-change">
      <Link to={changeHref(change)}>{t('answers.change.ledTo', { version: change.toName })}</Link>
    </p>
  )
}
