import { createWriteStream } from 'node:fs'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { once } from 'node:events'
import type { Writable } from 'node:stream'
import path from 'node:path'
import { z } from 'zod'
import type { Actor } from '../../accounts/actor.ts'
import { isAdmin } from '../../accounts/permissions.ts'
import type { Db } from '../../drafting/db.ts'
import { fail, ok, type Result } from '../../drafting/result.ts'
import { assembleReport } from './assemble.ts'
import { REPORT_FORMATS, reportFileName, writeReport, type ReportFormat } from './export/index.ts'
import { loadReportData } from './load.ts'
import { REPORT_LANGS, type ReportAudience, type ReportLang } from './model.ts'
import { reportAccess, type ReportAccessProblem } from './view.ts'

// Report exports as background jobs kept in the database (model Job): a request queues a
// job; a worker (server/report-worker.ts, a thread of the server) claims it atomically,
// writes the file under the exports directory as <jobId>.<format>, and records its
// progress; the browser follows the job's page. Any instance may run the worker: a claim
// is a conditional update, and a claim's lease expires if its worker dies.

export const REPORT_EXPORT_JOB = 'report-export'

/** An export asked for: the format and the report's language and script. */
export const ExportRequest = z.object({
  format: z.enum(REPORT_FORMATS as [ReportFormat, ...ReportFormat[]]),
  lang: z.enum(REPORT_LANGS as [ReportLang, ...ReportLang[]]),
})
export type ExportRequest = z.infer<typeof ExportRequest>

/** What a report export job carries. */
const Payload = z.object({
  roundId: z.string().min(1),
  format: z.enum(REPORT_FORMATS as [ReportFormat, ...ReportFormat[]]),
  lang: z.enum(REPORT_LANGS as [ReportLang, ...ReportLang[]]),
  audience: z.enum(['public', 'staff']),
})
type Payload = z.infer<typeof Payload>

/** Reports up to this many comments are small enough to make while the request waits. */
export const DIRECT_EXPORT_COMMENTS = 2_000

/** Open data is the public report only (see export/json.ts); everything else as the person reads it. */
function audienceFor(format: ReportFormat, audience: ReportAudience): ReportAudience {
  return format === 'json' ? 'public' : audience
}

/** How an export is made: at once (small) or by the worker (large), and for which audience. */
export interface ExportPlan {
  roundId: string
  audience: ReportAudience
  direct: boolean
  /** What the file is called: "izvjestaj-<draft>-<version>-<lang>.<format>". */
  fileName: (lang: ReportLang) => string
}

/**
 * Whether a person may export a round's report, for which audience, and whether it is
 * small enough to make while the request waits (otherwise: requestReportExport).
 */
export async function planReportExport(db: Db, actor: Actor, roundId: string, format: ReportFormat, now: Date): Promise<Result<ExportPlan, ReportAccessProblem>> {
  const access = await reportAccess(db, actor, roundId, now)
  if (!access.ok) return access
  if (!access.value.can.export) return fail('report-not-published')
  const comments = await db.comment.count({ where: { roundId } })
  const { version } = await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { version: { select: { seq: true } } } })
  return ok({
    roundId,
    audience: audienceFor(format, access.value.audience),
    direct: comments <= DIRECT_EXPORT_COMMENTS,
    fileName: (lang: ReportLang) => reportFileName({ slug: access.value.draft.slug, version }, lang, format),
  })
}

/** Loads, assembles and writes a report to a stream (left open); resolves to its file name. */
export async function exportReport(
  db: Db,
  request: { roundId: string; format: ReportFormat; lang: ReportLang; audience: ReportAudience },
  out: Writable,
  onProgress?: (done: number, total: number) => void,
): Promise<{ fileName: string; rows: number } | null> {
  const data = await loadReportData(db, request.roundId, { audience: request.audience })
  if (!data) return null
  const report = assembleReport(data, { lang: request.lang, audience: request.audience })
  onProgress?.(0, report.rowCount)
  await writeReport(report, request.format, out, { onProgress: (done) => onProgress?.(done, report.rowCount) })
  return { fileName: reportFileName(report.act, report.lang, request.format), rows: report.rowCount }
}

/**
 * Queues an export of a round's report for the worker. A public report's export in the
 * same format and language is made once and shared: an existing job (queued, running, or
 * done since the report was published) is returned instead of a new one.
 */
export async function requestReportExport(
  db: Db,
  actor: Actor,
  roundId: string,
  input: ExportRequest,
  now: Date,
): Promise<Result<{ jobId: string }, ReportAccessProblem>> {
  const access = await reportAccess(db, actor, roundId, now)
  if (!access.ok) return access
  if (!access.value.can.export) return fail('report-not-published')
  const payload: Payload = { roundId, format: input.format, lang: input.lang, audience: audienceFor(input.format, access.value.audience) }
  if (payload.audience === 'public') {
    const round = await db.round.findUniqueOrThrow({ where: { id: roundId }, select: { reportPublishedAt: true } })
    const since = round.reportPublishedAt ?? now
    const earlier = await db.job.findMany({
      where: { kind: REPORT_EXPORT_JOB, state: { in: ['queued', 'running', 'done'] }, createdAt: { gte: since } },
      orderBy: { createdAt: 'desc' },
      select: { id: true, payload: true },
      take: 50,
    })
    const same = earlier.find((j) => {
      const p = Payload.safeParse(j.payload)
      return p.success && p.data.roundId === roundId && p.data.format === payload.format && p.data.lang === payload.lang && p.data.audience === 'public'
    })
    if (same) return ok({ jobId: same.id })
  }
  const job = await db.job.create({
    data: { kind: REPORT_EXPORT_JOB, payload, requestedById: actor.userId, createdAt: now },
    select: { id: true },
  })
  return ok({ jobId: job.id })
}

/** A job as its page shows it. */
export interface JobView {
  id: string
  state: 'queued' | 'running' | 'done' | 'failed'
  progress: number
  total: number
  format: ReportFormat
  roundId: string
  createdAt: Date
  finishedAt: Date | null
}

/** A public export's job is anyone's to follow; a staff export's, its requester's and administrators'. */
function maySee(actor: Actor, job: { requestedById: string | null }, payload: Payload): boolean {
  return payload.audience === 'public' || (actor.userId !== null && (job.requestedById === actor.userId || isAdmin(actor)))
}

async function loadJob(db: Db, actor: Actor, jobId: string) {
  const job = await db.job.findUnique({ where: { id: jobId } })
  if (!job || job.kind !== REPORT_EXPORT_JOB) return null
  const payload = Payload.safeParse(job.payload)
  if (!payload.success || !maySee(actor, job, payload.data)) return null
  return { job, payload: payload.data }
}

/** An export job, for whoever may follow it; `job-not-found` otherwise. */
export async function readJob(db: Db, actor: Actor, jobId: string): Promise<Result<JobView, 'job-not-found'>> {
  const loaded = await loadJob(db, actor, jobId)
  if (!loaded) return fail('job-not-found')
  const { job, payload } = loaded
  return ok({
    id: job.id,
    state: job.state as JobView['state'],
    progress: job.progress,
    total: job.total,
    format: payload.format,
    roundId: payload.roundId,
    createdAt: job.createdAt,
    finishedAt: job.finishedAt,
  })
}

/**
 * The file of a finished export: where it is and what to call it.
 * - `job-not-found`: no such job, or not this person's to see;
 * - `not-ready`: still queued or running, or failed;
 * - `file-gone`: done, but the file was removed from the exports directory.
 */
export async function jobFile(
  db: Db,
  actor: Actor,
  jobId: string,
  dir: string,
): Promise<Result<{ path: string; fileName: string; format: ReportFormat; size: number }, 'job-not-found' | 'not-ready' | 'file-gone'>> {
  const loaded = await loadJob(db, actor, jobId)
  if (!loaded) return fail('job-not-found')
  const { job, payload } = loaded
  if (job.state !== 'done' || !job.resultKey) return fail('not-ready')
  const key = path.basename(job.resultKey)
  const file = path.join(dir, key)
  const size = await stat(file).then((s) => s.size, () => null)
  if (size === null) return fail('file-gone')
  const names = await db.round.findUnique({ where: { id: payload.roundId }, select: { draft: { select: { slug: true } }, version: { select: { seq: true } } } })
  const fileName = names ? reportFileName({ slug: names.draft.slug, version: names.version }, payload.lang, payload.format) : key
  return ok({ path: file, fileName, format: payload.format, size })
}

/** A job the worker holds. */
export interface ClaimedJob {
  id: string
  payload: unknown
}

/**
 * Claims the oldest job that is queued, or whose worker's lease ran out, for `leaseMs`.
 * Atomic: the update only succeeds while the job is still claimable, so two workers never
 * run the same job.
 */
export async function claimNextJob(db: Db, now: Date, leaseMs = 60_000): Promise<ClaimedJob | null> {
  const claimable = {
    kind: REPORT_EXPORT_JOB,
    OR: [
      { state: 'queued', OR: [{ lockedUntil: null }, { lockedUntil: { lt: now } }] },
      { state: 'running', lockedUntil: { lt: now } },
    ],
  }
  const candidates = await db.job.findMany({ where: claimable, orderBy: { createdAt: 'asc' }, take: 5, select: { id: true, payload: true } })
  for (const candidate of candidates) {
    const { count } = await db.job.updateMany({
      where: { id: candidate.id, ...claimable },
      data: { state: 'running', lockedUntil: new Date(now.getTime() + leaseMs), startedAt: now, progress: 0, error: null },
    })
    if (count === 1) return candidate
  }
  return null
}

/** How the worker runs jobs: where files go, its clock, and how long a claim lasts. */
export interface WorkerOptions {
  dir: string
  clock?: () => Date
  leaseMs?: number
  /** At most one progress write per this many ms (and per chunk of rows the exporter reports). */
  progressIntervalMs?: number
}

/**
 * Runs a claimed job to its end: writes the file (as .part, renamed when complete),
 * recording progress and renewing the lease as it goes; done or failed.
 */
export async function runReportJob(db: Db, job: ClaimedJob, options: WorkerOptions): Promise<'done' | 'failed'> {
  const clock = options.clock ?? (() => new Date())
  const leaseMs = options.leaseMs ?? 60_000
  const interval = options.progressIntervalMs ?? 500
  const parsed = Payload.safeParse(job.payload)
  const finish = async (state: 'done' | 'failed', data: { resultKey?: string; error?: string; progress?: number }) => {
    await db.job.updateMany({ where: { id: job.id, state: 'running' }, data: { state, ...data, finishedAt: clock(), lockedUntil: null } })
    return state
  }
  if (!parsed.success) return finish('failed', { error: 'invalid-payload' })
  const payload = parsed.data
  await mkdir(options.dir, { recursive: true })
  const key = `${job.id}.${payload.format}`
  const file = path.join(options.dir, key)
  const part = `${file}.part`
  let writes: Promise<unknown> = Promise.resolve()
  let lastWrite = 0
  const record = (done: number, total: number, force = false) => {
    const at = clock()
    if (!force && at.getTime() - lastWrite < interval) return
    lastWrite = at.getTime()
    writes = writes.then(() =>
      db.job.updateMany({ where: { id: job.id, state: 'running' }, data: { progress: done, total, lockedUntil: new Date(at.getTime() + leaseMs) } }),
    )
  }
  try {
    const out = createWriteStream(part)
    const closed = once(out, 'close')
    let result: Awaited<ReturnType<typeof exportReport>>
    try {
      result = await exportReport(db, payload, out, (done, total) => record(done, total, done === 0))
    } finally {
      out.end()
      await closed
    }
    await writes
    if (!result) {
      await rm(part, { force: true })
      return finish('failed', { error: 'round-not-found' })
    }
    await rename(part, file)
    return finish('done', { resultKey: key, progress: result.rows })
  } catch (error) {
    await writes.catch(() => undefined)
    await rm(part, { force: true })
    return finish('failed', { error: error instanceof Error ? error.message.slice(0, 500) : 'export-failed' })
  }
}

/** Claims and runs the next job, if there is one; resolves to whether there was. */
export async function processNextJob(db: Db, options: WorkerOptions): Promise<boolean> {
  const clock = options.clock ?? (() => new Date())
  const job = await claimNextJob(db, clock(), options.leaseMs)
  if (!job) return false
  await runReportJob(db, job, options)
  return true
}
