import { data } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/draft-search-index'
import { servicesOf } from '../.server/route-helpers.ts'
import { DRAFT_INDEX_PIPELINE } from '../../consultation/search/draft-index-path.ts'

const Params = z.object({ seq: z.coerce.number().int().min(1).max(1_000_000) })
const Query = z.object({ p: z.coerce.number().int().optional() })

/**
 * The in-page search index of a version as JSON (lunr). A version never changes and the
 * pipeline's number is in the URL (`?p=`), so the answer is cached for a year; a URL
 * with another pipeline number gets today's index, cached by no one.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const parsed = Params.safeParse(params)
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!parsed.success || !query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const result = await servicesOf(context).consultation.versionSearchIndex(params.slug, parsed.data.seq)
  if (!result.ok) throw data({ reason: result.reason }, { status: 404 })
  const current = query.data.p === DRAFT_INDEX_PIPELINE
  return new Response(JSON.stringify(result.value.index), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'no-cache',
    },
  })
}
