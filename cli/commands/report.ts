// `nacrt report ROUND --format docx|xlsx|csv|json --out FILE [--lang bs|hr|sr-Latn|sr-Cyrl|en] [--public]`
// writes a round's consolidated report; `nacrt report --list` prints the rounds, one per
// line, id first. The same report as the web page and its downloads: published reports
// as the public reads them; a report not yet published as staff prepare it (hidden
// comments marked), unless --public. Messages go to stderr; stdout holds only the list.
import { createWriteStream } from 'node:fs'
import { rename, rm } from 'node:fs/promises'
import { once } from 'node:events'
import { parseArgs } from 'node:util'
import type { Io } from '../main.ts'
import type { Db } from '../../drafting/db.ts'
import { roundState } from '../../consultation/round-state.ts'
import { exportReport } from '../../consultation/report/jobs.ts'
import { REPORT_FORMATS, type ReportFormat } from '../../consultation/report/export/index.ts'
import { REPORT_LANGS, type ReportAudience, type ReportLang } from '../../consultation/report/model.ts'

const USAGE = 'usage: nacrt report ROUND --format docx|xlsx|csv|json --out FILE [--lang bs|hr|sr-Latn|sr-Cyrl|en] [--public]\n       nacrt report --list'

/** Where the command gets its database: the tests pass one, the command line opens $DATABASE_URL. */
export interface ReportDeps {
  openDb?: () => Promise<{ db: Db; close: () => Promise<void> }>
  now?: () => Date
}

async function defaultDb() {
  const { openDb } = await import('../../app/.server/db.ts')
  const db = await openDb(process.env.DATABASE_URL ?? 'file:./data/nacrt.db')
  return { db, close: () => db.$disconnect() }
}

/** Runs `nacrt report`; resolves to the exit code (0 written or listed, 1 not found or failed, 2 usage). */
export async function reportCommand(argv: string[], io: Io, deps: ReportDeps = {}): Promise<number> {
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        list: { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        lang: { type: 'string', default: 'bs' },
        public: { type: 'boolean' },
      },
    })
  } catch (error) {
    io.stderr.write(`nacrt report: ${(error as Error).message}\n${USAGE}\n`)
    return 2
  }
  const { values, positionals } = parsed
  const [roundId] = positionals
  if (!values.list) {
    if (!roundId || !values.format || !values.out) {
      io.stderr.write(`nacrt report: name a round, a format and a file.\n${USAGE}\n`)
      return 2
    }
    if (!(REPORT_FORMATS as readonly string[]).includes(values.format)) {
      io.stderr.write(`nacrt report: --format must be one of ${REPORT_FORMATS.join(', ')}.\n`)
      return 2
    }
    if (!(REPORT_LANGS as readonly string[]).includes(values.lang!)) {
      io.stderr.write(`nacrt report: --lang must be one of ${REPORT_LANGS.join(', ')}.\n`)
      return 2
    }
  }
  const now = deps.now?.() ?? new Date()
  const { db, close } = await (deps.openDb ?? defaultDb)()
  try {
    if (values.list) {
      const rounds = await db.round.findMany({
        orderBy: [{ opensAt: 'desc' }, { id: 'asc' }],
        select: {
          id: true, title: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true,
          draft: { select: { slug: true } }, _count: { select: { comments: true } },
        },
      })
      for (const r of rounds) {
        io.stdout.write(`${r.id}\t${roundState(r, now)}\t${r.draft.slug}\t${r._count.comments}\t${r.title.replace(/\s+/g, ' ')}\n`)
      }
      return 0
    }
    const round = await db.round.findUnique({ where: { id: roundId }, select: { state: true, opensAt: true, closesAt: true, reportPublishedAt: true } })
    if (!round) {
      io.stderr.write(`nacrt report: no round ${roundId}. \`nacrt report --list\` lists them.\n`)
      return 1
    }
    const format = values.format as ReportFormat
    const published = roundState(round, now) === 'report-published'
    const audience: ReportAudience = published || values.public || format === 'json' ? 'public' : 'staff'
    if (audience === 'staff') io.stderr.write('nacrt report: the report is not published yet; writing the staff version (hidden comments marked). Use --public for the public one.\n')
    const file = values.out!
    const part = `${file}.part`
    const out = createWriteStream(part)
    const closed = once(out, 'close')
    let exported
    try {
      let lastTenth = -1
      exported = await exportReport(db, { roundId: roundId!, format, lang: values.lang as ReportLang, audience }, out, (done, total) => {
        const tenth = total > 0 ? Math.floor((done / total) * 10) : 10
        if (total >= 1_000 && tenth !== lastTenth) io.stderr.write(`nacrt report: ${done} / ${total} rows\n`)
        lastTenth = tenth
      })
    } finally {
      out.end()
      await closed
    }
    if (!exported) {
      await rm(part, { force: true })
      io.stderr.write(`nacrt report: no round ${roundId}.\n`)
      return 1
    }
    await rename(part, file)
    io.stderr.write(`nacrt report: wrote ${file} (${format}, ${values.lang}, ${audience}, ${exported.rows} rows).\n`)
    return 0
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') {
      io.stderr.write(`nacrt report: cannot write ${values.out}.\n`)
      return 1
    }
    throw error
  } finally {
    await close()
  }
}
