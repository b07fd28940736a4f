import { data } from 'react-router'
import { z } from 'zod'
import type { Route } from './+types/round-fragments'
import { getActor } from '../.server/auth.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { fragmentChangesSince, fragmentsOfSet, loadRoundPage } from '../.server/round-page.ts'
import { LOCALES } from '../i18n/locales.ts'
import type { FragmentsResponse } from './round.tsx'

// The HTML sets of a round's public page on their own (its articles' text, "t"; its comment
// sections, "c"), for the page's clientLoader after a client-side navigation: a document
// request gets them inside the page. With `since` (the key of the comment set the browser
// has), only the sections that changed since are sent, when this instance can tell.

const Query = z.object({
  script: z.enum(['latn', 'cyrl']),
  locale: z.enum(LOCALES),
  part: z.array(z.enum(['t', 'c'])).min(1),
  since: z.string().max(500).optional(),
  /** How the page shows the comment sections (app/.server/round-page.ts CommentsView). */
  view: z.enum(['round', 'reading']).default('round'),
})

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const url = new URL(request.url)
  const query = Query.safeParse({ script: url.searchParams.get('script'), locale: url.searchParams.get('locale'), part: url.searchParams.getAll('part'), since: url.searchParams.get('since') ?? undefined, view: url.searchParams.get('view') ?? undefined })
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const page = await loadRoundPage(servicesOf(context), getActor(context), params.roundId, { script: query.data.script, locale: query.data.locale, view: query.data.view })
  if (!page) throw data({ reason: 'not-found' }, { status: 404 })
  const body: FragmentsResponse = {}
  if (query.data.part.includes('t')) body.text = { set: page.textSet, fragments: fragmentsOfSet(page.textSet) }
  if (query.data.part.includes('c') && page.comments) {
    const { set } = page.comments
    const changes = query.data.since ? fragmentChangesSince(set, query.data.since) : null
    body.comments = changes ? { set, fragments: changes, since: query.data.since } : { set, fragments: fragmentsOfSet(set) }
  }
  return Response.json(body, { headers: { 'Cache-Control': 'private, no-cache' } })
}
