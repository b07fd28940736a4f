import type { DraftScript } from './language.ts'

/**
 * Serbian Latin ↔ Cyrillic transliteration of legal texts (sr only: bs and hr are
 * separately worded, not transliterated). Both alphabets have 30 letters, one to one;
 * lj, nj and dž are single letters (љ, њ, џ).
 *
 * Cyrillic → Latin is deterministic. Latin → Cyrillic is not: a prefix can put n+j, l+j
 * or d+ž side by side as two letters (in-jekcija, nad-živjeti), which only a word list can
 * tell. A person reviews every converted text; this module makes the first draft.
 *
 * Left in Latin by `toCyrillic` (and left alone by `toLatin`): URLs, e-mail addresses,
 * bare domain names, Roman numerals, words with q, w, x, y or other letters outside the
 * Serbian alphabet ("web", "Wi-Fi", "Müller"), and constitution labels such as "IV.B.7.".
 */

/**
 * Latin stems in which every l+j, n+j and d+ž pair is two letters, not one
 * (injekcija → инјекција, not ињекција). Matched case-insensitively anywhere in a word.
 * A stem must be long enough never to meet a word with a true љ, њ or џ: "odžal"
 * (оджалити), never "odž", because odžak is оџак; "nadživ", never "nadž", because nadžak
 * is наџак. The list is short on purpose: a person reviews every conversion.
 */
export const DIGRAPH_EXCEPTIONS: readonly string[] = [
  'injek', // injekcija, injektirati, injektor: in- + jek-
  'konjug', // konjugacija, konjugovati, konjugirati: kon- + jug-
  'konjunk', // konjunkcija, konjunktura, konjunktiv: kon- + junk-
  'vanjezi', // vanjezički, izvanjezični: van- + jezik
  'tanjug', // Tanjug, news agency: Telegrafska agencija nova Jugoslavija
  'nadživ', // nadživjeti, nadživeti, nadživljavati (whose lj stays љ): nad- + živ-
  'podžup', // podžupan, podžupanija: pod- + župan
  'podžanr', // podžanr: pod- + žanr
  'podžar', // podžariti, podžarivati: pod- + žariti
  'odžal', // odžaliti: od- + žaliti
]

const CYRILLIC_LETTERS: readonly (readonly [string, string])[] = [
  ['а', 'a'], ['б', 'b'], ['в', 'v'], ['г', 'g'], ['д', 'd'], ['ђ', 'đ'], ['е', 'e'], ['ж', 'ž'],
  ['з', 'z'], ['и', 'i'], ['ј', 'j'], ['к', 'k'], ['л', 'l'], ['љ', 'lj'], ['м', 'm'], ['н', 'n'],
  ['њ', 'nj'], ['о', 'o'], ['п', 'p'], ['р', 'r'], ['с', 's'], ['т', 't'], ['ћ', 'ć'], ['у', 'u'],
  ['ф', 'f'], ['х', 'h'], ['ц', 'c'], ['ч', 'č'], ['џ', 'dž'], ['ш', 'š'],
]
const TO_LATIN = new Map(CYRILLIC_LETTERS)
const TO_CYRILLIC = new Map(CYRILLIC_LETTERS.map(([cyrillic, latin]) => [latin, cyrillic]))
const SERBIAN_LATIN = new Set('abcčćdđefghijklmnoprsštuvzž')

// In "IV.В.7." the official FBiH Cyrillic text writes the section letter with the Cyrillic
// letter that looks like the Latin one (В for B): read look-alikes by their shape.
const LABEL_LOOK_ALIKES = new Map([['В', 'B'], ['Н', 'H'], ['Р', 'P'], ['С', 'C'], ['Х', 'X']])

const ROMAN_SOURCE = String.raw`(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})`
const ROMAN = new RegExp(`^${ROMAN_SOURCE}$`)
// Upper-case words that are also Roman numerals but much more often words: "I" (and),
// "V", "MI" (we), "LI" (the question particle). They count as numerals only in context.
const AMBIGUOUS_NUMERALS = new Set(['I', 'V', 'MI', 'LI'])
// Words that a Roman numeral follows: "člana I", "Glava V", "čl. I", "Amandman LI".
const UNIT_WORDS = new Set([
  'čl', 'član', 'člana', 'članu', 'članom', 'članak', 'članka', 'članku', 'članovi', 'članova', 'članci', 'članaka',
  'dio', 'dijela', 'dijelu', 'dijelom', 'dijelovi', 'dijelova', 'deo', 'dela', 'delu', 'delom',
  'glava', 'glave', 'glavi', 'glavu', 'glavom', 'poglavlje', 'poglavlja', 'poglavlju', 'poglavljem',
  'odjeljak', 'odjeljka', 'odjeljku', 'odeljak', 'odeljka', 'odeljku', 'odsjek', 'odsjeka', 'odsjeku',
  'tačka', 'tačke', 'tački', 'tačku', 'točka', 'točke', 'točki', 'točku',
  'amandman', 'amandmana', 'amandmanu', 'amandmanom', 'amandmani',
  'aneks', 'aneksa', 'aneksu', 'aneksom', 'prilog', 'priloga', 'prilogu', 'prilogom', 'knjiga', 'knjige', 'knjizi',
])

const STOP = String.raw`\s<>"“”„«»`
const URL = String.raw`(?:https?:\/\/|ftp:\/\/|www\.)[^${STOP}]+`
// Each pattern starts only where its run of characters starts (the look-behinds), so that
// a long text without spaces is scanned once, not once from every position.
const EMAIL = String.raw`(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-]+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)+`
const DOMAIN = String.raw`(?<![\p{L}\p{N}@.\/\-])[a-z0-9][a-z0-9\-]+(?:\.[a-z0-9\-]+)*\.(?:ba|com|org|net|eu|int|info|gov|edu|rs|hr|me)(?![\p{L}\p{N}])(?:\/[^${STOP}]*)?`
const LABEL = (letter: string) => String.raw`(?<![\p{L}\p{N}])${ROMAN_SOURCE}\.${letter}\.\d+(?:\.\d+)*`
const WORD = String.raw`[\p{L}\p{M}]+(?:-[\p{L}\p{M}]+)*`

const LATIN_SPANS = new RegExp(
  `(?<url>${URL})|(?<email>${EMAIL})|(?<domain>${DOMAIN})|(?<label>${LABEL('[A-Z]')})|(?<word>${WORD})`, 'gu',
)
const CYRILLIC_SPANS = new RegExp(`(?<url>${URL})|(?<email>${EMAIL})|(?<label>${LABEL(String.raw`\p{Lu}`)})|(?<word>${WORD})`, 'gu')

type Spans = Partial<Record<'url' | 'email' | 'domain' | 'label' | 'word', string>>

/**
 * Canonical composition, and the Latin digraph code points U+01C4–U+01CC (ǅ, ǈ, ǋ …)
 * split into two letters as NFKC does. Full NFKC would also rewrite m² as m2 and ½ as 1⁄2:
 * it would change the legal text, so only these nine characters are decomposed.
 */
function normalize(text: string): string {
  return text.replace(/[\u01C4-\u01CC]/g, (ligature) => ligature.normalize('NFKC')).normalize('NFC')
}

const isUpper = (char: string) => char !== char.toLowerCase()
const isLetter = (char: string) => /\p{L}/u.test(char)

/** Serbian Cyrillic → Latin: "Љубав" → "Ljubav", "ЉУБАВ" → "LJUBAV", "Џеп" → "Džep". */
export function toLatin(text: string): string {
  return normalize(text)
    .replace(CYRILLIC_SPANS, (match, ...args) => {
      const spans = args.at(-1) as Spans
      if (spans.label !== undefined) return labelToLatin(match)
      if (spans.word !== undefined) return wordToLatin(match)
      return match
    })
    .normalize('NFC')
}

function labelToLatin(label: string): string {
  return label.replace(/\p{Lu}/gu, (letter) => LABEL_LOOK_ALIKES.get(letter) ?? wordToLatin(letter))
}

function wordToLatin(word: string): string {
  const chars = [...word]
  return chars
    .map((char, i) => {
      const lower = char.toLowerCase()
      const latin = TO_LATIN.get(lower)
      if (latin === undefined) return char
      if (!isUpper(char)) return latin
      if (latin.length === 1) return latin.toUpperCase()
      // A digraph is all capitals when the word is: Љубав → Lj, ЉУБАВ → LJ, ХАЏ → DŽ.
      const next = chars.slice(i + 1).find(isLetter)
      const neighbour = next ?? chars.slice(0, i).reverse().find(isLetter)
      const allCaps = neighbour !== undefined && isUpper(neighbour)
      return allCaps ? latin.toUpperCase() : latin[0]!.toUpperCase() + latin.slice(1)
    })
    .join('')
}

/**
 * Serbian Latin → Cyrillic: "Ljubav" → "Љубав", "injekcija" → "инјекција" (see
 * DIGRAPH_EXCEPTIONS), "BiH" → "БиХ", "s. r." → "с. р.". URLs, e-mail addresses,
 * Roman numerals, foreign words and "IV.B.7." labels stay in Latin.
 */
export function toCyrillic(text: string): string {
  const input = normalize(text)
  return input
    .replace(LATIN_SPANS, (match, ...args) => {
      const spans = args.at(-1) as Spans
      if (spans.word === undefined) return match
      if (isForeign(match)) return match
      let start = args.at(-3) as number
      return match
        .split('-')
        .map((part) => {
          const converted = isRomanNumeral(part, input, start, start + part.length) ? part : wordToCyrillic(part)
          start += part.length + 1
          return converted
        })
        .join('-')
    })
    .normalize('NFC')
}

/** A word with q, w, x, y or another letter outside the Serbian Latin alphabet. */
function isForeign(word: string): boolean {
  return [...word].some((char) => /\p{Script=Latin}/u.test(char) && !SERBIAN_LATIN.has(char.toLowerCase()))
}

/**
 * Roman numerals are whole upper-case words. A well-formed numeral of two or more letters
 * ("II", "IV", "XII", "CIV") always is one. The single letters I and V and the words MI
 * and LI are words unless the context says numeral: followed by "." or ")" ("I.", "(IV)"),
 * followed by a dash ("I - OSNOVNE ODREDBE"), after a unit word ("člana I", "Glava V",
 * "čl. I"), or next to another numeral across a comma or i/ili/do ("I, II i III").
 * Lower-case letters are never numerals: "i", "v" are a word and a point letter.
 */
function isRomanNumeral(word: string, text: string, start: number, end: number): boolean {
  if (!ROMAN.test(word)) return false
  if (!AMBIGUOUS_NUMERALS.has(word)) return word.length >= 2
  // The context is a few words either side; no need to scan the whole text each time.
  const before = text.slice(Math.max(0, start - 64), start)
  const after = text.slice(end, end + 64)
  if (/^[.)]/.test(after) || /^[ \t\u00A0]*[-–—]/.test(after)) return true
  // Only the abbreviation "čl." may end in a dot: after "… ovog člana. I" a sentence begins.
  const [, unit, dot] = /(?<!\p{L})(\p{L}+)(\.?)[ \t\u00A0]+$/u.exec(before) ?? []
  const unitWord = unit?.toLowerCase()
  if (unitWord !== undefined && UNIT_WORDS.has(unitWord) && (dot === '' || unitWord === 'čl')) return true
  const nextNumeral = /^(?:\s*,\s*|\s+(?:i|ili|do)\s+)([IVXLCDM]+)(?![\p{L}\p{N}])/u.exec(after)?.[1]
  const previousNumeral = /(?<![\p{L}\p{N}])([IVXLCDM]+)(?:\s*,\s*|\s+(?:i|ili|do)\s+)$/u.exec(before)?.[1]
  return [nextNumeral, previousNumeral].some((numeral) => numeral !== undefined && ROMAN.test(numeral))
}

function wordToCyrillic(word: string): string {
  const lower = word.toLowerCase()
  // Positions are shared between the word and its lower case, so they must be as long.
  const twoLetters = lower.length === word.length ? exceptionPairs(lower) : new Set<number>()
  let out = ''
  for (let i = 0; i < word.length; i++) {
    const char = word[i]!
    const pair = lower.slice(i, i + 2)
    const digraph = pair.length === 2 && !twoLetters.has(i) ? TO_CYRILLIC.get(pair) : undefined
    const cyrillic = digraph ?? TO_CYRILLIC.get(lower[i]!)
    if (digraph !== undefined) i++
    // A digraph takes the case of its first letter: Lj, LJ → Љ; lj → љ.
    out += cyrillic === undefined ? char : isUpper(char) ? cyrillic.toUpperCase() : cyrillic
  }
  return out
}

/** Positions in a lower-case word where an l+j, n+j or d+ž pair is two letters. */
function exceptionPairs(lower: string): Set<number> {
  const positions = new Set<number>()
  for (const stem of DIGRAPH_EXCEPTIONS) {
    for (let at = lower.indexOf(stem); at !== -1; at = lower.indexOf(stem, at + 1)) {
      for (let i = 0; i < stem.length - 1; i++) {
        if (/^(?:lj|nj|dž)$/.test(stem.slice(i, i + 2))) positions.add(at + i)
      }
    }
  }
  return positions
}

/** Converts a text into the given script: `toLatin` or `toCyrillic`. */
export function transliterate(text: string, to: DraftScript): string {
  return to === 'latn' ? toLatin(text) : toCyrillic(text)
}

/**
 * A copy of a ProseMirror JSON document with every text node's `text` converted into the
 * given script. Attributes (ids, numbers) and marks are copied unchanged; the input is
 * never modified. Each text node is converted on its own, so a numeral that sits in its
 * own text node (in bold, say) loses the context of the words before it.
 */
export function transliterateDocument<T>(doc: T, to: DraftScript): T {
  return transliterateNode(doc, to) as T
}

function transliterateNode(value: unknown, to: DraftScript): unknown {
  if (Array.isArray(value)) return value.map((item) => transliterateNode(item, to))
  if (typeof value !== 'object' || value === null) return value
  const node: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) {
    if (key === 'text' && typeof field === 'string') node[key] = transliterate(field, to)
    else if (key === 'content') node[key] = transliterateNode(field, to)
    else node[key] = structuredClone(field)
  }
  return node
}
