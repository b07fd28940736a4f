import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/home'
import { DraftStateBadge } from '../components/draft-state-badge.tsx'
import { formatDate, formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { requestContext } from '../.server/context.ts'
import { transliterate } from '../../drafting/transliteration.ts'
import { canCreateDrafts } from '../../drafting/permissions.ts'
import { getActor } from '../.server/auth.ts'

export async function loader({ context }: Route.LoaderArgs) {
  const { services, locale } = context.get(requestContext)
  const drafts = await services.consultation.listDrafts()
  // A Serbian interface shows titles in its own script, whatever script they were written in.
  const inScript = (text: string) => (locale === 'sr-Cyrl' ? transliterate(text, 'cyrl') : locale === 'sr-Latn' ? transliterate(text, 'latn') : text)
  return {
    locale,
    drafts: drafts.map((d) => ({
      slug: d.slug,
      title: inScript(d.title),
      documentType: d.documentType,
      owner: inScript(d.owner),
      state: d.state,
      latestVersion: d.latestVersion && { name: inScript(d.latestVersion.name), createdAt: d.latestVersion.createdAt.toISOString() },
      openRound: d.openRound && { closesAt: d.openRound.closesAt.toISOString(), commentCount: d.openRound.commentCount },
    })),
    canCreateDrafts: canCreateDrafts(getActor(context)),
  }
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { drafts, locale, canCreateDrafts: mayCreateDrafts } = loaderData
  return (
    <div className="page page--home">
      <title>{`${t('home.title')} · ${t('app.name')}`}</title>
      <header className="page-header">
        <h1>{t('home.title')}</h1>
        <p className="lead">{t('home.intro')}</p>
        {mayCreateDrafts && (
          <p>
            <Link to="/drafts/new" className="button">{t('newDraft.title')}</Link>
          </p>
        )}
      </header>
      {drafts.length === 0 ? (
        <p className="empty">{t('home.empty')}</p>
      ) : (
        <ul className="draft-list">
          {drafts.map((d) => (
            <li key={d.slug} className="draft-card">
              <p className="draft-card__meta">
                <span>{t(`documentType.${d.documentType}`, { defaultValue: d.documentType })}</span>
                <DraftStateBadge state={d.state} />
              </p>
              <h2 className="draft-card__title">
                <Link to={`/drafts/${d.slug}`}>{d.title}</Link>
              </h2>
              <p className="draft-card__owner">{d.owner}</p>
              {d.latestVersion && (
                <p className="draft-card__version">
                  {t('home.latestVersion', { name: d.latestVersion.name, date: formatDate(d.latestVersion.createdAt, locale as Locale) })}
                </p>
              )}
              {d.openRound && (
                <p className="draft-card__round">
                  {t('home.commentsUntil', { date: formatDateTime(d.openRound.closesAt, locale as Locale) })}
                  {' · '}
                  {t('home.comments', { count: d.openRound.commentCount })}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
