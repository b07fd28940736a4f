import { createI18n } from '../i18n/instance.ts'
import { isLocale, DEFAULT_LOCALE } from '../i18n/locales.ts'
import type { AuthorNotice } from '../../consultation/moderation.ts'
import type { Mail } from './mailer.ts'

/**
 * The e-mail that tells an author what a moderator did to their comment and why, in the
 * author's own language: hidden (with the reason and the moderator's note), or a passage
 * redacted. `baseUrl` is where the link to "My comments" points.
 */
export function moderationEmail(notice: AuthorNotice, baseUrl: string): Mail {
  const t = createI18n(isLocale(notice.locale) ? notice.locale : DEFAULT_LOCALE).t
  const params = {
    draft: notice.draft.title,
    round: notice.round.title,
    excerpt: notice.excerpt,
    link: `${baseUrl}/account/comments`,
    note: notice.note ? t('moderation.email.note', { note: notice.note }) : '',
  }
  if (notice.kind === 'redacted') {
    return { to: notice.to, subject: t('moderation.email.redacted.subject'), text: t('moderation.email.redacted.text', params) }
  }
  const reason = t(`moderation.explain.${notice.reason ?? 'reported'}`)
  return { to: notice.to, subject: t('moderation.email.hidden.subject'), text: t('moderation.email.hidden.text', { ...params, reason }) }
}
