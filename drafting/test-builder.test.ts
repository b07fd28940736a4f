import { describe, expect, it } from 'vitest'
import { article, chapter, doc, docJson, heading, indent, memorandum, memorandumSection, par, point, ref, subpoint, text } from './test-builder.ts'
import { parseDocument } from './document.ts'
import { outlineDocument } from './outline.ts'

const bs = { language: 'bs', script: 'latn' } as const

describe('the test document builder', () => {
  it('builds an act that reads as written, with a default title and numbered units', () => {
    const d = doc(
      chapter('Osnovne odredbe', article(heading('Predmet'), par('Ovim zakonom uređuje se proba.'))),
      article({ id: 'a2' }, par('Prvi stav:', point('prvo,', subpoint('jedan')), point('drugo', indent('alineja')), text('te ostalo.')), par('Drugi stav.')),
      memorandum(memorandumSection('Ustavni osnov', 'Član IV.')),
    )
    expect(d.firstChild!.textContent).toBe('ZAKON O PROBI')
    const outline = outlineDocument(d, bs)
    const articles = outline.body.flatMap((u) => ('children' in u ? (u.children as unknown[]) : [u])) as { label: string; heading: string | null; id: string }[]
    expect(articles.map((a) => a.label)).toEqual(['Član 1.', 'Član 2.'])
    expect(articles[0]!.heading).toBe('Predmet')
    expect(articles[1]!.id).toBe('a2')
  })

  it('gives every unit an id of its own unless one is given', () => {
    const json = docJson(article(par('a'), par('b')), article({ id: 'x' }, par('c')))
    const ids = JSON.stringify(json).match(/"id":"[^"]+"/g)!
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain('"id":"x"')
  })

  it('builds references by stable id, and `doc` refuses a reference to a unit that is not there', () => {
    expect(() => doc(article({ id: 'a1' }, par('Tekst.')), article(par(['u skladu sa ', ref('a1'), '.'])))).not.toThrow()
    expect(() => doc(article(par(['vidi ', ref('nowhere')])))).toThrow(/broken-reference/)
    expect(parseDocument(docJson(article(par(['vidi ', ref('nowhere')]))))).toEqual({ ok: false, reason: 'broken-reference' })
  })
})
