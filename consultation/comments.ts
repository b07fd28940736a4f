import { randomBytes } from 'node:crypto'
import type { Db } from '../drafting/db.ts'
import type { Actor } from '../accounts/actor.ts'
import { auditStatement } from '../accounts/audit.ts'
import { sqlOf, statement, type Statement } from '../accounts/sql.ts'
import { canActForOrganisation } from '../accounts/permissions.ts'
import type { DocumentOutline } from '../drafting/outline.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import { findCommentTarget, findMemorandumSection, sameWording, targetText, unitChoices, type CommentTarget, type CommentTargetKind, type UnitChoice } from './comment-targets.ts'
import type { NewComment } from './inputs.ts'
import { canComment, canCommentForOrganisation } from './permissions.ts'
import { roundState, type RoundState } from './round-state.ts'
import { versionOutline } from '../drafting/reading.ts'
import type { DraftLanguage, DraftScript } from '../drafting/language.ts'
import type { NumberingMode } from '../drafting/numbering.ts'
import { initialStatus, moderationModeOf, publicText, PUBLIC_TOP_LEVEL_COMMENT, type CommentStatus } from './moderation-rules.ts'
import { publicAnswers, type PublicAnswer } from './public-answers.ts'
import { newCommentIndexStatements } from './search/store.ts'
import type { AttachmentFile } from './attachment-rules.ts'
import { recordAttachments } from './attachments.ts'

// Comments on a consultation round: submitting one, and reading the published ones.
// A round's moderation mode decides a new comment's status (moderation-rules.ts): under
// post-moderation it is published at once and moderators may hide it later; under
// pre-moderation it waits for a moderator (consultation/moderation.ts).

/**
 * A round with what commenting on it needs: its draft, the consulted version and the
 * draft's latest version number. One read (every comment submitted asks it).
 */
async function loadRound(db: Db, roundId: string) {
  const [row] = await sqlOf(db).query<{
    id: string; title: string; state: string; opensAt: Date; closesAt: Date; reportPublishedAt: Date | null; moderationMode: string; versionId: string; draftId: string
    slug: string; draftTitle: string; language: string; script: string; documentType: string; numberingMode: string
    versionSeq: number | bigint; versionName: string; latestSeq: number | bigint | null
  }>(statement(
    `SELECT r."id", r."title", r."state", r."opensAt", r."closesAt", r."reportPublishedAt", r."moderationMode", r."versionId", r."draftId",
            d."slug", d."title" AS "draftTitle", d."language", d."script", d."documentType", d."numberingMode",
            v."seq" AS "versionSeq", v."name" AS "versionName",
            (SELECT MAX(l."seq") FROM "Version" l WHERE l."draftId" = r."draftId") AS "latestSeq"
       FROM "Round" r
       JOIN "Draft" d ON d."id" = r."draftId"
       JOIN "Version" v ON v."id" = r."versionId"
      WHERE r."id" = ?`,
    roundId,
  ))
  if (!row) return null
  return {
    id: row.id, title: row.title, state: row.state, opensAt: row.opensAt, closesAt: row.closesAt, reportPublishedAt: row.reportPublishedAt,
    moderationMode: row.moderationMode, versionId: row.versionId,
    draft: {
      id: row.draftId, slug: row.slug, title: row.draftTitle, language: row.language, script: row.script, documentType: row.documentType, numberingMode: row.numberingMode,
      latestSeq: row.latestSeq === null ? null : Number(row.latestSeq),
    },
    version: { seq: Number(row.versionSeq), name: row.versionName },
  }
}
type LoadedRound = NonNullable<Awaited<ReturnType<typeof loadRound>>>

/** The consulted version laid out in the draft's own language, script and numbering (built once per version). */
function outlineOf(db: Db, round: LoadedRound): Promise<DocumentOutline> {
  const { language, script, numberingMode, documentType } = round.draft
  return versionOutline(db, round.versionId, {
    language: language as DraftLanguage, script: script as DraftScript, ownScript: script as DraftScript,
    numbering: numberingMode as NumberingMode, documentType,
  })
}

/**
 * A new comment's id, in the shape of Prisma's cuid() (the schema's default for rows it
 * creates), so that ids still sort by time: "c", the time in ms in base 36 (8 characters
 * until 2059), then 16 random base-36 characters.
 */
function newCommentId(): string {
  const random = randomBytes(16).reduce((out, b) => out + (b % 36).toString(36), '')
  return `c${Date.now().toString(36)}${random}`
}

/**
 * A new online comment. `authorCategory` is written (it is the column's default too) so
 * that the search entry written with it says the same without reading the row back.
 * The idempotency key needs no read first: ON CONFLICT (PostgreSQL has it too).
 */
const ONLINE_CATEGORY = 'citizen'
const INSERT_COMMENT = `INSERT INTO "Comment" ("id", "roundId", "authorId", "organisationId", "targetKind", "targetNodeId", "articleNodeId", "parentId", "body",
    "proposedWording", "status", "consentToPublish", "consentToBeNamed", "authorName", "consentedAt", "createdAt", "clientKey", "authorCategory")
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, ?, ?, ?)
  ON CONFLICT ("authorId", "clientKey") DO NOTHING
  RETURNING "id"`

const isLatestVersion = (round: LoadedRound) => round.draft.latestSeq === round.version.seq

/**
 * Why a comment was not accepted:
 * - `forbidden`: only signed-in people with a confirmed address comment;
 * - `round-not-found`: there is no such round;
 * - `round-closed`: the round is not open at `now` (not opened yet, closed, or reported on);
 * - `unknown-target`: `targetNodeId` is not an article, paragraph or point of the version
 *   under consultation;
 * - `not-a-member`: the person asked to speak for an organisation they are not a member
 *   of, or one that is not verified.
 */
export type CommentProblem = 'forbidden' | 'round-not-found' | 'round-closed' | 'unknown-target' | 'not-a-member' | 'unknown-parent'

/** A comment just recorded, and where it is shown. */
export interface SubmittedComment {
  commentId: string
  /** The article the comment is about (the one containing its paragraph or point); null for the draft as a whole. */
  articleNodeId: string | null
  draftSlug: string
  /** The version under consultation, and whether it is the draft's latest. */
  versionSeq: number
  latestVersion: boolean
  /** The readable anchor of the article ("clan-12"), null for the draft as a whole. */
  articleAnchor: string | null
  /** `published` at once (post-moderation), or `pending` until a moderator approves it (pre-moderation). */
  status: CommentStatus
}

/**
 * Records a comment on a round that is open at `now` (opensAt <= now < closesAt, unless
 * staff opened or closed it by hand), with the person's consents: published at once, or
 * pending a moderator when the round is pre-moderated.
 * The author's name is kept only when they agreed to be named. A proposed wording that
 * is the unit's current text unchanged is not a proposal and is not kept. An attached
 * file (already checked and staged by the web layer) is recorded with the comment; a
 * repeated form keeps the first comment and records no new file.
 */
export async function submitComment(
  db: Db,
  actor: Actor,
  input: NewComment,
  ctx: { roundId: string; now: Date; attachments?: readonly AttachmentFile[] },
): Promise<Result<SubmittedComment, CommentProblem>> {
  const { now } = ctx
  if (actor.userId === null) return fail('forbidden')
  const authorId = actor.userId
  const round = await loadRound(db, ctx.roundId)
  if (!round) return fail('round-not-found')
  const state = roundState(round, now)
  if (!canComment(actor, state)) return fail('round-closed')
  // A reply answers a public comment of the same round, one level deep, and is about what it is about.
  let parent: { id: string; targetNodeId: string | null } | null = null
  if (input.replyTo !== undefined) {
    parent = await db.comment.findFirst({
      where: { id: input.replyTo, roundId: round.id, status: 'published', withdrawnAt: null, parentId: null },
      select: { id: true, targetNodeId: true },
    })
    if (!parent) return fail('unknown-parent')
  }
  const targetId = parent ? (parent.targetNodeId ?? undefined) : input.targetNodeId
  let target: CommentTarget | null = null
  // A section of the explanatory memorandum is a target too, outside every article.
  let memorandumSection: { id: string } | null = null
  if (targetId !== undefined) {
    const outline = await outlineOf(db, round)
    target = findCommentTarget(outline, targetId)
    if (!target) memorandumSection = findMemorandumSection(outline, targetId)
    if (!target && !memorandumSection) return fail('unknown-target')
  }
  const organisationId = input.onBehalfOf ?? null
  if (organisationId !== null && !canCommentForOrganisation(actor, organisationId, state)) return fail('not-a-member')

  const targetKind: CommentTargetKind | 'memorandum' = target?.kind ?? (memorandumSection ? 'memorandum' : 'draft')
  const targetNodeId = target || memorandumSection ? targetId! : null
  const articleNodeId = target?.article.id ?? null
  const proposedWording =
    parent === null && input.proposedWording !== undefined && !(target && sameWording(input.proposedWording, targetText(target))) ? input.proposedWording : null

  const status = initialStatus(moderationModeOf(round.moderationMode))
  const submitted = (commentId: string) =>
    ok({
      status,
      commentId,
      articleNodeId,
      draftSlug: round.draft.slug,
      versionSeq: round.version.seq,
      latestVersion: isLatestVersion(round),
      articleAnchor: target?.article.anchor ?? null,
    })
  // One transaction: the comment with its consents, its search entry, the audit record
  // and its files. A form sent twice (a double click, a retry after a timeout, or both
  // copies at once on two instances) is kept once: the unique key (author, clientKey)
  // makes the second insert a no-op, and the answer names the first comment.
  // Without files (nearly every comment) the transaction is one batch of four raw
  // statements (docs/decisions/0015, "Submission speed"): the comment, its search entry and
  // text, the audit event; each after the first writes only if the comment's new id exists,
  // so a repeated form writes nothing. With files, an interactive transaction.
  const id = newCommentId()
  const insertComment: Statement = statement(
    INSERT_COMMENT,
    id, round.id, authorId, organisationId, targetKind, targetNodeId, articleNodeId, parent?.id ?? null, input.body,
    proposedWording, status, input.consentToBeNamed ? 1 : 0, input.consentToBeNamed ? actor.name : null, now, now, input.clientKey ?? null, ONLINE_CATEGORY,
  )
  const entry = {
    id, roundId: round.id, draftId: round.draft.id, versionSeq: round.version.seq, articleNodeId, targetKind, parentId: parent?.id ?? null,
    body: input.body, proposedWording, status, authorCategory: ONLINE_CATEGORY, createdAt: now,
  }
  const audit = {
    actorId: authorId,
    action: 'comment.submitted',
    objectType: 'comment',
    objectId: id,
    data: { roundId: round.id, targetKind, targetNodeId, organisationId, consentToBeNamed: input.consentToBeNamed },
    at: now,
  }
  const files = ctx.attachments ?? []
  let inserted: boolean
  if (files.length === 0) {
    const [rows] = await sqlOf(db).batch([
      insertComment,
      ...newCommentIndexStatements(entry),
      auditStatement(audit, { sql: 'EXISTS (SELECT 1 FROM "Comment" WHERE "id" = ?)', args: [id] }),
    ])
    inserted = rows!.length > 0
  } else {
    inserted = await db.$transaction(async (tx) => {
      const run = (s: Statement) => tx.$queryRawUnsafe<unknown[]>(s.sql, ...s.args)
      if ((await run(insertComment)).length === 0) return false
      for (const write of newCommentIndexStatements(entry)) await run(write)
      await run(auditStatement(audit))
      await recordAttachments(tx, id, files, { kind: 'attachment', uploadedById: authorId, now })
      return true
    })
  }
  if (inserted) return submitted(id)
  const first = await db.comment.findUniqueOrThrow({ where: { authorId_clientKey: { authorId, clientKey: input.clientKey! } }, select: { id: true } })
  return submitted(first.id)
}

/**
 * Who a published comment is shown as: the organisation it was made on behalf of; else
 * the person, if they agreed to be named; else nobody. Never an e-mail address.
 */
export type CommentAuthor = { kind: 'organisation'; name: string } | { kind: 'person'; name: string } | { kind: 'anonymous' }

/** Who a comment is shown as: its organisation; else the person if they agreed to be named; else nobody. */
export function publicAuthor(c: { organisation: { name: string } | null; consentToBeNamed: boolean; authorName: string | null }): CommentAuthor {
  if (c.organisation) return { kind: 'organisation', name: c.organisation.name }
  if (c.consentToBeNamed && c.authorName) return { kind: 'person', name: c.authorName }
  return { kind: 'anonymous' }
}

/** A published comment as the public reads it. */
export interface PublishedComment {
  id: string
  /** The article it is about; null for the draft as a whole (and the memorandum). */
  articleNodeId: string | null
  targetKind: CommentTargetKind | 'memorandum'
  targetNodeId: string | null
  body: string
  proposedWording: string | null
  createdAt: Date
  author: CommentAuthor
  /** The institution's answer, when it is public (consultation/public-answers.ts); absent otherwise. */
  answer?: PublicAnswer
}

/** A round's published comments, oldest first, with how many each article has. */
export interface RoundComments {
  comments: PublishedComment[]
  /** Published comments per article, by the article's stable id. */
  countsByArticle: Record<string, number>
  /** Published comments on the draft as a whole. */
  generalCount: number
}

/** The published comments of a round, for anyone to read, with the answers that are public at `now`. */
export async function listRoundComments(db: Db, roundId: string, now: Date = new Date()): Promise<RoundComments> {
  const answers = await publicAnswers(db, { roundId }, now)
  const rows = await db.comment.findMany({
    // Pending, hidden and withdrawn comments are not public (moderation-rules.ts: isVisibleToPublic).
    where: { roundId, ...PUBLIC_TOP_LEVEL_COMMENT },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    // Explicit fields: nothing about the author's account leaves this query.
    select: {
      id: true, articleNodeId: true, targetKind: true, targetNodeId: true, body: true, redactedBody: true, proposedWording: true, createdAt: true,
      consentToBeNamed: true, authorName: true, organisation: { select: { name: true } },
    },
  })
  const countsByArticle: Record<string, number> = {}
  let generalCount = 0
  const comments = rows.map((c): PublishedComment => {
    if (c.articleNodeId) countsByArticle[c.articleNodeId] = (countsByArticle[c.articleNodeId] ?? 0) + 1
    else if (c.targetKind === 'draft') generalCount++
    const author = publicAuthor(c)
    return {
      id: c.id,
      articleNodeId: c.articleNodeId,
      targetKind: c.targetKind as PublishedComment['targetKind'],
      targetNodeId: c.targetNodeId,
      // A moderator's redaction replaces the text for the public; the original stays for staff.
      body: publicText(c),
      proposedWording: c.proposedWording,
      createdAt: c.createdAt,
      author,
      ...(answers.has(c.id) ? { answer: answers.get(c.id)! } : {}),
    }
  })
  return { comments, countsByArticle, generalCount }
}

/**
 * Why the comment form cannot be shown:
 * - `round-not-found`: no such round, or one that has not been announced (planned);
 * - `unknown-target`: the unit asked for is not an article, paragraph or point of the
 *   version under consultation.
 */
export type CommentFormProblem = 'round-not-found' | 'unknown-target'

/** What the comment form shows: the round, the unit commented on, whom the person may speak for. */
export interface CommentForm {
  round: { id: string; title: string; closesAt: Date; state: RoundState }
  /** Whether this person may comment now: signed in, and the round open. */
  canComment: boolean
  draft: { slug: string; title: string }
  version: { seq: number; name: string; latest: boolean }
  /** The unit commented on; null for the draft as a whole. Labels are in the draft's language. */
  /** A section of the explanatory memorandum commented on; null otherwise. */
  memorandum: { id: string; heading: string; text: string } | null
  target: {
    kind: Exclude<CommentTargetKind, 'draft'>
    nodeId: string
    article: { id: string; label: string; heading: string | null; anchor: string }
    paragraphLabel: string | null
    pointLabel: string | null
    /** The unit's current text, one line per paragraph, point and indent. */
    text: string
    /** The units of its article the person may choose instead (the whole article, a paragraph, a point). */
    units: UnitChoice[]
  } | null
  /** The verified organisations the person may comment on behalf of, by name. */
  organisations: { id: string; name: string }[]
  /** The person's name, as it would be published if they agree to be named. */
  authorName: string | null
}

/** Prepares the comment form of a round for one unit of its text, or the draft as a whole. */
export async function prepareComment(
  db: Db,
  actor: Actor,
  roundId: string,
  targetNodeId: string | undefined,
  now: Date,
): Promise<Result<CommentForm, CommentFormProblem>> {
  const round = await loadRound(db, roundId)
  if (!round) return fail('round-not-found')
  const state = roundState(round, now)
  if (state === 'planned') return fail('round-not-found')
  let target: CommentTarget | null = null
  let memorandum: { id: string; heading: string; text: string } | null = null
  if (targetNodeId !== undefined) {
    const outline = await outlineOf(db, round)
    target = findCommentTarget(outline, targetNodeId)
    if (!target) memorandum = findMemorandumSection(outline, targetNodeId)
    if (!target && !memorandum) return fail('unknown-target')
  }
  const organisationIds = actor.memberships.filter((m) => canActForOrganisation(actor, m.organisationId)).map((m) => m.organisationId)
  const organisations = organisationIds.length
    ? await db.organisation.findMany({ where: { id: { in: organisationIds } }, select: { id: true, name: true }, orderBy: { name: 'asc' } })
    : []
  return ok({
    round: { id: round.id, title: round.title, closesAt: round.closesAt, state },
    canComment: canComment(actor, state),
    draft: { slug: round.draft.slug, title: round.draft.title },
    version: { seq: round.version.seq, name: round.version.name, latest: isLatestVersion(round) },
    memorandum,
    target: target && {
      kind: target.kind,
      nodeId: targetNodeId!,
      article: { id: target.article.id, label: target.article.label, heading: target.article.heading, anchor: target.article.anchor },
      paragraphLabel: target.paragraph?.label ?? null,
      pointLabel: target.point?.label ?? null,
      text: targetText(target),
      units: unitChoices(target.article),
    },
    organisations,
    authorName: actor.name,
  })
}
