import { z } from 'zod'
import { ANSWER_STATUSES } from '../response-rules.ts'
import { AUTHOR_CATEGORIES } from '../answer-inputs.ts'
import { analyse, parseArticleReference } from './text.ts'

// What a site search asks for, read from the /search URL, and how it becomes a full-text
// query. Pure: no I/O. The SQL that runs it is in store.ts.

/** What can be found: an article of a version, a comment, an institution's answer. */
export const SEARCH_KINDS = ['article', 'comment', 'answer'] as const
export type SearchKind = (typeof SEARCH_KINDS)[number]

const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional())

/**
 * A site search as the /search form and its shareable URL carry it: the words, and filters
 * by draft (slug), version (number), round, article (its number in the draft, "12" or
 * "18a"), the comment's author category and the answer's status; `kind` shows one group
 * with pages.
 */
export const SiteSearchQuery = z.object({
  q: z.string().trim().max(200).default(''),
  draft: optional(z.string().regex(/^[a-z0-9-]{1,120}$/)),
  version: optional(z.coerce.number().int().min(1).max(100_000)),
  round: optional(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
  article: optional(z.string().trim().regex(/^\d{1,4}[a-z]?$/i).transform((v) => v.toLowerCase())),
  category: optional(z.enum(AUTHOR_CATEGORIES)),
  status: optional(z.enum(ANSWER_STATUSES)),
  kind: optional(z.enum(SEARCH_KINDS)),
  page: optional(z.coerce.number().int().min(1).max(10_000)),
})
export type SiteSearchQuery = z.infer<typeof SiteSearchQuery>

/** A query taken apart: the stems to match, and the article it names ("član 12"), if any. */
export interface ParsedQuery {
  /** The analysed terms of the words (text.ts: folded, stop words dropped, stemmed), each once. */
  terms: string[]
  /** The article number a reference in the query names: "12", "18a". */
  articleNumber: string | null
}

/** Splits a query into its article reference and the analysed terms of the rest. */
export function parseQuery(q: string): ParsedQuery {
  const reference = parseArticleReference(q)
  const words = reference ? reference.rest : q
  return { terms: [...new Set(analyse(words))], articleNumber: reference?.number ?? null }
}

/**
 * The FTS5 query of analysed terms: every term must occur (an implicit AND). Each term is
 * a quoted string, so nothing a person types is read as FTS5 syntax. null: no terms.
 */
export function matchExpression(terms: readonly string[]): string | null {
  if (terms.length === 0) return null
  return terms.map((term) => `"${term.replaceAll('"', '""')}"`).join(' ')
}

/** The analysed text an index row holds for a text: its terms, in order, separated by spaces. */
export function indexedText(...texts: (string | null | undefined)[]): string {
  return texts.flatMap((text) => (text ? analyse(text) : [])).join(' ')
}
