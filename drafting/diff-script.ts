import type { ArticleDiff, DocumentDiff, WordChange } from './diff.ts'
import type { DraftScript } from './language.ts'
import { transliterate } from './transliteration.ts'

/**
 * A comparison shown in the other script: every text of its articles, divisions and annexes
 * transliterated, numbers and ids untouched. Word runs are converted one by one, so an
 * exception word split across runs may convert differently (a person reviews).
 */
export function diffInScript(diff: DocumentDiff, script: DraftScript): DocumentDiff {
  const t = (text: string) => transliterate(text, script)
  const runs = (changes: WordChange[]) => changes.map((c) => ({ ...c, text: t(c.text) }))
  const article = (a: ArticleDiff): ArticleDiff => ({
    ...a,
    heading: a.heading === null ? null : t(a.heading),
    oldHeading: a.oldHeading === null ? null : t(a.oldHeading),
    headingChanges: a.headingChanges === null ? null : runs(a.headingChanges),
    paragraphs: a.paragraphs.map((p) => ({ ...p, changes: runs(p.changes), items: p.items.map((i) => ({ ...i, changes: runs(i.changes) })) })),
  })
  return {
    ...diff,
    title: diff.title && { old: t(diff.title.old), new: t(diff.title.new), changes: runs(diff.title.changes) },
    articles: diff.articles.map(article),
    divisions: diff.divisions.map((d) => ({
      ...d,
      oldHeading: d.oldHeading === null ? null : t(d.oldHeading),
      newHeading: d.newHeading === null ? null : t(d.newHeading),
    })),
    // Older stored comparisons may lack annexes.
    annexes: (diff.annexes ?? []).map((a) => ({
      ...a,
      heading: t(a.heading),
      oldHeading: a.oldHeading === null ? null : t(a.oldHeading),
      headingChanges: a.headingChanges === null ? null : runs(a.headingChanges),
      changes: runs(a.changes),
    })),
  }
}
