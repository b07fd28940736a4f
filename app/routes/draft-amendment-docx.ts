import { data } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/draft-amendment-docx'
import { servicesOf } from '../.server/route-helpers.ts'
import { amendmentDocx } from '../../drafting/export/amendment-docx.ts'
import { transliterate } from '../../drafting/transliteration.ts'

const Query = z.object({
  from: z.coerce.number().int().min(1).max(1_000_000),
  to: z.coerce.number().int().min(1).max(1_000_000),
  /** The script of the export: as the reader chose, else the draft's own. */
  script: z.enum(['latn', 'cyrl']).optional(),
})

/** The amending-law text of a comparison as a .docx download. */
export async function loader({ context, params, request }: Route.LoaderArgs) {
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const result = await servicesOf(context).drafting.compareVersions(params.slug, query.data.from, query.data.to)
  if (!result.ok) throw data({ reason: result.reason }, { status: 404 })
  const { amendment, draft } = result.value
  const script = query.data.script
  const inScript = (text: string) => (script && script !== draft.variant.script ? transliterate(text, script) : text)
  const buffer = await amendmentDocx(inScript(amendment.title), amendment.articles.map(inScript))
  const file = `${draft.slug}-izmjene-${query.data.from}-${query.data.to}.docx`
  return new Response(new Uint8Array(buffer), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'Content-Disposition': `attachment; filename="${file}"`,
      'Cache-Control': 'no-store',
    },
  })
}
