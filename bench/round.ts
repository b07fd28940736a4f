// Figures of the public page of a big round and of comment submission under load, for
// bench/run.ts to register. Everything is measured once, in a process of its own
// (bench/round-child.ts, NODE_ENV=production), the first time a round figure is asked
// for; see that file for the setup and the README for the rate-limit settings it uses.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import type { Figure } from './measure.ts'

const root = path.resolve(import.meta.dirname, '..')
let results: Record<string, number> | undefined

function measured(): Record<string, number> {
  if (results) return results
  const out = execFileSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'bench', 'round-child.ts')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 16 * 1024 * 1024,
  })
  results = JSON.parse(out.toString().trim().split('\n').pop()!) as Record<string, number>
  return results
}

export function roundFigures(): Figure[] {
  const figure = (name: string, unit: string): Figure => ({ name, unit, measure: () => measured()[name] ?? NaN })
  return [
    figure('round-page-median', 'ms'),
    figure('round-page-p95', 'ms'),
    figure('round-page-kb', 'KB'),
    figure('round-page-inprocess-p95', 'ms'),
    figure('round-page-naive-p95', 'ms'),
    figure('round-page-naive-kb', 'KB'),
    figure('round-loader-preview-p95', 'ms'),
    figure('round-loader-naive-p95', 'ms'),
    figure('round-comments-per-s', 'comments/s'),
    figure('round-comment-p99', 'ms'),
    figure('round-comment-errors', 'requests'),
  ]
}
