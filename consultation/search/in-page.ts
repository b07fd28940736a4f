import lunr from 'lunr'
import type { OutlineArticle, OutlineBlock, OutlineUnit } from '../../drafting/outline.ts'
import { searchDraftIndex, type SearchHit } from './lunr-bcs.ts'
import { analyse, parseArticleReference, STOP_WORDS, stem, tokenize } from './text.ts'

/**
 * Searching one draft inside its page, in the browser: the page loads this module (and lunr
 * with it, registering the BCS pipeline functions) only when the reader first uses the search
 * field. Pure and framework-free; the server uses `outlineArticles` and `articleText` to build
 * the same units it indexes. See docs/decisions/0023-in-page-search.md.
 */

export { parseArticleReference, searchDraftIndex, type SearchHit }

/** Reads an index serialised on the server (lunr-bcs.ts has registered the pipeline it names). */
export function loadDraftIndex(json: object): lunr.Index {
  return lunr.Index.load(json)
}

/** The articles of an act in reading order, inside parts, chapters and sections too. */
export function outlineArticles(units: readonly OutlineUnit[]): OutlineArticle[] {
  return units.flatMap((unit) => (unit.kind === 'article' ? [unit] : outlineArticles(unit.children)))
}

/** An article's words as indexed: label, heading, then its paragraphs with their labels. */
export function articleText(article: OutlineArticle): string {
  const parts = [article.label, article.heading ?? '']
  for (const paragraph of article.paragraphs) parts.push(paragraph.label ?? '', blocksText(paragraph.blocks))
  return parts.filter((part) => part !== '').join(' ')
}

/** The paragraphs of an article only, for excerpts. */
export function articleBodyText(article: OutlineArticle): string {
  return article.paragraphs.map((paragraph) => [paragraph.label ?? '', blocksText(paragraph.blocks)].filter(Boolean).join(' ')).join(' ')
}

function blocksText(blocks: readonly OutlineBlock[]): string {
  return blocks
    .map((block) => (block.kind === 'text' || block.kind === 'indent' ? block.text : `${block.label} ${blocksText(block.blocks)}`))
    .filter((text) => text !== '')
    .join(' ')
}

/** A piece of shown text, marked when it is a word the query matched. */
export type Segment = { text: string; mark: boolean }

// As in lunr-bcs.ts: a word of the original text, with its marks and format characters.
const WORD_SPAN = /[\p{L}\p{M}\p{N}\p{Cf}]+/gu
const YAT = /(?<=[bcdfghklmnprstvz])i?je/g

/**
 * Whether a word of the text is one the query matched, by the rules `searchDraftIndex`
 * searches with: its stem is one of the query's, or begins with the last (half-typed) word.
 */
export function queryMatcher(query: string): (word: string) => boolean {
  const terms = new Set(analyse(query))
  const lastTerm = analyse(query).at(-1)
  const lastWord = tokenize(query).filter((word) => !STOP_WORDS.has(word)).at(-1)
  const prefixes = [lastTerm, lastWord, lastWord?.replace(YAT, 'e')].filter((p): p is string => p !== undefined && p !== '')
  return (word) =>
    tokenize(word).some((folded) => {
      if (STOP_WORDS.has(folded)) return false
      const stemmed = stem(folded)
      return terms.has(stemmed) || prefixes.some((prefix) => stemmed.startsWith(prefix) || folded.startsWith(prefix))
    })
}

/** A text as segments, the words `matches` accepts marked. */
export function markWords(text: string, matches: (word: string) => boolean): Segment[] {
  const segments: Segment[] = []
  let at = 0
  for (const match of text.matchAll(WORD_SPAN)) {
    if (!matches(match[0])) continue
    if (match.index > at) segments.push({ text: text.slice(at, match.index), mark: false })
    segments.push({ text: match[0], mark: true })
    at = match.index + match[0].length
  }
  if (at < text.length) segments.push({ text: text.slice(at), mark: false })
  return segments
}

/**
 * About `length` characters of a text around its first matched word, cut at word
 * boundaries, with "…" where it was cut and the matched words marked.
 */
export function excerpt(text: string, matches: (word: string) => boolean, length = 160): Segment[] {
  let first = 0
  for (const match of text.matchAll(WORD_SPAN)) {
    if (matches(match[0])) {
      first = match.index
      break
    }
  }
  let start = Math.max(0, first - Math.floor(length / 4))
  if (start > 0) start = text.indexOf(' ', start) + 1 || start
  let end = Math.min(text.length, start + length)
  if (end < text.length) end = text.lastIndexOf(' ', end) > start ? text.lastIndexOf(' ', end) : end
  const segments = markWords(text.slice(start, end), matches)
  if (start > 0) segments.unshift({ text: '… ', mark: false })
  if (end < text.length) segments.push({ text: ' …', mark: false })
  return segments
}
