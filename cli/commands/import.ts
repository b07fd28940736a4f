// `nacrt import FILE [--json] [--frozen]`: imports a whole act from a .docx or a text file
// and prints its structure. With --json, stdout holds only the JSON; messages go to stderr.
import { parseArgs } from 'node:util'
import type { Node } from 'prosemirror-model'
import type { Io } from '../main.ts'
import { importFile, type FileImport } from '../../drafting/import-file.ts'
import type { ImportReport } from '../../drafting/plain-text-import.ts'
import { numberDocument, type Numbering } from '../../drafting/numbering.ts'
import { outlineDocument, type TocEntry } from '../../drafting/outline.ts'
import type { LanguageVariant } from '../../drafting/language.ts'
import { renderedText } from '../../drafting/references.ts'

/** A point as written: its mark ("a)", "1.") and its text (sub-points and indents on their own lines). */
export interface ImportedPoint {
  label: string
  text: string
  /** The tables in the point, in order; absent when it has none. */
  tables?: ImportedTable[]
}

/** A table as rows of cell texts (a cell's blocks joined by newlines), the header row first when it has one. */
export type ImportedTable = string[][]

/** A paragraph: its written number ("2") or null when the text did not number it. */
export interface ImportedParagraph {
  number: string | null
  text: string
  points: ImportedPoint[]
  /** The tables standing in the paragraph (not in its points), in order; absent when it has none. */
  tables?: ImportedTable[]
}

/** An annex (prilog): its number as written ("2", "2a"), title, text lines and tables, in order apart. */
export interface ImportedAnnex {
  number: string
  heading: string
  text: string[]
  tables: ImportedTable[]
}

/** An article with its number as written, without the label word ("1", "18f"). */
export interface ImportedArticle {
  number: string
  heading: string | null
  paragraphs: ImportedParagraph[]
}

export interface ImportedDivision {
  number: string
  heading: string
  articles: string[]
}

export interface ImportedChapter extends ImportedDivision {
  /** The number of the part the chapter is in, or null. */
  part: string | null
  sections: ImportedDivision[]
}

/** What `nacrt import --json` prints. */
export interface ImportJson {
  title: string
  parts: ImportedDivision[]
  chapters: ImportedChapter[]
  articles: ImportedArticle[]
  annexes: ImportedAnnex[]
  report: Omit<ImportReport, 'written'> & { source: FileImport['source'] }
}

/** Runs `nacrt import`; resolves to the exit code (0 imported, 1 not readable as an act, 2 usage). */
export async function importCommand(argv: string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean' }, frozen: { type: 'boolean' } } })
  } catch (error) {
    io.stderr.write(`nacrt import: ${(error as Error).message}\n`)
    return 2
  }
  const [file] = parsed.positionals
  if (!file) {
    io.stderr.write('nacrt import: name a .docx or .txt file, e.g. `nacrt import zakon.docx --json`.\n')
    return 2
  }
  const mode = parsed.values.frozen ? 'frozen' : 'continuous'
  let imported: FileImport
  try {
    imported = await importFile(file, { numbering: mode })
  } catch (error) {
    if (error instanceof RangeError) {
      io.stderr.write(`nacrt import: ${error.message}\n`)
      return 1
    }
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EISDIR' || code === 'EACCES') {
      io.stderr.write(`nacrt import: cannot read ${file}.\n`)
      return 1
    }
    throw error
  }
  if (parsed.values.json) {
    io.stdout.write(`${JSON.stringify(describeImport(imported), null, 2)}\n`)
    const { warnings, setAside } = imported.report
    if (warnings.length > 0 || setAside.length > 0) {
      io.stderr.write(`nacrt import: ${warnings.length} warnings, ${setAside.length} lines set aside (see "report").\n`)
    }
    return 0
  }
  io.stdout.write(summarise(imported, mode))
  return 0
}

/** The JSON shape of an import: numbers as written, divisions with the articles they hold. */
export function describeImport({ doc, report, source }: FileImport): ImportJson {
  const numbers = numberDocument(doc)
  const written = report.written
  // Linked references read with the articles' numbers as the text wrote them ("člana 18f.").
  const shown = new Map(numbers)
  doc.descendants((n) => {
    if (n.type.name === 'article' && written[n.attrs.id as string]) shown.set(n.attrs.id as string, written[n.attrs.id as string]!)
    return n.type.name !== 'article'
  })
  const text: TextOf = (block) => renderedText(block, shown, variantOf(doc))
  const parts: ImportedDivision[] = []
  const chapters: ImportedChapter[] = []
  const articles: ImportedArticle[] = []
  const annexes: ImportedAnnex[] = []
  const id = (node: Node) => node.attrs.id as string
  const articleNumbers = (node: Node) => {
    const out: string[] = []
    node.descendants((n) => {
      if (n.type.name === 'article') out.push(written[id(n)] ?? numbers.get(id(n)) ?? '')
      return n.type.name !== 'article'
    })
    return out
  }
  const division = (node: Node): ImportedDivision => ({
    number: numbers.get(id(node)) ?? '',
    heading: node.firstChild?.textContent ?? '',
    articles: articleNumbers(node),
  })
  doc.descendants((node, _pos, parent) => {
    switch (node.type.name) {
      case 'part':
        parts.push(division(node))
        return true
      case 'chapter': {
        const sections: ImportedDivision[] = []
        node.forEach((child) => {
          if (child.type.name === 'section') sections.push(division(child))
        })
        chapters.push({ ...division(node), part: parent?.type.name === 'part' ? (numbers.get(id(parent)) ?? null) : null, sections })
        return true
      }
      case 'article':
        articles.push(describeArticle(node, written, numbers, text))
        return false
      case 'annex': {
        const annex: ImportedAnnex = { number: written[id(node)] ?? numbers.get(id(node)) ?? '', heading: node.firstChild?.textContent ?? '', text: [], tables: [] }
        node.forEach((child, _o, i) => {
          if (i === 0) return
          if (child.type.name === 'table') annex.tables.push(tableCells(child, text))
          else if (child.type.name === 'text_block') annex.text.push(text(child))
        })
        annexes.push(annex)
        return false
      }
      case 'memorandum':
        return false
      default:
        return true
    }
  })
  const { written: _written, ...rest } = report
  return { title: doc.firstChild?.textContent ?? '', parts, chapters, articles, annexes, report: { ...rest, source } }
}

/** A text block as read, its references rendered. */
type TextOf = (block: Node) => string

function describeArticle(node: Node, written: Record<string, string>, numbers: Numbering, text: TextOf): ImportedArticle {
  const id = node.attrs.id as string
  const article: ImportedArticle = {
    number: written[id] ?? numbers.get(id) ?? '',
    heading: node.firstChild?.type.name === 'article_heading' ? node.firstChild.textContent : null,
    paragraphs: [],
  }
  node.forEach((paragraph) => {
    if (paragraph.type.name !== 'paragraph') return
    const lines: string[] = []
    const points: ImportedPoint[] = []
    const tables: ImportedTable[] = []
    paragraph.forEach((child) => {
      if (child.type.name === 'text_block') lines.push(text(child))
      else if (child.type.name === 'table') tables.push(tableCells(child, text))
      else if (child.type.name === 'indent') lines.push(`- ${text(child.firstChild!)}`)
      else if (child.type.name === 'point') {
        const tables: ImportedTable[] = []
        child.forEach((c) => c.type.name === 'table' && tables.push(tableCells(c, text)))
        points.push({ label: written[child.attrs.id as string] ?? '', text: pointText(child, written, text), ...(tables.length > 0 ? { tables } : {}) })
      }
    })
    article.paragraphs.push({ number: written[paragraph.attrs.id as string] ?? null, text: lines.filter(Boolean).join('\n'), points, ...(tables.length > 0 ? { tables } : {}) })
  })
  return article
}

/** A table's rows of cell texts. */
function tableCells(table: Node, text: TextOf): ImportedTable {
  const rows: ImportedTable = []
  table.forEach((row) => {
    const cells: string[] = []
    row.forEach((cell) => {
      const blocks: string[] = []
      cell.forEach((block) => blocks.push(text(block)))
      cells.push(blocks.join('\n'))
    })
    rows.push(cells)
  })
  return rows
}

function pointText(point: Node, written: Record<string, string>, text: TextOf): string {
  const lines: string[] = []
  point.forEach((child) => {
    if (child.type.name === 'text_block') lines.push(text(child))
    else if (child.type.name === 'indent') lines.push(`- ${text(child.firstChild!)}`)
    else if (child.type.name === 'subpoint') lines.push(`${written[child.attrs.id as string] ?? ''} ${pointText(child, written, text)}`.trim())
  })
  return lines.join('\n')
}

/** The language variant whose labels the summary uses: Cyrillic, Croatian "Članak", or Bosnian. */
function variantOf(doc: Node): LanguageVariant {
  const text = doc.textContent
  if ((text.match(/\p{Script=Cyrillic}/gu)?.length ?? 0) > (text.match(/\p{Script=Latin}/gu)?.length ?? 0)) return { language: 'sr', script: 'cyrl' }
  return { language: /članka|članak/iu.test(text) ? 'hr' : 'bs', script: 'latn' }
}

function summarise({ doc, report, source }: FileImport, mode: 'frozen' | 'continuous'): string {
  const outline = outlineDocument(doc, variantOf(doc), mode)
  const c = report.counts
  const lines = [outline.title || '(no title)']
  if (report.stage) lines.push(`Stage: ${report.stage}`)
  if (report.gazette) lines.push(`Gazette: ${report.gazette}`)
  lines.push(`Read as: ${source.format === 'docx' ? 'Word document (.docx)' : `text, ${source.encoding}`}`)
  const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`
  lines.push(
    `${n(c.articles, 'article', 'articles')}, ${n(c.paragraphs, 'paragraph', 'paragraphs')}, ${n(c.points, 'point', 'points')}, ` +
      `${n(c.subpoints, 'sub-point', 'sub-points')}, ${n(c.indents, 'indent', 'indents')}; ` +
      `${n(c.parts, 'part', 'parts')}, ${n(c.chapters, 'chapter', 'chapters')}, ${n(c.sections, 'section', 'sections')}`,
  )
  if (outline.preamble.length > 0) lines.push(`Preamble: ${outline.preamble.length} lines`)
  if (outline.annexes.length > 0) {
    const tables = outline.annexes.reduce((sum, a) => sum + a.blocks.filter((b) => b.kind === 'table').length, 0)
    lines.push(`Annexes: ${outline.annexes.length}${tables > 0 ? ` (${n(tables, 'table', 'tables')})` : ''}, listed under Structure`)
  }
  if (outline.toc.length > 0) {
    lines.push('', 'Structure:')
    const walk = (entries: TocEntry[], depth: number) => {
      for (const e of entries) {
        const range = e.firstArticle ? `  (${e.firstArticle === e.lastArticle ? e.firstArticle : `${e.firstArticle} – ${e.lastArticle}`})` : ''
        lines.push(`${'  '.repeat(depth + 1)}${e.label} ${e.heading}${range}`)
        walk(e.children, depth + 1)
      }
    }
    walk(outline.toc, 0)
  }
  const kinds = (items: { kind?: string; reason?: string }[]) => {
    const byKind = new Map<string, number>()
    for (const item of items) byKind.set(item.kind ?? item.reason ?? '', (byKind.get(item.kind ?? item.reason ?? '') ?? 0) + 1)
    return [...byKind].map(([k, n]) => `${k} ${n}`).join(', ')
  }
  if (report.repairs.length > 0) lines.push('', `Repairs: ${report.repairs.length} (${kinds(report.repairs)})`)
  if (report.warnings.length > 0) {
    lines.push('', `Warnings: ${report.warnings.length}`)
    for (const w of report.warnings) lines.push(`  ${w.line === null ? '' : `line ${w.line}: `}${w.message}`)
  }
  if (report.setAside.length > 0) {
    lines.push('', `Set aside: ${report.setAside.length} lines (${kinds(report.setAside)})`)
    for (const s of report.setAside) lines.push(`  line ${s.line} [${s.reason}]: ${s.text.length > 70 ? `${s.text.slice(0, 69)}…` : s.text}`)
  }
  return `${lines.join('\n')}\n`
}
