import type { Actor } from '../accounts/actor.ts'
import { recordAudit } from '../accounts/audit.ts'
import type { Db } from './db.ts'
import { Node } from 'prosemirror-model'
import { parseDocument, type DocumentProblem } from './document.ts'
import { checkNumbering, type NumberingProblem } from './numbering-check.ts'
import { numberDocument } from './numbering.ts'
import { brokenReferenceArticle } from './references.ts'
import { legalSchema } from './schema.ts'
import { canEditDraft, canOpenEditor, loadDraftAccess } from './permissions.ts'
import { fail, ok, type Result } from './result.ts'
import type { DraftLanguage, DraftScript } from './language.ts'
import type { Prisma } from '../generated/prisma/client.ts'
import type { NumberingMode } from './numbering.ts'
import type { DocumentType } from './inputs.ts'
import { documentTypeOf } from './document-types.ts'

/** The working copy as the editor opens it. */
export interface WorkingCopyView {
  draft: { id: string; slug: string; title: string; language: DraftLanguage; script: DraftScript; numberingMode: NumberingMode; documentType: DocumentType }
  doc: unknown
  revision: number
  updatedAt: Date
}

/**
 * Why the editor could not be opened:
 * - `not-found`: no such draft, or it has no working copy;
 * - `forbidden`: only the working group (owners, editors) and administrators edit.
 */
export type OpenEditorProblem = 'not-found' | 'forbidden'

/** The working copy of a draft, for someone allowed to edit it. */
export async function openWorkingCopy(db: Db, actor: Actor, slug: string): Promise<Result<WorkingCopyView, OpenEditorProblem>> {
  const draft = await db.draft.findUnique({
    where: { slug },
    select: { id: true, slug: true, title: true, language: true, script: true, numberingMode: true, documentType: true, workingCopy: true },
  })
  if (!draft || !draft.workingCopy) return fail('not-found')
  const access = await loadDraftAccess(db, actor, draft.id)
  if (!access || !canOpenEditor(actor, access)) return fail('forbidden')
  return ok({
    draft: {
      id: draft.id, slug: draft.slug, title: draft.title, language: draft.language as DraftLanguage, script: draft.script as DraftScript,
      numberingMode: draft.numberingMode === 'frozen' ? 'frozen' : 'continuous',
      documentType: documentTypeOf(draft.documentType),
    },
    doc: draft.workingCopy.doc,
    revision: draft.workingCopy.revision,
    updatedAt: draft.workingCopy.updatedAt,
  })
}

/**
 * Why a save was refused:
 * - `not-found`, `forbidden`: as for opening;
 * - `stale-revision`: someone saved since this copy was opened; reload and merge;
 * - the document problems of parseDocument: the text is not a valid act;
 * - the numbering problems of checkNumbering: a malformed written number, or (frozen
 *   numbering) two articles with the same number.
 */
export type SaveProblem = 'not-found' | 'forbidden' | 'stale-revision' | DocumentProblem | NumberingProblem

/**
 * What the editor tells the person about a refused document: `number`, the article number
 * that is duplicated or malformed; `article`, the article holding a reference whose
 * target was deleted (absent when the reference is outside the articles).
 */
export interface SaveDetail {
  number?: string
  article?: string
}

export type SaveResult = { ok: true; value: { revision: number } } | { ok: false; reason: SaveProblem; detail?: SaveDetail }

/** Where a document refused for a broken reference has it, if the JSON can be read at all. */
function brokenReferenceDetail(json: unknown, mode: NumberingMode): SaveDetail | undefined {
  try {
    const doc = Node.fromJSON(legalSchema, json as Record<string, unknown>)
    const article = brokenReferenceArticle(doc, numberDocument(doc, mode))
    return article ? { article } : undefined
  } catch {
    return undefined
  }
}

/**
 * Replaces the working copy, if nobody saved since `baseRevision`. Every save is
 * checked against the legal schema and counted; the audit log records who saved.
 */
export async function saveWorkingCopy(
  db: Db,
  actor: Actor,
  slug: string,
  input: { doc: unknown; baseRevision: number },
  now: Date,
): Promise<SaveResult> {
  const draft = await db.draft.findUnique({ where: { slug }, select: { id: true, numberingMode: true, workingCopy: { select: { revision: true } } } })
  if (!draft || !draft.workingCopy) return fail('not-found')
  const access = await loadDraftAccess(db, actor, draft.id)
  if (!access || !canEditDraft(actor, access)) return fail('forbidden')
  const mode: NumberingMode = draft.numberingMode === 'frozen' ? 'frozen' : 'continuous'
  const parsed = parseDocument(input.doc)
  if (!parsed.ok) {
    const detail = parsed.reason === 'broken-reference' ? brokenReferenceDetail(input.doc, mode) : undefined
    return { ok: false, reason: parsed.reason, ...(detail ? { detail } : {}) }
  }
  const numbering = checkNumbering(parsed.value, mode)
  if (numbering) return { ok: false, reason: numbering.problem, detail: { number: numbering.number } }
  const json = parsed.value.toJSON() as Prisma.InputJsonValue
  const revision = await db.$transaction(async (tx) => {
    // Compare-and-set on the revision: two editors saving at once cannot both win.
    const updated = await tx.workingCopy.updateMany({
      where: { draftId: draft.id, revision: input.baseRevision },
      data: { doc: json, revision: { increment: 1 } },
    })
    if (updated.count === 0) return null
    await tx.draft.update({ where: { id: draft.id }, data: { updatedAt: now } })
    await recordAudit(tx, { actorId: actor.userId, action: 'working-copy.saved', objectType: 'draft', objectId: draft.id, data: { revision: input.baseRevision + 1 }, at: now })
    return input.baseRevision + 1
  })
  return revision === null ? fail('stale-revision') : ok({ revision })
}
