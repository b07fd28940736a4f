// One export of the report benchmark, in a process of its own so that its peak memory
// is its own: `node --import tsx bench/report-child.ts docx|xlsx|docx-naive`. Prints one
// line of JSON: {"ms": …, "peakMb": …}. See bench/report.ts.
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Packer } from 'docx'
import { assembleReport } from '../consultation/report/assemble.ts'
import { writeReport } from '../consultation/report/export/index.ts'
import { commentTable, reportDocument } from '../consultation/report/export/docx.ts'
import { reportVocabulary } from '../consultation/report/vocabulary.ts'
import { largeReportData } from './report-data.ts'

const kind = process.argv[2]
if (kind !== 'docx' && kind !== 'xlsx' && kind !== 'docx-naive') throw new Error(`Unknown export ${kind}`)

const data = largeReportData(500, 20_000)
const dir = mkdtempSync(path.join(tmpdir(), 'nacrt-bench-report-'))
const file = path.join(dir, `report.${kind === 'xlsx' ? 'xlsx' : 'docx'}`)
const start = process.hrtime.bigint()
const report = assembleReport(data, { lang: 'bs', audience: 'public' })
if (kind === 'docx-naive') {
  // The plain way: the whole report as one docx tree, every comment in one table.
  const words = reportVocabulary('bs')
  const rows = report.sections.flatMap((s) => s.rows)
  const buffer = await Packer.toBuffer(reportDocument(report, words, [commentTable(rows, words)]))
  const out = createWriteStream(file)
  out.end(buffer)
  await once(out, 'finish')
} else {
  const out = createWriteStream(file)
  await writeReport(report, kind, out)
  out.end()
  await once(out, 'finish')
}
const ms = Number(process.hrtime.bigint() - start) / 1e6
const size = statSync(file).size
rmSync(dir, { recursive: true, force: true })
// maxRSS is in kilobytes on Linux: the peak resident memory of this whole process.
console.log(JSON.stringify({ ms, peakMb: process.resourceUsage().maxRSS / 1024, rows: report.rowCount, sizeMb: size / 1048576 }))
