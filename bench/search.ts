// Figures of site-wide search (consultation/search/store.ts): 50,000 comments and five
// 500-article drafts in a temp SQLite file, 200 queries of the forms people type, and in
// the same run a naive scan (normalised includes over every text in memory). Measured
// once, in a process of its own (bench/search-child.ts), the first time a figure is asked for.
import type { Figure } from './measure.ts'
import { childFigures } from './child-figures.ts'

export function searchFigures(): Figure[] {
  return childFigures('search-child.ts', [
    ['search-median', 'ms'],
    ['search-p95', 'ms'],
    ['search-naive-median', 'ms'],
    ['search-naive-p95', 'ms'],
    ['search-index-s', 's'],
    ['search-cpu-p95', 'ms'],
    ['search-naive-cpu-p95', 'ms'],
  ])
}
