import type { Route } from './+types/draft-version-akn'
import { servicesOf } from '../.server/route-helpers.ts'
import { akomaNtosoXml } from '../../drafting/export/akoma-ntoso.ts'
import { actFileName } from '../../drafting/export/act-version.ts'
import { apiError, ScriptQuery, SeqParam } from './api-responses.ts'

/** A named version as Akoma Ntoso 3.0 XML: /drafts/:slug/versions/:seq/akn.xml (?script=latn|cyrl). */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const seq = SeqParam.safeParse(params.seq)
  const query = ScriptQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!seq.success || !query.success) return apiError(400, 'bad-request')
  const openData = servicesOf(context).openData
  const act = await openData.actVersion(params.slug, seq.data, query.data.script)
  if (!act.ok) return apiError(404, act.reason)
  return new Response(akomaNtosoXml(act.value, openData.now()), {
    headers: {
      'Content-Type': 'application/akn+xml; charset=utf-8',
      'Content-Disposition': `inline; filename="${actFileName(act.value.draft.slug, act.value.version.seq, 'xml')}"`,
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  })
}
