import type { LanguageVariant } from './language.ts'

/**
 * The words and numbering styles of a legal act in a language variant: "Član 12." in
 * Bosnian and Serbian Latin, "Članak 12." in Croatian, "Члан 12." in Serbian Cyrillic;
 * parts as ordinal words (DIO PRVI), chapters as Roman numerals (POGLAVLJE II.).
 */
export interface LegalLabels {
  article: (num: string) => string
  part: (n: number) => string
  chapter: (n: number) => string
  section: (n: number) => string
  /** A paragraph's label; document types that number hierarchically use the article's number. */
  paragraph: (n: number, articleNumber?: string) => string
  /** A point's label; document types that number hierarchically use its article's and paragraph's numbers. */
  point: (n: number, articleNumber?: string, paragraphNumber?: number) => string
  subpoint: (n: number) => string
  /** An annex (prilog) by its number: "Prilog 1", "Прилог 2". */
  annex: (num: string) => string
  memorandum: string
}

const ORDINALS_LATN = [
  'PRVI', 'DRUGI', 'TREĆI', 'ČETVRTI', 'PETI', 'ŠESTI', 'SEDMI', 'OSMI', 'DEVETI', 'DESETI',
  'JEDANAESTI', 'DVANAESTI', 'TRINAESTI', 'ČETRNAESTI', 'PETNAESTI',
]
const ORDINALS_CYRL = [
  'ПРВИ', 'ДРУГИ', 'ТРЕЋИ', 'ЧЕТВРТИ', 'ПЕТИ', 'ШЕСТИ', 'СЕДМИ', 'ОСМИ', 'ДЕВЕТИ', 'ДЕСЕТИ',
  'ЈЕДАНАЕСТИ', 'ДВАНАЕСТИ', 'ТРИНАЕСТИ', 'ЧЕТРНАЕСТИ', 'ПЕТНАЕСТИ',
]
// BiH and FBiH acts letter their points with the basic Latin alphabet (a) … j) …);
// Cyrillic texts follow the Cyrillic alphabetical order.
const POINT_LETTERS_LATN = 'abcdefghijklmnoprstuvz'.split('')
const POINT_LETTERS_CYRL = 'абвгдђежзијклљмнњопрстћуфхцчџш'.split('')
const SECTION_LETTERS_LATN = POINT_LETTERS_LATN.map((l) => l.toUpperCase())
const SECTION_LETTERS_CYRL = POINT_LETTERS_CYRL.map((l) => l.toUpperCase())

/** The English name of an annex, for open data and English summaries: "Annex 2". */
export function annexLabelEn(num: string): string {
  return `Annex ${num}`
}

/** Roman numeral for 1 … 3999. */
export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new RangeError(`No Roman numeral for ${n}`)
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ]
  let out = ''
  let rest = n
  for (const [value, symbol] of table) {
    while (rest >= value) {
      out += symbol
      rest -= value
    }
  }
  return out
}

/** The n-th letter of an alphabet; past its end, letters double (aa, bb, …). */
function letter(alphabet: string[], n: number): string {
  const index = (n - 1) % alphabet.length
  const repeat = Math.floor((n - 1) / alphabet.length) + 1
  return alphabet[index]!.repeat(repeat)
}

function ordinal(words: string[], n: number): string {
  return words[n - 1] ?? String(n)
}

/** The labels for a draft's language variant. */
export function legalLabels(variant: LanguageVariant): LegalLabels {
  const cyrl = variant.script === 'cyrl'
  const articleWord = cyrl ? 'Члан' : variant.language === 'hr' ? 'Članak' : 'Član'
  return {
    article: (num) => `${articleWord} ${num}.`,
    part: (n) => `${cyrl ? 'ДИО' : 'DIO'} ${ordinal(cyrl ? ORDINALS_CYRL : ORDINALS_LATN, n)}`,
    chapter: (n) => `${cyrl ? 'ПОГЛАВЉЕ' : 'POGLAVLJE'} ${toRoman(n)}.`,
    section: (n) => `${cyrl ? 'Одјељак' : 'Odjeljak'} ${letter(cyrl ? SECTION_LETTERS_CYRL : SECTION_LETTERS_LATN, n)}.`,
    paragraph: (n) => `(${n})`,
    point: (n) => `${letter(cyrl ? POINT_LETTERS_CYRL : POINT_LETTERS_LATN, n)})`,
    subpoint: (n) => `${n}.`,
    annex: (num) => `${cyrl ? 'Прилог' : 'Prilog'} ${num}`,
    memorandum: cyrl ? 'ОБРАЗЛОЖЕЊЕ' : 'OBRAZLOŽENJE',
  }
}
