import { z } from 'zod'
import type { Route } from './+types/api.round-report'
import { servicesOf } from '../.server/route-helpers.ts'
import { REPORT_LANGS } from '../../consultation/report/model.ts'
import { apiError, apiJson } from './api-responses.ts'

const Query = z.object({ lang: z.enum(REPORT_LANGS as unknown as [string, ...string[]]).optional() })

/** GET /api/v1/rounds/:roundId/report[?lang=]: the published report as open data (report.schema.json). */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) return apiError(400, 'bad-request')
  const result = await servicesOf(context).openData.report(params.roundId, query.data.lang as (typeof REPORT_LANGS)[number] | undefined)
  return result.ok ? apiJson(result.value) : apiError(404, result.reason)
}
