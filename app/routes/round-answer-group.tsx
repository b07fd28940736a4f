import { Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/round-answer-group'
import { AnswerInput } from '../../consultation/answer-inputs.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { invalid, parseForm } from '../.server/forms.ts'
import { mailContextOf, servicesOf } from '../.server/route-helpers.ts'
import { Pager } from '../components/admin.tsx'
import { AnswerForm, AnswerStatusBadge, AnsweringNav, ArticleTexts, AuthorText, TallyLine, TemplatePicker, useUnitText } from '../components/answers.tsx'
import { FormErrors, Notice, type FieldErrors } from '../components/forms.tsx'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { notShown, refused } from './answer-problems.ts'

// One answer to a whole campaign group: the group's text, every member listed (each keeps
// its own answer, so each author finds it under their comment), and the answer form.

const Query = z.object({
  template: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
  done: z.enum(['drafted', 'published']).optional().catch(undefined),
  answered: z.coerce.number().int().min(0).optional().catch(undefined),
  skipped: z.coerce.number().int().min(0).optional().catch(undefined),
  lng: z.string().optional(),
})

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const query = Query.parse(Object.fromEntries(new URL(request.url).searchParams))
  const result = await servicesOf(context).answers.group(actor, params.roundId, params.groupKey, query.page ?? 1)
  if (!result.ok) notShown(result.reason)
  const g = result.value
  const template = query.template ? g.templates.find((tpl) => tpl.id === query.template) ?? null : null
  return {
    locale: context.get(requestContext).locale,
    done: query.done ? { kind: query.done, answered: query.answered ?? 0, skipped: query.skipped ?? 0 } : null,
    round: g.round,
    draft: g.draft,
    version: g.version,
    groupKey: g.groupKey,
    first: { unit: g.first.unit, body: g.first.body, proposedWording: g.first.proposedWording },
    texts: g.texts,
    size: g.size,
    tally: g.tally,
    page: g.page,
    pageCount: g.pageCount,
    members: g.members.map((m) => ({
      id: m.id, createdAt: m.createdAt.toISOString(), author: m.author, category: m.category, body: m.body, status: m.status, published: m.published,
    })),
    defaults: template ? { status: template.status, reasoning: template.reasoning } : { status: g.common?.status ?? '', reasoning: g.common?.reasoning ?? '' },
    templateId: template?.id ?? null,
    templates: g.templates.map((tpl) => ({ id: tpl.id, title: tpl.title })),
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const parsed = await parseForm(request, AnswerInput)
  if (!parsed.ok) return invalid(parsed.errors)
  const result = await servicesOf(context).answers.answerGroup(actor, params.roundId, params.groupKey, parsed.data, mailContextOf(context, request))
  if (!result.ok) return refused(result.reason)
  const done = parsed.data.intent === 'publish' ? 'published' : 'drafted'
  return redirect(`${new URL(request.url).pathname}?done=${done}&answered=${result.value.answered}&skipped=${result.value.skipped}`)
}

export default function RoundAnswerGroupPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const errors = useActionData<typeof action>()?.errors as FieldErrors | undefined
  const unitText = useUnitText()
  const { round, draft, version, groupKey, first, texts, size, tally, members, page, pageCount, defaults, templateId, templates, done, locale } = loaderData
  const heading = t('answers.group.title', { count: size })
  const base = `/rounds/${round.id}`
  return (
    <div className="page">
      <title>{`${heading} · ${draft.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.slug}`}>{draft.title}</Link> · <Link to={`${base}/answers`}>{t('answers.list.title')}</Link>
      </p>
      <header className="page-header">
        <h1>{heading}</h1>
        <p className="lead">{t('answers.group.intro')}</p>
        <AnsweringNav roundId={round.id} />
        <TallyLine tally={tally} />
      </header>
      {done && (
        <Notice>
          <p>{t(`answers.group.done.${done.kind}`, { count: done.answered })}</p>
          {done.skipped > 0 && <p>{t('answers.group.skipped', { count: done.skipped })}</p>}
        </Notice>
      )}
      <FormErrors errors={errors} />

      <section className="panel" aria-labelledby="group-text-title">
        <h2 id="group-text-title">{t('answers.group.text', { unit: unitText(first.unit) })}</h2>
        <p className="comment__body">{first.body}</p>
        {first.proposedWording && (
          <div className="comment__proposal">
            <p className="comment__proposal-label">{t('comment.proposedWording')}</p>
            <blockquote className="comment__proposal-text">{first.proposedWording}</blockquote>
          </div>
        )}
      </section>

      {texts && <ArticleTexts texts={texts} consultedName={version.name} />}

      <section className="panel" aria-labelledby="group-answer-title">
        <h2 id="group-answer-title">{t('answers.group.answerTitle', { count: size })}</h2>
        <TemplatePicker templates={templates} chosen={templateId} manageHref={`${base}/templates`} />
        <AnswerForm
          key={templateId ?? 'common'}
          defaults={defaults}
          errors={errors && { status: errors.status, reasoning: errors.reasoning }}
          published={false}
          submitLabel={t('answers.group.publishAll', { count: size })}
        />
      </section>

      <section aria-labelledby="group-members-title">
        <h2 id="group-members-title">{t('answers.group.members', { count: size })}</h2>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('answers.group.author')}</th>
              <th scope="col">{t('answers.group.sent')}</th>
              <th scope="col">{t('answers.list.comment')}</th>
              <th scope="col">{t('answers.list.status')}</th>
            </tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <tr key={m.id}>
                <td>
                  <AuthorText author={m.author} category={m.category} />
                </td>
                <td>
                  <Link to={`${base}/answers/${m.id}`}>
                    <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale as Locale)}</time>
                  </Link>
                </td>
                <td className="comment__body">{m.body}</td>
                <td>
                  <AnswerStatusBadge status={m.status} published={m.published} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Pager page={page} pageCount={pageCount} />
        <p>
          <Link to={`${base}/answers?group=${encodeURIComponent(groupKey)}`}>{t('answers.group.filter')}</Link>
        </p>
      </section>
    </div>
  )
}
