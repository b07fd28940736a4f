// `npm run bench [-- FILTER]`: prints one line per figure, `bench: <name> = <value> <unit>`.
// FILTER keeps only the figures whose name contains it. Each figure that has a naive
// counterpart is measured beside it in the same run.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Node } from 'prosemirror-model'
import { importPlainText } from '../drafting/plain-text-import.ts'
import { numberDocument } from '../drafting/numbering.ts'
import { outlineDocument } from '../drafting/outline.ts'
import { diffFigures } from './diff.ts'
import { draftIndexFigures } from './draft-index.ts'
import { groupingFigures } from './grouping.ts'
import { importFigures } from './import.ts'
import { renderFigures } from './render.ts'
import { reportFigures } from './report.ts'
import { roundFigures } from './round.ts'
import { searchFigures } from './search.ts'
import { medianMs, type Figure } from './measure.ts'

const filter = process.argv.slice(2).find((a) => !a.startsWith('-')) ?? ''

const sampleText = readFileSync(path.resolve(import.meta.dirname, '..', 'sample-data', 'zakon-o-socijalnim-uslugama.v2.txt'), 'utf8')

/** A long act: the sample repeated to `articles` articles (about 10× the sample for 800). */
function longAct(articles: number): Node {
  const body = sampleText.split('\nOBRAZLOŽENJE')[0]!
  const parts: string[] = []
  let count = 0
  while (count < articles) {
    parts.push(body.replace(/^ZAKON[^\n]*\n/, ''))
    count += (body.match(/^Član \d+\./gm) ?? []).length
  }
  return importPlainText(`ZAKON O PROBI\n${parts.join('\n')}`)
}

/** The naive way: number each article by counting the articles before it again. */
function naiveArticleNumbers(doc: Node): Map<string, string> {
  const articles: Node[] = []
  doc.descendants((n) => {
    if (n.type.name === 'article') articles.push(n)
    return n.type.name !== 'article'
  })
  const out = new Map<string, string>()
  for (const article of articles) {
    let before = 0
    doc.descendants((n) => {
      if (n === article) return false
      if (n.type.name === 'article') before++
      return n.type.name !== 'article' && before >= 0
    })
    out.set(article.attrs.id as string, String(before + 1))
  }
  return out
}

const big = longAct(800)
const sample = importPlainText(sampleText)

const figures: Figure[] = [
  { name: 'import-sample-law', unit: 'ms', measure: () => medianMs(() => importPlainText(sampleText), 20) },
  { name: 'numbering-800-articles', unit: 'ms', measure: () => medianMs(() => numberDocument(big)) },
  { name: 'numbering-800-articles-naive', unit: 'ms', measure: () => medianMs(() => naiveArticleNumbers(big), 5) },
  { name: 'outline-sample-law', unit: 'ms', measure: () => medianMs(() => outlineDocument(sample, { language: 'bs', script: 'latn' })) },
  ...diffFigures(),
  ...draftIndexFigures(),
  ...groupingFigures(),
  ...importFigures(),
  ...renderFigures(),
  ...reportFigures(),
  ...roundFigures(),
  ...searchFigures(),
]

for (const figure of figures) {
  if (filter && !figure.name.includes(filter)) continue
  const value = figure.measure()
  console.log(`bench: ${figure.name} = ${value.toFixed(3)} ${figure.unit}`)
}
