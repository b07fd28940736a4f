import type { DocumentOutline, OutlineArticle, OutlineBlock, OutlineParagraph, OutlineUnit } from '../drafting/outline.ts'

// What a comment can be about, found in a version laid out for reading: pure functions,
// no I/O. Units are found by their stable ids, so a comment keeps pointing at the same
// provision whatever its number.

/** What a comment is about: the draft as a whole, or one unit of its text. */
export type CommentTargetKind = 'draft' | 'article' | 'paragraph' | 'point'

/** A point (tačka/točka) of a paragraph, as laid out for reading. */
export type OutlinePoint = Extract<OutlineBlock, { kind: 'point' | 'subpoint' }> & { kind: 'point' }

/** A unit a comment can target, with the article (and paragraph) that contain it. */
export interface CommentTarget {
  kind: Exclude<CommentTargetKind, 'draft'>
  article: OutlineArticle
  paragraph: OutlineParagraph | null
  point: OutlinePoint | null
}

/** Every article of an act, in reading order. */
export function articlesOf(outline: DocumentOutline): OutlineArticle[] {
  const walk = (units: OutlineUnit[]): OutlineArticle[] => units.flatMap((u) => (u.kind === 'article' ? [u] : walk(u.children)))
  return walk(outline.body)
}

/** Every unit of an outline that can be commented on, by id: built once per outline (a saved version's outline is kept and never changes). */
const targetsByOutline = new WeakMap<DocumentOutline, Map<string, CommentTarget>>()

function targetsOf(outline: DocumentOutline): Map<string, CommentTarget> {
  let targets = targetsByOutline.get(outline)
  if (targets) return targets
  const found = new Map<string, CommentTarget>()
  // Ids are unique in a valid document; should one repeat, the first in reading order is the one.
  const put = (id: string, target: CommentTarget) => found.has(id) || found.set(id, target)
  for (const article of articlesOf(outline)) {
    put(article.id, { kind: 'article', article, paragraph: null, point: null })
    for (const paragraph of article.paragraphs) {
      put(paragraph.id, { kind: 'paragraph', article, paragraph, point: null })
      for (const block of paragraph.blocks) {
        if (block.kind === 'point') put(block.id, { kind: 'point', article, paragraph, point: block as OutlinePoint })
      }
    }
  }
  targets = found
  targetsByOutline.set(outline, targets)
  return targets
}

/**
 * The article, paragraph or point with this stable id, or null when the version has no
 * such unit (sub-points, indents and divisions are not commented on by themselves).
 */
export function findCommentTarget(outline: DocumentOutline, nodeId: string): CommentTarget | null {
  return targetsOf(outline).get(nodeId) ?? null
}

function blockLines(blocks: OutlineBlock[]): string[] {
  return blocks.flatMap((b) => {
    if (b.kind === 'text') return b.text ? [b.text] : []
    if (b.kind === 'indent') return [`– ${b.text}`]
    const [first = '', ...rest] = blockLines(b.blocks)
    return [`${b.label} ${first}`.trimEnd(), ...rest]
  })
}

function paragraphLines(paragraph: OutlineParagraph): string[] {
  const lines = blockLines(paragraph.blocks)
  if (paragraph.label) lines[0] = `${paragraph.label} ${lines[0] ?? ''}`.trimEnd()
  return lines
}

/**
 * The current text of a unit as plain text, one line per paragraph, point and indent,
 * with their labels ("(1) …", "a) …", "– …"): what a person starts from when they
 * propose a new wording.
 */
export function targetText(target: CommentTarget): string {
  if (target.point) return blockLines([target.point]).join('\n')
  if (target.paragraph) return paragraphLines(target.paragraph).join('\n')
  return target.article.paragraphs.flatMap(paragraphLines).join('\n')
}

/** Two wordings are the same proposal when they differ only in spacing and line breaks. */
export function sameWording(a: string, b: string): boolean {
  const normal = (s: string) => s.replace(/\s+/g, ' ').trim()
  return normal(a) === normal(b)
}

/** A section of the explanatory memorandum, found by its stable id; null when there is none. */
export function findMemorandumSection(outline: DocumentOutline, nodeId: string): { id: string; heading: string; text: string } | null {
  const section = outline.memorandum?.sections.find((s) => s.id === nodeId)
  return section ? { id: section.id, heading: section.heading, text: section.paragraphs.join('\n') } : null
}

/** A unit of an article a comment may be about, as the comment form offers it. */
export interface UnitChoice {
  nodeId: string
  kind: Exclude<CommentTargetKind, 'draft'>
  paragraphLabel: string | null
  pointLabel: string | null
  /** Its current text, which a proposed wording starts from. */
  text: string
}

/**
 * The units of an article a person may comment on, in reading order: the whole article,
 * then each paragraph and each of its points — so that a comment opened on "Član 5." can
 * be about "stav (2)" of it, with the proposal starting from that paragraph's text.
 */
export function unitChoices(article: OutlineArticle): UnitChoice[] {
  const choices: UnitChoice[] = [
    { nodeId: article.id, kind: 'article', paragraphLabel: null, pointLabel: null, text: targetText({ kind: 'article', article, paragraph: null, point: null }) },
  ]
  // The only paragraph of an article is the article: offered once.
  const alone = article.paragraphs.length === 1
  for (const paragraph of article.paragraphs) {
    if (!alone) choices.push({
      nodeId: paragraph.id, kind: 'paragraph', paragraphLabel: paragraph.label, pointLabel: null,
      text: targetText({ kind: 'paragraph', article, paragraph, point: null }),
    })
    for (const block of paragraph.blocks) {
      if (block.kind !== 'point') continue
      const point = block as OutlinePoint
      choices.push({ nodeId: point.id, kind: 'point', paragraphLabel: paragraph.label, pointLabel: point.label, text: targetText({ kind: 'point', article, paragraph, point }) })
    }
  }
  return choices
}
