import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/round-report'
import { CsrfField, FormErrors, Notice } from '../components/forms.tsx'
import { ReportCharts } from '../components/report-charts.tsx'
import { requestContext } from '../.server/context.ts'
import { getActor, requireUser } from '../.server/auth.ts'
import { parseForm } from '../.server/forms.ts'
import { mailContextOf, servicesOf } from '../.server/route-helpers.ts'
import { LOCALES, LOCALE_NAMES, type Locale } from '../i18n/locales.ts'
import { reportCharts } from '../../consultation/report/charts.ts'
import { REPORT_FORMATS } from '../../consultation/report/formats.ts'
import type { ReportRow, ReportStatus } from '../../consultation/report/model.ts'
import type { PublishReportProblem } from '../../consultation/report/publish.ts'
import { reportVocabulary, type ReportVocabulary } from '../../consultation/report/vocabulary.ts'

/** At most this many comment rows are drawn in the page; the exports hold them all. */
const PAGE_ROWS = 1_000

const Publish = z.object({
  intent: z.literal('publish'),
  confirmUnanswered: z
    .literal('on')
    .optional()
    .transform((v) => v === 'on'),
})

const STATUS: Record<PublishReportProblem, number> = {
  'round-not-found': 404, forbidden: 403, 'round-not-closed': 409, 'already-published': 409, 'unanswered-comments': 409,
}

/** A report row for the page: texts ready, codes for what the page words itself. */
function presentRow(row: ReportRow, words: ReportVocabulary) {
  return {
    no: row.no,
    commentId: row.commentId,
    unit: row.unit,
    author: row.author.kind === 'anonymous' ? null : row.author.name,
    organisation: row.author.kind === 'organisation',
    category: row.category,
    date: words.date(row.createdAt),
    body: row.body,
    proposedWording: row.proposedWording,
    status: row.status,
    reasoning: row.reasoning,
    answerDraft: row.answerDraft,
    group: row.group && { count: row.group.count, signers: words.signers(row.group.signers, row.group.anonymousSigners) },
    visibility: row.visibility,
  }
}

export async function loader({ params, context, request }: Route.LoaderArgs) {
  const { locale } = context.get(requestContext)
  const result = await servicesOf(context).report.read(getActor(context), params.roundId, locale)
  if (!result.ok) throw data({ reason: result.reason }, { status: 404 })
  const { report, unanswered, can, state, audience, draft } = result.value
  const words = reportVocabulary(locale)
  const charts = reportCharts(report, words)
  let budget = PAGE_ROWS
  const sections = report.sections.map((s) => {
    const rows = s.rows.slice(0, Math.max(0, budget))
    budget -= rows.length
    return {
      kind: s.kind, articleId: s.articleId, label: s.label, heading: s.heading, commentCount: s.commentCount, total: s.rows.length,
      rows: rows.map((row) => presentRow(row, words)),
    }
  })
  const r = report.round
  return {
    locale,
    published: new URL(request.url).searchParams.get('published') === '1',
    roundId: r.id,
    state,
    audience,
    can,
    draft,
    act: { title: report.act.title, stage: report.act.stage, institution: report.act.institution, version: report.act.version },
    round: {
      title: r.title,
      period: `${words.dateTime(r.opensAt)} – ${words.dateTime(r.closesAt)}`,
      days: r.days,
      minimumDays: r.minimumDays,
      shortPeriodReason: r.shortPeriodReason,
      methods: r.methods,
      hearings: r.hearings.map((h) => ({ when: words.dateTime(h.startsAt), place: h.place, agenda: h.agenda })),
      contactName: r.contactName,
      reportPublishedAt: r.reportPublishedAt && words.date(r.reportPublishedAt),
    },
    participants: report.participants,
    counts: report.counts,
    charts: [charts.perArticle, charts.perCategory, charts.perStatus],
    sections,
    rowCount: report.rowCount,
    shownRows: Math.min(PAGE_ROWS, report.rowCount),
    unanswered: unanswered.map((u) => ({
      no: u.no, commentId: u.commentId, section: u.section, sectionLabel: u.sectionLabel, unit: u.unit,
      author: u.author.kind === 'anonymous' ? null : u.author.name, excerpt: u.excerpt, count: u.count, draftAnswer: u.draftAnswer,
    })),
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const parsed = await parseForm(request, Publish)
  if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 })
  const result = await servicesOf(context).report.publish(actor, params.roundId, { confirmUnanswered: parsed.data.confirmUnanswered }, mailContextOf(context, request))
  if (!result.ok) return data({ errors: { form: [`report.errors.${result.reason}`] } }, { status: STATUS[result.reason] })
  return redirect(`/rounds/${params.roundId}/report?published=1`)
}

type LoaderData = Route.ComponentProps['loaderData']

export default function RoundReportPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const errors = useActionData<typeof action>()?.errors
  const d = loaderData
  const words = reportVocabulary(d.locale as Locale)
  const f = words.facts
  const stage = words.stages[d.act.stage as keyof ReportVocabulary['stages']] ?? d.act.stage
  return (
    <div className="page report">
      <title>{`${words.title} · ${d.act.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/rounds/${d.roundId}`}>{d.round.title}</Link>
      </p>
      <h1>{words.title}</h1>
      <p className="lead">{d.act.title}</p>

      {d.published && <Notice><p>{t('report.publishedNow')}</p></Notice>}
      {d.audience === 'staff' ? (
        <div className="alert" role="note">
          <p>{t('report.staffNotice')}</p>
        </div>
      ) : (
        <p className="muted">{t('report.publishedOn', { date: d.round.reportPublishedAt ?? '' })}</p>
      )}

      {d.can.publish && <PublishPanel data={d} errors={errors} />}

      <section aria-labelledby="report-facts">
        <h2 id="report-facts">{f.heading}</h2>
        <dl className="report-facts">
          <dt>{f.act}</dt>
          <dd>{d.act.title}</dd>
          <dt>{f.version}</dt>
          <dd>{`${d.act.version.seq}. ${d.act.version.name}`}</dd>
          <dt>{f.stage}</dt>
          <dd>{stage}</dd>
          <dt>{f.institution}</dt>
          <dd>{d.act.institution}</dd>
          <dt>{f.period}</dt>
          <dd>{d.round.period}</dd>
          <dt>{f.duration}</dt>
          <dd>{words.days(d.round.days)}</dd>
          {(d.round.shortPeriodReason || d.round.days < d.round.minimumDays) && (
            <>
              <dt>{f.minimumDays}</dt>
              <dd>{words.days(d.round.minimumDays)}</dd>
            </>
          )}
          {d.round.shortPeriodReason && (
            <>
              <dt>{f.shortPeriodReason}</dt>
              <dd>{d.round.shortPeriodReason}</dd>
            </>
          )}
          {d.round.methods.length > 0 && (
            <>
              <dt>{f.methods}</dt>
              <dd>{d.round.methods.map((m) => words.methods[m]).join('; ')}</dd>
            </>
          )}
          {d.round.hearings.length > 0 && (
            <>
              <dt>{f.hearings}</dt>
              <dd>
                <ul className="report-facts__list">
                  {d.round.hearings.map((h, i) => (
                    <li key={i}>{[h.when, h.place, h.agenda].filter(Boolean).join(', ')}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {d.round.contactName && (
            <>
              <dt>{f.contact}</dt>
              <dd>{d.round.contactName}</dd>
            </>
          )}
          <dt>{f.published}</dt>
          <dd>{d.round.reportPublishedAt ?? f.notYetPublished}</dd>
        </dl>
      </section>

      <section aria-labelledby="report-figures" className="report-figures">
        <h2 id="report-figures">{words.counts.heading}</h2>
        <div className="report-figures__tables">
          <div className="table-scroll">
          <table className="data-table">
            <caption>{words.participants.heading}</caption>
            <thead>
              <tr>
                <th scope="col">{words.participants.category}</th>
                <th scope="col">{words.participants.participants}</th>
                <th scope="col">{words.participants.comments}</th>
              </tr>
            </thead>
            <tbody>
              {d.participants.map((p) => (
                <tr key={p.category}>
                  <th scope="row">{words.categories[p.category]}</th>
                  <td>{p.participants}</td>
                  <td>{p.comments}</td>
                </tr>
              ))}
              <tr>
                <th scope="row">{words.participants.total}</th>
                <td>{d.counts.participants}</td>
                <td>{d.counts.received}</td>
              </tr>
            </tbody>
          </table>
          </div>
          <div className="table-scroll">
          <table className="data-table">
            <caption>{words.counts.status}</caption>
            <tbody>
              <tr>
                <th scope="row">{words.counts.received}</th>
                <td>{d.counts.received}</td>
              </tr>
              <tr className="report-figures__part">
                <th scope="row">{words.counts.published}</th>
                <td>{d.counts.published}</td>
              </tr>
              <tr className="report-figures__part">
                <th scope="row">{words.counts.notPublished}</th>
                <td>{d.counts.notPublished}</td>
              </tr>
              <tr>
                <th scope="row">{words.counts.withdrawn}</th>
                <td>{d.counts.withdrawn}</td>
              </tr>
              <tr>
                <th scope="row">{words.counts.groups}</th>
                <td>{d.counts.groups}</td>
              </tr>
            </tbody>
            <tbody>
              <tr>
                <th scope="rowgroup" colSpan={2} className="report-figures__group">{words.charts.perStatus}</th>
              </tr>
              {(Object.keys(d.counts.byStatus) as ReportStatus[]).map((s) => (
                <tr key={s} className="report-figures__part">
                  <th scope="row">{words.statuses[s]}</th>
                  <td>{d.counts.byStatus[s]}</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
        </div>
        <ReportCharts charts={d.charts} />
      </section>

      {d.can.export && <ExportPanel data={d} />}

      <section aria-labelledby="report-comments">
        <h2 id="report-comments">{words.comments.heading}</h2>
        {d.shownRows < d.rowCount && <p className="muted">{t('report.moreRows', { shown: d.shownRows, total: d.rowCount })}</p>}
        {d.sections.map((s) => (
          <ReportSectionView key={s.articleId ?? s.kind} section={s} words={words} />
        ))}
      </section>
    </div>
  )
}

function sectionTitle(section: LoaderData['sections'][number], words: ReportVocabulary): string {
  if (section.kind === 'general') return words.comments.general
  if (section.kind === 'memorandum') return words.comments.memorandum
  return section.heading ? `${section.label} (${section.heading})` : (section.label ?? '')
}

function ReportSectionView({ section, words }: { section: LoaderData['sections'][number]; words: ReportVocabulary }) {
  const id = section.articleId ? `clan-${section.articleId}` : section.kind
  return (
    <section aria-labelledby={`report-${id}`} className="report-section">
      <h3 id={`report-${id}`}>{sectionTitle(section, words)}</h3>
      {section.total === 0 ? (
        <p className="muted">{words.comments.none}</p>
      ) : (
        <div className="table-scroll">
        <table className="data-table report-table">
          <thead>
            <tr>
              <th scope="col">{words.columns.no}</th>
              <th scope="col">{words.columns.unit}</th>
              <th scope="col">{words.columns.author}</th>
              <th scope="col">{words.columns.comment}</th>
              <th scope="col">{words.columns.status}</th>
              <th scope="col">{words.columns.reasoning}</th>
            </tr>
          </thead>
          <tbody>
            {section.rows.map((row) => (
              <tr key={row.commentId} id={`komentar-${row.commentId}`} className={row.visibility === 'published' ? undefined : 'report-table__hidden'}>
                <td>{row.no}</td>
                <td>{row.unit ?? words.wholeDraft}</td>
                <td>
                  <p className="report-table__author">{row.author ?? words.anonymous}</p>
                  <p className="muted">{`${words.categories[row.category]} · ${row.date}`}</p>
                  {row.group && (
                    <>
                      <p className="report-table__group">{words.group(row.group.count)}</p>
                      <p className="muted">{`${words.columns.signers}: ${row.group.signers}`}</p>
                    </>
                  )}
                  {row.visibility !== 'published' && <p className="report-table__mark">{words.visibility[row.visibility]}</p>}
                </td>
                <td>
                  <p className="report-table__text">{row.body}</p>
                  {row.proposedWording && (
                    <div className="comment__proposal">
                      <p className="comment__proposal-label">{words.columns.proposedWording}</p>
                      <blockquote className="comment__proposal-text">{row.proposedWording}</blockquote>
                    </div>
                  )}
                </td>
                <td>
                  <span className={`badge badge--answer-${row.status}`}>{words.statuses[row.status as ReportStatus]}</span>
                  {row.answerDraft && <p className="muted">{words.answerDraft}</p>}
                </td>
                <td className="report-table__text">{row.reasoning}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  )
}

function PublishPanel({ data: d, errors }: { data: LoaderData; errors?: Partial<Record<string, string[]>> }) {
  const { t } = useTranslation()
  const words = reportVocabulary(d.locale as Locale)
  const count = d.unanswered.reduce((n, u) => n + u.count, 0)
  return (
    <section className="panel report-publish" aria-labelledby="report-publish">
      <h2 id="report-publish">{t('report.publish.title')}</h2>
      <p>{t('report.publish.intro')}</p>
      <FormErrors errors={errors} />
      {d.unanswered.length > 0 && (
        <div className="alert alert--error" role="alert">
          <p>{t('report.publish.unanswered', { count })}</p>
          <ul className="report-unanswered">
            {d.unanswered.map((u) => (
              <li key={u.commentId}>
                <Link to={`/rounds/${d.roundId}/answers/${u.commentId}`}>
                  {`${u.no}. ${u.unit ?? (u.section === 'memorandum' ? words.comments.memorandum : words.wholeDraft)}`}
                </Link>
                {` · ${u.author ?? words.anonymous}`}
                {u.count > 1 && ` · ${words.group(u.count)}`}
                {u.draftAnswer && ` · ${t('report.publish.draftAnswer')}`}
                <span className="report-unanswered__excerpt">{u.excerpt}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <Form method="post" className="stack">
        <CsrfField />
        <input type="hidden" name="intent" value="publish" />
        {d.unanswered.length > 0 && (
          <div className="checkbox">
            <input type="checkbox" id="field-confirmUnanswered" name="confirmUnanswered" required />
            <label htmlFor="field-confirmUnanswered">{t('report.publish.confirm', { count })}</label>
          </div>
        )}
        <div className="button-row">
          <button type="submit" className="button">{t('report.publish.submit')}</button>
        </div>
      </Form>
    </section>
  )
}

function ExportPanel({ data: d }: { data: LoaderData }) {
  const { t } = useTranslation()
  return (
    <section className="panel report-exports" aria-labelledby="report-exports">
      <h2 id="report-exports">{t('report.exports.title')}</h2>
      <ul className="report-exports__links">
        {REPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={`/rounds/${d.roundId}/report.${format}`}>{t(`report.exports.format.${format}`, { ext: `.${format}` })}</a>
          </li>
        ))}
      </ul>
      {d.audience === 'public' && (
        <p className="muted">
          <a href="/open-data/report.schema.json">{t('report.exports.schema')}</a>
        </p>
      )}
      <Form method="post" action={`/rounds/${d.roundId}/report/export`} className="report-exports__form">
        <CsrfField />
        <div className="field">
          <label htmlFor="export-format">{t('report.exports.formatLabel')}</label>
          <select id="export-format" name="format" defaultValue="docx">
            {REPORT_FORMATS.map((format) => (
              <option key={format} value={format}>{t(`report.exports.format.${format}`, { ext: `.${format}` })}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="export-lang">{t('report.exports.language')}</label>
          <select id="export-lang" name="lang" defaultValue={d.locale}>
            {LOCALES.map((l) => (
              <option key={l} value={l}>{LOCALE_NAMES[l]}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">{t('report.exports.background')}</button>
      </Form>
    </section>
  )
}
