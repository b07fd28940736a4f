import { Plugin, type EditorState, type Transaction } from 'prosemirror-state'
import { IDENTIFIED_TYPES } from '../schema.ts'
import { newNodeId } from '../node-id.ts'

/**
 * A transaction that gives every structural unit a unique id: a unit without one, or
 * the second of two units sharing one (splitting a paragraph copies its attributes),
 * gets a new id. The first keeps its id, so existing units never change identity.
 * Returns null when every id is already fine.
 */
export function fixNodeIds(state: EditorState): Transaction | null {
  const seen = new Set<string>()
  let tr: Transaction | null = null
  state.doc.descendants((node, pos) => {
    if (!IDENTIFIED_TYPES.has(node.type.name)) return true
    const id = node.attrs.id as string | null
    if (id && !seen.has(id)) {
      seen.add(id)
      return true
    }
    const fresh = newNodeId()
    seen.add(fresh)
    tr ??= state.tr
    tr.setNodeAttribute(pos, 'id', fresh)
    return true
  })
  if (tr) (tr as Transaction).setMeta('addToHistory', false)
  return tr
}

/** Keeps ids unique after every change made in the editor. */
export function nodeIdsPlugin(): Plugin {
  return new Plugin({
    appendTransaction: (transactions, _old, state) => (transactions.some((t) => t.docChanged) ? fixNodeIds(state) : null),
  })
}
