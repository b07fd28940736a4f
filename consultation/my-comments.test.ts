import { describe, expect, it } from 'vitest'
import { importPlainText } from '../drafting/plain-text-import.ts'
import { outlineDocument } from '../drafting/outline.ts'
import { articlesOf } from './comment-targets.ts'
import { myCommentTarget } from './my-comments.ts'

const act = [
  'ZAKON O SOCIJALNIM USLUGAMA',
  'Član 1.',
  'Ovim zakonom uređuju se socijalne usluge.',
  'Član 2.',
  '(1) U smislu ovog zakona:',
  'a) korisnik je osoba u stanju socijalne potrebe,',
  'b) pružalac je ustanova ili udruženje.',
  '(2) Izrazi imaju rodno neutralno značenje.',
].join('\n')

const outline = outlineDocument(importPlainText(act), { language: 'bs', script: 'latn' })
const [, second] = articlesOf(outline)
const paragraph = second!.paragraphs[0]!
const point = paragraph.blocks.find((b) => b.kind === 'point')! as { id: string }

describe('myCommentTarget', () => {
  it('labels a point with its article and paragraph, linked to the article’s anchor', () => {
    expect(myCommentTarget({ targetKind: 'point', targetNodeId: point.id, parentId: null }, outline)).toEqual({
      kind: 'point', reply: false, articleLabel: 'Član 2.', paragraphLabel: '(1)', pointLabel: 'a)', memorandumHeading: null, anchor: 'clan-2',
    })
  })

  it('marks a reply, about what the comment it answers is about', () => {
    expect(myCommentTarget({ targetKind: 'paragraph', targetNodeId: second!.paragraphs[1]!.id, parentId: 'c1' }, outline)).toMatchObject({
      kind: 'paragraph', reply: true, articleLabel: 'Član 2.', paragraphLabel: '(2)', anchor: 'clan-2',
    })
  })

  it('links the draft as a whole, and a unit the version does not have, to the general comments', () => {
    expect(myCommentTarget({ targetKind: 'draft', targetNodeId: null, parentId: null }, null)).toMatchObject({ kind: 'draft', anchor: 'komentari' })
    expect(myCommentTarget({ targetKind: 'article', targetNodeId: 'nema-takvog', parentId: null }, outline)).toMatchObject({
      kind: 'article', articleLabel: null, anchor: 'komentari',
    })
    expect(myCommentTarget({ targetKind: 'memorandum', targetNodeId: 'nema-takvog', parentId: null }, outline)).toMatchObject({
      kind: 'memorandum', memorandumHeading: null, anchor: 'komentari',
    })
  })
})
