import { Link } from 'react-router'
import { useTranslation } from 'react-i18next'

/** A report's charts as the server drew them (SVG, accessible without JavaScript). */
export function ReportCharts({ charts }: { charts: { title: string; svg: string }[] }) {
  return (
    <div className="report-charts">
      {charts.map((chart) => (
        <figure key={chart.title} className="report-chart" dangerouslySetInnerHTML={{ __html: chart.svg }} />
      ))}
    </div>
  )
}

/** On a round's page: its report (link and charts) once published, or the working version for staff. */
export function RoundReportSummary({ roundId, report }: { roundId: string; report: { published: boolean; charts: { title: string; svg: string }[] } }) {
  const { t } = useTranslation()
  return (
    <section className="panel round-report" aria-labelledby="round-report-title">
      <h2 id="round-report-title">{t('report.round.title')}</h2>
      <p>
        <Link to={`/rounds/${roundId}/report`}>{report.published ? t('report.round.read') : t('report.round.working')}</Link>
      </p>
      {report.charts.length > 0 && <ReportCharts charts={report.charts} />}
    </section>
  )
}
