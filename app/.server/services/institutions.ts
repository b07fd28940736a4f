import type { Db } from '../../../accounts/db.ts'
import type { Actor } from '../../../accounts/actor.ts'
import {
  addByStaff, askToBeListed, exportInterestedParties, interestedPartiesPage, inviteInterestedParties, removeParty,
} from '../../../consultation/interested-parties.ts'
import { addPlanItem, planPage, removePlanItem } from '../../../consultation/plan-items.ts'
import type { ListingRequest, NewPlanItem, WrittenRequest } from '../../../consultation/interested-party-inputs.ts'
import { CSV_COLUMNS, type CsvLabels } from '../../../consultation/interested-parties-csv.ts'
import { ok } from '../../../drafting/result.ts'
import { createI18n } from '../../i18n/instance.ts'
import type { Locale } from '../../i18n/locales.ts'
import type { Mailer } from '../mailer.ts'
import type { Clock } from '../services.ts'
import { invitationEmail } from '../invitation-emails.ts'

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
export function institutionServices({ db, mailer, clock = () => new Date() }: { db: Db; mailer: Mailer; clock?: Clock }) {
  return {
    interestedParties: (actor: Actor, slug: string) => interestedPartiesPage(db, actor, slug),
    askToBeListed: (actor: Actor, slug: string, input: ListingRequest) => askToBeListed(db, actor, slug, input, clock()),
    addWrittenRequest: (actor: Actor, slug: string, input: WrittenRequest) => addByStaff(db, actor, slug, input, clock()),
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
