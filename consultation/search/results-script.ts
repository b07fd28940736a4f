import type { DraftScript } from '../../drafting/language.ts'
import { transliterate } from '../../drafting/transliteration.ts'
import type { Segment } from './highlight.ts'
import type { SearchGroup, SearchHit, SiteSearchResult } from './search.ts'

// Search results in the reader's script. The index and the excerpts hold text as it was
// written (a Latin draft, a comment typed in Cyrillic); a Serbian reader sees what is shown
// in the interface's script. Words are marked before this runs, so an excerpt is converted
// segment by segment: each marked word stays marked, whatever its length becomes (lj → љ).
// Display only. Pure: no I/O.

/** An excerpt's segments in `script`, each keeping its mark. */
export function segmentsInScript(segments: readonly Segment[], script: DraftScript): Segment[] {
  return segments.map((s) => ({ text: transliterate(s.text, script), mark: s.mark }))
}

function hitInScript(hit: SearchHit, inScript: (text: string) => string, script: DraftScript): SearchHit {
  return {
    ...hit,
    draft: { ...hit.draft, title: inScript(hit.draft.title) },
    label: hit.label === null ? null : inScript(hit.label),
    round: hit.round && { ...hit.round, title: inScript(hit.round.title) },
    excerpt: segmentsInScript(hit.excerpt, script),
  }
}

/**
 * A search's results as a reader of `script` sees them: the hits' draft titles, labels,
 * round titles and excerpts, and the names in the filters. Links, numbers, authors' names
 * and everything else stay as they are.
 */
export function resultsInScript(result: SiteSearchResult, script: DraftScript): SiteSearchResult {
  const inScript = (text: string) => transliterate(text, script)
  return {
    ...result,
    groups: result.groups.map((g): SearchGroup => ({ ...g, hits: g.hits.map((h) => hitInScript(h, inScript, script)) })),
    drafts: result.drafts.map((d) => ({ ...d, title: inScript(d.title) })),
    versions: result.versions.map((v) => ({ ...v, name: inScript(v.name) })),
    rounds: result.rounds.map((r) => ({ ...r, title: inScript(r.title) })),
  }
}
