import { TextSelection, type Command, type EditorState } from 'prosemirror-state'
import { Fragment, type Node, type ResolvedPos } from 'prosemirror-model'
import { legalSchema } from '../schema.ts'

// Indenting and outdenting inside a paragraph: a point becomes a sub-point of the point
// before it (and back); an indent (alineja) moves into the point or sub-point before it
// (and back out). Units keep their ids: a point that becomes a sub-point is the same
// provision, so comments on it stay attached. Numbers follow by themselves: "b)" becomes
// "1." under "a)", and the points after it move up a letter.

const LEVELLED = new Set(['point', 'subpoint', 'indent'])

/** The depth of the innermost point, sub-point or indent around the cursor, or -1. */
function unitDepth($pos: ResolvedPos): number {
  for (let d = $pos.depth; d > 0; d--) if (LEVELLED.has($pos.node(d).type.name)) return d
  return -1
}

function children(node: Node, from = 0, to = node.childCount): Node[] {
  const out: Node[] = []
  for (let i = from; i < to; i++) out.push(node.child(i))
  return out
}

/**
 * Replaces the siblings `from … to` (indices, `to` exclusive) of the node at `depth - 1`
 * with `nodes`, and puts the cursor `offset` positions into the node starting at
 * `cursorAt` (an index into `nodes`). Null when the result would break the schema.
 */
function replaceSiblings(state: EditorState, $pos: ResolvedPos, depth: number, from: number, to: number, nodes: Node[], cursorAt: number, offset: number) {
  const parent = $pos.node(depth - 1)
  const content = Fragment.fromArray([...children(parent, 0, from), ...nodes, ...children(parent, to)])
  if (!parent.type.validContent(content)) return null
  for (const node of nodes) if (!node.type.validContent(node.content)) return null
  const start = $pos.posAtIndex(from, depth - 1)
  const end = $pos.posAtIndex(to, depth - 1)
  const tr = state.tr.replaceWith(start, end, nodes)
  let cursor = start
  for (let i = 0; i < cursorAt; i++) cursor += nodes[i]!.nodeSize
  tr.setSelection(TextSelection.create(tr.doc, cursor + offset))
  return tr.scrollIntoView()
}

/**
 * Tab: makes the point at the cursor a sub-point of the point before it (its own
 * sub-points follow it, as sub-points of that point), or moves an indent into the point
 * or sub-point before it. Refused for the first point of a paragraph, for a sub-point
 * (there is no deeper numbered level) and where nothing before can take the unit.
 */
export const indentUnit: Command = (state, dispatch) => {
  const $from = state.selection.$from
  const d = unitDepth($from)
  if (d < 0) return false
  const node = $from.node(d)
  const parent = $from.node(d - 1)
  const index = $from.index(d - 1)
  if (index === 0) return false
  const previous = parent.child(index - 1)
  const offset = $from.pos - $from.before(d)
  let moved: Node[]
  if (node.type.name === 'point' && parent.type.name === 'paragraph' && previous.type.name === 'point') {
    // The point's text and the indents right under it become the sub-point; anything
    // from its first sub-point on follows as further children of the previous point.
    let split = 1
    while (split < node.childCount && node.child(split).type.name === 'indent') split++
    const subpoint = legalSchema.nodes.subpoint!.create(node.attrs, children(node, 0, split))
    moved = [subpoint, ...children(node, split)]
  } else if (node.type.name === 'indent' && ((parent.type.name === 'paragraph' && previous.type.name === 'point') || (parent.type.name === 'point' && previous.type.name === 'subpoint'))) {
    moved = [node]
  } else {
    return false
  }
  const into = previous.copy(previous.content.append(Fragment.fromArray(moved)))
  // The moved unit now starts where the previous unit's content ended.
  const tr = replaceSiblings(state, $from, d, index - 1, index + 1, [into], 0, previous.nodeSize - 1 + offset)
  if (!tr) return false
  if (dispatch) dispatch(tr)
  return true
}

/**
 * Shift-Tab: makes the sub-point at the cursor a point again, right after its point (the
 * sub-points and indents after it go with it), or moves the last indent of a point or
 * sub-point out to the level above. Refused for a point, for an indent directly in a
 * paragraph and for an indent with units after it in its point.
 */
export const outdentUnit: Command = (state, dispatch) => {
  const $from = state.selection.$from
  const d = unitDepth($from)
  if (d < 2) return false
  const node = $from.node(d)
  const parent = $from.node(d - 1)
  const index = $from.index(d - 1)
  const offset = $from.pos - $from.before(d)
  if (!LEVELLED.has(parent.type.name)) return false
  let lifted: Node
  if (node.type.name === 'subpoint' && parent.type.name === 'point') {
    lifted = legalSchema.nodes.point!.create(node.attrs, [...children(node), ...children(parent, index + 1)])
  } else if (node.type.name === 'indent' && index === parent.childCount - 1) {
    lifted = node
  } else {
    return false
  }
  const kept = parent.copy(Fragment.fromArray(children(parent, 0, index)))
  const parentIndex = $from.index(d - 2)
  const tr = replaceSiblings(state, $from, d - 1, parentIndex, parentIndex + 1, [kept, lifted], 1, offset)
  if (!tr) return false
  if (dispatch) dispatch(tr)
  return true
}
