import type { Route } from './+types/draft-version-act-docx'
import { servicesOf } from '../.server/route-helpers.ts'
import { actDocx } from '../../drafting/export/act-docx.ts'
import { actFileName } from '../../drafting/export/act-version.ts'
import { apiError, ScriptQuery, SeqParam } from './api-responses.ts'

/**
 * A named version as an official act in Word: /drafts/:slug/versions/:seq/act.docx
 * (?script=latn|cyrl). Versions are public reading, like /drafts/:slug.
 */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const seq = SeqParam.safeParse(params.seq)
  const query = ScriptQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!seq.success || !query.success) return apiError(400, 'bad-request')
  const act = await servicesOf(context).openData.actVersion(params.slug, seq.data, query.data.script)
  if (!act.ok) return apiError(404, act.reason)
  const buffer = await actDocx(act.value.outline, { title: act.value.draft.title })
  return new Response(new Uint8Array(buffer), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="${actFileName(act.value.draft.slug, act.value.version.seq, 'docx')}"`,
      'Cache-Control': 'public, max-age=300',
      'Access-Control-Allow-Origin': '*',
    },
  })
}
