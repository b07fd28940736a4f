// Figures of the consolidated report's exports, for bench/run.ts: the report of a round
// with 20,000 comments on a 500-article draft (bench/report-data.ts) as .docx and .xlsx,
// in ms and in peak memory (MB of resident memory). Each export runs in a process of its
// own (bench/report-child.ts), so that each peak is that export's alone; the time covers
// assembling the report and writing the file. The naive .docx (the whole report as one
// docx tree, every row in one table) is measured beside the streamed one.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import type { Figure } from './measure.ts'

type Kind = 'docx' | 'xlsx' | 'docx-naive'
const CHILD = path.resolve(import.meta.dirname, 'report-child.ts')
const results = new Map<Kind, { ms: number; peakMb: number }>()

/** Runs one export in a child process (once; both figures of a kind share the run). */
function measured(kind: Kind): { ms: number; peakMb: number } {
  const known = results.get(kind)
  if (known) return known
  const child = spawnSync(process.execPath, ['--import', 'tsx', CHILD, kind], { encoding: 'utf8', timeout: 600_000, maxBuffer: 16 * 1024 * 1024 })
  const line = child.stdout.trim().split('\n').at(-1) ?? ''
  if (child.status !== 0 || !line.startsWith('{')) throw new Error(`bench report ${kind} failed (${child.status ?? child.signal}): ${child.stderr.slice(-2000)}`)
  const result = JSON.parse(line) as { ms: number; peakMb: number }
  results.set(kind, result)
  return result
}

export function reportFigures(): Figure[] {
  const pair = (name: string, kind: Kind): Figure[] => [
    { name, unit: 'ms', measure: () => measured(kind).ms },
    { name: `${name}-peak-mb`, unit: 'MB', measure: () => measured(kind).peakMb },
  ]
  return [...pair('report-docx-20000', 'docx'), ...pair('report-xlsx-20000', 'xlsx'), ...pair('report-docx-naive-20000', 'docx-naive')]
}
