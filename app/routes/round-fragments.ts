import { data } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/round-fragments'
import { getActor } from '../.server/auth.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { fragmentsOfSet, loadRoundPage } from '../.server/round-page.ts'
import { LOCALES } from '../i18n/locales.ts'
import type { FragmentsResponse } from './round.tsx'

// The HTML sets of a round's public page on their own (its articles' text, "t"; its comment
// sections, "c"), for the page's clientLoader after a client-side navigation: a document
// request gets them inside the page.

const Query = z.object({
  script: z.enum(['latn', 'cyrl']),
  locale: z.enum(LOCALES),
  part: z.array(z.enum(['t', 'c'])).min(1),
})

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const url = new URL(request.url)
  const query = Query.safeParse({ script: url.searchParams.get('script'), locale: url.searchParams.get('locale'), part: url.searchParams.getAll('part') })
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const page = await loadRoundPage(servicesOf(context), getActor(context), params.roundId, { script: query.data.script, locale: query.data.locale })
  if (!page) throw data({ reason: 'not-found' }, { status: 404 })
  const body: FragmentsResponse = {}
  if (query.data.part.includes('t')) body.text = { set: page.textSet, fragments: fragmentsOfSet(page.textSet) }
  if (query.data.part.includes('c') && page.comments) body.comments = { set: page.comments.set, fragments: fragmentsOfSet(page.comments.set) }
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-cache' } })
}
