import type { Node } from 'prosemirror-model'
import type { Db } from '../db.ts'
import { loadDocument } from '../document.ts'
import { documentTypeOf, type DocumentType } from '../document-types.ts'
import type { DraftLanguage, DraftScript, LanguageVariant } from '../language.ts'
import type { NumberingMode } from '../numbering.ts'
import { outlineDocument, type DocumentOutline } from '../outline.ts'
import type { ReadDraftProblem } from '../reading.ts'
import { fail, ok, type Result } from '../result.ts'
import { transliterate, transliterateDocument } from '../transliteration.ts'

/**
 * One named version of a draft, ready to be exported as an act (.docx, Akoma Ntoso): the
 * document itself (for references by stable id), its outline (labels and numbers as
 * readers see them), in the draft's own script or the one asked for.
 */
export interface ActVersion {
  draft: {
    id: string
    slug: string
    title: string
    documentType: DocumentType
    stage: string
    jurisdiction: string
    createdAt: Date
    owner: { slug: string; name: string }
  }
  version: { seq: number; name: string; createdAt: Date }
  /** The language and the script of the exported text. */
  variant: LanguageVariant
  mode: NumberingMode
  doc: Node
  outline: DocumentOutline
}

/**
 * A version as readDraft shows it to anyone (versions are public reading; the working copy
 * never is), for export. Fails as readDraft does.
 */
export async function loadActVersion(db: Db, slug: string, seq: number, options: { script?: DraftScript } = {}): Promise<Result<ActVersion, ReadDraftProblem>> {
  const draft = await db.draft.findUnique({
    where: { slug },
    select: {
      id: true, slug: true, title: true, documentType: true, language: true, script: true, stage: true, jurisdiction: true,
      numberingMode: true, createdAt: true, owner: { select: { slug: true, name: true } },
    },
  })
  if (!draft) return fail('draft-not-found')
  const version = await db.version.findUnique({ where: { draftId_seq: { draftId: draft.id, seq } }, select: { seq: true, name: true, createdAt: true, doc: true } })
  if (!version) return fail('version-not-found')
  const ownScript = draft.script as DraftScript
  const script = options.script ?? ownScript
  const inScript = (text: string) => (script === ownScript ? text : transliterate(text, script))
  const variant: LanguageVariant = { language: draft.language as DraftLanguage, script }
  const mode = draft.numberingMode as NumberingMode
  const type = documentTypeOf(draft.documentType)
  const doc = loadDocument(script === ownScript ? version.doc : transliterateDocument(version.doc, script))
  return ok({
    draft: {
      id: draft.id, slug: draft.slug, title: inScript(draft.title), documentType: type, stage: draft.stage, jurisdiction: draft.jurisdiction,
      createdAt: draft.createdAt, owner: { slug: draft.owner.slug, name: inScript(draft.owner.name) },
    },
    version: { seq: version.seq, name: inScript(version.name), createdAt: version.createdAt },
    variant,
    mode,
    doc,
    outline: outlineDocument(doc, variant, mode, type),
  })
}

/** The file name of an exported version: "zakon-o-socijalnim-uslugama-v2.docx". */
export function actFileName(slug: string, seq: number, extension: string): string {
  return `${slug}-v${seq}.${extension}`
}
