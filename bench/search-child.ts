// The measurement behind bench/search.ts, in its own process: prints progress on stderr
// and one JSON line of figures on stdout.
//  1. a fresh migrated SQLite file with five drafts of 500 articles (the sample law repeated)
//     and an open round each; 50,000 comments inserted in bulk (raw prepared statements);
//  2. the search index rebuilt (rebuildSearchIndex: every article and comment);
//  3. 200 anonymous queries mixing the forms people type (no diacritics, Cyrillic,
//     inflection, ekavian, article references, filters): median and p95 of searchSite
//     (wall clock, and the process's CPU time, which other processes on the machine do not inflate);
//  4. the naive way on the same texts: fold every text once, then `includes` per query.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { openDb } from '../app/.server/db.ts'
import { ANONYMOUS } from '../accounts/actor.ts'
import { importPlainText } from '../drafting/plain-text-import.ts'
import { outlineDocument } from '../drafting/outline.ts'
import { foldText } from '../consultation/search/text.ts'
import { articleText, outlineArticles } from '../consultation/search/in-page.ts'
import { rebuildSearchIndex } from '../consultation/search/store.ts'
import { searchSite } from '../consultation/search/search.ts'
import { SiteSearchQuery } from '../consultation/search/query.ts'

const root = path.resolve(import.meta.dirname, '..')
const DRAFTS = 5
const ARTICLES = 500
const COMMENTS = 50_000
const QUERIES = 200
const DAY = 86_400_000
const log = (s: string) => process.stderr.write(`search bench: ${s}\n`)

const sampleText = readFileSync(path.join(root, 'sample-data', 'zakon-o-socijalnim-uslugama.v2.txt'), 'utf8')
const sampleComments = (JSON.parse(readFileSync(path.join(root, 'sample-data', 'comments.json'), 'utf8')) as { body: string }[]).map((c) => c.body)

function longAct(articles: number) {
  const body = sampleText.split('\nOBRAZLOŽENJE')[0]!
  const parts: string[] = []
  let count = 0
  while (count < articles) {
    parts.push(body.replace(/^ZAKON[^\n]*\n/, ''))
    count += (body.match(/^Član \d+\./gm) ?? []).length
  }
  return importPlainText(`ZAKON O PROBI\n${parts.join('\n')}`)
}

// A sqlite date as Prisma writes it.
const sqlDate = (d: Date) => d.toISOString().replace('Z', '+00:00')
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'nacrt-bench-search-'))
  const file = path.join(dir, 'bench.db')
  const url = `file:${file}`
  let t0 = Date.now()
  execFileSync(path.join(root, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], { cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: 'pipe' })
  log(`migrated in ${Date.now() - t0} ms`)

  t0 = Date.now()
  const doc = longAct(ARTICLES)
  const outline = outlineDocument(doc, { language: 'bs', script: 'latn' })
  const articles = outlineArticles(outline.body)
  const now = new Date()
  const opensAt = new Date(now.getTime() - 5 * DAY)
  const raw = new Database(file)
  raw.pragma('journal_mode = WAL')
  const roundIds: string[] = []
  raw.transaction(() => {
    raw.prepare(`INSERT INTO "Organisation" ("id", "slug", "name", "kind", "verification", "createdAt") VALUES ('org', 'ministarstvo', 'Ministarstvo', 'ministry', 'verified', ?)`).run(sqlDate(opensAt))
    for (let d = 0; d < DRAFTS; d++) {
      raw.prepare(`INSERT INTO "Draft" ("id", "slug", "title", "ownerId", "createdAt", "updatedAt") VALUES (?, ?, ?, 'org', ?, ?)`)
        .run(`draft${d}`, `zakon-${d}`, `Zakon o probi ${d}`, sqlDate(opensAt), sqlDate(opensAt))
      raw.prepare(`INSERT INTO "Version" ("id", "draftId", "seq", "name", "doc", "createdAt") VALUES (?, ?, 1, 'Nacrt', ?, ?)`)
        .run(`version${d}`, `draft${d}`, JSON.stringify(doc.toJSON()), sqlDate(opensAt))
      raw.prepare(`INSERT INTO "Round" ("id", "draftId", "versionId", "title", "state", "opensAt", "closesAt", "answersPublication", "createdAt") VALUES (?, ?, ?, ?, 'open', ?, ?, 'immediately', ?)`)
        .run(`round${d}`, `draft${d}`, `version${d}`, `Konsultacije ${d}`, sqlDate(opensAt), sqlDate(new Date(now.getTime() + 25 * DAY)), sqlDate(opensAt))
      roundIds.push(`round${d}`)
    }
    const insert = raw.prepare(`INSERT INTO "Comment" ("id", "roundId", "targetKind", "targetNodeId", "articleNodeId", "body", "status", "authorCategory", "createdAt", "consentedAt")
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
    const categories = ['citizen', 'ngo', 'academia', 'business']
    for (let i = 0; i < COMMENTS; i++) {
      const article = articles[(i * 7919) % articles.length]!
      const general = i % 20 === 0
      // The sample's real comments, and sentences of the act itself, mixed and numbered.
      const body = `${sampleComments[i % sampleComments.length]!.slice(0, 400)} ${articleText(articles[(i * 31) % articles.length]!).slice(0, 200)} (${i})`
      const at = sqlDate(new Date(opensAt.getTime() + i * 5_000))
      insert.run(`c${i}`, roundIds[i % DRAFTS], general ? 'draft' : 'article', general ? null : article.id, general ? null : article.id, body,
        i % 50 === 0 ? 'hidden' : 'published', categories[i % categories.length], at, at)
    }
  })()
  raw.close()
  log(`${DRAFTS} drafts × ${ARTICLES} articles and ${COMMENTS} comments inserted in ${Date.now() - t0} ms`)

  const db = await openDb(url)
  t0 = Date.now()
  const counts = await rebuildSearchIndex(db)
  const indexSeconds = (Date.now() - t0) / 1000
  log(`indexed ${counts.articles} articles and ${counts.comments} comments in ${indexSeconds.toFixed(1)} s`)

  const forms = [
    'zastita djece', 'заштита', 'socijalnih usluga', 'socijalne usluge', 'djeteta', 'djeci', 'dete', 'hraniteljstvo', 'usluge smještaja',
    'centar za socijalni rad', 'пружаоци услуга', 'licenciranje', 'mlijeko', 'deinstitucionalizacija', 'ustanova', 'finansiranje kantona',
    'personalna asistencija', 'najbolji interes djeteta', 'procjena potreba', 'inspekcijski nadzor',
  ]
  const queries = Array.from({ length: QUERIES }, (_, i) => {
    const q = i % 10 === 9 ? `član ${1 + (i % 400)}` : forms[i % forms.length]!
    const filters = i % 10 === 9 || i % 4 === 0 ? { draft: `zakon-${i % DRAFTS}` } : i % 7 === 0 ? { category: 'ngo' } : {}
    return SiteSearchQuery.parse({ q, ...filters })
  })
  for (const q of queries.slice(0, 10)) await searchSite(db, ANONYMOUS, q, now)
  const times: number[] = []
  // The CPU time this process spent on each query too: on a shared machine the wall clock
  // also counts the time other processes held the cores (both are printed).
  const cpu: number[] = []
  for (const q of queries) {
    const used = process.cpuUsage()
    const start = process.hrtime.bigint()
    await searchSite(db, ANONYMOUS, q, now)
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
    const spent = process.cpuUsage(used)
    cpu.push((spent.user + spent.system) / 1000)
  }
  const slowest = queries.map((q, i) => ({ q, ms: times[i]! })).sort((a, b) => b.ms - a.ms).slice(0, 5)
  log(`slowest: ${slowest.map((s) => `${JSON.stringify(s.q)} ${s.ms.toFixed(0)} ms`).join('; ')}`)
  times.sort((a, b) => a - b)
  cpu.sort((a, b) => a - b)

  // The naive way: every text folded once in memory, then a substring test per query.
  const texts = [
    ...articles.flatMap((a) => Array.from({ length: DRAFTS }, () => foldText(articleText(a)))),
    ...(await db.comment.findMany({ where: { status: 'published' }, select: { body: true } })).map((c) => foldText(c.body)),
  ]
  const naive: number[] = []
  const naiveCpu: number[] = []
  for (const q of queries) {
    const used = process.cpuUsage()
    const start = process.hrtime.bigint()
    const words = foldText(q.q).split(' ')
    let found = 0
    for (const text of texts) if (words.every((w) => text.includes(w))) found++
    naive.push(Number(process.hrtime.bigint() - start) / 1e6 + found * 0)
    const spent = process.cpuUsage(used)
    naiveCpu.push((spent.user + spent.system) / 1000)
  }
  naive.sort((a, b) => a - b)
  naiveCpu.sort((a, b) => a - b)
  await db.$disconnect()
  if (process.env.SEARCH_BENCH_KEEP) log(`kept ${file}`)
  else rmSync(dir, { recursive: true, force: true })
  process.stdout.write(`${JSON.stringify({
    'search-median': percentile(times, 0.5), 'search-p95': percentile(times, 0.95),
    'search-naive-median': percentile(naive, 0.5), 'search-naive-p95': percentile(naive, 0.95), 'search-index-s': indexSeconds,
    'search-cpu-p95': percentile(cpu, 0.95), 'search-naive-cpu-p95': percentile(naiveCpu, 0.95),
  })}\n`)
}

await main()
