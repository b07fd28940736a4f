import type { Db } from '../drafting/db.ts'
import type { Actor } from '../accounts/actor.ts'
import { recordAudit } from '../accounts/audit.ts'
import { canActForOrganisation } from '../accounts/permissions.ts'
import { hashToken, newToken } from '../accounts/tokens.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import type { EmailListingRequest, ListingRequest, WrittenRequest } from './interested-party-inputs.ts'
import { categoryOfOrganisationKind, publicListing, type PublicListing } from './interested-party-listing.ts'
import { partiesCsv, type CsvLabels } from './interested-parties-csv.ts'
import { canAskToBeListed, canManageInterestedParties, canRemoveParty, keepsPublicLists } from './institution-permissions.ts'
import { roundState } from './round-state.ts'

// An institution's list of interested parties (2006 rules, art. 3; SG BiH 5/17, art. 3):
// organisations and individuals who asked to be told when the institution consults.
// Anyone signed in asks for themself or for their verified organisation; anyone else asks
// with their e-mail address and confirms through an e-mailed link; staff enter written
// requests; the public sees the list without addresses; when a
// round opens, every party on the list gets one invitation (docs/decisions/0021).

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002'

/** The institution a list or plan belongs to, by slug: a verified ministry or public institution, else null. */
export async function loadInstitution(db: Db, slug: string) {
  const org = await db.organisation.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, kind: true, verification: true } })
  return org && keepsPublicLists(org) ? org : null
}

/** The institution whose list or plan is shown. */
export interface InstitutionRef {
  id: string
  slug: string
  name: string
}

/** Whether an entry was new, or an earlier one taken off the list and now put back. */
export interface ListedOutcome {
  partyId: string
  reactivated: boolean
}

/**
 * Why a person could not be put on the list:
 * - `not-found`: no such institution (or the organisation keeps no list: not a verified
 *   ministry or public institution);
 * - `forbidden`: only signed-in people ask for themselves (others write to the institution);
 * - `not-a-member`: they asked for an organisation they do not belong to, or one not verified;
 * - `already-listed`: that address is on the list already.
 */
export type ListingProblem = 'not-found' | 'forbidden' | 'not-a-member' | 'already-listed'

/**
 * Puts the signed-in person on an institution's list, with their account's name and
 * e-mail address: in their own name (named publicly only if they agreed), or for a
 * verified organisation they belong to (always named publicly, by the organisation's
 * name). An entry taken off earlier is put back.
 */
export async function askToBeListed(
  db: Db,
  actor: Actor,
  institutionSlug: string,
  input: ListingRequest,
  now: Date,
): Promise<Result<ListedOutcome, ListingProblem>> {
  const institution = await loadInstitution(db, institutionSlug)
  if (!institution) return fail('not-found')
  if (!canAskToBeListed(actor) || !actor.userId) return fail('forbidden')
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true, name: true } })
  if (!user?.email) return fail('forbidden')
  let organisation: { name: string; kind: string } | null = null
  if (input.onBehalfOf !== undefined) {
    if (!canActForOrganisation(actor, input.onBehalfOf)) return fail('not-a-member')
    organisation = await db.organisation.findUnique({ where: { id: input.onBehalfOf }, select: { name: true, kind: true } })
    if (!organisation) return fail('not-a-member')
  }
  const details = {
    userId: actor.userId,
    name: user.name ?? user.email,
    organisationName: organisation?.name ?? null,
    category: organisation ? categoryOfOrganisationKind(organisation.kind) : 'citizen',
    listedPublicly: organisation !== null || input.listedPublicly,
    source: 'self',
  }
  return putOnList(db, institution.id, user.email, details, {
    actorId: actor.userId, now, audit: { source: 'self', onBehalfOf: input.onBehalfOf ?? null, listedPublicly: details.listedPublicly, consentToBeKept: true },
  })
}

/**
 * Why a written request could not be entered:
 * - `not-found`: no such institution, or one that keeps no list;
 * - `forbidden`: only the institution's staff and coordinator, and administrators, enter them;
 * - `already-listed`: that address is on the list already.
 */
export type WrittenRequestProblem = 'not-found' | 'forbidden' | 'already-listed'

/**
 * Enters a written request (a letter, an e-mail, a form handed in) on the institution's
 * list. Organisations are named publicly; an individual only if the request says so.
 */
export async function addByStaff(
  db: Db,
  actor: Actor,
  institutionSlug: string,
  input: WrittenRequest,
  now: Date,
): Promise<Result<ListedOutcome, WrittenRequestProblem>> {
  const institution = await loadInstitution(db, institutionSlug)
  if (!institution) return fail('not-found')
  if (!canManageInterestedParties(actor, institution.id)) return fail('forbidden')
  const organisation = input.category !== 'citizen'
  const details = {
    userId: null,
    name: input.name,
    organisationName: input.organisationName ?? null,
    category: input.category,
    listedPublicly: organisation || input.listedPublicly,
    source: 'staff',
  }
  return putOnList(db, institution.id, input.email, details, {
    actorId: actor.userId, now, audit: { source: 'staff', category: input.category, listedPublicly: details.listedPublicly },
  })
}

/** How long an e-mailed confirmation link works. */
export const LISTING_CONFIRMATION_TTL_MS = 7 * 24 * 60 * 60 * 1000

/**
 * What a request by e-mail leads to, for the caller to e-mail (the page says the same in
 * every case, so nobody learns which addresses are on the list):
 * - `confirm`: a pending request was stored; send the link with this token to `email`;
 * - `ignored`: the hidden field was filled (a bot): nothing was kept, nothing is sent.
 */
export type EmailListingOutcome =
  | { kind: 'confirm'; email: string; name: string; token: string; institution: InstitutionRef; expiresAt: Date }
  | { kind: 'ignored' }

/**
 * Someone without an account asks to be put on an institution's list: the request waits,
 * with only the hash of a random token, until the link e-mailed to the address is opened
 * (`confirmListing`), for `LISTING_CONFIRMATION_TTL_MS`. Whether the address is already on
 * the list is told only on confirmation, to the owner of the address. Requests that have
 * expired are deleted here (their names and addresses are kept no longer than that).
 * `not-found`: no such institution, or one that keeps no list.
 */
export async function requestListingByEmail(
  db: Db,
  institutionSlug: string,
  input: EmailListingRequest,
  now: Date,
): Promise<Result<EmailListingOutcome, 'not-found'>> {
  const institution = await loadInstitution(db, institutionSlug)
  if (!institution) return fail('not-found')
  if (input.website !== '') return ok({ kind: 'ignored' })
  const { token, hash } = newToken()
  const expiresAt = new Date(now.getTime() + LISTING_CONFIRMATION_TTL_MS)
  await db.$transaction([
    db.pendingListing.deleteMany({ where: { expiresAt: { lte: now } } }),
    db.pendingListing.create({
      data: {
        institutionId: institution.id, name: input.name, email: input.email, organisationName: input.organisationName ?? null,
        category: input.category, listedPublicly: input.category !== 'citizen' || input.listedPublicly,
        tokenHash: hash, expiresAt, createdAt: now,
      },
    }),
  ])
  return ok({ kind: 'confirm', email: input.email, name: input.name, token, institution: { id: institution.id, slug: institution.slug, name: institution.name }, expiresAt })
}

/**
 * Why a confirmation link did not put anyone on the list:
 * - `invalid-token`: no such link (mistyped, or expired long ago and deleted);
 * - `used-token`: the link was used already (the entry was made then);
 * - `expired-token`: older than seven days; ask again on the list's page;
 * - `not-found`: the institution no longer keeps a list;
 * - `already-listed`: the address was on the list already (nothing changed).
 */
export type ListingConfirmationProblem = 'invalid-token' | 'used-token' | 'expired-token' | 'not-found' | 'already-listed'

/**
 * Confirms a request by e-mail with the token from its link: puts the entry on the list
 * (source `self`, no account) once, through the same path as every other request, and
 * records the consent and the confirmation time in the audit log. The token works once;
 * the request's copy of the name and address is erased when it is used.
 */
export async function confirmListing(
  db: Db,
  token: string,
  now: Date,
): Promise<Result<ListedOutcome & { institution: InstitutionRef }, ListingConfirmationProblem>> {
  const request = await db.pendingListing.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true, name: true, email: true, organisationName: true, category: true, listedPublicly: true, expiresAt: true, confirmedAt: true, createdAt: true,
      institution: { select: { id: true, slug: true, name: true, kind: true, verification: true } },
    },
  })
  if (!request) return fail('invalid-token')
  if (request.confirmedAt) return fail('used-token')
  if (request.expiresAt <= now) return fail('expired-token')
  // Claimed before the entry is made: of two confirmations at once, one goes on.
  const claimed = await db.pendingListing.updateMany({
    where: { id: request.id, confirmedAt: null },
    data: { confirmedAt: now, name: '', email: '', organisationName: null },
  })
  if (claimed.count === 0) return fail('used-token')
  const institution = await loadInstitution(db, request.institution.slug)
  if (!institution) return fail('not-found')
  const ref = { id: institution.id, slug: institution.slug, name: institution.name }
  const details = {
    userId: null,
    name: request.name,
    organisationName: request.organisationName,
    category: request.category,
    listedPublicly: request.listedPublicly,
    source: 'self',
  }
  const listed = await putOnList(db, institution.id, request.email, details, {
    actorId: null,
    now,
    audit: {
      source: 'self', by: 'email-confirmation', category: request.category, listedPublicly: request.listedPublicly,
      consentToBeKept: true, askedAt: request.createdAt.toISOString(), confirmedAt: now.toISOString(),
    },
  })
  return listed.ok ? ok({ ...listed.value, institution: ref }) : listed
}

type PartyDetails = {
  userId: string | null
  name: string
  organisationName: string | null
  category: string
  listedPublicly: boolean
  source: string
}

/** Creates the entry, or puts back one taken off earlier; an active one is `already-listed`. */
async function putOnList(
  db: Db,
  institutionId: string,
  email: string,
  details: PartyDetails,
  ctx: { actorId: string | null; now: Date; audit: Record<string, unknown> },
): Promise<Result<ListedOutcome, 'already-listed'>> {
  const address = email.trim().toLowerCase()
  const existing = await db.interestedParty.findUnique({
    where: { institutionId_email: { institutionId, email: address } },
    select: { id: true, removedAt: true },
  })
  if (existing && existing.removedAt === null) return fail('already-listed')
  try {
    const party = await db.$transaction(async (tx) => {
      const party = existing
        ? await tx.interestedParty.update({
            // Only an entry that is still off the list is put back (two requests at once: one wins).
            where: { id: existing.id, removedAt: { not: null } },
            data: { ...details, removedAt: null, createdAt: ctx.now },
            select: { id: true },
          })
        : await tx.interestedParty.create({ data: { ...details, institutionId, email: address, createdAt: ctx.now }, select: { id: true } })
      await recordAudit(tx, {
        actorId: ctx.actorId, action: 'interested-party.added', objectType: 'interested-party', objectId: party.id,
        data: { institutionId, reactivated: existing !== null, ...ctx.audit }, at: ctx.now,
      })
      return party
    })
    return ok({ partyId: party.id, reactivated: existing !== null })
  } catch (error) {
    // P2002: created twice at once; P2025: put back twice at once. Either way it is listed.
    const code = (error as { code?: string }).code
    if (code === 'P2002' || code === 'P2025') return fail('already-listed')
    throw error
  }
}

/**
 * Why an entry could not be taken off:
 * - `not-found`: no such entry on this institution's list (or it is off already);
 * - `forbidden`: only the institution's staff, administrators and the person themself do it.
 */
export type RemovalProblem = 'not-found' | 'forbidden'

/**
 * Takes an entry off the list (sets `removedAt`): no more invitations, not on the public
 * list or the export. The row stays, so that the invitations already sent keep their record.
 */
export async function removeParty(
  db: Db,
  actor: Actor,
  institutionSlug: string,
  partyId: string,
  now: Date,
): Promise<Result<{ name: string; bySelf: boolean }, RemovalProblem>> {
  const institution = await loadInstitution(db, institutionSlug)
  if (!institution) return fail('not-found')
  const party = await db.interestedParty.findUnique({
    where: { id: partyId },
    select: { id: true, institutionId: true, userId: true, email: true, name: true, organisationName: true, category: true, removedAt: true },
  })
  if (!party || party.institutionId !== institution.id || party.removedAt !== null) return fail('not-found')
  const actorEmail = await accountEmail(db, actor)
  if (!canRemoveParty(actor, institution.id, party, actorEmail)) return fail('forbidden')
  const bySelf = !canManageInterestedParties(actor, institution.id)
  await db.$transaction(async (tx) => {
    await tx.interestedParty.update({ where: { id: party.id }, data: { removedAt: now } })
    await recordAudit(tx, {
      actorId: actor.userId, action: 'interested-party.removed', objectType: 'interested-party', objectId: party.id,
      data: { institutionId: institution.id, by: bySelf ? 'self' : 'staff' }, at: now,
    })
  })
  const name = party.category !== 'citizen' && party.organisationName ? party.organisationName : party.name
  return ok({ name, bySelf })
}

async function accountEmail(db: Db, actor: Actor): Promise<string | null> {
  if (!actor.userId) return null
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true } })
  return user?.email ?? null
}

/** An institution's public list: organisations and consenting individuals by name, the rest counted. */
export interface PublicPartyList extends PublicListing {
  institution: InstitutionRef
  /** Every active entry, named or not. */
  total: number
}

/** The list as anyone may read it (2006 rules, art. 3: given to anyone who asks). Never an address. */
export async function publicList(db: Db, institutionSlug: string): Promise<Result<PublicPartyList, 'not-found'>> {
  const institution = await loadInstitution(db, institutionSlug)
  if (!institution) return fail('not-found')
  const rows = await db.interestedParty.findMany({
    where: { institutionId: institution.id, removedAt: null },
    // Explicit fields: no address leaves this query.
    select: { name: true, organisationName: true, category: true, listedPublicly: true },
  })
  return ok({ institution: { id: institution.id, slug: institution.slug, name: institution.name }, ...publicListing(rows), total: rows.length })
}

/** An entry as the institution's staff see it. */
export interface StaffParty {
  id: string
  name: string
  email: string
  organisationName: string | null
  category: string
  listedPublicly: boolean
  /** self (asked on the site) or staff (a written request) */
  source: string
  createdAt: Date
  /** Rounds the party has been invited to. */
  invitations: number
}

/**
 * Why the full list cannot be shown:
 * - `not-found`: no such institution, or one that keeps no list;
 * - `forbidden`: addresses are for the institution's staff and administrators only.
 */
export type StaffListProblem = 'not-found' | 'forbidden'

/** The full list with addresses, for the institution's staff: organisations first, then by name. */
export async function staffList(db: Db, actor: Actor, institutionSlug: string): Promise<Result<{ institution: InstitutionRef; parties: StaffParty[] }, StaffListProblem>> {
  const institution = await loadInstitution(db, institutionSlug)
  if (!institution) return fail('not-found')
  if (!canManageInterestedParties(actor, institution.id)) return fail('forbidden')
  const rows = await db.interestedParty.findMany({
    where: { institutionId: institution.id, removedAt: null },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: {
      id: true, name: true, email: true, organisationName: true, category: true, listedPublicly: true, source: true, createdAt: true,
      _count: { select: { invitations: true } },
    },
  })
  const collator = new Intl.Collator('bs', { sensitivity: 'base' })
  const sortName = (p: { category: string; organisationName: string | null; name: string }) => (p.category !== 'citizen' && p.organisationName ? p.organisationName : p.name)
  const parties = rows
    .map(({ _count, ...p }) => ({ ...p, invitations: _count.invitations }))
    .sort((a, b) => Number(a.category === 'citizen') - Number(b.category === 'citizen') || collator.compare(sortName(a), sortName(b)))
  return ok({ institution: { id: institution.id, slug: institution.slug, name: institution.name }, parties })
}

/**
 * The full list as a CSV file for the institution's staff (see interested-parties-csv.ts),
 * with an audit event: the file holds people's addresses.
 */
export async function exportInterestedParties(
  db: Db,
  actor: Actor,
  institutionSlug: string,
  labels: CsvLabels,
  now: Date,
): Promise<Result<{ institutionSlug: string; csv: string; count: number }, StaffListProblem>> {
  const list = await staffList(db, actor, institutionSlug)
  if (!list.ok) return list
  await recordAudit(db, {
    actorId: actor.userId, action: 'interested-parties.exported', objectType: 'organisation', objectId: list.value.institution.id,
    data: { count: list.value.parties.length }, at: now,
  })
  return ok({ institutionSlug: list.value.institution.slug, csv: partiesCsv(list.value.parties, labels), count: list.value.parties.length })
}

/** The signed-in person's own entry on a list: by their account, or by their address. */
export interface OwnEntry {
  partyId: string
  organisationName: string | null
  listedPublicly: boolean
  source: string
  createdAt: Date
}

/** What the list's page shows a given person: the public list, their own entry, their choices, and for staff the full list. */
export interface InterestedPartiesPage {
  list: PublicPartyList
  /** The signed-in person's name and address, as an entry in their own name would hold them. */
  account: { name: string | null; email: string } | null
  /** The person's own active entry, if they are on the list. */
  own: OwnEntry | null
  /** Verified organisations the person may ask for, besides themself. */
  organisations: { id: string; name: string }[]
  /** The full list with addresses: staff and administrators only. */
  staff: StaffParty[] | null
}

/** The interested-parties page of an institution, as this person may see it. */
export async function interestedPartiesPage(db: Db, actor: Actor, institutionSlug: string): Promise<Result<InterestedPartiesPage, 'not-found'>> {
  const list = await publicList(db, institutionSlug)
  if (!list.ok) return list
  const institutionId = list.value.institution.id
  let own: OwnEntry | null = null
  let account: { name: string | null; email: string } | null = null
  let organisations: { id: string; name: string }[] = []
  if (actor.userId) {
    const user = await db.user.findUnique({ where: { id: actor.userId }, select: { name: true, email: true } })
    const email = user?.email ?? null
    if (email) account = { name: user!.name, email }
    own = await db.interestedParty.findFirst({
      where: { institutionId, removedAt: null, OR: [{ userId: actor.userId }, ...(email ? [{ email }] : [])] },
      orderBy: { createdAt: 'asc' },
      select: { id: true, organisationName: true, listedPublicly: true, source: true, createdAt: true },
    }).then((p) => p && { partyId: p.id, organisationName: p.organisationName, listedPublicly: p.listedPublicly, source: p.source, createdAt: p.createdAt })
    const ids = actor.memberships.filter((m) => canActForOrganisation(actor, m.organisationId)).map((m) => m.organisationId)
    if (ids.length) organisations = await db.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
  }
  const staff = await staffList(db, actor, institutionSlug)
  return ok({ list: list.value, account, own, organisations, staff: staff.ok ? staff.value.parties : null })
}

/** One invitation to send: to whom, about which round, and where the round is read. */
export interface InvitationEmail {
  partyId: string
  to: string
  name: string
  /** The person's preferred interface language, when the entry belongs to an account that set one. */
  locale: string | null
  institution: string
  institutionSlug: string
  roundTitle: string
  draftTitle: string
  /** The draft's language variant (bs, hr, sr) and script (latn, cyrl): the e-mail's language otherwise. */
  draftLanguage: string
  draftScript: string
  opensAt: Date
  closesAt: Date
  /** The round's page on the site, to be put after the public address: /rounds/<roundId>. */
  path: string
  /** The token of this invitation's link off the list (only its hash is stored). */
  leaveToken?: string
}

/**
 * Why no invitations were made:
 * - `round-not-found`: no such round;
 * - `round-not-open`: the round is not open at `now` (planned, closed, or reported on).
 */
export type InvitationProblem = 'round-not-found' | 'round-not-open'

const INVITATION_ATTEMPTS = 5

/**
 * Records an invitation to an open round for every party on the list of the draft's
 * institution that has not had one (and is not off the list), in one transaction, and
 * returns the e-mails to send after it commits. The unique (roundId, partyId) makes each
 * invitation exactly-once however often and on however many app instances this runs:
 * only the call whose transaction created the row returns its e-mail. Called when a round
 * opens (by schedule or by hand); calling it again later invites parties added since.
 */
export async function inviteInterestedParties(db: Db, roundId: string, now: Date): Promise<Result<InvitationEmail[], InvitationProblem>> {
  const round = await db.round.findUnique({
    where: { id: roundId },
    select: {
      id: true, title: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true,
      draft: { select: { title: true, language: true, script: true, ownerId: true, owner: { select: { name: true, slug: true } } } },
    },
  })
  if (!round) return fail('round-not-found')
  if (roundState(round, now) !== 'open') return fail('round-not-open')
  for (let attempt = 1; ; attempt++) {
    const parties = await db.interestedParty.findMany({
      where: { institutionId: round.draft.ownerId, removedAt: null, invitations: { none: { roundId } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, email: true, userId: true },
    })
    if (parties.length === 0) return ok([])
    const tokens = parties.map(() => newToken())
    try {
      // The insert is the transaction's first statement, so it waits for SQLite's write lock
      // (busy_timeout) instead of failing on a stale read; a party another instance invited
      // meanwhile breaks the unique key, the whole batch rolls back, and we read again.
      await db.$transaction(async (tx) => {
        await tx.roundInvitation.createMany({ data: parties.map((p, i) => ({ roundId, partyId: p.id, sentAt: now, leaveTokenHash: tokens[i]!.hash })) })
        await recordAudit(tx, {
          actorId: null, action: 'round.interested-parties-invited', objectType: 'round', objectId: roundId, data: { count: parties.length }, at: now,
        })
      })
    } catch (error) {
      if (isUniqueViolation(error) && attempt < INVITATION_ATTEMPTS) continue
      throw error
    }
    const userIds = parties.flatMap((p) => (p.userId ? [p.userId] : []))
    const locales = new Map(
      userIds.length
        ? (await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, locale: true } })).map((u) => [u.id, u.locale] as const)
        : [],
    )
    return ok(parties.map((p, i) => ({
      partyId: p.id,
      to: p.email,
      name: p.name,
      locale: (p.userId && locales.get(p.userId)) || null,
      institution: round.draft.owner.name,
      institutionSlug: round.draft.owner.slug,
      roundTitle: round.title,
      draftTitle: round.draft.title,
      draftLanguage: round.draft.language,
      draftScript: round.draft.script,
      opensAt: round.opensAt,
      closesAt: round.closesAt,
      path: `/rounds/${round.id}`,
      leaveToken: tokens[i]!.token,
    })))
  }
}

/**
 * Why the link in an invitation did not take anyone off the list:
 * - `invalid-token`: no invitation has that link (mistyped, or cut short).
 */
export type LeaveProblem = 'invalid-token'

/**
 * Takes the invited party off the list with the token from the link in an invitation: no
 * account needed, so everyone on a list can leave it (the rules let anyone ask to be
 * added; leaving must be as easy). The link keeps working; a party already off is told so.
 */
export async function leaveByLink(
  db: Db,
  token: string,
  now: Date,
): Promise<Result<{ institution: InstitutionRef; alreadyOff: boolean }, LeaveProblem>> {
  const invitation = await db.roundInvitation.findUnique({
    where: { leaveTokenHash: hashToken(token) },
    select: { party: { select: { id: true, removedAt: true, institution: { select: { id: true, slug: true, name: true } } } } },
  })
  if (!invitation) return fail('invalid-token')
  const { party } = invitation
  if (party.removedAt !== null) return ok({ institution: party.institution, alreadyOff: true })
  const removed = await db.$transaction(async (tx) => {
    const updated = await tx.interestedParty.updateMany({ where: { id: party.id, removedAt: null }, data: { removedAt: now } })
    if (updated.count === 0) return false
    await recordAudit(tx, {
      actorId: null, action: 'interested-party.removed', objectType: 'interested-party', objectId: party.id,
      data: { institutionId: party.institution.id, by: 'invitation-link' }, at: now,
    })
    return true
  })
  return ok({ institution: party.institution, alreadyOff: !removed })
}
