import { data, Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/draft'
import { LegalText, TableOfContents } from '../components/legal-text.tsx'
import { formatDate } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { requestContext } from '../.server/context.ts'
import { getActor } from '../.server/auth.ts'
import { canAssignDraftRoles, canOpenEditor } from '../../drafting/permissions.ts'
import type { DraftScript } from '../../drafting/language.ts'

const Query = z.object({
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
  script: z.enum(['latn', 'cyrl']).optional(),
  lng: z.string().optional(),
})

/** The script to show a draft in: as asked; else Cyrillic for a Cyrillic interface, Latin for a Serbian Latin one. */
function scriptFor(asked: DraftScript | undefined, locale: string): DraftScript | undefined {
  if (asked) return asked
  if (locale === 'sr-Cyrl') return 'cyrl'
  if (locale === 'sr-Latn') return 'latn'
  return undefined
}

export async function loader({ params, request, context }: Route.LoaderArgs) {
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const { locale } = context.get(requestContext)
  const result = await context.get(requestContext).services.drafting.readDraft(params.slug, {
    versionSeq: query.data.version,
    script: scriptFor(query.data.script, locale),
  })
  if (!result.ok) throw data({ reason: result.reason }, { status: 404 })
  const { draft, version, versions, outline, script } = result.value
  // Only whether to show the link to the team page; that page checks again for itself.
  const actor = getActor(context)
  const access = actor.userId ? await context.get(requestContext).services.drafting.draftAccess(actor, draft.id) : null
  return {
    locale: context.get(requestContext).locale,
    draft: { slug: draft.slug, title: draft.title, owner: draft.owner, documentType: draft.documentType, stage: draft.stage, summary: draft.summary },
    version: { seq: version.seq, name: version.name, createdAt: version.createdAt.toISOString() },
    versions: versions.map((v) => ({ seq: v.seq, name: v.name, createdAt: v.createdAt.toISOString() })),
    outline,
    script,
    can: {
      assignRoles: access !== null && canAssignDraftRoles(actor, access),
      edit: access !== null && canOpenEditor(actor, access),
    },
  }
}

export default function DraftPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { draft, version, versions, outline, locale, can, script } = loaderData
  const versionParam = version.seq === versions[0]?.seq ? '' : `version=${version.seq}&`
  return (
    <div className="page page--draft">
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
        <nav className="script-switch" aria-label={t('draft.script.label')}>
          {(['latn', 'cyrl'] as const).map((s) => (
            <Link key={s} to={`?${versionParam}script=${s}`} aria-current={s === script ? 'true' : undefined} lang={s === 'cyrl' ? 'sr-Cyrl' : undefined}>
              {t(`draft.script.${s}`)}
            </Link>
          ))}
        </nav>
        {(can.edit || can.assignRoles) && (
          <p className="button-row">
            {can.edit && <Link to={`/drafts/${draft.slug}/edit`} className="button">{t('editor.edit')}</Link>}
            {can.assignRoles && <Link to={`/drafts/${draft.slug}/team`} className="button button--secondary">{t('team.link')}</Link>}
          </p>
        )}
      </header>
      <div className="reading-layout">
        <aside className="reading-layout__aside">
          <TableOfContents toc={outline.toc} />
          {versions.length > 1 && (
            <nav className="versions" aria-labelledby="versions-title">
              <h2 id="versions-title">{t('draft.versions')}</h2>
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
        </aside>
        <div className="reading-layout__main">
          <LegalText outline={outline} />
        </div>
      </div>
    </div>
  )
}
