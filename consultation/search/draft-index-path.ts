/**
 * The version of what a draft's in-page index holds (see draft-index.ts): raise it whenever
 * `text.ts` (folding, stemming, stop words), `lunr-bcs.ts` or the units of `draft-index.ts`
 * change, so stored indexes are rebuilt on their next read and browsers fetch them again
 * under a new URL. No imports: pages import this file, and it must not pull lunr in.
 */
export const DRAFT_INDEX_PIPELINE = 1

/** Where the browser fetches a version's index: the pipeline is in the URL, so a cached copy is never stale. */
export function versionIndexPath(slug: string, seq: number): string {
  return `/drafts/${encodeURIComponent(slug)}/versions/${seq}/search-index.json?p=${DRAFT_INDEX_PIPELINE}`
}
