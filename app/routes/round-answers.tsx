import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/round-answers'
import { AnswerFilters, Assignment, AUTHOR_CATEGORIES, CommentSelection } from '../../consultation/answer-inputs.ts'
import { COMMENT_ANSWER_STATUSES } from '../../consultation/response-rules.ts'
import type { QueueComment } from '../../consultation/answer-workspace.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { mailContextOf, servicesOf } from '../.server/route-helpers.ts'
import { Pager, SelectField } from '../components/admin.tsx'
import { AnswerStatusBadge, AnsweringNav, AuthorText, TallyLine, useUnitText } from '../components/answers.tsx'
import { CsrfField, FormErrors, Notice, type FieldErrors } from '../components/forms.tsx'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { notShown, refused } from './answer-problems.ts'

// The comments of a round for the people who answer them: filters, campaign groups as one
// row each, and the selected comments assigned to a person or their draft answers
// published. Plain forms: the page works without JavaScript.

const DONE = ['assigned', 'unassigned', 'published'] as const
const Query = AnswerFilters.extend({
  done: z.enum(DONE).optional().catch(undefined),
  count: z.coerce.number().int().min(0).optional().catch(undefined),
  lng: z.string().optional(),
})

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const { done, count, lng: _lng, ...filters } = query.data
  const result = await servicesOf(context).answers.queue(actor, params.roundId, filters)
  if (!result.ok) notShown(result.reason)
  const q = result.value
  const present = (c: QueueComment) => ({
    id: c.id,
    createdAt: c.createdAt.toISOString(),
    author: c.author,
    category: c.category,
    unit: c.unit,
    body: c.body,
    status: c.status,
    published: c.published,
    assignee: c.assignee,
  })
  return {
    locale: context.get(requestContext).locale,
    done: done ? { kind: done, count: count ?? 0 } : null,
    me: actor.userId,
    round: q.round,
    draft: q.draft,
    filters,
    articles: q.articles,
    assignees: q.assignees,
    overall: q.overall,
    matching: q.matching,
    page: q.page,
    pageCount: q.pageCount,
    entries: q.entries.map((e) =>
      e.kind === 'comment'
        ? { kind: 'comment' as const, key: e.comment.id, comment: present(e.comment) }
        : {
            kind: 'group' as const,
            key: e.groupKey,
            groupKey: e.groupKey,
            matching: e.matching,
            size: e.size,
            first: present(e.first),
            members: e.members.map(present),
            tally: e.tally,
          },
    ),
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return data({ errors: { form: ['errors.form.unreadable'] } as FieldErrors }, { status: 400 })
  }
  const selection = CommentSelection.safeParse({ commentIds: form.getAll('commentId'), groupKeys: form.getAll('groupKey') })
  if (!selection.success) {
    const none = selection.error.issues.some((i) => i.message === 'answers.errors.none-selected')
    return none ? refused('none-selected') : data({ errors: { form: ['errors.field.invalid'] } as FieldErrors }, { status: 400 })
  }
  const answers = servicesOf(context).answers
  const url = new URL(request.url)
  const back = (done: (typeof DONE)[number], count: number) => {
    url.searchParams.set('done', done)
    url.searchParams.set('count', String(count))
    return redirect(`${url.pathname}?${url.searchParams.toString()}`)
  }
  const intent = form.get('intent')
  if (intent === 'assign') {
    const assignment = Assignment.safeParse({ assigneeId: form.get('assigneeId') })
    if (!assignment.success) return data({ errors: { assigneeId: ['errors.field.invalid'] } as FieldErrors }, { status: 400 })
    const assigneeId = assignment.data.assigneeId ?? null
    const result = await answers.assignComments(actor, params.roundId, selection.data, assigneeId)
    if (!result.ok) return refused(result.reason)
    return back(assigneeId ? 'assigned' : 'unassigned', result.value.assigned)
  }
  if (intent === 'publish') {
    const result = await answers.publishAnswers(actor, params.roundId, selection.data, mailContextOf(context, request))
    if (!result.ok) return refused(result.reason)
    return back('published', result.value.published)
  }
  return data({ errors: { form: ['errors.form.unreadable'] } as FieldErrors }, { status: 400 })
}

type LoaderData = Route.ComponentProps['loaderData']
type Entry = LoaderData['entries'][number]

export default function RoundAnswersPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const errors = useActionData<typeof action>()?.errors
  const { round, draft, filters, articles, assignees, overall, matching, entries, page, pageCount, done, locale } = loaderData
  const base = `/rounds/${round.id}`
  return (
    <div className="page">
      <title>{`${t('answers.list.title')} · ${draft.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.slug}`}>{draft.title}</Link> · {round.title}
      </p>
      <header className="page-header">
        <h1>{t('answers.list.title')}</h1>
        <p className="lead">{t(`answers.publication.${round.answersPublication}`)}</p>
        <AnsweringNav roundId={round.id} />
        <TallyLine tally={overall} />
      </header>
      {done && (
        <Notice>
          <p>{t(`answers.list.done.${done.kind}`, { count: done.count })}</p>
        </Notice>
      )}

      <Form method="get" className="filters" aria-label={t('answers.filters.label')}>
        <SelectField
          name="status"
          label={t('answers.filters.status')}
          anyLabel={t('answers.filters.any')}
          defaultValue={filters.status}
          options={COMMENT_ANSWER_STATUSES.map((s) => ({ value: s, label: t(`answers.status.${s}`) }))}
        />
        <SelectField
          name="publication"
          label={t('answers.filters.publication')}
          anyLabel={t('answers.filters.any')}
          defaultValue={filters.publication}
          options={(['draft', 'published'] as const).map((p) => ({ value: p, label: t(`answers.filters.publications.${p}`) }))}
        />
        <SelectField
          name="article"
          label={t('answers.filters.article')}
          anyLabel={t('answers.filters.any')}
          defaultValue={filters.article}
          options={[
            { value: 'general', label: t('answers.unit.draft') },
            ...articles.map((a) => ({ value: a.id, label: a.heading ? `${a.label} (${a.heading})` : a.label })),
          ]}
        />
        <SelectField
          name="category"
          label={t('answers.filters.category')}
          anyLabel={t('answers.filters.any')}
          defaultValue={filters.category}
          options={AUTHOR_CATEGORIES.map((c) => ({ value: c, label: t(`answers.category.${c}`) }))}
        />
        <SelectField
          name="assignee"
          label={t('answers.filters.assignee')}
          anyLabel={t('answers.filters.any')}
          defaultValue={filters.assignee}
          options={[
            { value: 'me', label: t('answers.filters.me') },
            { value: 'none', label: t('answers.filters.nobody') },
            ...assignees.map((a) => ({ value: a.id, label: a.name })),
          ]}
        />
        {filters.group && <input type="hidden" name="group" value={filters.group} />}
        <button type="submit" className="button">{t('answers.filters.show')}</button>
      </Form>
      <p className="muted">
        {t('answers.list.count', { count: matching })}
        {filters.group && (
          <>
            {' · '}
            <Link to={`${base}/answers`}>{t('answers.list.allComments')}</Link>
          </>
        )}
      </p>

      {entries.length === 0 ? (
        <p className="empty">{t('answers.list.empty')}</p>
      ) : (
        <Form method="post" className="stack">
          <CsrfField />
          <FormErrors errors={errors} />
          <div className="table-scroll">
          <table className="data-table answers-table">
            <caption className="answers-table__caption">{t('answers.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('answers.list.select')}</th>
                <th scope="col">{t('answers.list.comment')}</th>
                <th scope="col">{t('answers.list.status')}</th>
                <th scope="col">{t('answers.list.assignee')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => <EntryRow key={e.key} entry={e} roundId={round.id} locale={locale as Locale} />)}
            </tbody>
          </table>
          </div>
          <fieldset className="panel answers-bulk">
            <legend>{t('answers.bulk.title')}</legend>
            <div className="filters">
              <div className={`field${errors?.assigneeId ? ' field--invalid' : ''}`}>
                <label htmlFor="field-assigneeId">{t('answers.bulk.assignee')}</label>
                <select id="field-assigneeId" name="assigneeId" defaultValue="">
                  <option value="">{t('answers.bulk.nobody')}</option>
                  {assignees.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
                </select>
              </div>
              <button type="submit" name="intent" value="assign" className="button button--secondary">{t('answers.bulk.assign')}</button>
              <button type="submit" name="intent" value="publish" className="button">{t('answers.bulk.publish')}</button>
            </div>
          </fieldset>
        </Form>
      )}
      <Pager page={page} pageCount={pageCount} />
    </div>
  )
}

/** One row: a comment, or a campaign group with its first members. */
function EntryRow({ entry, roundId, locale }: { entry: Entry; roundId: string; locale: Locale }) {
  const { t } = useTranslation()
  const unitText = useUnitText()
  if (entry.kind === 'comment') {
    const c = entry.comment
    const label = t('answers.list.selectComment', { unit: unitText(c.unit), date: formatDateTime(c.createdAt, locale) })
    return (
      <tr id={`komentar-${c.id}`}>
        <td>
          <input type="checkbox" name="commentId" value={c.id} aria-label={label} />
        </td>
        <td>
          <p className="comment__meta">
            <span className="comment__unit">{unitText(c.unit)}</span>
            {' · '}
            <AuthorText author={c.author} category={c.category} />
            {' · '}
            <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, locale)}</time>
          </p>
          <p className="comment__body">{c.body}</p>
          <p>
            <Link to={`/rounds/${roundId}/answers/${c.id}`}>{t(c.status === 'unanswered' ? 'answers.list.answer' : 'answers.list.open', { unit: unitText(c.unit) })}</Link>
          </p>
        </td>
        <td>
          <AnswerStatusBadge status={c.status} published={c.published} />
        </td>
        <td>{c.assignee ? c.assignee.name : <span className="muted">{t('answers.list.nobody')}</span>}</td>
      </tr>
    )
  }
  const groupHref = `/rounds/${roundId}/answers/group/${entry.groupKey}`
  return (
    <tr id={`grupa-${entry.groupKey}`} className="answers-table__group">
      <td>
        <input type="checkbox" name="groupKey" value={entry.groupKey} aria-label={t('answers.list.selectGroup', { count: entry.size })} />
      </td>
      <td>
        <p className="comment__meta">
          <span className="badge badge--campaign">{t('answers.group.badge', { count: entry.size })}</span>
          {' · '}
          <span className="comment__unit">{unitText(entry.first.unit)}</span>
          {entry.matching !== entry.size && (
            <>
              {' · '}
              {t('answers.group.matching', { count: entry.matching })}
            </>
          )}
        </p>
        <p className="comment__body">{entry.first.body}</p>
        <details>
          <summary>{t('answers.group.members', { count: entry.size })}</summary>
          <ul>
            {entry.members.map((m) => (
              <li key={m.id}>
                <Link to={`/rounds/${roundId}/answers/${m.id}`}>
                  {m.author.kind === 'anonymous' ? t('comment.anonymous') : m.author.name}
                </Link>{' '}
                <span className="muted">{formatDateTime(m.createdAt, locale)}</span>{' '}
                <AnswerStatusBadge status={m.status} published={m.published} />
              </li>
            ))}
          </ul>
          {entry.size > entry.members.length && (
            <p>
              <Link to={groupHref}>{t('answers.group.allMembers', { count: entry.size })}</Link>
            </p>
          )}
        </details>
        <p>
          <Link to={groupHref} className="button button--small">{t('answers.group.answerAll', { count: entry.size })}</Link>
        </p>
      </td>
      <td>
        <TallyLine tally={entry.tally} />
      </td>
      <td>
        <Link to={`/rounds/${roundId}/answers?group=${encodeURIComponent(entry.groupKey)}`}>{t('answers.group.filter')}</Link>
      </td>
    </tr>
  )
}
