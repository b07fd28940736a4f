import { useTranslation } from 'react-i18next'

/**
 * Where moderation left one of the author's own comments ("My comments"): waiting for a
 * moderator, hidden and why, or public with a passage redacted. Nothing for a comment
 * published as written.
 */
export function ModerationStatus({ status, hiddenReason, redacted }: { status: string; hiddenReason: string | null; redacted: boolean }) {
  const { t } = useTranslation()
  if (status === 'pending') {
    return <p className="moderation-status moderation-status--pending">{t('moderation.mine.pending')}</p>
  }
  if (status === 'hidden') {
    return (
      <p className="moderation-status moderation-status--hidden">
        {t('moderation.mine.hidden', { reason: t(`moderation.explain.${hiddenReason ?? 'reported'}`) })}
      </p>
    )
  }
  if (redacted) return <p className="moderation-status moderation-status--redacted">{t('moderation.mine.redacted')}</p>
  return null
}
