import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/round-dashboard'
import { requireUser } from '../.server/auth.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { AnsweringNav, TallyLine, type TallyView } from '../components/answers.tsx'
import { notShown } from './answer-problems.ts'
import { requestContext } from '../.server/context.ts'
import { interfaceScript } from '../i18n/reader-script.ts'

// How far a round's answers are: per article and per person answering, with links to the
// comments behind each count.

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  // A Serbian interface shows the articles' labels and the titles in its own script ("Члан 6.").
  const script = interfaceScript(context.get(requestContext).locale) ?? undefined
  const result = await servicesOf(context).answers.dashboard(actor, params.roundId, script)
  if (!result.ok) notShown(result.reason)
  const d = result.value
  return {
    round: { id: d.round.id, title: d.round.title },
    draft: d.draft,
    overall: d.overall,
    articles: d.articles.map((a) => ({ articleNodeId: a.articleNodeId, label: a.label, heading: a.heading, tally: a.tally })),
    assignees: d.assignees.map((a) => ({ assigneeId: a.assigneeId, name: a.name, tally: a.tally })),
  }
}

export default function RoundDashboardPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const { round, draft, overall, articles, assignees } = loaderData
  const list = (query: string) => `/rounds/${round.id}/answers?${query}`
  return (
    <div className="page">
      <title>{`${t('answers.dashboard.title')} · ${draft.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.slug}`}>{draft.title}</Link> · {round.title}
      </p>
      <header className="page-header">
        <h1>{t('answers.dashboard.title')}</h1>
        <AnsweringNav roundId={round.id} />
        <TallyLine tally={overall} />
      </header>

      <section aria-labelledby="dashboard-articles-title">
        <h2 id="dashboard-articles-title">{t('answers.dashboard.byArticle')}</h2>
        <TallyTable
          firstColumn={t('answers.dashboard.article')}
          rows={articles.map((a) => ({
            key: a.articleNodeId ?? 'general',
            label: a.label ? (a.heading ? `${a.label} (${a.heading})` : a.label) : t('answers.unit.draft'),
            href: list(`article=${encodeURIComponent(a.articleNodeId ?? 'general')}`),
            tally: a.tally,
          }))}
        />
      </section>

      <section aria-labelledby="dashboard-assignees-title">
        <h2 id="dashboard-assignees-title">{t('answers.dashboard.byAssignee')}</h2>
        <TallyTable
          firstColumn={t('answers.dashboard.assignee')}
          rows={assignees.map((a) => ({
            key: a.assigneeId ?? 'none',
            label: a.assigneeId ? (a.name ?? t('answers.dashboard.deleted')) : t('answers.list.nobody'),
            href: list(`assignee=${encodeURIComponent(a.assigneeId ?? 'none')}`),
            tally: a.tally,
          }))}
        />
      </section>
    </div>
  )
}

/** Counts per row: total, answered, unanswered, drafts, and each status. */
function TallyTable({ firstColumn, rows }: { firstColumn: string; rows: { key: string; label: string; href: string; tally: TallyView }[] }) {
  const { t } = useTranslation()
  if (rows.length === 0) return <p className="empty">{t('answers.dashboard.empty')}</p>
  const columns = ['total', 'answered', 'unanswered', 'drafts', 'accepted', 'partlyAccepted', 'rejected', 'noted'] as const
  return (
    <div className="table-scroll">
    <table className="data-table answers-dashboard">
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          {columns.map((c) => <th key={c} scope="col">{t(`answers.dashboard.columns.${c}`)}</th>)}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">
              <Link to={r.href}>{r.label}</Link>
            </th>
            {columns.map((c) => <td key={c}>{r.tally[c]}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  )
}
