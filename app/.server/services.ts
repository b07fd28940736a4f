import type { Db } from '../../accounts/db.ts'
import * as accounts from '../../accounts/index.ts'
import type { Actor } from '../../accounts/actor.ts'
import { readDraft } from '../../drafting/reading.ts'
import type { DraftScript } from '../../drafting/language.ts'
import { assignDraftRole, listDraftTeam, removeDraftRole } from '../../drafting/assignments.ts'
import { loadDraftAccess } from '../../drafting/permissions.ts'
import type { DraftRoleGrant, DraftRoleRevocation } from '../../drafting/inputs.ts'
import { openWorkingCopy, saveWorkingCopy } from '../../drafting/working-copy.ts'
import { listVersions, saveVersion, type NewVersion } from '../../drafting/versions.ts'
import { createDraft, listDraftOwnerChoices, type DraftCreation } from '../../drafting/drafts.ts'
import { compareVersions, compareWithImported } from '../../drafting/comparison.ts'
import { importFile } from '../../drafting/import-file.ts'
import { listDrafts } from '../../consultation/draft-listing.ts'
import { listMyComments } from '../../consultation/my-comments.ts'
import { openRoundForDraft } from '../../consultation/rounds.ts'
import { listRoundComments, prepareComment, submitComment } from '../../consultation/comments.ts'
import { readVersionIndex, storeVersionIndex } from '../../consultation/search/draft-index.ts'
import { indexVersionArticles } from '../../consultation/search/store.ts'
import { searchSite } from '../../consultation/search/search.ts'
import type { SiteSearchQuery } from '../../consultation/search/query.ts'
import type { NewComment } from '../../consultation/inputs.ts'
import { readAttachment } from '../../consultation/attachments.ts'
import { settleUploads, type StagedUpload } from './attachment-store.ts'
import type { Mailer } from './mailer.ts'
import type { RateLimits } from './rate-limit.ts'
import { alreadyRegisteredEmail, confirmationEmail, passwordResetEmail } from './emails.ts'
import { bindAdminServices } from './admin-services.ts'
import { moderationServices } from './services/moderation.ts'
import { roundServices } from './services/rounds.ts'
import { institutionServices } from './services/institutions.ts'
import { answerServices } from './services/answers.ts'
import { reportServices } from './services/report.ts'
import { openDataServices } from './services/open-data.ts'

/** A clock, so that tests can fix "now". */
export type Clock = () => Date

export interface ServiceDeps {
  db: Db
  mailer: Mailer
  rateLimits: RateLimits
  clock?: Clock
  /** Where links in e-mails sent without a request (invitations when a round opens) point. */
  publicUrl?: string
}

/** Where links in e-mails point, and in which language the e-mail is written. */
export interface MailContext {
  baseUrl: string
  locale: string
}

/**
 * The domain bound to one database, mailer and clock: what routes and the CLI call.
 * E-mails go out after the domain's transaction has committed.
 */
export function bindServices({ db, mailer, rateLimits, clock = () => new Date(), publicUrl = 'http://localhost:3000' }: ServiceDeps) {
  const institutions = institutionServices({ db, mailer, clock, rateLimits })
  // Interested parties are invited when a round opens, by hand or by schedule.
  const onOpened = async (roundId: string) => {
    await institutions.sendInvitations(roundId, publicUrl)
  }
  return {
    rateLimits,
    drafting: {
      readDraft: (slug: string, options?: { versionSeq?: number; script?: DraftScript }) => readDraft(db, slug, options),
      draftAccess: (actor: Actor, draftId: string) => loadDraftAccess(db, actor, draftId),
      draftTeam: (actor: Actor, slug: string) => listDraftTeam(db, actor, slug),
      assignDraftRole: (actor: Actor, slug: string, input: DraftRoleGrant) => assignDraftRole(db, actor, slug, input, clock()),
      removeDraftRole: (actor: Actor, slug: string, input: DraftRoleRevocation) => removeDraftRole(db, actor, slug, input, clock()),
      openWorkingCopy: (actor: Actor, slug: string) => openWorkingCopy(db, actor, slug),
      saveWorkingCopy: (actor: Actor, slug: string, input: { doc: unknown; baseRevision: number }) => saveWorkingCopy(db, actor, slug, input, clock()),
      /** Saves a version, then builds its in-page search index (consultation/search/draft-index.ts) in the same request. */
      saveVersion: async (actor: Actor, slug: string, input: NewVersion) => {
        const saved = await saveVersion(db, actor, slug, input, clock(), indexVersionArticles)
        if (saved.ok) await storeVersionIndex(db, saved.value.id)
        return saved
      },
      listVersions: (slug: string) => listVersions(db, slug),
      compareVersions: (slug: string, from: number, to: number) => compareVersions(db, slug, from, to),
      createDraft: (actor: Actor, input: DraftCreation) => createDraft(db, actor, input, clock()),
      draftOwnerChoices: (actor: Actor) => listDraftOwnerChoices(db, actor),
      /** Imports a file (a RangeError says why it cannot be read) and compares it with a version. */
      compareWithFile: async (slug: string, to: number, file: string) => {
        const { doc, report } = await importFile(file, { numbering: 'frozen' })
        return { comparison: await compareWithImported(db, slug, to, doc), report }
      },
    },
    rounds: roundServices({ db, mailer, clock, onOpened }),
    consultation: {
      listDrafts: () => listDrafts(db, clock()),
      myComments: (actor: Actor) => listMyComments(db, actor, clock()),
      openRoundForDraft: (draftId: string) => openRoundForDraft(db, draftId, clock()),
      listRoundComments: (roundId: string) => listRoundComments(db, roundId, clock()),
      prepareComment: (actor: Actor, roundId: string, targetNodeId?: string) => prepareComment(db, actor, roundId, targetNodeId, clock()),
      /** Records a comment with its staged file; the file is kept only if its row committed. */
      submitComment: (actor: Actor, roundId: string, input: NewComment, uploads: readonly StagedUpload[] = []) =>
        settleUploads(db, uploads, () => submitComment(db, actor, input, { roundId, now: clock(), attachments: uploads.map((u) => u.file) })),
      readAttachment: (actor: Actor, attachmentId: string) => readAttachment(db, actor, attachmentId, clock()),
      versionSearchIndex: (slug: string, seq: number) => readVersionIndex(db, slug, seq),
      /** Site-wide search (/search): articles, comments, answers this person may read. */
      searchSite: (actor: Actor, query: SiteSearchQuery) => searchSite(db, actor, query, clock()),
    },
    accounts: {
      loadActor: (userId: string) => accounts.loadActor(db, userId),
      resumeSession: (token: string) => accounts.resumeSession(db, token, clock()),
      /** The session's person in one read (the session middleware's question on every request). */
      resumeSessionActor: (token: string) => accounts.resumeSessionActor(db, token, clock()),

      async register(input: accounts.Registration, mail: MailContext) {
        const outcome = await accounts.registerUser(db, input, { now: clock(), locale: mail.locale })
        if (outcome.kind === 'confirm') {
          const link = `${mail.baseUrl}/confirm-email?token=${encodeURIComponent(outcome.token)}`
          await mailer.send(confirmationEmail(outcome.email, mail.locale, { name: outcome.name, link }))
        } else {
          await mailer.send(
            alreadyRegisteredEmail(outcome.email, mail.locale, {
              name: outcome.name ?? '',
              loginLink: `${mail.baseUrl}/login`,
              resetLink: `${mail.baseUrl}/forgot-password`,
            }),
          )
        }
      },

      confirmEmail: (token: string) => accounts.confirmEmail(db, token, clock()),

      /**
       * Checks the credentials and starts a new session; an unconfirmed account gets a fresh
       * link. The interface language: the one chosen on this device before logging in
       * (`chosenLocale`, its cookie), kept on the account; else the account's own.
       */
      async logIn(input: accounts.Login, mail: MailContext, chosenLocale: string | null = null) {
        const now = clock()
        const result = await accounts.authenticate(db, input, now)
        if (!result.ok) {
          if (result.reason === 'email-not-confirmed' && result.userId) {
            const renewed = await accounts.renewConfirmation(db, result.userId, now)
            if (renewed) {
              const link = `${mail.baseUrl}/confirm-email?token=${encodeURIComponent(renewed.token)}`
              await mailer.send(confirmationEmail(input.email, mail.locale, { name: '', link }))
            }
          }
          return accounts.fail(result.reason)
        }
        const session = await accounts.createSession(db, result.value.userId, now)
        if (chosenLocale !== null && chosenLocale !== result.value.locale) await accounts.setPreferredLocale(db, result.value.userId, chosenLocale)
        return accounts.ok({ ...session, locale: chosenLocale ?? result.value.locale })
      },

      logOut: (token: string) => accounts.endSession(db, token),

      async requestPasswordReset(email: string, mail: MailContext) {
        const prepared = await accounts.requestPasswordReset(db, email, clock())
        if (!prepared) return
        const link = `${mail.baseUrl}/reset-password?token=${encodeURIComponent(prepared.token)}`
        await mailer.send(passwordResetEmail(email, prepared.locale ?? mail.locale, { name: prepared.name ?? '', link }))
      },

      resetPassword: (input: accounts.PasswordReset) => accounts.resetPassword(db, input, clock()),
      profile: (userId: string) => accounts.getProfile(db, userId),
      updateProfile: (userId: string, input: accounts.ProfileUpdate) => accounts.updateProfile(db, userId, input, clock()),
      setPreferredLocale: (userId: string, locale: string) => accounts.setPreferredLocale(db, userId, locale),
      changePassword: (userId: string, input: accounts.PasswordChange, keepSessionId: string | null) =>
        accounts.changePassword(db, userId, input, { now: clock(), keepSessionId: keepSessionId ?? undefined }),
      deleteAccount: (userId: string, input: accounts.AccountDeletion) => accounts.deleteAccount(db, userId, input, clock()),

      requestOrganisation: (actor: Actor, input: accounts.OrganisationRequest) => accounts.requestOrganisation(db, actor, input, clock()),
      decideOrganisation: (actor: Actor, slug: string, input: accounts.OrganisationDecision) => accounts.decideOrganisation(db, actor, slug, input, clock()),
      addMember: (actor: Actor, slug: string, input: accounts.MemberAddition) => accounts.addMember(db, actor, slug, input, clock()),
      setMemberRole: (actor: Actor, slug: string, input: accounts.MemberRoleChange) => accounts.setMemberRole(db, actor, slug, input, clock()),
      organisation: (slug: string) => accounts.getOrganisation(db, slug),
      organisations: (filter?: { verification?: string }) => accounts.listOrganisations(db, filter),
    },
    admin: bindAdminServices(db, clock),
    moderation: moderationServices({ db, mailer, clock }),
    institutions,
    answers: answerServices({ db, mailer, clock }),
    report: reportServices({ db, mailer, clock }),
    openData: openDataServices({ db, clock }),
    health: async () => {
      await db.$queryRawUnsafe('SELECT 1')
      return { database: 'ok' as const }
    },
  }
}
export type Services = ReturnType<typeof bindServices>
