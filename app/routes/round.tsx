import { data, Link } from 'react-router'
import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/round'
import { LegalText, TableOfContents, type ArticleHtml } from '../components/legal-text.tsx'
import { DraftSearch, shownBodyText } from '../components/draft-search.tsx'
import { versionIndexPath } from '../../consultation/search/draft-index-path.ts'
import { RoundCall } from '../components/round-call.tsx'
import { RoundStateBadge } from '../components/round-state.tsx'
import { formatDate } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { interfaceScript } from '../i18n/reader-script.ts'
import { requestContext } from '../.server/context.ts'
import { getActor } from '../.server/auth.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { loadRoundPage, outlineSkeleton } from '../.server/round-page.ts'
import type { OutlineArticle } from '../../drafting/outline.ts'
import { commentHref } from '../components/comment-previews.tsx'
import { INLINE_COMMENT_ATTRIBUTE, InlineCommentHost } from '../components/inline-comment.tsx'
import { InlineReportHost } from '../components/comment-report.tsx'
import { fetchCommentSet, fetchTextSet, fragmentAttribute, fragmentsOf, hasFragments, type CommentSetResponse, type TextSetResponse } from '../components/html-fragments.ts'
import { ReportCharts, RoundReportSummary } from '../components/report-charts.tsx'
import { barChartSvg, MAX_ARTICLE_BARS } from '../../consultation/report/charts.ts'
import { articlesOf } from '../../consultation/comment-targets.ts'
import { transliterate } from '../../drafting/transliteration.ts'

const Query = z.object({
  script: z.enum(['latn', 'cyrl']).optional(),
  lng: z.string().optional(),
})

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const { locale } = context.get(requestContext)
  const services = servicesOf(context)
  const actor = getActor(context)
  const script = query.data.script ?? interfaceScript(locale) ?? undefined
  const page = await loadRoundPage(services, actor, params.roundId, { script, locale })
  if (!page) throw data({ reason: 'not-found' }, { status: 404 })
  const { round, reading, signedIn, textSet, comments } = page
  const { outline, version, draft } = reading
  // Names typed by staff, in the script the reader reads (the draft's title already is): display only.
  const shown = (text: string) => (script ? transliterate(text, script) : text)
  return {
    locale: locale as Locale,
    now: new Date().toISOString(),
    signedIn,
    round: {
      id: round.id, title: shown(round.title), stage: round.stage, state: round.state, canManage: round.canManage,
      opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString(), summary: round.summary,
      whyItMatters: round.whyItMatters, targetGroups: round.targetGroups, methods: round.methods, contactName: round.contactName,
      contactEmail: round.contactEmail, shortPeriodReason: round.shortPeriodReason,
      hearings: round.hearings.map((h) => ({ ...h, startsAt: h.startsAt.toISOString() })),
      reportPublished: round.reportPublishedAt !== null,
    },
    draft: { slug: draft.slug, title: draft.title, owner: { ...round.draft.owner, name: shown(round.draft.owner.name) }, documentType: draft.documentType },
    version: { seq: version.seq, name: shown(version.name), createdAt: version.createdAt.toISOString() },
    // The articles' text comes as HTML rendered once (app/.server/round-page.ts), not as data.
    outline: outlineSkeleton(outline),
    text: textSet,
    // Where the browser fetches the HTML sets after a client-side navigation (see clientLoader).
    fragmentsUrl: `/rounds/${round.id}/fragments?script=${reading.script}&locale=${locale}`,
    script: reading.script,
    searchIndexUrl: versionIndexPath(draft.slug, version.seq),
    // The round's report: charts once published, a link for the people preparing it (consultation/report).
    report: round.state === 'planned' ? null : await services.report.summary(actor, round.id, locale),
    comments: comments && { ...comments.counts, set: comments.set },
  }
}

/** The HTML sets a page shows, as app/routes/round-fragments.ts sends them; comments with `since`: only what changed since that set. */
export interface FragmentsResponse {
  text?: TextSetResponse
  comments?: CommentSetResponse
}

/**
 * In the browser, after a client-side navigation or a revalidation: the data, and the HTML
 * sets it names that the page does not show yet (another round, script or language, or
 * comments that changed), fetched once and kept. At hydration the page already shows them.
 */
export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs) {
  const loaded = await serverLoader()
  // Comments that changed (a new one, an answer): only the sections that differ from the set shown.
  const [text, commentSet] = await Promise.all([
    hasFragments(loaded.text) ? loaded.text : fetchTextSet(`${loaded.fragmentsUrl}&part=t`),
    !loaded.comments || hasFragments(loaded.comments.set) ? loaded.comments?.set : fetchCommentSet(`${loaded.fragmentsUrl}&part=c`, loaded.comments.set),
  ])
  return { ...loaded, text, comments: loaded.comments && { ...loaded.comments, set: commentSet ?? loaded.comments.set } }
}

export function meta({ data: loaderData }: Route.MetaArgs) {
  if (!loaderData) return []
  return [
    { property: 'og:title', content: `${loaderData.round.title} – ${loaderData.draft.title}` },
    ...(loaderData.round.summary ? [{ name: 'description', content: loaderData.round.summary.slice(0, 300) }] : []),
  ]
}

export default function RoundPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { round, draft, version, outline, locale, comments, signedIn, now, script, text } = loaderData
  const open = round.state === 'open'
  const textHtml = fragmentsOf(text)
  const articleHtml: ArticleHtml = {
    html: (article) => textHtml(article.id),
    attributes: (article) => ({ 'data-fragment': fragmentAttribute(text, article.id) }),
  }
  const commentsHtml = comments ? fragmentsOf(comments.set) : null
  // With JavaScript, a signed-in reader's comment links open the form in place (InlineCommentHost).
  const page = useRef<HTMLDivElement>(null)
  const inline = open && signedIn ? { [INLINE_COMMENT_ATTRIBUTE]: '' } : {}
  // A section's comments: HTML rendered once per change of the round's comments.
  const sectionComments = (id: string) =>
    comments && commentsHtml && (
      <div className="article-comments" data-fragment={fragmentAttribute(comments.set, id)} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: commentsHtml(id) }} />
    )
  return (
    <div ref={page} className="page page--draft page--round" data-fragment-sets={[text.key, comments?.set.key].filter(Boolean).join(' ')}>
      {open && signedIn && <InlineCommentHost root={page} />}
      {comments && <InlineReportHost root={page} />}
      <title>{`${round.title} · ${draft.title} · ${t('app.name')}`}</title>
      <header className="page-header">
        <p className="eyebrow">
          {t(`stage.${round.stage}`)} · <Link to={`/organisations/${draft.owner.slug}`}>{draft.owner.name}</Link>
        </p>
        <h1>{draft.title}</h1>
        <p className="version-line">
          <RoundStateBadge state={round.state} /> {round.title}
          {' · '}
          {t('draft.versionLine', { name: version.name, date: formatDate(version.createdAt, locale) })}
          {comments && <> · {t('home.comments', { count: comments.total })}</>}
        </p>
        <RoundCall round={round} now={now} locale={locale} />
        <p className="button-row">
          {open && <Link to={commentHref(round.id, signedIn)} className="button" {...inline}>{t('comment.commentDraft')}</Link>}
          {round.canManage && <Link to={`/rounds/${round.id}/manage`} className="button button--secondary">{t('round.manage.link')}</Link>}
          {(round.state === 'report-published' || round.canManage) && round.state !== 'planned' && (
            <Link to={`/rounds/${round.id}/report`} className="button button--secondary">{t('report.round.title')}</Link>
          )}
          <Link to={`/drafts/${draft.slug}?version=${version.seq}`} className="button button--secondary">{t('round.public.readDraft')}</Link>
        </p>
        <nav className="script-switch" aria-label={t('draft.script.label')}>
          {(['latn', 'cyrl'] as const).map((s) => (
            <Link key={s} to={`?script=${s}`} aria-current={s === script ? 'true' : undefined} lang={s === 'cyrl' ? 'sr-Cyrl' : undefined}>
              {t(`draft.script.${s}`)}
            </Link>
          ))}
        </nav>
      </header>
      {loaderData.report && <RoundReportSummary roundId={round.id} report={loaderData.report} />}
      {!loaderData.report?.published && comments && comments.total > 0 && (
        <LiveChart outline={outline} counts={comments.countsByArticle} general={comments.generalCount} roundId={round.id} />
      )}
      <div className="reading-layout">
        <aside className="reading-layout__aside">
          <TableOfContents toc={outline.toc} />
        </aside>
        <div className="reading-layout__main">
          <DraftSearch slug={draft.slug} indexUrl={loaderData.searchIndexUrl} outline={outline} bodyText={shownBodyText} />
          <LegalText
            outline={outline}
            articleHtml={articleHtml}
            renderAfterArticle={comments ? (article: OutlineArticle) => sectionComments(article.id) : undefined}
            renderAfterMemorandumSection={open ? (section) => (
              <p className="article-comments__bar">
                <Link to={commentHref(round.id, signedIn, { target: section.id })} {...inline}>{t('comment.commentMemorandum')}</Link>
              </p>
            ) : undefined}
            renderAfterMemorandum={comments ? () => sectionComments('memorandum') : undefined}
          />
          {comments && (
            <section className="general-comments" id="komentari" aria-labelledby="komentari-title">
              <h2 id="komentari-title">{t('comment.generalTitle')}</h2>
              {sectionComments('general')}
            </section>
          )}
        </div>
      </div>
    </div>
  )
}

/**
 * Until the report is out: comments per article so far (the most commented, in the draft's
 * order), drawn on the server like the report's charts and readable without JavaScript.
 */
function LiveChart(props: { outline: Route.ComponentProps['loaderData']['outline']; counts: Record<string, number>; general: number; roundId: string }) {
  const { t } = useTranslation()
  const articles = articlesOf(props.outline).filter((a) => (props.counts[a.id] ?? 0) > 0)
  const kept = new Set([...articles].sort((a, b) => props.counts[b.id]! - props.counts[a.id]!).slice(0, MAX_ARTICLE_BARS).map((a) => a.id))
  const bars = [
    ...(props.general > 0 ? [{ label: t('comment.generalTitle'), value: props.general }] : []),
    ...articles.filter((a) => kept.has(a.id)).map((a) => ({ label: a.label, value: props.counts[a.id]! })),
  ]
  const left = articles.length - kept.size
  const title = t('round.public.chartTitle')
  const svg = barChartSvg({
    id: `round-${props.roundId}-live`, title, bars,
    note: left > 0 ? t('round.public.chartMore', { count: left }) : undefined, empty: t('round.public.chartEmpty'),
  })
  return (
    <section className="panel round-report" aria-label={title}>
      <ReportCharts charts={[{ title, svg }]} />
    </section>
  )
}
