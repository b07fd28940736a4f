import { Plugin, TextSelection, type Command } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { importLegalText } from '../plain-text-import.ts'

const ARTICLE_LABEL = /^\s*(?:Član|Članak|Clan|Clanak|ČLAN|ČLANAK|Члан|ЧЛАН)\s+\d+/mu
const PARAGRAPH_MARK = /^\s*\(\d+\)\s+\S/mu

/**
 * What a pasted plain text (from Word, or a PDF's text) is as structure: the articles it
 * holds (with fresh ids), or the paragraphs of one article, or null for running text that
 * should be pasted as it is.
 */
export function pastedStructure(text: string): { kind: 'articles' | 'paragraphs'; nodes: Node[] } | null {
  if (ARTICLE_LABEL.test(text)) {
    try {
      const { doc } = importLegalText(`PROPIS\n\n${text}`)
      const articles: Node[] = []
      doc.descendants((node) => {
        if (node.type.name === 'article') articles.push(node)
        return node.type.name !== 'article'
      })
      return articles.length > 0 ? { kind: 'articles', nodes: articles } : null
    } catch {
      return null
    }
  }
  if (PARAGRAPH_MARK.test(text) && text.trim().split('\n').length > 1) {
    try {
      const { doc } = importLegalText(`PROPIS\n\nČlan 1.\n${text}`)
      let paragraphs: Node[] = []
      doc.descendants((node) => {
        if (node.type.name === 'article' && paragraphs.length === 0) {
          node.forEach((child) => {
            if (child.type.name === 'paragraph') paragraphs.push(child)
          })
        }
        return node.type.name !== 'article'
      })
      if (paragraphs.length < 2) paragraphs = []
      return paragraphs.length > 0 ? { kind: 'paragraphs', nodes: paragraphs } : null
    } catch {
      return null
    }
  }
  return null
}

/** Inserts nodes after the nearest ancestor of a type around the cursor (article or paragraph). */
export function insertAfterAncestor(type: 'article' | 'paragraph', nodes: readonly Node[]): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from
    let depth = -1
    for (let d = $from.depth; d > 0; d--) {
      if ($from.node(d).type.name === type) {
        depth = d
        break
      }
    }
    if (depth < 0) return false
    const after = $from.after(depth)
    if (dispatch) {
      const tr = state.tr.insert(after, nodes)
      const end = after + nodes.reduce((size, n) => size + n.nodeSize, 0)
      tr.setSelection(TextSelection.near(tr.doc.resolve(end), -1))
      dispatch(tr.scrollIntoView())
    }
    return true
  }
}

/**
 * Pasting text that holds articles ("Član 12.", "(1)", "a)" …) inserts real articles
 * after the current one, or paragraphs after the current paragraph; numbering follows.
 * Other text pastes as usual.
 */
export function structuredPastePlugin(): Plugin {
  return new Plugin({
    props: {
      handlePaste(view, event) {
        const text = event.clipboardData?.getData('text/plain')
        if (!text) return false
        const structure = pastedStructure(text)
        if (!structure) return false
        const command = insertAfterAncestor(structure.kind === 'articles' ? 'article' : 'paragraph', structure.nodes)
        return command(view.state, view.dispatch)
      },
    },
  })
}
