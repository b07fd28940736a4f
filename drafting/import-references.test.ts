import { describe, expect, it } from 'vitest'
import type { Node } from 'prosemirror-model'
import { importLegalText } from './plain-text-import.ts'
import { numberDocument } from './numbering.ts'
import { renderedText } from './references.ts'
import { legalSchema } from './schema.ts'

const bs = { language: 'bs', script: 'latn' } as const
const sr = { language: 'sr', script: 'cyrl' } as const

/** The text blocks of a document as read, and its reference nodes. */
function read(doc: Node, variant: { language: 'bs' | 'sr' | 'hr'; script: 'latn' | 'cyrl' } = bs) {
  const numbers = numberDocument(doc)
  const texts: string[] = []
  const references: Record<string, unknown>[] = []
  doc.descendants((node) => {
    if (node.type.name === 'reference') references.push(node.attrs)
    if (node.type.name === 'text_block') texts.push(renderedText(node, numbers, variant))
    return true
  })
  return { texts, references }
}

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
Prava iz člana 2. stav 2. tačka b) ovog zakona ostvaruju se u skladu sa članom 1. ovog zakona i članom 5. Zakona o upravnom postupku.

Član 4.
(Kazne)
Za prekršaj iz člana 9. ovog zakona kaznit će se.
`

describe('linking written references on import', () => {
  it('turns references to the act’s own articles, paragraphs and points into reference nodes', () => {
    const { doc, report } = importLegalText(ACT)
    const { texts, references } = read(doc)
    expect(references).toHaveLength(2)
    expect(references[0]).toMatchObject({ form: 'gen' })
    expect(references[0]!.paragraph).not.toBeNull()
    expect(references[0]!.point).not.toBeNull()
    expect(references[1]).toMatchObject({ form: 'ins', paragraph: null, point: null })
    // Read back as the nomotechnical form of the same reference.
    expect(texts).toContain('Prava iz člana 2. stav (2) tačka b) ovog zakona ostvaruju se u skladu sa članom 1. ovog zakona i članom 5. Zakona o upravnom postupku.')
    expect(report.references).toEqual({ linked: 2, unresolved: 1 })
    expect(report.warnings.map((w) => w.kind)).toContain('unresolved-reference')
  })

  it('leaves a reference to another act, and a number the act does not have, as text', () => {
    const { doc } = importLegalText(ACT)
    const { texts } = read(doc)
    expect(texts).toContain('Za prekršaj iz člana 9. ovog zakona kaznit će se.')
    expect(JSON.stringify(doc.toJSON())).toContain('i članom 5. Zakona o upravnom postupku.')
  })

  it('follows the renumbering once linked: a new article in front renumbers the reference too', () => {
    const { doc } = importLegalText(ACT)
    const inserted = legalSchema.nodeFromJSON({
      type: 'article', attrs: { id: 'new', num: null },
      content: [{ type: 'paragraph', attrs: { id: 'new-p', num: null }, content: [{ type: 'text_block', content: [{ type: 'text', text: 'Novi član.' }] }] }],
    })
    // The title stays first: rebuild as title, the new article, then the rest.
    const children: Node[] = []
    doc.forEach((c) => children.push(c))
    const rebuilt = doc.type.create(doc.attrs, [children[0]!, inserted, ...children.slice(1)])
    const { texts } = read(rebuilt)
    expect(texts).toContain('Prava iz člana 3. stav (2) tačka b) ovog zakona ostvaruju se u skladu sa članom 2. ovog zakona i članom 5. Zakona o upravnom postupku.')
  })

  it('links nothing in an amending law unless it says "ovog zakona": its articles name the amended law', () => {
    const amending = `ZAKON O IZMJENAMA I DOPUNAMA ZAKONA O PROBI

Član 1.
U Zakonu o probi, u članu 2. stav 2. riječ "prvi" zamjenjuje se riječju "osnovni".

Član 2.
Ovaj zakon stupa na snagu osmog dana, a odredba člana 1. ovog zakona primjenjuje se od 1. januara.
`
    const { doc, report } = importLegalText(amending)
    expect(report.references.linked).toBe(1)
    expect(read(doc).texts[0]).toContain('u članu 2. stav 2. riječ')
  })

  it('reads Cyrillic references: члана 2. став 2. тачка а)', () => {
    const act = `ЗАКОН О ПРОБИ

Члан 1.
Овим законом уређује се проба.

Члан 2.
(1) Први став.
(2) Поједини изрази значе:
а) први израз,
б) други израз.

Члан 3.
Права из члана 2. став 2. тачка а) овог закона и члана 1. овог закона.
`
    const { doc, report } = importLegalText(act)
    expect(report.references).toEqual({ linked: 2, unresolved: 0 })
    expect(read(doc, sr).texts).toContain('Права из члана 2. став (2) тачка а) овог закона и члана 1. овог закона.')
  })
})
