import type { Db } from './db.ts'
import { loadDocument } from './document.ts'
import { outlineDocument, type DocumentOutline } from './outline.ts'
import { fail, ok, type Result } from './result.ts'
import type { DraftLanguage, DraftScript } from './language.ts'
import { transliterate, transliterateDocument } from './transliteration.ts'
import type { NumberingMode } from './numbering.ts'
import { documentTypeOf } from './document-types.ts'

/** A named version as listed to readers. */
export interface VersionSummary {
  seq: number
  name: string
  note: string | null
  createdAt: Date
}

/** A draft with one of its versions laid out for reading. */
export interface DraftReading {
  draft: {
    id: string
    slug: string
    title: string
    documentType: string
    language: DraftLanguage
    script: DraftScript
    stage: string
    summary: string | null
    owner: string
  }
  version: VersionSummary
  versions: VersionSummary[]
  /** The script the text is shown in (the draft's own, unless another was asked for). */
  script: DraftScript
  outline: DocumentOutline
}

/**
 * Why a draft cannot be read:
 * - `draft-not-found`: no draft has that slug;
 * - `version-not-found`: the draft has no such version, or no version yet.
 */
export type ReadDraftProblem = 'draft-not-found' | 'version-not-found'

/**
 * A draft's named version laid out article by article: the one asked for, or else the
 * latest, in the draft's own script or transliterated into the other one. The working
 * copy is for the working group and is never shown here.
 */
export async function readDraft(
  db: Db,
  slug: string,
  options: { versionSeq?: number; script?: DraftScript } = {},
): Promise<Result<DraftReading, ReadDraftProblem>> {
  const draft = await db.draft.findUnique({
    where: { slug },
    include: {
      owner: { select: { name: true } },
      versions: { select: { id: true, seq: true, name: true, note: true, createdAt: true }, orderBy: { seq: 'desc' } },
    },
  })
  if (!draft) return fail('draft-not-found')
  const chosen = options.versionSeq === undefined ? draft.versions[0] : draft.versions.find((v) => v.seq === options.versionSeq)
  if (!chosen) return fail('version-not-found')
  const language = draft.language as DraftLanguage
  const ownScript = draft.script as DraftScript
  const script = options.script ?? ownScript
  const inScript = (text: string) => (script === ownScript ? text : transliterate(text, script))
  const summary = (v: (typeof draft.versions)[number]): VersionSummary => ({ seq: v.seq, name: v.name, note: v.note, createdAt: v.createdAt })
  return ok({
    draft: {
      id: draft.id,
      slug: draft.slug,
      title: inScript(draft.title),
      documentType: draft.documentType,
      language,
      script,
      stage: draft.stage,
      summary: draft.summary === null ? null : inScript(draft.summary),
      owner: inScript(draft.owner.name),
    },
    version: summary(chosen),
    versions: draft.versions.map(summary),
    script,
    outline: await versionOutline(db, chosen.id, { language, script, ownScript, numbering: draft.numberingMode as NumberingMode, documentType: draft.documentType }),
  })
}

// A saved version never changes, so its outline in a given script, numbering and document
// type is built once per process and kept (most recently used last). Reading a 500-article
// draft otherwise parses, transliterates and lays out the whole act on every request.
const OUTLINES_KEPT = 32
const outlines = new Map<string, DocumentOutline>()

/**
 * The outline of saved version `versionId` in `script` (transliterated from the draft's own
 * `ownScript` when they differ), built once per process: readers' pages and the comment
 * checks of consultation share it.
 */
export async function versionOutline(
  db: Db,
  versionId: string,
  o: { language: DraftLanguage; script: DraftScript; ownScript: DraftScript; numbering: NumberingMode; documentType: string },
): Promise<DocumentOutline> {
  const key = `${versionId}:${o.language}:${o.script}:${o.numbering}:${o.documentType}`
  const kept = outlines.get(key)
  if (kept) {
    outlines.delete(key)
    outlines.set(key, kept)
    return kept
  }
  const version = await db.version.findUniqueOrThrow({ where: { id: versionId }, select: { doc: true } })
  const doc = o.script === o.ownScript ? version.doc : transliterateDocument(version.doc, o.script)
  const outline = outlineDocument(loadDocument(doc), { language: o.language, script: o.script }, o.numbering, documentTypeOf(o.documentType))
  outlines.set(key, outline)
  if (outlines.size > OUTLINES_KEPT) outlines.delete(outlines.keys().next().value!)
  return outline
}
