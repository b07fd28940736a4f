import type { ReferenceForm } from './references.ts'

// Written cross-references in an imported act ("iz člana 12. stav 2. ovog zakona", "члана
// 5. став 1. тачка а)") become reference nodes pointing at the units by stable id, so
// that they follow the act's renumbering from then on. Only references to the act itself:
// a reference followed by another act's name ("člana 5. Zakona o upravnom postupku") stays
// text, and so does every reference of an amending law (its "u članu 5." is the amended
// law's article) unless it says "ovog zakona". A number the act does not have stays text.

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }

const ARTICLE_WORDS: Record<string, ReferenceForm> = {
  član: 'nom', članak: 'nom', člana: 'gen', članka: 'gen', članu: 'dat', članku: 'dat', članom: 'ins', člankom: 'ins', 'čl.': 'gen',
  члан: 'nom', члана: 'gen', члану: 'dat', чланом: 'ins', 'чл.': 'gen',
}

// "člana 12." [", "] ["stav 2." | "stav (2)" | "stavka 2."] [", "] ["tačka a)" | "točke 3."]
const REFERENCE = new RegExp(
  String.raw`(?<![\p{L}\p{N}])(članak|članka|članku|člankom|člana|članu|članom|član|čl\.|члана|члану|чланом|члан|чл\.)\s+(\d{1,4})\s?([a-zа-ш]?)\.` +
    String.raw`(?:,?\s+(?:stav|stava|stavu|stavak|stavka|stavku|st\.|став|става|ставу|ст\.)\s+\(?(\d{1,3})\)?\.?)?` +
    String.raw`(?:,?\s+(?:tačka|tačke|tački|tačku|točka|točke|točki|točku|tač\.|toč\.|тачка|тачке|тачки|тачку|тач\.)\s+([a-zа-ш]|\d{1,2})[).])?`,
  'giu',
)

// What follows a reference to another act: its name in the genitive.
const OTHER_ACT = /^[\s,]*(?:(?:Zakona|zakona|Ustava|ustava|Uredbe|uredbe|Pravilnika|pravilnika|Odluke|odluke|Konvencije|konvencije|Direktive|direktive|Sporazuma|sporazuma|Statuta|statuta|Закона|закона|Устава|устава|Уредбе|уредбе|Правилника|правилника|Одлуке|одлуке|Конвенције|конвенције)\b|[„"“«(])/u
const THIS_ACT = /^[\s,]*(?:ovog|ovoga|ove|овог|овога|ове)\b/u
const AMENDING_TITLE = /IZMJEN|IZMEN|DOPUN|ИЗМЈЕН|ИЗМЕН|ДОПУН/u

/** Cyrillic letters of point marks read as the Latin ones the written map keeps ("а)" → "a"). */
const CYRILLIC_MARK: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', ђ: 'đ', е: 'e', ж: 'ž', з: 'z', и: 'i', ј: 'j', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'h', ц: 'c', ч: 'č', ш: 'š' }
const mark = (written: string) => {
  const bare = written.replace(/[^\p{L}\p{N}]/gu, '').toLowerCase()
  return CYRILLIC_MARK[bare] ?? bare
}

interface ArticlePlaces {
  id: string
  paragraphs: Map<string, { id: string; points: Map<string, string> }>
  /** Points of an article whose paragraphs carry no number: "člana 3. tačka b)". */
  points: Map<string, string>
}

/** The act's articles by number as written, with their paragraphs and points by written mark. */
function placesOf(content: Json[], written: Record<string, string>): Map<string, ArticlePlaces> {
  const articles = new Map<string, ArticlePlaces>()
  const visit = (nodes: Json[]) => {
    for (const node of nodes) {
      if (node.type === 'article') {
        const id = node.attrs?.id as string
        const number = written[id]
        if (!number) continue
        const place: ArticlePlaces = { id, paragraphs: new Map(), points: new Map() }
        for (const child of node.content ?? []) {
          if (child.type !== 'paragraph') continue
          const pid = child.attrs?.id as string
          const points = new Map<string, string>()
          for (const p of child.content ?? []) {
            const w = p.type === 'point' ? written[p.attrs?.id as string] : undefined
            if (w) {
              points.set(mark(w), p.attrs!.id as string)
              if (!place.points.has(mark(w))) place.points.set(mark(w), p.attrs!.id as string)
            }
          }
          const pw = written[pid]
          if (pw) place.paragraphs.set(mark(pw), { id: pid, points })
        }
        // Only the first article with a number counts: a duplicate is the importer's to report.
        if (!articles.has(mark(number))) articles.set(mark(number), place)
      } else if (node.content && node.type !== 'memorandum') visit(node.content)
    }
  }
  visit(content)
  return articles
}

/**
 * Turns the written references of an imported act into reference nodes, in place, in the
 * text of its units (not in headings, the title or the memorandum). `written` maps node ids
 * to the numbers and marks as the text wrote them (the import report's). Returns how many
 * references were linked and how many looked like references to the act's own articles but
 * named a number it does not have (left as text, for the report).
 */
export function linkWrittenReferences(content: Json[], written: Record<string, string>): { linked: number; unresolved: number } {
  const title = content.find((n) => n.type === 'title')
  const amending = AMENDING_TITLE.test((title?.content ?? []).map((t) => t.text ?? '').join(''))
  const articles = placesOf(content, written)
  const counts = { linked: 0, unresolved: 0 }

  const linkBlock = (block: Json) => {
    const out: Json[] = []
    let changed = false
    for (const child of block.content ?? []) {
      if (child.type !== 'text' || !child.text) {
        out.push(child)
        continue
      }
      const text = child.text
      let last = 0
      for (const m of text.matchAll(REFERENCE)) {
        const after = text.slice(m.index! + m[0].length)
        if (OTHER_ACT.test(after)) continue
        if (amending && !THIS_ACT.test(after)) continue
        const [, word, number, letter, paragraph, point] = m
        const place = articles.get(mark(`${number}${letter ?? ''}`))
        if (!place) {
          counts.unresolved += 1
          continue
        }
        const para = paragraph ? place.paragraphs.get(paragraph) : undefined
        if (paragraph && !para) {
          counts.unresolved += 1
          continue
        }
        const pointId = point ? (para ? para.points.get(mark(point)) : place.points.get(mark(point))) : undefined
        if (point && !pointId) {
          counts.unresolved += 1
          continue
        }
        if (m.index! > last) out.push({ ...child, text: text.slice(last, m.index!) })
        out.push({
          type: 'reference',
          attrs: { article: place.id, paragraph: para?.id ?? null, point: pointId ?? null, form: ARTICLE_WORDS[word!.toLowerCase()] ?? 'gen' },
        })
        last = m.index! + m[0].length
        counts.linked += 1
        changed = true
      }
      if (last < text.length) out.push(last === 0 ? child : { ...child, text: text.slice(last) })
    }
    if (changed) block.content = out
  }

  const visit = (nodes: Json[]) => {
    for (const node of nodes) {
      if (node.type === 'text_block') linkBlock(node)
      else if (node.content && !['title', 'heading', 'article_heading', 'memorandum'].includes(node.type)) visit(node.content)
    }
  }
  visit(content)
  return counts
}
