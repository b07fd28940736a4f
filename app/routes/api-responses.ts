import { z } from 'zod'
import type { ApiProblem } from '../../consultation/open-data-api.ts'

// The open-data API's responses: JSON, readable from any origin (GET only, no cookies are
// used), errors as { error: { status, reason } }.

const HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD',
  'Cache-Control': 'public, max-age=60',
  'X-Content-Type-Options': 'nosniff',
} as const

/** A JSON body with the API's headers. `body` may be JSON text already. */
export function apiJson(body: unknown, init: { status?: number; contentType?: string } = {}): Response {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  return new Response(text, {
    status: init.status ?? 200,
    headers: { ...HEADERS, 'Content-Type': `${init.contentType ?? 'application/json'}; charset=utf-8` },
  })
}

/** Why a request was refused: 400 for bad parameters, 404 for what does not exist or is not public. */
export function apiError(status: 400 | 404, reason: ApiProblem | 'bad-request' | 'not-found', details?: unknown): Response {
  return apiJson({ error: { status, reason, ...(details === undefined ? {} : { details }) } }, { status })
}

/** A version number in the path: 1, 2, … */
export const SeqParam = z.coerce.number().int().min(1).max(1_000_000)
/** A page number in the query; absent means 1. */
export const PageQuery = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).default(1) })
/** The script to give a text in: the draft's own when absent. */
export const ScriptQuery = z.object({ script: z.enum(['latn', 'cyrl']).optional() })
