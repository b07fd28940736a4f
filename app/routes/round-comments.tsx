import { data, Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/round-comments'
import { CommentList } from '../components/comments.tsx'
import type { Locale } from '../i18n/locales.ts'
import { requestContext } from '../.server/context.ts'
import { getActor } from '../.server/auth.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import type { CommentSection } from '../../consultation/public-round.ts'
import { articlesOf } from '../../consultation/comment-targets.ts'
import { presentComment } from './comment-view.ts'

const Query = z.object({
  section: z.string().regex(/^(general|memorandum|article:[A-Za-z0-9_-]{1,64})$/).default('general'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  lng: z.string().optional(),
})

/** All public comments of one article (or of the draft as a whole), a page at a time. */
export async function loader({ params, request, context }: Route.LoaderArgs) {
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const services = servicesOf(context)
  const found = await services.rounds.readPublic(getActor(context), params.roundId)
  if (!found.ok || found.value.state === 'planned') throw data({ reason: 'not-found' }, { status: 404 })
  const round = found.value
  const { locale } = context.get(requestContext)
  const reading = await services.drafting.readDraft(round.draft.slug, { versionSeq: round.versionSeq, script: locale === 'sr-Cyrl' ? 'cyrl' : undefined })
  if (!reading.ok) throw data({ reason: 'not-found' }, { status: 404 })
  const { outline } = reading.value
  const raw = query.data.section
  const section: CommentSection = raw.startsWith('article:') ? { article: raw.slice('article:'.length) } : (raw as 'general' | 'memorandum')
  const article = typeof section === 'object' ? articlesOf(outline).find((a) => a.id === section.article) : null
  if (typeof section === 'object' && !article) throw data({ reason: 'not-found' }, { status: 404 })
  const page = await services.rounds.sectionComments(round.id, section, query.data.page)
  return {
    locale: locale as Locale,
    round: { id: round.id, title: round.title, state: round.state },
    draft: { title: round.draft.title },
    section: raw,
    article: article ? { label: article.label, heading: article.heading, anchor: article.anchor, id: article.id } : null,
    memorandumLabel: raw === 'memorandum' ? (outline.memorandum?.label ?? null) : null,
    comments: page.comments.map((c) => presentComment(c, outline)),
    total: page.total,
    page: page.page,
    pages: page.pages,
  }
}

export default function RoundCommentsPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { round, draft, article, comments, total, page, pages, section, locale } = loaderData
  const pageHref = (n: number) => `?section=${encodeURIComponent(section)}&page=${n}`
  const heading = article
    ? `${article.label}${article.heading ? ` ${article.heading}` : ''}`
    : (loaderData.memorandumLabel ?? t('comment.generalTitle'))
  return (
    <div className="page page--narrow">
      <title>{`${heading} · ${round.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/rounds/${round.id}${article ? `#${article.anchor}` : '#komentari'}`}>{draft.title}</Link>
      </p>
      <h1>{heading}</h1>
      <p>{t('home.comments', { count: total })}{pages > 1 && <> · {t('round.public.page', { page, pages })}</>}</p>
      <CommentList comments={comments} locale={locale} roundId={round.id} />
      {pages > 1 && (
        <nav className="pagination" aria-label={t('round.public.pages')}>
          {page > 1 && <Link to={pageHref(page - 1)} rel="prev">{t('round.public.previous')}</Link>}
          {page < pages && <Link to={pageHref(page + 1)} rel="next">{t('round.public.next')}</Link>}
        </nav>
      )}
    </div>
  )
}
