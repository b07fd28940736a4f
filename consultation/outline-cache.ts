import type { Db } from '../drafting/db.ts'
import { loadDocument } from '../drafting/document.ts'
import { documentTypeOf } from '../drafting/document-types.ts'
import type { DraftLanguage, DraftScript } from '../drafting/language.ts'
import { outlineDocument, type DocumentOutline } from '../drafting/outline.ts'

// The outline of a consulted version, kept in memory. A version never changes once saved,
// so an outline built for it stays right for as long as the process lives, and a second
// instance simply builds its own: nothing here has to be shared. Checking a comment's
// target against a 500-article act would otherwise parse and lay out the whole act on
// every comment.

const MAX_ENTRIES = 32
const cache = new Map<string, DocumentOutline>()

/** The outline of version `versionId` in the draft's language and script, built once. */
export async function consultedOutline(
  db: Db,
  versionId: string,
  draft: { language: string; script: string; documentType: string },
): Promise<DocumentOutline> {
  const key = `${versionId}:${draft.language}:${draft.script}:${draft.documentType}`
  const hit = cache.get(key)
  if (hit) {
    // Most recently used last.
    cache.delete(key)
    cache.set(key, hit)
    return hit
  }
  const version = await db.version.findUniqueOrThrow({ where: { id: versionId }, select: { doc: true } })
  const outline = outlineDocument(
    loadDocument(version.doc),
    { language: draft.language as DraftLanguage, script: draft.script as DraftScript },
    'continuous',
    documentTypeOf(draft.documentType),
  )
  cache.set(key, outline)
  if (cache.size > MAX_ENTRIES) cache.delete(cache.keys().next().value!)
  return outline
}
