import { TextSelection, type Command, type Transaction } from 'prosemirror-state'
import { ReplaceAroundStep } from 'prosemirror-transform'
import { Fragment, Slice, type Node } from 'prosemirror-model'
import { legalSchema } from '../schema.ts'
import { newNodeId } from '../node-id.ts'

// Parts (dio), chapters (poglavlje) and sections (odjeljak) around articles. Inserting
// one at an article starts the division there: the article and what follows it in the
// enclosing division move into the new one, which gets an empty heading to type.
// Removing one keeps its articles where they are. Articles and every other unit keep
// their ids; numbers follow by themselves (chapters restart in each part, sections in
// each chapter, articles run through the whole act).

/** A part, a chapter or a section. */
export type DivisionType = 'part' | 'chapter' | 'section'

const DIVISIONS = new Set<string>(['part', 'chapter', 'section'])

/** What each container may hold besides articles, by the schema. */
const HOLDS: Record<string, readonly string[]> = {
  doc: ['part', 'chapter', 'article'],
  part: ['chapter', 'article'],
  chapter: ['section', 'article'],
  section: ['article'],
}

const holds = (container: string, child: string) => HOLDS[container]?.includes(child) ?? false

/**
 * Starts a part, chapter or section at the article holding the cursor, and puts the
 * cursor in its heading. The division takes the article and the units after it up to
 * the end of the enclosing division of the same or a higher rank: "insert a chapter" at
 * article 7 of a chapter that runs 5 … 9 splits it into 5 … 6 and a new chapter 7 … 9;
 * at a bare article of an act without chapters, the new chapter runs to the next
 * chapter or part. Refused where the enclosing division would be left empty (the
 * article already starts it), where the schema has no place for it (a section outside
 * a chapter) and outside an article.
 */
export function insertDivision(type: DivisionType): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from
    let articleDepth = -1
    for (let d = $from.depth; d > 0; d--) if ($from.node(d).type.name === 'article') articleDepth = d
    if (articleDepth < 0) return false
    // The deepest container that may hold the new division; the ones below it are split.
    let holderDepth = -1
    for (let d = articleDepth - 1; d >= 0; d--) {
      if (holds($from.node(d).type.name, type)) {
        holderDepth = d
        break
      }
    }
    if (holderDepth < 0) return false

    // Carry the article and what follows it up to the holder. A division that loses
    // everything after its heading moves whole; one that keeps something is cut short
    // and the rest of its content is lifted into the new division.
    let carried: Node[] = [$from.node(articleDepth)]
    let whole = true
    let trimmed: Node | null = null
    for (let d = articleDepth - 1; d > holderDepth; d--) {
      const division = $from.node(d)
      const index = $from.index(d)
      const after: Node[] = []
      for (let i = index + 1; i < division.childCount; i++) after.push(division.child(i))
      if (whole && index === 1) {
        carried = [division]
        continue
      }
      const before: Node[] = []
      for (let i = 0; i < index; i++) before.push(division.child(i))
      if (!whole && trimmed) before.push(trimmed)
      trimmed = division.copy(Fragment.fromArray(before))
      carried = [...carried, ...after]
      whole = false
    }

    const holder = $from.node(holderDepth)
    const index = $from.index(holderDepth)
    let end = index + 1
    const content = [...carried]
    while (end < holder.childCount && holds(type, holder.child(end).type.name)) content.push(holder.child(end++))
    if (content.some((n) => !holds(type, n.type.name))) return false
    const nodeType = legalSchema.nodes[type]!
    const division = nodeType.create({ id: newNodeId() }, [legalSchema.nodes.heading!.create(), ...content])
    if (!nodeType.validContent(division.content)) return false
    const replacement = whole ? [division] : [trimmed!, division]
    const siblings: Node[] = []
    for (let i = 0; i < holder.childCount; i++) if (i < index || i >= end) siblings.push(holder.child(i))
    siblings.splice(index, 0, ...replacement)
    if (!holder.type.validContent(Fragment.fromArray(siblings))) return false

    if (dispatch) {
      const from = $from.posAtIndex(index, holderDepth)
      const to = $from.posAtIndex(end, holderDepth)
      const tr = state.tr.replaceWith(from, to, replacement)
      const start = from + (whole ? 0 : trimmed!.nodeSize)
      tr.setSelection(TextSelection.create(tr.doc, start + 2))
      dispatch(tr.scrollIntoView())
    }
    return true
  }
}

/**
 * Unwraps the division at `pos` (its heading goes, its content stays in place), first
 * unwrapping any child the parent may not hold (the sections of a chapter removed from
 * a part). False when a step would break the schema.
 */
function unwrap(tr: Transaction, pos: number, parentType: string): boolean {
  const node = tr.doc.nodeAt(pos)!
  // Children the parent cannot hold are unwrapped first, last one first so that the
  // earlier positions stay valid.
  const inner: number[] = []
  node.forEach((child, offset) => {
    if (DIVISIONS.has(child.type.name) && !holds(parentType, child.type.name)) inner.push(pos + 1 + offset)
  })
  for (const at of inner.reverse()) if (!unwrap(tr, at, node.type.name)) return false
  const current = tr.doc.nodeAt(pos)!
  const heading = current.firstChild!
  const end = pos + current.nodeSize
  const step = new ReplaceAroundStep(pos, end, pos + 1 + heading.nodeSize, end - 1, Slice.empty, 0, false)
  return !tr.maybeStep(step).failed
}

/**
 * Removes the innermost part, chapter or section around the cursor (or the innermost one
 * of `type`), keeping its articles in place; sections of a chapter that leave for a part
 * or the act itself lose their headings too, since only chapters hold sections.
 */
export function removeDivision(type?: DivisionType): Command {
  return (state, dispatch) => {
    const $from = state.selection.$from
    let depth = -1
    for (let d = $from.depth; d > 0; d--) {
      const name = $from.node(d).type.name
      if (type ? name === type : DIVISIONS.has(name)) {
        depth = d
        break
      }
    }
    if (depth < 0) return false
    const tr = state.tr
    if (!unwrap(tr, $from.before(depth), $from.node(depth - 1).type.name)) return false
    if (dispatch) {
      if (tr.selection.empty && !tr.selection.$from.parent.inlineContent) {
        tr.setSelection(TextSelection.near(tr.selection.$from))
      }
      dispatch(tr.scrollIntoView())
    }
    return true
  }
}
