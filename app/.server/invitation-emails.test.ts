import { describe, expect, it } from 'vitest'
import { invitationEmail, invitationLocale } from './invitation-emails.ts'
import type { InvitationEmail } from '../../consultation/interested-parties.ts'

const invitation = (overrides: Partial<InvitationEmail> = {}): InvitationEmail => ({
  partyId: 'p1',
  to: 'ana@example.ba',
  name: 'Ana Anić',
  locale: null,
  institution: 'Federalno ministarstvo rada i socijalne politike',
  institutionSlug: 'fmrsp',
  roundTitle: 'Javne konsultacije o Nacrtu zakona',
  draftTitle: 'Zakon o socijalnim uslugama',
  draftLanguage: 'bs',
  draftScript: 'latn',
  opensAt: new Date('2026-11-13T07:00:00Z'),
  closesAt: new Date('2026-12-13T22:59:00Z'),
  path: '/rounds/r1',
  ...overrides,
})

describe('invitationLocale', () => {
  it('writes in the person’s own language when their account has one, else in the draft’s', () => {
    expect(invitationLocale(invitation({ locale: 'en' }))).toBe('en')
    expect(invitationLocale(invitation({ draftLanguage: 'hr' }))).toBe('hr')
    expect(invitationLocale(invitation({ draftLanguage: 'sr', draftScript: 'cyrl' }))).toBe('sr-Cyrl')
    expect(invitationLocale(invitation({ draftLanguage: 'sr', draftScript: 'latn' }))).toBe('sr-Latn')
    expect(invitationLocale(invitation({ locale: 'xx' }))).toBe('bs')
  })
})

describe('invitationEmail', () => {
  it('names the round, the draft and the closing time in Sarajevo, and links to the round and to the list', () => {
    const mail = invitationEmail(invitation(), 'https://nacrt.example.ba')
    expect(mail.to).toBe('ana@example.ba')
    expect(mail.subject).toBe('Poziv na javne konsultacije: Zakon o socijalnim uslugama')
    expect(mail.text).toContain('„Javne konsultacije o Nacrtu zakona“')
    expect(mail.text).toContain('13. decembra 2026. u 23:59')
    expect(mail.text).toContain('https://nacrt.example.ba/rounds/r1')
    expect(mail.text).toContain('https://nacrt.example.ba/organisations/fmrsp/interested-parties')
  })

  it('is written in every interface language, with nothing left untranslated', () => {
    for (const locale of ['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en']) {
      const mail = invitationEmail(invitation({ locale }), 'https://nacrt.example.ba')
      expect(mail.text, locale).not.toMatch(/\{\{|email\.invitation/)
      expect(mail.subject, locale).toContain('Zakon o socijalnim uslugama')
    }
    expect(invitationEmail(invitation({ locale: 'sr-Cyrl' }), 'https://x').subject).toMatch(/^Позив/)
  })
})
