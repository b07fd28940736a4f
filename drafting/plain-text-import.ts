import type { Node } from 'prosemirror-model'
import { newNodeId } from './node-id.ts'
import { parseDocument } from './document.ts'
import type { NumberingMode } from './numbering.ts'

/**
 * A first reader of legal acts written as plain text in the FBiH style: a title line,
 * "DIO PRVI – …" parts, "POGLAVLJE I. …" chapters, "Član 1." articles with their heading
 * in parentheses (below the label or on the same line), "(1)" paragraphs, "a)" or "1)"
 * points, "–" indents, and an "OBRAZLOŽENJE" with Roman-numbered sections.
 * Unnumbered paragraphs and labels without a dot ("Član 1") are read too.
 * With `numbering: 'frozen'` each article keeps its written number ("18a").
 */
export function importPlainText(text: string, options: { numbering?: NumberingMode } = {}): Node {
  const frozen = options.numbering === 'frozen'
  const lines = text.normalize('NFC').split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0)

  type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }
  const block = (t: string): Json => ({ type: 'text_block', content: t ? [{ type: 'text', text: t }] : [] })
  const inline = (type: string, t: string): Json => ({ type, content: t ? [{ type: 'text', text: t }] : [] })
  const unit = (type: string, content: Json[], num: string | null = null): Json => ({
    type,
    attrs: { id: newNodeId(), num },
    content,
  })

  const body: Json[] = []
  let title = ''
  let part: Json | null = null
  let chapter: Json | null = null
  let article: Json | null = null
  let paragraph: Json | null = null
  let point: Json | null = null
  let memorandum: Json | null = null
  let memoSection: Json | null = null

  const container = (): Json[] => (chapter ? chapter.content! : part ? part.content! : body)

  for (const line of lines) {
    let m: RegExpExecArray | null
    if (memorandum) {
      if ((m = /^([IVX]+)\.\s+(.+)$/.exec(line))) {
        memoSection = { type: 'memorandum_section', attrs: { id: newNodeId() }, content: [inline('heading', m[2]!)] }
        memorandum.content!.push(memoSection)
      } else {
        if (!memoSection) {
          memoSection = { type: 'memorandum_section', attrs: { id: newNodeId() }, content: [inline('heading', '')] }
          memorandum.content!.push(memoSection)
        }
        memoSection.content!.push(block(line))
      }
      continue
    }
    if (/^(OBRAZLOŽENJE|ОБРАЗЛОЖЕЊЕ|O B R A Z L O Ž E NJ E)$/.test(line)) {
      memorandum = { type: 'memorandum', attrs: { id: newNodeId() }, content: [] }
      continue
    }
    if ((m = /^(?:DIO|ДИО)\s+\S+(?:\s+\S+)?\s*[–—-]\s*(.+)$/.exec(line))) {
      part = unit('part', [inline('heading', m[1]!)])
      body.push(part)
      chapter = article = paragraph = point = null
      continue
    }
    if ((m = /^(?:POGLAVLJE|ПОГЛАВЉЕ)\s+[IVXLC]+\.?\s*(.*)$/.exec(line))) {
      chapter = unit('chapter', [inline('heading', m[1]!)])
      ;(part ? part.content! : body).push(chapter)
      article = paragraph = point = null
      continue
    }
    if ((m = /^(?:Član|Članak|Члан|Чланак)\s+(\d+\s?[a-zа-ш]?)\.?\s*(?:\((.+)\))?$/.exec(line))) {
      const num = m[1]!.replace(/\s/g, '')
      article = unit('article', m[2] ? [inline('article_heading', m[2])] : [], frozen ? num : null)
      container().push(article)
      paragraph = point = null
      continue
    }
    if (!article) {
      if (!title) title = line
      continue
    }
    if (article.content!.length === 0 && (m = /^\(([^()]*\D[^()]*)\)$/.exec(line))) {
      article.content!.push(inline('article_heading', m[1]!))
      continue
    }
    if ((m = /^\((\d+)\)\s*(.*)$/.exec(line))) {
      paragraph = unit('paragraph', [block(m[2]!)])
      article.content!.push(paragraph)
      point = null
      continue
    }
    if ((m = /^([a-zčćđšžа-шђјљњћџ]|\d{1,2})\)\s+(.+)$/.exec(line))) {
      if (!paragraph) {
        paragraph = unit('paragraph', [block('')])
        article.content!.push(paragraph)
      }
      point = unit('point', [block(m[2]!)])
      paragraph.content!.push(point)
      continue
    }
    if ((m = /^[–—•-]\s+(.+)$/.exec(line))) {
      if (!paragraph) {
        paragraph = unit('paragraph', [block('')])
        article.content!.push(paragraph)
      }
      const indent: Json = { type: 'indent', attrs: { id: newNodeId() }, content: [block(m[1]!)] }
      ;(point ?? paragraph).content!.push(indent)
      continue
    }
    // A plain line: a new unnumbered paragraph, or the closing words after points.
    if (paragraph && point) {
      paragraph.content!.push(block(line))
      point = null
    } else {
      paragraph = unit('paragraph', [block(line)])
      article.content!.push(paragraph)
    }
  }

  const content: Json[] = [inline('title', title), ...body]
  if (memorandum && memorandum.content!.length > 0) content.push(memorandum)
  const result = parseDocument({ type: 'doc', content })
  if (!result.ok) throw new RangeError(`The text does not make a valid act: ${result.reason}`)
  return result.value
}
