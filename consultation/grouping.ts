import { foldText } from './search/text.ts'

/**
 * Grouping of campaign comments: many people sending the same text, or nearly the same
 * (a typo, a greeting, a signature, the text without diacritics or in Cyrillic), so that
 * one answer can be given to the whole group. Pure: no database, no clock, no randomness.
 *
 * Texts are compared after `foldText` (lower case, Latin, no diacritics, no punctuation):
 * - identical folded texts always group, however short ("Podržavam!" ×300 is a campaign);
 * - texts of at least SHORT_WORDS words also group when the Jaccard similarity of their
 *   sets of word pairs (2-word shingles) reaches the threshold. Shorter texts group only
 *   when identical: in "Slažem se s prijedlogom" and "Ne slažem se s prijedlogom" three
 *   word pairs of four are shared, and one word reverses the meaning;
 * - but never two texts that cite different numbers: the numbers of one must all be among
 *   the numbers of the other. "Član 12. treba brisati …" and "Član 14. treba brisati …"
 *   are two proposals, however alike their words.
 * Candidate pairs come from MinHash signatures split into LSH bands (near-linear time);
 * each candidate is verified by exact Jaccard, and groups are the connected components.
 */

/** Comments that say the same thing: `key` is the id of the first of them in input order. */
export interface CommentGroup {
  key: string
  ids: string[]
}

/** `threshold`: the least Jaccard similarity of two comments' word pairs that groups them. */
export interface GroupingOptions {
  threshold?: number
}

/** The default threshold: tuned on `npm run bench -- grouping` (see decision 0017). */
export const DEFAULT_GROUPING_THRESHOLD = 0.6
/** Texts with fewer words than this group only with identical (folded) texts. */
export const SHORT_WORDS = 8

// 20 bands of 4 rows: a pair at Jaccard 0.6 becomes a candidate with probability 0.94,
// at 0.7 with 0.996; at 0.3 with 0.15 and at 0.1 with 0.002, so few pairs need verifying.
const BANDS = 20
const ROWS = 4
const HASHES = BANDS * ROWS
// Comments with equal keys in a band are compared with the 32 before them, not all.
const WINDOW = 32

/** Groups near-identical comments; only groups of two or more are returned, in input order. */
export function groupComments(comments: readonly { id: string; body: string }[], options: GroupingOptions = {}): CommentGroup[] {
  const threshold = options.threshold ?? DEFAULT_GROUPING_THRESHOLD
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError(`Grouping threshold must be in (0, 1], got ${threshold}`)
  const seen = new Set<string>()
  for (const c of comments) {
    if (seen.has(c.id)) throw new RangeError(`Comment id ${c.id} appears twice`)
    seen.add(c.id)
  }

  const sets = new UnionFind(comments.length)
  // Exact duplicates after folding: one hash lookup each; only the first of each text
  // goes on to the similarity search, and only if it is long enough to take part.
  const firstWithText = new Map<string, number>()
  const unique: number[] = []
  const prints: CommentFingerprint[] = []
  for (let i = 0; i < comments.length; i++) {
    const print = fingerprintComment(comments[i]!.body)
    if (print.folded === '') continue
    const first = firstWithText.get(print.folded)
    if (first !== undefined) {
      sets.union(first, i)
      continue
    }
    firstWithText.set(print.folded, i)
    if (!print.long) continue
    unique.push(i)
    prints.push(print)
  }

  if (threshold < 1) linkSimilar(unique, prints, threshold, sets)

  const members = new Map<number, number[]>()
  for (let i = 0; i < comments.length; i++) {
    const root = sets.find(i)
    const list = members.get(root)
    if (list) list.push(i)
    else members.set(root, [i])
  }
  const groups: CommentGroup[] = []
  for (const list of members.values()) {
    if (list.length < 2) continue
    groups.push({ key: comments[list[0]!]!.id, ids: list.map((i) => comments[i]!.id) })
  }
  // Map iteration follows first insertion, which is the first member's position: already
  // in input order.
  return groups
}

/** What grouping compares of a comment: computed once per comment. */
export interface CommentFingerprint {
  /** The text after `foldText`. */
  folded: string
  /** At least SHORT_WORDS words: may group with texts that are not identical. */
  long: boolean
  /** Sorted, distinct hashes of the 2-word shingles (empty for short texts). */
  shingles: Uint32Array
  /** The distinct words with a digit ("12", "3", "000", "18a"), sorted. */
  numbers: readonly string[]
}

/** A comment's fingerprint: its folded text, shingles and numbers. */
export function fingerprintComment(body: string): CommentFingerprint {
  const folded = foldText(body)
  // One pass over the folded text: each word's hash, and the words that hold a digit.
  // foldText leaves words separated by single spaces.
  const hashes: number[] = []
  const numbers: string[] = []
  let h = FNV_OFFSET
  let start = 0
  let digit = false
  const end = folded === '' ? -1 : folded.length
  for (let i = 0; i <= end; i++) {
    const c = i < end ? folded.charCodeAt(i) : SPACE
    if (c === SPACE) {
      hashes.push(h)
      if (digit) numbers.push(folded.slice(start, i))
      h = FNV_OFFSET
      start = i + 1
      digit = false
    } else {
      h = Math.imul(h ^ c, FNV_PRIME)
      if (c >= 48 && c <= 57) digit = true
    }
  }
  const long = hashes.length >= SHORT_WORDS
  return { folded, long, shingles: long ? wordPairs(hashes) : new Uint32Array(0), numbers: [...new Set(numbers)].sort() }
}

/**
 * Whether two comments say the same thing, by the rules above: identical after folding,
 * or both long, citing agreeing numbers, with shingle similarity of at least `threshold`.
 * `groupComments` joins the pairs for which this holds that MinHash + LSH put forward:
 * nearly all of them (on the bench, comparing all pairs groups 1 comment more of 20,000).
 */
export function nearDuplicates(a: CommentFingerprint, b: CommentFingerprint, threshold = DEFAULT_GROUPING_THRESHOLD): boolean {
  if (a.folded === '' || b.folded === '') return false
  if (a.folded === b.folded) return true
  if (!a.long || !b.long) return false
  return numbersAgree(a.numbers, b.numbers) && shingleJaccard(a.shingles, b.shingles) >= threshold
}

/** The numbers of one are all among the numbers of the other (both sorted). */
function numbersAgree(a: readonly string[], b: readonly string[]): boolean {
  const [small, large] = a.length <= b.length ? [a, b] : [b, a]
  let j = 0
  for (const n of small) {
    while (j < large.length && large[j]! < n) j++
    if (large[j] !== n) return false
  }
  return true
}

/** Jaccard similarity of two sorted sets of distinct hashes: |A ∩ B| / |A ∪ B|. */
function shingleJaccard(a: Uint32Array, b: Uint32Array): number {
  let i = 0
  let j = 0
  let shared = 0
  while (i < a.length && j < b.length) {
    const x = a[i]!
    const y = b[j]!
    if (x === y) {
      shared++
      i++
      j++
    } else if (x < y) i++
    else j++
  }
  return shared / (a.length + b.length - shared)
}

/**
 * Pairwise precision and recall of a grouping against the true one: of the pairs of items
 * put in one group, how many truly belong together, and of the pairs that truly belong
 * together, how many were put in one group. Items in no group are alone. With no pairs on
 * a side, its figure is 1 (nothing claimed, nothing wrong).
 */
export function pairwisePrecisionRecall(predicted: readonly string[][], truth: readonly string[][]): { precision: number; recall: number } {
  const truthGroup = new Map<string, number>()
  truth.forEach((group, g) => {
    for (const item of group) {
      if (truthGroup.has(item)) throw new RangeError(`Item ${item} is in two true groups`)
      truthGroup.set(item, g)
    }
  })
  const seen = new Set<string>()
  let predictedPairs = 0
  let sharedPairs = 0
  for (const group of predicted) {
    predictedPairs += pairs(group.length)
    const perTruth = new Map<number, number>()
    for (const item of group) {
      if (seen.has(item)) throw new RangeError(`Item ${item} is in two predicted groups`)
      seen.add(item)
      const g = truthGroup.get(item)
      if (g !== undefined) perTruth.set(g, (perTruth.get(g) ?? 0) + 1)
    }
    for (const count of perTruth.values()) sharedPairs += pairs(count)
  }
  let truePairs = 0
  for (const group of truth) truePairs += pairs(group.length)
  return {
    precision: predictedPairs === 0 ? 1 : sharedPairs / predictedPairs,
    recall: truePairs === 0 ? 1 : sharedPairs / truePairs,
  }
}

const pairs = (n: number) => (n * (n - 1)) / 2

/** Joins in `sets` every two of `items` whose shingle sets reach `threshold` (MinHash + LSH). */
function linkSimilar(items: readonly number[], prints: readonly CommentFingerprint[], threshold: number, sets: UnionFind): void {
  const n = items.length
  const signatures = new Uint32Array(n * HASHES)
  for (let d = 0; d < n; d++) minHash(prints[d]!.shingles, signatures, d * HASHES)

  const rejected = new Set<number>()
  const verify = (a: number, b: number) => {
    const ia = items[a]!
    const ib = items[b]!
    if (sets.find(ia) === sets.find(ib)) return
    const pa = prints[a]!
    const pb = prints[b]!
    // |A ∩ B| / |A ∪ B| ≤ min/max: sizes alone rule many pairs out.
    if (Math.min(pa.shingles.length, pb.shingles.length) < threshold * Math.max(pa.shingles.length, pb.shingles.length)) return
    const pairKey = a * n + b
    if (rejected.has(pairKey)) return
    if (nearDuplicates(pa, pb, threshold)) sets.union(ia, ib)
    else rejected.add(pairKey)
  }

  // Each band: one key per comment, packed with the comment's index into a float64 and
  // sorted, so that comments with equal keys (candidates) end up side by side. With more
  // than 2^21 comments the key loses low bits: more candidates, each still verified.
  const indexBits = Math.max(1, Math.ceil(Math.log2(n + 1)))
  const keyShift = Math.max(0, indexBits - 21)
  const scale = 2 ** indexBits
  const packed = new Float64Array(n)
  for (let band = 0; band < BANDS; band++) {
    for (let d = 0; d < n; d++) {
      let h = BAND_SEEDS[band]!
      const from = d * HASHES + band * ROWS
      for (let r = 0; r < ROWS; r++) h = Math.imul(h ^ signatures[from + r]!, FNV_PRIME)
      packed[d] = (fmix32(h) >>> keyShift) * scale + d
    }
    packed.sort()
    for (let runStart = 0; runStart < n; ) {
      const key = Math.floor(packed[runStart]! / scale)
      let runEnd = runStart + 1
      while (runEnd < n && Math.floor(packed[runEnd]! / scale) === key) runEnd++
      // A run is nearly always one campaign: each member is compared with the WINDOW
      // before it, not all of them, so a campaign of 20,000 costs 20,000 × WINDOW checks
      // at most, most of them one look-up each (already joined).
      for (let x = runStart + 1; x < runEnd; x++) {
        for (let y = Math.max(runStart, x - WINDOW); y < x; y++) verify(packed[y]! % scale, packed[x]! % scale)
      }
      runStart = runEnd
    }
  }
}

// Fixed seeds: the same comments always give the same signatures, and the same groups.
const SEEDS = seeded(HASHES, 1)
const MULTIPLIERS = seeded(HASHES, 2).map((m) => m | 1)
const BAND_SEEDS = seeded(BANDS, 3)

function seeded(count: number, stream: number): Uint32Array {
  const out = new Uint32Array(count)
  let s = Math.imul(stream, 0x9e37_79b9)
  for (let i = 0; i < count; i++) {
    s = (s + 0x6d2b_79f5) | 0
    out[i] = fmix32(s)
  }
  return out
}

/**
 * Writes the MinHash signature of `set` (HASHES minima) into `out` at `at`. The set's
 * hashes are already well mixed, so one multiply and shift per hash function suffices.
 */
function minHash(set: Uint32Array, out: Uint32Array, at: number): void {
  for (let i = 0; i < HASHES; i++) {
    const seed = SEEDS[i]!
    const multiplier = MULTIPLIERS[i]!
    let min = 0xffff_ffff
    for (let k = 0; k < set.length; k++) {
      let v = Math.imul(set[k]! ^ seed, multiplier)
      v = (v ^ (v >>> 16)) >>> 0
      if (v < min) min = v
    }
    out[at + i] = min
  }
}

const SPACE = 32
const FNV_OFFSET = 0x811c_9dc5
const FNV_PRIME = 0x0100_0193

/**
 * The sorted, distinct hashes of each two neighbouring words (2-word shingles). Pairs, not
 * triples: a changed word or a typo costs two shingles of ~60, not three, while shared
 * legal phrases ("socijalnih usluga", "ovog zakona") stay a small part of a comment.
 */
function wordPairs(words: readonly number[]): Uint32Array {
  const out = new Uint32Array(words.length - 1)
  for (let i = 0; i < out.length; i++) out[i] = fmix32(Math.imul(Math.imul(FNV_OFFSET ^ words[i]!, FNV_PRIME) ^ words[i + 1]!, FNV_PRIME))
  out.sort()
  let distinct = 0
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[distinct - 1]) out[distinct++] = out[i]!
  return out.subarray(0, distinct)
}

/** MurmurHash3's finaliser: spreads every input bit over the whole word. */
function fmix32(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85eb_ca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2_ae35)
  h ^= h >>> 16
  return h >>> 0
}

class UnionFind {
  private readonly parent: Int32Array
  private readonly size: Int32Array
  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i)
    this.size = new Int32Array(n).fill(1)
  }
  find(x: number): number {
    const parent = this.parent
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!
      x = parent[x]!
    }
    return x
  }
  union(a: number, b: number): void {
    let ra = this.find(a)
    let rb = this.find(b)
    if (ra === rb) return
    if (this.size[ra]! < this.size[rb]!) [ra, rb] = [rb, ra]
    this.parent[rb] = ra
    this.size[ra]! += this.size[rb]!
  }
}
