import { data, redirect } from 'react-router'
import type { Route } from './+types/round-report-export'
import { getActor } from '../.server/auth.ts'
import { parseForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { ExportRequest } from '../../consultation/report/jobs.ts'

/** The export form lives on the report page. */
export function loader({ params }: Route.LoaderArgs) {
  return redirect(`/rounds/${params.roundId}/report`)
}

/** Queues an export of the report (any size) for the worker and shows its progress page. */
export async function action({ request, context, params }: Route.ActionArgs) {
  const parsed = await parseForm(request, ExportRequest)
  if (!parsed.ok) throw data({ reason: 'bad-request' }, { status: 400 })
  const result = await servicesOf(context).report.requestExport(getActor(context), params.roundId, parsed.data)
  if (!result.ok) throw data({ reason: result.reason }, { status: 404 })
  return redirect(`/jobs/${result.value.jobId}`)
}
