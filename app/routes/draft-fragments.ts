import { data } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/draft-fragments'
import { servicesOf } from '../.server/route-helpers.ts'
import { articleTextSet, fragmentsOfSet } from '../.server/round-page.ts'
import { LOCALES } from '../i18n/locales.ts'
import type { DraftFragmentsResponse } from './draft.tsx'

// The HTML of a saved version's articles on its own, for the reading page's clientLoader
// after a client-side navigation (another version, script or language): a document request
// gets it inside the page. Rendered once per version, script and language (round-page.ts).

const Query = z.object({
  seq: z.coerce.number().int().min(1).max(1_000_000),
  script: z.enum(['latn', 'cyrl']),
  locale: z.enum(LOCALES),
})

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const url = new URL(request.url)
  const query = Query.safeParse({ seq: params.seq, script: url.searchParams.get('script'), locale: url.searchParams.get('locale') })
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const reading = await servicesOf(context).drafting.readDraft(params.slug, { versionSeq: query.data.seq, script: query.data.script })
  if (!reading.ok) throw data({ reason: 'not-found' }, { status: 404 })
  const set = articleTextSet(reading.value.outline, query.data.locale)
  const body: DraftFragmentsResponse = { text: { set, fragments: fragmentsOfSet(set) } }
  // A saved version never changes; the key names the process that rendered it, so no shared cache.
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-cache' } })
}
