/** The database handle services take. */
export type { Db } from './db.ts'
/** Expected outcomes as values: `ok(value)` or `fail(reason)`. */
export { ok, fail, type Result } from './result.ts'
/** A draft's language variant (bs, hr, sr) and script (latn, cyrl). */
export { DRAFT_LANGUAGES, DRAFT_SCRIPTS, type DraftLanguage, type DraftScript, type LanguageVariant } from './language.ts'
/** The ProseMirror schema of a legal act, shared by server and editor. */
export { legalSchema, IDENTIFIED_TYPES } from './schema.ts'
/** A new stable node id. */
export { newNodeId } from './node-id.ts'
/** Reading and checking stored or submitted documents. */
export { parseDocument, loadDocument, type DocumentProblem } from './document.ts'
/** Automatic numbering of articles, parts, chapters, paragraphs and points. */
export { numberDocument, nextFrozenNumber, type NumberingMode, type Numbering } from './numbering.ts'
/** Numbering invariants a save checks: written numbers' form, no two articles with one frozen number. */
export { checkNumbering, duplicateArticleNumbers, articleNumbers, WRITTEN_NUMBER, type NumberingProblem, type NumberingDetail } from './numbering-check.ts'
/** Labels of legal units in a language variant: Član / Članak / Члан. */
export { legalLabels, toRoman, type LegalLabels } from './labels.ts'
/** Document types (law, bylaw, quality standard): the names and numbering of their units. */
export { unitLabels, unitNames, paragraphsAlwaysNumbered, documentTypeOf, type UnitNames } from './document-types.ts'
/** An act laid out for reading, with anchors and a table of contents. */
export {
  outlineDocument, articleAnchor, articleIdAnchor,
  type DocumentOutline, type OutlineUnit, type OutlineArticle, type OutlineDivision, type OutlineParagraph,
  type OutlineBlock, type TocEntry,
} from './outline.ts'
/** Reading a plain-text act in the FBiH style into a document. */
export { importPlainText } from './plain-text-import.ts'
/** A draft's version laid out for readers. */
export { readDraft, type DraftReading, type ReadDraftProblem, type VersionSummary } from './reading.ts'
/** Serbian Latin ↔ Cyrillic, for reading any draft in either script. */
export { toLatin, toCyrillic, transliterate, transliterateDocument, DIGRAPH_EXCEPTIONS } from './transliteration.ts'
/** Who may do what with a draft: pure predicates over the actor's roles on it. */
export {
  canOpenEditor, canEditDraft, canSaveVersion, canAssignDraftRoles, canCreateDraft, canCreateDrafts, loadDraftAccess, DRAFT_ROLES,
  type DraftRole, type DraftAccess,
} from './permissions.ts'
/** Starting a draft (empty, or from an imported act) for an institution; its slug from the title. */
export { createDraft, listDraftOwnerChoices, slugifyTitle, actTitle, type DraftCreation, type CreateDraftProblem, type DraftOwnerChoice } from './drafts.ts'
/** The working copy the working group edits, saved with optimistic concurrency. */
export { openWorkingCopy, saveWorkingCopy, type WorkingCopyView, type OpenEditorProblem, type SaveProblem } from './working-copy.ts'
/** The draft's team: owners, editors, moderators, responders. */
export * from './assignments.ts'
/** Validated inputs of the drafting forms. */
export * from './inputs.ts'
/** Editor plugins and commands (ProseMirror, no framework). */
export { nodeIdsPlugin, fixNodeIds } from './editor/node-ids.ts'
export { numberingPlugin, numberingDecorations } from './editor/numbering-decorations.ts'
export { referencesPlugin, insertReference, articleChoices } from './editor/references.ts'
/** Cross-references ("člana 12. stav (2)") by stable id, rendered with the current numbering. */
export { referenceText, renderedText, brokenReferenceArticle, MISSING_TARGET, REFERENCE_FORMS, type ReferenceAttrs, type ReferenceForm } from './references.ts'
/** An imported act's written references to itself ("iz člana 12. stav 2."), linked by stable id. */
export { linkWrittenReferences } from './import-references.ts'
export { insertArticleAfter, moveArticle, splitParagraph, makePoint } from './editor/commands.ts'
/** Indenting a point into a sub-point (and an indent into the unit before it), and back. */
export { indentUnit, outdentUnit } from './editor/point-levels.ts'
/** Inserting and removing parts, chapters and sections around articles. */
export { insertDivision, removeDivision, type DivisionType } from './editor/divisions.ts'
/** Repairing damaged legal text, and importing .txt and .docx acts with a report. */
export { repairText } from './text-repair.ts'
export { importLegalText } from './plain-text-import.ts'
export { importFile } from './import-file.ts'
/** Comparing two documents article by article, and the amending law that would make the change. */
export { diffDocuments, compareWords, type DocumentDiff, type ArticleDiff, type ParagraphDiff, type WordChange, type DiffSummary } from './diff.ts'
export { amendmentText, amendingLawTitle } from './amendments.ts'
export { compareVersions, type VersionComparison, type CompareProblem } from './comparison.ts'
/** Named, immutable versions of a draft. */
export { saveVersion, listVersions, NewVersion, type SaveVersionProblem, type VersionListItem } from './versions.ts'
/** The amending-law text as a Word document. */
export { amendmentDocx } from './export/amendment-docx.ts'
