import type { Actor } from '../accounts/actor.ts'
import { recordAudit } from '../accounts/audit.ts'
import type { Db, Tx } from '../drafting/db.ts'
import { loadDocument } from '../drafting/document.ts'
import { diffDocuments } from '../drafting/diff.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import { ANSWERABLE, assignablePeople, loadAnsweringRound, type AnsweringProblem, type AnsweringRound } from './answer-access.ts'
import type { CommentSelection } from './answer-inputs.ts'
import { changeAnchor, type ChangeLink } from './public-answers.ts'
import { indexComment, indexComments } from './search/store.ts'
import {
  answerStatusOf, canLinkChange, checkAnswer, nextPublication, notifyOnPublish, notifyWithReport,
  type AnswerMode, type AnswerProblem, type AnswerStatus,
} from './response-rules.ts'

// Answering comments on the institution's behalf: one comment, a whole campaign group,
// publishing reviewed drafts, assigning comments to staff, and linking an accepted
// comment to the change it led to. Every command checks canRespond itself, writes its
// audit event in the same transaction, and returns the e-mails its caller sends once the
// transaction has committed.

/** An e-mail to a comment's author: their comment has a public answer. */
export interface AnswerNotice {
  to: string
  /** The author's preferred interface language, if they chose one. */
  locale: string | null
  name: string | null
  draftTitle: string
  roundTitle: string
  status: AnswerStatus
  reasoning: string
}

const AUTHOR = { select: { email: true, name: true, locale: true, deletedAt: true } } as const
type AuthorRow = { email: string | null; name: string | null; locale: string | null; deletedAt: Date | null } | null

function noticeFor(author: AuthorRow, round: AnsweringRound, answer: { status: AnswerStatus; reasoning: string }): AnswerNotice[] {
  if (!author?.email || author.deletedAt) return []
  return [{
    to: author.email, locale: author.locale, name: author.name,
    draftTitle: round.row.draft.title, roundTitle: round.row.title, status: answer.status, reasoning: answer.reasoning,
  }]
}

// Prisma binds at most 999 values a statement on SQLite, and a campaign can be larger:
// ids go 900 a statement, new answers (seven values each) 120 a statement.
const IDS = 900
const ROWS = 120
function chunks<T>(items: readonly T[], size = IDS): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/** A rejected or noted comment led to no change: its link, if it had one, goes. */
const unlinkUnlessAccepted = (status: AnswerStatus) => (canLinkChange(status) ? {} : { changeVersionId: null, changeNodeId: null })

/** An answer as the form gives it. */
export interface AnswerDraft {
  status: string
  reasoning: string
  mode: AnswerMode
}

/** An answer just saved: whether it is published, public, and whom to tell. */
export interface SavedAnswer {
  commentId: string
  status: AnswerStatus
  published: boolean
  notices: AnswerNotice[]
}

/**
 * Why an answer was not saved:
 * - `round-not-found`, `forbidden`: no such round, or the actor may not answer (canRespond);
 * - `comment-not-found`: no published comment of this round has that id;
 * - `unknown-status`, `reasoning-required`: see checkAnswer;
 * - `already-published`: the answer is published; it is corrected by publishing, never
 *   taken back by saving a draft.
 */
export type SaveAnswerProblem = AnsweringProblem | 'comment-not-found' | AnswerProblem | 'already-published'

/**
 * Answers one comment with a status and reasoning, saved for review or published. The
 * author is told (the returned notices) the first time the answer is published, if the
 * round makes answers public at once.
 */
export async function saveAnswer(
  db: Db,
  actor: Actor,
  input: { commentId: string } & AnswerDraft,
  ctx: { roundId: string; now: Date },
): Promise<Result<SavedAnswer, SaveAnswerProblem>> {
  const { now } = ctx
  const round = await loadAnsweringRound(db, actor, ctx.roundId, now)
  if (!round.ok) return round
  const checked = checkAnswer(input)
  if (!checked.ok) return checked
  const comment = await db.comment.findFirst({
    where: { id: input.commentId, roundId: ctx.roundId, ...ANSWERABLE },
    select: { id: true, response: { select: { publishedAt: true } }, author: AUTHOR },
  })
  if (!comment) return fail('comment-not-found')
  const next = nextPublication(input.mode, comment.response, now)
  if (!next.ok) return next
  const { status, reasoning } = checked.value
  await db.$transaction(async (tx) => {
    await tx.response.upsert({
      where: { commentId: comment.id },
      create: { commentId: comment.id, status, reasoning, authorId: actor.userId, publishedAt: next.value.publishedAt, createdAt: now, updatedAt: now },
      update: { status, reasoning, authorId: actor.userId, publishedAt: next.value.publishedAt, updatedAt: now, ...unlinkUnlessAccepted(status) },
    })
    await indexComment(tx, comment.id)
    await recordAudit(tx, {
      actorId: actor.userId,
      action: input.mode === 'publish' ? 'response.published' : 'response.drafted',
      objectType: 'comment',
      objectId: comment.id,
      data: { roundId: ctx.roundId, status },
      at: now,
    })
  })
  const notices = notifyOnPublish(next.value.first, round.value.row, now) ? noticeFor(comment.author, round.value, checked.value) : []
  return ok({ commentId: comment.id, status, published: next.value.publishedAt !== null, notices })
}

/** The comments of a selection: by id, and every member of the selected groups. */
function selectionWhere(roundId: string, selection: CommentSelection) {
  return {
    roundId,
    ...ANSWERABLE,
    OR: [{ id: { in: selection.commentIds } }, { groupKey: { in: selection.groupKeys } }],
  }
}

/**
 * Publishes the reviewed draft answers among the selected comments (comments with no
 * answer, or a published one, are left as they are). Returns how many were published.
 */
export async function publishAnswers(
  db: Db,
  actor: Actor,
  selection: CommentSelection,
  ctx: { roundId: string; now: Date },
): Promise<Result<{ published: number; notices: AnswerNotice[] }, AnsweringProblem>> {
  const { now } = ctx
  const round = await loadAnsweringRound(db, actor, ctx.roundId, now)
  if (!round.ok) return round
  const rows = await db.$transaction(
    async (tx) => {
      const drafts = await tx.comment.findMany({
        where: { ...selectionWhere(ctx.roundId, selection), response: { is: { publishedAt: null } } },
        select: { id: true, response: { select: { status: true, reasoning: true } }, author: AUTHOR },
      })
      for (const part of chunks(drafts.map((d) => d.id))) {
        await tx.response.updateMany({ where: { commentId: { in: part }, publishedAt: null }, data: { publishedAt: now, updatedAt: now } })
      }
      await indexComments(tx, drafts.map((d) => d.id))
      if (drafts.length > 0) {
        await recordAudit(tx, {
          actorId: actor.userId, action: 'response.published', objectType: 'round', objectId: ctx.roundId,
          data: { commentIds: drafts.map((d) => d.id) }, at: now,
        })
      }
      return drafts
    },
    { timeout: 60_000 },
  )
  const notices = notifyOnPublish(true, round.value.row, now)
    ? rows.flatMap((r) => noticeFor(r.author, round.value, { status: answerStatusOf(r.response) as AnswerStatus, reasoning: r.response!.reasoning }))
    : []
  return ok({ published: rows.length, notices })
}

/** One answer given to a whole group: how many members it reached, and whom to tell. */
export interface GroupAnswer {
  groupKey: string
  /** Members answered now (new answers and replaced drafts; published ones too when publishing). */
  answered: number
  /** Members whose published answer a draft could not replace. */
  skipped: number
  notices: AnswerNotice[]
}

/**
 * Why a group answer was not saved: as saveAnswer, and `group-not-found` when no published
 * comment of the round carries that group key.
 */
export type GroupAnswerProblem = AnsweringProblem | 'group-not-found' | AnswerProblem

/**
 * Gives one answer to every member of a campaign group, in one transaction with batched
 * writes (a campaign of thousands takes as long as a few statements). Each member gets its
 * own Response row, so each author finds the answer under their own comment. Saved as a
 * draft, members whose answer is already published keep it (`skipped`).
 */
export async function answerGroup(
  db: Db,
  actor: Actor,
  input: { groupKey: string } & AnswerDraft,
  ctx: { roundId: string; now: Date },
): Promise<Result<GroupAnswer, GroupAnswerProblem>> {
  const { now } = ctx
  const round = await loadAnsweringRound(db, actor, ctx.roundId, now)
  if (!round.ok) return round
  const checked = checkAnswer(input)
  if (!checked.ok) return checked
  const { status, reasoning } = checked.value
  const publishedAt = input.mode === 'publish' ? now : null
  const outcome = await db.$transaction(
    async (tx) => {
      const members = await tx.comment.findMany({
        where: { roundId: ctx.roundId, groupKey: input.groupKey, ...ANSWERABLE },
        select: { id: true, response: { select: { publishedAt: true } }, author: AUTHOR },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      })
      if (members.length === 0) return null
      const fresh = members.filter((m) => !m.response)
      const drafts = members.filter((m) => m.response && !m.response.publishedAt)
      const published = members.filter((m) => m.response?.publishedAt)
      const replaced = input.mode === 'publish' ? [...drafts, ...published] : drafts
      for (const part of chunks(fresh, ROWS)) {
        await tx.response.createMany({
          data: part.map((m) => ({ commentId: m.id, status, reasoning, authorId: actor.userId, publishedAt, createdAt: now, updatedAt: now })),
        })
      }
      for (const part of chunks(replaced.map((m) => m.id))) {
        await tx.response.updateMany({
          where: { commentId: { in: part } },
          data: { status, reasoning, authorId: actor.userId, publishedAt, updatedAt: now, ...unlinkUnlessAccepted(status) },
        })
      }
      await indexComments(tx, [...fresh, ...replaced].map((m) => m.id))
      await recordAudit(tx, {
        actorId: actor.userId,
        action: input.mode === 'publish' ? 'response.group-published' : 'response.group-drafted',
        objectType: 'comment-group',
        objectId: input.groupKey,
        data: { roundId: ctx.roundId, status, commentIds: [...fresh, ...replaced].map((m) => m.id) },
        at: now,
      })
      const firstPublished = input.mode === 'publish' ? [...fresh, ...drafts] : []
      return { answered: fresh.length + replaced.length, skipped: members.length - fresh.length - replaced.length, firstPublished }
    },
    { timeout: 120_000 },
  )
  if (!outcome) return fail('group-not-found')
  const notices = notifyOnPublish(true, round.value.row, now) ? outcome.firstPublished.flatMap((m) => noticeFor(m.author, round.value, checked.value)) : []
  return ok({ groupKey: input.groupKey, answered: outcome.answered, skipped: outcome.skipped, notices })
}

/**
 * Why comments were not assigned: as for answering, and `not-assignable` when the person
 * has no role on the draft and is not staff of its institution.
 */
export type AssignProblem = AnsweringProblem | 'not-assignable'

/**
 * Gives the selected comments (whole groups included) to one person to answer, or takes
 * the assignment away (`assigneeId` null). Returns how many comments changed hands.
 */
export async function assignComments(
  db: Db,
  actor: Actor,
  input: { selection: CommentSelection; assigneeId: string | null },
  ctx: { roundId: string; now: Date },
): Promise<Result<{ assigned: number; assignee: { id: string; name: string } | null }, AssignProblem>> {
  const { now } = ctx
  const round = await loadAnsweringRound(db, actor, ctx.roundId, now)
  if (!round.ok) return round
  let assignee: { id: string; name: string } | null = null
  if (input.assigneeId !== null) {
    assignee = (await assignablePeople(db, round.value.row.draft)).find((p) => p.id === input.assigneeId) ?? null
    if (!assignee) return fail('not-assignable')
  }
  const assigned = await db.$transaction(async (tx) => {
    const { count } = await tx.comment.updateMany({ where: selectionWhere(ctx.roundId, input.selection), data: { assigneeId: input.assigneeId } })
    await recordAudit(tx, {
      actorId: actor.userId, action: 'comments.assigned', objectType: 'round', objectId: ctx.roundId,
      data: { assigneeId: input.assigneeId, commentIds: input.selection.commentIds, groupKeys: input.selection.groupKeys, count }, at: now,
    })
    return count
  })
  return ok({ assigned, assignee })
}

/**
 * Why a change link was refused:
 * - `round-not-found`, `forbidden`, `comment-not-found`: as for answering;
 * - `not-answered`: the comment has no answer yet;
 * - `not-accepted`: only accepted and partly accepted comments lead to changes;
 * - `version-not-found`: the draft has no version with that number;
 * - `not-a-later-version`: the version is the consulted one or older;
 * - `no-change`: that version leaves the comment's article (or, for a comment on the
 *   draft as a whole, the whole text) as it was in the consulted version.
 */
export type LinkChangeProblem = AnsweringProblem | 'comment-not-found' | 'not-answered' | 'not-accepted' | 'version-not-found' | 'not-a-later-version' | 'no-change'

/**
 * Links an accepted or partly accepted comment to the change it led to: a later version,
 * and the comment's unit there by its stable id (the paragraph or point if it is still
 * there, else its article; none when the article was deleted or the comment is about the
 * draft as a whole). Articles are paired as the comparison pairs them, by stable id.
 * `versionSeq` null removes the link.
 */
export async function linkChange(
  db: Db,
  actor: Actor,
  input: { commentId: string; versionSeq: number | null },
  ctx: { roundId: string; now: Date },
): Promise<Result<{ change: ChangeLink | null }, LinkChangeProblem>> {
  const { now } = ctx
  const round = await loadAnsweringRound(db, actor, ctx.roundId, now)
  if (!round.ok) return round
  const { row } = round.value
  const comment = await db.comment.findFirst({
    where: { id: input.commentId, roundId: ctx.roundId, ...ANSWERABLE },
    select: { id: true, targetNodeId: true, articleNodeId: true, response: { select: { status: true } } },
  })
  if (!comment) return fail('comment-not-found')
  if (!comment.response) return fail('not-answered')
  const audit = (tx: Tx, data: Record<string, unknown>) =>
    recordAudit(tx, { actorId: actor.userId, action: 'response.change-linked', objectType: 'comment', objectId: comment.id, data, at: now })
  if (input.versionSeq === null) {
    await db.$transaction(async (tx) => {
      await tx.response.update({ where: { commentId: comment.id }, data: { changeVersionId: null, changeNodeId: null, updatedAt: now } })
      await audit(tx, { roundId: ctx.roundId, versionSeq: null })
    })
    return ok({ change: null })
  }
  if (!canLinkChange(answerStatusOf(comment.response))) return fail('not-accepted')
  const version = await db.version.findUnique({
    where: { draftId_seq: { draftId: row.draft.id, seq: input.versionSeq } },
    select: { id: true, seq: true, name: true, doc: true },
  })
  if (!version) return fail('version-not-found')
  if (version.seq <= row.version.seq) return fail('not-a-later-version')
  const later = loadDocument(version.doc)
  const diff = diffDocuments(loadDocument(row.version.doc), later, { align: 'ids' })
  let nodeId: string | null = null
  if (comment.articleNodeId) {
    const article = diff.articles.find((a) => a.oldId === comment.articleNodeId)
    if (!article || (article.status === 'unchanged' && !article.moved)) return fail('no-change')
    const present = new Set<string>()
    later.descendants((n) => {
      if (n.attrs.id) present.add(n.attrs.id as string)
    })
    nodeId = comment.targetNodeId && present.has(comment.targetNodeId) ? comment.targetNodeId : article.newId
  } else {
    const { changed, added, deleted } = diff.summary
    if (changed + added + deleted === 0 && diff.title === null) return fail('no-change')
  }
  await db.$transaction(async (tx) => {
    await tx.response.update({ where: { commentId: comment.id }, data: { changeVersionId: version.id, changeNodeId: nodeId, updatedAt: now } })
    await audit(tx, { roundId: ctx.roundId, versionSeq: version.seq, nodeId })
  })
  return ok({ change: { draftSlug: row.draft.slug, fromSeq: row.version.seq, toSeq: version.seq, toName: version.name, anchor: changeAnchor(later, nodeId) } })
}

/**
 * The e-mails to send when a round's report is published, for a round that held its
 * answers back for the report: one to the author of every comment with a published
 * answer. (Rounds that publish answers at once told each author when it was published.)
 */
export async function noticesOnReport(db: Db, roundId: string): Promise<AnswerNotice[]> {
  const round = await db.round.findUnique({ where: { id: roundId }, select: { title: true, answersPublication: true, draft: { select: { title: true } } } })
  if (!round) return []
  const rows = await db.response.findMany({
    where: { publishedAt: { not: null }, comment: { roundId, ...ANSWERABLE } },
    select: { status: true, reasoning: true, publishedAt: true, comment: { select: { author: AUTHOR } } },
  })
  return rows
    .filter((r) => notifyWithReport(r, round))
    .flatMap((r) => {
      const a = r.comment.author
      if (!a?.email || a.deletedAt) return []
      return [{ to: a.email, locale: a.locale, name: a.name, draftTitle: round.draft.title, roundTitle: round.title, status: answerStatusOf(r) as AnswerStatus, reasoning: r.reasoning }]
    })
}
