import type { Route } from './+types/api.round'
import { servicesOf } from '../.server/route-helpers.ts'
import { apiError, apiJson } from './api-responses.ts'

/** GET /api/v1/rounds/:roundId: a round's plan and hearings. */
export async function loader({ context, params }: Route.LoaderArgs) {
  const result = await servicesOf(context).openData.round(params.roundId)
  return result.ok ? apiJson(result.value) : apiError(404, result.reason)
}
