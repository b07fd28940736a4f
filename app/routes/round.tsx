import { data, Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/round'
import { LegalText, TableOfContents } from '../components/legal-text.tsx'
import { DraftSearch } from '../components/draft-search.tsx'
import { versionIndexPath } from '../../consultation/search/draft-index-path.ts'
import { CommentList, type CommentView } from '../components/comments.tsx'
import { RoundCall } from '../components/round-call.tsx'
import { RoundStateBadge } from '../components/round-state.tsx'
import { formatDate } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { requestContext } from '../.server/context.ts'
import { getActor } from '../.server/auth.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import type { OutlineArticle } from '../../drafting/outline.ts'
import { presentPreviews } from './comment-view.ts'
import { ReportCharts, RoundReportSummary } from '../components/report-charts.tsx'
import { barChartSvg, MAX_ARTICLE_BARS } from '../../consultation/report/charts.ts'
import { articlesOf } from '../../consultation/comment-targets.ts'

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
  const found = await services.rounds.readPublic(actor, params.roundId)
  if (!found.ok) throw data({ reason: 'not-found' }, { status: 404 })
  const round = found.value
  const script = query.data.script ?? (locale === 'sr-Cyrl' ? 'cyrl' : locale === 'sr-Latn' ? 'latn' : undefined)
  const reading = await services.drafting.readDraft(round.draft.slug, { versionSeq: round.versionSeq, script })
  if (!reading.ok) throw data({ reason: 'not-found' }, { status: 404 })
  const { outline, version, draft } = reading.value
  const preview = round.state === 'planned' ? null : await services.rounds.previewComments(round.id)
  return {
    locale: locale as Locale,
    now: new Date().toISOString(),
    signedIn: actor.userId !== null,
    round: {
      id: round.id, title: round.title, stage: round.stage, state: round.state, canManage: round.canManage,
      opensAt: round.opensAt.toISOString(), closesAt: round.closesAt.toISOString(), summary: round.summary,
      whyItMatters: round.whyItMatters, targetGroups: round.targetGroups, methods: round.methods, contactName: round.contactName,
      contactEmail: round.contactEmail, shortPeriodReason: round.shortPeriodReason,
      hearings: round.hearings.map((h) => ({ ...h, startsAt: h.startsAt.toISOString() })),
      reportPublished: round.reportPublishedAt !== null,
    },
    draft: { slug: draft.slug, title: draft.title, owner: round.draft.owner, documentType: draft.documentType },
    version: { seq: version.seq, name: version.name, createdAt: version.createdAt.toISOString() },
    outline,
    script: reading.value.script,
    searchIndexUrl: versionIndexPath(draft.slug, version.seq),
    // The round's report: charts once published, a link for the people preparing it (consultation/report).
    report: round.state === 'planned' ? null : await services.report.summary(actor, round.id, locale),
    comments: preview && {
      total: preview.total,
      countsByArticle: preview.countsByArticle,
      generalCount: preview.generalCount,
      memorandumCount: preview.memorandumCount,
      previews: presentPreviews(preview.previews, outline),
    },
  }
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
  const { round, draft, version, outline, locale, comments, signedIn, now, script } = loaderData
  const open = round.state === 'open'
  const commentLink = (targetNodeId?: string) => {
    const url = `/rounds/${round.id}/comment${targetNodeId ? `?target=${encodeURIComponent(targetNodeId)}` : ''}`
    return signedIn ? url : `/login?redirectTo=${encodeURIComponent(url)}`
  }
  const replyLink = open
    ? (commentId: string) => {
        const url = `/rounds/${round.id}/comment?replyTo=${encodeURIComponent(commentId)}`
        return signedIn ? url : `/login?redirectTo=${encodeURIComponent(url)}`
      }
    : undefined
  const allLink = (section: string) => `/rounds/${round.id}/comments?section=${encodeURIComponent(section)}`
  const renderAfterArticle = comments
    ? (article: OutlineArticle) => (
        <SectionComments
          count={comments.countsByArticle[article.id] ?? 0}
          shown={comments.previews[article.id] ?? []}
          allHref={allLink(`article:${article.id}`)}
          commentHref={open ? commentLink(article.id) : null}
          commentLabel={t('comment.commentArticle', { number: article.number })}
          shareHref={`/rounds/${round.id}#${article.anchor}`}
          locale={locale}
          roundId={round.id}
          replyHref={replyLink}
        />
      )
    : undefined
  return (
    <div className="page page--draft page--round">
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
          {open && <Link to={commentLink()} className="button">{t('comment.commentDraft')}</Link>}
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
          <DraftSearch slug={draft.slug} indexUrl={loaderData.searchIndexUrl} outline={outline} />
          <LegalText
            outline={outline}
            renderAfterArticle={renderAfterArticle}
            renderAfterMemorandumSection={open ? (section) => (
              <p className="article-comments__bar">
                <Link to={commentLink(section.id)}>{t('comment.commentMemorandum')}</Link>
              </p>
            ) : undefined}
            renderAfterMemorandum={comments ? () => (
              <SectionComments
                count={comments.memorandumCount}
                shown={comments.previews.memorandum ?? []}
                allHref={allLink('memorandum')}
                commentHref={null}
                commentLabel=""
                shareHref={null}
                locale={locale}
                roundId={round.id}
                replyHref={replyLink}
              />
            ) : undefined}
          />
          {comments && (
            <section className="general-comments" id="komentari" aria-labelledby="komentari-title">
              <h2 id="komentari-title">{t('comment.generalTitle')}</h2>
              <SectionComments
                count={comments.generalCount}
                shown={comments.previews.general ?? []}
                allHref={allLink('general')}
                commentHref={open ? commentLink() : null}
                commentLabel={t('comment.commentDraft')}
                shareHref={null}
                locale={locale}
                roundId={round.id}
                replyHref={replyLink}
              />
            </section>
          )}
        </div>
      </div>
    </div>
  )
}

/** Under an article (or the general section): the count, a link to comment, the first comments, and "all N". */
function SectionComments(props: {
  count: number
  shown: CommentView[]
  allHref: string
  commentHref: string | null
  commentLabel: string
  shareHref: string | null
  locale: Locale
  roundId: string
  replyHref?: (commentId: string) => string
}) {
  const { t } = useTranslation()
  const { count, shown, allHref, commentHref, commentLabel, shareHref, locale, roundId, replyHref } = props
  return (
    <div className="article-comments">
      <p className="article-comments__bar">
        <span className="article-comments__count">{t('home.comments', { count })}</span>
        {commentHref && <> · <Link to={commentHref}>{commentLabel}</Link></>}
        {shareHref && <> · <a href={shareHref} className="article-comments__share">{t('round.public.shareLink')}</a></>}
      </p>
      {shown.length > 0 && <CommentList comments={shown} locale={locale} roundId={roundId} reportAs="link" replyHref={replyHref} />}
      {count > shown.length && (
        <p>
          <Link to={allHref}>{t('round.public.allComments', { count })}</Link>
        </p>
      )}
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
