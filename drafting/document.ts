import { Node } from 'prosemirror-model'
import { legalSchema, IDENTIFIED_TYPES } from './schema.ts'
import { fail, ok, type Result } from './result.ts'
import { isReferenceForm } from './references.ts'

/**
 * Why a stored or submitted document was refused:
 * - `invalid-document`: not a document of the legal schema (unknown node, wrong nesting,
 *   a table whose rows have different numbers of cells);
 * - `missing-node-id`: a structural unit has no stable id;
 * - `duplicate-node-id`: two units share an id;
 * - `broken-reference`: a cross-reference points at an article that is not in the
 *   document, or at a paragraph or point that is not inside the article it names.
 */
export type DocumentProblem = 'invalid-document' | 'missing-node-id' | 'duplicate-node-id' | 'broken-reference'

/**
 * Reads ProseMirror JSON into a document of the legal schema and checks it: the schema's
 * content rules, and a unique stable id on every structural unit. This is the server's
 * validator for every document that comes from outside or from storage.
 */
export function parseDocument(json: unknown): Result<Node, DocumentProblem> {
  let doc: Node
  try {
    doc = Node.fromJSON(legalSchema, json as Record<string, unknown>)
    doc.check()
    // fromJSON reads any node; only a whole act is a document.
    if (doc.type !== legalSchema.topNodeType) return fail('invalid-document')
  } catch (error) {
    if (error instanceof RangeError || error instanceof TypeError) return fail('invalid-document')
    throw error
  }
  const seen = new Set<string>()
  let problem: DocumentProblem | null = null
  doc.descendants((node) => {
    // A table is a grid: every row has as many cells as the first.
    if (!problem && node.type.name === 'table' && !isGrid(node)) problem = 'invalid-document'
    if (problem || !IDENTIFIED_TYPES.has(node.type.name)) return !problem
    const id = node.attrs.id as unknown
    if (typeof id !== 'string' || id.length === 0) problem = 'missing-node-id'
    else if (seen.has(id)) problem = 'duplicate-node-id'
    else seen.add(id)
    return !problem
  })
  if (problem) return fail(problem)
  return checkReferences(doc)
}

/** Whether every row of a table has as many cells as its first row. */
function isGrid(table: Node): boolean {
  const width = table.firstChild?.childCount ?? 0
  let grid = true
  table.forEach((row) => {
    if (row.childCount !== width) grid = false
  })
  return grid
}

/**
 * Every reference must point at an existing article, and its paragraph and point (when
 * given) must lie inside that article, the point inside that paragraph.
 */
function checkReferences(doc: Node): Result<Node, DocumentProblem> {
  // Where each paragraph and point sits: its article, and a point's paragraph.
  const articles = new Set<string>()
  const places = new Map<string, { article: string; paragraph: string | null; type: string }>()
  const references: Node[] = []
  const walk = (node: Node, article: string | null, paragraph: string | null) => {
    node.forEach((child) => {
      const type = child.type.name
      const id = child.attrs.id as string | undefined
      if (type === 'reference') references.push(child)
      else if (type === 'article' && id) {
        articles.add(id)
        walk(child, id, null)
      } else if (type === 'paragraph' && id && article) {
        places.set(id, { article, paragraph: null, type })
        walk(child, article, id)
      } else if (type === 'point' && id && article) {
        places.set(id, { article, paragraph, type })
        walk(child, article, paragraph)
      } else if (!child.isLeaf) walk(child, article, paragraph)
    })
  }
  walk(doc, null, null)
  for (const ref of references) {
    const { article, paragraph, point, form } = ref.attrs as Record<string, unknown>
    if (typeof article !== 'string' || !isReferenceForm(form)) return fail('invalid-document')
    if ((paragraph !== null && typeof paragraph !== 'string') || (point !== null && typeof point !== 'string')) return fail('invalid-document')
    if (!articles.has(article)) return fail('broken-reference')
    if (paragraph !== null) {
      const place = places.get(paragraph)
      if (!place || place.type !== 'paragraph' || place.article !== article) return fail('broken-reference')
    }
    if (point !== null) {
      const place = places.get(point)
      if (!place || place.type !== 'point' || place.article !== article) return fail('broken-reference')
      if (paragraph !== null && place.paragraph !== paragraph) return fail('broken-reference')
    }
  }
  return ok(doc)
}

/** Like parseDocument, for documents the application stored itself: a bad one is a bug. */
export function loadDocument(json: unknown): Node {
  const result = parseDocument(json)
  if (!result.ok) throw new RangeError(`Stored document is not valid: ${result.reason}`)
  return result.value
}
