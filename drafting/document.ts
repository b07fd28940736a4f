import { Node } from 'prosemirror-model'
import { legalSchema, IDENTIFIED_TYPES } from './schema.ts'
import { fail, ok, type Result } from './result.ts'

/**
 * Why a stored or submitted document was refused:
 * - `invalid-document`: not a document of the legal schema (unknown node, wrong nesting);
 * - `missing-node-id`: a structural unit has no stable id;
 * - `duplicate-node-id`: two units share an id.
 */
export type DocumentProblem = 'invalid-document' | 'missing-node-id' | 'duplicate-node-id'

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
    if (problem || !IDENTIFIED_TYPES.has(node.type.name)) return !problem
    const id = node.attrs.id as unknown
    if (typeof id !== 'string' || id.length === 0) problem = 'missing-node-id'
    else if (seen.has(id)) problem = 'duplicate-node-id'
    else seen.add(id)
    return !problem
  })
  return problem ? fail(problem) : ok(doc)
}

/** Like parseDocument, for documents the application stored itself: a bad one is a bug. */
export function loadDocument(json: unknown): Node {
  const result = parseDocument(json)
  if (!result.ok) throw new RangeError(`Stored document is not valid: ${result.reason}`)
  return result.value
}
