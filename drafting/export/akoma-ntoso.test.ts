import { describe, expect, it } from 'vitest'
import { AKN_NAMESPACE, akomaNtosoXml, eIdNumber } from './akoma-ntoso.ts'
import type { ActVersion } from './act-version.ts'
import { TEST_ACT } from './test-act.ts'
import { TEST_ACT_WITH_TABLES } from './test-act-tables.ts'
import { loadDocument } from '../document.ts'
import { outlineDocument, type OutlineUnit } from '../outline.ts'
import { transliterateDocument } from '../transliteration.ts'
import type { LanguageVariant } from '../language.ts'
import { allElements, deepText, parseXmlStrict, type ParsedElement } from './xml-check.test-util.ts'
import { el, serializeXml } from './xml.ts'

const NOW = new Date('2026-11-23T10:00:00Z')

function actOf(json: unknown, variant: LanguageVariant): ActVersion {
  const doc = loadDocument(json)
  return {
    draft: {
      id: 'd1', slug: 'zakon-o-socijalnim-uslugama', title: 'Zakon o socijalnim uslugama', documentType: 'law', stage: 'nacrt', jurisdiction: 'fbih',
      createdAt: new Date('2026-09-01T08:00:00Z'), owner: { slug: 'ministarstvo-rada', name: 'Ministarstvo rada & socijalne politike' },
    },
    version: { seq: 2, name: 'Nacrt za konsultacije', createdAt: new Date('2026-10-15T08:00:00Z') },
    variant,
    mode: 'continuous',
    doc,
    outline: outlineDocument(doc, variant),
  }
}

const find = (root: ParsedElement, name: string) => allElements(root).filter((e) => e.name === name)
const child = (e: ParsedElement, name: string) => e.children.find((c) => c.name === name)

describe('the XML builder', () => {
  it('escapes text and attributes and drops characters XML cannot hold', () => {
    const xml = serializeXml(el('a', { title: 'x "y" & <z>\n' }, 'R&D <b> \u0001 ok'))
    expect(xml).toContain('<a title="x &quot;y&quot; &amp; &lt;z&gt;&#10;">R&amp;D &lt;b&gt;  ok</a>')
    expect(parseXmlStrict(xml).attrs.title).toBe('x "y" & <z>\n')
  })

  it('refuses names that are not XML names', () => {
    expect(() => el('a b')).toThrow(RangeError)
    expect(() => serializeXml(el('a', { 'x"': '1' }))).toThrow(RangeError)
  })
})

describe('the strict XML check used by these tests', () => {
  it('rejects unbalanced tags, bare ampersands and duplicate attributes', () => {
    expect(() => parseXmlStrict('<a><b></a></b>')).toThrow(SyntaxError)
    expect(() => parseXmlStrict('<a>R&D</a>')).toThrow(SyntaxError)
    expect(() => parseXmlStrict('<a x="1" x="2"/>')).toThrow(SyntaxError)
    expect(() => parseXmlStrict('<a/><b/>')).toThrow(SyntaxError)
  })
})

describe('akomaNtosoXml', () => {
  const xml = akomaNtosoXml(actOf(TEST_ACT, { language: 'bs', script: 'latn' }), NOW)
  const root = parseXmlStrict(xml)

  it('writes a well-formed Akoma Ntoso 3.0 bill with FRBR identification', () => {
    expect(root.name).toBe('akomaNtoso')
    expect(root.attrs.xmlns).toBe(AKN_NAMESPACE)
    const bill = child(root, 'bill')!
    expect(bill.attrs.name).toBe('law')
    expect(bill.children.map((c) => c.name)).toEqual(['meta', 'preface', 'preamble', 'body', 'attachments'])
    const identification = child(child(bill, 'meta')!, 'identification')!
    expect(identification.attrs.source).toBe('#nacrt')
    const work = child(identification, 'FRBRWork')!
    expect(child(work, 'FRBRuri')!.attrs.value).toBe('/akn/ba/bill/2026-09-01/zakon-o-socijalnim-uslugama')
    expect(child(work, 'FRBRcountry')!.attrs.value).toBe('ba')
    const expression = child(identification, 'FRBRExpression')!
    expect(child(expression, 'FRBRlanguage')!.attrs.language).toBe('bos')
    expect(child(expression, 'FRBRuri')!.attrs.value).toBe('/akn/ba/bill/2026-09-01/zakon-o-socijalnim-uslugama/bos@2026-10-15')
    expect(child(child(identification, 'FRBRManifestation')!, 'FRBRdate')!.attrs.date).toBe('2026-11-23')
    const refs = find(root, 'TLCOrganization').map((e) => e.attrs.showAs)
    expect(refs).toContain('Ministarstvo rada & socijalne politike')
  })

  it('gives every unit a unique eId by the naming convention and keeps the stable id as GUID', () => {
    const eIds = allElements(root).flatMap((e) => (e.attrs.eId ? [e.attrs.eId] : []))
    expect(new Set(eIds).size).toBe(eIds.length)
    const byGuid = new Map(allElements(root).flatMap((e) => (e.attrs.GUID ? [[e.attrs.GUID, e.attrs.eId]] : [])))
    expect(Object.fromEntries(byGuid)).toMatchObject({
      p1: 'part_1', c1: 'part_1__chp_1', a1: 'art_1', a1p1: 'art_1__para_1', a2: 'art_2', a2p1: 'art_2__para_1',
      a2p1a: 'art_2__para_1__point_a', a2p1a1: 'art_2__para_1__point_a__point_1', a2p1b: 'art_2__para_1__point_b',
      a2p2: 'art_2__para_2', a2p2i1: 'art_2__para_2__indent_1', a3: 'art_3', m1: 'att_1__hcontainer_1',
    })
  })

  it('numbers articles, paragraphs and points as the outline labels them', () => {
    const outline = actOf(TEST_ACT, { language: 'bs', script: 'latn' }).outline
    const labels = new Map<string, string>()
    const collect = (units: OutlineUnit[]) => {
      for (const u of units) {
        labels.set(u.id, u.label)
        if (u.kind === 'article') {
          for (const p of u.paragraphs) if (p.label) labels.set(p.id, p.label)
        } else collect(u.children)
      }
    }
    collect(outline.body)
    for (const e of allElements(root)) {
      const num = child(e, 'num')
      if (e.attrs.GUID && labels.has(e.attrs.GUID)) expect(num && deepText(num), e.attrs.GUID).toBe(labels.get(e.attrs.GUID))
    }
    const article2 = find(root, 'article')[1]!
    expect(deepText(child(article2, 'num')!)).toBe('Član 2.')
    expect(deepText(child(article2, 'heading')!)).toBe('Definicije')
    const points = find(article2, 'point').map((p) => deepText(child(p, 'num')!))
    expect(points).toEqual(['a)', '1.', 'b)'])
  })

  it('keeps the text, with intro, content, title, legal basis and memorandum', () => {
    expect(deepText(find(root, 'docTitle')[0]!)).toBe('Zakon o socijalnim uslugama & <pravima>')
    expect(xml).toContain('Zakon o socijalnim uslugama &amp; &lt;pravima&gt;')
    expect(deepText(find(root, 'preamble')[0]!)).toContain('Na osnovu člana IV.B.7. a)(IV)')
    const para = allElements(root).find((e) => e.attrs.eId === 'art_2__para_1')!
    expect(deepText(child(para, 'intro')!)).toBe('U smislu ovog zakona:')
    expect(deepText(find(root, 'article')[0]!)).toContain('đačke potrebe i žalbe')
    const memo = find(root, 'attachment')[0]!
    expect(deepText(memo)).toContain('I. USTAVNI OSNOV')
    expect(deepText(memo)).toContain('Ustavni osnov je član III.3. b) Ustava.')
  })

  it('writes cross-references as <ref> to the eId of the unit they name', () => {
    const ref = find(root, 'ref')[0]!
    expect(ref.attrs.href).toBe('#art_2__para_1__point_b')
    expect(deepText(ref)).toBe('člana 2. stav (1) tačka b)')
    expect(deepText(find(root, 'article')[2]!)).toContain('Korisnik iz člana 2. stav (1) tačka b) ovog zakona ima pravo na žalbu.')
  })

  it('writes a Serbian act in Cyrillic with Latin eIds and language srp', () => {
    const cyr = parseXmlStrict(akomaNtosoXml(actOf(transliterateDocument(TEST_ACT, 'cyrl'), { language: 'sr', script: 'cyrl' }), NOW))
    expect(find(cyr, 'FRBRlanguage')[0]!.attrs.language).toBe('srp')
    const point = allElements(cyr).find((e) => e.attrs.GUID === 'a2p1b')!
    expect(point.attrs.eId).toBe('art_2__para_1__point_b')
    expect(deepText(child(point, 'num')!)).toBe('б)')
    expect(deepText(find(cyr, 'article')[1]!)).toContain('Члан 2.')
    expect(deepText(find(cyr, 'ref')[0]!)).toBe('члана 2. став (1) тачка б)')
  })

  it('derives eId numbers from labels', () => {
    expect(eIdNumber('18a')).toBe('18a')
    expect(eIdNumber('a)')).toBe('a')
    expect(eIdNumber('б)')).toBe('b')
    expect(eIdNumber('ж)')).toBe('ž')
  })
})

describe('akomaNtosoXml for other document types and numbering', () => {
  it('labels a standard’s criteria and indicators as the outline does, with unique eIds', () => {
    const doc = loadDocument(TEST_ACT)
    const variant: LanguageVariant = { language: 'bs', script: 'latn' }
    const act: ActVersion = { ...actOf(TEST_ACT, variant), draft: { ...actOf(TEST_ACT, variant).draft, documentType: 'standard' }, outline: outlineDocument(doc, variant, 'continuous', 'standard') }
    const root = parseXmlStrict(akomaNtosoXml(act, NOW))
    expect(child(root, 'bill')!.attrs.name).toBe('standard')
    const byGuid = new Map(allElements(root).flatMap((e) => (e.attrs.GUID ? [[e.attrs.GUID, e]] : [])))
    expect(deepText(child(byGuid.get('a2')!, 'num')!)).toBe('Standard 2.')
    expect(deepText(child(byGuid.get('a1p1')!, 'num')!)).toBe('Kriterij 1.1')
    expect(deepText(child(byGuid.get('a2p1b')!, 'num')!)).toBe('Indikator 2.1.2')
    expect(byGuid.get('a2p1b')!.attrs.eId).toBe('art_2__para_1__point_2')
    const eIds = allElements(root).flatMap((e) => (e.attrs.eId ? [e.attrs.eId] : []))
    expect(new Set(eIds).size).toBe(eIds.length)
  })

  it('keeps frozen article numbers ("2a") in labels and eIds', () => {
    const json = structuredClone(TEST_ACT) as { content: { type: string; attrs?: { num: string | null } }[] }
    const article = json.content.find((n) => n.type === 'article')!
    article.attrs!.num = '2a'
    const doc = loadDocument(json)
    const variant: LanguageVariant = { language: 'bs', script: 'latn' }
    const act: ActVersion = { ...actOf(json, variant), mode: 'frozen', outline: outlineDocument(doc, variant, 'frozen') }
    const root = parseXmlStrict(akomaNtosoXml(act, NOW))
    const a3 = allElements(root).find((e) => e.attrs.GUID === 'a3')!
    expect(a3.attrs.eId).toBe('art_2a')
    expect(deepText(child(a3, 'num')!)).toBe('Član 2a.')
  })
})

describe('akomaNtosoXml: tables and annexes', () => {
  it('writes tables as <table> in the content and annexes as attachments before the memorandum', () => {
    const root = parseXmlStrict(akomaNtosoXml(actOf(TEST_ACT_WITH_TABLES, { language: 'bs', script: 'latn' }), NOW))
    const tables = find(root, 'table')
    expect(tables.map((t) => [t.attrs.eId, t.attrs.GUID])).toEqual([['art_3__para_1__table_1', 't1'], ['att_1__table_1', 't2']])
    expect(find(tables[0]!, 'th').map(deepText)).toEqual(['Usluga', 'Iznos & <KM>'])
    expect(find(tables[0]!, 'td').map(deepText)).toEqual(['Pomoć u kući', '100'])
    const attachments = find(root, 'attachment')
    expect(attachments.map((a) => [a.attrs.eId, a.attrs.GUID ?? null, child(a, 'doc')!.attrs.name])).toEqual([
      ['att_1', 'x1', 'annex'],
      ['att_2', 'x2', 'annex'],
      ['att_3', null, 'explanatoryMemorandum'],
    ])
    expect(deepText(find(attachments[0]!, 'docNumber')[0]!)).toBe('Prilog 1')
    expect(deepText(find(attachments[0]!, 'docTitle')[0]!)).toBe('Obrazac zahtjeva')
    expect(find(attachments[2]!, 'hcontainer')[0]!.attrs.eId).toBe('att_3__hcontainer_1')
    const eIds = allElements(root).flatMap((e) => (e.attrs.eId ? [e.attrs.eId] : []))
    expect(new Set(eIds).size).toBe(eIds.length)
  })
})
