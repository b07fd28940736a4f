import type { Node } from 'prosemirror-model'
import { newNodeId } from './node-id.ts'
import { parseDocument } from './document.ts'
import type { NumberingMode } from './numbering.ts'
import { repairText, type Repair, type RepairKind, type TextWarningKind } from './text-repair.ts'
import { linkWrittenReferences } from './import-references.ts'

/**
 * Reads a legal act written as plain text (typed, copied from a web page, extracted from
 * a PDF or a .docx) into a document of the legal schema, and reports what it did.
 *
 * The text is repaired first (see text-repair.ts). Then:
 * - front matter: cover lines ("BOSNA I HERCEGOVINA …", "NACRT", "Sarajevo, juli 2018.
 *   godine"), gazette headers and site headers ("22. ZAKON …") are put aside; the title
 *   is the last title-like line group before the body ("ZAKON" / "O IZMJENAMA …" joined);
 *   the legal basis ("Na osnovu člana …", "Na temelju članka …", "На основу члана …") and
 *   a promulgation decree (UKAZ … "s. r.") become the preamble;
 * - parts: "DIO PRVI – …", "PRVI DIO", heading on the same or the next line;
 * - chapters: "POGLAVLJE I. …", "GLAVA I", and bare Roman headings ("I - OSNOVNE ODREDBE",
 *   "I. ОПШТЕ ОДРЕДБЕ", "II SOCIJALNA ZAŠTITA"), which are chapters, not parts: they are
 *   numbered with Roman numerals as chapters are, and sit inside parts where a text has
 *   both; an unnumbered upper-case heading right before an article is a chapter too;
 * - sections: "ODJELJAK A. …" and numbered sub-headings right before an article
 *   ("1. Korisnici socijalne zaštite");
 * - articles: "Član 1", "ČLAN 1.", "Članak 3.", "Clanak 3.", "Члан 2.", "Član 79 a.", with
 *   the heading in parentheses on the same line or the next, unbracketed on the same line,
 *   or above the label (the newer RS style);
 * - paragraphs "(1)" (also several on one line, or the number alone on its line), or
 *   unnumbered; points "a)", "1)", "1.", "а)"; sub-points "1." inside a point that ends
 *   with a colon; indents "-", "–", "•";
 * - a line that starts no unit and follows text not ending in . : ; continues that text
 *   (a sentence broken by a PDF, or by a page footer in between);
 * - in an amending law, the text quoted after "… glasi:" ("Član 18f." included) stays
 *   inside the amending article as its paragraphs; the quote ends where its quotation
 *   marks balance;
 * - signatures, place and date after the last article, footnotes and broken fragments
 *   are put aside in the report;
 * - "PRILOG 1", "Prilog br. 2", "ПРИЛОГ 3" after the last article start an annex: its
 *   title on the same line or the next, then its text (frozen numbering keeps the number);
 * - "OBRAZLOŽENJE" starts the memorandum, with Roman-numbered sections.
 * With `numbering: 'frozen'` each article keeps its written number ("18a").
 */

/** Why a line was left out of the document. */
export type SetAsideReason =
  /** Cover page: institution, draft stage, place and date. */
  | 'cover'
  /** A gazette header: "Službeni glasnik BiH, broj 5/17". */
  | 'gazette'
  /** Other lines before the act: site navigation, image captions, page titles. */
  | 'front-matter'
  /** Signatures, reference number, place and date after an article. */
  | 'signature'
  /** A broken line: part of a label ("Č"), a stray letter. */
  | 'fragment'
  /** A footnote between the lines of an article. */
  | 'footnote'
  /** Heading of a part, chapter or section with no article in it. */
  | 'empty-division'
  /** A page header repeating the act's name, or another short line repeated on every page. */
  | 'running-header'
  /** An editorial note in square brackets: "[the rest of the act is not included]", "[Izmjene: 45/16]". */
  | 'note'
  /** A line between units that belongs to none of them. */
  | 'unplaced'

export interface SetAsideLine {
  line: number
  text: string
  reason: SetAsideReason
}

/**
 * What the reader could not settle and a person should check:
 * - text warnings from the repair step (`stripped-diacritics`, `mixed-script-word`);
 * - `no-title`: no title line found;
 * - `number-sequence`: an article number out of order (a label may have been missed);
 * - `unclosed-quote`: quoted new text whose quotation marks never balance;
 * - `unquoted-amendment`: new text after "glasi:" given without quotation marks;
 * - `empty-article`: an article label with no text after it;
 * - `empty-division`: a part, chapter or section heading with no article in it;
 * - `file`: how the file was read (a legacy code page, an element of a .docx left out);
 * - `flattened-text`: a long line holding several articles was split before each label.
 */
export type ImportWarningKind =
  | TextWarningKind
  | 'no-title'
  | 'number-sequence'
  | 'unclosed-quote'
  | 'unquoted-amendment'
  | 'empty-article'
  | 'empty-division'
  | 'file'
  | 'unresolved-reference'
  | 'flattened-text'

export interface ImportWarning {
  kind: ImportWarningKind
  line: number | null
  message: string
}

/** How many units of each kind the document has (quoted articles are text, not counted). */
export interface ImportCounts {
  parts: number
  chapters: number
  sections: number
  articles: number
  paragraphs: number
  points: number
  subpoints: number
  indents: number
}

/** The stage a draft's cover names: prednacrt, nacrt, prijedlog. */
export type DraftStage = 'prednacrt' | 'nacrt' | 'prijedlog'

export interface ImportReport {
  counts: ImportCounts
  repairCounts: Partial<Record<RepairKind, number>>
  repairs: Repair[]
  warnings: ImportWarning[]
  setAside: SetAsideLine[]
  stage: DraftStage | null
  gazette: string | null
  /**
   * Numbers as the text wrote them, by stable node id: articles "18f", paragraphs "2",
   * points with their mark "a)", "1.", annexes "2". Units the text did not number are absent.
   */
  written: Record<string, string>
  /**
   * Written cross-references to the act's own units turned into reference nodes (they
   * follow renumbering from then on), and those naming a number the act does not have.
   */
  references: { linked: number; unresolved: number }
}

export interface LegalTextImport {
  doc: Node
  report: ImportReport
}

export interface ImportOptions {
  numbering?: NumberingMode
}

/**
 * Reads a plain-text act into a document (see the file comment). Throws a RangeError when
 * the text holds no article at all.
 */
export function importPlainText(text: string, options: ImportOptions = {}): Node {
  return importLegalText(text, options).doc
}

/**
 * Reads a plain-text act into a document with the report of what was repaired, what was
 * put aside and what a person should check. Throws a RangeError when the text holds no
 * article at all.
 */
export function importLegalText(text: string, options: ImportOptions = {}): LegalTextImport {
  const repaired = repairText(text)
  const rebuilt: Rebuilt[] = []
  const reader = new ActReader(toLines(repaired.text, rebuilt), options.numbering === 'frozen')
  reader.read()
  const { content, report } = reader.finish()
  const repairs = [...repaired.repairs]
  let warnings = repaired.warnings.map((w): ImportWarning => ({ kind: w.kind, line: w.line, message: w.message }))
  for (const { line, lostLetters } of rebuilt) {
    warnings.push({ kind: 'flattened-text', line, message: `Line ${line} held several articles: its line breaks were lost and it was split before each label. Check the paragraphs of these articles.` })
    for (const label of lostLetters) repairs.push({ kind: 'lost-letter', line, before: label, after: label.replace(/^lan/u, 'Član') })
  }
  if (rebuilt.some((r) => r.lostLetters.length > 0) && warnings.some((w) => w.kind === 'stripped-diacritics')) {
    // Labels that lost their Č say the letters were dropped, not replaced by c, s, z.
    warnings = warnings.map((w) =>
      w.kind === 'stripped-diacritics'
        ? { kind: 'lost-letters', line: w.line, message: 'Labels had lost their first letter ("lan 1") and the text has no č, ć, đ, š or ž: these letters were probably dropped everywhere. Labels were repaired; the words need a person to restore them.' }
        : w,
    )
  }
  report.warnings = [...warnings, ...report.warnings]
  report.repairs = [...repairs, ...report.repairs].sort((a, b) => a.line - b.line)
  report.repairCounts = {}
  for (const r of report.repairs) report.repairCounts[r.kind] = (report.repairCounts[r.kind] ?? 0) + 1
  report.references = linkWrittenReferences(content, report.written)
  if (report.references.unresolved > 0) {
    report.warnings.push({
      kind: 'unresolved-reference', line: null,
      message: `${report.references.unresolved} reference(s) name an article, paragraph or point this act does not have; they were kept as text. Check them.`,
    })
  }
  const result = parseDocument({ type: 'doc', content })
  if (!result.ok) throw new RangeError(`The text does not make a valid act: ${result.reason}`)
  report.counts = countUnits(result.value)
  return { doc: result.value, report }
}

// ---------------------------------------------------------------------------------------
// Lines

interface Line {
  /** 1-based line of the original text. */
  no: number
  /** Position in the reader's list of lines. */
  index: number
  text: string
  blankBefore: boolean
}

const QUOTE_AFTER_COLON = /^(.*?(?:glasi|glase|гласи|гласе|glasiti)\s*:)\s*((?:["„“”«]|,,)\s*\S.*)$/iu

/** Lines rebuilt from a line whose line breaks were lost, and the labels whose Č was put back. */
interface Rebuilt {
  line: number
  lostLetters: string[]
}

function toLines(text: string, rebuilt: Rebuilt[]): Line[] {
  const out: Line[] = []
  let blank = false
  text.split('\n').forEach((raw, index) => {
    const t = raw.replace(/\s+/gu, ' ').trim()
    if (!t) {
      blank = true
      return
    }
    const lostLetters: string[] = []
    const pieces = unflatten(t, lostLetters)
    if (pieces.length > 1) rebuilt.push({ line: index + 1, lostLetters })
    for (const piece of pieces) {
      // "… mijenja se i glasi: "Član 5." on one line: the quote starts a line of its own.
      const split = QUOTE_AFTER_COLON.exec(piece)
      if (split) {
        out.push({ no: index + 1, index: out.length, text: split[1]!, blankBefore: blank })
        out.push({ no: index + 1, index: out.length, text: split[2]!, blankBefore: false })
      } else out.push({ no: index + 1, index: out.length, text: piece, blankBefore: blank })
      blank = false
    }
  })
  return out
}

// A label inside a long line, after the end of a sentence or of a heading: "… Federacije. Član 2. (1) …".
// "lan 2" is "Član 2" whose Č a PDF extractor lost, as at the start of a line.
const INLINE_LABEL = /(?<=[.:;!?"”“»)]|[\p{Lu}\d]{2})\s+(?=(?:[ČC]lan(?:ak)?|lan(?:ak)?|ČLAN(?:AK)?|Члан(?:ак)?|ЧЛАН(?:АК)?)\s*\d{1,4}\s?[a-zа-ш]?\.?(?:\s+(?:\(|\p{Lu})|$))/gu
// An upper-case heading at the end of a piece, before the next label: "… tekst. II. PRAVA".
const TRAILING_HEADING = /(?<=[.:;!?"”“»)])\s+((?:[IVXLC]{1,6}\.?\s*[-–—]?\s*)?\p{Lu}[\p{Lu}\s,-]{3,})$/u

/**
 * Splits a line whose line breaks were lost (a whole act on one line, as some PDF and web
 * copies have it) before each article label and its heading. Lines that are not long and
 * do not hold several labels stay whole.
 */
function unflatten(line: string, lostLetters: string[]): string[] {
  if (line.length < 1000) return [line]
  const starts = [...line.matchAll(INLINE_LABEL)].map((m) => m.index + m[0].length)
  if (starts.length < 2) return [line]
  const pieces: string[] = []
  let from = 0
  for (const start of [...starts, line.length]) {
    let piece = line.slice(from, start).trim()
    const heading = TRAILING_HEADING.exec(piece)
    let trailing: string | null = null
    if (heading && start !== line.length && upperCaseDominant(heading[1]!)) {
      trailing = heading[1]!.trim()
      piece = piece.slice(0, heading.index).trim()
    }
    if (from === 0) pieces.push(...splitFrontMatter(piece))
    else {
      // "Član 2. Federacija se sastoji …": the label, its heading in parentheses, then the text
      const label = /^(\S+\s*\d{1,4}\s?[a-zа-ш]?\.?(?:\s+\([^()]*\D[^()]*\))?)(?:\s+(.*))?$/u.exec(piece)
      if (label?.[1]!.startsWith('lan')) lostLetters.push(label[1]!)
      const written = label?.[1]!.replace(/^lan/u, 'Član')
      pieces.push(...(label ? [written!, ...(label[2] ? splitInlinePoints(label[2]) : [])] : [piece]))
    }
    if (trailing) pieces.push(trailing)
    from = start
  }
  return pieces.filter(Boolean)
}

/** Before the first article of a flattened text: the legal basis, a title in capitals, the text after it. */
function splitFrontMatter(text: string): string[] {
  return text
    .split(/\s+(?=(?:Na osnovu|Na temelju|Temeljem|На основу|На темељу)\s)|(?<=(?:donosi|donosim|donijelo je|доноси|доносим|[.!?]))\s+(?=(?:ZAKON|USTAV|ODLUK[AU]|UREDB[AU]|PRAVILNIK|PRAVILA|UKAZ|ЗАКОН|УСТАВ|ОДЛУК[АУ]|УРЕДБ[АУ]|ПРАВИЛНИК|ПРАВИЛА|УКАЗ)\s+\p{Lu})/u)
    .flatMap((piece) => {
      // "USTAV FEDERACIJE BOSNE I HERCEGOVINE Uvjereni da …": the capitals are the title
      const m = /^((?:\p{Lu}+[\s,]+){1,}\p{Lu}+)\s+(\p{Lu}\p{Ll}.*)$/u.exec(piece)
      return m && TITLE_START.test(m[1]!) ? [m[1]!, m[2]!] : [piece]
    })
}

/** "… prava na: a) život, b) slobodu": a lead sentence and its points written on one line. */
function splitInlinePoints(text: string): string[] {
  const m = /^(.*?:)\s+((?:a|а|1)\)\s.*)$/u.exec(text)
  return m ? [m[1]!, m[2]!] : [text]
}

// ---------------------------------------------------------------------------------------
// Patterns

const LABEL_WORD = String.raw`(?:[ČčĆćCc]lan(?:ak)?|[ČĆC]LAN(?:AK)?|[Чч]лан(?:ак)?|ЧЛАН(?:АК)?)`
const LABEL = new RegExp(
  String.raw`^${LABEL_WORD}\s*(\d{1,4})(?:\s?([a-zA-Zа-шђјљњћџ]{1,2})(?!\p{L}))?\s*\.?\s*(.*)$`,
  'u',
)
const ORDINAL = String.raw`(?:(?:DVADESET|TRIDESET|ДВАДЕСЕТ|ТРИДЕСЕТ)\s+)?(?:PRVI|DRUGI|TREĆI|TRECI|ČETVRTI|CETVRTI|PETI|ŠESTI|SESTI|SEDMI|OSMI|DEVETI|DESETI|JEDANAESTI|DVANAESTI|TRINAESTI|ČETRNAESTI|CETRNAESTI|PETNAESTI|ŠESNAESTI|SESNAESTI|SEDAMNAESTI|OSAMNAESTI|DEVETNAESTI|DVADESETI|TRIDESETI|ПРВИ|ДРУГИ|ТРЕЋИ|ЧЕТВРТИ|ПЕТИ|ШЕСТИ|СЕДМИ|ОСМИ|ДЕВЕТИ|ДЕСЕТИ|ЈЕДАНАЕСТИ|ДВАНАЕСТИ|ТРИНАЕСТИ|ЧЕТРНАЕСТИ|ПЕТНАЕСТИ|ШЕСНАЕСТИ|СЕДАМНАЕСТИ|ОСАМНАЕСТИ|ДЕВЕТНАЕСТИ|ДВАДЕСЕТИ)`
const HEADING_REST = String.raw`(?:\s*[–—-]\s*|\s+|$)(.*)$`
const PART = new RegExp(
  String.raw`^(?:(?:DIO|DEO|ДИО|ДЕО)\s+(?:${ORDINAL}|[IVXLC]+|\d{1,2})\.?|${ORDINAL}\s+(?:DIO|DEO|ДИО|ДЕО))${HEADING_REST}`,
  'iu',
)
const CHAPTER = new RegExp(String.raw`^(?:POGLAVLJE|ПОГЛАВЉЕ|GLAVA|ГЛАВА)\s+(?:[IVXLC]+|\d{1,3}|${ORDINAL})\.?${HEADING_REST}`, 'iu')
const SECTION = new RegExp(
  String.raw`^(?:ODJELJAK|ODELJAK|ОДЈЕЉАК|ОДЕЉАК|PODODJELJAK|ПОДОДЈЕЉАК|ODSJEK|ОДСЈЕК)\s+(?:[A-ZА-Ш]|\d{1,3}|[IVX]+)\.?${HEADING_REST}`,
  'iu',
)
const DIVISIONS = [['part', PART], ['chapter', CHAPTER], ['section', SECTION]] as const

/** The heading of a part, chapter or section line, or null: "Dio prvi (čl. 1. do 9.) utvrđuje …" is a sentence. */
function divisionHeading(pattern: RegExp, text: string): string | null {
  const m = pattern.exec(text)
  if (!m) return null
  const heading = m[1]!.trim()
  return heading === '' || upperCaseDominant(heading) || headingLike(heading) ? heading : null
}

const ROMAN = /^(?=[IVXLC])(?:C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})$/u
const ROMAN_HEADING = /^([IVXLC]{1,7})(?:\s*([.\-–—])\s*|\s+)(\S.*)$/u
const ROMAN_ALONE = /^([IVXLC]{1,7})\.?$/u
const SUB_HEADING = /^(\d{1,2}|[A-ZА-Ш])\.\s+(\p{Lu}.*)$/u
const MEMORANDUM = /^(?:OBRAZLOŽENJE|OBRAZLOZENJE|ОБРАЗЛОЖЕЊЕ|O B R A Z L O Ž E NJ E)(?:\s+\p{Lu}[\p{Lu}\s,.-]*)?$/u
const MEMO_SECTION = /^([IVX]+)\.\s+(.+)$/u
// "PRILOG 1", "Prilog br. 2.", "ПРИЛОГ 3 – Образац", "PRILOG 1: Obrazac zahtjeva", "Prilog 2 Cjenovnik"
const ANNEX = /^(?:PRILOG|Prilog|ПРИЛОГ|Прилог)\s+(?:(?:br\.|broj|бр\.|број)\s*)?(\d{1,3}[a-zа-ш]?)\.?(?:\s*[-–—:]\s*(.*)|\s+(\p{Lu}.*))?$/u
const PARAGRAPH = /^\((\d{1,3})\)\s*(.*)$/u
const POINT = /^([a-zčćđšžа-шђјљњћџ]|\d{1,2})\)\s*(.*)$/u
const NUMBER_DOT = /^(\d{1,2})\.\s+(.+)$/u
const INDENT = /^[-–—•·▪●○◦\u2212\uF0B7\uF0A7]\s*(\S.*)$/u
const NOTE = /^\[[^\]]*\]$/u
const HEADING_BELOW = /^\(([^()]*\D[^()]*)\)$/u
const FOOTNOTE = /^(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|↑)\s*\S|^\d{1,2}\s+["„“]?(?:Službene|Službeni|Sl\.|Службене|Службени|Сл\.)\s/u
const FRAGMENT = /^(?:Č|Čl|Čla|Ч|Чл|Чла|Cl|Cla|Član|Članak|Члан|Чланак|Clan|Clanak|ČLAN|ЧЛАН)\.?$|^\p{L}{1,2}$/u
const AMENDING_COLON = /(?:glasi|glase|гласи|гласе|glasiti)\s*:$/iu

const STAGE = /^(?:(PREDNACRT|ПРЕДНАЦРТ)|(NACRT|НАЦРТ)|(PRIJEDLOG|PREDLOG|ПРИЈЕДЛОГ|ПРЕДЛОГ))(?:\s+(?:ZAKONA|ЗАКОНА))?$/iu
/** "PRIJEDLOG ZAKONA O …", "NACRT ZAKONA O …": the stage and the title on one line. */
const STAGED_TITLE = /^(?:(PREDNACRT|ПРЕДНАЦРТ)|(NACRT|НАЦРТ)|(PRIJEDLOG|PREDLOG|ПРИЈЕДЛОГ|ПРЕДЛОГ))\s+(?:ZAKONA|ODLUKE|UREDBE|PRAVILNIKA|ЗАКОНА|ОДЛУКЕ|УРЕДБЕ|ПРАВИЛНИКА)\s+(?:O|О)\s/u
const WORKING_COPY = /^(?:RADNI MATERIJAL|RADNA VERZIJA|RADNI TEKST|TEKST ZA JAVNE KONSULTACIJE)$/iu
const INSTITUTION =
  /^(?:BOSNA I HERCEGOVINA|BOSNIA AND HERZEGOVINA|БОСНА И ХЕРЦЕГОВИНА|FEDERACIJA BOSNE I HERCEGOVINE|ФЕДЕРАЦИЈА БОСНЕ И ХЕРЦЕГОВИНЕ|REPUBLIKA SRPSKA|РЕПУБЛИКА СРПСКА|BRČKO DISTRIKT|БРЧКО ДИСТРИКТ|VLADA|ВЛАДА|PARLAMENT|ПАРЛАМЕНТ|VIJEĆE MINISTARA|САВЈЕТ МИНИСТАРА|FEDERALNO MINISTARSTVO|MINISTARSTVO|МИНИСТАРСТВО|KANTON|КАНТОН|ŽUPANIJA|SKUPŠTINA|СКУПШТИНА|PREDSTAVNIČKI DOM|ZASTUPNIČKI DOM|DOM NARODA)(?![\p{L}])/u
const GAZETTE = /(?:služben[aeiou]?|sl\.|службен[аеиоу]?|сл\.)\s*(?:glasnik|novine|list|гласник|новине|лист)/iu
const GAZETTE_NUMBER = /\d+\s*\/\s*\d+|(?<!\p{L})(?:broj|br\.|бр\.|број)(?!\p{L})/iu
const PLACE_DATE =
  /^\p{Lu}[\p{L} -]{1,30},\s*(?:\d{1,2}\.\s*\d{1,2}\.\s*\d{4}|\d{1,2}\.?\s*\p{L}+\s*\d{4}|\p{L}+\s+\d{4})\.?(?:\s*(?:godine|године|god\.|год\.|g\.))?\.?$/u
const DATE = /^\d{1,2}\.\s*(?:\d{1,2}\.|\p{L}+)\s*\d{4}\.?\s*(?:godine|године|god\.|год\.|g\.)?\.?$/u
const PLACE = /^(?:Sarajevo|Mostar|Banja Luka|Banjaluka|Tuzla|Zenica|Bihać|Brčko|Сарајево|Бања Лука|Мостар|Брчко)\.?$/u
const REFERENCE = /^(?:Broj|Број|Br\.|Бр\.)\s*:?\s*[\dA-Z][\dA-Za-z\-/.]*\d\.?$/u
const SIGNATORY =
  /^(?:PREDSJEDAVAJUĆ[IA]|PREDSJEDNI(?:K|CA)|PREDSJEDATELJ(?:ICA)?|PREMIJER(?:KA)?|MINISTAR|MINISTRICA|DIREKTOR(?:ICA)?|SEKRETAR|GENERALNI SEKRETAR|ZAMJENIK|PREDSJEDNIK|PREDSEDNIK|ПРЕДСЈЕДАВАЈУЋ[ИА]|ПРЕДСЈЕДНИ(?:К|ЦА)|ПРЕМИЈЕР|МИНИСТАР|ДИРЕКТОР|СЕКРЕТАР|ПРЕДСЕДНИК)(?![\p{L}])/iu
const SIGNED = /(?:^|[\s,])(?:s\.\s?r\.|v\.\s?r\.|с\.\s?р\.|в\.\s?р\.)$/iu
const PROMULGATION = /^(?:UKAZ|УКАЗ)(?![\p{L}])/u
const PROMULGATION_TITLE = /^(?:ODLUK[AU]|ОДЛУК[АУ])\s+(?:O|О)\s+(?:PROGLAŠENJU|PROGLASENJU|ПРОГЛАШЕЊУ)(?![\p{L}])/iu
const PREAMBLE = /^(?:Na osnovu|Na temelju|Temeljem|Polazeći od|На основу|На темељу)(?![\p{L}])/u
const PREAMBLE_END =
  /(?:[.:;]|donosi|donosim|donijelo je|donijela je|donio je|donijeli su|utvrdilo je|utvrdila je|usvojila je|usvojio je|доноси|доносим|донијело је|донијела је|донио је|донијели су|утврдило је|усвојила је)$/iu
// The act's name as a title writes it, also in the accusative after "donosi": UREDBU, ODLUKU.
const ACT_WORD = String.raw`(?:ZAKON|PRAVILA|PRAVILNIK|UREDB[AU]|ODLUK[AU]|UPUTSTVO|UPUT[AU]|NAPUTAK|NAREDB[AU]|ZAKLJUČAK|POSLOVNIK|STATUT|USTAV|AMANDMANI?|KODEKS|ЗАКОН|ПРАВИЛА|ПРАВИЛНИК|УРЕДБ[АУ]|ОДЛУК[АУ]|УПУТСТВО|НАРЕДБ[АУ]|ЗАКЉУЧАК|ПОСЛОВНИК|СТАТУТ|УСТАВ|АМАНДМАНИ?|КОДЕКС)(?![\p{L}])`
const TITLE_START = new RegExp(`^${ACT_WORD}`, 'iu')
const SITE_TITLE = new RegExp(String.raw`^\d{1,4}\.\s+${ACT_WORD}`, 'iu')
// Words that cannot end a title or start a heading: prepositions, conjunctions, and the
// amended act ("… O IZMJENAMA I DOPUNAMA" / "ZAKONA O …").
const FUNCTION_WORD_START = /^(?:O|ZA|U|I|S|SA|OD|NA|PO|IZ|KOD|PRI|TE|ILI|DO|ZAKONA|О|ЗА|У|И|С|СА|ОД|НА|ПО|ИЗ|КОД|ПРИ|ТЕ|ИЛИ|ДО|ЗАКОНА)\s/u
const FUNCTION_WORD_END = /(?:\s(?:O|ZA|U|I|S|SA|OD|NA|PO|IZ|TE|ILI|DO|DOPUNAMA|IZMJENAMA|IZMENAMA|IZMJENI|IZMENI|DOPUNI|О|ЗА|У|И|С|СА|ОД|НА|ПО|ИЗ|ТЕ|ИЛИ|ДО|ДОПУНАМА|ИЗМЈЕНАМА|ИЗМЕНАМА|ИЗМЈЕНИ|ДОПУНИ)|,)$/u
const HEADING_WORDS_END = /(?:ODREDBE|ОДРЕДБЕ)$/u

const TERMINAL = /[.:;!?…]["'”“»)\]]*$/u
const LIST_TERMINAL = /[.:;,!?…]["'”“»)\]]*$/u
const NUMBER_OR_ABBREVIATION_END = /(?:\d+\s?[a-zа-ш]?|(?<!\p{L})(?:br|st|čl|tač|tč|al|sl|npr|tzv|odn|бр|ст|чл|тач|ал))\.$/iu
const LOWERCASE_START = /^\p{Ll}/u
// A word that needs a number after it: "iz člana" / "80. stav (1)" broken before the number.
const REFERENCE_END =
  /(?:^|\s)(?:[čc]lan(?:a|u|om|ka|ku|ak)?|čl\.|stav(?:a|u|om|ak|ka|ku)?|st\.|ta[čc]k[aeiu]|to[čc]k[aeiu]|tač\.|broj|br\.|члан(?:а|у|ом)?|чл\.|став(?:а|у|ом)?|ст\.|тачк[аеиу]|бр\.|број)$/iu
const UPPERCASE_START = /^["„“]?\p{Lu}/u

function upperCaseDominant(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? []
  if (letters.length < 3) return false
  const upper = letters.filter((ch) => ch !== ch.toLowerCase() && ch === ch.toUpperCase()).length
  return upper / letters.length >= 0.8
}

const words = (text: string) => text.split(' ').filter(Boolean).length

/** A short heading-like line: no closing punctuation, a capital first, a dozen words at most. */
function headingLike(text: string, maxWords = 12): boolean {
  return UPPERCASE_START.test(text) && !LIST_TERMINAL.test(text) && words(text) <= maxWords
}

interface Label {
  number: string
  heading: string | null
  bracketed: boolean
  text: string | null
}

// ---------------------------------------------------------------------------------------
// The document being built

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }

const textBlock = (t: string): Json => ({ type: 'text_block', content: t ? [{ type: 'text', text: t }] : [] })
const inline = (type: string, t: string): Json => ({ type, content: t ? [{ type: 'text', text: t }] : [] })
const blockText = (block: Json): string => block.content?.[0]?.text ?? ''
const setBlockText = (block: Json, t: string) => {
  block.content = t ? [{ type: 'text', text: t }] : []
}

/** The text block the next continuation line joins, and what kind of unit it belongs to. */
interface Open {
  block: Json
  kind: 'lead' | 'point' | 'indent' | 'closing' | 'heading'
}

/** Quoted new text of an amending article: up to `end` (a line index), or up to the next article when -1. */
interface Quote {
  end: number
  quoted: boolean
  from: number
}

class ActReader {
  private readonly lines: Line[]
  private readonly frozen: boolean
  private readonly report: ImportReport = {
    counts: { parts: 0, chapters: 0, sections: 0, articles: 0, paragraphs: 0, points: 0, subpoints: 0, indents: 0 },
    repairCounts: {},
    repairs: [],
    warnings: [],
    setAside: [],
    stage: null,
    gazette: null,
    written: {},
    references: { linked: 0, unresolved: 0 },
  }

  private title = ''
  private readonly preamble: string[] = []
  private readonly body: Json[] = []
  private part: Json | null = null
  private chapter: Json | null = null
  private section: Json | null = null
  private article: Json | null = null
  private articleNumber: string | null = null
  private articleLine: number | null = null
  /** Article headings written in parentheses, as opposed to short lines read as headings. */
  private readonly bracketed = new WeakSet<Json>()
  private paragraph: Json | null = null
  private point: Json | null = null
  private subpoint: Json | null = null
  private nextParenthesisedSubpoint = 0
  private open: Open | null = null
  private quote: Quote | null = null
  private signature = false
  private pendingDivisionHeading: Json | null = null
  private pendingArticleHeading: string | null = null
  private memorandum: Json | null = null
  private readonly annexes: Json[] = []
  private annex: Json | null = null
  private articlesSeen = false
  private memoSection: Json | null = null
  private readonly divisionLines = new Map<Json, Line>()
  private repeated: Map<string, number> | null = null

  constructor(lines: Line[], frozen: boolean) {
    this.lines = lines
    this.frozen = frozen
  }

  read(): void {
    let i = this.readFrontMatter()
    for (; i < this.lines.length; i++) this.readBodyLine(i)
    if (this.quote?.quoted && this.quote.end < 0) {
      const from = this.lines[this.quote.from]!
      this.warn('unclosed-quote', from.no, `The quotation opened on line ${from.no} is never closed; it was read to the end of the text.`)
    }
    this.closeArticle()
  }

  finish(): { content: Json[]; report: ImportReport } {
    const content: Json[] = [inline('title', this.title)]
    if (this.preamble.length > 0) {
      content.push({ type: 'preamble', attrs: { id: newNodeId() }, content: this.preamble.map(textBlock) })
    }
    content.push(...this.prune(this.body))
    this.closeAnnexes()
    content.push(...this.annexes)
    if (this.memorandum && this.memorandum.content!.length > 0) content.push(this.memorandum)
    this.report.setAside.sort((a, b) => a.line - b.line)
    if (!content.some((c) => c.type !== 'title' && c.type !== 'preamble' && c.type !== 'memorandum')) {
      const all = this.lines.map((l) => l.text).join('')
      const letters = all.match(/\p{L}/gu)?.length ?? 0
      if (all.length > 200 && letters < all.length * 0.2) {
        throw new RangeError(
          'The text does not make a valid act: it has almost no letters, only punctuation and numbers. The PDF it was copied from ' +
            'keeps its letters in an embedded font; export the act from Word or run OCR on it, and import that.',
        )
      }
      throw new RangeError('The text does not make a valid act: no article was found (no line such as "Član 1." or "Члан 1.").')
    }
    return { content, report: this.report }
  }

  // -------------------------------------------------------------------------------------
  // Front matter: everything before the first part, chapter or article

  private readFrontMatter(): number {
    let title: { text: string; lines: Line[] } | null = null
    let titleOpen = false
    let siteTitle: string | null = null
    let promulgation = false
    let preambleOpen = false
    const frontLines: Line[] = []

    let i = 0
    for (; i < this.lines.length; i++) {
      const line = this.lines[i]!
      const t = line.text
      if (this.strongStructure(i)) break
      if (promulgation) {
        if (TITLE_START.test(t) && !/^(?:UKAZ|УКАЗ)/u.test(t)) promulgation = false
        else {
          this.preamble.push(t)
          continue
        }
      }
      if (titleOpen && title && this.continuesTitle(title.text, line)) {
        title.text = `${title.text} ${t}`
        title.lines.push(line)
        if (PROMULGATION_TITLE.test(title.text)) {
          // "ODLUKU / O PROGLAŠENJU ZAKONA …": a promulgation decision, not the act's title
          this.preamble.push(title.text)
          title = null
          titleOpen = false
          promulgation = true
        }
        continue
      }
      if (this.weakStructure(i)) break
      if (preambleOpen && !TITLE_START.test(t) && !PROMULGATION.test(t)) {
        this.preamble[this.preamble.length - 1] += ` ${t}`
        preambleOpen = !PREAMBLE_END.test(t)
        continue
      }
      preambleOpen = false
      titleOpen = false
      const stage = STAGE.exec(t)
      const staged = STAGED_TITLE.exec(t)
      if (staged) {
        this.report.stage = staged[1] ? 'prednacrt' : staged[2] ? 'nacrt' : 'prijedlog'
        if (title) for (const l of title.lines) this.setAside(l, 'front-matter')
        title = { text: t, lines: [line] }
        titleOpen = true
      } else if (stage) {
        this.report.stage = stage[1] ? 'prednacrt' : stage[2] ? 'nacrt' : 'prijedlog'
        this.setAside(line, 'cover')
      } else if (WORKING_COPY.test(t) || (INSTITUTION.test(t) && upperCaseDominant(t))) {
        this.setAside(line, 'cover')
      } else if (GAZETTE.test(t) && GAZETTE_NUMBER.test(t) && words(t) <= 15 && !PREAMBLE.test(t) && !TITLE_START.test(t)) {
        this.report.gazette ??= t.replace(/["“”„]/gu, '').replace(/^\((.*)\)$/u, '$1')
        this.setAside(line, 'gazette')
      } else if (PLACE_DATE.test(t) || DATE.test(t) || PLACE.test(t) || REFERENCE.test(t)) {
        this.setAside(line, 'cover')
      } else if (PROMULGATION.test(t) || PROMULGATION_TITLE.test(t)) {
        promulgation = true
        this.preamble.push(t)
      } else if (PREAMBLE.test(t)) {
        this.preamble.push(t)
        preambleOpen = !PREAMBLE_END.test(t)
      } else if (SITE_TITLE.test(t)) {
        siteTitle ??= t.replace(/^\d{1,4}\.\s+/u, '')
        this.setAside(line, 'front-matter')
      } else if (TITLE_START.test(t)) {
        if (title) for (const l of title.lines) this.setAside(l, 'front-matter')
        title = { text: t, lines: [line] }
        titleOpen = true
      } else {
        frontLines.push(line)
        this.setAside(line, 'front-matter')
      }
    }

    if (title) {
      // "ZAKON O … ("Sl. list SFRJ", br. 2/83) |": the gazette reference written after the title
      const gazette = /\s*\(\s*["“„]?(?:Sl\.|Služben|Сл\.|Службен)[^()]*\)[\s|]*$/u.exec(title.text)
      if (gazette) {
        this.report.gazette ??= gazette[0].trim().replace(/[\s|]+$/u, '').replace(/^\(|\)$/gu, '').replace(/["“”„]/gu, '')
        title.text = title.text.slice(0, gazette.index).trim()
      }
      this.title = title.text.replace(/\s*\|$/u, '')
    } else if (siteTitle) this.title = siteTitle
    else if (frontLines.some((l) => !/^(?:https?:\/\/|www\.)/iu.test(l.text))) {
      // No title-like line: the first line that is nothing else names the act, as in a
      // text that starts with its title in its own words.
      const first = frontLines.find((l) => !/^(?:https?:\/\/|www\.)/iu.test(l.text))!
      this.title = first.text
      this.report.setAside = this.report.setAside.filter((s) => !(s.line === first.no && s.text === first.text))
    }
    if (!this.title) this.warn('no-title', null, 'No title was found before the first article; give the act its title by hand.')
    return i
  }

  /** Whether a line after the title's first line still belongs to the title. */
  private continuesTitle(title: string, line: Line): boolean {
    const t = line.text
    if (!upperCaseDominant(t) || HEADING_WORDS_END.test(t) || GAZETTE.test(t) || STAGE.test(t)) return false
    if (INSTITUTION.test(t) || PROMULGATION.test(t) || TITLE_START.test(t)) return false
    return !line.blankBefore || words(title) === 1 || FUNCTION_WORD_START.test(t) || FUNCTION_WORD_END.test(title)
  }

  /** A line that starts the body whatever comes before it: a label, part, chapter or section. */
  private strongStructure(i: number): boolean {
    const t = this.lines[i]!.text
    if (this.parseLabel(i)) return true
    if (DIVISIONS.some(([, pattern]) => divisionHeading(pattern, t) !== null)) return true
    return this.romanHeading(i) !== null
  }

  /** A heading-like line right before an article: a chapter, section or article heading. */
  private weakStructure(i: number): boolean {
    const t = this.lines[i]!.text
    if (!this.nextIsLabel(i)) return false
    if (TITLE_START.test(t) || PREAMBLE.test(t)) return false
    return SUB_HEADING.test(t) ? headingLike(t) : headingLike(t) && !GAZETTE.test(t)
  }

  // -------------------------------------------------------------------------------------
  // Body

  private readBodyLine(i: number): void {
    const line = this.lines[i]!
    const t = line.text

    if (this.memorandum) return this.readMemorandumLine(line)

    if (this.quote) {
      if (this.quote.end >= 0) {
        this.readQuotedLine(line)
        if (i >= this.quote.end) this.quote = null
        return
      }
      const label = this.parseLabel(i)
      if (!(label && this.followsArticle(label.number)) && !this.isDivision(i) && !MEMORANDUM.test(t)) {
        this.readQuotedLine(line)
        return
      }
      const from = this.lines[this.quote.from]!
      if (i === this.quote.from + 1) {
        this.warn('unquoted-amendment', from.no, `Line ${from.no} announces new text ("… glasi:") but none follows it.`)
      } else if (this.quote.quoted) {
        this.warn('unclosed-quote', from.no, `The quotation opened on line ${from.no} is never closed; it was read up to line ${line.no - 1}.`)
      } else {
        this.warn('unquoted-amendment', from.no, `The new text after line ${from.no} has no quotation marks; it was read up to line ${line.no - 1}.`)
      }
      this.quote = null
    }

    if (MEMORANDUM.test(t)) {
      this.closeArticle()
      this.signature = false
      this.memorandum = { type: 'memorandum', attrs: { id: newNodeId() }, content: [] }
      return
    }

    // An annex only after the last article: "Prilog 1" inside an article is its text.
    const annex = this.articlesSeen ? ANNEX.exec(t) : null
    if (annex && (this.annex || !this.nextArticleAfter(i))) return this.openAnnex(annex[1]!, annex[2] ?? annex[3] ?? '')
    if (this.annex) return this.readAnnexLine(line)

    if (this.pendingDivisionHeading) {
      const heading = this.pendingDivisionHeading
      this.pendingDivisionHeading = null
      if (!this.parseLabel(i) && !this.isDivision(i) && (upperCaseDominant(t) || headingLike(t, 10))) {
        setBlockText(heading, t)
        return
      }
    }

    const label = this.parseLabel(i)
    if (label) return this.openArticle(label, line, i)
    let m: RegExpExecArray | null
    for (const [kind, pattern] of DIVISIONS) {
      const heading = divisionHeading(pattern, t)
      if (heading !== null) return this.openDivision(kind, heading, line)
    }
    const roman = this.romanHeading(i)
    if (roman !== null) return this.openDivision('chapter', roman, line)
    if (ROMAN_ALONE.test(t) && ROMAN.test(ROMAN_ALONE.exec(t)![1]!) && this.nextIsHeading(i)) {
      return this.openDivision('chapter', '', line)
    }

    if (NOTE.test(t)) return this.setAside(line, 'note')
    if (this.isRunningHeader(i)) return this.setAside(line, 'running-header')
    if (this.signature) return this.setAside(line, 'signature')
    if (FOOTNOTE.test(t)) return this.setAside(line, 'footnote')
    if (FRAGMENT.test(t) && !ROMAN.test(t)) return this.setAside(line, 'fragment')

    const closesText = !this.open || TERMINAL.test(blockText(this.open.block))
    const articleStarted = !this.article || this.article.content!.some((c) => c.type === 'paragraph')
    if (articleStarted && this.nextIsLabel(i) && closesText && !(this.open && /[:;,]$/u.test(blockText(this.open.block)))) {
      if ((m = SUB_HEADING.exec(t)) && headingLike(m[2]!)) {
        return this.openDivision(this.chapter ? 'section' : 'chapter', m[2]!, line)
      }
      if (headingLike(t) && upperCaseDominant(t)) return this.openDivision('chapter', t, line)
      if (headingLike(t)) {
        this.closeArticle()
        this.pendingArticleHeading = t
        return
      }
    }

    if (!this.article) return this.readBetweenUnits(line)
    if (this.startsSignature(i)) {
      this.signature = true
      return this.setAside(line, 'signature')
    }
    this.readArticleLine(i)
  }

  /** A line after a division heading and before its first article. */
  private readBetweenUnits(line: Line): void {
    const division = this.section ?? this.chapter ?? this.part
    if (division && division.content!.length === 1 && upperCaseDominant(line.text)) {
      const heading = division.content![0]!
      setBlockText(heading, [blockText(heading), line.text].filter(Boolean).join(' '))
      return
    }
    this.setAside(line, 'unplaced')
  }

  private readArticleLine(i: number): void {
    const line = this.lines[i]!
    const t = line.text
    const article = this.article!
    let m: RegExpExecArray | null

    const hasParagraph = article.content!.some((c) => c.type === 'paragraph')
    if (!hasParagraph) {
      const heading = article.content!.find((c) => c.type === 'article_heading')
      if (heading && this.open?.kind === 'heading') {
        // A heading in parentheses broken over two lines: "(Popis osoba" / "zainteresovanih)".
        const joined = `${blockText(heading)} ${t.replace(/\)$/u, '')}`
        setBlockText(heading, joined)
        if (t.endsWith(')')) this.open = null
        return
      }
      if (!heading) {
        if ((m = HEADING_BELOW.exec(t))) {
          const block = inline('article_heading', m[1]!)
          this.bracketed.add(block)
          return void article.content!.push(block)
        }
        if (/^\([^()]*\D[^()]*$/u.test(t) && this.lines[i + 1]?.text.endsWith(')')) {
          const block = inline('article_heading', t.slice(1))
          this.bracketed.add(block)
          article.content!.push(block)
          this.open = { block, kind: 'heading' }
          return
        }
        const next = this.nextTextLine(i)?.text ?? ''
        if (headingLike(t, 6) && !upperCaseDominant(t) && next && !LOWERCASE_START.test(next) && !this.isMarker(t)) {
          return void article.content!.push(inline('article_heading', t))
        }
      }
    }

    if (this.breaksReference(t)) this.addPlain(line)
    else if ((m = PARAGRAPH.exec(t)) && this.continuesParenthesisedSubpoints(Number(m[1]))) this.addSubpoint(`(${m[1]})`, m[2]!)
    else if ((m = PARAGRAPH.exec(t))) this.readNumberedParagraphs(Number(m[1]), m[2]!)
    else if ((m = POINT.exec(t))) this.addPoint(`${m[1]})`, m[1]!, m[2]!)
    else if ((m = NUMBER_DOT.exec(t))) this.addNumberDot(m[1]!, m[2]!)
    else if ((m = INDENT.exec(t))) this.addIndent(m[1]!)
    else this.addPlain(line)
    // "… mijenja se i glasi:": the new text that follows belongs to this article.
    if (AMENDING_COLON.test(t)) this.startQuote(i)
  }

  /** "(1) … (2) …" on one line are two paragraphs; the number alone awaits its text. */
  private readNumberedParagraphs(first: number, text: string): void {
    let number = first
    let rest = text
    for (;;) {
      const next = new RegExp(String.raw`(?<=[.:;]["”“»]?)\s+\(${number + 1}\)\s+(?=\S)`, 'u').exec(rest)
      const own = next ? rest.slice(0, next.index) : rest
      this.addParagraph(own, String(number))
      if (!next) break
      rest = rest.slice(next.index + next[0].length)
      number++
    }
  }

  private readQuotedLine(line: Line): void {
    const t = line.text
    let m: RegExpExecArray | null
    if (!this.article) return this.setAside(line, 'unplaced')
    if (this.breaksReference(t)) return this.addPlain(line)
    if ((m = POINT.exec(t))) return this.addPoint(`${m[1]})`, m[1]!, m[2]!)
    if ((m = INDENT.exec(t))) return this.addIndent(m[1]!)
    // Quoted paragraphs and points keep their numbers in the text: they number the amended act.
    if (PARAGRAPH.test(t) || NUMBER_DOT.test(t)) return this.addParagraph(t, null)
    this.addPlain(line)
  }

  private startQuote(i: number): void {
    const end = this.findQuoteEnd(i + 1)
    this.quote = { ...end, from: i }
  }

  /**
   * Where quoted new text that starts at line `start` ends: where its quotation marks
   * balance. Without an opening mark, or without a balance, the caller reads up to the
   * next article of the amending law.
   */
  private findQuoteEnd(start: number): { end: number; quoted: boolean } {
    let depth = 0
    for (let j = start; j < this.lines.length; j++) {
      const t = this.lines[j]!.text
      if (MEMORANDUM.test(t)) break
      const { opened, delta } = quoteBalance(t)
      if (j === start && !opened) return { end: -1, quoted: false }
      depth += delta
      if (depth <= 0) return { end: j, quoted: true }
    }
    return { end: -1, quoted: true }
  }

  // -------------------------------------------------------------------------------------
  // Units

  private openArticle(label: Label, line: Line, i: number): void {
    this.articlesSeen = true
    const headingAbove = this.pendingArticleHeading
    this.closeArticle()
    this.signature = false
    this.checkSequence(label.number, line)
    const id = newNodeId()
    const article: Json = { type: 'article', attrs: { id, num: this.frozen ? label.number : null }, content: [] }
    this.report.written[id] = label.number
    const heading = label.heading ?? headingAbove
    if (heading) {
      const block = inline('article_heading', heading)
      if (label.bracketed) this.bracketed.add(block)
      article.content!.push(block)
    }
    this.container().push(article)
    this.article = article
    this.articleNumber = label.number
    this.articleLine = line.no
    if (label.text) {
      const m = PARAGRAPH.exec(label.text)
      if (m) this.readNumberedParagraphs(Number(m[1]), m[2]!)
      else this.addParagraph(label.text, null)
      if (AMENDING_COLON.test(label.text)) this.startQuote(i)
    }
  }

  private closeArticle(): void {
    const article = this.article
    if (!article) return
    if (!article.content!.some((c) => c.type === 'paragraph')) {
      const heading = article.content!.find((c) => c.type === 'article_heading')
      const text = heading ? blockText(heading) : ''
      if (heading && /^(?:brisan|brisano|brisana|prestao|prestala|prestalo|брисан|брисано|престао)/iu.test(text)) {
        // "(Brisano)": a repealed article of a consolidated text says so in place of its text
        article.content = [this.newParagraph(this.bracketed.has(heading) ? `(${text})` : text)]
      } else if (heading && !this.bracketed.has(heading)) {
        // A short unbracketed line below the label with nothing after it was the text itself
        article.content = [this.newParagraph(text)]
      } else {
        article.content!.push(this.newParagraph(''))
        this.warn('empty-article', this.articleLine, `Article ${this.articleNumber} has no text.`)
      }
    }
    this.article = this.paragraph = this.point = this.subpoint = this.open = null
    this.quote = null
  }

  private openDivision(kind: 'part' | 'chapter' | 'section', heading: string, line: Line): void {
    this.closeArticle()
    this.signature = false
    this.pendingArticleHeading = null
    const headingBlock = inline('heading', heading.trim())
    const unit: Json = { type: kind, attrs: { id: newNodeId(), num: null }, content: [headingBlock] }
    this.divisionLines.set(unit, line)
    if (kind === 'part') {
      this.body.push(unit)
      this.part = unit
      this.chapter = this.section = null
    } else if (kind === 'chapter') {
      ;(this.part ? this.part.content! : this.body).push(unit)
      this.chapter = unit
      this.section = null
    } else {
      if (!this.chapter) return this.openDivision('chapter', heading, line)
      this.chapter.content!.push(unit)
      this.section = unit
    }
    if (!heading.trim()) this.pendingDivisionHeading = headingBlock
  }

  private container(): Json[] {
    return (this.section ?? this.chapter ?? this.part)?.content ?? this.body
  }

  private newParagraph(text: string): Json {
    return { type: 'paragraph', attrs: { id: newNodeId(), num: null }, content: [textBlock(text)] }
  }

  private addParagraph(text: string, written: string | null): void {
    const paragraph = this.newParagraph(text)
    if (written && !this.quote) this.report.written[paragraph.attrs!.id as string] = written
    this.article!.content!.push(paragraph)
    this.paragraph = paragraph
    this.point = this.subpoint = null
    this.open = { block: paragraph.content![0]!, kind: 'lead' }
  }

  private ensureParagraph(): Json {
    if (!this.paragraph) this.addParagraph('', null)
    return this.paragraph!
  }

  private addPoint(mark: string, value: string, text: string): void {
    // "i) glavni inspektor; j) generalni inspektor.": the next point on the same line
    const inline = mark.endsWith(')') ? nextPointOnLine(value, text) : null
    if (inline) {
      this.addPoint(mark, value, text.slice(0, inline.index))
      return this.addPoint(`${inline.value})`, inline.value, inline.rest)
    }
    const paragraph = this.ensureParagraph()
    const lettered = this.point && !/^\d/u.test(this.report.written[this.point.attrs!.id as string] ?? '')
    if (/^\d/u.test(value) && lettered && TERMINAL.test(blockText(this.point!.content![0]!)) && /:$/u.test(blockText(this.point!.content![0]!))) {
      return this.addSubpoint(mark, text)
    }
    const point: Json = { type: 'point', attrs: { id: newNodeId(), num: null }, content: [textBlock(text)] }
    this.report.written[point.attrs!.id as string] = mark
    paragraph.content!.push(point)
    this.point = point
    this.subpoint = null
    this.nextParenthesisedSubpoint = 0
    this.open = { block: point.content![0]!, kind: 'point' }
  }

  private addSubpoint(mark: string, text: string): void {
    const subpoint: Json = { type: 'subpoint', attrs: { id: newNodeId(), num: null }, content: [textBlock(text)] }
    this.report.written[subpoint.attrs!.id as string] = mark
    this.point!.content!.push(subpoint)
    this.subpoint = subpoint
    this.open = { block: subpoint.content![0]!, kind: 'point' }
  }

  /**
   * Serbian laws number sub-points "(1)", "(2)" under a point "1)" that ends with a colon; a
   * BiH paragraph "(2)" after such a point is the next paragraph, since paragraphs never
   * restart at "(1)" inside an article.
   */
  private continuesParenthesisedSubpoints(n: number): boolean {
    if (this.point && !this.subpoint && n === 1 && /:$/u.test(blockText(this.point.content![0]!))) {
      this.nextParenthesisedSubpoint = 2
      return true
    }
    if (this.subpoint && this.nextParenthesisedSubpoint === n) {
      this.nextParenthesisedSubpoint++
      return true
    }
    return false
  }

  /** "1." is a sub-point inside a point ending with a colon, a point in a list, else a paragraph. */
  private addNumberDot(value: string, text: string): void {
    const pointText = this.point ? blockText(this.point.content![0]!) : ''
    const pointMark = this.point ? (this.report.written[this.point.attrs!.id as string] ?? '') : ''
    if (this.point && !/^\d/u.test(pointMark) && /:$/u.test(pointText)) return this.addSubpoint(`${value}.`, text)
    if (this.subpoint) return this.addSubpoint(`${value}.`, text)
    const inList = (this.point && pointMark.endsWith('.')) || (this.paragraph && !this.point && /:$/u.test(blockText(this.paragraph.content![0]!)))
    if (inList || (this.open?.kind === 'lead' && /:$/u.test(blockText(this.open.block)))) return this.addPoint(`${value}.`, value, text)
    this.addParagraph(text, value)
  }

  private addIndent(text: string): void {
    const paragraph = this.ensureParagraph()
    const indent: Json = { type: 'indent', attrs: { id: newNodeId() }, content: [textBlock(text)] }
    ;(this.subpoint ?? this.point ?? paragraph).content!.push(indent)
    this.open = { block: indent.content![0]!, kind: 'indent' }
  }

  /** A line that starts no unit: continues the open text, closes a list, or opens a paragraph. */
  private addPlain(line: Line): void {
    const t = line.text
    const open = this.open
    if (open) {
      const current = blockText(open.block)
      if (!current && open.kind === 'lead') return setBlockText(open.block, t)
      if (current && this.continues(open, current, line)) {
        const glue = /\p{L}-$/u.test(current) && LOWERCASE_START.test(t) ? '' : ' '
        return setBlockText(open.block, current + glue + t)
      }
      if ((open.kind === 'point' || open.kind === 'indent') && LOWERCASE_START.test(t) && this.paragraph) {
        // Closing words after a list: "… ako ispunjavaju uslove."
        const block = textBlock(t)
        this.paragraph.content!.push(block)
        this.point = this.subpoint = null
        this.open = { block, kind: 'closing' }
        return
      }
    }
    this.addParagraph(t, null)
  }

  /** Whether, after the plain lines from line i on, the next line is another point or indent. */
  private listGoesOn(i: number): boolean {
    for (let j = i + 1; j < this.lines.length; j++) {
      const t = this.lines[j]!.text
      if (POINT.test(t) || INDENT.test(t) || NUMBER_DOT.test(t)) return true
      if (this.isMarker(t) || this.parseLabel(j) || this.isDivision(j) || !LOWERCASE_START.test(t)) return false
    }
    return false
  }

  /** A marker-like line ("(1) ovog zakona.") that only finishes a reference broken before its number. */
  private breaksReference(t: string): boolean {
    if (!this.open || !this.isMarker(t)) return false
    const current = blockText(this.open.block)
    return !LIST_TERMINAL.test(current) && REFERENCE_END.test(current)
  }

  /** Whether a plain line continues the open text block rather than starting a new unit. */
  private continues(open: Open, current: string, line: Line): boolean {
    const list = open.kind === 'point' || open.kind === 'indent'
    // "(u daljem tekstu:" / "federalni ministar)": a parenthesis still open
    const abbreviated = NUMBER_OR_ABBREVIATION_END.test(current)
    if (parenthesisOpen(current) && (!/[.;!?]$/u.test(current) || abbreviated)) return true
    const ended = (list ? LIST_TERMINAL : TERMINAL).test(current)
    if (!ended) return !line.blankBefore || !UPPERCASE_START.test(line.text)
    // "e) … tjelesno," / "psihosocijalno, …" / "f) …": a point broken after a comma, not
    // the closing words of the list, when the list goes on after it.
    if (list && /[,;]$/u.test(current) && LOWERCASE_START.test(line.text)) return this.listGoesOn(line.index)
    // "… član 18f." / "mijenja se i glasi:": a sentence broken after a number
    return abbreviated && /^[\p{Ll}\d]/u.test(line.text)
  }

  // -------------------------------------------------------------------------------------
  // Annexes

  private openAnnex(number: string, title: string): void {
    this.closeArticle()
    this.signature = false
    const id = newNodeId()
    this.annex = {
      type: 'annex',
      attrs: { id, num: this.frozen ? number : null },
      content: [inline('heading', title.trim())],
    }
    this.report.written[id] = number
    this.annexes.push(this.annex)
  }

  /** A line of an annex: its title when it has none yet and the line reads as one, else its text. */
  private readAnnexLine(line: Line): void {
    const annex = this.annex!
    const t = line.text
    const heading = annex.content![0]!
    if (annex.content!.length === 1 && blockText(heading) === '' && (upperCaseDominant(t) || headingLike(t, 10)) && !TERMINAL.test(t)) {
      setBlockText(heading, t)
      return
    }
    const last = annex.content!.at(-1)!
    const lastText = last.type === 'text_block' ? blockText(last) : null
    if (lastText && this.continues({ block: last, kind: 'lead' }, lastText, line)) {
      setBlockText(last, `${lastText} ${t}`)
      return
    }
    annex.content!.push(textBlock(t))
  }

  /**
   * Whether an article that carries on the numbering comes after line i (before the
   * memorandum): then a "Prilog 1" line at i is the text of the current article.
   */
  private nextArticleAfter(i: number): boolean {
    for (let j = i + 1; j < this.lines.length; j++) {
      if (MEMORANDUM.test(this.lines[j]!.text)) return false
      const label = this.parseLabel(j)
      if (label && this.followsArticle(label.number)) return true
    }
    return false
  }

  /** Annexes need a text block after their title. */
  private closeAnnexes(): void {
    for (const annex of this.annexes) if (annex.content!.length === 1) annex.content!.push(textBlock(''))
  }

  // -------------------------------------------------------------------------------------
  // Memorandum

  private readMemorandumLine(line: Line): void {
    const t = line.text
    const memorandum = this.memorandum!
    const last = this.memoSection?.content!.at(-1)
    const lastText = last && last.type === 'text_block' ? blockText(last) : null
    if (lastText && this.continues({ block: last!, kind: 'lead' }, lastText, line)) {
      setBlockText(last!, `${lastText} ${t}`)
      return
    }
    const m = MEMO_SECTION.exec(t)
    if (m && (upperCaseDominant(m[2]!) || headingLike(m[2]!))) {
      this.memoSection = { type: 'memorandum_section', attrs: { id: newNodeId() }, content: [inline('heading', m[2]!)] }
      memorandum.content!.push(this.memoSection)
      return
    }
    if (!this.memoSection) {
      this.memoSection = { type: 'memorandum_section', attrs: { id: newNodeId() }, content: [inline('heading', '')] }
      memorandum.content!.push(this.memoSection)
    }
    this.memoSection.content!.push(textBlock(t))
  }

  // -------------------------------------------------------------------------------------
  // Recognising lines

  /** An article label at line i: "Član 1.", "Članak 3. (Predmet)", "Član 1. Predmet zakona". */
  private parseLabel(i: number): Label | null {
    const m = LABEL.exec(this.lines[i]!.text)
    if (!m) return null
    const number = `${m[1]}${m[2] ?? ''}`
    let rest = m[3]!.trim()
    if (!rest) return { number, heading: null, bracketed: false, text: null }
    const bracketed = /^\(([^()]+)\)\s*(.*)$/u.exec(rest)
    if (bracketed) {
      if (/^\d+$/u.test(bracketed[1]!)) return UPPERCASE_START.test(bracketed[2]!) ? { number, heading: null, bracketed: false, text: rest } : null
      return { number, heading: bracketed[1]!.trim(), bracketed: true, text: bracketed[2] || null }
    }
    rest = rest.replace(/^[–—:-]\s*/u, '')
    if (!rest) return { number, heading: null, bracketed: false, text: null }
    const next = this.lines[i + 1]?.text ?? ''
    if (headingLike(rest) && !LOWERCASE_START.test(next)) return { number, heading: rest, bracketed: false, text: null }
    return null
  }

  /**
   * A page header inside the body: the act's own title again, or a short line without a
   * full stop that the body repeats three times or more ("Nacrt zakona o …").
   */
  private isRunningHeader(i: number): boolean {
    const t = this.lines[i]!.text
    if (!this.article || this.isMarker(t) || /^\(.*\)$/u.test(t) || TERMINAL.test(t) || LIST_TERMINAL.test(t)) return false
    if (this.title && t.toLocaleLowerCase() === this.title.toLocaleLowerCase()) return true
    if (words(t) > 12) return false
    this.repeated ??= countRepeats(this.lines)
    return (this.repeated.get(t) ?? 0) >= 3
  }

  /** The next line after line i that is not a note, a footnote or a page header. */
  private nextTextLine(i: number): Line | undefined {
    let j = i + 1
    while (j < this.lines.length && (NOTE.test(this.lines[j]!.text) || FOOTNOTE.test(this.lines[j]!.text) || this.isRunningHeader(j))) j++
    return this.lines[j]
  }

  private nextIsLabel(i: number): boolean {
    return i + 1 < this.lines.length && this.parseLabel(i + 1) !== null
  }

  private nextIsHeading(i: number): boolean {
    const next = this.lines[i + 1]
    return !!next && upperCaseDominant(next.text) && !this.parseLabel(i + 1) && !this.isDivision(i + 1)
  }

  private isDivision(i: number): boolean {
    const t = this.lines[i]!.text
    return DIVISIONS.some(([, pattern]) => divisionHeading(pattern, t) !== null) || this.romanHeading(i) !== null
  }

  private isMarker(t: string): boolean {
    return PARAGRAPH.test(t) || POINT.test(t) || NUMBER_DOT.test(t) || INDENT.test(t)
  }

  /**
   * A bare Roman heading at line i: "I - OSNOVNE ODREDBE", "I. ОПШТЕ ОДРЕДБЕ",
   * "II SOCIJALNA ZAŠTITA". Without a separator, "I" and "V" are also words ("I DRUGIH
   * PROPISA" continues a title), so they count only right before an article.
   * Returns the heading, or null.
   */
  private romanHeading(i: number): string | null {
    const m = ROMAN_HEADING.exec(this.lines[i]!.text)
    if (!m || !ROMAN.test(m[1]!)) return null
    const [, numeral, separator, rest] = m as unknown as [string, string, string | undefined, string]
    if (/^[.:;,)]/u.test(rest) || TERMINAL.test(rest) || /,$/u.test(rest)) return null
    const shaped = upperCaseDominant(rest) || (separator !== undefined && headingLike(rest, 10))
    if (!shaped) return null
    if (!separator && (numeral === 'I' || numeral === 'V') && !this.nextIsLabel(i)) return null
    return rest
  }

  /** Whether line i opens a signature block: a signatory, "s. r.", a place and date, a reference number. */
  private startsSignature(i: number): boolean {
    const t = this.lines[i]!.text
    if (SIGNED.test(t) && words(t) <= 8) return true
    if (PLACE_DATE.test(t) || DATE.test(t) || REFERENCE.test(t) || PLACE.test(t)) return true
    const hasText = this.article!.content!.some((c) => c.type === 'paragraph' && (c.content ?? []).some((b) => blockText(b)))
    if (hasText && SIGNATORY.test(t) && words(t) <= 6 && !TERMINAL.test(t)) {
      const next = this.lines[i + 1]?.text
      return next === undefined || (words(next) <= 8 && !TERMINAL.test(next.replace(/\s?[sv]\.\s?r\.$/iu, '')))
    }
    return false
  }

  /** Whether a quoted label can be the next article of the amending law itself. */
  private followsArticle(number: string): boolean {
    const [base, suffix] = splitNumber(number)
    const [outerBase, outerSuffix] = splitNumber(this.articleNumber ?? '0')
    return base === outerBase + 1 || (base === outerBase && suffix > outerSuffix)
  }

  private checkSequence(number: string, line: Line): void {
    if (this.articleNumber === null) return
    const [base] = splitNumber(number)
    const [previous] = splitNumber(this.articleNumber)
    if (base === previous || base === previous + 1) return
    this.warn(
      'number-sequence',
      line.no,
      base > previous + 1
        ? `Article ${number} follows article ${this.articleNumber}: ${base - previous - 1 === 1 ? `article ${previous + 1} is` : `articles ${previous + 1}–${base - 1} are`} missing or their labels were not recognised.`
        : `Article ${number} follows article ${this.articleNumber}: the numbers go back.`,
    )
  }

  // -------------------------------------------------------------------------------------
  // Report

  private setAside(line: Line, reason: SetAsideReason): void {
    this.report.setAside.push({ line: line.no, text: line.text, reason })
  }

  private warn(kind: ImportWarningKind, line: number | null, message: string): void {
    this.report.warnings.push({ kind, line, message })
  }

  /** Drops divisions without any article (a truncated text, a heading read wrongly) and reports them. */
  private prune(units: Json[]): Json[] {
    const out: Json[] = []
    for (const unit of units) {
      if (unit.type === 'part' || unit.type === 'chapter' || unit.type === 'section') {
        const [heading, ...rest] = unit.content!
        const kept = this.prune(rest)
        if (!kept.some((c) => c.type !== 'heading')) {
          const line = this.divisionLines.get(unit)
          if (line) this.setAside(line, 'empty-division')
          this.warn('empty-division', line?.no ?? null, `The ${unit.type} "${line?.text ?? blockText(heading!)}" has no article; it was left out.`)
          continue
        }
        unit.content = [heading!, ...kept]
      }
      out.push(unit)
    }
    return out
  }
}

/** Orders in which points are lettered: ISO Latin, BHS Latin, Cyrillic, Cyrillic order in Latin (RS). */
const POINT_ORDERS = ['abcdefghijklmnopqrstuvwxyz', 'abcčćdđefghijklmnoprsštuvzž', 'абвгдђежзијклљмнњопрстћуфхцчџш', 'abvgdđežzijklmnoprstćufhcčš']

/** Where the point after `value` starts inside the text of point `value`, if it does. */
function nextPointOnLine(value: string, text: string): { index: number; value: string; rest: string } | null {
  const marks = /^\d+$/u.test(value)
    ? [String(Number(value) + 1)]
    : POINT_ORDERS.filter((letters) => letters.includes(value)).map((letters) => letters[letters.indexOf(value) + 1] ?? '')
  let best: { index: number; value: string; rest: string } | null = null
  for (const mark of new Set(marks.filter(Boolean))) {
    // After a word and a comma or semicolon; never inside a reference list "tačke a), b) i c)".
    const m = new RegExp(String.raw`(?<=[\p{L}\d"”'»%][,;.])\s+${mark}\)\s+(?=\S)`, 'u').exec(text)
    if (m && (!best || m.index < best.index)) best = { index: m.index, value: mark, rest: text.slice(m.index + m[0].length) }
  }
  return best
}

function countRepeats(lines: Line[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const line of lines) counts.set(line.text, (counts.get(line.text) ?? 0) + 1)
  return counts
}

/** Whether text ends inside parentheses; a point reference "b)" closes nothing. */
function parenthesisOpen(text: string): boolean {
  let depth = 0
  for (const ch of text) {
    if (ch === '(') depth++
    else if (ch === ')') depth = Math.max(0, depth - 1)
  }
  return depth > 0
}

function splitNumber(number: string): [number, string] {
  const m = /^(\d+)(.*)$/u.exec(number)
  return m ? [Number(m[1]), m[2]!.toLowerCase()] : [0, number]
}

/**
 * How a line changes the depth of quotation: „ and ,, open; straight and curly quotes and
 * guillemets open at the start of a word and close at its end, since BiH and Serbian texts
 * write "…", “…”, ”…” and «…», and Croatian ones »…«.
 */
function quoteBalance(text: string): { opened: boolean; delta: number } {
  let delta = 0
  let opened = false
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!
    const prev = k === 0 ? ' ' : text[k - 1]!
    if (ch === '„' || (ch === ',' && text[k + 1] === ',' && /[\s(]/u.test(prev) && /\p{L}/u.test(text[k + 2] ?? ''))) {
      if (ch === ',') k++
      delta++
      opened = true
    } else if (ch === 'ˮ') delta--
    else if (ch === '"' || ch === '“' || ch === '”' || ch === '«' || ch === '»') {
      if (/[\s([{„]/u.test(prev) || k === 0) {
        delta++
        opened = true
      } else delta--
    }
  }
  return { opened, delta }
}

function countUnits(doc: Node): ImportCounts {
  const counts: ImportCounts = { parts: 0, chapters: 0, sections: 0, articles: 0, paragraphs: 0, points: 0, subpoints: 0, indents: 0 }
  const plural: Record<string, keyof ImportCounts> = {
    part: 'parts', chapter: 'chapters', section: 'sections', article: 'articles',
    paragraph: 'paragraphs', point: 'points', subpoint: 'subpoints', indent: 'indents',
  }
  doc.descendants((node) => {
    const key = plural[node.type.name]
    if (key) counts[key]++
    return node.type.name !== 'memorandum'
  })
  return counts
}
