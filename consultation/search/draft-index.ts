import type lunr from 'lunr'
import type { Db } from '../../drafting/db.ts'
import { loadDocument } from '../../drafting/document.ts'
import { documentTypeOf } from '../../drafting/document-types.ts'
import type { DraftLanguage, DraftScript } from '../../drafting/language.ts'
import type { NumberingMode } from '../../drafting/numbering.ts'
import { outlineDocument, type DocumentOutline } from '../../drafting/outline.ts'
import { fail, ok, type Result } from '../../drafting/result.ts'
import type { Prisma } from '../../generated/prisma/client.ts'
import { DRAFT_INDEX_PIPELINE } from './draft-index-path.ts'
import { articleText, outlineArticles } from './in-page.ts'
import { buildDraftIndex, type SearchUnit } from './lunr-bcs.ts'

/**
 * The in-page search index of a version: a lunr index (BCS pipeline, lunr-bcs.ts) with one
 * unit per article, built when the version is saved, stored in VersionSearchIndex and sent
 * to the browser as JSON. See docs/decisions/0023-in-page-search.md.
 */

export { DRAFT_INDEX_PIPELINE, versionIndexPath } from './draft-index-path.ts'

/**
 * The units of a version to search: one per article, `ref` its stable id, `text` its label,
 * heading and paragraphs. One script is enough: the pipeline folds Cyrillic into Latin
 * letter by letter, so a query in either script meets the text in either.
 */
export function versionSearchUnits(outline: DocumentOutline): SearchUnit[] {
  return outlineArticles(outline.body).map((article) => ({ ref: article.id, text: articleText(article) }))
}

/** The lunr index of a version laid out for reading. */
export function buildVersionIndex(outline: DocumentOutline): lunr.Index {
  // Without word positions: the page marks matched words itself (in-page.ts), and they would double the size.
  return buildDraftIndex(versionSearchUnits(outline), { positions: false })
}

/** A version's index as stored and served: lunr's JSON, and the pipeline that made it. */
export interface StoredVersionIndex {
  index: object
  pipeline: number
}

/** Builds the index of a version (in its draft's own language and script) and stores it. null: no such version. */
export async function storeVersionIndex(db: Db, versionId: string): Promise<StoredVersionIndex | null> {
  const version = await db.version.findUnique({
    where: { id: versionId },
    select: { doc: true, draft: { select: { language: true, script: true, numberingMode: true, documentType: true } } },
  })
  if (!version) return null
  const { draft } = version
  const outline = outlineDocument(
    loadDocument(version.doc),
    { language: draft.language as DraftLanguage, script: draft.script as DraftScript },
    draft.numberingMode as NumberingMode,
    documentTypeOf(draft.documentType),
  )
  const index = buildVersionIndex(outline).toJSON() as object
  const pipeline = DRAFT_INDEX_PIPELINE
  const json = index as Prisma.InputJsonValue
  await db.versionSearchIndex.upsert({
    where: { versionId },
    create: { versionId, index: json, pipeline },
    update: { index: json, pipeline, builtAt: new Date() },
  })
  return { index, pipeline }
}

/**
 * A version's index: the stored one, or one built and stored now when there is none or an
 * older pipeline built it (versions saved before indexes existed, the sample data).
 * null: no such version.
 */
export async function loadVersionIndex(db: Db, versionId: string): Promise<StoredVersionIndex | null> {
  const stored = await db.versionSearchIndex.findUnique({ where: { versionId }, select: { index: true, pipeline: true } })
  if (stored && stored.pipeline === DRAFT_INDEX_PIPELINE) return { index: stored.index as object, pipeline: stored.pipeline }
  return storeVersionIndex(db, versionId)
}

/** Why a draft's index cannot be read: `not-found` — no such draft or version. */
export type VersionIndexProblem = 'not-found'

/** The index of a draft's version by the draft's slug and the version's number. */
export async function readVersionIndex(db: Db, slug: string, seq: number): Promise<Result<StoredVersionIndex, VersionIndexProblem>> {
  const version = await db.version.findFirst({ where: { draft: { slug }, seq }, select: { id: true } })
  const loaded = version && (await loadVersionIndex(db, version.id))
  return loaded ? ok(loaded) : fail('not-found')
}
