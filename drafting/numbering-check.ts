import type { Node } from 'prosemirror-model'
import { numberDocument, type NumberingMode } from './numbering.ts'

/**
 * Whether a document's numbering is consistent, beyond what the schema can say:
 * - `invalid-number`: a unit carries a written number that is not a number as acts write
 *   them ("12", "18a", "18ab"): digits, then at most three letters (of either script);
 * - `duplicate-number`: under frozen numbering two articles end up with the same number —
 *   a new article inserted in front of an article numbered 18a, after 18, would be "18a"
 *   too. Amending laws cannot refer to such an act, so it is not saved.
 * Under continuous numbering articles are numbered 1 … N and written numbers are only
 * kept (in the id's unit), so only their form is checked.
 */
export type NumberingProblem = 'invalid-number' | 'duplicate-number'

/** A number as acts write it, without its label: "12", "18a", "18А" (a Cyrillic text's letter). */
export const WRITTEN_NUMBER = /^\d{1,5}\p{L}{0,3}$/u

export interface NumberingDetail {
  problem: NumberingProblem
  /** The number concerned: the duplicated one, or the malformed one as written. */
  number: string
}

/** Every article's number in document order under `mode`, with the node's stable id. */
export function articleNumbers(doc: Node, mode: NumberingMode): { id: string; number: string }[] {
  const numbers = numberDocument(doc, mode)
  const found: { id: string; number: string }[] = []
  doc.descendants((node) => {
    if (node.type.name !== 'article') return true
    const id = node.attrs.id as string | null
    const number = id ? numbers.get(id) : undefined
    if (id && number !== undefined) found.push({ id, number })
    return false
  })
  return found
}

/** The article numbers used more than once under `mode`, each once, in document order. */
export function duplicateArticleNumbers(doc: Node, mode: NumberingMode): string[] {
  const seen = new Set<string>()
  const twice = new Set<string>()
  for (const { number } of articleNumbers(doc, mode)) {
    if (seen.has(number)) twice.add(number)
    seen.add(number)
  }
  return [...twice]
}

/** The first numbering problem of a document the schema already accepted, or null; see NumberingProblem. */
export function checkNumbering(doc: Node, mode: NumberingMode): NumberingDetail | null {
  let malformed: string | null = null
  doc.descendants((node) => {
    if (malformed !== null) return false
    const num = node.attrs.num as unknown
    if (num !== undefined && num !== null && (typeof num !== 'string' || !WRITTEN_NUMBER.test(num))) malformed = String(num).slice(0, 20)
    return true
  })
  if (malformed !== null) return { problem: 'invalid-number', number: malformed }
  if (mode === 'frozen') {
    const [duplicate] = duplicateArticleNumbers(doc, mode)
    if (duplicate !== undefined) return { problem: 'duplicate-number', number: duplicate }
  }
  return null
}
