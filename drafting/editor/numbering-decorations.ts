import { Plugin, PluginKey } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { numberDocument, type NumberingMode } from '../numbering.ts'
import { duplicateArticleNumbers } from '../numbering-check.ts'
import { paragraphsAlwaysNumbered, unitLabels } from '../document-types.ts'
import type { DocumentType } from '../inputs.ts'
import type { LanguageVariant } from '../language.ts'

function label(text: string, className: string): () => HTMLElement {
  return () => {
    const el = document.createElement('span')
    el.className = className
    el.textContent = text
    el.setAttribute('contenteditable', 'false')
    return el
  }
}

/**
 * Decorations that show every unit's computed number: "Član 12.", "(2)", "b)", "1.",
 * "DIO DRUGI", "POGLAVLJE II.", "Odjeljak A." for a law; "Standard 3.", "Kriterij 3.2",
 * "Indikator 3.2.1" for quality standards.
 */
export function numberingDecorations(doc: Node, variant: LanguageVariant, mode: NumberingMode, type: DocumentType = 'law'): DecorationSet {
  const numbers = numberDocument(doc, mode)
  // Under frozen numbering two articles can end up with one number (a new article in front
  // of "18a"): both labels are marked, as the save will refuse it (numbering-check.ts).
  const duplicates = mode === 'frozen' ? new Set(duplicateArticleNumbers(doc, mode)) : new Set<string>()
  const labels = unitLabels(type, variant)
  const always = paragraphsAlwaysNumbered(type)
  const decorations: Decoration[] = []
  let article = ''
  let paragraphInArticle = 0
  let paragraph = ''
  doc.descendants((node, pos) => {
    const id = node.attrs.id as string | null
    let n = id ? numbers.get(id) : undefined
    if (node.type.name === 'article' && n !== undefined) {
      article = n
      paragraphInArticle = 0
    }
    if (node.type.name === 'paragraph') {
      paragraphInArticle += 1
      // A lone criterion of a standard is still numbered ("3.1"); a lone paragraph of a law is not.
      if (n === undefined && always) n = String(paragraphInArticle)
      paragraph = n ?? ''
    }
    if (n === undefined) return true
    switch (node.type.name) {
      case 'article':
        decorations.push(
          Decoration.widget(pos + 1, label(labels.article(n), duplicates.has(n) ? 'pm-label pm-label--article pm-label--duplicate' : 'pm-label pm-label--article'), {
            side: -1,
            key: duplicates.has(n) ? `a${n}!` : `a${n}`,
          }),
        )
        break
      case 'part':
        decorations.push(Decoration.widget(pos + 1, label(labels.part(Number(n)), 'pm-label pm-label--division'), { side: -1, key: `p${n}` }))
        break
      case 'chapter':
        decorations.push(Decoration.widget(pos + 1, label(labels.chapter(Number(n)), 'pm-label pm-label--division'), { side: -1, key: `c${n}` }))
        break
      case 'section':
        decorations.push(Decoration.widget(pos + 1, label(labels.section(Number(n)), 'pm-label pm-label--division'), { side: -1, key: `o${n}` }))
        break
      case 'annex':
        decorations.push(Decoration.widget(pos + 1, label(labels.annex(n), 'pm-label pm-label--division'), { side: -1, key: `x${n}` }))
        break
      case 'paragraph': {
        const text = labels.paragraph(Number(n), article)
        decorations.push(Decoration.widget(pos + 2, label(`${text} `, 'pm-label pm-label--paragraph'), { side: -1, key: `s${text}` }))
        break
      }
      case 'point': {
        const text = labels.point(Number(n), article, paragraph === '' ? undefined : Number(paragraph))
        decorations.push(Decoration.widget(pos + 2, label(`${text} `, 'pm-label pm-label--point'), { side: -1, key: `t${text}` }))
        break
      }
      case 'subpoint': {
        const text = labels.subpoint(Number(n))
        decorations.push(Decoration.widget(pos + 2, label(`${text} `, 'pm-label pm-label--point'), { side: -1, key: `u${text}` }))
        break
      }
    }
    return true
  })
  return DecorationSet.create(doc, decorations)
}

export const numberingKey = new PluginKey<DecorationSet>('numbering')

/** Shows the numbering live: recomputed in one pass whenever the document changes. */
export function numberingPlugin(variant: LanguageVariant, mode: NumberingMode = 'continuous', type: DocumentType = 'law'): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: numberingKey,
    state: {
      init: (_, state) => numberingDecorations(state.doc, variant, mode, type),
      apply: (tr, old) => (tr.docChanged ? numberingDecorations(tr.doc, variant, mode, type) : old),
    },
    props: { decorations: (state) => numberingKey.getState(state) },
  })
}
