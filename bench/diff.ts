// Comparing two versions of a 500-article act: the article-aligned diff (drafting/diff.ts)
// beside the naive one, jsdiff's diffWords over the whole plain text of both versions.
import { diffWords } from 'diff'
import type { Node } from 'prosemirror-model'
import { diffDocuments } from '../drafting/diff.ts'
import { loadDocument } from '../drafting/document.ts'
import { legalLabels } from '../drafting/labels.ts'
import { numberDocument } from '../drafting/numbering.ts'
import { medianMs } from './measure.ts'

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }

const WORDS = (
  'korisnik pružalac usluga centar rješenje zahtjev rok dana kanton općina federacija ministarstvo ' +
  'pravo obaveza smještaj porodica dijete osoba invaliditet standard kvalitet licenca nadzor evidencija ' +
  'participacija prihod naknada ugovor postupak žalba procjena potreba plan podrška zajednica ustanova'
).split(' ')

/** A small deterministic generator (mulberry32), so that every run compares the same act. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function sentence(next: () => number, words: number): string {
  const out: string[] = []
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!)
  if (next() < 0.5) out.push(`${Math.floor(next() * 90) + 10}`, 'dana')
  return `${out.join(' ').replace(/^./, (c) => c.toUpperCase())}.`
}

const text = (t: string): Json[] => (t ? [{ type: 'text', text: t }] : [])
const block = (t: string): Json => ({ type: 'text_block', content: text(t) })

function generatedArticle(id: string, next: () => number): Json {
  const paragraphs: Json[] = []
  const count = 1 + Math.floor(next() * 4)
  for (let p = 0; p < count; p++) {
    const points: Json[] = []
    if (next() < 0.2) for (let q = 0; q < 3; q++) points.push({ type: 'point', attrs: { id: `${id}-p${p}-t${q}` }, content: [block(sentence(next, 6))] })
    paragraphs.push({ type: 'paragraph', attrs: { id: `${id}-p${p}` }, content: [block(sentence(next, 12 + Math.floor(next() * 20))), ...points] })
  }
  return { type: 'article', attrs: { id }, content: [{ type: 'article_heading', content: text(sentence(next, 3).slice(0, -1)) }, ...paragraphs] }
}

/**
 * Two versions of a generated act of `size` articles in ten chapters: in the second, one
 * article in ten has a word or a number changed, and an article inserted at 80% of the act
 * renumbers the last 20%.
 */
export function generatedVersions(size = 500): { before: Node; after: Node } {
  const next = random(500)
  const articles = Array.from({ length: size }, (_, i) => generatedArticle(`a${i}`, next))
  const chapters = (list: Json[]) => {
    const per = Math.ceil(list.length / 10)
    return Array.from({ length: 10 }, (_, c) => ({
      type: 'chapter',
      attrs: { id: `c${c}` },
      content: [{ type: 'heading', content: text(`POGLAVLJE ${c + 1}`) }, ...list.slice(c * per, (c + 1) * per)],
    })).filter((c) => c.content.length > 1)
  }
  const act = (list: Json[]) => loadDocument({ type: 'doc', content: [{ type: 'title', content: text('ZAKON O PROBI') }, ...chapters(list)] })

  const changed = articles.map((article, i) => {
    if (i % 10 !== 3) return article
    const copy = JSON.parse(JSON.stringify(article)) as Json
    const lead = copy.content![1]!.content![0]!.content![0]!
    lead.text = /\d+/.test(lead.text!) ? lead.text!.replace(/\d+/, (n) => String(Number(n) + 5)) : lead.text!.replace(/\.$/, ' i drugi propisi.')
    return copy
  })
  const at = Math.floor(size * 0.8)
  const after = [...changed.slice(0, at), generatedArticle('inserted', random(7)), ...changed.slice(at)]
  return { before: act(articles), after: act(after) }
}

/** The act as plain text with its labels, as a reader (or a naive diff) sees it. */
function plainText(doc: Node): string {
  const labels = legalLabels({ language: 'bs', script: 'latn' })
  const numbers = numberDocument(doc)
  const lines: string[] = []
  doc.descendants((node) => {
    if (node.type.name === 'title' || node.type.name === 'heading' || node.type.name === 'text_block') lines.push(node.textContent)
    else if (node.type.name === 'article') lines.push(labels.article(numbers.get(node.attrs.id as string)!))
    else if (node.type.name === 'article_heading') lines.push(`(${node.textContent})`)
    else if (node.type.name === 'paragraph' && numbers.has(node.attrs.id as string)) lines.push(labels.paragraph(Number(numbers.get(node.attrs.id as string))))
    return node.type.name !== 'text_block' && node.type.name !== 'article_heading' && node.type.name !== 'heading'
  })
  return lines.join('\n')
}

/** The diff figures for `npm run bench`: aligned, naive, and how many times faster. */
export function diffFigures(): { name: string; unit: string; measure: () => number }[] {
  let versions: { before: Node; after: Node } | null = null
  const input = () => (versions ??= generatedVersions(500))
  let aligned: number | null = null
  let naive: number | null = null
  const measureAligned = () => (aligned ??= medianMs(() => diffDocuments(input().before, input().after), 20))
  const measureNaive = () => {
    if (naive === null) {
      const before = plainText(input().before)
      const after = plainText(input().after)
      naive = medianMs(() => diffWords(before, after), 3)
    }
    return naive
  }
  return [
    { name: 'diff-aligned-500', unit: 'ms', measure: measureAligned },
    { name: 'diff-naive-500', unit: 'ms', measure: measureNaive },
    { name: 'diff-ratio-500', unit: 'x', measure: () => measureNaive() / measureAligned() },
  ]
}
