import { toLatin } from '../../drafting/transliteration.ts'

/**
 * The text pipeline of search, for Bosnian, Croatian and Serbian in either script. Both
 * engines use it: lunr inside a draft's page and SQLite FTS5 across the site index and
 * query what `analyse` returns, so a query matches exactly when its analysed terms do.
 * Pure and framework-free: the browser imports it too. See docs/decisions/0016.
 */

// ---------------------------------------------------------------------------------------
// Folding

const NON_ASCII = /[^\x00-\x7F]/
const NON_ASCII_CHARS = /[^\x00-\x7F]/gu
const CYRILLIC = /[\u0400-\u04FF]/
// After NFKD a letter's diacritics are separate combining marks (č = c + ˇ); format
// characters (soft hyphen, zero-width space) sit inside words, so both are dropped.
const MARKS_AND_FORMATS = /[\p{M}\p{Cf}]/gu
const NOT_WORD = /[^\p{L}\p{N}]+/gu
const NOT_ASCII_WORD = /[^a-z0-9]+/g
// Letters that decomposition leaves whole. đ → dj, not d: "đak" and "djak" are one word.
// ð is the look-alike people type for đ.
const LETTERS = new Map([
  ['đ', 'dj'], ['ð', 'dj'], ['ł', 'l'], ['ø', 'o'], ['æ', 'ae'], ['œ', 'oe'], ['ß', 'ss'], ['ı', 'i'],
])
const SPECIAL_LETTERS = new RegExp(`[${[...LETTERS.keys()].join('')}]`, 'g')

/**
 * Text in the form search compares: lower case, Latin script, no diacritics
 * (č, ć → c; š → s; ž → z; đ → dj; dž → dz), punctuation and symbols as single spaces.
 * "Zaštita ĐAKA", "заштита ђака" and "zastita djaka" all give "zastita djaka".
 */
export function foldText(text: string): string {
  let folded = text.toLowerCase()
  // Most comments are ASCII once folded: they skip the Unicode work.
  if (NON_ASCII.test(folded)) folded = folded.replace(NON_ASCII_CHARS, foldChar)
  return folded.replace(NON_ASCII.test(folded) ? NOT_WORD : NOT_ASCII_WORD, ' ').trim()
}

// Each character folds on its own (all marks go, so the order NFKD gives them does not
// matter): a table of the characters met so far makes a Cyrillic comment ten times faster
// than converting it with toLatin as a whole. Bounded, as text can hold any character.
const FOLDED_CHARS = new Map<string, string>()
const FOLDED_CHARS_SIZE = 4096

function foldChar(char: string): string {
  let folded = FOLDED_CHARS.get(char)
  if (folded === undefined) {
    folded = stripMarks(char)
    // After the marks, so that accented Cyrillic (ѐ, ѝ) is plain Cyrillic first. Letter by
    // letter, toLatin is exact for lower case: capitals of lj/nj/dž and labels such as
    // "IV.В.7." are all it weighs beyond a letter's own Latin form.
    if (CYRILLIC.test(folded)) folded = stripMarks(toLatin(folded))
    folded = folded.replace(SPECIAL_LETTERS, (letter) => LETTERS.get(letter)!)
    if (FOLDED_CHARS.size < FOLDED_CHARS_SIZE) FOLDED_CHARS.set(char, folded)
  }
  return folded
}

/**
 * Lower case without diacritics. NFKD, not NFD: ligatures and compatibility forms (ǆ, ﬁ,
 * ᴬ, full-width digits) split too, and some of them become lower case only after it.
 */
function stripMarks(text: string): string {
  return text.normalize('NFKD').replace(MARKS_AND_FORMATS, '').toLowerCase()
}

/** The words of a text, folded: "Član 18a. (zaštita)" → ["clan", "18a", "zastita"]. */
export function tokenize(text: string): string[] {
  const folded = foldText(text)
  return folded === '' ? [] : folded.split(' ')
}

// ---------------------------------------------------------------------------------------
// Stemming. Works on folded tokens, so č/ć, š, ž are already c, s, z.

/** Shortest stem a suffix may leave; shorter words keep their endings. */
const MIN_STEM = 3

/**
 * Inflectional endings of nouns, adjectives and verbs, longest first; the first one that
 * leaves a long enough stem with a vowel is cut. The -ov-/-ev- of plurals (sudovi,
 * brojevi) is cut afterwards, see `stripPluralInfix`.
 */
const SUFFIXES = [
  'ama', 'ima', 'oga', 'omu', 'ome', 'ega', 'emu', 'uje', 'uju', 'aju',
  'ih', 'im', 'og', 'om', 'oj', 'eg', 'em',
  'a', 'e', 'i', 'o', 'u',
]
/**
 * Endings cut only after certain letters. -eg, -em follow soft consonants (c, s, z, j as in
 * lj, nj, and st of št): krajem, zemljistem, but problem. -aju is cut only from -iraju
 * verbs: elsewhere it is as often -aj + u (slucaju, sadrzaju).
 */
const AFTER_SOFT = /(?:[csjz]|st)$/
const CUT_ONLY_AFTER = new Map([
  ['ega', AFTER_SOFT], ['emu', AFTER_SOFT], ['eg', AFTER_SOFT], ['em', AFTER_SOFT], ['aju', /ir$/],
])
/**
 * Infinitives whose ending says they are verbs; their -ti goes before the endings above
 * (finansirati → finansira → finansir). A bare -ati/-iti is left alone: it is as often a
 * noun's plural (savjeti, rezultati, ispiti) or case (zastiti).
 */
const INFINITIVE = /(?:ira|isa|ova|iva|eva|ava|iti|ini)ti$/
const VOWEL = /[aeiou]/
const CONSONANT = /^[bcdfghklmnprstvz]$/
const DIGIT = /\d/
const PARTICIPLE = /[bcdfghklmnprstvz][aei]o$/

/**
 * Roots whose last letters look like an ending: no ending may be cut into them.
 * prilog is not pril-og, razvoj not razv-oj, program not progr-ama.
 */
const PROTECTED_ROOTS = [
  'prilog', 'razlog', 'predlog', 'prijedlog', 'nalog', 'zalog', 'dijalog', 'katalog', 'izlog',
  'razvoj', 'pokoj', 'broj', 'sloj', 'stroj', 'rezim', 'program', 'reklam', 'prijem', 'sistem',
]
const PROTECTED = new RegExp(PROTECTED_ROOTS.join('|'))

/**
 * Whole words whose stem the rules cannot reach: the l at the end of a word became o and
 * took a fleeting a with it (dio/dijela, posao/posla, misao/misli), or the stem grows in
 * the other cases (ime/imena).
 */
const WORD_STEMS = new Map([
  ['dio', 'del'], ['deo', 'del'], ['posao', 'posl'], ['misao', 'misl'], ['smisao', 'smisl'],
  ['ime', 'imen'],
])

/**
 * Stems the rules leave apart although they are one word. dijete/djeteta are one noun but
 * its plural is djeca (the -t- and the c are not a regular alternation); vrijeme has
 * vremena (an -n- stem); podatak has podaci. Keys and values are stems as the rules make them.
 */
const STEM_ALIASES = new Map([
  ['det', 'detet'], ['dec', 'detet'], ['decj', 'detet'], ['decij', 'detet'],
  ['vrem', 'vremen'], ['plem', 'plemen'], ['podc', 'podatc'],
])

// Velars at the end of a stem: k/č/c, g/ž/z and h/š/s alternate within one word
// (ruka/ruci, usluga/usluzi/uslužni, duh/duše). Folding already merged č with c.
const VELARS = new Map([['k', 'c'], ['g', 'z'], ['h', 's']])

const STEM_CACHE_SIZE = 50_000
const STEMS = new Map<string, string>()

/**
 * A light stem of a folded token, for search: "djeteta", "djeci", "dijete", "dete" → "detet";
 * "socijalnih", "socijalne" → "socijaln"; "usluga", "usluzi", "uslugama" → "usluz".
 * Ijekavian and ekavian forms meet: "mlijeko"/"mleko" → "mlec". Tokens with digits
 * ("18a") and short words are kept. Stems are search keys, not words.
 */
export function stem(token: string): string {
  if (token.length < MIN_STEM || DIGIT.test(token)) return token
  let cached = STEMS.get(token)
  if (cached === undefined) {
    // The vocabulary of a site is small next to its running text: remember, within bounds.
    if (STEMS.size >= STEM_CACHE_SIZE) STEMS.clear()
    cached = stemWord(token)
    STEMS.set(token, cached)
  }
  return cached
}

function stemWord(token: string): string {
  const known = WORD_STEMS.get(token)
  if (known !== undefined) return known
  let root = stripEnding(vocaliseParticiple(token))
  root = normaliseYat(root)
  root = stripPluralInfix(root)
  root = dropSingulative(root)
  root = dropFleetingA(root)
  root = restoreVelar(restoreInstrumental(root))
  return STEM_ALIASES.get(root) ?? root
}

/** Past participles end in -o for -l (radio/radila, pepeo/pepela): radio → radil. */
function vocaliseParticiple(token: string): string {
  if (token.length < 5 || !PARTICIPLE.test(token)) return token
  return token.slice(0, -1) + 'l'
}

function stripEnding(word: string): string {
  const token = INFINITIVE.test(word) ? word.slice(0, -2) : word
  for (const suffix of SUFFIXES) {
    if (!token.endsWith(suffix)) continue
    const root = token.slice(0, -suffix.length)
    if (!isStem(root)) continue
    if (CUT_ONLY_AFTER.get(suffix)?.test(root) === false) continue
    if (cutsProtectedRoot(token, root.length)) continue
    return root
  }
  return token
}

function isStem(root: string): boolean {
  return root.length >= MIN_STEM && VOWEL.test(root)
}

function cutsProtectedRoot(token: string, cut: number): boolean {
  const match = PROTECTED.exec(token)
  return match !== null && cut < match.index + match[0].length
}

/**
 * The reflex of the old vowel yat inside a stem, ijekavian → ekavian: after a consonant,
 * "ije" and "je" become "e" (mlijek → mlek, mjest → mest, rjesenj → resenj). Not at the
 * end of a stem, where -je belongs to the ending's neighbour (podrucj, pitanj, zemlj); not
 * after a vowel (projekt, kojeg). After lj and nj it is applied too: the je of misljenje
 * is no yat, but ekavian keeps it (misljenje), so both variants meet all the same.
 */
function normaliseYat(root: string): string {
  let out = ''
  for (let i = 0; i < root.length; i++) {
    const rest = root.length - i
    const previous = root[i - 1]
    const afterConsonant = previous !== undefined && CONSONANT.test(previous)
    if (root.startsWith('ije', i) && rest > 3 && afterConsonant) {
      out += 'e'
      i += 2
    } else if (root.startsWith('je', i) && rest > 2 && afterConsonant) {
      out += 'e'
      i += 1
    } else {
      out += root[i]
    }
  }
  return out
}

/** The -ov-/-ev- that one-syllable nouns take in the plural: sudov → sud, brojev → broj. */
function stripPluralInfix(root: string): string {
  if (!root.endsWith('ov') && !root.endsWith('ev')) return root
  const shorter = root.slice(0, -2)
  return isStem(shorter) ? shorter : root
}

/**
 * The fleeting a of the last syllable (postupak/postupka, obavezan/obavezna,
 * objekat/objekta) is dropped from every form, so that all forms meet without it.
 */
function dropFleetingA(root: string): string {
  const n = root.length
  if (n < 4 || root[n - 2] !== 'a' || !CONSONANT.test(root[n - 1]!) || !CONSONANT.test(root[n - 3]!)) return root
  const shorter = root.slice(0, -2) + root[n - 1]
  return isStem(shorter) ? shorter : root
}

/** The singular's -in of nouns of people (gradjanin, gradjani): gradjanin → gradjan. */
function dropSingulative(root: string): string {
  return root.endsWith('anin') && root.length >= 6 ? root.slice(0, -2) : root
}

/** -ost nouns make their instrumental in -scu (djelatnoscu): the stem -sc is -st. */
function restoreInstrumental(root: string): string {
  return root.endsWith('sc') ? root.slice(0, -1) + 't' : root
}

function restoreVelar(root: string): string {
  const velar = VELARS.get(root.at(-1)!)
  return velar === undefined ? root : root.slice(0, -1) + velar
}

// ---------------------------------------------------------------------------------------
// Analysis

/**
 * Function words dropped from what is indexed and searched, folded (što → sto, će → ce):
 * prepositions, conjunctions, particles, forms of biti and htjeti, pronouns.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'i', 'u', 'o', 's', 'k', 'na', 'za', 'od', 'do', 'iz', 'po', 'pri', 'sa', 'ka', 'uz', 'kod',
  'kroz', 'prema', 'nad', 'pod', 'pred', 'oko', 'izmedju', 'medju',
  'da', 'ili', 'te', 'ni', 'niti', 'pa', 'ali', 'ako', 'kao', 'kako', 'jer', 'dok', 'li', 'vec', 'jos',
  'nego', 'ne', 'odnosno', 'tj', 'npr', 'itd', 'sto', 'sta', 'upravo', 'tako', 'takodje', 'takodjer',
  'se', 'si', 'je', 'su', 'sam', 'smo', 'ste', 'biti', 'bi', 'bio', 'bila', 'bilo', 'bili', 'bile',
  'budem', 'budes', 'bude', 'budemo', 'budete', 'budu', 'nije', 'nisu', 'nisam',
  'ce', 'cu', 'ces', 'cemo', 'cete', 'nece', 'necu', 'neces', 'necemo', 'necete',
  'to', 'taj', 'ta', 'tog', 'toga', 'tom', 'tome', 'ti', 'tu', 'time',
  'ovaj', 'ova', 'ovo', 'ovog', 'ovoga', 'ovom', 'ovoj', 'ove', 'ovi', 'ovih', 'ovim', 'ovima', 'ovu',
  'on', 'ona', 'ono', 'oni', 'one', 'ga', 'mu', 'joj', 'ih', 'im', 'njega', 'njemu', 'nju', 'njih', 'njima',
  'mi', 'vi', 'nas', 'vas', 'nama', 'vama',
  ...declined(['koj', 'njegov', 'njihov', 'njen', 'njezin', 'svoj', 'moj', 'nas', 'vas', 'cij', 'nek', 'sv']),
])

/** The forms of pronouns declined like adjectives: koj → koji, koja, kojeg, kojima … */
function declined(stems: string[]): string[] {
  const endings = ['', 'i', 'a', 'o', 'e', 'u', 'og', 'oga', 'eg', 'ega', 'om', 'omu', 'em', 'emu', 'oj', 'im', 'ih', 'ima']
  return stems.flatMap((stem) => endings.map((ending) => stem + ending))
}

/** What search indexes and looks up: words, less STOP_WORDS, stemmed. */
export function analyse(text: string): string[] {
  const terms: string[] = []
  for (const token of tokenize(text)) {
    if (!STOP_WORDS.has(token)) terms.push(stem(token))
  }
  return terms
}

// ---------------------------------------------------------------------------------------
// Article references

// član, člana, članu, članom, čl., članak, članka, članku (Croatian), члан, чл. — with or
// without diacritics — then a number with at most one letter: 12, 12., 18a.
const ARTICLE_REFERENCE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])[čcćч][lл](?:[aа][nн](?:[aа][kк]|[kк](?:[aа]|[uу]|[oо][mм])|[aа]|[uу]|[oо][mм])?)?` +
    String.raw`\.?\s*(\d+)([a-zа-ш]?)(?![\p{L}\p{N}])\.?`,
  'iu',
)

/**
 * An article reference in a search query: "član 12", "čl. 12", "clan 12.", "članak 12",
 * "члан 12", "чл. 12", "Član 18a", "cl 5" → { number: "12" | "18a" | "5", rest }, where
 * rest is the query without the reference. null when the query names no article.
 */
export function parseArticleReference(query: string): { number: string; rest: string } | null {
  const match = ARTICLE_REFERENCE.exec(query)
  if (match === null) return null
  const [whole, digits, letter] = match
  const rest = (query.slice(0, match.index) + ' ' + query.slice(match.index + whole.length)).replace(/\s+/g, ' ').trim()
  return { number: digits! + foldText(letter ?? ''), rest }
}
