import type { Node } from 'prosemirror-model'
import { loadDocument } from './document.ts'
import type { ReferenceForm } from './references.ts'

/**
 * A small builder of legal documents for tests, read as the act reads:
 *
 *   doc(article(heading('Predmet'), par('Ovim zakonom …')),
 *       article({ id: 'a2', num: '18a' }, par('Prvi stav.', point('prvo,'), point('drugo.')), par('Drugi stav.')))
 *
 * Every unit gets a readable id ("article-1", "paragraph-3") unless it is given one, so a
 * test can look its number up; text is a string, or an array of strings and references
 * (`par(['u skladu sa ', ref('a2'), ' ovog zakona.'])`). `doc` checks what it built with the
 * server's validator, so a test cannot start from a document the application would refuse;
 * `docJson` gives the JSON without checking (for tests of the validator itself).
 */
export type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }
/** Inline content: plain text, or text with reference nodes. */
export type Inline = string | (string | Json)[]
/** A unit's own attributes: its stable id and a frozen number. */
export type UnitAttrs = { id?: string; num?: string | null }

let counter = 0
const nextId = (type: string) => `${type}-${++counter}`

function inline(content: Inline): Json[] {
  const items = typeof content === 'string' ? [content] : content
  return items.filter((item) => item !== '').map((item) => (typeof item === 'string' ? { type: 'text', text: item } : item))
}

const textBlock = (content: Inline): Json => ({ type: 'text_block', content: inline(content) })
/** A run of text inside a unit (a paragraph's closing words after its points, say). */
export const text = textBlock

/** Splits optional unit attributes off the front of a builder's arguments. */
function withAttrs<T>(args: (UnitAttrs | T)[]): [UnitAttrs, T[]] {
  const [first, ...rest] = args
  const isAttrs = first !== undefined && typeof first === 'object' && !Array.isArray(first) && !('type' in (first as object))
  return isAttrs ? [first as UnitAttrs, rest as T[]] : [{}, args as T[]]
}

function unit(type: string, attrs: UnitAttrs, content: Json[], numbered = true): Json {
  return { type, attrs: { id: attrs.id ?? nextId(type), ...(numbered ? { num: attrs.num ?? null } : {}) }, content }
}

/** A division's title line, or an article's heading when given to `article`. */
export const heading = (text: string): Json => ({ type: 'heading', content: inline(text) })

/** The act's title. */
export const title = (text: string): Json => ({ type: 'title', content: inline(text) })

/** The legal basis before the first article. */
export const preamble = (...texts: Inline[]): Json => unit('preamble', {}, texts.map(textBlock), false)

/** A reference to an article (and its paragraph and point) by stable id. */
export const ref = (article: string, options: { paragraph?: string; point?: string; form?: ReferenceForm } = {}): Json => ({
  type: 'reference',
  attrs: { article, paragraph: options.paragraph ?? null, point: options.point ?? null, form: options.form ?? 'gen' },
})

/** An indent (alineja). */
export const indent = (...args: (UnitAttrs | Inline)[]): Json => {
  const [attrs, [text = '']] = withAttrs<Inline>(args)
  return unit('indent', attrs, [textBlock(text)], false)
}

/** A sub-point (podtačka), with indents. */
export const subpoint = (...args: (UnitAttrs | Inline | Json)[]): Json => {
  const [attrs, [text = '', ...children]] = withAttrs<Inline | Json>(args)
  return unit('subpoint', attrs, [textBlock(text as Inline), ...(children as Json[])])
}

/** A point (tačka): its text, then sub-points and indents. */
export const point = (...args: (UnitAttrs | Inline | Json)[]): Json => {
  const [attrs, [text = '', ...children]] = withAttrs<Inline | Json>(args)
  return unit('point', attrs, [textBlock(text as Inline), ...(children as Json[])])
}

/** A paragraph (stav): its text, then points, indents, or further text. */
export const par = (...args: (UnitAttrs | Inline | Json)[]): Json => {
  const [attrs, [text = '', ...children]] = withAttrs<Inline | Json>(args)
  return unit('paragraph', attrs, [textBlock(text as Inline), ...(children as Json[])])
}

/** An article: an optional heading, then paragraphs (one empty paragraph if none given). */
export const article = (...args: (UnitAttrs | Json)[]): Json => {
  const [attrs, children] = withAttrs<Json>(args)
  const content = children.map((c) => (c.type === 'heading' ? { ...c, type: 'article_heading' } : c))
  if (!content.some((c) => c.type === 'paragraph')) content.push(par(''))
  return unit('article', attrs, content)
}

const division = (type: string) => (...args: (UnitAttrs | Json | string)[]): Json => {
  const [attrs, [name, ...children]] = withAttrs<Json | string>(args)
  return unit(type, attrs, [heading(typeof name === 'string' ? name : ''), ...(children as Json[])])
}
/** A part (dio): its heading text, then chapters or articles. */
export const part = division('part')
/** A chapter (poglavlje): its heading text, then sections or articles. */
export const chapter = division('chapter')
/** A section (odjeljak): its heading text, then articles. */
export const section = division('section')

/** A section of the explanatory memorandum: its heading and text. */
export const memorandumSection = (name: string, ...texts: Inline[]): Json =>
  unit('memorandum_section', {}, [heading(name), ...(texts.length > 0 ? texts : ['']).map(textBlock)], false)
/** The explanatory memorandum. */
export const memorandum = (...sections: Json[]): Json => unit('memorandum', {}, sections, false)

/** The document's JSON, unchecked: a title ("ZAKON O PROBI" unless one is given), then the body. */
export function docJson(...children: Json[]): Json {
  const content = children[0]?.type === 'title' ? children : [title('ZAKON O PROBI'), ...children]
  return { type: 'doc', content }
}

/** The document, checked by the server's validator (a test starting from a bad document fails here). */
export function doc(...children: Json[]): Node {
  return loadDocument(docJson(...children))
}
