import { excerpt, type Segment } from './in-page.ts'
import { STOP_WORDS, stem, tokenize } from './text.ts'

// Highlighting the words a site search matched, in the text as people read it. The index
// holds stems, so FTS5 cannot mark the original words: a word of the shown text is marked
// when the pipeline makes one of the query's terms of it. Pure: no I/O.

export type { Segment }

/** Whether a word of a shown text (any script, any diacritics) is one of the query's terms. */
export function termMatcher(terms: readonly string[]): (word: string) => boolean {
  const wanted = new Set(terms)
  return (word) => tokenize(word).some((folded) => !STOP_WORDS.has(folded) && wanted.has(stem(folded)))
}

/**
 * About `length` characters of `text` around the first matched word, with every matched
 * word marked; the start of the text when nothing matches (a search by article number).
 */
export function highlight(text: string, terms: readonly string[], length = 220): Segment[] {
  return excerpt(text, termMatcher(terms), length)
}
