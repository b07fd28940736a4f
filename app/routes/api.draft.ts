import type { Route } from './+types/api.draft'
import { servicesOf } from '../.server/route-helpers.ts'
import { apiError, apiJson } from './api-responses.ts'

/** GET /api/v1/drafts/:slug: a draft with its versions and public rounds. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const result = await servicesOf(context).openData.draft(params.slug)
  return result.ok ? apiJson(result.value) : apiError(404, result.reason)
}
