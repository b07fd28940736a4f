import { describe, expect, it } from 'vitest'
import { shapeComment, shapeOutline, shapeRoundSummary, withoutAddresses, withoutNames, ADDRESS_MARKER } from './open-data-api.ts'
import { loadDocument } from '../drafting/document.ts'
import { outlineDocument } from '../drafting/outline.ts'
import { TEST_ACT } from '../drafting/export/test-act.ts'
import { annex, table } from '../drafting/tables.test-util.ts'
import { article, doc, par, point } from '../drafting/test-builder.ts'

const row = {
  id: 'c1', targetKind: 'article', targetNodeId: 'a2', articleNodeId: 'a2', body: 'Pišite na ana@example.ba. S poštovanjem, Ana Kovač', redactedBody: null,
  proposedWording: null, createdAt: new Date('2026-11-01T10:00:00Z'), editedAt: null, channel: 'online', consentToBeNamed: false, authorName: null,
  organisation: null, author: { name: 'Ana Kovač' },
}

describe('open-data shaping', () => {
  it('replaces e-mail and IP addresses in public texts', () => {
    expect(withoutAddresses('mail ana.k+x@mail.example.ba, ip 10.0.0.255 i 2001:db8::1, član 3.2.1.')).toBe(`mail ${ADDRESS_MARKER}, ip ${ADDRESS_MARKER} i ${ADDRESS_MARKER}, član 3.2.1.`)
    expect(withoutAddresses('u 10:30 sati, stav (2)')).toBe('u 10:30 sati, stav (2)')
  })

  it('replaces the names of people who are not named, as whole words in any case', () => {
    expect(withoutNames('S poštovanjem, ANA KOVAČ i Ana Kovačević', ['Ana Kovač'])).toBe(`S poštovanjem, ${ADDRESS_MARKER} i Ana Kovačević`)
  })

  it('shows a comment without its unnamed author, their address or their signature, in the redacted text', () => {
    const c = shapeComment(row, null)
    expect(c.author).toEqual({ kind: 'anonymous' })
    expect(JSON.stringify(c)).not.toMatch(/@|Ana Kovač/)
    expect(shapeComment({ ...row, redactedBody: 'Skraćeno […]' }, null).body).toBe('Skraćeno […]')
    const named = shapeComment({ ...row, consentToBeNamed: true, authorName: 'Ana Kovač' }, null)
    expect(named.author).toEqual({ kind: 'person', name: 'Ana Kovač' })
    expect(named.body).toContain('Ana Kovač')
    expect(shapeComment({ ...row, organisation: { name: 'Udruženje Sunce' } }, null).author).toEqual({ kind: 'organisation', name: 'Udruženje Sunce' })
  })

  it('gives a version as divisions and articles with paragraphs and points', () => {
    const shaped = shapeOutline(outlineDocument(loadDocument(TEST_ACT), { language: 'bs', script: 'latn' }))
    expect(shaped.divisions.map((d) => [d.kind, d.label, d.parent, d.articles])).toEqual([
      ['part', 'DIO PRVI', null, ['1', '2']],
      ['chapter', 'POGLAVLJE I.', 'p1', ['1', '2']],
    ])
    const article = shaped.articles[1]!
    expect(article).toMatchObject({ id: 'a2', number: '2', label: 'Član 2.', heading: 'Definicije' })
    expect(article.paragraphs[0]).toMatchObject({ number: '1', label: '(1)', text: 'U smislu ovog zakona:' })
    expect(article.paragraphs[0]!.points).toEqual([
      { id: 'a2p1a', label: 'a)', text: 'korisnik je osoba u stanju socijalne potrebe,\n1. dijete bez roditeljskog staranja,', tables: [] },
      { id: 'a2p1b', label: 'b)', text: 'pružalac je ustanova ili udruženje.', tables: [] },
    ])
    expect(article.paragraphs[1]!.text).toBe('Usluge se pružaju:\n- bez diskriminacije.')
    expect(shaped.articles[2]!.paragraphs[0]).toMatchObject({ number: null, label: null })
    expect(shaped.memorandum?.sections[0]?.heading).toBe('I. USTAVNI OSNOV')
    expect(shaped.annexes).toEqual([])
  })

  it('gives tables inside paragraphs and points as rows of cells, and the annexes after the articles', () => {
    const act = doc(
      article({ id: 'a1' },
        par({ id: 'p1' }, 'Iznosi su:', table({ id: 't1', header: true }, ['Usluga', 'Iznos'], ['Pomoć', ['100 KM', 'mjesečno']])),
        par({ id: 'p2' }, 'Korisnici su:', point({ id: 'pa' }, 'djeca:', table({ id: 't2' }, ['do 6 godina', 'vrtić'])))),
      annex({ id: 'x1' }, 'Obrazac zahtjeva', 'Ime i prezime:', table({ id: 't3' }, ['Datum', 'Potpis'])),
      annex({ id: 'x2' }, 'Cjenovnik', 'Cijene su u KM.'),
    )
    const shaped = shapeOutline(outlineDocument(act, { language: 'sr', script: 'cyrl' }))
    const [p1, p2] = shaped.articles[0]!.paragraphs
    expect(p1!.tables).toEqual([{ id: 't1', rows: [{ header: true, cells: ['Usluga', 'Iznos'] }, { header: false, cells: ['Pomoć', '100 KM\nmjesečno'] }] }])
    expect(p1!.text).toBe('Iznosi su:\nUsluga | Iznos\nPomoć | 100 KM mjesečno')
    expect(p2!.tables).toEqual([])
    expect(p2!.points[0]!.tables).toEqual([{ id: 't2', rows: [{ header: false, cells: ['do 6 godina', 'vrtić'] }] }])
    expect(shaped.annexes).toEqual([
      { id: 'x1', number: '1', label: 'Прилог 1', heading: 'Obrazac zahtjeva', text: 'Ime i prezime:\nDatum | Potpis', tables: [{ id: 't3', rows: [{ header: false, cells: ['Datum', 'Potpis'] }] }] },
      { id: 'x2', number: '2', label: 'Прилог 2', heading: 'Cjenovnik', text: 'Cijene su u KM.', tables: [] },
    ])
  })

  it('links a round’s report only once it is published', () => {
    const r = { id: 'r1', title: 'Krug', stage: 'nacrt', opensAt: new Date(), closesAt: new Date(), reportPublishedAt: new Date(), draft: { slug: 's', title: 'T' } }
    expect(shapeRoundSummary(r, 'closed').links.report).toBeNull()
    expect(shapeRoundSummary(r, 'closed').reportPublishedAt).toBeNull()
    expect(shapeRoundSummary(r, 'report-published').links.report).toBe('/api/v1/rounds/r1/report')
  })
})
