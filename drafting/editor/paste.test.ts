import { describe, expect, it } from 'vitest'
import { EditorState, TextSelection } from 'prosemirror-state'
import { importPlainText } from '../plain-text-import.ts'
import { numberDocument } from '../numbering.ts'
import { insertAfterAncestor, pastedStructure } from './paste.ts'

const ACT = `ZAKON O PROBI

Član 1.
(Predmet)
(1) Prvi stav.
(2) Drugi stav.

Član 2.
(Kraj)
Ovaj zakon stupa na snagu.
`

describe('pastedStructure', () => {
  it('reads pasted articles from Word text, with points and fresh ids', () => {
    const pasted = pastedStructure('Član 7.\n(Nadzor)\n(1) Nadzor vrši ministarstvo.\n(2) Inspekcija provjerava:\na) licence,\nb) evidencije.\nČlan 8.\n(Kazne)\nNovčanom kaznom kaznit će se pružalac.')
    expect(pasted?.kind).toBe('articles')
    expect(pasted?.nodes).toHaveLength(2)
    expect(pasted?.nodes[0]!.firstChild?.textContent).toBe('Nadzor')
    let points = 0
    pasted!.nodes[0]!.descendants((n) => {
      if (n.type.name === 'point') points++
      return true
    })
    expect(points).toBe(2)
  })

  it('reads pasted numbered paragraphs as paragraphs', () => {
    const pasted = pastedStructure('(1) Prvi novi stav.\n(2) Drugi novi stav.')
    expect(pasted?.kind).toBe('paragraphs')
    expect(pasted?.nodes.map((n) => n.textContent)).toEqual(['Prvi novi stav.', 'Drugi novi stav.'])
  })

  it('leaves running text alone', () => {
    expect(pastedStructure('Samo jedna rečenica bez oznaka.')).toBeNull()
  })
})

describe('insertAfterAncestor', () => {
  it('inserts pasted articles after the current one and the numbering follows', () => {
    const doc = importPlainText(ACT)
    let pos = -1
    doc.descendants((n, p) => {
      if (pos < 0 && n.isText && n.text === 'Prvi stav.') pos = p + 2
      return pos < 0
    })
    const state = EditorState.create({ doc, selection: TextSelection.create(doc, pos) })
    const pasted = pastedStructure('Član 10.\n(Novi)\nNovi član iz Worda.')!
    let next = state
    expect(insertAfterAncestor('article', pasted.nodes)(state, (tr) => (next = state.apply(tr)))).toBe(true)
    const headings: string[] = []
    next.doc.descendants((n) => {
      if (n.type.name === 'article') headings.push(n.firstChild!.textContent)
      return n.type.name !== 'article'
    })
    expect(headings).toEqual(['Predmet', 'Novi', 'Kraj'])
    const numbers = numberDocument(next.doc)
    expect([...numbers.values()].filter((v) => ['1', '2', '3'].includes(v)).length).toBeGreaterThanOrEqual(3)
  })
})
