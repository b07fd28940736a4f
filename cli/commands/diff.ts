// `nacrt diff OLD NEW [--json]`: compares two versions of an act given as files.
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Node } from 'prosemirror-model'
import { diffDocuments, type ArticleDiff, type DocumentDiff, type WordChange } from '../../drafting/diff.ts'
import { parseDocument } from '../../drafting/document.ts'
import { legalLabels, type LegalLabels } from '../../drafting/labels.ts'
import { DRAFT_LANGUAGES, type DraftLanguage } from '../../drafting/language.ts'
import { importPlainText } from '../../drafting/plain-text-import.ts'
import { importFile } from '../../drafting/import-file.ts'

interface Io {
  stdout: { write: (s: string) => unknown }
  stderr: { write: (s: string) => unknown }
}

/** Why a file could not be compared; the message says what to do next. */
class Unreadable extends Error {}

/**
 * Compares two files (.txt, .json exported from Nacrt, or .docx where Word import is
 * available) and prints what changed: a readable report, or with --json only the JSON of
 * the comparison. Two files share no stable ids, so their articles are paired by content
 * and number. Exit 0 whether or not they differ; 1 when a file cannot be read or
 * understood; 2 for bad arguments.
 */
export async function diffCommand(argv: string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, language: { type: 'string', default: 'bs' } },
    })
  } catch (error) {
    io.stderr.write(`nacrt diff: ${(error as Error).message}\n`)
    return 2
  }
  const [oldFile, newFile, ...extra] = parsed.positionals
  if (!oldFile || !newFile || extra.length > 0) {
    io.stderr.write('nacrt diff: name two files, the old version first, e.g. `nacrt diff zakon.v1.txt zakon.v2.txt`.\n')
    return 2
  }
  const language = parsed.values.language as string
  if (!(DRAFT_LANGUAGES as readonly string[]).includes(language)) {
    io.stderr.write(`nacrt diff: --language must be one of ${DRAFT_LANGUAGES.join(', ')}.\n`)
    return 2
  }
  let oldDoc: Node
  let newDoc: Node
  try {
    oldDoc = await readVersion(oldFile)
    newDoc = await readVersion(newFile)
  } catch (error) {
    if (!(error instanceof Unreadable)) throw error
    io.stderr.write(`nacrt diff: ${error.message}\n`)
    return 1
  }
  const diff = diffDocuments(oldDoc, newDoc, { align: 'content' })
  if (parsed.values.json) {
    io.stdout.write(`${JSON.stringify(diff, null, 2)}\n`)
    return 0
  }
  io.stdout.write(report(diff, legalLabels({ language: language as DraftLanguage, script: 'latn' })))
  return 0
}

async function readVersion(file: string): Promise<Node> {
  const extension = path.extname(file).toLowerCase()
  if (!['.txt', '.json', '.docx'].includes(extension)) {
    throw new Unreadable(`${file}: compare .txt, .json (exported from Nacrt) or .docx files.`)
  }
  let bytes: Buffer
  try {
    bytes = await readFile(file)
  } catch {
    throw new Unreadable(`cannot read ${file}.`)
  }
  if (extension === '.docx') return readWord(file)
  const text = bytes.toString('utf8')
  if (extension === '.json') {
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw new Unreadable(`${file} is not JSON.`)
    }
    const result = parseDocument(json)
    if (!result.ok) throw new Unreadable(`${file} is not a document exported from Nacrt (${result.reason}).`)
    return result.value
  }
  try {
    // Frozen numbering: articles keep the numbers written in the file ("18f").
    return importPlainText(text, { numbering: 'frozen' })
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw new Unreadable(`${file} is not a legal act this reader understands (${error.message}).`)
  }
}

/** A Word file through the importer (mammoth), keeping the numbers as written. */
async function readWord(file: string): Promise<Node> {
  try {
    return (await importFile(file, { numbering: 'frozen' })).doc
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    throw new Unreadable(`${file} could not be read as a Word document (${error.message}).`)
  }
}

// ---------------------------------------------------------------------------------------
// The readable report

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "Član 14. (ranije Član 12.)": the new label, and the old one where it differs. */
function articleTitle(a: ArticleDiff, labels: LegalLabels): string {
  if (a.newNumber === null) return labels.article(a.oldNumber!)
  const label = labels.article(a.newNumber)
  return a.oldNumber !== null && a.oldNumber !== a.newNumber ? `${label} (ranije ${labels.article(a.oldNumber)})` : label
}

const CONTEXT = 40

/** Changes marked [-old-]{+new+}; long unchanged stretches shortened to their ends. */
function markup(changes: WordChange[]): string {
  return changes
    .map((c, i) => {
      if (c.type === 'delete') return `[-${c.text}-]`
      if (c.type === 'insert') return `{+${c.text}+}`
      const first = i === 0
      const last = i === changes.length - 1
      const room = (first ? 0 : CONTEXT) + (last ? 0 : CONTEXT)
      if (c.text.length <= room + 10) return c.text
      const head = first ? '' : cut(c.text.slice(0, CONTEXT), 'end')
      const tail = last ? '' : cut(c.text.slice(-CONTEXT), 'start')
      return `${head}…${tail}`
    })
    .join('')
}

/** A shortened stretch ends (or starts) at a word boundary. */
function cut(text: string, side: 'start' | 'end'): string {
  if (side === 'end') {
    const at = text.lastIndexOf(' ')
    return at > 0 ? text.slice(0, at + 1) : text
  }
  const at = text.indexOf(' ')
  return at >= 0 && at < text.length - 1 ? text.slice(at) : text
}

function indentLines(text: string, prefix: string): string {
  return text.split('\n').map((line, i) => (i === 0 ? line : `${prefix}${line}`)).join('\n')
}

function report(diff: DocumentDiff, labels: LegalLabels): string {
  const s = diff.summary
  const lines: string[] = []
  if (diff.title) lines.push(`Title: ${markup(diff.title.changes)}`)
  lines.push(
    `${plural(s.changed, 'article', 'articles')} changed, ${s.added} added, ${s.deleted} deleted, ${s.renumbered} renumbered, ${s.moved} moved`,
  )
  const divisionLabel = (kind: 'part' | 'chapter' | 'section', n: string | null) =>
    n === null ? kind : kind === 'part' ? labels.part(Number(n)) : kind === 'chapter' ? labels.chapter(Number(n)) : labels.section(Number(n))
  const divisions = diff.divisions.filter((d) => d.status !== 'unchanged')
  if (divisions.length > 0) {
    lines.push('')
    for (const d of divisions) {
      if (d.status === 'added') lines.push(`${divisionLabel(d.kind, d.newNumber)} ${d.newHeading} — added`)
      else if (d.status === 'deleted') lines.push(`${divisionLabel(d.kind, d.oldNumber)} ${d.oldHeading} — deleted`)
      else lines.push(`${divisionLabel(d.kind, d.newNumber)} ${d.oldHeading} → ${d.newHeading} — renamed`)
    }
  }
  for (const a of diff.articles) {
    const renumbered = a.oldNumber !== null && a.newNumber !== null && a.oldNumber !== a.newNumber
    if (a.status === 'unchanged' && !a.moved && !renumbered) continue
    const notes: string[] = [a.status === 'unchanged' ? 'renumbered' : a.status]
    if (a.moved) notes[0] = a.status === 'unchanged' ? 'moved' : `${a.status}, moved`
    if (a.splitFrom) notes.push(`split from ${labels.article(a.splitFrom.oldNumber)}`)
    const heading = a.headingChanges ? ` (${markup(a.headingChanges)})` : a.heading ? ` (${a.heading})` : ''
    if (a.status === 'unchanged') {
      lines.push(`${articleTitle(a, labels)}${heading} — ${notes.join('; ')}`)
      continue
    }
    lines.push('', `${articleTitle(a, labels)}${heading} — ${notes.join('; ')}`)
    for (const p of a.paragraphs) {
      if (p.status === 'unchanged') continue
      const number = p.newNumber ?? p.oldNumber
      const label = number === null ? '' : `${labels.paragraph(Number(number))} `
      const text = a.status === 'changed' ? markup(p.changes) : p.changes.map((c) => c.text).join('')
      lines.push(`  ${label}${indentLines(text, '    ')}${a.status === 'changed' && p.status !== 'changed' ? ` — ${p.status}` : ''}`)
    }
  }
  return `${lines.join('\n')}\n`
}
