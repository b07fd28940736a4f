import { createI18n } from '../i18n/instance.ts'
import { isLocale, DEFAULT_LOCALE } from '../i18n/locales.ts'
import type { Mail } from './mailer.ts'

function translator(locale: string | null | undefined) {
  return createI18n(isLocale(locale) ? locale : DEFAULT_LOCALE).t
}

/** The link that confirms a new account's e-mail address. */
export function confirmationEmail(to: string, locale: string | null, p: { name: string; link: string }): Mail {
  const t = translator(locale)
  return { to, subject: t('email.confirm.subject'), text: t('email.confirm.text', p) }
}

/** Sent when someone registers with an address that already has an account. */
export function alreadyRegisteredEmail(to: string, locale: string | null, p: { name: string; loginLink: string; resetLink: string }): Mail {
  const t = translator(locale)
  return { to, subject: t('email.alreadyRegistered.subject'), text: t('email.alreadyRegistered.text', p) }
}

/** The link that sets a new password. */
export function passwordResetEmail(to: string, locale: string | null, p: { name: string; link: string }): Mail {
  const t = translator(locale)
  return { to, subject: t('email.reset.subject'), text: t('email.reset.text', p) }
}

/** The link that confirms a request to join an institution's list of interested parties. */
export function listingConfirmationEmail(to: string, locale: string | null, p: { name: string; institution: string; link: string; listLink: string }): Mail {
  const t = translator(locale)
  return { to, subject: t('email.listing.subject', p), text: t('email.listing.text', p) }
}
