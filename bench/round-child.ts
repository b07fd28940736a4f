// The round benchmark, run by bench/round.ts in a process of its own with
// NODE_ENV=production (React's production build, as `npm start` runs it):
//  1. a fresh migrated SQLite file in a temp dir with a 500-article draft, an open round
//     on it, 20,000 published comments and 200 accounts with live sessions;
//  2. the real app (server/main.ts createApp + build/server, rebuilt when stale) on a
//     random loopback port, comment rate limits raised for the load (see ENV below);
//  3. GET /rounds/:id sequentially: median, p95 and size of the page;
//  4. the page in-process: the route's loader and component (HTML rendered once and kept),
//     and the naive way, React rendering the act and all 20,000 comments per request;
//  5. autocannon (bench/round-load.mjs, another process) POSTing comments as the accounts
//     to one, then two app instances in processes of their own (bench/round-instance.ts).
// Prints one JSON object on stdout; progress and checks go to stderr.
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import type { AddressInfo } from 'node:net'
import { createElement, type ComponentType } from 'react'
import { renderToString } from 'react-dom/server'
import { I18nextProvider } from 'react-i18next'
import { MemoryRouter, RouterContextProvider, type ServerBuild } from 'react-router'
import { importPlainText } from '../drafting/plain-text-import.ts'
import { openDb } from '../app/.server/db.ts'
import { readEnv } from '../app/.server/env.ts'
import { createApp } from '../server/main.ts'
import { newToken } from '../accounts/tokens.ts'
import { SESSION_TTL_MS } from '../accounts/sessions.ts'
import { ANONYMOUS } from '../accounts/actor.ts'
import { csrfTokenFor, newCsrfSecret } from '../app/.server/csrf.ts'
import { CSRF_COOKIE, SESSION_COOKIE } from '../app/.server/cookies.ts'
import { createI18n } from '../app/i18n/instance.ts'
import { presentPreviews } from '../app/routes/comment-view.ts'
import type { PublicComment } from '../consultation/public-round.ts'
import RoundPage, { loader as roundLoader } from '../app/routes/round.tsx'
import { requestContext, sessionContext } from '../app/.server/context.ts'
import { LegalText } from '../app/components/legal-text.tsx'
import { StaticSectionComments } from '../app/components/comment-previews.tsx'
import { forgetRoundComments, renderedSections } from '../app/.server/round-page.ts'

const ARTICLES = 500
const COMMENTS = 20_000
const ACCOUNTS = 200
const PAGE_RUNS = 60
const NAIVE_RUNS = 8
const LOAD_SECONDS = Number(process.env.BENCH_ROUND_SECONDS ?? 10)
const LOAD_CONNECTIONS = Number(process.env.BENCH_ROUND_CONNECTIONS ?? 20)
const DAY = 24 * 60 * 60 * 1000
// BENCH_ROUND_ONLY=load measures submissions only (the page figures print NaN), =pages the
// pages only (the submission figures print NaN);
// BENCH_ROUND_PROFILE=DIR writes a CPU profile of the first app instance under load there (node --cpu-prof).
const LOAD_ONLY = process.env.BENCH_ROUND_ONLY === 'load'
const PAGES_ONLY = process.env.BENCH_ROUND_ONLY === 'pages'
const PROFILE_DIR = process.env.BENCH_ROUND_PROFILE

const root = path.resolve(import.meta.dirname, '..')
const log = (...args: unknown[]) => console.error('[round]', ...args)

function stats(times: number[]) {
  const s = [...times].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!
  return { median: at(0.5), p95: at(0.95), max: s[s.length - 1]! }
}

async function timeIt<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = process.hrtime.bigint()
  const value = await fn()
  return [Number(process.hrtime.bigint() - start) / 1e6, value]
}

/** The sample law's body repeated to at least `articles` articles, cut to exactly that many. */
function act(articles: number) {
  const text = readFileSync(path.join(root, 'sample-data', 'zakon-o-socijalnim-uslugama.v2.txt'), 'utf8')
  const body = text.split('\nOBRAZLOŽENJE')[0]!.replace(/^ZAKON[^\n]*\n/, '')
  const perCopy = (body.match(/^Član \d+\./gm) ?? []).length
  const all = Array.from({ length: Math.ceil(articles / perCopy) }, () => body).join('\n')
  // Cut before the (articles+1)-th article heading.
  let seen = 0
  const lines: string[] = []
  for (const line of all.split('\n')) {
    if (/^Član \d+\./.test(line) && ++seen > articles) break
    lines.push(line)
  }
  return importPlainText(`ZAKON O PROBI\n${lines.join('\n')}`).toJSON() as Json
}
type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[] }

function articleIds(doc: Json): string[] {
  const out: string[] = []
  const walk = (n: Json) => {
    if (n.type === 'article') out.push(n.attrs!.id as string)
    else n.content?.forEach(walk)
  }
  walk(doc)
  return out
}

/** Rebuilds build/ with `react-router build` when it is missing or older than the sources (~20 s). */
function ensureBuild() {
  const built = path.join(root, 'build', 'server', 'index.js')
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0
  let newest = 0
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name)
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !entry.name.startsWith('.react-router')) walk(p)
      } else if (!/\.test\.tsx?$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs)
    }
  }
  for (const dir of ['app', 'consultation', 'drafting', 'accounts']) walk(path.join(root, dir))
  if (builtAt >= newest) return
  log('build/ is missing or older than the sources: running `react-router build` (about 20 s)')
  execFileSync(path.join(root, 'node_modules', '.bin', 'react-router'), ['build'], { cwd: root, stdio: ['ignore', 2, 2] })
}

async function main() {
  ensureBuild()
  const dir = mkdtempSync(path.join(tmpdir(), 'nacrt-bench-round-'))
  const file = path.join(dir, 'bench.db')
  const url = `file:${file}`
  let t0 = Date.now()
  execFileSync(path.join(root, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: root, env: { ...process.env, DATABASE_URL: url }, stdio: 'pipe',
  })
  log(`migrated ${file} in ${Date.now() - t0} ms`)

  // ---- seed ----
  t0 = Date.now()
  const seedDb = await openDb(url)
  const now = new Date()
  const opensAt = new Date(now.getTime() - 5 * DAY)
  const doc = act(ARTICLES)
  const articles = articleIds(doc)
  const org = await seedDb.organisation.create({ data: { slug: 'bench-ministarstvo', name: 'Ministarstvo za probu', kind: 'ministry', verification: 'verified', verifiedAt: opensAt } })
  const draft = await seedDb.draft.create({
    data: { slug: 'zakon-o-probi', title: 'Zakon o probi', stage: 'nacrt', ownerId: org.id, summary: 'Nacrt od 500 članova za mjerenje.' },
  })
  const version = await seedDb.version.create({ data: { draftId: draft.id, seq: 1, name: 'Nacrt', doc: doc as object, createdAt: new Date(opensAt.getTime() - DAY) } })
  await seedDb.workingCopy.create({ data: { draftId: draft.id, doc: doc as object } })
  const round = await seedDb.round.create({
    data: {
      draftId: draft.id, versionId: version.id, title: 'Javne konsultacije o Nacrtu zakona o probi', stage: 'nacrt', state: 'open',
      opensAt, closesAt: new Date(now.getTime() + 25 * DAY), moderationMode: 'post', answersPublication: 'immediately',
      summary: 'Pozivamo građane da komentarišu Nacrt član po član.', methods: ['online'],
    },
  })
  await seedDb.user.createMany({
    data: Array.from({ length: ACCOUNTS }, (_, i) => ({
      email: `bench-${i}@example.ba`, name: `Građanin ${i}`, locale: 'bs', emailVerifiedAt: opensAt, createdAt: opensAt,
    })),
  })
  const users = await seedDb.user.findMany({ select: { id: true, name: true }, orderBy: { email: 'asc' } })
  const accounts: { cookie: string; csrfToken: string }[] = []
  const sessions = users.map((u) => {
    const { token, hash } = newToken()
    const secret = newCsrfSecret()
    accounts.push({ cookie: `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${secret}`, csrfToken: csrfTokenFor(secret) })
    return { id: hash, userId: u.id, expiresAt: new Date(now.getTime() + SESSION_TTL_MS), createdAt: now, lastSeenAt: now }
  })
  await seedDb.session.createMany({ data: sessions })
  const BATCH = 1000
  for (let start = 0; start < COMMENTS; start += BATCH) {
    await seedDb.comment.createMany({
      data: Array.from({ length: Math.min(BATCH, COMMENTS - start) }, (_, k) => {
        const i = start + k
        const user = users[i % users.length]!
        // Every 20th on the draft as a whole; the rest over the articles, the first ones busier.
        const general = i % 20 === 0
        const article = articles[Math.floor(articles.length * (((i * 7919) % 10_007) / 10_007) ** 1.5)]!
        const named = i % 3 === 0
        return {
          roundId: round.id, authorId: user.id, status: 'published', consentToPublish: true, consentToBeNamed: named,
          authorName: named ? user.name : null, consentedAt: new Date(opensAt.getTime() + i * 20_000), createdAt: new Date(opensAt.getTime() + i * 20_000),
          targetKind: general ? 'draft' : 'article', targetNodeId: general ? null : article, articleNodeId: general ? null : article,
          body: `Komentar ${i}: predlažem da se odredba dopuni jasnim rokom i da se navede organ nadležan za odlučivanje. ` +
            'Sadašnja formulacija ostavlja prostor za različita tumačenja u kantonima.',
          proposedWording: i % 4 === 0 ? 'Nadležni organ odlučuje u roku od 30 dana od dana podnošenja zahtjeva.' : null,
        }
      }),
    })
  }
  await seedDb.$disconnect()
  log(`seeded ${articles.length} articles, ${COMMENTS} comments, ${ACCOUNTS} accounts with sessions in ${Date.now() - t0} ms`)

  // ---- the app ----
  const env = readEnv({
    ...process.env, NODE_ENV: 'production', DATABASE_URL: url, HOST: '127.0.0.1', PORT: '3000', COOKIE_SECURE: 'never',
    // The load below sends thousands of comments from 200 accounts on one address.
    COMMENT_LIMIT_PER_ACCOUNT: '1000000', COMMENT_LIMIT_PER_IP: '1000000',
  })
  const build = (await import(pathToFileURL(path.join(root, 'build', 'server', 'index.js')).href)) as ServerBuild
  const { app, db, services } = await createApp(env, build)
  const server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  log(`app on ${base}`)

  // ---- the page over HTTP ----
  const pageUrl = `${base}/rounds/${round.id}`
  let html = ''
  // Timed until the whole (decompressed) body has arrived; decoding it as text is the
  // client's work, done outside the timing.
  const getPage = async () => {
    const res = await fetch(pageUrl)
    const body = Buffer.from(await res.arrayBuffer())
    if (res.status !== 200) throw new Error(`GET ${pageUrl}: ${res.status} ${body.toString('utf8', 0, 300)}`)
    return body
  }
  let page = { median: NaN, p95: NaN, max: NaN }
  if (!LOAD_ONLY) try {
    for (let i = 0; i < 5; i++) html = (await getPage()).toString('utf8')
    if (!html.includes('Zakon o probi')) throw new Error('the round page does not show the draft')
    const pageTimes: number[] = []
    for (let i = 0; i < PAGE_RUNS; i++) pageTimes.push((await timeIt(getPage))[0])
    page = stats(pageTimes)
    const gzipped = await fetch(pageUrl, { headers: { 'accept-encoding': 'gzip' } }).then((r) => r.headers.get('content-encoding'))
    log(`page over HTTP (${PAGE_RUNS} sequential GETs after 5 warm-up): median ${page.median.toFixed(1)} ms, p95 ${page.p95.toFixed(1)} ms, max ${page.max.toFixed(1)} ms, ${(Buffer.byteLength(html) / 1024).toFixed(0)} KB HTML (sent ${gzipped ?? 'uncompressed'})`)
  } catch (error) {
    html = ''
    log(`FAILED: the round page does not load: ${(error as Error).message.slice(0, 200)}`)
  }

  // ---- the reading page of the same draft over HTTP (its text as HTML kept per version, the round's previews) ----
  let draftPage = { median: NaN, p95: NaN, max: NaN }
  let draftHtml = ''
  if (!LOAD_ONLY) try {
    const draftUrl = `${base}/drafts/zakon-o-probi`
    const getDraft = async () => {
      const res = await fetch(draftUrl)
      const body = Buffer.from(await res.arrayBuffer())
      if (res.status !== 200) throw new Error(`GET ${draftUrl}: ${res.status} ${body.toString('utf8', 0, 300)}`)
      return body
    }
    for (let i = 0; i < 5; i++) draftHtml = (await getDraft()).toString('utf8')
    if (!draftHtml.includes('Član 500.')) throw new Error('the reading page does not show the last article')
    const times: number[] = []
    for (let i = 0; i < PAGE_RUNS; i++) times.push((await timeIt(getDraft))[0])
    draftPage = stats(times)
    log(`reading page over HTTP (${PAGE_RUNS} sequential GETs after 5 warm-up): median ${draftPage.median.toFixed(1)} ms, p95 ${draftPage.p95.toFixed(1)} ms, max ${draftPage.max.toFixed(1)} ms, ${(Buffer.byteLength(draftHtml) / 1024).toFixed(0)} KB HTML`)
  } catch (error) {
    draftHtml = ''
    log(`FAILED: the reading page does not load: ${(error as Error).message.slice(0, 200)}`)
  }

  // ---- the page in-process: the route's loader and component, vs the naive way ----
  // Today: the route's loader (articles' text and comment sections as HTML kept between
  // requests, see app/.server/round-page.ts) and its component. The naive way renders
  // everything with React on every request, as the page once did: the whole act from its
  // outline and, under each article, all its comments (20,000), and sends the browser that
  // data again for hydration (counted in the size as JSON).
  const i18n = createI18n('bs')
  const Page = RoundPage as unknown as ComponentType<{ loaderData: unknown }>
  const wrap = (element: ReturnType<typeof createElement>) =>
    createElement(I18nextProvider, { i18n }, createElement(MemoryRouter, { initialEntries: [`/rounds/${round.id}`] }, element))
  const context = new RouterContextProvider()
  context.set(requestContext, { services, locale: 'bs', cspNonce: 'bench', clientIp: '127.0.0.1', secureCookies: false, publicUrl: null })
  context.set(sessionContext, { actor: ANONYMOUS, sessionId: null, csrfSecret: newCsrfSecret() })
  const pageToday = async () => {
    const [loadMs, loaderData] = await timeIt(() => roundLoader({ request: new Request(pageUrl), params: { roundId: round.id }, context } as never))
    const [renderMs, out] = await timeIt(() => renderToString(wrap(createElement(Page, { loaderData }))))
    return { loadMs, totalMs: loadMs + renderMs, bytes: Buffer.byteLength(out) + Buffer.byteLength(JSON.stringify(loaderData)) }
  }
  const pageNaive = async () => {
    const [loadMs, loaded] = await timeIt(async () => {
      const found = await services.rounds.readPublic(ANONYMOUS, round.id)
      if (!found.ok) throw new Error('round not found')
      const reading = await services.drafting.readDraft(found.value.draft.slug, { versionSeq: found.value.versionSeq })
      if (!reading.ok) throw new Error('draft not found')
      // listRoundComments: every published comment of the round, grouped by section for the page.
      const list = await services.consultation.listRoundComments(found.value.id)
      const bySection: Record<string, PublicComment[]> = {}
      for (const c of list.comments) {
        const key = c.articleNodeId ?? (c.targetKind === 'memorandum' ? 'memorandum' : 'general')
        ;(bySection[key] ??= []).push({ ...c, editedAt: null, channel: 'online', answer: null, attachments: [], letterOnFile: false, replies: [] } as PublicComment)
      }
      const outline = reading.value.outline
      return { outline, countsByArticle: list.countsByArticle, generalCount: list.generalCount, previews: presentPreviews(bySection, outline) }
    })
    const roundView = { id: round.id, open: true }
    const [renderMs, out] = await timeIt(() => renderToString(wrap(createElement('div', null,
      createElement(LegalText, {
        outline: loaded.outline,
        renderAfterArticle: (a) => createElement('div', { className: 'article-comments' }, createElement(StaticSectionComments, {
          section: { kind: 'article', id: a.id, number: a.number, anchor: a.anchor }, count: loaded.countsByArticle[a.id] ?? 0,
          shown: loaded.previews[a.id] ?? [], round: roundView, signedIn: false, locale: 'bs',
        })),
      }),
      createElement(StaticSectionComments, { section: { kind: 'general' }, count: loaded.generalCount, shown: loaded.previews.general ?? [], round: roundView, signedIn: false, locale: 'bs' }),
    ))))
    return { loadMs, totalMs: loadMs + renderMs, bytes: Buffer.byteLength(out) + Buffer.byteLength(JSON.stringify(loaded)) }
  }
  const inProcess = async (run: typeof pageToday, runs: number) => {
    const loads: number[] = []
    const totals: number[] = []
    let size = 0
    for (let i = -1; i < runs; i++) {
      const one = await run()
      size = one.bytes
      if (i >= 0) { loads.push(one.loadMs); totals.push(one.totalMs) }
    }
    return { load: stats(loads), total: stats(totals), kb: size / 1024 }
  }
  const failedRun = { load: { median: NaN, p95: NaN, max: NaN }, total: { median: NaN, p95: NaN, max: NaN }, kb: NaN }
  const failed = (what: string) => (error: Error) => (log(`FAILED in-process ${what}: ${error.message.split('\n').filter(Boolean).pop()}`), failedRun)
  const preview = LOAD_ONLY ? failedRun : await inProcess(pageToday, 20).catch(failed('page'))
  const naive = LOAD_ONLY || process.env.BENCH_ROUND_NAIVE === '0' ? failedRun : await inProcess(pageNaive, NAIVE_RUNS).catch(failed('naive page'))
  log(`in-process, today: loader p95 ${preview.load.p95.toFixed(1)} ms, loader+render p95 ${preview.total.p95.toFixed(1)} ms, ${preview.kb.toFixed(0)} KB (HTML and data)`)
  log(`in-process, naive (React renders the act and all ${COMMENTS} comments, ${NAIVE_RUNS} runs): loader p95 ${naive.load.p95.toFixed(1)} ms, loader+render median ${naive.total.median.toFixed(1)} ms, p95 ${naive.total.p95.toFixed(1)} ms, ${naive.kb.toFixed(0)} KB (HTML and data)`)

  // ---- the page after one new comment ----
  // The first page (loader and render) after one new comment on an article: today only that
  // article's section is read and rendered again; the full way (this process's comment
  // caches forgotten, as before sections were kept apart) reads and renders all 502.
  const afterComment = async (full: boolean) => {
    const article = articles[Math.floor(Math.random() * articles.length)]!
    await db.comment.create({
      data: {
        roundId: round.id, authorId: users[0]!.id, status: 'published', consentToPublish: true, targetKind: 'article',
        targetNodeId: article, articleNodeId: article, body: 'Još jedan komentar tokom kampanje.',
      },
    })
    if (full) forgetRoundComments()
    const before = renderedSections.count
    const { totalMs } = await pageToday()
    return { ms: totalMs, rendered: renderedSections.count - before }
  }
  const AFTER_RUNS = 7
  const afterRuns = { part: [] as number[], full: [] as number[], partRendered: 0, fullRendered: 0 }
  try {
    for (let i = 0; i < (LOAD_ONLY ? 0 : AFTER_RUNS); i++) {
      const part = await afterComment(false)
      const full = await afterComment(true)
      afterRuns.part.push(part.ms)
      afterRuns.full.push(full.ms)
      afterRuns.partRendered = part.rendered
      afterRuns.fullRendered = full.rendered
    }
  } catch (error) {
    log(`FAILED: the page after a comment: ${(error as Error).message.slice(0, 200)}`)
  }
  const afterPart = afterRuns.part.length ? stats(afterRuns.part) : { median: NaN, p95: NaN, max: NaN }
  const afterFull = afterRuns.full.length ? stats(afterRuns.full) : { median: NaN, p95: NaN, max: NaN }
  log(`in-process, first page after one new comment (${AFTER_RUNS} runs): median ${afterPart.median.toFixed(1)} ms, max ${afterPart.max.toFixed(1)} ms ` +
    `(${afterRuns.partRendered} section rendered); all sections read and rendered again: median ${afterFull.median.toFixed(1)} ms, max ${afterFull.max.toFixed(1)} ms (${afterRuns.fullRendered} sections)`)

  // ---- comment submission under load ----
  // One instance (this process), then two: a second app process on the same SQLite file
  // (bench/round-instance.ts), autocannon spreading its connections over both, as a
  // deployment of several instances behind a balancer. Only submissions answered with a
  // redirect to the draft count, and each is looked up in the database by its clientKey.
  const targets = [...articles.filter((_, i) => i % 5 === 0), '']
  type LoadResult = {
    requests: { total: number; average: number }; latency: { p50: number; p99: number; average: number; max: number }; duration: number
    s2xx: number; s3xx: number; s4xx: number; s5xx: number; errors: number; timeouts: number; sent: number; accepted: string[]
  }
  const load = async (urls: string[], seconds: number): Promise<LoadResult> => {
    const specFile = path.join(dir, `load-${urls.length}-${seconds}.json`)
    writeFileSync(specFile, JSON.stringify({ urls, roundId: round.id, accounts, targets, seconds, connections: LOAD_CONNECTIONS }))
    const child = spawn(process.execPath, [path.join(root, 'bench', 'round-load.mjs'), specFile], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
    let out = ''
    child.stdout.on('data', (d) => (out += d))
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
    if (code !== 0) throw new Error(`round-load.mjs exited with ${code}`)
    return JSON.parse(out) as LoadResult
  }
  const measureLoad = async (urls: string[]) => {
    await load(urls, 2) // warm-up
    const before = await db.comment.count({ where: { roundId: round.id } })
    const result = await load(urls, LOAD_SECONDS)
    // Requests still in flight when autocannon stopped may land after it: wait for them.
    await new Promise((resolve) => setTimeout(resolve, 500))
    const after = await db.comment.count({ where: { roundId: round.id } })
    const ok = result.s2xx + result.s3xx
    const failed = result.s4xx + result.s5xx + result.errors + result.timeouts
    let found = 0
    for (let i = 0; i < result.accepted.length; i += 500) {
      found += await db.comment.count({ where: { roundId: round.id, clientKey: { in: result.accepted.slice(i, i + 500) } } })
    }
    const label = `${urls.length} instance${urls.length > 1 ? 's' : ''}`
    log(`load, ${label}: ${LOAD_CONNECTIONS} connections for ${result.duration.toFixed(1)} s: ${ok} counted (2xx ${result.s2xx}, 3xx ${result.s3xx}), ` +
      `4xx ${result.s4xx}, 5xx ${result.s5xx}, errors ${result.errors}, timeouts ${result.timeouts}; ` +
      `${result.accepted.length} redirected to the draft, ${found} of them found in the database by clientKey; ` +
      `${after - before} rows added (the rest answered after autocannon stopped); ` +
      `latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms`)
    if (failed > 0) log(`WARNING: ${failed} requests failed`)
    if (found !== result.accepted.length) log(`WARNING: ${result.accepted.length - found} accepted submissions have no comment`)
    if (ok > result.accepted.length) log(`WARNING: ${ok - result.accepted.length} counted answers were not a redirect to the draft`)
    // Counted: answers within the run that are a redirect to the draft and whose comment is stored.
    const counted = Math.min(ok, found)
    return { perSecond: counted / result.duration, p99: result.latency.p99, failed }
  }
  // The instances under load are app processes of their own (bench/round-instance.ts), as
  // deployed: not this process, whose heap holds the page measurements above.
  const startInstance = async (profiled: boolean) => {
    const profile = profiled && PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(PROFILE_DIR)}`] : []
    const child = spawn(process.execPath, [...profile, '--import', 'tsx', path.join(root, 'bench', 'round-instance.ts')], {
      cwd: root, stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production', DATABASE_URL: url, HOST: '127.0.0.1', COOKIE_SECURE: 'never', COMMENT_LIMIT_PER_ACCOUNT: '1000000', COMMENT_LIMIT_PER_IP: '1000000' },
    })
    const port = await new Promise<number>((resolve, reject) => {
      let out = ''
      child.stdout.on('data', (d) => {
        out += d
        const m = /listening (\d+)/.exec(out)
        if (m) resolve(Number(m[1]))
      })
      child.once('exit', (code) => reject(new Error(`an app instance exited with ${code}`)))
    })
    const stopped = new Promise((resolve) => child.once('exit', resolve))
    return { url: `http://127.0.0.1:${port}`, stop: () => (child.kill('SIGTERM'), stopped) }
  }
  const skipped = { perSecond: NaN, p99: NaN, failed: 0 }
  let one = skipped
  let two = skipped
  if (!PAGES_ONLY) {
    const first = await startInstance(true)
    const second = await startInstance(false)
    one = await measureLoad([first.url]).catch((error) => (second.stop(), first.stop(), Promise.reject(error)))
    two = await measureLoad([first.url, second.url]).finally(() => Promise.all([first.stop(), second.stop()]))
  }

  server.close()
  await db.$disconnect()
  rmSync(dir, { recursive: true, force: true })

  process.stdout.write(`${JSON.stringify({
    'round-page-median': page.median,
    'round-page-p95': page.p95,
    'round-page-kb': html ? Buffer.byteLength(html) / 1024 : NaN,
    'round-reading-page-median': draftPage.median,
    'round-reading-page-p95': draftPage.p95,
    'round-reading-page-kb': draftHtml ? Buffer.byteLength(draftHtml) / 1024 : NaN,
    'round-page-inprocess-p95': preview.total.p95,
    'round-page-naive-p95': naive.total.p95,
    'round-page-naive-kb': naive.kb,
    'round-loader-preview-p95': preview.load.p95,
    'round-loader-naive-p95': naive.load.p95,
    'round-page-after-comment-ms': afterPart.median,
    'round-page-after-comment-full-ms': afterFull.median,
    // Only submissions answered with a redirect and found stored count, over the measured
    // duration; the whole machine (two instances) and one instance.
    'round-comments-per-s': two.perSecond,
    'round-comment-p99': two.p99,
    'round-comments-per-s-1': one.perSecond,
    'round-comment-p99-1': one.p99,
    'round-comment-errors': one.failed + two.failed,
  })}\n`)
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
