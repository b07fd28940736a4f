import type { DocumentType } from './inputs.ts'
import type { LanguageVariant } from './language.ts'
import { legalLabels, type LegalLabels } from './labels.ts'

export type { DocumentType } from './inputs.ts'

/**
 * The words for the three numbered units of a document type in a language variant, for
 * prose ("Komentar na član 12", "kriterij 3.2"): the article, its paragraphs, their points.
 * Lower case, nominative singular.
 */
export interface UnitNames {
  article: string
  paragraph: string
  point: string
}

/*
 * A document type is a profile over ONE schema: every type uses the same nodes, and the
 * profile decides what they are called and how they are numbered.
 *
 * - law, bylaw: an `article` is a član (članak, члан), its `paragraph`s are stavovi,
 *   numbered "(1)" only where there is more than one, and its `point`s are tačke "a)".
 * - standard (a quality standard for a social service): an `article` is a standard
 *   ("Standard 3."), its `paragraph`s are criteria ("Kriterij 3.2"), always numbered,
 *   even when a standard has a single one, and their `point`s are measurable indicators
 *   ("Indikator 3.2.1"). Criteria and indicators are numbered hierarchically, so each can
 *   be cited on its own. Sub-points keep the law's "1." style.
 *
 * Every type may end with annexes (prilozi), labelled as in a law ("Prilog 1"): standards
 * carry forms and indicator tables as annexes too (docs/decisions/0026-tables-and-annexes.md).
 *
 * Anchors do not depend on the type: an article is `#clan-N` (follows renumbering) and
 * `#a-<id>` (stable) for laws and standards alike, so links, comment redirects and the
 * table of contents work the same way for every document.
 */

/** The labels of a document type's units in a language variant. */
export function unitLabels(type: DocumentType, variant: LanguageVariant): LegalLabels {
  const law = legalLabels(variant)
  if (type !== 'standard') return law
  const cyrl = variant.script === 'cyrl'
  const words =
    cyrl ? { article: 'Стандард', paragraph: 'Критеријум', point: 'Индикатор' }
    : variant.language === 'hr' ? { article: 'Standard', paragraph: 'Kriterij', point: 'Pokazatelj' }
    : variant.language === 'sr' ? { article: 'Standard', paragraph: 'Kriterijum', point: 'Indikator' }
    : { article: 'Standard', paragraph: 'Kriterij', point: 'Indikator' }
  const path = (...parts: (string | number | undefined)[]) => parts.filter((p) => p !== undefined).join('.')
  return {
    ...law,
    article: (num) => `${words.article} ${num}.`,
    paragraph: (n, articleNumber) => `${words.paragraph} ${path(articleNumber, n)}`,
    point: (n, articleNumber, paragraphNumber) => `${words.point} ${path(articleNumber, paragraphNumber, n)}`,
  }
}

/** The words for a document type's units in a language variant (see UnitNames). */
export function unitNames(type: DocumentType, variant: LanguageVariant): UnitNames {
  const cyrl = variant.script === 'cyrl'
  const hr = variant.language === 'hr'
  const sr = variant.language === 'sr'
  if (type === 'standard') {
    if (cyrl) return { article: 'стандард', paragraph: 'критеријум', point: 'индикатор' }
    if (hr) return { article: 'standard', paragraph: 'kriterij', point: 'pokazatelj' }
    if (sr) return { article: 'standard', paragraph: 'kriterijum', point: 'indikator' }
    return { article: 'standard', paragraph: 'kriterij', point: 'indikator' }
  }
  if (cyrl) return { article: 'члан', paragraph: 'став', point: 'тачка' }
  if (hr) return { article: 'članak', paragraph: 'stavak', point: 'točka' }
  return { article: 'član', paragraph: 'stav', point: 'tačka' }
}

/** Whether every paragraph is numbered, even the only one of its article (standards: criteria). */
export function paragraphsAlwaysNumbered(type: DocumentType): boolean {
  return type === 'standard'
}

/** A stored document type, or `law` for anything unknown (older rows, typos). */
export function documentTypeOf(value: string): DocumentType {
  return value === 'bylaw' || value === 'standard' ? value : 'law'
}
