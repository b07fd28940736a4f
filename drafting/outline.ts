import type { Node } from 'prosemirror-model'
import type { LanguageVariant } from './language.ts'
import type { LegalLabels } from './labels.ts'
import { paragraphsAlwaysNumbered, unitLabels, type DocumentType } from './document-types.ts'
import { numberDocument, type NumberingMode, type Numbering } from './numbering.ts'
import { renderedText } from './references.ts'

/** Text inside a unit, or a point, sub-point or indent with its own content. */
export type OutlineBlock =
  | { kind: 'text'; text: string }
  | { kind: 'point' | 'subpoint'; id: string; label: string; blocks: OutlineBlock[] }
  | { kind: 'indent'; id: string; text: string }
  | OutlineTable

/**
 * A table: `rows` of cells, each cell its text blocks as read; `header` marks the header
 * row. For readers that only need text (search, excerpts, comment quotes, reports) the
 * table is also `blocks`: one text block per row, its cells joined by " | ", under an
 * empty `label`, so that code walking points' blocks reads a table as lines of text.
 */
export interface OutlineTable {
  kind: 'table'
  id: string
  label: ''
  rows: { header: boolean; cells: string[][] }[]
  blocks: { kind: 'text'; text: string }[]
}

/**
 * An annex (prilog) after the articles: "Prilog 1". `anchor` ("prilog-1") follows the
 * numbering, `idAnchor` ("x-<stable id>") never changes. Its blocks are text and tables.
 */
export interface OutlineAnnex {
  kind: 'annex'
  id: string
  number: string
  label: string
  heading: string
  anchor: string
  idAnchor: string
  blocks: OutlineBlock[]
}

/** A paragraph (stav) of an article: labelled "(1)" unless it stands alone. */
export interface OutlineParagraph {
  id: string
  label: string | null
  blocks: OutlineBlock[]
}

/**
 * An article as readers see it. `anchor` is the readable anchor ("clan-12"), which
 * follows renumbering; `idAnchor` ("a-<stable id>") never changes.
 */
export interface OutlineArticle {
  kind: 'article'
  id: string
  number: string
  label: string
  heading: string | null
  anchor: string
  idAnchor: string
  paragraphs: OutlineParagraph[]
}

/** A part, chapter or section with what it contains. */
export interface OutlineDivision {
  kind: 'part' | 'chapter' | 'section'
  id: string
  label: string
  heading: string
  anchor: string
  children: OutlineUnit[]
}

export type OutlineUnit = OutlineDivision | OutlineArticle

/** One line of the table of contents: a division and the articles it spans. */
export interface TocEntry {
  kind: 'part' | 'chapter' | 'section' | 'annex'
  label: string
  heading: string
  anchor: string
  firstArticle: string | null
  lastArticle: string | null
  children: TocEntry[]
}

/** A whole act laid out for reading: numbered, labelled, with its table of contents. */
export interface DocumentOutline {
  title: string
  preamble: string[]
  body: OutlineUnit[]
  toc: TocEntry[]
  articleCount: number
  /** The annexes (prilozi) after the articles, in order; empty for most acts. */
  annexes: OutlineAnnex[]
  memorandum: { label: string; sections: { id: string; heading: string; paragraphs: string[] }[] } | null
}

/**
 * The readable anchor of an article number: "12" → "clan-12", "18a" → "clan-18a". The
 * same for every document type (a standard is "clan-3" too), so links stay stable.
 */
export function articleAnchor(number: string): string {
  return `clan-${number.toLowerCase()}`
}

/** The readable anchor of an annex number: "2" → "prilog-2". */
export function annexAnchor(number: string): string {
  return `prilog-${number.toLowerCase()}`
}

/** The anchor by stable id, which survives renumbering. */
export function articleIdAnchor(id: string): string {
  return `a-${id}`
}

/** How units are labelled: the document type's labels, and whether a lone paragraph is numbered. */
interface Labelling {
  labels: LegalLabels
  alwaysNumberParagraphs: boolean
  /** The act's language variant: references are rendered in it ("člana 12."). */
  variant?: LanguageVariant
}

/**
 * Lays out a validated document for reading in its language variant, with the unit names
 * and numbering of its document type (see document-types.ts): "Član 3." and "(1)" for a
 * law, "Standard 3." and "Kriterij 3.1" for a standard. Numbers are computed here (see
 * numberDocument), never read from the stored text.
 */
export function outlineDocument(doc: Node, variant: LanguageVariant, mode: NumberingMode = 'continuous', type: DocumentType = 'law'): DocumentOutline {
  const labels = unitLabels(type, variant)
  const labelling: Labelling = { labels, alwaysNumberParagraphs: paragraphsAlwaysNumbered(type) }
  const numbers = numberDocument(doc, mode)
  labelling.variant = variant
  const outline: DocumentOutline = { title: '', preamble: [], body: [], toc: [], articleCount: 0, annexes: [], memorandum: null }
  doc.forEach((child) => {
    switch (child.type.name) {
      case 'title':
        outline.title = child.textContent
        break
      case 'preamble':
        child.forEach((block) => outline.preamble.push(renderedText(block, numbers, variant)))
        break
      case 'memorandum':
        outline.memorandum = {
          label: labels.memorandum,
          sections: mapChildren(child, (section) => ({
            id: idOf(section),
            heading: section.firstChild?.textContent ?? '',
            paragraphs: mapChildren(section, (b) => (b.type.name === 'text_block' ? renderedText(b, numbers, variant) : null)),
          })),
        }
        break
      case 'annex': {
        const number = numberOf(numbers, child)
        const id = idOf(child)
        outline.annexes.push({
          kind: 'annex',
          id,
          number,
          label: labels.annex(number),
          heading: child.firstChild?.textContent ?? '',
          anchor: annexAnchor(number),
          idAnchor: `x-${id}`,
          blocks: outlineBlocks(child, labelling, numbers, { articleNumber: '', paragraphNumber: undefined }),
        })
        break
      }
      default: {
        const unit = outlineUnit(child, labelling, numbers)
        if (unit) outline.body.push(unit)
      }
    }
  })
  outline.toc = outline.body.flatMap((unit) => (unit.kind === 'article' ? [] : [tocEntry(unit)]))
  for (const annex of outline.annexes) {
    outline.toc.push({ kind: 'annex', label: annex.label, heading: annex.heading, anchor: annex.anchor, firstArticle: null, lastArticle: null, children: [] })
  }
  outline.articleCount = countArticles(outline.body)
  return outline
}

function idOf(node: Node): string {
  const id = node.attrs.id as string | null
  if (!id) throw new RangeError(`A ${node.type.name} node has no id`)
  return id
}

function mapChildren<T>(node: Node, f: (child: Node) => T | null): T[] {
  const out: T[] = []
  node.forEach((child) => {
    const value = f(child)
    if (value !== null) out.push(value)
  })
  return out
}

function numberOf(numbers: Numbering, node: Node): string {
  const n = numbers.get(idOf(node))
  if (n === undefined) throw new RangeError(`No number for ${node.type.name} ${idOf(node)}`)
  return n
}

function outlineUnit(node: Node, labelling: Labelling, numbers: Numbering): OutlineUnit | null {
  const { labels } = labelling
  const kind = node.type.name
  if (kind === 'article') {
    const number = numberOf(numbers, node)
    const id = idOf(node)
    const heading = node.firstChild?.type.name === 'article_heading' ? node.firstChild.textContent : null
    return {
      kind: 'article',
      id,
      number,
      label: labels.article(number),
      heading,
      anchor: articleAnchor(number),
      idAnchor: articleIdAnchor(id),
      paragraphs: outlineParagraphs(node, number, labelling, numbers),
    }
  }
  if (kind === 'part' || kind === 'chapter' || kind === 'section') {
    const n = Number(numberOf(numbers, node))
    const id = idOf(node)
    return {
      kind,
      id,
      label: kind === 'part' ? labels.part(n) : kind === 'chapter' ? labels.chapter(n) : labels.section(n),
      heading: node.firstChild?.textContent ?? '',
      anchor: `d-${id}`,
      children: mapChildren(node, (c) => (c.type.name === 'heading' ? null : outlineUnit(c, labelling, numbers))),
    }
  }
  return null
}

/** An article's paragraphs: numbered where numberDocument numbers them, or always where the type says so. */
function outlineParagraphs(article: Node, articleNumber: string, labelling: Labelling, numbers: Numbering): OutlineParagraph[] {
  let position = 0
  return mapChildren(article, (p) => {
    if (p.type.name !== 'paragraph') return null
    position += 1
    const id = idOf(p)
    const numbered = numbers.get(id)
    const n = numbered !== undefined ? Number(numbered) : labelling.alwaysNumberParagraphs ? position : null
    const parents: Parents = { articleNumber, paragraphNumber: n ?? undefined }
    return {
      id,
      label: n === null ? null : labelling.labels.paragraph(n, articleNumber),
      blocks: outlineBlocks(p, labelling, numbers, parents),
    }
  })
}

/** The numbers a point's label may include (standards: "Indikator 3.2.1"). */
interface Parents {
  articleNumber: string
  paragraphNumber: number | undefined
}

function outlineBlocks(node: Node, labelling: Labelling, numbers: Numbering, parents: Parents): OutlineBlock[] {
  const { labels, variant } = labelling
  // A text block's text as read: references rendered with the current numbering.
  const textOf = (block: Node) => (variant ? renderedText(block, numbers, variant) : block.textContent)
  return mapChildren<OutlineBlock>(node, (child) => {
    switch (child.type.name) {
      case 'text_block':
        return { kind: 'text', text: textOf(child) }
      case 'point':
      case 'subpoint': {
        const n = Number(numberOf(numbers, child))
        return {
          kind: child.type.name,
          id: idOf(child),
          label: child.type.name === 'point' ? labels.point(n, parents.articleNumber, parents.paragraphNumber) : labels.subpoint(n),
          blocks: outlineBlocks(child, labelling, numbers, parents),
        }
      }
      case 'indent':
        return { kind: 'indent', id: idOf(child), text: child.firstChild ? textOf(child.firstChild) : '' }
      case 'table':
        return outlineTable(child, textOf)
      default:
        return null
    }
  })
}

function outlineTable(table: Node, textOf: (block: Node) => string): OutlineTable {
  const rows = mapChildren(table, (row) => ({
    header: row.attrs.header === true,
    cells: mapChildren(row, (cell) => mapChildren(cell, (block) => textOf(block))),
  }))
  return {
    kind: 'table',
    id: idOf(table),
    label: '',
    rows,
    blocks: rows.map((row) => ({ kind: 'text' as const, text: row.cells.map((cell) => cell.join(' ')).join(' | ') })),
  }
}

function articlesIn(units: OutlineUnit[]): OutlineArticle[] {
  return units.flatMap((u) => (u.kind === 'article' ? [u] : articlesIn(u.children)))
}

function countArticles(units: OutlineUnit[]): number {
  return articlesIn(units).length
}

function tocEntry(division: OutlineDivision): TocEntry {
  const articles = articlesIn(division.children)
  return {
    kind: division.kind,
    label: division.label,
    heading: division.heading,
    anchor: division.anchor,
    firstArticle: articles[0]?.label ?? null,
    lastArticle: articles[articles.length - 1]?.label ?? null,
    children: division.children.flatMap((c) => (c.kind === 'article' ? [] : [tocEntry(c)])),
  }
}
