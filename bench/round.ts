// Figures of the public page of a big round and of comment submission under load, for
// bench/run.ts to register. Everything is measured once, in a process of its own
// (bench/round-child.ts, NODE_ENV=production), the first time a round figure is asked
// for; see that file for the setup and the README for the rate-limit settings it uses.
import type { Figure } from './measure.ts'
import { childFigures } from './child-figures.ts'

export function roundFigures(): Figure[] {
  return childFigures('round-child.ts', [
    ['round-page-median', 'ms'],
    ['round-page-p95', 'ms'],
    ['round-page-kb', 'KB'],
    ['round-reading-page-median', 'ms'],
    ['round-reading-page-p95', 'ms'],
    ['round-reading-page-kb', 'KB'],
    ['round-page-inprocess-p95', 'ms'],
    ['round-page-naive-p95', 'ms'],
    ['round-page-naive-kb', 'KB'],
    ['round-loader-preview-p95', 'ms'],
    ['round-loader-naive-p95', 'ms'],
    ['round-page-after-comment-ms', 'ms'],
    ['round-page-after-comment-full-ms', 'ms'],
    ['round-comments-per-s', 'comments/s'],
    ['round-comment-p99', 'ms'],
    ['round-comments-per-s-1', 'comments/s'],
    ['round-comment-p99-1', 'ms'],
    ['round-comment-errors', 'requests'],
  ])
}
