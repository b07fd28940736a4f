import { Plugin, PluginKey } from 'prosemirror-state'
import { Decoration, DecorationSet } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { numberDocument, type NumberingMode } from '../numbering.ts'
import { legalLabels } from '../labels.ts'
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

/** Decorations that show every unit's computed number: "Član 12.", "(2)", "b)", "DIO DRUGI". */
export function numberingDecorations(doc: Node, variant: LanguageVariant, mode: NumberingMode): DecorationSet {
  const numbers = numberDocument(doc, mode)
  const labels = legalLabels(variant)
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    const id = node.attrs.id as string | null
    const n = id ? numbers.get(id) : undefined
    if (n === undefined) return true
    switch (node.type.name) {
      case 'article':
        decorations.push(Decoration.widget(pos + 1, label(labels.article(n), 'pm-label pm-label--article'), { side: -1, key: `a${n}` }))
        break
      case 'part':
        decorations.push(Decoration.widget(pos + 1, label(labels.part(Number(n)), 'pm-label pm-label--division'), { side: -1, key: `p${n}` }))
        break
      case 'chapter':
        decorations.push(Decoration.widget(pos + 1, label(labels.chapter(Number(n)), 'pm-label pm-label--division'), { side: -1, key: `c${n}` }))
        break
      case 'paragraph':
        decorations.push(Decoration.widget(pos + 2, label(`${labels.paragraph(Number(n))} `, 'pm-label pm-label--paragraph'), { side: -1, key: `s${n}` }))
        break
      case 'point':
        decorations.push(Decoration.widget(pos + 2, label(`${labels.point(Number(n))} `, 'pm-label pm-label--point'), { side: -1, key: `t${n}` }))
        break
    }
    return true
  })
  return DecorationSet.create(doc, decorations)
}

export const numberingKey = new PluginKey<DecorationSet>('numbering')

/** Shows the numbering live: recomputed in one pass whenever the document changes. */
export function numberingPlugin(variant: LanguageVariant, mode: NumberingMode = 'continuous'): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: numberingKey,
    state: {
      init: (_, state) => numberingDecorations(state.doc, variant, mode),
      apply: (tr, old) => (tr.docChanged ? numberingDecorations(tr.doc, variant, mode) : old),
    },
    props: { decorations: (state) => numberingKey.getState(state) },
  })
}
