import type { Route } from './+types/api.drafts'
import { servicesOf } from '../.server/route-helpers.ts'
import { apiJson } from './api-responses.ts'

/** GET /api/v1/drafts: every draft with a named version. */
export async function loader({ context }: Route.LoaderArgs) {
  return apiJson(await servicesOf(context).openData.drafts())
}
