import lunr from 'lunr'
import { analyse, stem, STOP_WORDS, tokenize } from './text.ts'

/**
 * lunr with the BCS text pipeline of `text.ts` in place of its English one, for searching
 * inside a draft's page. The browser imports this module too: no Node APIs.
 *
 * The pipeline functions are registered with lunr under "bcs-…" labels when this module
 * loads, so that an index built on the server, sent as JSON and read with `lunr.Index.load`
 * in the browser finds its search pipeline again.
 */

/** What separates words in folded text: anything that is not a letter or a digit. */
export const BCS_SEPARATOR = /[^\p{L}\p{N}]+/u

// A word of the original text, before folding: letters with their combining marks, digits,
// and the soft hyphens and zero-width characters that can sit inside a word.
const WORD_SPAN = /[\p{L}\p{M}\p{N}\p{Cf}]+/gu

/**
 * lunr tokenizer: the folded words of a field, each with the position of its word in the
 * original text ([start, length]), as lunr's own tokenizer records it for highlighting.
 */
function tokenizeField(obj?: null | string | object | object[], metadata?: object): lunr.Token[] {
  if (obj === null || obj === undefined) return []
  const text = Array.isArray(obj) ? obj.map(String).join(' ') : String(obj)
  const tokens: lunr.Token[] = []
  for (const match of text.matchAll(WORD_SPAN)) {
    // Folding one word can give several ("½" → "1 2"), or none (a lone combining mark).
    for (const word of tokenize(match[0])) {
      const position = [match.index, match[0].length]
      tokens.push(new lunr.Token(word, { ...metadata, position, index: tokens.length }))
    }
  }
  return tokens
}

/** The tokenizer of a BCS index; `separator` tells lunr what splits folded text into words. */
export const bcsTokenizer: typeof lunr.tokenizer = Object.assign(tokenizeField, { separator: BCS_SEPARATOR })

/** Pipeline: folds a term (lunr's query parser hands over terms as typed: "Заштита"). */
const foldTerm: lunr.PipelineFunction = (token) => {
  const words = tokenize(token.toString())
  if (words.length === 1) return token.update(() => words[0]!)
  return words.map((word) => token.clone(() => word))
}

/** Pipeline: drops function words (STOP_WORDS of `text.ts`). */
const dropStopWord: lunr.PipelineFunction = (token) => (STOP_WORDS.has(token.toString()) ? null : token)

/** Pipeline: the light BCS stem (`stem` of `text.ts`). */
const stemTerm: lunr.PipelineFunction = (token) => token.update((word) => stem(word))

lunr.Pipeline.registerFunction(foldTerm, 'bcs-fold')
lunr.Pipeline.registerFunction(dropStopWord, 'bcs-stop-word-filter')
lunr.Pipeline.registerFunction(stemTerm, 'bcs-stemmer')

/**
 * lunr plugin (`this.use(bcs)`): our tokenizer, and fold → stop words → stem in place of
 * lunr's trimmer, English stop words and Porter stemmer, both when indexing and searching.
 * A term that went through it is what `analyse` makes of the same word.
 */
export function bcs(builder: lunr.Builder): void {
  builder.tokenizer = bcsTokenizer
  for (const pipeline of [builder.pipeline, builder.searchPipeline]) {
    pipeline.reset()
    pipeline.add(foldTerm, dropStopWord, stemTerm)
  }
}

/** A unit of a draft to search: its ref (an article's stable id, say) and its text. */
export type SearchUnit = { ref: string; text: string }

/** A found unit, best first. */
export type SearchHit = { ref: string; score: number }

/**
 * A lunr index of a draft's units, with the BCS pipeline. It serialises with JSON.stringify.
 * `positions: false` leaves out where each word stands (for highlighting), which is about
 * half of a serialised index: the page that marks words itself does not need them.
 */
export function buildDraftIndex(units: readonly SearchUnit[], options: { positions?: boolean } = {}): lunr.Index {
  return lunr(function () {
    this.use(bcs)
    this.ref('ref')
    this.field('text')
    if (options.positions !== false) this.metadataWhitelist = ['position']
    for (const unit of units) this.add(unit)
  })
}

/**
 * Units that hold every word of the query, best first. The query goes through `analyse`,
 * as the units did, so script, diacritics and inflection do not matter ("заштита",
 * "zastiti" and "zaštita" find one another). The last word is a prefix, for a query
 * being typed: "zast" finds "zaštita".
 */
export function searchDraftIndex(index: lunr.Index, query: string): SearchHit[] {
  const terms = analyse(query)
  const last = terms.at(-1)
  const lastWord = tokenize(query).filter((word) => !STOP_WORDS.has(word)).at(-1)
  if (last === undefined || lastWord === undefined) return []
  // A half-typed word may stem to something that begins no indexed stem: "vrije" (of
  // "vrijeme" → "vremen") stems to "vrij". Then its folded form is tried as the prefix,
  // and that form in ekavian ("vre").
  const prefixes = new Set([last, lastWord, lastWord.replace(YAT, 'e')])
  for (const prefix of prefixes) {
    const hits = runQuery(index, terms.slice(0, -1), prefix)
    if (hits.length > 0) return hits
  }
  return []
}

// ije and je after a consonant: the ijekavian reflex of yat (see normaliseYat in text.ts).
const YAT = /(?<=[bcdfghklmnprstvz])i?je/g

function runQuery(index: lunr.Index, terms: string[], prefix: string): SearchHit[] {
  const required = { usePipeline: false, presence: lunr.Query.presence.REQUIRED }
  return index
    .query((query) => {
      for (const term of terms) query.term(term, required)
      query.term(prefix, { ...required, wildcard: lunr.Query.wildcard.TRAILING })
    })
    .map(({ ref, score }) => ({ ref, score }))
}
