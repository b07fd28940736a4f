import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import type { Node } from 'prosemirror-model'
import { legalSchema } from './schema.ts'
import { importPlainText } from './plain-text-import.ts'
import { numberDocument } from './numbering.ts'
import { brokenReferenceArticle, referenceText, renderedText, type ReferenceAttrs } from './references.ts'
import { outlineDocument } from './outline.ts'
import { diffDocuments } from './diff.ts'
import { parseDocument } from './document.ts'
import { insertArticleAfter } from './editor/commands.ts'
import { articleChoices, insertReference, referenceDecorations } from './editor/references.ts'

const ACT = `ZAKON O PROBI

Član 1.
(Predmet)
Ovim zakonom uređuje se proba.

Član 2.
(Pojmovi)
(1) Prvi stav.
(2) Pojedini izrazi znače:
a) prvi izraz,
b) drugi izraz.

Član 3.
(Prava)
Prava iz ovog zakona.

Član 4.
(Stupanje na snagu)
Ovaj zakon stupa na snagu osmog dana.
`

const bs = { language: 'bs', script: 'latn' } as const
const hr = { language: 'hr', script: 'latn' } as const
const srLatn = { language: 'sr', script: 'latn' } as const
const srCyrl = { language: 'sr', script: 'cyrl' } as const

/** Ids of the units of type `type`, in document order. */
function idsOf(doc: Node, type: string): string[] {
  const out: string[] = []
  doc.descendants((n) => {
    if (n.type.name === type) out.push(n.attrs.id as string)
    return true
  })
  return out
}

/** The position just before the text `needle`. */
function posOf(doc: Node, needle: string): number {
  let pos = -1
  doc.descendants((node, p) => {
    if (pos < 0 && node.isText && node.text!.includes(needle)) pos = p + node.text!.indexOf(needle)
    return pos < 0
  })
  if (pos < 0) throw new Error(`no text ${needle}`)
  return pos
}

/** The act with a reference to `attrs` inserted before "Prava iz ovog zakona" (in article 3). */
function withReference(attrs: Partial<ReferenceAttrs>, doc = importPlainText(ACT)): Node {
  const target = { article: idsOf(doc, 'article')[3]!, paragraph: null, point: null, form: 'gen' as const, ...attrs }
  const state = EditorState.create({ doc })
  const at = state.apply(state.tr.setSelection(TextSelection.create(doc, posOf(doc, 'iz ovog zakona'))))
  let next = at
  expect(insertReference(target)(at, (tr) => (next = at.apply(tr)))).toBe(true)
  return next.doc
}

describe('referenceText', () => {
  it('writes an article, paragraph and point reference in every language variant', () => {
    const doc = importPlainText(ACT)
    const numbers = numberDocument(doc)
    const attrs: ReferenceAttrs = { article: idsOf(doc, 'article')[1]!, paragraph: idsOf(doc, 'paragraph')[2]!, point: idsOf(doc, 'point')[0]!, form: 'gen' }
    expect(referenceText(attrs, numbers, bs)).toBe('člana 2. stav (2) tačka a)')
    expect(referenceText(attrs, numbers, srLatn)).toBe('člana 2. stav (2) tačka a)')
    expect(referenceText(attrs, numbers, hr)).toBe('članka 2. stavka 2. točke a)')
    expect(referenceText(attrs, numbers, srCyrl)).toBe('члана 2. став (2) тачка а)')
  })

  it('declines the article word', () => {
    const doc = importPlainText(ACT)
    const numbers = numberDocument(doc)
    const article = idsOf(doc, 'article')[2]!
    const text = (form: ReferenceAttrs['form'], variant: typeof bs | typeof hr | typeof srCyrl) => referenceText({ article, paragraph: null, point: null, form }, numbers, variant)
    expect(['nom', 'gen', 'dat', 'loc', 'ins'].map((f) => text(f as ReferenceAttrs['form'], bs))).toEqual(['član 3.', 'člana 3.', 'članu 3.', 'članu 3.', 'članom 3.'])
    expect(['nom', 'gen', 'dat', 'ins'].map((f) => text(f as ReferenceAttrs['form'], hr))).toEqual(['članak 3.', 'članka 3.', 'članku 3.', 'člankom 3.'])
    expect(['nom', 'gen', 'loc', 'ins'].map((f) => text(f as ReferenceAttrs['form'], srCyrl))).toEqual(['члан 3.', 'члана 3.', 'члану 3.', 'чланом 3.'])
  })

  it('follows renumbering: an article inserted before the target turns "člana 3." into "člana 4."', () => {
    const doc = importPlainText(ACT)
    const attrs: ReferenceAttrs = { article: idsOf(doc, 'article')[2]!, paragraph: null, point: null, form: 'gen' }
    expect(referenceText(attrs, numberDocument(doc), bs)).toBe('člana 3.')
    const state = EditorState.create({ doc })
    const at = state.apply(state.tr.setSelection(TextSelection.create(doc, posOf(doc, 'Ovim zakonom'))))
    let next = at
    insertArticleAfter(at, (tr) => (next = at.apply(tr)))
    expect(referenceText(attrs, numberDocument(next.doc), bs)).toBe('člana 4.')
  })

  it('gives an article inserted into a frozen numbering its lettered number: "člana 18a."', () => {
    const doc = importPlainText(ACT.replace('Član 4.', 'Član 18.'))
    const json = doc.toJSON() as { content: { type: string; attrs?: { num: string | null } }[] }
    const articles = json.content.filter((c) => c.type === 'article')
    articles.forEach((a, i) => (a.attrs!.num = ['1', '2', '17', '18'][i]!))
    const frozen = legalSchema.nodeFromJSON(json)
    const state = EditorState.create({ doc: frozen })
    const at = state.apply(state.tr.setSelection(TextSelection.create(frozen, posOf(frozen, 'Ovaj zakon stupa'))))
    let next = at
    insertArticleAfter(at, (tr) => (next = at.apply(tr)))
    const inserted = idsOf(next.doc, 'article')[4]!
    expect(referenceText({ article: inserted, paragraph: null, point: null, form: 'gen' }, numberDocument(next.doc, 'frozen'), bs)).toBe('člana 18a.')
  })

  it('shows a deleted target as [?] instead of crashing', () => {
    expect(referenceText({ article: 'gone', paragraph: 'gone-p', point: 'gone-t', form: 'dat' }, new Map(), bs)).toBe('članu [?] tačka [?]')
  })

  it('leaves out the paragraph of an article that has only one', () => {
    const doc = importPlainText(ACT)
    const attrs: ReferenceAttrs = { article: idsOf(doc, 'article')[0]!, paragraph: idsOf(doc, 'paragraph')[0]!, point: null, form: 'gen' }
    expect(referenceText(attrs, numberDocument(doc), bs)).toBe('člana 1.')
  })
})

describe('references in a document', () => {
  it('render as text in the outline and follow the numbering', () => {
    const doc = withReference({})
    expect(parseDocument(doc.toJSON()).ok).toBe(true)
    const outline = outlineDocument(doc, bs)
    const article3 = outline.body[2]
    expect(article3?.kind === 'article' && article3.paragraphs[0]!.blocks[0]).toEqual({ kind: 'text', text: 'Prava člana 4.iz ovog zakona.' })
    expect(renderedText(doc.child(3).child(1).child(0), numberDocument(doc), srCyrl)).toContain('члана 4.')
  })

  it('survive a round trip through the DOM spec attributes', () => {
    const doc = withReference({ paragraph: null, form: 'ins' })
    const ref = doc.child(3).child(1).child(0).child(1)
    expect(ref.type.name).toBe('reference')
    const spec = legalSchema.nodes.reference!.spec.toDOM!(ref) as [string, Record<string, string>]
    expect(spec[0]).toBe('span')
    expect(spec[1]).toMatchObject({ class: 'pm-reference', 'data-article': ref.attrs.article, 'data-form': 'ins' })
  })

  it('are compared as a stable placeholder, without crashing the diff', () => {
    const before = importPlainText(ACT)
    const after = withReference({}, before)
    const diff = diffDocuments(before, after)
    const changed = diff.articles.find((a) => a.status === 'changed')!
    expect(changed.newNumber).toBe('3')
    const inserted = changed.paragraphs[0]!.changes.filter((c) => c.type === 'insert').map((c) => c.text).join('')
    expect(inserted).toContain('[→član]')
    expect(diffDocuments(after, after).summary.changed).toBe(0)
  })

  it('get their text in the editor from decorations, recomputed with the numbering', () => {
    const doc = withReference({})
    const texts = referenceDecorations(doc, bs, 'continuous').find().map((d) => (d.spec as { referenceText: string }).referenceText)
    expect(texts).toEqual(['člana 4.'])
  })

  it('cannot be inserted outside a text block', () => {
    const doc = importPlainText(ACT)
    const state = EditorState.create({ doc })
    expect(insertReference({ article: 'x', paragraph: null, point: null, form: 'gen' })(state)).toBe(state.selection.$from.parent.type.name === 'text_block')
  })

  it('lists the articles to choose from with their numbers and headings', () => {
    const choices = articleChoices(importPlainText(ACT))
    expect(choices.map((c) => `${c.number} ${c.heading}`)).toEqual(['1 Predmet', '2 Pojmovi', '3 Prava', '4 Stupanje na snagu'])
  })
})

describe('brokenReferenceArticle', () => {
  it('names the article holding a reference whose target was deleted, by its current number', async () => {
    const { article, doc, par, ref, docJson } = await import('./test-builder.ts')
    const { Node } = await import('prosemirror-model')
    const whole = doc(article({ id: 'a1' }, par('Prvi.')), article({ id: 'a2' }, par('Drugi.')), article(par(['prema ', ref('a2'), ' ovog zakona.'])))
    expect(brokenReferenceArticle(whole, numberDocument(whole))).toBeUndefined()
    // Član 2. deleted: the reference now in Član 2. (formerly 3.) points nowhere.
    const json = docJson(article({ id: 'a1' }, par('Prvi.')), article(par(['prema ', ref('a2'), ' ovog zakona.'])))
    const deleted = Node.fromJSON(legalSchema, json)
    expect(brokenReferenceArticle(deleted, numberDocument(deleted))).toBe('2')
    // A paragraph that is gone counts too.
    const para = docJson(article({ id: 'a1' }, par('Prvi.')), article(par(['prema ', ref('a1', { paragraph: 'gone' })])))
    const paraDoc = Node.fromJSON(legalSchema, para)
    expect(brokenReferenceArticle(paraDoc, numberDocument(paraDoc))).toBe('2')
  })
})
