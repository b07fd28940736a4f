import type { Db } from './db.ts'
import { loadDocument } from './document.ts'
import { diffDocuments, type DocumentDiff } from './diff.ts'
import { amendingLawTitle, amendmentText } from './amendments.ts'
import type { DraftLanguage, DraftScript, LanguageVariant } from './language.ts'
import { fail, ok, type Result } from './result.ts'
import type { Node } from 'prosemirror-model'

/** Two versions of a draft compared, with the amending-law text that would make the change. */
export interface VersionComparison {
  draft: { slug: string; title: string; variant: LanguageVariant }
  from: { seq: number; name: string; createdAt: Date }
  to: { seq: number; name: string; createdAt: Date }
  versions: { seq: number; name: string }[]
  diff: DocumentDiff
  amendment: { title: string; articles: string[] }
}

/**
 * Why two versions cannot be compared:
 * - `draft-not-found`: no such draft;
 * - `version-not-found`: one of the versions does not exist.
 */
export type CompareProblem = 'draft-not-found' | 'version-not-found'

/**
 * Compares any two versions of a draft (not only neighbours): articles paired by their
 * stable ids, word by word inside them. Older against newer or the other way round, as
 * asked.
 */
export async function compareVersions(db: Db, slug: string, fromSeq: number, toSeq: number): Promise<Result<VersionComparison, CompareProblem>> {
  const draft = await db.draft.findUnique({
    where: { slug },
    select: { slug: true, title: true, language: true, script: true, versions: { select: { seq: true, name: true }, orderBy: { seq: 'asc' } } },
  })
  if (!draft) return fail('draft-not-found')
  const [from, to] = await Promise.all(
    [fromSeq, toSeq].map((seq) =>
      db.version.findFirst({ where: { draft: { slug }, seq }, select: { seq: true, name: true, createdAt: true, doc: true } }),
    ),
  )
  if (!from || !to) return fail('version-not-found')
  const variant: LanguageVariant = { language: draft.language as DraftLanguage, script: draft.script as DraftScript }
  const diff = diffDocuments(loadDocument(from.doc), loadDocument(to.doc), { align: 'ids' })
  const lawTitle = draft.title
  return ok({
    draft: { slug: draft.slug, title: draft.title, variant },
    from: { seq: from.seq, name: from.name, createdAt: from.createdAt },
    to: { seq: to.seq, name: to.name, createdAt: to.createdAt },
    versions: draft.versions,
    diff,
    amendment: { title: amendingLawTitle(diff, variant, lawTitle), articles: amendmentText(diff, variant, { lawTitle }) },
  })
}

/**
 * Compares an imported text (the previous law, uploaded as .docx or .txt) with a version
 * of the draft. The two share no ids, so articles are paired by content and number.
 */
export async function compareWithImported(
  db: Db,
  slug: string,
  toSeq: number,
  imported: Node,
): Promise<Result<Omit<VersionComparison, 'from'> & { from: null }, CompareProblem>> {
  const draft = await db.draft.findUnique({
    where: { slug },
    select: { slug: true, title: true, language: true, script: true, versions: { select: { seq: true, name: true }, orderBy: { seq: 'asc' } } },
  })
  if (!draft) return fail('draft-not-found')
  const to = await db.version.findFirst({ where: { draft: { slug }, seq: toSeq }, select: { seq: true, name: true, createdAt: true, doc: true } })
  if (!to) return fail('version-not-found')
  const variant: LanguageVariant = { language: draft.language as DraftLanguage, script: draft.script as DraftScript }
  const diff = diffDocuments(imported, loadDocument(to.doc), { align: 'content' })
  return ok({
    draft: { slug: draft.slug, title: draft.title, variant },
    from: null,
    to: { seq: to.seq, name: to.name, createdAt: to.createdAt },
    versions: draft.versions,
    diff,
    amendment: { title: amendingLawTitle(diff, variant, draft.title), articles: amendmentText(diff, variant, { lawTitle: draft.title }) },
  })
}
