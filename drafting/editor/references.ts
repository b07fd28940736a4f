import { Plugin, PluginKey, type Command } from 'prosemirror-state'
import { Decoration, DecorationSet, type NodeView } from 'prosemirror-view'
import type { Node } from 'prosemirror-model'
import { legalSchema } from '../schema.ts'
import { numberDocument, type NumberingMode } from '../numbering.ts'
import type { LanguageVariant } from '../language.ts'
import { referenceAttrs, referenceText, type ReferenceAttrs } from '../references.ts'

/** Node decorations carrying each reference's current text ("člana 12. stav (2)") in their spec. */
export function referenceDecorations(doc: Node, variant: LanguageVariant, mode: NumberingMode): DecorationSet {
  let numbers: ReturnType<typeof numberDocument> | null = null
  const decorations: Decoration[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== 'reference') return true
    numbers ??= numberDocument(doc, mode)
    const text = referenceText(referenceAttrs(node), numbers, variant)
    decorations.push(Decoration.node(pos, pos + node.nodeSize, { title: text }, { referenceText: text }))
    return false
  })
  return DecorationSet.create(doc, decorations)
}

function textFrom(decorations: readonly Decoration[]): string {
  for (const d of decorations) {
    const text = (d.spec as { referenceText?: unknown }).referenceText
    if (typeof text === 'string') return text
  }
  return ''
}

/** Shows a reference as its text; the text comes from the plugin's decorations. */
class ReferenceView implements NodeView {
  readonly dom: HTMLElement
  constructor(node: Node, decorations: readonly Decoration[]) {
    this.dom = document.createElement('span')
    this.dom.className = 'pm-reference'
    this.dom.setAttribute('data-article', String(node.attrs.article))
    this.dom.textContent = textFrom(decorations)
  }
  update(node: Node, decorations: readonly Decoration[]): boolean {
    if (node.type.name !== 'reference') return false
    this.dom.setAttribute('data-article', String(node.attrs.article))
    this.dom.textContent = textFrom(decorations)
    return true
  }
  ignoreMutation(): boolean {
    return true
  }
}

export const referencesKey = new PluginKey<DecorationSet>('references')

/**
 * Shows every reference with its current text, recomputed with the numbering whenever
 * the document changes: insert an article before the target and "člana 3." reads
 * "člana 4.".
 */
export function referencesPlugin(variant: LanguageVariant, mode: NumberingMode = 'continuous'): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: referencesKey,
    state: {
      init: (_, state) => referenceDecorations(state.doc, variant, mode),
      apply: (tr, old) => (tr.docChanged ? referenceDecorations(tr.doc, variant, mode) : old),
    },
    props: {
      decorations: (state) => referencesKey.getState(state),
      nodeViews: { reference: (node, _view, _getPos, decorations) => new ReferenceView(node, decorations) },
    },
  })
}

/** Inserts a reference at the cursor (replacing the selection), inside a text block. */
export function insertReference(attrs: ReferenceAttrs): Command {
  return (state, dispatch) => {
    const { $from } = state.selection
    if ($from.parent.type.name !== 'text_block') return false
    if (dispatch) {
      const node = legalSchema.nodes.reference!.create(attrs)
      dispatch(state.tr.replaceSelectionWith(node, false).scrollIntoView())
    }
    return true
  }
}

/** The articles of a document in order, by id, with their current numbers and headings: for choosing a reference's target. */
export function articleChoices(doc: Node, mode: NumberingMode = 'continuous'): { id: string; number: string; heading: string }[] {
  const numbers = numberDocument(doc, mode)
  const out: { id: string; number: string; heading: string }[] = []
  doc.descendants((node) => {
    if (node.type.name !== 'article') return true
    const id = node.attrs.id as string | null
    const number = id ? numbers.get(id) : undefined
    if (id && number !== undefined) out.push({ id, number, heading: node.firstChild?.type.name === 'article_heading' ? node.firstChild.textContent : '' })
    return false
  })
  return out
}
