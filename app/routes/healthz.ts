import type { Route } from './+types/healthz'
import { requestContext } from '../.server/context.ts'

/** Liveness and database check for load balancers: 200 with {status:"ok"}, or 503. */
export async function loader({ context }: Route.LoaderArgs) {
  try {
    const checks = await context.get(requestContext).services.health()
    return Response.json({ status: 'ok', checks }, { headers: { 'Cache-Control': 'no-store' } })
  } catch {
    return Response.json({ status: 'error', checks: { database: 'failing' } }, { status: 503, headers: { 'Cache-Control': 'no-store' } })
  }
}
