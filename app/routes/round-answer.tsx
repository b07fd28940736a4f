import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/round-answer'
import { AnswerInput, Assignment, ChangeLinkInput } from '../../consultation/answer-inputs.ts'
import { canLinkChange } from '../../consultation/response-rules.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { invalid, parseForm, peekForm } from '../.server/forms.ts'
import { mailContextOf, servicesOf } from '../.server/route-helpers.ts'
import {
  AnswerForm, AnswerStatusBadge, AnsweringNav, ArticleTexts, AuthorText, ChangeLink, TemplatePicker, useUnitText,
} from '../components/answers.tsx'
import { CsrfField, FormErrors, Notice, type FieldErrors } from '../components/forms.tsx'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { notShown, refused } from './answer-problems.ts'
import { AttachmentList } from '../components/attachments.tsx'

// Answering one comment: the comment, the article as consulted and as it reads now, the
// other comments on the article, the answer form (from a template if wanted), the change
// the comment led to, and who answers it.

const DONE = ['drafted', 'published', 'linked', 'unlinked', 'assigned', 'unassigned'] as const
const Query = z.object({
  template: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined),
  done: z.enum(DONE).optional().catch(undefined),
  lng: z.string().optional(),
})

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams))
  const result = await servicesOf(context).answers.workspace(actor, params.roundId, params.commentId)
  if (!result.ok) notShown(result.reason)
  const w = result.value
  const template = query.template ? w.templates.find((tpl) => tpl.id === query.template) ?? null : null
  const present = (c: (typeof w.others)[number]) => ({
    id: c.id, createdAt: c.createdAt.toISOString(), author: c.author, category: c.category, unit: c.unit, body: c.body,
    status: c.status, published: c.published,
  })
  return {
    locale: context.get(requestContext).locale,
    done: query.done ?? null,
    round: w.round,
    draft: w.draft,
    version: w.version,
    comment: {
      ...present(w.comment),
      proposedWording: w.comment.proposedWording,
      channel: w.comment.channel,
      attachments: w.comment.attachments.filter((a) => a.kind === 'attachment').map(({ id, filename, size }) => ({ id, filename, size })),
      letters: w.comment.attachments.filter((a) => a.kind === 'letter').map(({ id, filename, size }) => ({ id, filename, size })),
      groupKey: w.comment.groupKey,
      groupSize: w.comment.groupSize,
      assigneeId: w.comment.assignee?.id ?? null,
    },
    texts: w.texts,
    answer: w.answer && {
      status: w.answer.status,
      reasoning: w.answer.reasoning,
      publishedAt: w.answer.publishedAt?.toISOString() ?? null,
      public: w.answer.public,
      change: w.answer.change,
    },
    // A template chosen on this page fills the form; else the saved answer does.
    defaults: template ? { status: template.status, reasoning: template.reasoning } : { status: w.answer?.status ?? '', reasoning: w.answer?.reasoning ?? '' },
    templateId: template?.id ?? null,
    templates: w.templates.map((tpl) => ({ id: tpl.id, title: tpl.title })),
    others: w.others.map(present),
    othersTotal: w.othersTotal,
    laterVersions: w.laterVersions,
    assignees: w.assignees,
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const answers = servicesOf(context).answers
  const intent = (await peekForm(request))?.get('intent')
  const url = new URL(request.url)
  const back = (done: (typeof DONE)[number], anchor = '') => redirect(`${url.pathname}?done=${done}${anchor}`)
  if (intent === 'draft' || intent === 'publish') {
    const parsed = await parseForm(request, AnswerInput)
    if (!parsed.ok) return invalid(parsed.errors)
    const result = await answers.saveAnswer(actor, params.roundId, params.commentId, parsed.data, mailContextOf(context, request))
    if (!result.ok) return refused(result.reason)
    return back(result.value.published ? 'published' : 'drafted')
  }
  if (intent === 'link-change' || intent === 'unlink-change') {
    const parsed = await parseForm(request, ChangeLinkInput)
    if (!parsed.ok) return invalid(parsed.errors)
    const versionSeq = intent === 'unlink-change' ? null : parsed.data.versionSeq ?? null
    if (intent === 'link-change' && versionSeq === null) return invalid({ versionSeq: ['errors.field.choose'] })
    const result = await answers.linkChange(actor, params.roundId, params.commentId, versionSeq)
    if (!result.ok) return refused(result.reason)
    return back(versionSeq === null ? 'unlinked' : 'linked', '#promjena')
  }
  if (intent === 'assign') {
    const parsed = await parseForm(request, Assignment)
    if (!parsed.ok) return invalid(parsed.errors)
    const assigneeId = parsed.data.assigneeId ?? null
    const result = await answers.assignComments(actor, params.roundId, { commentIds: [params.commentId], groupKeys: [] }, assigneeId)
    if (!result.ok) return refused(result.reason)
    return back(assigneeId ? 'assigned' : 'unassigned')
  }
  return data({ errors: { form: ['errors.form.unreadable'] } as FieldErrors }, { status: 400 })
}

export default function RoundAnswerPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const errors = useActionData<typeof action>()?.errors as FieldErrors | undefined
  const unitText = useUnitText()
  const { round, draft, version, comment, texts, answer, defaults, templates, templateId, others, othersTotal, laterVersions, assignees, done, locale } = loaderData
  const unit = unitText(comment.unit)
  const heading = t('answers.one.title', { unit })
  const base = `/rounds/${round.id}`
  return (
    <div className="page">
      <title>{`${heading} · ${draft.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.slug}`}>{draft.title}</Link> · <Link to={`${base}/answers`}>{t('answers.list.title')}</Link>
      </p>
      <header className="page-header">
        <h1>{heading}</h1>
        <AnsweringNav roundId={round.id} />
      </header>
      {done && (
        <Notice>
          <p>{t(`answers.one.done.${done}`)}</p>
        </Notice>
      )}
      <FormErrors errors={errors} />

      <section className="panel" aria-labelledby="answer-comment-title">
        <h2 id="answer-comment-title">{t('answers.one.comment')}</h2>
        <p className="comment__meta">
          <AuthorText author={comment.author} category={comment.category} />
          {' · '}
          <time dateTime={comment.createdAt}>{formatDateTime(comment.createdAt, locale as Locale)}</time>
          {comment.channel !== 'online' && (
            <>
              {' · '}
              {t(`comment.channel.${comment.channel}`)}
            </>
          )}
          {' · '}
          <AnswerStatusBadge status={comment.status} published={comment.published} />
        </p>
        <p className="comment__body">{comment.body}</p>
        {comment.proposedWording && (
          <div className="comment__proposal">
            <p className="comment__proposal-label">{t('comment.proposedWording')}</p>
            <blockquote className="comment__proposal-text">{comment.proposedWording}</blockquote>
          </div>
        )}
        <AttachmentList attachments={comment.attachments} letters={comment.letters} locale={locale as Locale} />
        {comment.groupKey && comment.groupSize > 1 && (
          <p>
            {t('answers.one.inGroup', { count: comment.groupSize })}{' '}
            <Link to={`${base}/answers/group/${comment.groupKey}`}>{t('answers.group.answerAll', { count: comment.groupSize })}</Link>
          </p>
        )}
      </section>

      {texts && <ArticleTexts texts={texts} consultedName={version.name} />}

      <section className="panel" aria-labelledby="answer-form-title">
        <h2 id="answer-form-title">{t('answers.one.answer')}</h2>
        {answer && (
          <p className="muted">
            {answer.publishedAt
              ? t(answer.public ? 'answers.one.publicSince' : 'answers.one.publishedHeld', { date: formatDateTime(answer.publishedAt, locale as Locale) })
              : t('answers.one.draftSaved')}
          </p>
        )}
        <TemplatePicker templates={templates} chosen={templateId} manageHref={`${base}/templates`} />
        <AnswerForm key={templateId ?? 'saved'} defaults={defaults} errors={errors && { status: errors.status, reasoning: errors.reasoning }} published={answer?.publishedAt != null} />
      </section>

      {answer && canLinkChange(answer.status) && (
        <section className="panel" id="promjena" aria-labelledby="answer-change-title">
          <h2 id="answer-change-title">{t('answers.change.title')}</h2>
          {answer.change ? (
            <>
              <ChangeLink change={answer.change} />
              <Form method="post">
                <CsrfField />
                <button type="submit" name="intent" value="unlink-change" className="button button--small button--secondary">{t('answers.change.unlink')}</button>
              </Form>
            </>
          ) : laterVersions.length === 0 ? (
            <p className="muted">{t('answers.change.noLaterVersion')}</p>
          ) : (
            <Form method="post" className="filters">
              <CsrfField />
              <div className={`field${errors?.versionSeq ? ' field--invalid' : ''}`}>
                <label htmlFor="field-versionSeq">{t('answers.change.version')}</label>
                <select id="field-versionSeq" name="versionSeq" defaultValue={String(laterVersions.at(-1)!.seq)}>
                  {laterVersions.map((v) => <option key={v.seq} value={v.seq}>{v.name}</option>)}
                </select>
              </div>
              <button type="submit" name="intent" value="link-change" className="button button--secondary">{t('answers.change.link')}</button>
            </Form>
          )}
        </section>
      )}

      <section className="panel" aria-labelledby="answer-assign-title">
        <h2 id="answer-assign-title">{t('answers.one.assignTitle')}</h2>
        <Form method="post" className="filters">
          <CsrfField />
          <div className="field">
            <label htmlFor="field-assignee-one">{t('answers.bulk.assignee')}</label>
            <select id="field-assignee-one" name="assigneeId" defaultValue={comment.assigneeId ?? ''}>
              <option value="">{t('answers.bulk.nobody')}</option>
              {assignees.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          </div>
          <button type="submit" name="intent" value="assign" className="button button--secondary">{t('answers.one.assign')}</button>
        </Form>
      </section>

      {texts && (
        <section className="panel" aria-labelledby="answer-others-title">
          <h2 id="answer-others-title">{t('answers.one.others', { count: othersTotal, article: texts.article.label })}</h2>
          {others.length === 0 ? (
            <p className="muted">{t('answers.one.noOthers')}</p>
          ) : (
            <ol className="comment-list">
              {others.map((o) => (
                <li key={o.id} className="comment">
                  <p className="comment__meta">
                    <span className="comment__unit">{unitText(o.unit)}</span>
                    {' · '}
                    <AuthorText author={o.author} category={o.category} />
                    {' · '}
                    <AnswerStatusBadge status={o.status} published={o.published} />
                  </p>
                  <p className="comment__body">{o.body}</p>
                  <p>
                    <Link to={`${base}/answers/${o.id}`}>{t('answers.list.open', { unit: unitText(o.unit) })}</Link>
                  </p>
                </li>
              ))}
            </ol>
          )}
          {othersTotal > others.length && (
            <p>
              <Link to={`${base}/answers?article=${encodeURIComponent(comment.unit.articleNodeId ?? '')}`}>{t('answers.one.allOthers', { count: othersTotal })}</Link>
            </p>
          )}
        </section>
      )}
    </div>
  )
}
