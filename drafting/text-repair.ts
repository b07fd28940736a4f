import { toLatin } from './transliteration.ts'

/**
 * Repairs the damage that legal texts from BiH carry when they arrive as files: the copy
 * is repaired, never the original, and every repair is reported so a person can check it.
 * Pure: no I/O. Line numbers in the reports are 1-based lines of the raw text; the
 * repaired text keeps the same lines (a removed line becomes an empty one).
 *
 * Order (see shared/domain/legal-structure.md, "What software must handle"):
 * Unicode normalisation → encoding (mojibake) → compatibility letters → page furniture →
 * YUSCII → homoglyphs → lost letters → OCR digits → letter spacing.
 */

/**
 * What was repaired:
 * - `mojibake`: UTF-8 read with a wrong code page (CP852 "─îlan", Windows-1250 "ÄŤ") re-read;
 * - `compatibility`: ligature letters split (ǈ → Lj), full-width and invisible characters;
 * - `page-furniture`: "Page 2", "Stranica 3 od 10", bare page numbers, wiki "[uredi]" removed;
 * - `yuscii`: a 7-bit YUSCII font read as ASCII ("ta~ke" → "tačke");
 * - `homoglyph`: a word mixing Latin and Cyrillic look-alikes brought to one script;
 * - `lost-letter`: a label whose first letter a PDF extractor lost ("lan 1." → "Član 1.");
 * - `ocr-digit`: the letter l read for the digit 1 in a number slot ("Član l." → "Član 1.");
 * - `letter-spacing`: a letter-spaced word closed up ("Z A K O N" → "ZAKON"), or a lost space
 *   put back ("ZAKONO RATIFIKACIJI" → "ZAKON O RATIFIKACIJI").
 */
export type RepairKind =
  | 'mojibake'
  | 'compatibility'
  | 'page-furniture'
  | 'yuscii'
  | 'homoglyph'
  | 'lost-letter'
  | 'ocr-digit'
  | 'letter-spacing'

/** One repair: where (1-based line), what kind, and the text before and after it. */
export interface Repair {
  kind: RepairKind
  line: number
  before: string
  after: string
}

/**
 * Damage that cannot be repaired safely, only reported:
 * - `stripped-diacritics`: a Latin text without č ć đ š ž ("Clanak 1."); no safe restore;
 * - `mixed-script-word`: a word mixing scripts with letters that have no look-alike;
 * - `lost-letters`: labels lost their Č and the text has no č ć đ š ž: a PDF extractor
 *   dropped those letters everywhere ("ureuju" for "uređuju"); a person restores them.
 */
export type TextWarningKind = 'stripped-diacritics' | 'mixed-script-word' | 'lost-letters'

export interface TextWarning {
  kind: TextWarningKind
  line: number | null
  message: string
}

export interface RepairedText {
  text: string
  repairs: Repair[]
  warnings: TextWarning[]
}

// ---------------------------------------------------------------------------------------
// Code pages

/** CP852 (DOS Latin 2), bytes 0x80 … 0xFF. */
const CP852_HIGH =
  'ÇüéâäůćçłëŐőîŹÄĆÉĹĺôöĽľŚśÖÜŤťŁ×čáíóúĄąŽžĘę¬źČş«»░▒▓│┤ÁÂĚŞ╣║╗╝Żż┐└┴┬├─┼Ăă╚╔╩╦╠═╬¤đĐĎËďŇÍÎě┘┌█▄ŢŮ▀ÓßÔŃńňŠšŔÚŕŰýÝţ´\u00AD˝˛ˇ˘§÷¸°¨˙űŘř■\u00A0'

/** Windows-1250, bytes 0x80 … 0xFF (undefined bytes read as the C1 control of the same value). */
const CP1250_HIGH = (() => {
  let s = ''
  const decoder = new TextDecoder('windows-1250')
  for (let b = 0x80; b <= 0xff; b++) s += decoder.decode(new Uint8Array([b]))
  return s
})()

const byteMap = (high: string): Map<string, number> => {
  const map = new Map<string, number>()
  for (let i = 0; i < high.length; i++) map.set(high[i]!, 0x80 + i)
  return map
}
const CP852_BYTES = byteMap(CP852_HIGH)
const CP1250_BYTES = byteMap(CP1250_HIGH)

/** Decodes bytes of a single-byte legacy code page used for BHS texts. */
export function decodeSingleByte(bytes: Uint8Array, encoding: 'cp852' | 'windows-1250'): string {
  if (encoding === 'windows-1250') return new TextDecoder('windows-1250').decode(bytes)
  let out = ''
  for (const b of bytes) out += b < 0x80 ? String.fromCharCode(b) : CP852_HIGH[b - 0x80]!
  return out
}

// ---------------------------------------------------------------------------------------
// Letters and scripts

const BHS_DIACRITICS = /[čćđšžČĆĐŠŽ]/u
const LATIN = /\p{Script=Latin}/u
const CYRILLIC = /\p{Script=Cyrillic}/u
const LETTER = /\p{L}/u

const LOOK_ALIKES: readonly (readonly [string, string])[] = [
  ['A', 'А'], ['a', 'а'], ['B', 'В'], ['E', 'Е'], ['e', 'е'], ['K', 'К'], ['M', 'М'], ['H', 'Н'],
  ['O', 'О'], ['o', 'о'], ['P', 'Р'], ['p', 'р'], ['C', 'С'], ['c', 'с'], ['T', 'Т'], ['X', 'Х'],
  ['x', 'х'], ['y', 'у'], ['J', 'Ј'], ['j', 'ј'],
]
const LATIN_TO_CYRILLIC = new Map(LOOK_ALIKES)
const CYRILLIC_TO_LATIN = new Map(LOOK_ALIKES.map(([l, c]) => [c, l]))

type Script = 'latn' | 'cyrl'

/** Latin and Cyrillic letters in a text (the letters BHS texts use; a loop, since texts are long). */
function scriptCounts(text: string): { latn: number; cyrl: number } {
  let latn = 0
  let cyrl = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7) || (c >= 0x1e00 && c <= 0x1eff)) latn++
    else if (c >= 0x400 && c <= 0x4ff) cyrl++
  }
  return { latn, cyrl }
}

function dominant(counts: { latn: number; cyrl: number }, fallback: Script): Script {
  if (counts.latn > counts.cyrl) return 'latn'
  if (counts.cyrl > counts.latn) return 'cyrl'
  return fallback
}

// ---------------------------------------------------------------------------------------
// The steps, each on one line

interface LineContext {
  line: number
  repairs: Repair[]
  warnings: TextWarning[]
  yuscii: boolean
  textScript: Script
}

/** Applies `f` to each space-delimited token and reports each changed token. */
function byToken(text: string, kind: RepairKind, ctx: LineContext, f: (token: string) => string): string {
  return text
    .split(/([ \t]+)/)
    .map((token, i) => {
      if (i % 2 === 1 || token === '') return token
      const after = f(token)
      if (after !== token) ctx.repairs.push({ kind, line: ctx.line, before: token, after })
      return after
    })
    .join('')
}

interface MojibakeHit {
  start: number
  length: number
  char: string
  cyrillic: boolean
}

const UTF8 = new TextDecoder('utf-8', { fatal: true })

function decodeRun(token: string, start: number, bytes: Map<string, number>): { length: number; char: string } | null {
  const lead = bytes.get(token[start]!)
  if (lead === undefined || lead < 0xc2 || lead > 0xef) return null
  const need = lead >= 0xe0 ? 2 : 1
  const seq = [lead]
  for (let k = 1; k <= need; k++) {
    const b = bytes.get(token[start + k] ?? '')
    if (b === undefined || b < 0x80 || b > 0xbf) return null
    seq.push(b)
  }
  try {
    const char = UTF8.decode(new Uint8Array(seq))
    return [...char].length === 1 ? { length: need + 1, char } : null
  } catch {
    return null
  }
}

/** Whether a decoded character is one a BHS text plausibly holds. */
function plausible(char: string, lead: string): boolean {
  const code = char.codePointAt(0)!
  if (code < 0xa0) return false
  if (code >= 0x2010 && code <= 0x206f) return true // dashes, quotes, ellipsis
  if (code === 0x20ac) return true // €
  if (CYRILLIC.test(char)) return true
  if (LETTER.test(char)) return true
  // « » ° § and no-break space only behind CP852's box-drawing lead, never found in prose
  return '┬├─┼'.includes(lead) && /[«»°§\u00A0]/u.test(char)
}

/**
 * Re-reads each run of two or three characters that is a UTF-8 sequence seen through
 * CP852 ("─î" → "Č", "┼í" → "š") or Windows-1250 ("ÄŤ" → "č"). Per run, not per file:
 * the same file often also holds correct letters. A Cyrillic letter is accepted only in
 * a run of at least two, since "đ" followed by a CP852 letter can be real Latin text.
 */
const MOJIBAKE_LEAD = /[┬├─┼Ôđ\u0110ÂĂÄĹâŃ]/u

function repairMojibake(token: string): string {
  if (!MOJIBAKE_LEAD.test(token)) return token
  const hits: MojibakeHit[] = []
  let i = 0
  while (i < token.length) {
    let hit: MojibakeHit | null = null
    for (const [bytes, leads] of [[CP852_BYTES, '┬├─┼Ôđ\u0110'], [CP1250_BYTES, 'ÂĂÄĹâĐŃ']] as const) {
      if (!leads.includes(token[i]!)) continue
      const run = decodeRun(token, i, bytes)
      if (run && plausible(run.char, token[i]!)) {
        hit = { start: i, length: run.length, char: run.char, cyrillic: CYRILLIC.test(run.char) }
        break
      }
    }
    if (hit) {
      hits.push(hit)
      i += hit.length
    } else i++
  }
  if (hits.length === 0) return token
  const accepted = hits.filter((h, k) => {
    if (!h.cyrillic) return true
    const prev = hits[k - 1]
    const next = hits[k + 1]
    return (prev?.cyrillic && prev.start + prev.length === h.start) || (next?.cyrillic && h.start + h.length === next.start)
  })
  let out = ''
  let at = 0
  for (const h of accepted) {
    out += token.slice(at, h.start) + h.char
    at = h.start + h.length
  }
  return out + token.slice(at)
}

const COMPATIBILITY = new Map<string, string>([
  ['Ǆ', 'DŽ'], ['ǅ', 'Dž'], ['ǆ', 'dž'], ['Ǉ', 'LJ'], ['ǈ', 'Lj'], ['ǉ', 'lj'], ['Ǌ', 'NJ'], ['ǋ', 'Nj'], ['ǌ', 'nj'],
  ['ﬀ', 'ff'], ['ﬁ', 'fi'], ['ﬂ', 'fl'], ['ﬃ', 'ffi'], ['ﬄ', 'ffl'], ['ﬅ', 'st'], ['ﬆ', 'st'],
])
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t]/gu

/**
 * What NFKC would do that is safe for legal text: ligature letters split (ǈ → Lj, which
 * NFC keeps whole), typographic ligatures, full-width ASCII, odd spaces. Superscript
 * footnote digits, "…" and "½" stay as written, which NFKC would not keep.
 */
const COMPATIBILITY_CHARS = /[\u00AD\u200B-\u200D\u2060\uFEFF\u01C4-\u01CC\uFB00-\uFB06\uFF01-\uFF5E]/u

function repairCompatibility(text: string, ctx: LineContext): string {
  const out = text.replace(ODD_SPACES, ' ')
  if (!COMPATIBILITY_CHARS.test(out)) return out
  return byToken(out, 'compatibility', ctx, (token) =>
    token
      .replace(INVISIBLE, '')
      .replace(/[\u01C4-\u01CC\uFB00-\uFB06]/gu, (ch) => COMPATIBILITY.get(ch) ?? ch)
      .replace(/[\uFF01-\uFF5E]/gu, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)),
  )
}

const WIKI_LINKS = /\[(?:uredi|уреди|edit|uredi izvor|уреди извор)(?:\s*\|\s*(?:uredi|уреди|edit)(?:\s+(?:izvor|извор|source))?)?\]/giu
const PAGE_LINE =
  /^(?:[-–—]\s*\d{1,4}\s*[-–—]|\d{1,4}|(?:you are on\s+)?(?:page|strana|stranica|str\.|страна|страница|стр\.)\s*\d{1,4}(?:\s*(?:od|of|од|\/)\s*\d{1,4})?\s*:?|\d{1,4}\s*(?:\/|od|of|од)\s*\d{1,4})$/iu
const PAGE_PREFIX = /^page\s+\d{1,4}\s*:\s+/iu
const RUNNING_HEADER = /^(?:služben[aeiou]\s+(?:novine|glasnik|list)|службен[аеиоу]\s+(?:новине|гласник|лист)).{0,80}\b(?:strana|stranica|str\.|страна|стр\.)\s*\d{1,4}$/iu

/** Removes page furniture: whole lines ("Page 2", "- 3 -", "Stranica 3 od 10") and wiki links. */
function removePageFurniture(text: string, ctx: LineContext): string {
  const trimmed = text.trim()
  if (trimmed && (PAGE_LINE.test(trimmed) || RUNNING_HEADER.test(trimmed))) {
    ctx.repairs.push({ kind: 'page-furniture', line: ctx.line, before: trimmed, after: '' })
    return ''
  }
  let out = text
  const prefix = PAGE_PREFIX.exec(out.trimStart())
  if (prefix) {
    ctx.repairs.push({ kind: 'page-furniture', line: ctx.line, before: prefix[0].trim(), after: '' })
    out = out.trimStart().slice(prefix[0].length)
  }
  return out.replace(WIKI_LINKS, (link) => {
    ctx.repairs.push({ kind: 'page-furniture', line: ctx.line, before: link, after: '' })
    return ''
  })
}

const YUSCII_MAP = new Map([
  ['@', 'Ž'], ['[', 'Š'], ['\\', 'Đ'], [']', 'Ć'], ['^', 'Č'],
  ['`', 'ž'], ['{', 'š'], ['|', 'đ'], ['}', 'ć'], ['~', 'č'],
])
const YUSCII_INSIDE_WORD = /(?<=\p{L})[`{|}~](?=\p{L})/gu

/**
 * Whether a text was typed in a YUSCII font: several of ` { | } ~ inside words, more than
 * the real č ć đ š ž it has (a lone one is enough when it has none), or "^lan" opening a
 * line. Square brackets alone prove nothing: wiki copies have "[uredi]".
 */
function looksYuscii(text: string): boolean {
  const inside = (text.match(YUSCII_INSIDE_WORD) ?? []).length
  const labels = (text.match(/^\s*\^(?:lan|LAN)/gmu) ?? []).length
  const score = inside + 2 * labels
  // A YUSCII text has no real č ć đ š ž; a modern text with a stray "a|b" has many.
  const real = text.match(/[čćđšžČĆĐŠŽ]/gu)?.length ?? 0
  return (score >= 2 && score > real) || (score >= 1 && real === 0)
}

function repairYuscii(token: string): string {
  if (!LETTER.test(token) || token.includes('://') || /\S@\S+\.\S/u.test(token)) return token
  let core = token
  let open = ''
  let close = ''
  // "[sic]", "[1]": brackets around a whole word are brackets
  const bracketed = /^(\[)(.*?)(\][.,;:]?)$/u.exec(token)
  if (bracketed) {
    open = bracketed[1]!
    core = bracketed[2]!
    close = bracketed[3]!
  }
  const chars = [...core]
  const mapped = chars.map((ch, i) => {
    const to = YUSCII_MAP.get(ch)
    if (!to) return ch
    const near = (c: string | undefined) => c !== undefined && (LETTER.test(c) || YUSCII_MAP.has(c))
    return near(chars[i - 1]) || near(chars[i + 1]) ? to : ch
  })
  return open + mapped.join('') + close
}

const ROMAN_NUMERAL = /^(?=[IVXLCDM])M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u

/** A word of letters and digits inside a token: where homoglyphs live. */
const WORD_RUN = /[\p{L}\p{M}\d]+/gu

/**
 * Brings a word that mixes scripts to the script of most of its own letters ("ОДРEДБE" →
 * "ОДРЕДБЕ"); a word made only of look-alikes follows the rest of its line. A Cyrillic
 * word typed with the digit 3 ("3AKOHA") is read as Cyrillic ("ЗАКОНА"), then written in
 * Latin when the rest of its line is Latin ("STRUKTURA ZAKONA").
 */
function repairHomoglyphs(token: string, lineCounts: { latn: number; cyrl: number }, ctx: LineContext): string {
  return token.replace(WORD_RUN, (word) => {
    const own = scriptCounts(word)
    const others = { latn: lineCounts.latn - own.latn, cyrl: lineCounts.cyrl - own.cyrl }
    const lineScript: Script | null = others.latn + others.cyrl > 0 ? dominant(others, ctx.textScript) : null
    const letters = [...word].filter((ch) => LETTER.test(ch))
    const hasLatin = letters.some((ch) => LATIN.test(ch))
    const hasCyrillic = letters.some((ch) => CYRILLIC.test(ch))
    // "3AKOHA": a Cyrillic word typed with the digit 3 and Latin look-alikes
    if (
      /3/u.test(word) && /^[3\p{Lu}]+$/u.test(word) && letters.length >= 3 &&
      letters.every((ch) => CYRILLIC.test(ch) || LATIN_TO_CYRILLIC.has(ch))
    ) {
      const cyrillic = [...word].map((ch) => (ch === '3' ? 'З' : (LATIN_TO_CYRILLIC.get(ch) ?? ch))).join('')
      return lineScript === 'latn' ? toLatin(cyrillic) : cyrillic
    }
    if (!hasLatin || !hasCyrillic) {
      // "Konvencijom о pravima" with a Cyrillic о: a word of look-alikes only, in a line
      // clearly written in the other script. Roman numerals (X, C, M) stay Latin.
      const strong = others.latn + others.cyrl >= 10 && Math.max(others.latn, others.cyrl) >= 0.8 * (others.latn + others.cyrl)
      if (!strong || letters.length === 0 || ROMAN_NUMERAL.test(word)) return word
      const map = hasLatin ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN
      if (lineScript === (hasLatin ? 'latn' : 'cyrl') || !letters.every((ch) => map.has(ch))) return word
      return [...word].map((ch) => map.get(ch) ?? ch).join('')
    }
    const latinOnly = letters.filter((ch) => LATIN.test(ch) && !LATIN_TO_CYRILLIC.has(ch)).length
    const cyrillicOnly = letters.filter((ch) => CYRILLIC.test(ch) && !CYRILLIC_TO_LATIN.has(ch)).length
    const target = dominant({ latn: latinOnly, cyrl: cyrillicOnly }, lineScript ?? ctx.textScript)
    const map = target === 'cyrl' ? LATIN_TO_CYRILLIC : CYRILLIC_TO_LATIN
    const out = [...word].map((ch) => map.get(ch) ?? ch).join('')
    const stillMixed = [...out].some((ch) => LATIN.test(ch)) && [...out].some((ch) => CYRILLIC.test(ch))
    if (stillMixed) {
      ctx.warnings.push({
        kind: 'mixed-script-word',
        line: ctx.line,
        message: `"${word}" mixes Latin and Cyrillic letters that have no look-alike in the other script; check it by hand.`,
      })
    }
    return out
  })
}

const NUMBER_AHEAD = String.raw`(?=\s+[\dl]{1,4}(?:\s?[a-zа-ш])?(?:[.\s(]|$))`
const LOST_LETTER = new RegExp(String.raw`^(["„“”«]?)(lan|lanak|LAN|LANAK|лан|ланак|ЛАН|ЛАНАК)${NUMBER_AHEAD}`, 'u')
const CARET_LABEL = new RegExp(String.raw`^(["„“”«]?)\^(lan|lanak|LAN|LANAK)${NUMBER_AHEAD}`, 'u')

/** "lan 1." at the start of a line is "Član 1." whose Č a PDF extractor lost. */
function repairLostLetter(text: string, ctx: LineContext): string {
  const caret = CARET_LABEL.exec(text)
  if (caret) {
    const after = `${caret[1]}Č${caret[2]}`
    ctx.repairs.push({ kind: 'yuscii', line: ctx.line, before: caret[0], after })
    return after + text.slice(caret[0].length)
  }
  const lost = LOST_LETTER.exec(text)
  if (!lost) return text
  const word = lost[2]!
  const after = `${lost[1]}${CYRILLIC.test(word) ? 'Ч' : 'Č'}${word}`
  ctx.repairs.push({ kind: 'lost-letter', line: ctx.line, before: lost[0], after })
  return after + text.slice(lost[0].length)
}

const LABEL_WORD = String.raw`(?:[ČčCc]lan(?:ak)?|[ČC]LAN(?:AK)?|[Чч]лан(?:ак)?|ЧЛАН(?:АК)?)`
const LABEL_NUMBER = new RegExp(
  String.raw`^(["„“”«]?${LABEL_WORD}\s+)([\dl]*l[\dl]*|\d+O\d*|O\d+)(?=\s?[a-zа-ш]?\.|\s?[a-zа-ш]?$|\s?[a-h]?\s)`,
  'u',
)
const REFERENCE_WORD = String.raw`(?:[ČčCc]lan(?:a|u|om|ak|ka|ku)?|[Ss]tav(?:a|u|ak|ka|ku)?|[Tt][aoč]?[čc]k[aeiu]|[Čč]l\.|[Ss]t\.|[Bb]r\.)`
const REFERENCE_NUMBER = new RegExp(String.raw`(?<=(?:^|[\s(])${REFERENCE_WORD}\s)([\dl]*l[\dl]*)(?=[a-h]?[.,;]|[a-h]?\s|[a-h]?$)`, 'gu')
const PARAGRAPH_NUMBER = /^\(([\dl]*l[\dl]*)\)(?=\s|$)/u

const digits = (s: string) => s.replace(/l/g, '1').replace(/O/g, '0')

/** The letter l read for the digit 1 (and O for 0 next to digits), only where a number must stand. */
function repairOcrDigits(text: string, ctx: LineContext): string {
  let out = text
  const label = LABEL_NUMBER.exec(out)
  if (label) {
    const fixed = digits(label[2]!)
    ctx.repairs.push({ kind: 'ocr-digit', line: ctx.line, before: label[0], after: label[1] + fixed })
    out = label[1] + fixed + out.slice(label[0].length)
  }
  const paragraph = PARAGRAPH_NUMBER.exec(out)
  if (paragraph) {
    const fixed = `(${digits(paragraph[1]!)})`
    ctx.repairs.push({ kind: 'ocr-digit', line: ctx.line, before: paragraph[0], after: fixed })
    out = fixed + out.slice(paragraph[0].length)
  }
  return out.replace(REFERENCE_NUMBER, (token, _m: string, offset: number, whole: string) => {
    const fixed = digits(token)
    const before = whole.slice(Math.max(0, whole.lastIndexOf(' ', offset - 2) + 1), offset) + token
    ctx.repairs.push({ kind: 'ocr-digit', line: ctx.line, before, after: before.slice(0, -token.length) + fixed })
    return fixed
  })
}

/** Words that appear letter-spaced on title pages, longest first within each script. */
const SPACED_WORDS = [
  'OBRAZLOŽENJE', 'OBRAZLOZENJE', 'PREDNACRT', 'PRAVILNIK', 'PRIJEDLOG', 'POSLOVNIK', 'AMANDMAN', 'UPUTSTVO',
  'NAREDBA', 'NAREDBU', 'PRAVILA', 'ZAKONA', 'ZAKONU', 'ODLUKA', 'ODLUKU', 'UREDBA', 'UREDBU', 'STATUT', 'ZAKON', 'NACRT', 'UKAZ',
  'ОБРАЗЛОЖЕЊЕ', 'ПРЕДНАЦРТ', 'ПРАВИЛНИК', 'ПРИЈЕДЛОГ', 'ПРАВИЛА', 'ЗАКОНА', 'ОДЛУКА', 'ОДЛУКУ', 'УРЕДБА', 'УРЕДБУ', 'ЗАКОН', 'НАЦРТ', 'УКАЗ',
]
const SINGLE_LETTER_WORDS = new Set(['O', 'I', 'U', 'S', 'A', 'K', 'Z', 'О', 'И', 'У', 'С', 'А', 'К'])
const SPACED_RUN = /^((?:(?:NJ|LJ|DŽ|\p{Lu}) ){2,}(?:NJ|LJ|DŽ|\p{Lu}))(?= |$)/u

/**
 * Closes up a letter-spaced word at the start of a line when it is a known title word:
 * "Z A K O N O PODRŠCI" → "ZAKON O PODRŠCI" (the trailing O is the preposition),
 * "O B R A Z L O Ž E NJ E" → "OBRAZLOŽENJE". Unknown runs stay as written.
 */
function closeLetterSpacing(text: string, ctx: LineContext): string {
  // "ZAKONO RATIFIKACIJI": the space between the act and its preposition lost
  const glued = /^(ZAKON|ЗАКОН)(O|О) (?=\p{Lu})/u.exec(text)
  if (glued) {
    ctx.repairs.push({ kind: 'letter-spacing', line: ctx.line, before: glued[0].trim(), after: `${glued[1]} ${glued[2]}` })
    return `${glued[1]} ${glued[2]} ${text.slice(glued[0].length)}`
  }
  const trimmed = text.trim()
  const run = SPACED_RUN.exec(trimmed)
  if (!run) return text
  const letters = run[1]!.split(' ')
  const joined = letters.join('')
  for (const word of SPACED_WORDS) {
    if (!joined.startsWith(word)) continue
    let used = 0
    let length = 0
    while (length < word.length) length += letters[used++]!.length
    if (length !== word.length) continue
    const rest = letters.slice(used)
    if (!rest.every((l) => SINGLE_LETTER_WORDS.has(l))) continue
    const after = [word, ...rest].join(' ')
    ctx.repairs.push({ kind: 'letter-spacing', line: ctx.line, before: run[1]!, after })
    return after + trimmed.slice(run[1]!.length)
  }
  return text
}

// ---------------------------------------------------------------------------------------

/**
 * Repairs a raw text and reports each repair. Stripped diacritics cannot be restored
 * (cesta/česta, sto/što): they are detected and reported as a warning; the importer
 * matches labels tolerantly ("Clan", "Clanak") instead.
 */
export function repairText(raw: string): RepairedText {
  const repairs: Repair[] = []
  const warnings: TextWarning[] = []
  const normalised = raw.replace(/^\uFEFF/u, '').normalize('NFC')
  const lines = normalised.split(/\r\n|\n|\r/)
  const yuscii = looksYuscii(normalised)
  const textScript = dominant(scriptCounts(normalised), 'latn')
  const out = lines.map((original, index) => {
    const ctx: LineContext = { line: index + 1, repairs, warnings, yuscii, textScript }
    let line = byToken(original, 'mojibake', ctx, repairMojibake)
    line = repairCompatibility(line, ctx)
    line = removePageFurniture(line, ctx)
    if (yuscii) line = byToken(line, 'yuscii', ctx, repairYuscii)
    const counts = scriptCounts(line)
    // Homoglyphs need both scripts in a line, or the digit 3 standing for З.
    if ((counts.latn > 0 && counts.cyrl > 0) || /3\p{Lu}|\p{Lu}3/u.test(line)) {
      line = byToken(line, 'homoglyph', ctx, (token) => repairHomoglyphs(token, counts, ctx))
    }
    // The steps below look at the start of the line: keep its indentation aside.
    const indent = /^\s*/u.exec(line)![0]
    let body = line.slice(indent.length)
    body = repairLostLetter(body, ctx)
    body = repairOcrDigits(body, ctx)
    body = closeLetterSpacing(body, ctx)
    return (indent + body).normalize('NFC')
  })
  const text = out.join('\n')
  const lostLabel = repairs.find((r) => r.kind === 'lost-letter')
  if (lostLabel && !BHS_DIACRITICS.test(normalised)) {
    warnings.push({
      kind: 'lost-letters',
      line: lostLabel.line,
      message:
        'Labels had lost their first letter ("lan 1.") and the text has no č, ć, đ, š or ž: these letters were probably dropped ' +
        'everywhere ("ureuju" for "uređuju"). Labels were repaired; the words need a person to restore them.',
    })
  } else {
    const stripped = detectStrippedDiacritics(out)
    if (stripped) warnings.push(stripped)
  }
  return { text, repairs, warnings }
}

/**
 * A Latin text that should have č ć đ š ž and has none: labels written "Clan"/"Clanak",
 * or a long text (200 words or more) without a single one of them.
 */
function detectStrippedDiacritics(lines: string[]): TextWarning | null {
  const text = lines.join('\n')
  if (BHS_DIACRITICS.test(text)) return null
  const counts = scriptCounts(text)
  if (counts.latn <= counts.cyrl) return null
  const labelLine = lines.findIndex((l) => /^\s*(?:Clan|Clanak|CLAN|CLANAK)\s+\d/u.test(l))
  const words = text.match(/\p{L}+/gu)?.length ?? 0
  if (labelLine < 0 && words < 200) return null
  return {
    kind: 'stripped-diacritics',
    line: labelLine >= 0 ? labelLine + 1 : null,
    message:
      'The text has no č, ć, đ, š or ž: its diacritics seem to have been stripped. They cannot be restored safely; ' +
      'labels are read tolerantly and search ignores diacritics, but the text needs a person to restore them.',
  }
}
