import type { Node } from 'prosemirror-model'
import type { LanguageVariant } from './language.ts'
import { legalLabels } from './labels.ts'
import type { Numbering } from './numbering.ts'

/** The grammatical case of the article word in a reference: član, člana, članu, članu, članom. */
export type ReferenceForm = 'nom' | 'gen' | 'dat' | 'loc' | 'ins'

export const REFERENCE_FORMS: readonly ReferenceForm[] = ['nom', 'gen', 'dat', 'loc', 'ins']

/**
 * What a reference node points at, by stable ids: an article, optionally one of its
 * paragraphs and one of its points, and the case the article word is written in.
 */
export interface ReferenceAttrs {
  article: string
  paragraph: string | null
  point: string | null
  form: ReferenceForm
}

/** What a reference to a unit that no longer exists shows instead of its number. */
export const MISSING_TARGET = '[?]'

type Words = Record<ReferenceForm, string>

const ARTICLE_WORDS: Record<'latn' | 'hr' | 'cyrl', Words> = {
  latn: { nom: 'član', gen: 'člana', dat: 'članu', loc: 'članu', ins: 'članom' },
  hr: { nom: 'članak', gen: 'članka', dat: 'članku', loc: 'članku', ins: 'člankom' },
  cyrl: { nom: 'члан', gen: 'члана', dat: 'члану', loc: 'члану', ins: 'чланом' },
}
// Croatian declines the paragraph and point words with the article ("članka 12. stavka 2.
// točke a)"); BiH and Serbian texts keep them in the nominative ("člana 12. stav (2) tačka a)").
const HR_PARAGRAPH: Words = { nom: 'stavak', gen: 'stavka', dat: 'stavku', loc: 'stavku', ins: 'stavkom' }
const HR_POINT: Words = { nom: 'točka', gen: 'točke', dat: 'točki', loc: 'točki', ins: 'točkom' }

function wordsFor(variant: LanguageVariant): { article: Words; paragraph: (f: ReferenceForm) => string; point: (f: ReferenceForm) => string } {
  if (variant.script === 'cyrl') return { article: ARTICLE_WORDS.cyrl, paragraph: () => 'став', point: () => 'тачка' }
  if (variant.language === 'hr') return { article: ARTICLE_WORDS.hr, paragraph: (f) => HR_PARAGRAPH[f], point: (f) => HR_POINT[f] }
  return { article: ARTICLE_WORDS.latn, paragraph: () => 'stav', point: () => 'tačka' }
}

/** Whether a value is one of the reference forms. */
export function isReferenceForm(value: unknown): value is ReferenceForm {
  return typeof value === 'string' && (REFERENCE_FORMS as readonly string[]).includes(value)
}

/**
 * The text of a reference with the current numbering: "člana 12. stav (2) tačka a)" in
 * Bosnian and Serbian Latin, "članka 12. stavka 2. točke a)" in Croatian, "члана 12. став
 * (2) тачка а)" in Serbian Cyrillic. An article or point that no longer exists shows
 * MISSING_TARGET in place of its number. A paragraph without a number (the only one of
 * its article, or one that is gone) is left out.
 */
export function referenceText(attrs: ReferenceAttrs, numbers: Numbering, variant: LanguageVariant): string {
  const words = wordsFor(variant)
  const labels = legalLabels(variant)
  const form = isReferenceForm(attrs.form) ? attrs.form : 'gen'
  const hr = variant.language === 'hr' && variant.script === 'latn'
  const article = numbers.get(attrs.article)
  let text = `${words.article[form]} ${article === undefined ? MISSING_TARGET : `${article}.`}`
  if (attrs.paragraph) {
    // Numbering leaves out the only paragraph of an article: there is nothing to show.
    const n = article === undefined ? undefined : numbers.get(attrs.paragraph)
    if (n !== undefined) text += ` ${words.paragraph(form)} ${hr ? `${n}.` : labels.paragraph(Number(n))}`
  }
  if (attrs.point) {
    const n = article === undefined ? undefined : numbers.get(attrs.point)
    text += ` ${words.point(form)} ${n === undefined ? MISSING_TARGET : labels.point(Number(n))}`
  }
  return text
}

/** The reference attributes of a reference node, with the form defaulted. */
export function referenceAttrs(node: Node): ReferenceAttrs {
  const a = node.attrs
  return {
    article: String(a.article),
    paragraph: typeof a.paragraph === 'string' && a.paragraph ? a.paragraph : null,
    point: typeof a.point === 'string' && a.point ? a.point : null,
    form: isReferenceForm(a.form) ? a.form : 'gen',
  }
}

/** A text block's text as read: its text with every reference rendered by referenceText. */
export function renderedText(block: Node, numbers: Numbering, variant: LanguageVariant): string {
  let text = ''
  block.forEach((child) => {
    if (child.isText) text += child.text!
    else if (child.type.name === 'reference') text += referenceText(referenceAttrs(child), numbers, variant)
    else text += child.textContent
  })
  return text
}

/**
 * Where the first reference to a unit that is no longer in the document sits: the number
 * of the article holding it (under `numbers`), or null when it is outside any article (the
 * preamble, the memorandum); undefined when every reference has its target. The editor's
 * save message names it, so the person can find the "[?]" left by a deleted article.
 */
export function brokenReferenceArticle(doc: Node, numbers: Numbering): string | null | undefined {
  const ids = new Set<string>()
  doc.descendants((node) => {
    const id = node.attrs.id as unknown
    if (typeof id === 'string') ids.add(id)
    return true
  })
  let found: string | null | undefined
  const walk = (node: Node, article: string | null) => {
    node.forEach((child) => {
      if (found !== undefined) return
      if (child.type.name === 'reference') {
        const a = referenceAttrs(child)
        if (!ids.has(a.article) || (a.paragraph !== null && !ids.has(a.paragraph)) || (a.point !== null && !ids.has(a.point))) found = article
      } else if (child.type.name === 'article') {
        walk(child, numbers.get(child.attrs.id as string) ?? null)
      } else if (!child.isLeaf) walk(child, article)
    })
  }
  walk(doc, null)
  return found
}
