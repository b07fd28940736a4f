import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import type { Route } from './+types/round-moderation'
import { ModerationAct, QUEUE_VIEWS, QueueQuery } from '../../consultation/moderation-inputs.ts'
import { HIDE_REASONS, MAX_REPORT_THRESHOLD, MODERATOR_HIDE_REASONS } from '../../consultation/moderation-rules.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { invalid, parseForm } from '../.server/forms.ts'
import { mailContextOf, servicesOf } from '../.server/route-helpers.ts'
import { Pager, SelectField } from '../components/admin.tsx'
import { useUnitLabel } from '../components/comments.tsx'
import { CsrfField, FormErrors, Notice, type FieldErrors } from '../components/forms.tsx'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'
import { AttachmentList } from '../components/attachments.tsx'

// The moderators' queue of a round: what waits (pending, reported) first, then the rest;
// approve, hide with a reason, redact a passage, unhide; and the round's moderation mode.
// Every button is a plain form: the page works without JavaScript.

const DONE = ['approved', 'hidden', 'unhidden', 'redacted', 'settings'] as const
const Page = QueueQuery.extend({ done: z.enum(DONE).optional().catch(undefined), lng: z.string().optional() })

const STATUS = { 'not-found': 404, forbidden: 403, 'not-hidden': 409, 'not-a-redaction': 400 } as const

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const query = Page.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  const result = await servicesOf(context).moderation.queue(actor, params.roundId, { view: query.data.view, page: query.data.page })
  if (!result.ok) throw data({ reason: result.reason }, { status: result.reason === 'forbidden' ? 403 : 404 })
  const q = result.value
  return {
    locale: context.get(requestContext).locale,
    done: query.data.done ?? null,
    round: { id: q.round.id, title: q.round.title, moderationMode: q.round.moderationMode, reportThreshold: q.round.reportThreshold },
    draft: { slug: q.round.draft.slug, title: q.round.draft.title },
    view: q.view,
    summary: q.summary,
    page: q.page,
    pageCount: q.pageCount,
    total: q.total,
    comments: q.comments.map((c) => ({
      id: c.id,
      group: c.group,
      status: c.status,
      hiddenReason: c.hiddenReason,
      body: c.body,
      redactedBody: c.redactedBody,
      proposedWording: c.proposedWording,
      createdAt: c.createdAt.toISOString(),
      author: c.author,
      target: c.target,
      reportCount: c.reportCount,
      reportReasons: Object.entries(c.reportReasons).map(([reason, count]) => ({ reason, count: count ?? 0 })),
      moderatedAt: c.moderatedAt?.toISOString() ?? null,
      moderatedBy: c.moderatedBy,
      attachments: c.attachments.filter((a) => a.kind === 'attachment').map(({ id, filename, size }) => ({ id, filename, size })),
      letters: c.attachments.filter((a) => a.kind === 'letter').map(({ id, filename, size }) => ({ id, filename, size })),
    })),
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const parsed = await parseForm(request, ModerationAct)
  const commentId = parsed.form?.get('commentId')
  const about = typeof commentId === 'string' ? commentId : null
  if (!parsed.ok) return invalid({ ...parsed.errors, ...(about ? { commentId: [about] } : {}) })
  const moderation = servicesOf(context).moderation
  const act = parsed.data
  const mail = mailContextOf(context, request)
  let outcome: { ok: true } | { ok: false; reason: keyof typeof STATUS }
  if (act.intent === 'settings') {
    outcome = await moderation.setSettings(actor, params.roundId, { moderationMode: act.moderationMode, reportThreshold: act.reportThreshold })
  } else {
    const ref = { roundId: params.roundId, commentId: act.commentId }
    outcome =
      act.intent === 'approve' ? await moderation.approve(actor, ref)
      : act.intent === 'unhide' ? await moderation.unhide(actor, ref)
      : act.intent === 'hide' ? await moderation.hide(actor, ref, { reason: act.reason, note: act.note }, mail)
      : await moderation.redact(actor, ref, act.redactedText, mail)
  }
  if (!outcome.ok) {
    const errors: FieldErrors = { form: [`moderation.errors.${outcome.reason}`], ...(about ? { commentId: [about] } : {}) }
    return data({ errors, redactedText: act.intent === 'redact' ? act.redactedText : null }, { status: STATUS[outcome.reason] })
  }
  // Back to the same list and page, with a confirmation, at the comment just handled.
  const url = new URL(request.url)
  const next = new URLSearchParams()
  for (const key of ['view', 'page']) {
    const value = url.searchParams.get(key)
    if (value) next.set(key, value)
  }
  const done = { approve: 'approved', unhide: 'unhidden', hide: 'hidden', redact: 'redacted', settings: 'settings' }[act.intent]
  next.set('done', done)
  return redirect(`${url.pathname}?${next.toString()}${act.intent === 'settings' ? '#postavke' : `#komentar-${act.commentId}`}`)
}

type LoaderData = Route.ComponentProps['loaderData']
type QueueItem = LoaderData['comments'][number]
type ActionData = { errors?: FieldErrors; redactedText?: string | null } | undefined

export default function RoundModerationPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>() as ActionData
  const { round, draft, summary, comments, view, done, page, pageCount, total, locale } = loaderData
  const aboutComment = actionData?.errors?.commentId?.[0] ?? null
  const settingsErrors = actionData?.errors && !aboutComment ? actionData.errors : undefined
  return (
    <div className="page">
      <title>{`${t('moderation.title')} · ${draft.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.slug}`}>{draft.title}</Link> · {round.title}
      </p>
      <header className="page-header">
        <h1>{t('moderation.title')}</h1>
        <p className="lead">{t('moderation.intro')}</p>
      </header>
      {done && (
        <Notice>
          <p>{t(`moderation.done.${done}`)}</p>
        </Notice>
      )}

      <section className="panel" aria-labelledby="moderation-summary-title">
        <h2 id="moderation-summary-title">{t('moderation.summary.title')}</h2>
        <ul className="moderation-summary">
          <li>{t('moderation.summary.needsReview', { count: summary.needsReview })}</li>
          <li>{t('moderation.summary.pending', { count: summary.pending })}</li>
          <li>{t('moderation.summary.published', { count: summary.published })}</li>
          <li>{t('moderation.summary.redacted', { count: summary.redacted })}</li>
          <li>
            {t('moderation.summary.hidden', { count: summary.hidden.total })}
            {summary.hidden.total > 0 && (
              <ul>
                {HIDE_REASONS.filter((r) => summary.hidden.byReason[r] > 0).map((r) => (
                  <li key={r}>{t('moderation.summary.byReason', { reason: t(`moderation.reason.${r}`), count: summary.hidden.byReason[r] })}</li>
                ))}
              </ul>
            )}
          </li>
        </ul>
      </section>

      <section className="panel" id="postavke" aria-labelledby="moderation-settings-title">
        <h2 id="moderation-settings-title">{t('moderation.settings.title')}</h2>
        <Form method="post" className="stack" noValidate>
          <CsrfField />
          <FormErrors errors={settingsErrors} />
          <fieldset className="choice-group">
            <legend>{t('moderation.settings.mode')}</legend>
            {(['post', 'pre'] as const).map((mode) => (
              <div className="checkbox" key={mode}>
                <input type="radio" id={`moderation-mode-${mode}`} name="moderationMode" value={mode} defaultChecked={round.moderationMode === mode} />
                <label htmlFor={`moderation-mode-${mode}`}>{t(`moderation.settings.modes.${mode}`)}</label>
              </div>
            ))}
          </fieldset>
          <div className={`field${settingsErrors?.reportThreshold ? ' field--invalid' : ''}`}>
            <label htmlFor="moderation-threshold">{t('moderation.settings.threshold')}</label>
            <p className="field__hint" id="moderation-threshold-hint">{t('moderation.settings.thresholdHint')}</p>
            <input
              id="moderation-threshold"
              name="reportThreshold"
              type="number"
              min={0}
              max={MAX_REPORT_THRESHOLD}
              defaultValue={round.reportThreshold}
              aria-describedby="moderation-threshold-hint"
              aria-invalid={settingsErrors?.reportThreshold ? true : undefined}
            />
          </div>
          <button type="submit" name="intent" value="settings" className="button">{t('moderation.settings.save')}</button>
        </Form>
      </section>

      <section aria-labelledby="moderation-queue-title">
        <h2 id="moderation-queue-title">{t('moderation.queue.title')}</h2>
        <Form method="get" className="filters">
          <SelectField
            name="view"
            label={t('moderation.queue.view')}
            anyLabel={t('moderation.views.all')}
            defaultValue={view === 'all' ? '' : view}
            options={QUEUE_VIEWS.filter((v) => v !== 'all').map((v) => ({ value: v, label: t(`moderation.views.${v}`) }))}
          />
          <button type="submit" className="button">{t('moderation.queue.show')}</button>
        </Form>
        <p className="muted">{t('moderation.queue.count', { count: total })}</p>
        {comments.length === 0 ? (
          <p className="empty">{t('moderation.queue.empty')}</p>
        ) : (
          <ol className="moderation-queue">
            {comments.map((c) => (
              <QueueEntry
                key={c.id}
                comment={c}
                locale={locale as Locale}
                errors={aboutComment === c.id ? actionData?.errors : undefined}
                redactedText={aboutComment === c.id ? (actionData?.redactedText ?? null) : null}
              />
            ))}
          </ol>
        )}
        <Pager page={page} pageCount={pageCount} />
      </section>
    </div>
  )
}

/** One comment on the queue: where it stands, its texts, its reports, and what a moderator can do. */
function QueueEntry({ comment: c, locale, errors, redactedText }: { comment: QueueItem; locale: Locale; errors?: FieldErrors; redactedText: string | null }) {
  const { t } = useTranslation()
  const unitLabel = useUnitLabel()
  const target = c.target
  const unit = target
    ? [
        target.articleLabel,
        unitLabel({ kind: target.pointLabel ? 'point' : 'paragraph', paragraphLabel: target.paragraphLabel, pointLabel: target.pointLabel }),
      ]
        .filter(Boolean)
        .join(', ')
    : t('moderation.queue.wholeDraft')
  const metaId = `komentar-${c.id}-meta`
  const fieldErrors = (name: string) => (errors?.[name] ?? []).map((e) => t(e)).join(' ')
  const hidden = c.status === 'hidden'
  return (
    <li className={`panel moderation-item moderation-item--${c.group}`} id={`komentar-${c.id}`} aria-labelledby={metaId}>
      <p className="comment__meta" id={metaId}>
        <span className={`badge badge--moderation-${c.group}`}>{t(`moderation.group.${c.group}`)}</span>
        {hidden && c.hiddenReason && <> {t('moderation.queue.reason', { reason: t(`moderation.reason.${c.hiddenReason}`) })}</>}
        {' · '}
        <span className="comment__author">{c.author.kind === 'anonymous' ? t('comment.anonymous') : c.author.name}</span>
        {' · '}
        <span className="comment__unit">{unit}</span>
        {' · '}
        <time dateTime={c.createdAt}>{formatDateTime(c.createdAt, locale)}</time>
      </p>
      {c.reportCount > 0 && (
        <p className="moderation-item__reports">
          {t('moderation.queue.reports', { count: c.reportCount })}
          {c.reportReasons.length > 0 && ': '}
          {c.reportReasons
            .map((r) => t('moderation.queue.reportReason', { reason: t(r.reason === 'none' ? 'moderation.queue.noReason' : `moderation.reportReason.${r.reason}`), count: r.count }))
            .join(', ')}
        </p>
      )}
      {c.redactedBody !== null ? (
        <>
          <p className="moderation-item__label">{t('moderation.queue.publicText')}</p>
          <p className="comment__body">{c.redactedBody}</p>
          <p className="moderation-item__label">{t('moderation.queue.originalText')}</p>
          <p className="comment__body moderation-item__original">{c.body}</p>
        </>
      ) : (
        <p className="comment__body">{c.body}</p>
      )}
      {c.proposedWording && (
        <div className="comment__proposal">
          <p className="comment__proposal-label">{t('comment.proposedWording')}</p>
          <blockquote className="comment__proposal-text">{c.proposedWording}</blockquote>
        </div>
      )}
      <AttachmentList attachments={c.attachments} letters={c.letters} locale={locale} />
      {c.moderatedAt && (
        <p className="muted">
          {c.moderatedBy
            ? t('moderation.queue.moderatedBy', { name: c.moderatedBy, date: formatDateTime(c.moderatedAt, locale) })
            : t('moderation.queue.moderatedAutomatically', { date: formatDateTime(c.moderatedAt, locale) })}
        </p>
      )}
      {errors?.form && (
        <div className="alert alert--error" role="alert">
          {errors.form.map((m) => <p key={m}>{t(m)}</p>)}
        </div>
      )}
      {c.group !== 'withdrawn' && (
        <div className="moderation-item__actions">
          {(c.status === 'pending' || (c.status === 'published' && c.reportCount > 0)) && (
            <Form method="post" className="inline-form">
              <CsrfField />
              <input type="hidden" name="commentId" value={c.id} />
              <button type="submit" name="intent" value="approve" className="button button--small" aria-describedby={metaId}>
                {t(c.status === 'pending' ? 'moderation.actions.approve' : 'moderation.actions.keep')}
              </button>
            </Form>
          )}
          {hidden && (
            <Form method="post" className="inline-form">
              <CsrfField />
              <input type="hidden" name="commentId" value={c.id} />
              <button type="submit" name="intent" value="unhide" className="button button--small" aria-describedby={metaId}>
                {t('moderation.actions.unhide')}
              </button>
            </Form>
          )}
          {!(hidden && c.hiddenReason !== 'reported') && (
            <Form method="post" className="moderation-item__hide" noValidate>
              <CsrfField />
              <input type="hidden" name="commentId" value={c.id} />
              <div className={`field${fieldErrors('reason') ? ' field--invalid' : ''}`}>
                <label htmlFor={`hide-reason-${c.id}`}>{t('moderation.actions.hideReason')}</label>
                <select id={`hide-reason-${c.id}`} name="reason" defaultValue="" aria-invalid={fieldErrors('reason') ? true : undefined}>
                  <option value="" disabled>{t('fields.choose')}</option>
                  {MODERATOR_HIDE_REASONS.map((r) => (
                    <option key={r} value={r}>{t(`moderation.reason.${r}`)}</option>
                  ))}
                </select>
                {fieldErrors('reason') && <p className="field__error">{fieldErrors('reason')}</p>}
              </div>
              <div className="field">
                <label htmlFor={`hide-note-${c.id}`}>{t('moderation.actions.hideNote')}</label>
                <input id={`hide-note-${c.id}`} name="note" type="text" maxLength={1000} />
              </div>
              <button type="submit" name="intent" value="hide" className="button button--danger button--small" aria-describedby={metaId}>
                {t('moderation.actions.hide')}
              </button>
            </Form>
          )}
          <details className="moderation-item__redact" open={redactedText !== null || Boolean(fieldErrors('redactedText'))}>
            <summary>{t('moderation.actions.redactOpen')}</summary>
            <Form method="post" className="stack" noValidate>
              <CsrfField />
              <input type="hidden" name="commentId" value={c.id} />
              <div className={`field${fieldErrors('redactedText') ? ' field--invalid' : ''}`}>
                <label htmlFor={`redact-${c.id}`}>{t('moderation.actions.redactText')}</label>
                <p className="field__hint" id={`redact-${c.id}-hint`}>{t('moderation.actions.redactHint')}</p>
                <textarea
                  id={`redact-${c.id}`}
                  name="redactedText"
                  rows={6}
                  defaultValue={redactedText ?? c.redactedBody ?? c.body}
                  aria-describedby={`redact-${c.id}-hint`}
                />
                {fieldErrors('redactedText') && <p className="field__error">{fieldErrors('redactedText')}</p>}
              </div>
              <button type="submit" name="intent" value="redact" className="button button--small">{t('moderation.actions.redact')}</button>
            </Form>
          </details>
        </div>
      )}
    </li>
  )
}
