// Figures of the in-page search of one draft (consultation/search/draft-index.ts), for
// bench/run.ts to register: building a 500-article draft's lunr index, its gzip size as
// sent to the browser, and a query in it, beside the naive scan of folded article texts.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import { importPlainText } from '../drafting/plain-text-import.ts'
import { outlineDocument } from '../drafting/outline.ts'
import { buildDraftIndex, type SearchUnit } from '../consultation/search/lunr-bcs.ts'
import { versionSearchUnits } from '../consultation/search/draft-index.ts'
import { loadDraftIndex, searchDraftIndex } from '../consultation/search/in-page.ts'
import { foldText } from '../consultation/search/text.ts'
import { medianMs, type Figure } from './measure.ts'

const ARTICLES = 500
// What readers type: whole words, inflected forms, half-typed words, Cyrillic.
const QUERIES = ['zastita', 'socijalnih usluga', 'centar za socijalni', 'korisnik', 'заштита деце', 'prava i obaveze', 'licenc', 'ugovor o pruzanju', 'dijete', 'finansir']

/** The articles of a long act (the sample law's body repeated), cut at 500, as indexed. */
function units(): SearchUnit[] {
  const text = readFileSync(path.resolve(import.meta.dirname, '..', 'sample-data', 'zakon-o-socijalnim-uslugama.v2.txt'), 'utf8')
  const body = text.split('\nOBRAZLOŽENJE')[0]!.replace(/^ZAKON[^\n]*\n/, '')
  const copies = Math.ceil(ARTICLES / (body.match(/^Član \d+\./gm) ?? []).length)
  const doc = importPlainText(`ZAKON O PROBI\n${Array.from({ length: copies }, () => body).join('\n')}`)
  return versionSearchUnits(outlineDocument(doc, { language: 'bs', script: 'latn' })).slice(0, ARTICLES)
}

/** Median of one query over 100 runs, cycling through QUERIES. */
function medianQueryMs(run: (query: string) => unknown): number {
  let i = 0
  return medianMs(() => run(QUERIES[i++ % QUERIES.length]!), 100)
}

export function draftIndexFigures(): Figure[] {
  let cached: SearchUnit[] | undefined
  const all = () => (cached ??= units())
  const build = () => buildDraftIndex(all(), { positions: false })
  let json: string | undefined
  const serialised = () => (json ??= JSON.stringify(build()))
  return [
    { name: 'search-draft-index-build', unit: 'ms', measure: () => medianMs(build, 10) },
    { name: 'search-draft-index-kb', unit: 'KB', measure: () => gzipSync(serialised()).length / 1024 },
    {
      name: 'search-draft-query',
      unit: 'ms',
      measure: () => {
        const index = loadDraftIndex(JSON.parse(serialised()) as object)
        return medianQueryMs((query) => searchDraftIndex(index, query))
      },
    },
    {
      // Every article's folded text scanned for every folded word: no stems, so it misses
      // inflected forms ("socijalnih usluga" in "socijalne usluge") that the index finds.
      name: 'search-draft-naive-query',
      unit: 'ms',
      measure: () => {
        const folded = all().map((unit) => ({ ref: unit.ref, text: foldText(unit.text) }))
        return medianQueryMs((query) => {
          const words = foldText(query).split(' ')
          return folded.filter((unit) => words.every((word) => unit.text.includes(word))).map((unit) => unit.ref)
        })
      },
    },
  ]
}
