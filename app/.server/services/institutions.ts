import type { Db } from '../../../accounts/db.ts'
import type { Actor } from '../../../accounts/actor.ts'
import {
  addByStaff, askToBeListed, confirmListing, exportInterestedParties, leaveByLink, interestedPartiesPage, inviteInterestedParties, removeParty, requestListingByEmail,
} from '../../../consultation/interested-parties.ts'
import { addPlanItem, planPage, removePlanItem } from '../../../consultation/plan-items.ts'
import type { EmailListingRequest, ListingRequest, NewPlanItem, WrittenRequest } from '../../../consultation/interested-party-inputs.ts'
import { CSV_COLUMNS, type CsvLabels } from '../../../consultation/interested-parties-csv.ts'
import { ok } from '../../../drafting/result.ts'
import { createI18n } from '../../i18n/instance.ts'
import type { Locale } from '../../i18n/locales.ts'
import type { Mailer } from '../mailer.ts'
import type { Clock, MailContext } from '../services.ts'
import type { RateLimits } from '../rate-limit.ts'
import { invitationEmail } from '../invitation-emails.ts'
import { listingConfirmationEmail } from '../emails.ts'

/**
 * What asking by e-mail answers (the same whether or not the address is on the list):
 * sent (or silently not, for a bot or an address written to too often), no such list, or
 * too many requests from this address (`retryAfter` seconds).
 */
export type EmailListingAnswer =
  | { ok: true }
  | { ok: false; reason: 'not-found' }
  | { ok: false; reason: 'rate-limited'; retryAfter: number }

/** The words of the CSV export in one language. */
function csvLabels(locale: Locale): CsvLabels {
  const t = createI18n(locale).t
  return {
    headers: Object.fromEntries(CSV_COLUMNS.map((c) => [c, t(`parties.column.${c}`)])) as CsvLabels['headers'],
    category: (category) => t(`partyCategory.${category}`),
    source: (source) => t(`parties.source.${source}`),
    yes: t('parties.yes'),
    no: t('parties.no'),
  }
}

/**
 * Institutions' public lists bound to one database, mailer and clock: the list of
 * interested parties (asking, written requests, removal, CSV export), the invitations
 * when a round opens, and the published plan of drafts.
 */
export function institutionServices({ db, mailer, clock = () => new Date(), rateLimits }: { db: Db; mailer: Mailer; clock?: Clock; rateLimits?: RateLimits }) {
  return {
    interestedParties: (actor: Actor, slug: string) => interestedPartiesPage(db, actor, slug),
    askToBeListed: (actor: Actor, slug: string, input: ListingRequest) => askToBeListed(db, actor, slug, input, clock()),
    addWrittenRequest: (actor: Actor, slug: string, input: WrittenRequest) => addByStaff(db, actor, slug, input, clock()),
    /**
     * Someone without an account asks to join: counted against the client's address, the
     * request is stored and the confirmation link e-mailed in the page's language. An
     * address gets at most a few links a day (the page still says "check your e-mail").
     */
    async requestListing(slug: string, input: EmailListingRequest, ctx: { clientIp: string; mail: MailContext }): Promise<EmailListingAnswer> {
      const wait = rateLimits ? await rateLimits.consume('listingPerIp', ctx.clientIp) : null
      if (wait !== null) return { ok: false, reason: 'rate-limited', retryAfter: wait }
      // Over the recipient's limit: nothing kept, nothing sent, the same answer.
      if (input.website === '' && rateLimits && (await rateLimits.consume('listingPerRecipient', input.email)) !== null) return { ok: true }
      const result = await requestListingByEmail(db, slug, input, clock())
      if (!result.ok) return result
      const outcome = result.value
      if (outcome.kind === 'ignored') return { ok: true }
      await mailer.send(
        listingConfirmationEmail(outcome.email, ctx.mail.locale, {
          name: outcome.name,
          institution: outcome.institution.name,
          link: `${ctx.mail.baseUrl}/interested-parties/confirm?token=${encodeURIComponent(outcome.token)}`,
          listLink: `${ctx.mail.baseUrl}/organisations/${outcome.institution.slug}/interested-parties`,
        }),
      )
      return { ok: true }
    },
    confirmListing: (token: string) => confirmListing(db, token, clock()),
    /** Takes a party off the list with the link from an invitation (no account needed). */
    leaveByLink: (token: string) => leaveByLink(db, token, clock()),
    removeParty: (actor: Actor, slug: string, partyId: string) => removeParty(db, actor, slug, partyId, clock()),
    exportInterestedParties: (actor: Actor, slug: string, locale: Locale) => exportInterestedParties(db, actor, slug, csvLabels(locale), clock()),

    /**
     * Invites every party on the list of the round's institution that has not been
     * invited to this round yet, and sends the e-mails once the invitations are recorded.
     * Call it when a round opens (by hand or by schedule); calling it again, here or on
     * another instance, sends nothing twice. `baseUrl` is the site's public address.
     * A message the outbox could not take is counted in `failed`; it is not retried.
     */
    async sendInvitations(roundId: string, baseUrl: string) {
      const result = await inviteInterestedParties(db, roundId, clock())
      if (!result.ok) return result
      const base = baseUrl.replace(/\/$/, '')
      let failed = 0
      for (const invitation of result.value) {
        try {
          await mailer.send(invitationEmail(invitation, base))
        } catch {
          failed++
        }
      }
      return ok({ invited: result.value.length, failed })
    },

    plan: (actor: Actor, slug: string) => planPage(db, actor, slug, clock()),
    addPlanItem: (actor: Actor, slug: string, input: NewPlanItem) => addPlanItem(db, actor, slug, input, clock()),
    removePlanItem: (actor: Actor, slug: string, itemId: string) => removePlanItem(db, actor, slug, itemId, clock()),
  }
}
export type InstitutionServices = ReturnType<typeof institutionServices>
