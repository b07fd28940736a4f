import type { Node } from 'prosemirror-model'

/**
 * How articles are numbered: `continuous` renumbers 1 … N through the whole act
 * (a new draft); `frozen` keeps every written number and gives an inserted article the
 * previous number with a letter suffix (18 → 18a → 18b), as amending laws require.
 */
export type NumberingMode = 'continuous' | 'frozen'

/** The number of every numbered unit, by stable node id, without labels: "12", "18a", "3". */
export type Numbering = ReadonlyMap<string, string>

const SUFFIXES = 'abcdefghijklmnoprstuvz'

/** The number that follows `previous` when numbering is frozen: "18" → "18a", "18a" → "18b". */
export function nextFrozenNumber(previous: string | null): string {
  if (previous === null) return '1'
  const match = /^(\d+)([a-z]*)$/.exec(previous)
  if (!match) return `${previous}a`
  const [, base, suffix] = match
  if (!suffix) return `${base}a`
  const last = suffix[suffix.length - 1]!
  const next = SUFFIXES[SUFFIXES.indexOf(last) + 1]
  return next ? `${base}${suffix.slice(0, -1)}${next}` : `${base}${suffix}a`
}

/**
 * Numbers a document: articles through the whole act, parts 1 … per act, chapters per
 * part (or per act where there are no parts), sections per chapter, paragraphs per
 * article (only where an article has more than one), points per paragraph, sub-points
 * per point, annexes (prilozi) 1 … after the articles. One pass over the document.
 */
export function numberDocument(doc: Node, mode: NumberingMode = 'continuous'): Numbering {
  const numbers = new Map<string, string>()
  let article = 0
  let lastArticle: string | null = null
  let part = 0
  let annex = 0
  let lastAnnex: string | null = null

  // Chapters restart in each part, sections in each chapter: counters live per container.
  const walk = (container: Node) => {
    let chapter = 0
    let section = 0
    container.forEach((child) => {
      switch (child.type.name) {
        case 'part':
          part += 1
          set(child, String(part))
          walk(child)
          break
        case 'chapter':
          chapter += 1
          set(child, String(chapter))
          walk(child)
          break
        case 'section':
          section += 1
          set(child, String(section))
          walk(child)
          break
        case 'article':
          numberArticle(child)
          break
        case 'annex': {
          // Annexes: Prilog 1, Prilog 2 … after the articles; frozen like articles.
          let value: string
          if (mode === 'frozen') value = (child.attrs.num as string | null) ?? nextFrozenNumber(lastAnnex)
          else value = String((annex += 1))
          lastAnnex = value
          set(child, value)
          break
        }
      }
    })
  }

  const set = (node: Node, value: string) => {
    const id = node.attrs.id as string | null
    if (id) numbers.set(id, value)
  }

  const numberArticle = (node: Node) => {
    let value: string
    if (mode === 'frozen') {
      value = (node.attrs.num as string | null) ?? nextFrozenNumber(lastArticle)
    } else {
      article += 1
      value = String(article)
    }
    lastArticle = value
    set(node, value)
    let paragraphs = 0
    node.forEach((child) => {
      if (child.type.name === 'paragraph') paragraphs += 1
    })
    let paragraph = 0
    node.forEach((child) => {
      if (child.type.name !== 'paragraph') return
      paragraph += 1
      if (paragraphs > 1) set(child, String(paragraph))
      numberPoints(child)
    })
  }

  const numberPoints = (node: Node) => {
    let point = 0
    let subpoint = 0
    node.forEach((child) => {
      if (child.type.name === 'point') {
        point += 1
        set(child, String(point))
        numberPoints(child)
      } else if (child.type.name === 'subpoint') {
        subpoint += 1
        set(child, String(subpoint))
      }
    })
  }

  walk(doc)
  return numbers
}
