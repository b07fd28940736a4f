import type { Route } from './+types/api.version'
import { servicesOf } from '../.server/route-helpers.ts'
import { apiError, apiJson, ScriptQuery, SeqParam } from './api-responses.ts'

/** GET /api/v1/drafts/:slug/versions/:seq[?script=latn|cyrl]: a version's text, article by article. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const seq = SeqParam.safeParse(params.seq)
  const query = ScriptQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!seq.success || !query.success) return apiError(400, 'bad-request')
  const result = await servicesOf(context).openData.version(params.slug, seq.data, query.data.script)
  return result.ok ? apiJson(result.value) : apiError(404, result.reason)
}
