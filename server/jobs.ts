// Background work of the server process: the report-export worker thread. It runs off the
// request thread (node:worker_threads), so pages and /healthz keep answering during a
// large export; it is restarted if it dies, and stopped with the server.
import { Worker } from 'node:worker_threads'
import type { ReportWorkerData } from './report-worker.ts'

export interface RunningWorker {
  /** Asks the worker to look for jobs now instead of after its pause. */
  wake: () => void
  /** Lets the current job finish, then ends the thread. */
  stop: () => Promise<void>
}

/** Starts the export worker thread. Its memory is capped so that an export cannot starve the server. */
export function startReportWorker(data: ReportWorkerData, options: { maxOldGenerationSizeMb?: number } = {}): RunningWorker {
  let worker: Worker
  let stopped = false
  const start = () => {
    worker = new Worker(new URL('./report-worker.mjs', import.meta.url), {
      workerData: data,
      resourceLimits: { maxOldGenerationSizeMb: options.maxOldGenerationSizeMb ?? 1_024 },
    })
    worker.on('error', (error) => console.error('report worker failed:', error))
    worker.on('exit', () => {
      if (!stopped) setTimeout(start, 1_000).unref()
    })
  }
  start()
  return {
    wake: () => worker.postMessage('wake'),
    stop: async () => {
      stopped = true
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
      worker.postMessage('stop')
      await Promise.race([exited, new Promise<void>((resolve) => setTimeout(resolve, 30_000).unref())])
      await worker.terminate()
    },
  }
}
