// `nacrt`: the command line, a thin layer over the domain like app/. Each command
// parses its arguments, calls the domain, and prints; nothing else lives here.
import { readFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { importPlainText } from '../drafting/plain-text-import.ts'
import { outlineDocument, type TocEntry } from '../drafting/outline.ts'
import { DRAFT_LANGUAGES, type DraftLanguage } from '../drafting/language.ts'
import { diffCommand } from './commands/diff.ts'
import { importCommand } from './commands/import.ts'
import { reportCommand } from './commands/report.ts'
import { searchReindexCommand } from './commands/search-reindex.ts'

export interface Io {
  stdout: { write: (s: string) => unknown }
  stderr: { write: (s: string) => unknown }
}

const HELP = `nacrt — drafting laws and standards, and consulting the public on them

Usage:
  nacrt <command> [options]

Commands:
  outline <file.txt>   Read a legal act written as plain text and print its structure:
                       parts, chapters and the articles each spans.
      --json           print the outline as JSON instead
      --language <l>   bs, hr or sr: the labels to use (default bs)
      --frozen         keep the written article numbers (18a …) instead of renumbering
  diff <old> <new>     Compare two versions (.txt, .json, .docx) article by article; --json for scripts
  import <file>        Import a whole act (.docx, .txt), repairing damaged text; --json for scripts, --frozen
  report <round>       Write a round's consultation report: --format docx|xlsx|csv|json --out FILE
                       [--lang bs|hr|sr-Latn|sr-Cyrl|en]; \`report --list\` lists the rounds, id first
  search-reindex       Build the site search index again from the database

Options:
  -h, --help           show this help
  -v, --version        show the version

Run the web application with \`npm start\`.
`

/** Runs the command line with its arguments; resolves to the exit code. */
export async function run(argv: string[], io: Io): Promise<number> {
  const [command, ...rest] = argv
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    io.stdout.write(HELP)
    return 0
  }
  if (command === '-v' || command === '--version') {
    const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
    io.stdout.write(`${pkg.version}\n`)
    return 0
  }
  if (command === 'outline') return outline(rest, io)
  if (command === 'diff') return diffCommand(rest, io)
  if (command === 'import') return importCommand(rest, io)
  if (command === 'report') return reportCommand(rest, io)
  if (command === 'search-reindex') return searchReindexCommand(rest, io)
  io.stderr.write(`nacrt: unknown command "${command}". Run \`nacrt --help\` for the list.\n`)
  return 2
}

async function outline(argv: string[], io: Io): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, language: { type: 'string', default: 'bs' }, frozen: { type: 'boolean' } },
    })
  } catch (error) {
    io.stderr.write(`nacrt outline: ${(error as Error).message}\n`)
    return 2
  }
  const [file] = parsed.positionals
  if (!file) {
    io.stderr.write('nacrt outline: name a text file, e.g. `nacrt outline zakon.txt`.\n')
    return 2
  }
  const language = parsed.values.language as string
  if (!(DRAFT_LANGUAGES as readonly string[]).includes(language)) {
    io.stderr.write(`nacrt outline: --language must be one of ${DRAFT_LANGUAGES.join(', ')}.\n`)
    return 2
  }
  let text: string
  try {
    text = await readFile(file, 'utf8')
  } catch {
    io.stderr.write(`nacrt outline: cannot read ${file}.\n`)
    return 1
  }
  let result
  try {
    const mode = parsed.values.frozen ? 'frozen' : 'continuous'
    result = outlineDocument(importPlainText(text, { numbering: mode }), { language: language as DraftLanguage, script: 'latn' }, mode)
  } catch (error) {
    if (!(error instanceof RangeError)) throw error
    io.stderr.write(`nacrt outline: ${file} is not a legal act this reader understands (${error.message}).\n`)
    return 1
  }
  if (parsed.values.json) {
    io.stdout.write(`${JSON.stringify({ title: result.title, articleCount: result.articleCount, toc: result.toc }, null, 2)}\n`)
    return 0
  }
  const lines = [result.title, `${result.articleCount} articles`, '']
  const walk = (entries: TocEntry[], depth: number) => {
    for (const e of entries) {
      const range = e.firstArticle ? `  (${e.firstArticle === e.lastArticle ? e.firstArticle : `${e.firstArticle} – ${e.lastArticle}`})` : ''
      lines.push(`${'  '.repeat(depth)}${e.label} ${e.heading}${range}`)
      walk(e.children, depth + 1)
    }
  }
  walk(result.toc, 0)
  io.stdout.write(`${lines.join('\n')}\n`)
  return 0
}
