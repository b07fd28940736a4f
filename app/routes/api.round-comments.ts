import type { Route } from './+types/api.round-comments'
import { servicesOf } from '../.server/route-helpers.ts'
import { apiError, apiJson, PageQuery } from './api-responses.ts'

/** GET /api/v1/rounds/:roundId/comments?page=N: a page of public comments with public answers. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const query = PageQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) return apiError(400, 'bad-request')
  const result = await servicesOf(context).openData.comments(params.roundId, query.data.page)
  return result.ok ? apiJson(result.value) : apiError(404, result.reason)
}
