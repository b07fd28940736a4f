import { maxRequestBytes } from './attachment-store.ts'

// A backstop for every request body, checked before anything reads it. Routes that take
// files check their own, smaller limits and answer with a translated form error; this one
// only stops bodies no route accepts (the CSRF check reads a form's body to find its token,
// and nothing should read a body of gigabytes to refuse it).

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Room above the largest route limit: every route's own check answers first. */
const SLACK_BYTES = 1024 * 1024
/** The largest act a person may upload to compare (app/routes/draft-compare.tsx). */
const COMPARE_UPLOAD_BYTES = 10 * 1024 * 1024 + 256 * 1024

/** The largest body any route accepts, plus room: a staff letter with its scans is the largest. */
export function bodyLimitBytes(): number {
  return Math.max(maxRequestBytes('letter'), maxRequestBytes('attachment'), COMPARE_UPLOAD_BYTES) + SLACK_BYTES
}

/**
 * Whether a request's body may be read: 413 when its Content-Length is over `maxBytes`,
 * 411 when a state-changing request streams a body of unknown length (browsers always
 * send a length for forms), null when it may go on.
 */
export function refuseBody(method: string, headers: { 'content-length'?: string; 'transfer-encoding'?: string }, maxBytes: number): 411 | 413 | null {
  if (SAFE_METHODS.has(method.toUpperCase())) return null
  const length = headers['content-length']
  if (length === undefined) return headers['transfer-encoding'] ? 411 : null
  const bytes = Number(length)
  return !Number.isFinite(bytes) || bytes > maxBytes ? 413 : null
}

/** The message of each refusal (translated for the person's language by the server). */
export const REFUSED_BODY_MESSAGE: Record<411 | 413, string> = { 411: 'errors.lengthRequired', 413: 'errors.requestTooLarge' }
