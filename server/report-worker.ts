// The export worker: a thread of the server process (started by server/jobs.ts) with its
// own database connection. It claims report-export jobs one at a time and runs them, so
// that a 20,000-comment export never blocks the thread that answers requests.
import { parentPort, workerData } from 'node:worker_threads'
import { openDb } from '../app/.server/db.ts'
import { processNextJob } from '../consultation/report/jobs.ts'

export interface ReportWorkerData {
  databaseUrl: string
  exportsDir: string
  busyTimeoutMs?: number
  /** How long to wait before looking for work again when there was none. */
  idleMs?: number
}

const options = workerData as ReportWorkerData
const db = await openDb(options.databaseUrl, { busyTimeoutMs: options.busyTimeoutMs })
let stopping = false
let wake: (() => void) | null = null

parentPort?.on('message', (message: unknown) => {
  if (message === 'stop') stopping = true
  wake?.()
})

while (!stopping) {
  let worked = false
  try {
    worked = await processNextJob(db, { dir: options.exportsDir })
  } catch (error) {
    // A database hiccup: report it and try again after the pause; the job's lease expires
    // and the job is claimed again.
    console.error('report worker:', error)
  }
  if (!worked && !stopping) {
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, options.idleMs ?? 500)
      wake = () => {
        clearTimeout(timer)
        resolve()
      }
    })
    wake = null
  }
}
await db.$disconnect()
// The message port is all that keeps the thread alive now: closing it ends the thread.
parentPort?.close()
