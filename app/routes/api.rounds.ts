import type { Route } from './+types/api.rounds'
import { servicesOf } from '../.server/route-helpers.ts'
import { apiJson } from './api-responses.ts'

/** GET /api/v1/rounds: every consultation round that is not planned. */
export async function loader({ context }: Route.LoaderArgs) {
  return apiJson(await servicesOf(context).openData.rounds())
}
