import { useRef } from 'react'
import { data, Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/draft'
import { LegalText, TableOfContents, type ArticleHtml } from '../components/legal-text.tsx'
import { DraftSearch, shownBodyText } from '../components/draft-search.tsx'
import { fetchCommentSet, fetchTextSet, fragmentAttribute, fragmentsOf, hasFragments, type TextSetResponse } from '../components/html-fragments.ts'
import { articleTextSet, outlineSkeleton, roundCommentSet } from '../.server/round-page.ts'
import { versionIndexPath } from '../../consultation/search/draft-index-path.ts'
import { InlineCommentHost } from '../components/inline-comment.tsx'
import { InlineReportHost } from '../components/comment-report.tsx'
import { Notice } from '../components/forms.tsx'
import { formatDate, formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { interfaceScript } from '../i18n/reader-script.ts'
import { requestContext } from '../.server/context.ts'
import { getActor } from '../.server/auth.ts'
import { canAssignDraftRoles, canOpenEditor } from '../../drafting/permissions.ts'
import { canManageRound, canModerate } from '../../consultation/permissions.ts'
import { transliterate } from '../../drafting/transliteration.ts'
import type { OutlineArticle } from '../../drafting/outline.ts'

const Query = z.object({
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
  script: z.enum(['latn', 'cyrl']).optional(),
  lng: z.string().optional(),
  /** Set after a comment was submitted, for the confirmation. */
  commented: z.string().max(10).optional(),
})

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const { locale } = context.get(requestContext)
  const result = await context.get(requestContext).services.drafting.readDraft(params.slug, {
    versionSeq: query.data.version,
    // As asked; else a Serbian interface's own script; else the draft's.
    script: query.data.script ?? interfaceScript(locale) ?? undefined,
  })
  if (!result.ok) throw data({ reason: result.reason }, { status: 404 })
  const { draft, version, versions, outline, script } = result.value
  // Version names, in the script the reader reads (the title and the institution already are): display only.
  const shown = (text: string) => (query.data.script || interfaceScript(locale) ? transliterate(text, script) : text)
  // Only whether to show the link to the team page; that page checks again for itself.
  const actor = getActor(context)
  const access = actor.userId ? await context.get(requestContext).services.drafting.draftAccess(actor, draft.id) : null
  // The consultation, when a round is open: its comments are shown on the version it is about.
  const { consultation } = context.get(requestContext).services
  const openRound = await consultation.openRoundForDraft(draft.id)
  const onShownVersion = openRound !== null && openRound.versionSeq === version.seq
  // Counts and the first few comments of each article, as HTML rendered once per change of the
  // round's comments (app/.server/round-page.ts, folded for this page); the rest are a click away.
  const text = articleTextSet(outline, locale)
  const services = context.get(requestContext).services
  const publicRound = onShownVersion ? await services.rounds.readPublic(actor, openRound.id) : null
  const roundComments = publicRound?.ok
    ? await roundCommentSet(services, publicRound.value, outline, { locale, signedIn: actor.userId !== null, textSet: text, view: 'reading' })
    : null
  return {
    locale,
    draft: { slug: draft.slug, title: draft.title, owner: draft.owner, documentType: draft.documentType, stage: draft.stage, summary: draft.summary },
    version: { seq: version.seq, name: shown(version.name), createdAt: version.createdAt.toISOString() },
    versions: versions.map((v) => ({ seq: v.seq, name: shown(v.name), createdAt: v.createdAt.toISOString() })),
    // The articles' text comes as HTML rendered once per version (app/.server/round-page.ts), not as data.
    outline: outlineSkeleton(outline),
    text,
    // Where the browser fetches that HTML after a client-side navigation (see clientLoader).
    fragmentsUrl: `/drafts/${draft.slug}/versions/${version.seq}/fragments?script=${script}&locale=${locale}`,
    script,
    searchIndexUrl: versionIndexPath(draft.slug, version.seq),
    can: {
      assignRoles: access !== null && canAssignDraftRoles(actor, access),
      edit: access !== null && canOpenEditor(actor, access),
      manageRounds: access !== null && canManageRound(actor, access),
      moderate: access !== null && canModerate(actor, access),
    },
    signedIn: actor.userId !== null,
    commented: query.data.commented === '1',
    /** The comment was received but waits for a moderator (pre-moderation). */
    commentPending: query.data.commented === 'pending',
    round: openRound && {
      id: openRound.id,
      closesAt: openRound.closesAt.toISOString(),
      versionSeq: openRound.versionSeq,
      versionName: versions.filter((v) => v.seq === openRound.versionSeq).map((v) => shown(v.name))[0] ?? null,
      onShownVersion,
      /** The comment sections (HTML set) and their counts; null when the round's comments are not shown here. */
      comments: roundComments && { ...roundComments.counts, set: roundComments.set },
      /** Where the browser fetches the comment sections after a change (see clientLoader). */
      commentsUrl: `/rounds/${openRound.id}/fragments?script=${script}&locale=${locale}&view=reading&part=c`,
    },
  }
}

/** The HTML of a version's articles, as app/routes/draft-fragments.ts sends it. */
export interface DraftFragmentsResponse {
  text: TextSetResponse
}

/**
 * In the browser, after a client-side navigation or a revalidation: the data, and the HTML
 * sets it names that the page does not show yet (another version, script or language; changed
 * comments), fetched once and kept. At hydration the page already shows them.
 */
export async function clientLoader({ serverLoader }: Route.ClientLoaderArgs) {
  const loaded = await serverLoader()
  const comments = loaded.round?.comments
  // Comments that changed (the reader's own, say): only the sections that differ from the set shown.
  const [text, commentSet] = await Promise.all([
    hasFragments(loaded.text) ? loaded.text : fetchTextSet(loaded.fragmentsUrl),
    !comments || hasFragments(comments.set) ? comments?.set : fetchCommentSet(loaded.round!.commentsUrl, comments.set),
  ])
  return {
    ...loaded,
    text,
    round: loaded.round && { ...loaded.round, comments: loaded.round.comments && { ...loaded.round.comments, set: commentSet ?? loaded.round.comments.set } },
  }
}

export default function DraftPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { draft, version, versions, outline, locale, can, script, round, signedIn, commented, commentPending, text } = loaderData
  const textHtml = fragmentsOf(text)
  const articleHtml: ArticleHtml = {
    html: (article) => textHtml(article.id),
    attributes: (article) => ({ 'data-fragment': fragmentAttribute(text, article.id) }),
  }
  const versionParam = version.seq === versions[0]?.seq ? '' : `version=${version.seq}&`
  const consulted = round?.onShownVersion && round.comments ? { ...round, comments: round.comments } : null
  // The comment links open the form in place for a signed-in reader (InlineCommentHost), the
  // report links the report form (InlineReportHost); an anonymous visitor is sent to log in
  // first, and brought back to the form afterwards.
  const page = useRef<HTMLDivElement>(null)
  const commentsSet = consulted?.comments.set
  const commentsHtml = commentsSet ? fragmentsOf(commentsSet) : null
  // A section's comments: HTML rendered once per change of the round's comments (app/.server/round-page.ts).
  const sectionComments = (id: string) =>
    commentsSet && commentsHtml && (
      <div className="article-comments" data-fragment={fragmentAttribute(commentsSet, id)} suppressHydrationWarning dangerouslySetInnerHTML={{ __html: commentsHtml(id) }} />
    )
  const renderAfterArticle = consulted ? (article: OutlineArticle) => sectionComments(article.id) : undefined
  return (
    <div ref={page} className="page page--draft" data-fragment-sets={[text.key, commentsSet?.key].filter(Boolean).join(' ')}>
      {consulted && signedIn && <InlineCommentHost root={page} />}
      {consulted && <InlineReportHost root={page} />}
      <title>{`${draft.title} · ${t('app.name')}`}</title>
      <header className="page-header">
        <p className="eyebrow">
          {t(`documentType.${draft.documentType}`, { defaultValue: draft.documentType })} · {t(`stage.${draft.stage}`, { defaultValue: draft.stage })} · {draft.owner}
        </p>
        <h1>{outline.title || draft.title}</h1>
        <p className="version-line">
          {t('draft.versionLine', { name: version.name, date: formatDate(version.createdAt, locale as Locale) })}
          {' · '}
          {t('draft.articles', { count: outline.articleCount })}
        </p>
        {draft.summary && <p className="lead">{draft.summary}</p>}
        {commented && (
          <Notice>
            <p>{t('comment.submitted')}</p>
          </Notice>
        )}
        {commentPending && (
          <Notice>
            <p>{t('moderation.submittedPending')}</p>
          </Notice>
        )}
        {consulted && (
          <div className="round-notice">
            <p className="round-notice__title">{t('comment.roundOpen', { date: formatDateTime(consulted.closesAt, locale as Locale) })}</p>
            <p>
              {t('comment.roundInvite')}
              {!signedIn && ` ${t('comment.loginHint')}`}
            </p>
            <p>
              <a href="#komentari">{t('comment.generalLink', { count: consulted.comments.generalCount })}</a>
              {' · '}
              <Link to={`/rounds/${consulted.id}`}>{t('round.public.link')}</Link>
            </p>
          </div>
        )}
        {round && !round.onShownVersion && (
          <div className="round-notice">
            <p className="round-notice__title">{t('comment.roundOpenDraft', { date: formatDateTime(round.closesAt, locale as Locale) })}</p>
            <p>
              {t('comment.otherVersion', { name: round.versionName ?? '' })}{' '}
              <Link to={`?version=${round.versionSeq}`}>{t('comment.readConsultedVersion')}</Link>
            </p>
          </div>
        )}
        <nav className="script-switch" aria-label={t('draft.script.label')}>
          {(['latn', 'cyrl'] as const).map((s) => (
            <Link key={s} to={`?${versionParam}script=${s}`} aria-current={s === script ? 'true' : undefined} lang={s === 'cyrl' ? 'sr-Cyrl' : undefined}>
              {t(`draft.script.${s}`)}
            </Link>
          ))}
        </nav>
        {(can.edit || can.assignRoles || can.manageRounds || (can.moderate && round)) && (
          <p className="button-row">
            {can.edit && <Link to={`/drafts/${draft.slug}/edit`} className="button">{t('editor.edit')}</Link>}
            {can.assignRoles && <Link to={`/drafts/${draft.slug}/team`} className="button button--secondary">{t('team.link')}</Link>}
            {can.manageRounds && <Link to={`/drafts/${draft.slug}/rounds/new`} className="button button--secondary">{t('round.new.link')}</Link>}
            {can.moderate && round && <Link to={`/rounds/${round.id}/moderation`} className="button button--secondary">{t('moderation.link')}</Link>}
          </p>
        )}
      </header>
      <div className="reading-layout">
        <aside className="reading-layout__aside">
          <TableOfContents toc={outline.toc} />
          {versions.length > 1 && (
            <nav className="versions" aria-labelledby="versions-title">
              <h2 id="versions-title">{t('draft.versions')}</h2>
              <p>
                <Link to={`/drafts/${draft.slug}/compare`}>{t('compare.link')}</Link>
              </p>
              <ol>
                {versions.map((v) => (
                  <li key={v.seq}>
                    {v.seq === version.seq ? (
                      <span aria-current="page">{v.name}</span>
                    ) : (
                      <Link to={`?version=${v.seq}`}>{v.name}</Link>
                    )}{' '}
                    <span className="muted">{formatDate(v.createdAt, locale as Locale)}</span>
                  </li>
                ))}
              </ol>
            </nav>
          )}
          <nav className="versions downloads" aria-labelledby="downloads-title">
            <h2 id="downloads-title">{t('draft.downloads.title', { name: version.name })}</h2>
            <ul>
              <li><a href={`/drafts/${draft.slug}/versions/${version.seq}/act.docx?script=${script}`} download>{t('draft.downloads.docx', { format: '.docx' })}</a></li>
              <li><a href={`/drafts/${draft.slug}/versions/${version.seq}/akn.xml?script=${script}`}>{t('draft.downloads.akn', { format: 'XML' })}</a></li>
              <li><a href={`/api/v1/drafts/${draft.slug}/versions/${version.seq}`}>{t('draft.downloads.api', { format: 'JSON' })}</a></li>
            </ul>
          </nav>
        </aside>
        <div className="reading-layout__main">
          <DraftSearch slug={draft.slug} indexUrl={loaderData.searchIndexUrl} outline={outline} bodyText={shownBodyText} />
          <LegalText outline={outline} articleHtml={articleHtml} renderAfterArticle={renderAfterArticle} />
          {consulted && (
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
