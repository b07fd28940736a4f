import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DIGRAPH_EXCEPTIONS, toCyrillic, toLatin, transliterate, transliterateDocument } from './transliteration.ts'
import { parseDocument } from './document.ts'

/** [Latin, Cyrillic]: each converts into the other, in both directions. */
const BOTH_WAYS: [string, string][] = [
  // Prefix boundaries: the pair is two letters (DIGRAPH_EXCEPTIONS).
  ['konjunktura', 'конјунктура'],
  ['Konjunktura', 'Конјунктура'],
  ['konjugacija', 'конјугација'],
  ['injekcija', 'инјекција'],
  ['INJEKCIJA', 'ИНЈЕКЦИЈА'],
  ['nadživjeti', 'надживјети'],
  ['nadživljavati', 'надживљавати'],
  ['podžupan', 'поджупан'],
  ['odžaliti', 'оджалити'],
  ['Tanjug', 'Танјуг'],
  ['vanjezički', 'ванјезички'],
  // Words the stems must not reach: a true њ or џ.
  ['Konjic', 'Коњиц'],
  ['Konjuh', 'Коњух'],
  ['odžak', 'оџак'],
  ['nadžak', 'наџак'],
  ['podjela', 'подјела'],
  // Digraphs in every case.
  ['Ljubljana', 'Љубљана'],
  ['LJUBLJANA', 'ЉУБЉАНА'],
  ['NJEGOŠ', 'ЊЕГОШ'],
  ['Njegoš', 'Његош'],
  ['džep', 'џеп'],
  ['Džep', 'Џеп'],
  ['DŽEP', 'ЏЕП'],
  ['HADŽ', 'ХАЏ'],
  ['đak', 'ђак'],
  ['ćevap', 'ћевап'],
  ['abvgdđežzijklljmnnjoprstćufhcčdžš', 'абвгдђежзијклљмнњопрстћуфхцчџш'],
  // Left in Latin.
  ['https://fmrsp.gov.ba/post3952/', 'https://fmrsp.gov.ba/post3952/'],
  ['konsultacije@fmrsp.gov.ba', 'konsultacije@fmrsp.gov.ba'],
  ['Vidjeti www.fbihvlada.gov.ba i fmrsp.gov.ba.', 'Видјети www.fbihvlada.gov.ba и fmrsp.gov.ba.'],
  ['web stranica', 'web страница'],
  ['Wi-Fi mreža', 'Wi-Fi мрежа'],
  ['xenon', 'xenon'],
  ['Müller', 'Müller'],
  ['IV.B.7. a)(IV)', 'IV.B.7. а)(IV)'],
  // Roman numerals: words of two or more letters always; I, V, MI, LI only in context.
  ['XII', 'XII'],
  ['član IV', 'члан IV'],
  ['Glava V', 'Глава V'],
  ['čl. I i II', 'чл. I и II'],
  ['Amandman LI', 'Амандман LI'],
  ['(I)', '(I)'],
  ['I. Osnovne odredbe', 'I. Основне одредбе'],
  ['I - OSNOVNE ODREDBE', 'I - ОСНОВНЕ ОДРЕДБЕ'],
  ['I, II i III', 'I, II и III'],
  ['od I do V', 'од I до V'],
  ['I DRUGIH PROPISA', 'И ДРУГИХ ПРОПИСА'],
  ['ZAKON O IZMJENAMA I DOPUNAMA', 'ЗАКОН О ИЗМЈЕНАМА И ДОПУНАМА'],
  ['DIJELOVI II I III', 'ДИЈЕЛОВИ II И III'],
  ['ovog člana. I to je sve.', 'овог члана. И то је све.'],
  ['DA LI SMO MI', 'ДА ЛИ СМО МИ'],
  ['i, a, u, s, k, o, v', 'и, а, у, с, к, о, в'],
  // Latin abbreviations are converted.
  ['BiH', 'БиХ'],
  ['s. r.', 'с. р.'],
  ['Marinko Čavara, s. r.', 'Маринко Чавара, с. р.'],
  ['Član 18a.', 'Члан 18а.'],
  // Numbers and punctuation stay as they are.
  ['Broj 01-02-1-190-01/22', 'Број 01-02-1-190-01/22'],
  ['od 06.04.2022. godine', 'од 06.04.2022. године'],
  ['- za prvi stepen 200% od osnovice.".', '- за први степен 200% од основице.".'],
  [
    'Ovaj zakon stupa na snagu osmog dana od dana objavljivanja u „Službenim novinama Federacije BiH“.',
    'Овај закон ступа на снагу осмог дана од дана објављивања у „Службеним новинама Федерације БиХ“.',
  ],
]

/** [Latin, Cyrillic]: toCyrillic only. */
const ONLY_TO_CYRILLIC: [string, string][] = [
  // The nine digraph code points become two letters (NFKC), then one Cyrillic letter.
  ['ǈubav ǋegoš ǆep', 'Љубав Његош џеп'],
  ['ǄEP ǇUBAV ǊEGOŠ', 'ЏЕП ЉУБАВ ЊЕГОШ'],
  // Decomposed č (c + combining caron).
  ['C\u030Clan 1.', 'Члан 1.'],
  // A Cyrillic heading typed with Latin look-alike E's comes out all Cyrillic.
  ['ОДРEДБE', 'ОДРЕДБЕ'],
  // A digraph takes the case of its first letter.
  ['lJubav', 'љубав'],
]

/** [Cyrillic, Latin]: toLatin only. */
const ONLY_TO_LATIN: [string, string][] = [
  // The official FBiH Cyrillic label, with Cyrillic В for B: not "IV.V.7.".
  ['На основу члана IV.В.7. а)(IV) Устава', 'Na osnovu člana IV.B.7. a)(IV) Ustava'],
  ['Љубав', 'Ljubav'],
  ['ЉУБАВ', 'LJUBAV'],
  ['Џ', 'Dž'],
  ['А Б В Г Д Ђ Е Ж З И Ј К Л Љ М Н Њ О П Р С Т Ћ У Ф Х Ц Ч Џ Ш', 'A B V G D Đ E Ž Z I J K L Lj M N Nj O P R S T Ć U F H C Č Dž Š'],
  // The output is composed: а + combining acute becomes á.
  ['пра\u0301во', 'právo'],
  // Decomposed й is composed first; it is not Serbian and stays.
  ['Толстои\u0306', 'Tolstoй'],
  ['мы', 'mы'],
  ['https://sr.wikisource.org/sr-ec/Правила_(2006)', 'https://sr.wikisource.org/sr-ec/Правила_(2006)'],
  ['web страница', 'web stranica'],
]

describe('toCyrillic', () => {
  it.each(BOTH_WAYS)('writes %s as %s', (latin, cyrillic) => {
    expect(toCyrillic(latin)).toBe(cyrillic)
  })

  it.each(ONLY_TO_CYRILLIC)('writes %s as %s', (latin, cyrillic) => {
    expect(toCyrillic(latin)).toBe(cyrillic)
  })

  it('keeps every exception stem two letters in Cyrillic', () => {
    for (const stem of DIGRAPH_EXCEPTIONS) {
      expect(toCyrillic(stem)).not.toMatch(/[љњџ]/)
    }
  })
})

describe('toLatin', () => {
  it.each(BOTH_WAYS)('writes %s back from %s', (latin, cyrillic) => {
    expect(toLatin(cyrillic)).toBe(latin)
  })

  it.each(ONLY_TO_LATIN)('writes %s as %s', (cyrillic, latin) => {
    expect(toLatin(cyrillic)).toBe(latin)
  })
})

describe('transliterate', () => {
  it('converts into the script asked for', () => {
    expect(transliterate('Član 1.', 'cyrl')).toBe('Члан 1.')
    expect(transliterate('Члан 1.', 'latn')).toBe('Član 1.')
  })
})

// Real acts, stored verbatim. The first two lines of each file are the source address and
// a note; a marker line shows where the stored beginning stops.
const FIXTURES = path.resolve(import.meta.dirname, '../../shared/fixtures/laws')
const RS_CYRL = 'rs_pravila-normativno-pravne-tehnike-2006_sr-Cyrl_wikisource_POCETAK.txt'
const RS_LATN = 'rs_pravila-normativno-pravne-tehnike-2006_sr-Latn_wikisource_POCETAK.txt'
const FBIH_CYRL = 'fbih_zakon-o-izmjeni-zakona-o-pravima-branilaca-2022_sr-Cyrl_fbihvlada.txt'
const fixtureLines = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8').split(/\r?\n/).slice(2)

describe('on real acts', () => {
  it('writes the Cyrillic RS rules as Wikisource writes them in Latin', () => {
    const cyrillic = fixtureLines(RS_CYRL)
    const latin = fixtureLines(RS_LATN)
    // The stored Cyrillic copy stops earlier: its last text line is cut short, so only
    // the start of the Latin line can match. "Извор: Викизворник" is left out: Wikisource
    // keeps its own name in Cyrillic on the Latin page.
    const last = cyrillic.findIndex((line) => line.startsWith('(1) '))
    expect(last).toBeGreaterThan(0)
    for (let i = 0; i < last; i++) {
      if (cyrillic[i]!.startsWith('Извор:')) continue
      expect(toLatin(cyrillic[i]!)).toBe(latin[i])
    }
    expect(latin[last]!.startsWith(toLatin(cyrillic[last]!))).toBe(true)
  })

  // Only lines in pure Serbian Cyrillic, without an exception, come back unchanged. Left
  // out: lines with any Latin letter — the image caption "Former COA Republika Srpska.svg",
  // the heading "I - ОСНОВНЕ ОДРEДБE" whose E's are Latin look-alikes (they come back
  // Cyrillic), the label "IV.В.7." (it comes back as the Latin identifier "IV.B.7."), the
  // English end marker — and lines with н+ј, л+ј or д+ж, which only DIGRAPH_EXCEPTIONS
  // can bring back.
  const pureCyrillic = [...fixtureLines(RS_CYRL), ...fixtureLines(FBIH_CYRL)].filter(
    (line) => line.trim() !== '' && !/\p{Script=Latin}/u.test(line) && !/нј|лј|дж/iu.test(line),
  )

  it('finds enough pure Cyrillic lines to test', () => {
    expect(pureCyrillic.length).toBeGreaterThanOrEqual(25)
  })

  it.each(pureCyrillic)('brings back %s', (line) => {
    expect(toCyrillic(toLatin(line))).toBe(line)
  })
})

describe('transliterateDocument', () => {
  const doc = () => ({
    type: 'doc',
    content: [
      { type: 'title', content: [{ type: 'text', text: 'ZAKON O IZMJENI ZAKONA O PRAVIMA BRANILACA' }] },
      {
        type: 'article',
        attrs: { id: 'article-injekcija', num: '18a' },
        content: [
          {
            type: 'paragraph',
            attrs: { id: 'paragraph-nj', num: null },
            content: [
              {
                type: 'text_block',
                content: [
                  { type: 'text', text: 'Na osnovu člana IV.B.7. a)(IV) Ustava ' },
                  { type: 'text', text: 'Federacije BiH', marks: [{ type: 'em' }] },
                ],
              },
            ],
          },
        ],
      },
    ],
  })

  const deepFreeze = <T>(value: T): T => {
    if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(deepFreeze)
      Object.freeze(value)
    }
    return value
  }

  it('converts every text and leaves ids, numbers and marks alone', () => {
    const cyrillic = transliterateDocument(doc(), 'cyrl')
    expect(cyrillic).toEqual({
      type: 'doc',
      content: [
        { type: 'title', content: [{ type: 'text', text: 'ЗАКОН О ИЗМЈЕНИ ЗАКОНА О ПРАВИМА БРАНИЛАЦА' }] },
        {
          type: 'article',
          attrs: { id: 'article-injekcija', num: '18a' },
          content: [
            {
              type: 'paragraph',
              attrs: { id: 'paragraph-nj', num: null },
              content: [
                {
                  type: 'text_block',
                  content: [
                    { type: 'text', text: 'На основу члана IV.B.7. а)(IV) Устава ' },
                    { type: 'text', text: 'Федерације БиХ', marks: [{ type: 'em' }] },
                  ],
                },
              ],
            },
          ],
        },
      ],
    })
    expect(parseDocument(cyrillic).ok).toBe(true)
  })

  it('does not modify its input', () => {
    const input = deepFreeze(doc())
    const output = transliterateDocument(input, 'cyrl')
    expect(input).toEqual(doc())
    expect(output).not.toBe(input)
    expect(output.content[1]!.attrs).not.toBe(input.content[1]!.attrs)
  })

  it('comes back to the same document', () => {
    expect(transliterateDocument(transliterateDocument(doc(), 'cyrl'), 'latn')).toEqual(doc())
  })
})
