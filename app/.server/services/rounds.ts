import type { Db } from '../../../accounts/db.ts'
import type { Actor } from '../../../accounts/actor.ts'
import type { NewHearing, RoundPlan } from '../../../consultation/plan-inputs.ts'
import {
  addHearing, closeRoundNow, manageRound, openRoundNow, planRound, removeHearing, roundPlanChoices, updateRoundPlan,
} from '../../../consultation/plans.ts'
import {
  listSectionComments, PREVIEW_PER_UNIT, previewRoundComments, readPublicRound, replyParent, sectionRevisions, type CommentSection,
} from '../../../consultation/public-round.ts'
import { recordScheduledTransitions } from '../../../consultation/transitions.ts'
import type { Mailer } from '../mailer.ts'
import { commentForEditing, editComment, enterComment, withdrawComment } from '../../../consultation/comment-changes.ts'
import type { CommentEdit, StaffEnteredComment } from '../../../consultation/comment-change-inputs.ts'
import { settleUploads, type StagedUpload } from '../attachment-store.ts'

/** Called with the ids of rounds that have just opened, to invite their interested parties. */
export type RoundOpenedHook = (roundId: string) => Promise<void>

/**
 * Planning and running rounds, and their public page, bound to one database and clock.
 * `onOpened` runs after a round opened (by hand or by schedule) and the change committed.
 */
export function roundServices({ db, clock, onOpened }: { db: Db; mailer: Mailer; clock: () => Date; onOpened?: RoundOpenedHook }) {
  const opened = async (roundIds: string[]) => {
    for (const id of roundIds) await onOpened?.(id)
  }
  return {
    planChoices: (actor: Actor, slug: string) => roundPlanChoices(db, actor, slug, clock()),
    plan: (actor: Actor, slug: string, plan: RoundPlan) => planRound(db, actor, slug, plan, clock()),
    updatePlan: (actor: Actor, roundId: string, plan: RoundPlan) => updateRoundPlan(db, actor, roundId, plan, clock()),
    manage: (actor: Actor, roundId: string) => manageRound(db, actor, roundId, clock()),
    async openNow(actor: Actor, roundId: string) {
      const result = await openRoundNow(db, actor, roundId, clock())
      if (result.ok) await opened([roundId])
      return result
    },
    closeNow: (actor: Actor, roundId: string, reason: string) => closeRoundNow(db, actor, roundId, reason, clock()),
    addHearing: (actor: Actor, roundId: string, hearing: NewHearing) => addHearing(db, actor, roundId, hearing, clock()),
    removeHearing: (actor: Actor, roundId: string, hearingId: string) => removeHearing(db, actor, roundId, hearingId, clock()),
    readPublic: (actor: Actor, roundId: string) => readPublicRound(db, actor, roundId, clock()),
    /** Counts and first comments of a round's sections: all, or only those named (by sectionKeyOf). */
    previewComments: (roundId: string, only?: readonly string[]) => previewRoundComments(db, roundId, clock(), PREVIEW_PER_UNIT, only),
    sectionRevisions: (roundId: string) => sectionRevisions(db, roundId),
    replyParent: (roundId: string, commentId: string) => replyParent(db, roundId, commentId, clock()),
    sectionComments: (roundId: string, section: CommentSection, page: number) => listSectionComments(db, roundId, section, page, clock()),
    commentForEditing: (actor: Actor, commentId: string) => commentForEditing(db, actor, commentId, clock()),
    editComment: (actor: Actor, commentId: string, edit: CommentEdit) => editComment(db, actor, commentId, edit, clock()),
    withdrawComment: (actor: Actor, commentId: string) => withdrawComment(db, actor, commentId, clock()),
    /** Enters a letter's comment with its staged scan; the files are kept only if the rows committed. */
    enterComment: (actor: Actor, roundId: string, input: StaffEnteredComment, uploads: readonly StagedUpload[] = []) =>
      settleUploads(db, uploads, () => enterComment(db, actor, roundId, input, clock(), uploads.map((u) => u.file))),
    /** Writes down the schedule's transitions and invites parties to rounds that opened. */
    async sweep() {
      const result = await recordScheduledTransitions(db, clock())
      await opened(result.opened)
      return result
    },
  }
}
