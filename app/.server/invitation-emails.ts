import { createI18n } from '../i18n/instance.ts'
import { formatDateTime } from '../i18n/format.ts'
import { DEFAULT_LOCALE, isLocale, type Locale } from '../i18n/locales.ts'
import type { InvitationEmail } from '../../consultation/interested-parties.ts'
import type { Mail } from './mailer.ts'

/**
 * The language of an invitation: the person's own, when their account has one; else the
 * language and script of the draft under consultation (a Croatian draft invites in
 * Croatian, a Serbian draft in Cyrillic invites in Cyrillic).
 */
export function invitationLocale(invitation: Pick<InvitationEmail, 'locale' | 'draftLanguage' | 'draftScript'>): Locale {
  if (isLocale(invitation.locale)) return invitation.locale
  if (invitation.draftLanguage === 'hr') return 'hr'
  if (invitation.draftLanguage === 'sr') return invitation.draftScript === 'cyrl' ? 'sr-Cyrl' : 'sr-Latn'
  return DEFAULT_LOCALE
}

/**
 * The invitation an interested party gets when a round of their institution opens: what
 * is consulted, until when, where to comment, and how to leave the list. `baseUrl` is the
 * site's public address without a trailing slash.
 */
export function invitationEmail(invitation: InvitationEmail, baseUrl: string): Mail {
  const locale = invitationLocale(invitation)
  const t = createI18n(locale).t
  const params = {
    name: invitation.name,
    institution: invitation.institution,
    round: invitation.roundTitle,
    draft: invitation.draftTitle,
    closesAt: formatDateTime(invitation.closesAt, locale),
    link: `${baseUrl}${invitation.path}`,
    listLink: `${baseUrl}/organisations/${invitation.institutionSlug}/interested-parties`,
    leaveLink: invitation.leaveToken
      ? `${baseUrl}/interested-parties/leave?token=${encodeURIComponent(invitation.leaveToken)}`
      : `${baseUrl}/organisations/${invitation.institutionSlug}/interested-parties`,
  }
  return { to: invitation.to, subject: t('email.invitation.subject', params), text: t('email.invitation.text', params) }
}
