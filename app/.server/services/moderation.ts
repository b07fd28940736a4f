import type { Db } from '../../../accounts/db.ts'
import type { Actor } from '../../../accounts/actor.ts'
import {
  approveComment, hideComment, moderationQueue, moderationSummary, redactComment, reportComment, reportableComment, reporterFor,
  setModerationSettings, unhideComment, type AuthorNotice, type CommentRef,
} from '../../../consultation/moderation.ts'
import type { CommentHiding, ModerationSettings, QueueView } from '../../../consultation/moderation-inputs.ts'
import type { ReportReason } from '../../../consultation/moderation-rules.ts'
import type { Mailer } from '../mailer.ts'
import type { Clock, MailContext } from '../services.ts'
import { moderationEmail } from '../moderation-emails.ts'

/**
 * Moderation bound to one database, mailer and clock: what the moderators' queue and the
 * report form call. The author's e-mail goes out after the domain's transaction commits.
 */
export function moderationServices({ db, mailer, clock = () => new Date() }: { db: Db; mailer: Mailer; clock?: Clock }) {
  async function tell(notice: AuthorNotice | null, mail: MailContext) {
    if (notice) await mailer.send(moderationEmail(notice, mail.baseUrl))
  }
  return {
    queue: (actor: Actor, roundId: string, filter: { view?: QueueView; page?: number } = {}) => moderationQueue(db, actor, roundId, filter, clock()),
    summary: (roundId: string) => moderationSummary(db, roundId),
    approve: (actor: Actor, ref: CommentRef) => approveComment(db, actor, ref, clock()),
    unhide: (actor: Actor, ref: CommentRef) => unhideComment(db, actor, ref, clock()),
    async hide(actor: Actor, ref: CommentRef, input: { reason: CommentHiding['reason']; note?: string }, mail: MailContext) {
      const result = await hideComment(db, actor, ref, input, clock())
      if (result.ok) await tell(result.value.notice, mail)
      return result
    },
    async redact(actor: Actor, ref: CommentRef, edited: string, mail: MailContext) {
      const result = await redactComment(db, actor, ref, edited, clock())
      if (result.ok) await tell(result.value.notice, mail)
      return result
    },
    setSettings: (actor: Actor, roundId: string, input: ModerationSettings) => setModerationSettings(db, actor, roundId, input, clock()),
    reportable: (ref: CommentRef) => reportableComment(db, ref, clock()),
    /** A reader's report: signed in (one per account) or not (one per address, hashed). */
    async report(actor: Actor, clientIp: string, ref: CommentRef, input: { reason?: ReportReason }, mail: MailContext) {
      const result = await reportComment(db, reporterFor(actor, clientIp, ref.commentId), ref, input, clock())
      if (result.ok) await tell(result.value.notice, mail)
      return result
    },
  }
}
export type ModerationServices = ReturnType<typeof moderationServices>
