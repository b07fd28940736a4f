import type { Actor } from '../accounts/actor.ts'
import type { Db } from '../drafting/db.ts'
import { loadDocument } from '../drafting/document.ts'
import { documentTypeOf } from '../drafting/document-types.ts'
import type { DraftLanguage, DraftScript } from '../drafting/language.ts'
import type { NumberingMode } from '../drafting/numbering.ts'
import { outlineDocument, type DocumentOutline, type OutlineArticle, type OutlineParagraph } from '../drafting/outline.ts'
import { loadDraftAccess, type DraftAccess } from '../drafting/permissions.ts'
import { fail, ok, type Result } from '../drafting/result.ts'
import { articlesOf, type CommentTargetKind, type OutlinePoint } from './comment-targets.ts'
import { canRespond } from './permissions.ts'
import { roundState, type RoundState } from './round-state.ts'

// What every answering command and page starts from: the round, its draft, the version
// under consultation, and whether the actor may answer on the institution's behalf.

/** The comments that are answered: published ones (not pending moderation, hidden or withdrawn). */
export const ANSWERABLE = { status: 'published', withdrawnAt: null } as const

/** Why the answering pages or commands refuse: no such round, or the actor may not answer. */
export type AnsweringProblem = 'round-not-found' | 'forbidden'

async function loadRound(db: Db, roundId: string) {
  return db.round.findUnique({
    where: { id: roundId },
    select: {
      id: true, title: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true, answersPublication: true,
      version: { select: { id: true, seq: true, name: true, doc: true } },
      draft: {
        select: {
          id: true, slug: true, title: true, ownerId: true, language: true, script: true, documentType: true, numberingMode: true,
          owner: { select: { name: true } },
        },
      },
    },
  })
}
export type AnsweringRoundRow = NonNullable<Awaited<ReturnType<typeof loadRound>>>

/** A round as the answering commands see it, with the actor's place on its draft. */
export interface AnsweringRound {
  row: AnsweringRoundRow
  access: DraftAccess
  state: RoundState
}

/** The round, if it exists and the actor may answer its comments (canRespond). */
export async function loadAnsweringRound(db: Db, actor: Actor, roundId: string, now: Date): Promise<Result<AnsweringRound, AnsweringProblem>> {
  if (actor.userId === null) return fail('forbidden')
  const row = await loadRound(db, roundId)
  if (!row) return fail('round-not-found')
  const access = await loadDraftAccess(db, actor, row.draft.id)
  if (!access || !canRespond(actor, access)) return fail('forbidden')
  return ok({ row, access, state: roundState(row, now) })
}

/** A document of the round's draft laid out for reading in the draft's own variant and numbering. */
export function outlineOfDraftDoc(draft: AnsweringRoundRow['draft'], doc: unknown): DocumentOutline {
  return outlineDocument(
    loadDocument(doc),
    { language: draft.language as DraftLanguage, script: draft.script as DraftScript },
    draft.numberingMode as NumberingMode,
    documentTypeOf(draft.documentType),
  )
}

/** Where a unit sits: its article, and its paragraph and point where it is one. */
export interface UnitPlace {
  kind: Exclude<CommentTargetKind, 'draft'>
  article: OutlineArticle
  paragraph: OutlineParagraph | null
  point: OutlinePoint | null
}

/** Every article, paragraph and point of an outline by stable id: one walk, then lookups. */
export function indexUnits(outline: DocumentOutline): Map<string, UnitPlace> {
  const index = new Map<string, UnitPlace>()
  for (const article of articlesOf(outline)) {
    index.set(article.id, { kind: 'article', article, paragraph: null, point: null })
    for (const paragraph of article.paragraphs) {
      index.set(paragraph.id, { kind: 'paragraph', article, paragraph, point: null })
      for (const block of paragraph.blocks) {
        if (block.kind === 'point') index.set(block.id, { kind: 'point', article, paragraph, point: block as OutlinePoint })
      }
    }
  }
  return index
}

/** The labels of the unit a comment is about, from the consulted version ("Član 5.", "(2)", "a)"). */
export interface UnitLabels {
  kind: CommentTargetKind | 'memorandum'
  articleNodeId: string | null
  articleLabel: string | null
  articleHeading: string | null
  paragraphLabel: string | null
  pointLabel: string | null
}

export function unitLabelsOf(
  comment: { targetKind: string; targetNodeId: string | null; articleNodeId: string | null },
  units: Map<string, UnitPlace>,
): UnitLabels {
  const place = (comment.targetNodeId && units.get(comment.targetNodeId)) || (comment.articleNodeId && units.get(comment.articleNodeId)) || null
  return {
    kind: comment.targetKind as UnitLabels['kind'],
    articleNodeId: comment.articleNodeId,
    articleLabel: place?.article.label ?? null,
    articleHeading: place?.article.heading ?? null,
    paragraphLabel: place?.paragraph?.label ?? null,
    pointLabel: place?.point?.label ?? null,
  }
}

/**
 * Who a comment is shown as to the people answering it, as to the public: the
 * organisation it was made for, the person if they agreed to be named, else nobody.
 */
export type AnswerAuthor = { kind: 'organisation'; name: string } | { kind: 'person'; name: string } | { kind: 'anonymous' }

export function authorOf(c: { consentToBeNamed: boolean; authorName: string | null; organisation: { name: string } | null }): AnswerAuthor {
  if (c.organisation) return { kind: 'organisation', name: c.organisation.name }
  if (c.consentToBeNamed && c.authorName) return { kind: 'person', name: c.authorName }
  return { kind: 'anonymous' }
}

/** A person comments can be assigned to. */
export interface Assignable {
  id: string
  name: string
}

/**
 * The people comments of a draft can be assigned to: everyone with a role on the draft
 * (owner, editor, moderator, responder) and the staff and coordinators of the institution
 * that owns it. Deleted accounts are left out.
 */
export async function assignablePeople(db: Db, draft: { id: string; ownerId: string }): Promise<Assignable[]> {
  const users = await db.user.findMany({
    where: {
      deletedAt: null,
      OR: [
        { assignments: { some: { draftId: draft.id } } },
        { memberships: { some: { organisationId: draft.ownerId, role: { in: ['staff', 'coordinator'] }, organisation: { verification: 'verified' } } } },
      ],
    },
    select: { id: true, name: true, email: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  })
  return users.map((u) => ({ id: u.id, name: u.name ?? u.email ?? u.id }))
}
