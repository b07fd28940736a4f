import { TextSelection, type Command, type EditorState } from 'prosemirror-state'
import type { Node, ResolvedPos } from 'prosemirror-model'
import { legalSchema } from '../schema.ts'
import { newNodeId } from '../node-id.ts'

// Editing commands of the legal editor: ProseMirror commands (state, dispatch) that
// keep the act's structure. Numbers are never written: the numbering follows by itself.

/** The depth of the nearest ancestor of a type around a position, or -1. */
function depthOf($pos: ResolvedPos, type: string): number {
  for (let d = $pos.depth; d >= 0; d--) if ($pos.node(d).type.name === type) return d
  return -1
}

function emptyArticle(): Node {
  const { article, article_heading, paragraph, text_block } = legalSchema.nodes
  return article!.create({ id: newNodeId() }, [
    article_heading!.create(),
    paragraph!.create({ id: newNodeId() }, text_block!.create()),
  ])
}

/** Inserts an empty article after the one holding the cursor and puts the cursor in its heading. */
export const insertArticleAfter: Command = (state, dispatch) => {
  const d = depthOf(state.selection.$from, 'article')
  if (d < 0) return false
  const after = state.selection.$from.after(d)
  if (dispatch) {
    const tr = state.tr.insert(after, emptyArticle())
    tr.setSelection(TextSelection.create(tr.doc, after + 2))
    dispatch(tr.scrollIntoView())
  }
  return true
}

/** Moves the article holding the cursor before the previous one (-1) or after the next one (+1), within its container. */
export function moveArticle(direction: -1 | 1): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from
    const d = depthOf($from, 'article')
    if (d < 0) return false
    const parent = $from.node(d - 1)
    const index = $from.index(d - 1)
    const neighbourIndex = index + direction
    if (neighbourIndex < 0 || neighbourIndex >= parent.childCount) return false
    const neighbour = parent.child(neighbourIndex)
    if (neighbour.type.name !== 'article') return false
    if (dispatch) {
      const article = $from.node(d)
      const start = $from.before(d)
      const offsetInArticle = state.selection.from - start
      const tr = state.tr
      if (direction === -1) {
        const neighbourStart = start - neighbour.nodeSize
        tr.delete(start, start + article.nodeSize).insert(neighbourStart, article)
        tr.setSelection(TextSelection.create(tr.doc, neighbourStart + offsetInArticle))
      } else {
        const end = start + article.nodeSize
        tr.delete(end, end + neighbour.nodeSize).insert(start, neighbour)
        const newStart = start + neighbour.nodeSize
        tr.setSelection(TextSelection.create(tr.doc, newStart + offsetInArticle))
      }
      dispatch(tr.scrollIntoView())
    }
    return true
  }
}

/** Splits the paragraph at the cursor into two paragraphs: (2) becomes (2) and (3). */
export const splitParagraph: Command = (state, dispatch) => {
  const { $from, $to } = state.selection
  if ($from.parent.type.name !== 'text_block' || $from.depth < 2 || $from.node(-1).type.name !== 'paragraph') return false
  if (!$from.sameParent($to)) return false
  if (dispatch) {
    const tr = state.tr.deleteSelection()
    tr.split(tr.mapping.map($from.pos), 2)
    dispatch(tr.scrollIntoView())
  }
  return true
}

/** Turns the text block at the cursor, inside a paragraph, into a point of that paragraph. */
export const makePoint: Command = (state, dispatch) => {
  const { $from } = state.selection
  if ($from.parent.type.name !== 'text_block' || $from.node(-1).type.name !== 'paragraph') return false
  if ($from.index(-1) === 0) return false // a paragraph's opening words stay its text
  if (dispatch) {
    const block = $from.parent
    const start = $from.before()
    const point = legalSchema.nodes.point!.create({ id: newNodeId() }, block)
    const tr = state.tr.replaceWith(start, start + block.nodeSize, point)
    tr.setSelection(TextSelection.create(tr.doc, Math.min(start + 2 + $from.parentOffset, tr.doc.content.size)))
    dispatch(tr.scrollIntoView())
  }
  return true
}

/** Whether a command can run now: for enabling toolbar buttons. */
export function canRun(command: Command, state: EditorState): boolean {
  return command(state)
}
