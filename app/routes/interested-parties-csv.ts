import { data } from 'react-router'
import type { Route } from './+types/interested-parties-csv'
import { servicesOf } from '../.server/route-helpers.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'

/** The institution's list of interested parties as a CSV download, for its staff. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const locale = context.get(requestContext).locale
  const result = await servicesOf(context).institutions.exportInterestedParties(actor, params.slug, locale)
  if (!result.ok) throw data({ reason: result.reason }, { status: result.reason === 'forbidden' ? 403 : 404 })
  return new Response(result.value.csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${result.value.institutionSlug}-interested-parties.csv"`,
      'Cache-Control': 'no-store',
    },
  })
}
