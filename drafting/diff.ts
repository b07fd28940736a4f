import type { Node } from 'prosemirror-model'
import { Diff } from 'diff'
import { legalLabels, type LegalLabels } from './labels.ts'
import type { DraftScript } from './language.ts'
import { numberDocument, type NumberingMode } from './numbering.ts'

/**
 * Comparing two versions of an act, article by article. Articles are paired by their
 * stable id (which survives renumbering), then by content, then by number, so that a
 * renumbered article reads "Član 14. (ranije Član 12.)" and not as a delete plus an
 * insert. Inside an article the comparison goes paragraph by paragraph and point by
 * point, and then word by word. Pure: no I/O.
 */

/**
 * How articles of the two versions are paired:
 * - `ids`: by stable id only (two versions of one draft);
 * - `content`: ignoring ids, by heading, text similarity and number (two imported files,
 *   which share no ids);
 * - `auto` (default): by id where the versions share ids, then by content for the rest;
 *   as `content` where they share none.
 */
export type AlignMode = 'ids' | 'content' | 'auto'

export interface DiffOptions {
  align?: AlignMode
  /**
   * How each version is numbered. Default: `frozen` for a version whose articles carry
   * written numbers (an imported or amended act), `continuous` otherwise.
   */
  numbering?: NumberingMode
  /** The script of point labels in the compared text (a), б) …). Default: the documents' own. */
  script?: DraftScript
}

/**
 * What an invisible-looking replacement is: only diacritics differ ("teskoćama" →
 * "teškoćama"), only digits ("60" → "45"), or only punctuation.
 */
export type ChangeKind = 'diacritics' | 'number' | 'punctuation'

/**
 * One run of a word-level comparison. The old text is the `equal` and `delete` runs in
 * order, the new text the `equal` and `insert` runs. A replacement is a `delete`
 * followed by an `insert`; `kind` marks the ones that are easy to miss.
 */
export interface WordChange {
  type: 'equal' | 'insert' | 'delete'
  text: string
  kind?: ChangeKind
}

/** `changed` means the text changed; a unit that was only renumbered is `unchanged`. */
export type UnitStatus = 'unchanged' | 'changed' | 'added' | 'deleted'

/**
 * A point (a), b) …), indent (–), table or closing text of a paragraph, after its lead
 * text. Numbers are points' numbers without labels ("5" is e)); null for indents, tables
 * and text. `changes` compare the item's text without its label (sub-points included, one
 * a line); a table reads one row a line, its cells joined by " | " (see tableLines), so a
 * changed cell shows inside its row and an added or removed row as a whole line.
 */
export interface ItemDiff {
  kind: 'point' | 'indent' | 'text' | 'table'
  status: UnitStatus
  oldNumber: string | null
  newNumber: string | null
  changes: WordChange[]
}

/**
 * A paragraph (stav) of an article. Numbers without parentheses ("2"); null where the
 * article has a single, unnumbered paragraph, or where the paragraph is absent.
 * `changes` compare the whole paragraph as read: its lead text, then each item on its
 * own line with its label ("e) osoba s invaliditetom …"). `items` is the same comparison
 * point by point.
 */
export interface ParagraphDiff {
  status: UnitStatus
  oldNumber: string | null
  newNumber: string | null
  oldId: string | null
  newId: string | null
  changes: WordChange[]
  items: ItemDiff[]
}

/**
 * An article in the comparison. Numbers are as written without the label ("3", "18f"),
 * null where the article is absent. `heading` is the new heading (the old one for a
 * deleted article). `moved`: its position changed in a way insertions and deletions do
 * not explain. `splitFrom`: an added article that carries on an old article whose other
 * part kept its identity (one article split into two).
 */
export interface ArticleDiff {
  status: UnitStatus
  oldNumber: string | null
  newNumber: string | null
  oldId: string | null
  newId: string | null
  heading: string | null
  oldHeading: string | null
  headingChanges: WordChange[] | null
  moved: boolean
  splitFrom?: { oldId: string | null; oldNumber: string }
  paragraphs: ParagraphDiff[]
}

/** A part, chapter or section: numbers as counted ("2" for DIO DRUGI), headings as written. */
export interface DivisionDiff {
  kind: 'part' | 'chapter' | 'section'
  status: 'unchanged' | 'renamed' | 'added' | 'deleted'
  oldNumber: string | null
  newNumber: string | null
  oldHeading: string | null
  newHeading: string | null
  oldId: string | null
  newId: string | null
}

/**
 * An annex (prilog) in the comparison: numbers as counted ("2" for Prilog 2), null where
 * the annex is absent; `heading` the new title (the old one for a deleted annex).
 * `changes` compare its body, one text block or table row a line (see tableLines);
 * `headingChanges` its title, null when unchanged. Annexes are paired by stable id, then
 * by title and content.
 */
export interface AnnexDiff {
  status: UnitStatus
  oldNumber: string | null
  newNumber: string | null
  oldId: string | null
  newId: string | null
  heading: string
  oldHeading: string | null
  headingChanges: WordChange[] | null
  changes: WordChange[]
}

/**
 * Counts of articles: `changed` (text differs), `added`, `deleted`, `renumbered` (number
 * differs, whatever the text), `moved` (order changes not explained by insertions and
 * deletions), `unchanged` (same text, renumbered or not).
 */
export interface DiffSummary {
  changed: number
  added: number
  deleted: number
  renumbered: number
  moved: number
  unchanged: number
}

/**
 * The comparison of two versions. `articles` are in the new order, each deleted article
 * placed where it was; `divisions` likewise. `align` is how articles were paired in the
 * end. JSON-serialisable.
 */
export interface DocumentDiff {
  align: 'ids' | 'content'
  title: { old: string; new: string; changes: WordChange[] } | null
  summary: DiffSummary
  articles: ArticleDiff[]
  divisions: DivisionDiff[]
  /** The annexes, in the new order, each deleted one placed where it was. */
  annexes: AnnexDiff[]
}

// ---------------------------------------------------------------------------------------
// Word-level comparison

// The tokens of jsdiff's diffWordsWithSpace (each word, punctuation mark, newline and run
// of spaces), with words in any script: diffWordsWithSpace knows Latin letters only and
// would compare Cyrillic text letter by letter.
const TOKENS = /\r?\n|[\p{L}\p{M}\p{N}_]+|[^\S\r\n]+|[^\p{L}\p{M}\p{N}_\s]/gu

class WordsWithSpaceDiff extends Diff<string, string> {
  override tokenize(value: string): string[] {
    return value.match(TOKENS) ?? []
  }
}
const wordsWithSpace = new WordsWithSpaceDiff()

/** Word-by-word comparison of two texts (jsdiff, Myers), replacements grouped and classified. */
export function compareWords(oldText: string, newText: string): WordChange[] {
  const out: WordChange[] = []
  if (oldText === newText) {
    push(out, 'equal', oldText)
    return out
  }
  if (!oldText || !newText) {
    push(out, 'delete', oldText)
    push(out, 'insert', newText)
    return out
  }
  for (const c of wordsWithSpace.diff(oldText, newText)) push(out, c.added ? 'insert' : c.removed ? 'delete' : 'equal', c.value)
  return tidy(out)
}

/** The old text of a comparison. */
export function oldTextOf(changes: readonly WordChange[]): string {
  return changes.filter((c) => c.type !== 'insert').map((c) => c.text).join('')
}

/** The new text of a comparison. */
export function newTextOf(changes: readonly WordChange[]): string {
  return changes.filter((c) => c.type !== 'delete').map((c) => c.text).join('')
}

function push(out: WordChange[], type: WordChange['type'], text: string): void {
  if (!text) return
  const last = out[out.length - 1]
  if (last && last.type === type) last.text += text
  else out.push({ type, text })
}

/**
 * Reads better: spaces left equal between two replaced words join the replacement
 * ("[-a b-]{+c d+}", not "[-a-]{+c+} [-b-]{+d+}"); each run of changes becomes one
 * deletion then one insertion; replacements get their kind.
 */
function tidy(input: WordChange[]): WordChange[] {
  // "[-,-] [-u pravilu, -]" reads as "[-, u pravilu,-] ": slide a space kept between two
  // deletions (or insertions) to the end when the second one ends with it.
  const changes: WordChange[] = []
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!
    const prev = changes[changes.length - 1]
    const next = input[i + 1]
    if (c.type === 'equal' && /^[^\S\n]+$/.test(c.text) && prev && next && prev.type !== 'equal' && prev.type === next.type && next.text.endsWith(c.text)) {
      prev.text += c.text + next.text.slice(0, next.text.length - c.text.length)
      push(changes, 'equal', c.text)
      i++
    } else push(changes, c.type, c.text)
  }
  const out: WordChange[] = []
  let del = ''
  let ins = ''
  const flush = () => {
    const kind = classify(del, ins)
    if (del) out.push(kind ? { type: 'delete', text: del, kind } : { type: 'delete', text: del })
    if (ins) out.push(kind ? { type: 'insert', text: ins, kind } : { type: 'insert', text: ins })
    del = ins = ''
  }
  changes.forEach((c, i) => {
    if (c.type === 'delete') del += c.text
    else if (c.type === 'insert') ins += c.text
    else {
      const before = changes[i - 1]
      const after = changes[i + 1]
      const between = before && after && before.type !== 'equal' && after.type !== 'equal'
      if (between && /^[^\S\n]+$/.test(c.text) && ((del && ins) || before.type !== after.type)) {
        del += c.text
        ins += c.text
        return
      }
      flush()
      out.push({ type: 'equal', text: c.text })
    }
  })
  flush()
  return out
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase()
}

function classify(del: string, ins: string): ChangeKind | null {
  const stripPunctuation = (t: string) => t.replace(/[^\p{L}\p{N}]/gu, '')
  if (del && ins && del !== ins && fold(del) === fold(ins)) return 'diacritics'
  if (del && ins && /\d/.test(del) && /\d/.test(ins) && /^[\d\s.,%]+$/.test(del) && /^[\d\s.,%]+$/.test(ins)) return 'number'
  if ((del || ins) && stripPunctuation(del) === stripPunctuation(ins) && /[^\p{L}\p{N}\s]/u.test(del + ins)) return 'punctuation'
  return null
}

// ---------------------------------------------------------------------------------------
// The versions as compared

interface Item {
  kind: 'point' | 'indent' | 'text' | 'table'
  id: string | null
  number: string | null
  label: string
  text: string
  line: string
}

interface Para {
  id: string | null
  number: string | null
  lead: string
  items: Item[]
  text: string
}

interface Art {
  id: string | null
  number: string
  heading: string | null
  paras: Para[]
  text: string
}

interface Div {
  kind: 'part' | 'chapter' | 'section'
  id: string | null
  number: string | null
  heading: string
  articles: number[]
}

interface Anx {
  id: string | null
  number: string
  heading: string
  text: string
}

interface Version {
  title: string
  articles: Art[]
  divisions: Div[]
  annexes: Anx[]
}

function idOf(node: Node): string | null {
  const id = node.attrs.id as unknown
  return typeof id === 'string' && id ? id : null
}

/**
 * What a cross-reference reads as in a comparison: one stable word, whatever it points
 * at, so that renumbering alone never shows as a change of the text that refers.
 */
export const REFERENCE_PLACEHOLDER = '[→član]'

/** A table as text: one row a line, cells joined by " | ", a cell's blocks by a space (as OutlineTable's blocks). */
export function tableLines(table: Node): string[] {
  const lines: string[] = []
  table.forEach((row) => {
    const cells: string[] = []
    row.forEach((cell) => {
      const blocks: string[] = []
      cell.forEach((b) => void blocks.push(textOf(b)))
      cells.push(blocks.join(' '))
    })
    lines.push(cells.join(' | '))
  })
  return lines
}

/** A block's text: textContent without its general tree walk, which the comparison would pay for every block. */
function textOf(node: Node | null): string {
  if (!node) return ''
  let text = ''
  node.forEach((child) => {
    text += child.isText ? child.text! : child.type.name === 'reference' ? REFERENCE_PLACEHOLDER : textOf(child)
  })
  return text
}

function numberingOf(doc: Node): NumberingMode {
  let frozen = false
  doc.descendants((node) => {
    if (node.type.name === 'article' && node.attrs.num) frozen = true
    return !frozen && node.type.name !== 'article'
  })
  return frozen ? 'frozen' : 'continuous'
}

function scriptOf(doc: Node): DraftScript {
  let sample = ''
  doc.descendants((node) => {
    if (node.isText) sample += node.text
    return sample.length < 2000
  })
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0
  return cyrillic > latin ? 'cyrl' : 'latn'
}

function readVersion(doc: Node, mode: NumberingMode, labels: LegalLabels): Version {
  const numbers = numberDocument(doc, mode)
  const version: Version = { title: '', articles: [], divisions: [], annexes: [] }
  const walk = (container: Node, path: number[]) => {
    container.forEach((child) => {
      const type = child.type.name
      if (type === 'title') version.title = textOf(child)
      else if (type === 'part' || type === 'chapter' || type === 'section') {
        const id = idOf(child)
        version.divisions.push({ kind: type, id, number: (id && numbers.get(id)) ?? null, heading: textOf(child.firstChild), articles: [] })
        walk(child, [...path, version.divisions.length - 1])
      } else if (type === 'article') {
        const id = idOf(child)
        const number = (id && numbers.get(id)) ?? (child.attrs.num as string | null) ?? String(version.articles.length + 1)
        for (const d of path) version.divisions[d]!.articles.push(version.articles.length)
        version.articles.push(readArticle(child, id, number, labels))
      } else if (type === 'annex') {
        const id = idOf(child)
        const number = (id && numbers.get(id)) ?? (child.attrs.num as string | null) ?? String(version.annexes.length + 1)
        const lines: string[] = []
        child.forEach((b, _o, i) => {
          if (i === 0) return
          if (b.type.name === 'table') lines.push(...tableLines(b))
          else lines.push(textOf(b))
        })
        version.annexes.push({ id, number, heading: textOf(child.firstChild), text: lines.join('\n') })
      }
    })
  }
  walk(doc, [])
  return version
}

function readArticle(node: Node, id: string | null, number: string, labels: LegalLabels): Art {
  let heading: string | null = null
  const paragraphs: Node[] = []
  node.forEach((child) => {
    if (child.type.name === 'article_heading') heading = textOf(child)
    else if (child.type.name === 'paragraph') paragraphs.push(child)
  })
  const paras = paragraphs.map((p, i): Para => {
    const lead = textOf(p.firstChild)
    const items = readItems(p, labels)
    return {
      id: idOf(p),
      number: paragraphs.length > 1 ? String(i + 1) : null,
      lead,
      items,
      text: [...(lead ? [lead] : []), ...items.map((item) => item.line)].join('\n'),
    }
  })
  return { id, number, heading, paras, text: `${heading ?? '\u0000'}\u0001${paras.map((p) => p.text).join('\u0001')}` }
}

function readItems(paragraph: Node, labels: LegalLabels): Item[] {
  const items: Item[] = []
  let points = 0
  paragraph.forEach((child, _offset, index) => {
    if (index === 0) return
    const item = (kind: Item['kind'], number: string | null, label: string, text: string): Item => ({
      kind, id: idOf(child), number, label, text, line: label ? `${label} ${text}` : text,
    })
    if (child.type.name === 'point') {
      points += 1
      items.push(item('point', String(points), labels.point(points), renderPoint(child, labels)))
    } else if (child.type.name === 'indent') items.push(item('indent', null, '–', textOf(child)))
    else if (child.type.name === 'table') items.push(item('table', null, '', tableLines(child).join('\n')))
    else items.push(item('text', null, '', textOf(child)))
  })
  return items
}

/** A point's text with its sub-points and indents, one a line. */
function renderPoint(node: Node, labels: LegalLabels): string {
  const lines: string[] = []
  let subpoints = 0
  node.forEach((child, _offset, index) => {
    if (index === 0) lines.push(textOf(child))
    else if (child.type.name === 'subpoint') lines.push(`${labels.subpoint(++subpoints)} ${renderPoint(child, labels)}`)
    else if (child.type.name === 'indent') lines.push(`– ${textOf(child)}`)
    else if (child.type.name === 'table') lines.push(...tableLines(child))
    else lines.push(textOf(child))
  })
  return lines.join('\n')
}

function wordSet(text: string): Set<string> {
  return new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
}

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 1
  const [small, large] = a.size <= b.size ? [a, b] : [b, a]
  let shared = 0
  for (const w of small) if (large.has(w)) shared++
  return shared / (a.size + b.size - shared)
}

// ---------------------------------------------------------------------------------------
// Pairing two sequences

/** Which old unit each new unit is paired with, and back; -1 for none. */
class Pairing {
  readonly oldToNew: number[]
  readonly newToOld: number[]
  constructor(oldLength: number, newLength: number) {
    this.oldToNew = new Array<number>(oldLength).fill(-1)
    this.newToOld = new Array<number>(newLength).fill(-1)
  }
  pair(o: number, n: number): void {
    this.oldToNew[o] = n
    this.newToOld[n] = o
  }
  unmatchedOld(): number[] {
    return this.oldToNew.flatMap((n, o) => (n === -1 ? [o] : []))
  }
  unmatchedNew(): number[] {
    return this.newToOld.flatMap((o, n) => (o === -1 ? [n] : []))
  }
}

/** Pairs unpaired units with equal keys, in order; null keys never pair. */
function pairByKey(p: Pairing, oldKey: (o: number) => string | null, newKey: (n: number) => string | null): void {
  const waiting = new Map<string, number[]>()
  for (const o of p.unmatchedOld()) {
    const key = oldKey(o)
    if (key === null) continue
    const queue = waiting.get(key)
    if (queue) queue.push(o)
    else waiting.set(key, [o])
  }
  for (const n of p.unmatchedNew()) {
    const key = newKey(n)
    const o = key === null ? undefined : waiting.get(key)?.shift()
    if (o !== undefined) p.pair(o, n)
  }
}

/** Keys that occur once among the unpaired units of a side; null for the others. */
function uniqueKeys(indices: number[], key: (i: number) => string | null): (i: number) => string | null {
  const counts = new Map<string, number>()
  for (const i of indices) {
    const k = key(i)
    if (k !== null) counts.set(k, (counts.get(k) ?? 0) + 1)
  }
  return (i) => {
    const k = key(i)
    return k !== null && counts.get(k) === 1 ? k : null
  }
}

// Beyond this many pairs, candidates come from an index of rare words and from nearby
// positions instead.
const ALL_PAIRS_LIMIT = 40_000
const NEAR = 8

/**
 * Pairs unpaired units whose word sets are similar enough, most similar first (ties: the
 * nearer in position). Compares all pairs of small sets; of large ones, only pairs sharing a
 * rare word or standing near the same place.
 */
function pairBySimilarity(
  p: Pairing, olds: number[], news: number[],
  oldWords: (o: number) => Set<string>, newWords: (n: number) => Set<string>,
  threshold: number, compatible: (o: number, n: number) => boolean = () => true,
): void {
  if (olds.length === 0 || news.length === 0) return
  const candidates: [number, number][] = []
  if (olds.length * news.length <= ALL_PAIRS_LIMIT) {
    for (const o of olds) for (const n of news) candidates.push([o, n])
  } else {
    const postings = new Map<string, number[]>()
    for (const o of olds) for (const w of oldWords(o)) (postings.get(w) ?? postings.set(w, []).get(w)!).push(o)
    const rare = Math.max(3, Math.ceil(Math.sqrt(olds.length)))
    news.forEach((n, k) => {
      // Candidates: the old units sharing a rare word, and those near the same place.
      const seen = new Set<number>()
      const near = Math.round((k * olds.length) / news.length)
      for (let i = Math.max(0, near - NEAR); i < Math.min(olds.length, near + NEAR + 1); i++) seen.add(olds[i]!)
      for (const w of newWords(n)) {
        const list = postings.get(w)
        if (list && list.length <= rare) for (const o of list) seen.add(o)
      }
      for (const o of seen) candidates.push([o, n])
    })
  }
  const scored: { o: number; n: number; score: number; distance: number }[] = []
  const oldSpan = Math.max(1, p.oldToNew.length)
  const newSpan = Math.max(1, p.newToOld.length)
  for (const [o, n] of candidates) {
    if (!compatible(o, n)) continue
    const score = jaccard(oldWords(o), newWords(n))
    if (score >= threshold) scored.push({ o, n, score, distance: Math.abs(o / oldSpan - n / newSpan) })
  }
  scored.sort((a, b) => b.score - a.score || a.distance - b.distance)
  for (const { o, n } of scored) if (p.oldToNew[o] === -1 && p.newToOld[n] === -1) p.pair(o, n)
}

/**
 * The paired units that keep their order: a longest increasing subsequence of old
 * positions, taken in the new order (O(n log n)). The others moved.
 */
function inOrder(p: Pairing): Set<number> {
  const news: number[] = []
  for (let n = 0; n < p.newToOld.length; n++) if (p.newToOld[n] !== -1) news.push(n)
  const tails: number[] = []
  const previous = new Array<number>(news.length).fill(-1)
  news.forEach((n, i) => {
    const o = p.newToOld[n]!
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (p.newToOld[news[tails[mid]!]!]! < o) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) previous[i] = tails[lo - 1]!
    tails[lo] = i
  })
  const kept = new Set<number>()
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i !== -1; i = previous[i]!) kept.add(news[i]!)
  return kept
}

/** Unpaired units between two consecutive in-order pairs: where a unit could have been rewritten in place. */
function gaps(p: Pairing, kept: Set<number>): { olds: number[]; news: number[] }[] {
  const anchors = [...kept].sort((a, b) => a - b).map((n) => [p.newToOld[n]!, n] as const)
  const out = Array.from({ length: anchors.length + 1 }, () => ({ olds: [] as number[], news: [] as number[] }))
  const slot = (position: number, side: 0 | 1) => {
    let lo = 0
    let hi = anchors.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (anchors[mid]![side] < position) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  for (const o of p.unmatchedOld()) out[slot(o, 0)]!.olds.push(o)
  for (const n of p.unmatchedNew()) out[slot(n, 1)]!.news.push(n)
  return out.filter((g) => g.olds.length > 0 && g.news.length > 0)
}

/**
 * Both sequences in one: the new order, each unpaired old unit placed right after the new
 * place of the nearest in-order old unit before it (or first).
 */
function interleave(p: Pairing, kept: Set<number>): { o: number; n: number }[] {
  const after = new Map<number, number[]>()
  let anchor = -1
  for (let o = 0; o < p.oldToNew.length; o++) {
    const n = p.oldToNew[o]!
    if (n === -1) (after.get(anchor) ?? after.set(anchor, []).get(anchor)!).push(o)
    else if (kept.has(n)) anchor = n
  }
  const out: { o: number; n: number }[] = (after.get(-1) ?? []).map((o) => ({ o, n: -1 }))
  for (let n = 0; n < p.newToOld.length; n++) {
    out.push({ o: p.newToOld[n]!, n })
    for (const o of after.get(n) ?? []) out.push({ o, n: -1 })
  }
  return out
}

/** Pairs paragraphs or items: by id, by equal text, by similarity, then in place. */
function pairSequence<T extends { id: string | null; text: string; kind?: string }>(olds: T[], news: T[], useIds: boolean): Pairing {
  const p = new Pairing(olds.length, news.length)
  if (useIds) pairByKey(p, (o) => olds[o]!.id, (n) => news[n]!.id)
  const key = (t: T) => `${t.kind ?? ''}\u0000${t.text}`
  pairByKey(p, (o) => key(olds[o]!), (n) => key(news[n]!))
  const oldWords = memo((o: number) => wordSet(olds[o]!.text))
  const newWords = memo((n: number) => wordSet(news[n]!.text))
  const sameKind = (o: number, n: number) => olds[o]!.kind === news[n]!.kind
  pairBySimilarity(p, p.unmatchedOld(), p.unmatchedNew(), oldWords, newWords, 0.5, sameKind)
  for (const gap of gaps(p, inOrder(p))) {
    if (gap.olds.length === gap.news.length) gap.olds.forEach((o, i) => sameKind(o, gap.news[i]!) && p.pair(o, gap.news[i]!))
    else pairBySimilarity(p, gap.olds, gap.news, oldWords, newWords, 0.3, sameKind)
  }
  return p
}

function memo<T>(f: (i: number) => T): (i: number) => T {
  const cache = new Map<number, T>()
  return (i) => {
    let v = cache.get(i)
    if (v === undefined) cache.set(i, (v = f(i)))
    return v
  }
}

// ---------------------------------------------------------------------------------------
// Articles

function normalHeading(heading: string | null): string | null {
  return heading ? heading.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim() : null
}

function pairArticles(olds: Art[], news: Art[], how: { ids: boolean; content: boolean; numbers: boolean }): Pairing {
  const p = new Pairing(olds.length, news.length)
  if (how.ids) pairByKey(p, (o) => olds[o]!.id, (n) => news[n]!.id)
  if (!how.content) return p
  pairByKey(p, (o) => olds[o]!.text, (n) => news[n]!.text)
  pairByKey(
    p,
    uniqueKeys(p.unmatchedOld(), (o) => normalHeading(olds[o]!.heading)),
    uniqueKeys(p.unmatchedNew(), (n) => normalHeading(news[n]!.heading)),
  )
  const oldWords = memo((o: number) => wordSet(olds[o]!.text))
  const newWords = memo((n: number) => wordSet(news[n]!.text))
  pairBySimilarity(p, p.unmatchedOld(), p.unmatchedNew(), oldWords, newWords, 0.5)
  if (how.numbers) {
    // An article rewritten in place: the same number between the same neighbours.
    for (const gap of gaps(p, inOrder(p))) {
      for (const o of gap.olds) {
        const n = gap.news.find((n) => p.newToOld[n] === -1 && news[n]!.number === olds[o]!.number)
        if (n !== undefined) p.pair(o, n)
      }
      const olds1 = gap.olds.filter((o) => p.oldToNew[o] === -1)
      const news1 = gap.news.filter((n) => p.newToOld[n] === -1)
      if (olds1.length === 1 && news1.length === 1) pairBySimilarity(p, olds1, news1, oldWords, newWords, 0.2)
    }
  }
  return p
}

const unchangedChanges = (text: string): WordChange[] => (text ? [{ type: 'equal', text }] : [])
const onlyChanges = (type: 'insert' | 'delete', text: string): WordChange[] => (text ? [{ type, text }] : [])

function wholeItem(item: Item, status: 'unchanged' | 'added' | 'deleted'): ItemDiff {
  const changes = status === 'unchanged' ? unchangedChanges(item.text) : onlyChanges(status === 'added' ? 'insert' : 'delete', item.text)
  return { kind: item.kind, status, oldNumber: status === 'added' ? null : item.number, newNumber: status === 'deleted' ? null : item.number, changes }
}

function wholeParagraph(para: Para, status: 'added' | 'deleted'): ParagraphDiff {
  const changes = onlyChanges(status === 'added' ? 'insert' : 'delete', para.text)
  return {
    status,
    oldNumber: status === 'deleted' ? para.number : null,
    newNumber: status === 'added' ? para.number : null,
    oldId: status === 'deleted' ? para.id : null,
    newId: status === 'added' ? para.id : null,
    changes,
    items: para.items.map((item) => wholeItem(item, status)),
  }
}

function compareParagraphs(a: Para, b: Para, useIds: boolean): ParagraphDiff {
  const base = { oldNumber: a.number, newNumber: b.number, oldId: a.id, newId: b.id }
  if (a.text === b.text) {
    return {
      ...base,
      status: 'unchanged',
      changes: unchangedChanges(b.text),
      items: b.items.map((item, i) => ({ ...wholeItem(item, 'unchanged'), oldNumber: a.items[i]?.number ?? item.number })),
    }
  }
  const p = pairSequence(a.items, b.items, useIds)
  const changes: WordChange[] = []
  for (const c of compareWords(a.lead, b.lead)) push(changes, c.type, c.text)
  let oldHasText = a.lead !== ''
  let newHasText = b.lead !== ''
  const items: ItemDiff[] = []
  for (const { o, n } of interleave(p, inOrder(p))) {
    const x = o === -1 ? null : a.items[o]!
    const y = n === -1 ? null : b.items[n]!
    if (x && y) {
      if (oldHasText && newHasText) push(changes, 'equal', '\n')
      else if (oldHasText) push(changes, 'delete', '\n')
      else if (newHasText) push(changes, 'insert', '\n')
      if (x.label === y.label) push(changes, 'equal', x.label ? `${x.label} ` : '')
      else {
        push(changes, 'delete', x.label ? `${x.label} ` : '')
        push(changes, 'insert', y.label ? `${y.label} ` : '')
      }
      const itemChanges = compareWords(x.text, y.text)
      for (const c of itemChanges) push(changes, c.type, c.text)
      items.push({ kind: y.kind, status: x.text === y.text ? 'unchanged' : 'changed', oldNumber: x.number, newNumber: y.number, changes: itemChanges })
    } else if (y) {
      push(changes, 'insert', `${newHasText ? '\n' : ''}${y.line}`)
      items.push(wholeItem(y, 'added'))
    } else if (x) {
      push(changes, 'delete', `${oldHasText ? '\n' : ''}${x.line}`)
      items.push(wholeItem(x, 'deleted'))
    }
    oldHasText ||= x !== null
    newHasText ||= y !== null
  }
  return { ...base, status: 'changed', changes: tidy(changes), items }
}

interface Compared {
  diff: ArticleDiff
  /** Old paragraphs this article lost: where a split-off article may have come from. */
  lost: Para[]
}

function compareArticles(a: Art | null, b: Art | null, useIds: boolean): Compared {
  const base = {
    oldNumber: a?.number ?? null,
    newNumber: b?.number ?? null,
    oldId: a?.id ?? null,
    newId: b?.id ?? null,
    heading: (b ?? a)!.heading,
    oldHeading: a?.heading ?? null,
    headingChanges: null,
    moved: false,
  }
  if (!a) return { diff: { ...base, status: 'added', paragraphs: b!.paras.map((p) => wholeParagraph(p, 'added')) }, lost: [] }
  if (!b) return { diff: { ...base, status: 'deleted', paragraphs: a.paras.map((p) => wholeParagraph(p, 'deleted')) }, lost: a.paras }
  if (a.text === b.text) {
    const paragraphs = b.paras.map((para, i) => compareParagraphs(a.paras[i]!, para, useIds))
    return { diff: { ...base, status: 'unchanged', paragraphs }, lost: [] }
  }
  const p = pairSequence(a.paras, b.paras, useIds)
  const paragraphs: ParagraphDiff[] = []
  const lost: Para[] = []
  for (const { o, n } of interleave(p, inOrder(p))) {
    if (o !== -1 && n !== -1) paragraphs.push(compareParagraphs(a.paras[o]!, b.paras[n]!, useIds))
    else if (n !== -1) paragraphs.push(wholeParagraph(b.paras[n]!, 'added'))
    else {
      paragraphs.push(wholeParagraph(a.paras[o]!, 'deleted'))
      lost.push(a.paras[o]!)
    }
  }
  const headingChanges = a.heading === b.heading ? null : compareWords(a.heading ?? '', b.heading ?? '')
  return { diff: { ...base, status: 'changed', headingChanges, paragraphs }, lost }
}

/**
 * For each added article, the old article it was split from: the one whose lost
 * paragraphs it carries (by paragraph id, else by words), or a deleted article that two
 * or more added articles share between them.
 */
function findSplits(news: Art[], p: Pairing, compared: Map<number, Compared>, useIds: boolean): Map<number, number> {
  const sources: { o: number; words: Set<string>; ids: Set<string>; deleted: boolean }[] = []
  for (const [o, c] of compared) {
    if (c.lost.length === 0) continue
    sources.push({
      o,
      words: wordSet(c.lost.map((para) => para.text).join(' ')),
      ids: new Set(c.lost.flatMap((para) => (para.id ? [para.id] : []))),
      deleted: c.diff.status === 'deleted',
    })
  }
  const found = new Map<number, number>()
  if (sources.length === 0) return found
  for (const n of p.unmatchedNew()) {
    const art = news[n]!
    const words = wordSet(art.paras.map((para) => para.text).join(' '))
    let best: { o: number; score: number } | null = null
    for (const source of sources) {
      const byId = useIds ? art.paras.filter((para) => para.id && source.ids.has(para.id)).length : 0
      let shared = 0
      for (const w of words) if (source.words.has(w)) shared++
      const containment = words.size === 0 ? 0 : shared / words.size
      const coverage = source.words.size === 0 ? 0 : shared / source.words.size
      const score = byId > 0 ? 10 + byId : containment >= 0.6 && coverage >= 0.3 ? containment * coverage : 0
      if (score > 0 && (!best || score > best.score)) best = { o: source.o, score }
    }
    if (best) found.set(n, best.o)
  }
  // A deleted article counts as split only when two or more added articles share it.
  const shares = new Map<number, number>()
  for (const o of found.values()) shares.set(o, (shares.get(o) ?? 0) + 1)
  for (const [n, o] of found) if (compared.get(o)!.diff.status === 'deleted' && shares.get(o)! < 2) found.delete(n)
  return found
}

// ---------------------------------------------------------------------------------------
// Divisions

function compareDivisions(olds: Div[], news: Div[], articles: Pairing, useIds: boolean, content: boolean): DivisionDiff[] {
  const p = new Pairing(olds.length, news.length)
  if (useIds) pairByKey(p, (o) => olds[o]!.id, (n) => news[n]!.id)
  if (content) {
    pairByKey(p, (o) => `${olds[o]!.kind}:${normalHeading(olds[o]!.heading)}`, (n) => `${news[n]!.kind}:${normalHeading(news[n]!.heading)}`)
    // A renamed division: an unpaired one holding most of the same articles.
    const holders = new Map<number, number[]>()
    olds.forEach((d, o) => d.articles.forEach((a) => (holders.get(a) ?? holders.set(a, []).get(a)!).push(o)))
    for (const n of p.unmatchedNew()) {
      const votes = new Map<number, number>()
      let counted = 0
      for (const article of news[n]!.articles) {
        const oldArticle = articles.newToOld[article]!
        if (oldArticle === -1) continue
        counted++
        for (const o of holders.get(oldArticle) ?? []) {
          if (olds[o]!.kind === news[n]!.kind && p.oldToNew[o] === -1) votes.set(o, (votes.get(o) ?? 0) + 1)
        }
      }
      const best = [...votes].sort((x, y) => y[1] - x[1])[0]
      if (best && counted > 0 && best[1] * 2 >= counted) p.pair(best[0], n)
    }
  }
  return interleave(p, inOrder(p)).map(({ o, n }) => {
    const x = o === -1 ? null : olds[o]!
    const y = n === -1 ? null : news[n]!
    return {
      kind: (y ?? x)!.kind,
      status: !x ? 'added' : !y ? 'deleted' : x.heading === y.heading ? 'unchanged' : 'renamed',
      oldNumber: x?.number ?? null,
      newNumber: y?.number ?? null,
      oldHeading: x?.heading ?? null,
      newHeading: y?.heading ?? null,
      oldId: x?.id ?? null,
      newId: y?.id ?? null,
    }
  })
}

// ---------------------------------------------------------------------------------------
// Annexes

function compareAnnexes(olds: Anx[], news: Anx[], useIds: boolean, content: boolean): AnnexDiff[] {
  const p = new Pairing(olds.length, news.length)
  if (useIds) pairByKey(p, (o) => olds[o]!.id, (n) => news[n]!.id)
  if (content) {
    pairByKey(p, (o) => `${olds[o]!.heading}\u0000${olds[o]!.text}`, (n) => `${news[n]!.heading}\u0000${news[n]!.text}`)
    pairByKey(
      p,
      uniqueKeys(p.unmatchedOld(), (o) => normalHeading(olds[o]!.heading)),
      uniqueKeys(p.unmatchedNew(), (n) => normalHeading(news[n]!.heading)),
    )
    const words = (a: Anx) => wordSet(`${a.heading} ${a.text}`)
    pairBySimilarity(p, p.unmatchedOld(), p.unmatchedNew(), memo((o) => words(olds[o]!)), memo((n) => words(news[n]!)), 0.5)
    // An annex rewritten in place: the same number between the same neighbours (imported
    // texts only; with ids, a new id is a new annex).
    if (!useIds) for (const gap of gaps(p, inOrder(p))) {
      for (const o of gap.olds) {
        const n = gap.news.find((n) => p.newToOld[n] === -1 && news[n]!.number === olds[o]!.number)
        if (n !== undefined) p.pair(o, n)
      }
    }
  }
  return interleave(p, inOrder(p)).map(({ o, n }): AnnexDiff => {
    const x = o === -1 ? null : olds[o]!
    const y = n === -1 ? null : news[n]!
    const base = { oldNumber: x?.number ?? null, newNumber: y?.number ?? null, oldId: x?.id ?? null, newId: y?.id ?? null, heading: (y ?? x)!.heading, oldHeading: x?.heading ?? null }
    if (!x) return { ...base, status: 'added', headingChanges: null, changes: onlyChanges('insert', y!.text) }
    if (!y) return { ...base, status: 'deleted', headingChanges: null, changes: onlyChanges('delete', x.text) }
    const same = x.heading === y.heading && x.text === y.text
    return {
      ...base,
      status: same ? 'unchanged' : 'changed',
      headingChanges: x.heading === y.heading ? null : compareWords(x.heading, y.heading),
      changes: x.text === y.text ? unchangedChanges(y.text) : compareWords(x.text, y.text),
    }
  })
}

// ---------------------------------------------------------------------------------------

/**
 * Compares two versions of an act (see AlignMode for how articles are paired). Numbers
 * are computed with numberDocument, never read from the text.
 */
export function diffDocuments(oldDoc: Node, newDoc: Node, options: DiffOptions = {}): DocumentDiff {
  const labels = legalLabels({ language: 'bs', script: options.script ?? scriptOf(newDoc) })
  const before = readVersion(oldDoc, options.numbering ?? numberingOf(oldDoc), labels)
  const after = readVersion(newDoc, options.numbering ?? numberingOf(newDoc), labels)
  const align = options.align ?? 'auto'
  const oldIds = new Set(before.articles.flatMap((a) => (a.id ? [a.id] : [])))
  const sharesIds = after.articles.some((a) => a.id !== null && oldIds.has(a.id))
  const useIds = align === 'ids' || (align === 'auto' && sharesIds)
  const how = { ids: useIds, content: align !== 'ids', numbers: !useIds }

  const p = pairArticles(before.articles, after.articles, how)
  const kept = inOrder(p)
  const order = interleave(p, kept)
  const compared = new Map<number, Compared>()
  const results = order.map(({ o, n }) => {
    const c = compareArticles(o === -1 ? null : before.articles[o]!, n === -1 ? null : after.articles[n]!, useIds)
    if (o !== -1) compared.set(o, c)
    if (o !== -1 && n !== -1) c.diff.moved = !kept.has(n)
    return { n, diff: c.diff }
  })
  const splits = findSplits(after.articles, p, compared, useIds)
  for (const { n, diff } of results) {
    const o = splits.get(n)
    if (o !== undefined) diff.splitFrom = { oldId: before.articles[o]!.id, oldNumber: before.articles[o]!.number }
  }
  const articles = results.map((r) => r.diff)

  const summary: DiffSummary = { changed: 0, added: 0, deleted: 0, renumbered: 0, moved: 0, unchanged: 0 }
  for (const a of articles) {
    summary[a.status] += 1
    if (a.oldNumber !== null && a.newNumber !== null && a.oldNumber !== a.newNumber) summary.renumbered += 1
    if (a.moved) summary.moved += 1
  }
  return {
    align: useIds ? 'ids' : 'content',
    title: before.title === after.title ? null : { old: before.title, new: after.title, changes: compareWords(before.title, after.title) },
    summary,
    articles,
    divisions: compareDivisions(before.divisions, after.divisions, p, useIds, align !== 'ids'),
    annexes: compareAnnexes(before.annexes, after.annexes, useIds, align !== 'ids'),
  }
}
