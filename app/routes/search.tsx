import { data, Form, Link, redirect } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/search'
import type { Locale } from '../i18n/locales.ts'
import { formatDate } from '../i18n/format.ts'
import { interfaceScript } from '../i18n/reader-script.ts'
import { requestContext } from '../.server/context.ts'
import { getActor } from '../.server/auth.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { SiteSearchQuery, SEARCH_KINDS, type SearchKind } from '../../consultation/search/query.ts'
import type { Segment } from '../../consultation/search/highlight.ts'
import { resultsInScript } from '../../consultation/search/results-script.ts'
import { AUTHOR_CATEGORIES } from '../../consultation/answer-inputs.ts'
import { ANSWER_STATUSES } from '../../consultation/response-rules.ts'

/** Site-wide search: /search?q=…&draft=…; rendered on the server, a plain GET form, shareable. */
export async function loader({ request, context }: Route.LoaderArgs) {
  const params = Object.fromEntries(new URL(request.url).searchParams)
  const parsed = SiteSearchQuery.safeParse(params)
  if (!parsed.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const query = parsed.data
  const found = await servicesOf(context).consultation.searchSite(getActor(context), query)
  if (found.jump) throw redirect(found.jump)
  const { locale } = context.get(requestContext)
  // A Serbian reader sees titles, labels and excerpts in the interface's script.
  const script = interfaceScript(locale)
  const result = script ? resultsInScript(found, script) : found
  return {
    locale: locale as Locale,
    query,
    searched: result.terms.length > 0 || result.articleNumber !== null,
    drafts: result.drafts,
    versions: result.versions,
    rounds: result.rounds,
    groups: result.groups.map((g) => ({
      kind: g.kind,
      total: g.total,
      capped: g.capped,
      page: g.page,
      pages: g.pages,
      hits: g.hits.map((h) => ({
        href: h.href,
        draft: h.draft,
        versionSeq: h.versionSeq,
        otherVersions: h.otherVersions,
        label: h.label,
        round: h.round,
        author: h.author,
        createdAt: h.createdAt?.toISOString() ?? null,
        answerStatus: h.answerStatus,
        restricted: h.restricted,
        excerpt: h.excerpt,
      })),
    })),
  }
}

type Loaded = Route.ComponentProps['loaderData']

/** The URL of this search with some parameters changed (the empty ones left out). */
type Changes = { [key: string]: string | number | undefined }

function searchHref(query: Loaded['query'], changes: Changes): string {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries({ ...query, ...changes })) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  return `/search?${params.toString()}`
}

function Excerpt({ segments }: { segments: Segment[] }) {
  return (
    <p className="search-hit__excerpt">
      {segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}
    </p>
  )
}

export default function SearchPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { query, groups, drafts, versions, rounds, searched, locale } = loaderData
  // Typed, but nothing to search by: only punctuation or words too common to search for.
  const nothingToSearch = query.q !== '' && !searched
  const title = query.q ? t('siteSearch.titleFor', { query: query.q }) : t('siteSearch.title')
  // Comments and answers are counted up to a limit (consultation/search/store.ts): "1000 or more".
  const heading = (kind: SearchKind, total: number, capped: boolean) =>
    capped ? t(`siteSearch.kindAtLeast.${kind}`, { limit: total }) : t(`siteSearch.kind.${kind}`, { count: total })
  return (
    <div className="page">
      <title>{`${title} · ${t('app.name')}`}</title>
      <h1>{t('siteSearch.title')}</h1>
      <Form method="get" action="/search" className="search-form" role="search">
        <p className="field">
          <label htmlFor="search-q">{t('siteSearch.label')}</label>
          <input id="search-q" type="search" name="q" defaultValue={query.q} aria-describedby="search-q-hint" />
          <span className="field__hint" id="search-q-hint">{t('siteSearch.hint')}</span>
        </p>
        <fieldset className="search-form__filters">
          <legend>{t('siteSearch.filters')}</legend>
          <label>
            {t('siteSearch.draft')}
            <select name="draft" defaultValue={query.draft ?? ''}>
              <option value="">{t('siteSearch.any')}</option>
              {drafts.map((d) => <option key={d.slug} value={d.slug}>{d.title}</option>)}
            </select>
          </label>
          {versions.length > 0 && (
            <label>
              {t('siteSearch.version')}
              <select name="version" defaultValue={query.version ?? ''}>
                <option value="">{t('siteSearch.any')}</option>
                {versions.map((v) => <option key={v.seq} value={v.seq}>{t('siteSearch.versionOption', { seq: v.seq, name: v.name })}</option>)}
              </select>
            </label>
          )}
          {rounds.length > 0 && (
            <label>
              {t('siteSearch.round')}
              <select name="round" defaultValue={query.round ?? ''}>
                <option value="">{t('siteSearch.any')}</option>
                {rounds.map((r) => <option key={r.id} value={r.id}>{r.title}</option>)}
              </select>
            </label>
          )}
          <label>
            {t('siteSearch.article')}
            <input name="article" defaultValue={query.article ?? ''} inputMode="numeric" size={5} />
          </label>
          <label>
            {t('siteSearch.category')}
            <select name="category" defaultValue={query.category ?? ''}>
              <option value="">{t('siteSearch.any')}</option>
              {AUTHOR_CATEGORIES.map((c) => <option key={c} value={c}>{t(`partyCategory.${c}`)}</option>)}
            </select>
          </label>
          <label>
            {t('siteSearch.status')}
            <select name="status" defaultValue={query.status ?? ''}>
              <option value="">{t('siteSearch.any')}</option>
              {ANSWER_STATUSES.map((s) => <option key={s} value={s}>{t(`answers.status.${s}`)}</option>)}
            </select>
          </label>
          <label>
            {t('siteSearch.kindFilter')}
            <select name="kind" defaultValue={query.kind ?? ''}>
              <option value="">{t('siteSearch.allKinds')}</option>
              {SEARCH_KINDS.map((k) => <option key={k} value={k}>{t(`siteSearch.kindName.${k}`)}</option>)}
            </select>
          </label>
        </fieldset>
        <button type="submit" className="button">{t('siteSearch.submit')}</button>
      </Form>

      {nothingToSearch && <p role="status">{t('siteSearch.noWords', { query: query.q })}</p>}
      {searched && groups.every((g) => g.total === 0) && <p role="status">{t('siteSearch.none', { query: query.q })}</p>}
      {groups.filter((g) => g.total > 0).map((g) => (
        <section key={g.kind} className="search-group" aria-labelledby={`search-${g.kind}`}>
          <h2 id={`search-${g.kind}`}>{heading(g.kind, g.total, g.capped)}</h2>
          <ol className="search-hits">
            {g.hits.map((h) => (
              <li key={h.href} className="search-hit">
                <p className="search-hit__title">
                  <Link to={h.href}>
                    {g.kind === 'article'
                      ? (h.label ?? h.draft.title)
                      : g.kind === 'answer'
                        ? t('siteSearch.answerTo', { label: h.label ?? h.draft.title })
                        : (h.label ?? t('siteSearch.general'))}
                  </Link>
                  {h.restricted && <span className="badge">{t('siteSearch.restricted')}</span>}
                </p>
                <p className="muted search-hit__where">
                  {g.kind === 'article'
                    ? t('siteSearch.inVersion', { draft: h.draft.title, seq: h.versionSeq })
                    : t('siteSearch.inRound', { draft: h.draft.title, round: h.round?.title ?? '' })}
                  {h.otherVersions.length > 0 && <> · {t('siteSearch.alsoIn', { count: h.otherVersions.length, versions: h.otherVersions.join(', ') })}</>}
                  {h.createdAt && <> · {formatDate(h.createdAt, locale)}</>}
                  {h.author?.kind === 'organisation' || h.author?.kind === 'person' ? <> · {h.author.name}</> : null}
                  {h.answerStatus && g.kind === 'answer' && <> · {t(`answers.status.${h.answerStatus}`)}</>}
                </p>
                <Excerpt segments={h.excerpt} />
              </li>
            ))}
          </ol>
          {!query.kind && g.total > g.hits.length && (
            <p><Link to={searchHref(query, { kind: g.kind, page: undefined })}>{g.capped ? t('siteSearch.showAllAtLeast', { limit: g.total }) : t('siteSearch.showAll', { count: g.total })}</Link></p>
          )}
          {query.kind && g.pages > 1 && (
            <nav className="pagination" aria-label={t('round.public.pages')}>
              <span>{t('round.public.page', { page: g.page, pages: g.pages })}</span>{' '}
              {g.page > 1 && <Link to={searchHref(query, { page: g.page - 1 })} rel="prev">{t('round.public.previous')}</Link>}{' '}
              {g.page < g.pages && <Link to={searchHref(query, { page: g.page + 1 })} rel="next">{t('round.public.next')}</Link>}
            </nav>
          )}
        </section>
      ))}
    </div>
  )
}
