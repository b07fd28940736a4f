// The consolidated report against a real database: the seeded closed round's published
// report, publishing with the unanswered warning, who may do what, export jobs from
// request to file (in this process and in the worker thread), what public exports never
// contain, and `nacrt report` on the command line.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough } from 'node:stream'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor } from '../../accounts/actor.ts'
import { readReport, reportAccess } from '../../consultation/report/view.ts'
import { reportCharts } from '../../consultation/report/charts.ts'
import { reportVocabulary } from '../../consultation/report/vocabulary.ts'
import { publishReport } from '../../consultation/report/publish.ts'
import { claimNextJob, exportReport, jobFile, planReportExport, processNextJob, readJob, requestReportExport, runReportJob } from '../../consultation/report/jobs.ts'
import type { ReportFormat } from '../../consultation/report/export/index.ts'
import { OpenDataReport } from '../../consultation/report/export/open-data.ts'
import { reportCommand } from '../../cli/commands/report.ts'
import { startReportWorker } from '../../server/jobs.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const SLUG = 'zakon-o-socijalnim-uslugama'
const OWNER = 'lejla.mehmedovic@fmrsp.example.ba'
const RESPONDER = 'emir.begic@fmrsp.example.ba'
const EDITOR = 'dragan.kovacevic@fmrsp.example.ba'
const CITIZEN = 'gradjanin@nacrt.example.ba'
// Seeded commenters who did not agree to be named (prisma/seed-closed-round.ts).
const UNNAMED = ['Goran Ilić', 'Dženana Čaušević', 'Lejla Kovačević', 'Mladen Jurić', 'Merima Zukić', 'Ibrahim Softić', 'Jasmina Bećirević', 'Tarik Begović']

let db: Db
let file: string
let cleanup: () => Promise<void>
let dir: string
let closedRoundId: string
let openRound: { id: string; closesAt: Date }

beforeEach(async () => {
  ;({ db, file, cleanup } = await createTestDb())
  await seed(db, NOW)
  closedRoundId = (await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, stage: 'prednacrt' }, select: { id: true } })).id
  openRound = await db.round.findFirstOrThrow({ where: { draft: { slug: SLUG }, stage: 'nacrt' }, select: { id: true, closesAt: true } })
  dir = mkdtempSync(path.join(tmpdir(), 'nacrt-exports-'))
})
afterEach(async () => {
  await cleanup()
  rmSync(dir, { recursive: true, force: true })
})

async function actorFor(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email } })
  return loadActor(db, user.id)
}

/** After the open round has closed. */
const afterClosing = () => new Date(openRound.closesAt.getTime() + 24 * 60 * 60 * 1000)

/** An export of a round into memory, as text (docx and xlsx read back by mammoth and exceljs). */
async function exportedText(roundId: string, format: ReportFormat, audience: 'public' | 'staff' = 'public', lang: 'bs' | 'sr-Cyrl' = 'bs'): Promise<string> {
  const out = new PassThrough()
  const parts: Buffer[] = []
  out.on('data', (b: Buffer) => parts.push(b))
  await exportReport(db, { roundId, format, lang, audience }, out)
  out.end()
  const buffer = Buffer.concat(parts)
  if (format === 'docx') return (await mammoth.extractRawText({ buffer })).value
  if (format === 'xlsx') {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer)
    return workbook.worksheets.flatMap((w) => w.getSheetValues().flat().map(String)).join('\n')
  }
  return buffer.toString('utf8')
}

describe('the seeded closed round', () => {
  it('has a published report anyone can read: every answer status, a campaign once, the memorandum, the shortened period', async () => {
    const result = await readReport(db, ANONYMOUS, closedRoundId, { lang: 'bs', now: NOW })
    if (!result.ok) throw new Error(result.reason)
    const { report, state, audience, can } = result.value
    expect(state).toBe('report-published')
    expect(audience).toBe('public')
    expect(can).toEqual({ publish: false, export: true })
    expect(report.act).toMatchObject({ stage: 'prednacrt', version: { seq: 1 } })
    expect(report.round.days).toBeLessThan(report.round.minimumDays)
    expect(report.round.shortPeriodReason).toMatch(/skraćen/)
    expect(report.round.hearings).toHaveLength(1)
    for (const status of ['accepted', 'partly-accepted', 'rejected', 'noted'] as const) expect(report.counts.byStatus[status]).toBeGreaterThan(0)
    expect(report.counts.byStatus.unanswered).toBe(0)
    expect(report.counts).toMatchObject({ notPublished: 1, withdrawn: 1, groups: 1, groupedComments: 5 })
    const campaign = report.sections.flatMap((s) => s.rows).find((r) => r.group)
    expect(campaign?.group).toMatchObject({ count: 5, anonymousSigners: 2 })
    expect(report.sections.at(-1)).toMatchObject({ kind: 'memorandum', rows: [expect.objectContaining({ status: 'noted' })] })
    expect(report.sections[0]).toMatchObject({ kind: 'general' })
    expect(report.participants.map((p) => p.category)).toEqual(expect.arrayContaining(['citizen', 'ngo', 'academia', 'public-institution', 'international']))
  })

  it('never puts e-mail addresses, hidden comments or the names of people who did not consent in a public export', async () => {
    for (const format of ['csv', 'json', 'xlsx', 'docx'] as const) {
      const text = await exportedText(closedRoundId, format)
      expect(text, format).not.toMatch(/@/)
      for (const name of UNNAMED) expect(text, `${format}: ${name}`).not.toContain(name)
      expect(text, format).not.toContain('lijeni i nesposobni')
      expect(text, format).toContain('Amra Hodžić')
      expect(text, format).toMatch(/Savez udruženja osoba s invaliditetom/)
    }
    const json = OpenDataReport.parse(JSON.parse(await exportedText(closedRoundId, 'json')))
    expect(json.counts.received).toBe(27)
  })

  it('exports in Serbian Cyrillic, diacritics and all', async () => {
    const docx = await exportedText(closedRoundId, 'docx', 'public', 'sr-Cyrl')
    expect(docx).toContain('ИЗВЈЕШТАЈ О СПРОВЕДЕНИМ КОНСУЛТАЦИЈАМА')
    expect(docx).toContain('Амра Хоџић')
    const xlsx = await exportedText(closedRoundId, 'xlsx', 'public', 'sr-Cyrl')
    expect(xlsx).toContain('Прихваћен')
  })
})

describe('the report’s figures', () => {
  /** The numbers a chart draws, read back from its <desc>. */
  const chartTotal = (svg: string) => {
    const desc = svg.match(/<desc[^>]*>([^<]*)<\/desc>/)![1]!.split('. ')[0]!
    return desc.split('; ').reduce((n, item) => n + Number(item.slice(item.lastIndexOf(': ') + 2)), 0)
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0)

  it('reconcile: every comment is published, not published or withdrawn; tables and charts count those sets and say so', async () => {
    const owner = await actorFor(OWNER)
    for (const [roundId, actor] of [[closedRoundId, ANONYMOUS], [closedRoundId, owner], [openRound.id, owner]] as const) {
      const result = await readReport(db, actor, roundId, { lang: 'en', now: NOW })
      if (!result.ok) throw new Error(result.reason)
      const { report } = result.value
      const c = report.counts
      const all = await db.comment.count({ where: { roundId } })
      // Each comment in exactly one of the three.
      expect(c.received + c.withdrawn).toBe(all)
      expect(c.published + c.notPublished).toBe(c.received)
      // The participants table counts the comments received.
      expect(sum(report.participants.map((p) => p.comments))).toBe(c.received)
      // Per article and per status: the published ones.
      expect(sum(report.sections.map((s) => s.commentCount))).toBe(c.published)
      expect(sum(Object.values(c.byStatus))).toBe(c.published)
      const charts = reportCharts(report, reportVocabulary('en'))
      expect(chartTotal(charts.perCategory.svg)).toBe(c.received)
      expect(chartTotal(charts.perArticle.svg)).toBe(c.published)
      expect(chartTotal(charts.perStatus.svg)).toBe(c.published)
    }
    // The seeded closed round: 28 comments, one withdrawn, one hidden.
    const closed = await readReport(db, ANONYMOUS, closedRoundId, { lang: 'en', now: NOW })
    if (!closed.ok) throw new Error(closed.reason)
    expect(closed.value.report.counts).toMatchObject({ received: 27, published: 26, notPublished: 1, withdrawn: 1 })
    // The words say which set each figure counts.
    const words = reportVocabulary('en')
    expect(words.counts.received).toBe('Comments received (withdrawn ones not included)')
    expect(words.counts.published).toBe('of which published')
    expect(words.counts.notPublished).toMatch(/^of which not published/)
    expect(words.counts.withdrawn).toBe('Withdrawn by their authors (not counted above)')
    expect(words.charts).toMatchObject({ perArticle: 'Published comments per article', perCategory: 'Comments received per participant category', perStatus: 'Answers to published comments' })
  })
})

describe('publishing the report', () => {
  it('refuses while the round is open, and for anyone but the owner and administrators', async () => {
    const owner = await actorFor(OWNER)
    expect(await publishReport(db, owner, openRound.id, { confirmUnanswered: true }, NOW)).toEqual({ ok: false, reason: 'round-not-closed' })
    for (const email of [RESPONDER, EDITOR, CITIZEN]) {
      expect(await publishReport(db, await actorFor(email), openRound.id, { confirmUnanswered: true }, afterClosing()), email).toEqual({ ok: false, reason: 'forbidden' })
    }
    expect(await publishReport(db, ANONYMOUS, openRound.id, { confirmUnanswered: true }, afterClosing())).toEqual({ ok: false, reason: 'forbidden' })
    expect(await publishReport(db, owner, 'no-such-round', { confirmUnanswered: true }, NOW)).toEqual({ ok: false, reason: 'round-not-found' })
  })

  it('warns about unanswered comments, names them, and publishes only once confirmed; the transition and audit record who', async () => {
    const owner = await actorFor(OWNER)
    const now = afterClosing()
    const staff = await readReport(db, owner, openRound.id, { lang: 'bs', now })
    if (!staff.ok) throw new Error(staff.reason)
    expect(staff.value.audience).toBe('staff')
    expect(staff.value.can.publish).toBe(true)
    expect(staff.value.unanswered.length).toBeGreaterThan(0)
    expect(staff.value.unanswered[0]).toMatchObject({ no: expect.any(Number), excerpt: expect.any(String) })

    expect(await publishReport(db, owner, openRound.id, { confirmUnanswered: false }, now)).toEqual({ ok: false, reason: 'unanswered-comments' })
    expect((await db.round.findUniqueOrThrow({ where: { id: openRound.id } })).reportPublishedAt).toBeNull()

    const published = await publishReport(db, owner, openRound.id, { confirmUnanswered: true }, now)
    expect(published.ok && published.value.unanswered).toBeGreaterThan(0)
    const round = await db.round.findUniqueOrThrow({ where: { id: openRound.id }, include: { transitions: { orderBy: { id: 'asc' } } } })
    expect(round).toMatchObject({ state: 'report-published', reportPublishedAt: now })
    expect(round.transitions.at(-1)).toMatchObject({ fromState: 'closed', toState: 'report-published', byId: owner.userId, at: now })
    const audit = await db.auditEvent.findMany({ where: { objectType: 'round', objectId: openRound.id, at: now }, orderBy: { id: 'asc' } })
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['round.report-published', owner.userId],
      ['report.published-with-unanswered', owner.userId],
    ])
    expect(await publishReport(db, owner, openRound.id, { confirmUnanswered: true }, now)).toEqual({ ok: false, reason: 'already-published' })

    // Now anyone reads it, the public way.
    const reading = await readReport(db, ANONYMOUS, openRound.id, { lang: 'bs', now })
    expect(reading.ok && reading.value.audience).toBe('public')
  })

  it('publishes at once when every comment has a published answer', async () => {
    const owner = await actorFor(OWNER)
    const comments = await db.comment.findMany({ where: { roundId: openRound.id }, select: { id: true } })
    await db.response.createMany({ data: comments.map((c) => ({ commentId: c.id, status: 'noted', reasoning: 'Primljeno k znanju.', publishedAt: NOW })) })
    const result = await publishReport(db, owner, openRound.id, { confirmUnanswered: false }, afterClosing())
    expect(result).toEqual({ ok: true, value: { publishedAt: afterClosing(), unanswered: 0 } })
  })
})

describe('who reads a report before it is published', () => {
  it('is the people who prepare it; everyone else is told it is not published', async () => {
    const now = afterClosing()
    for (const email of [OWNER, RESPONDER]) expect((await reportAccess(db, await actorFor(email), openRound.id, now)).ok, email).toBe(true)
    for (const actor of [ANONYMOUS, await actorFor(CITIZEN), await actorFor(EDITOR)]) {
      expect(await reportAccess(db, actor, openRound.id, now)).toEqual({ ok: false, reason: 'report-not-published' })
      expect(await requestReportExport(db, actor, openRound.id, { format: 'docx', lang: 'bs' }, now)).toEqual({ ok: false, reason: 'report-not-published' })
    }
    // The responder sees hidden comments marked; they are not in the public report.
    const staff = await readReport(db, await actorFor(RESPONDER), closedRoundId, { lang: 'bs', now })
    expect(staff.ok && staff.value.audience).toBe('public')
  })
})

describe('export jobs', () => {
  it('runs a staff export from request to file: claimed once, progress recorded, readable only by its requester', async () => {
    const responder = await actorFor(RESPONDER)
    const now = afterClosing()
    const requested = await requestReportExport(db, responder, openRound.id, { format: 'xlsx', lang: 'hr' }, now)
    if (!requested.ok) throw new Error(requested.reason)
    const { jobId } = requested.value
    expect((await readJob(db, responder, jobId)).ok && (await readJob(db, responder, jobId))).toMatchObject({ value: { state: 'queued', format: 'xlsx' } })
    expect(await readJob(db, await actorFor(CITIZEN), jobId)).toEqual({ ok: false, reason: 'job-not-found' })
    expect(await readJob(db, ANONYMOUS, jobId)).toEqual({ ok: false, reason: 'job-not-found' })

    const claimed = await claimNextJob(db, now)
    expect(claimed?.id).toBe(jobId)
    // A second worker finds nothing to claim while the lease holds.
    expect(await claimNextJob(db, now)).toBeNull()
    expect(await runReportJob(db, claimed!, { dir, clock: () => now, progressIntervalMs: 0 })).toBe('done')

    const job = await readJob(db, responder, jobId)
    expect(job.ok && job.value).toMatchObject({ state: 'done' })
    expect(job.ok && job.value.progress).toBe(job.ok && job.value.total)
    expect(job.ok && job.value.total).toBeGreaterThan(10)
    const download = await jobFile(db, responder, jobId, dir)
    if (!download.ok) throw new Error(download.reason)
    expect(download.value.fileName).toBe(`izvjestaj-${SLUG}-2-hr.xlsx`)
    expect(existsSync(`${download.value.path}.part`)).toBe(false)
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(download.value.path)
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Komentari', 'Sažetak'])
    expect(workbook.worksheets[0]!.getRow(1).getCell(4).value).toBe('Podnositelj')
  })

  it('shares one public export between everyone who asks, and anyone may follow and download it', async () => {
    const first = await requestReportExport(db, ANONYMOUS, closedRoundId, { format: 'csv', lang: 'bs' }, NOW)
    const second = await requestReportExport(db, await actorFor(CITIZEN), closedRoundId, { format: 'csv', lang: 'bs' }, NOW)
    expect(first.ok && second.ok && first.value.jobId === second.value.jobId).toBe(true)
    const other = await requestReportExport(db, ANONYMOUS, closedRoundId, { format: 'csv', lang: 'en' }, NOW)
    expect(other.ok && first.ok && other.value.jobId !== first.value.jobId).toBe(true)
    expect(await processNextJob(db, { dir, clock: () => NOW })).toBe(true)
    const jobId = first.ok ? first.value.jobId : ''
    const download = await jobFile(db, ANONYMOUS, jobId, dir)
    if (!download.ok) throw new Error(download.reason)
    const text = readFileSync(download.value.path, 'utf8')
    expect(text.charCodeAt(0)).toBe(0xfeff)
    expect(text).toContain('Amra Hodžić')
  })

  it('marks a job failed when its round is gone, and takes back a job whose worker stopped renewing its lease', async () => {
    const job = await db.job.create({ data: { kind: 'report-export', payload: { roundId: 'gone', format: 'docx', lang: 'bs', audience: 'public' } } })
    expect(await processNextJob(db, { dir, clock: () => NOW })).toBe(true)
    expect(await db.job.findUniqueOrThrow({ where: { id: job.id } })).toMatchObject({ state: 'failed', error: 'round-not-found' })

    const stale = await db.job.create({
      data: { kind: 'report-export', state: 'running', lockedUntil: new Date(NOW.getTime() - 1_000), payload: { roundId: closedRoundId, format: 'json', lang: 'bs', audience: 'public' } },
    })
    expect((await claimNextJob(db, NOW))?.id).toBe(stale.id)
  })

  it('plans small exports for the request and large ones for the worker', async () => {
    const plan = await planReportExport(db, ANONYMOUS, closedRoundId, 'docx', NOW)
    expect(plan.ok && plan.value).toMatchObject({ audience: 'public', direct: true })
    expect(plan.ok && plan.value.fileName('sr-Cyrl')).toBe(`izvjestaj-${SLUG}-1-sr-Cyrl.docx`)
    const staff = await planReportExport(db, await actorFor(OWNER), openRound.id, 'json', afterClosing())
    // Open data is the public report, even for staff.
    expect(staff.ok && staff.value.audience).toBe('public')
  })

  it('is processed by the worker thread the server starts, while the main thread keeps answering', async () => {
    // 3,000 more comments on the closed round: an export of several seconds.
    const article = await db.comment.findFirstOrThrow({ where: { roundId: closedRoundId, targetKind: 'article' }, select: { articleNodeId: true } })
    for (let batch = 0; batch < 30; batch++) {
      await db.comment.createMany({
        data: Array.from({ length: 100 }, (_, i) => ({
          roundId: closedRoundId, targetKind: 'article', targetNodeId: article.articleNodeId, articleNodeId: article.articleNodeId,
          body: `Komentar ${batch * 100 + i}: potrebno je jasnije urediti obaveze općine, kantona i Federacije u finansiranju usluga.`,
          createdAt: NOW,
        })),
      })
    }
    const requested = await requestReportExport(db, ANONYMOUS, closedRoundId, { format: 'docx', lang: 'bs' }, new Date())
    if (!requested.ok) throw new Error(requested.reason)
    const delay = monitorEventLoopDelay({ resolution: 10 })
    const worker = startReportWorker({ databaseUrl: `file:${file}`, exportsDir: dir, idleMs: 100 })
    let progressSeen = 0
    try {
      let job = await db.job.findUniqueOrThrow({ where: { id: requested.value.jobId } })
      delay.enable()
      for (let i = 0; i < 1200 && job.state !== 'done' && job.state !== 'failed'; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50))
        job = await db.job.findUniqueOrThrow({ where: { id: requested.value.jobId } })
        if (job.state === 'running' && job.progress > 0 && job.progress < job.total) progressSeen++
      }
      delay.disable()
      expect(job.state).toBe('done')
      expect(job.progress).toBe(job.total)
      expect(job.total).toBeGreaterThan(3_000)
    } finally {
      await worker.stop()
    }
    // The export ran elsewhere: this thread never stalled for long, and saw it progress.
    expect(delay.max / 1e6).toBeLessThan(1_000)
    expect(progressSeen).toBeGreaterThan(0)
    const download = await jobFile(db, ANONYMOUS, requested.value.jobId, dir)
    if (!download.ok) throw new Error(download.reason)
    const { value } = await mammoth.extractRawText({ path: download.value.path })
    expect(value).toContain('IZVJEŠTAJ O PROVEDENIM KONSULTACIJAMA')
    expect(value).toContain('Komentar 2999: potrebno je jasnije urediti')
  }, 120_000)
})

describe('nacrt report', () => {
  function capture() {
    let out = ''
    let err = ''
    return { io: { stdout: { write: (s: string) => (out += s) }, stderr: { write: (s: string) => (err += s) } }, out: () => out, err: () => err }
  }
  const deps = () => ({ openDb: async () => ({ db, close: async () => undefined }), now: () => NOW })

  it('lists the rounds, one per line, id first', async () => {
    const c = capture()
    expect(await reportCommand(['--list'], c.io, deps())).toBe(0)
    const lines = c.out().trim().split('\n')
    expect(lines.length).toBe(await db.round.count())
    const closed = lines.find((l) => l.startsWith(`${closedRoundId}\t`))
    expect(closed).toMatch(/\treport-published\tzakon-o-socijalnim-uslugama\t28\tPrethodne konsultacije/)
    expect(c.err()).toBe('')
  })

  it('writes a report as .docx, in bs unless --lang says otherwise, with messages on stderr', async () => {
    const out = path.join(dir, 'izvjestaj.docx')
    const c = capture()
    expect(await reportCommand([closedRoundId, '--format', 'docx', '--out', out], c.io, deps())).toBe(0)
    expect(c.out()).toBe('')
    expect(c.err()).toMatch(/wrote .*izvjestaj\.docx \(docx, bs, public, \d+ rows\)/)
    expect((await mammoth.extractRawText({ path: out })).value).toContain('Opći komentari na nacrt')

    const cyrl = path.join(dir, 'izvjestaj.csv')
    expect(await reportCommand([closedRoundId, '--format', 'csv', '--out', cyrl, '--lang', 'sr-Cyrl'], capture().io, deps())).toBe(0)
    expect(readFileSync(cyrl, 'utf8')).toContain('Р. бр.')
  })

  it('writes the staff version of a report not yet published, and says so', async () => {
    const out = path.join(dir, 'radna.xlsx')
    const c = capture()
    expect(await reportCommand([openRound.id, '--format', 'xlsx', '--out', out], c.io, { ...deps(), now: afterClosing })).toBe(0)
    expect(c.err()).toMatch(/not published yet; writing the staff version/)
  })

  it('explains its mistakes with exit codes 1 and 2', async () => {
    const unknown = capture()
    expect(await reportCommand(['nema', '--format', 'docx', '--out', path.join(dir, 'x.docx')], unknown.io, deps())).toBe(1)
    expect(unknown.err()).toMatch(/no round nema/)
    const format = capture()
    expect(await reportCommand([closedRoundId, '--format', 'pdf', '--out', 'x.pdf'], format.io, deps())).toBe(2)
    expect(format.err()).toMatch(/--format must be one of docx, xlsx, csv, json/)
    const lang = capture()
    expect(await reportCommand([closedRoundId, '--format', 'csv', '--out', 'x.csv', '--lang', 'de'], lang.io, deps())).toBe(2)
    expect(await reportCommand([], capture().io, deps())).toBe(2)
    const dirMissing = capture()
    expect(await reportCommand([closedRoundId, '--format', 'csv', '--out', path.join(dir, 'nema', 'x.csv')], dirMissing.io, deps())).toBe(1)
    expect(dirMissing.err()).toMatch(/cannot write/)
  })
})
