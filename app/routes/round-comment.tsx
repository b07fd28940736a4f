import { data, Form, Link, redirect, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { randomBytes } from 'node:crypto'
import type { Route } from './+types/round-comment'
import { NewComment } from '../../consultation/inputs.ts'
import type { CommentProblem } from '../../consultation/comments.ts'
import { parseForm, invalid } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { getActor, requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { CommentFormFields } from '../components/comment-form.tsx'
import { attachmentMaxBytes, maxRequestBytes, stageUploads, uploadsDir } from '../.server/attachment-store.ts'
import { useUnitLabel } from '../components/comments.tsx'
import { formatDateTime } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

const Query = z.object({
  /** The stable id of the article, paragraph or point; absent: the draft as a whole. */
  target: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,64}$/)
    .optional()
    .transform((v) => (v ? v : undefined)),
  /** A reply: the public comment it answers. */
  replyTo: z
    .string()
    .regex(/^[A-Za-z0-9_-]{0,64}$/)
    .optional()
    .transform((v) => (v ? v : undefined)),
})

const STATUS: Record<CommentProblem, number> = {
  forbidden: 403, 'round-not-found': 404, 'round-closed': 409, 'unknown-target': 400, 'not-a-member': 403, 'unknown-parent': 400,
}

/** Where the draft page shows a comment: the consulted version, at its article or among general comments. */
function draftLink(draft: { slug: string }, version: { seq: number; latest: boolean }, anchor: string | null, extra = '') {
  const query = [version.latest ? '' : `version=${version.seq}`, extra].filter(Boolean).join('&')
  return `/drafts/${draft.slug}${query ? `?${query}` : ''}#${anchor ?? 'komentari'}`
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const query = Query.safeParse(Object.fromEntries(new URL(request.url).searchParams))
  if (!query.success) throw data({ reason: 'bad-request' }, { status: 400 })
  // A reply answers a public comment of this round; the unit is the one that comment is about.
  const parent = query.data.replyTo ? await servicesOf(context).rounds.replyParent(params.roundId, query.data.replyTo) : null
  if (query.data.replyTo && !parent) throw data({ reason: 'not-found' }, { status: 404 })
  const result = await servicesOf(context).consultation.prepareComment(actor, params.roundId, parent ? undefined : query.data.target)
  if (!result.ok) throw data({ reason: result.reason }, { status: result.reason === 'round-not-found' ? 404 : 400 })
  const { round, draft, version, target, organisations, authorName, canComment, memorandum } = result.value
  return {
    memorandum,
    parent: parent && { id: parent.id, body: parent.body, author: parent.author },
    locale: context.get(requestContext).locale,
    round: { id: round.id, title: round.title, closesAt: round.closesAt.toISOString() },
    canComment,
    draft: { slug: draft.slug, title: draft.title },
    backTo: draftLink(draft, version, target?.article.anchor ?? null),
    target: target && {
      kind: target.kind,
      nodeId: target.nodeId,
      articleLabel: target.article.label,
      articleHeading: target.article.heading,
      paragraphLabel: target.paragraphLabel,
      pointLabel: target.pointLabel,
      text: target.text,
      units: target.units,
    },
    organisations: organisations.map((o) => ({ id: o.id, name: o.name })),
    authorName,
    // A fresh key per form shown: submitting the same form twice keeps one comment.
    clientKey: randomBytes(12).toString('base64url'),
    attachmentMaxMb: attachmentMaxBytes() / (1024 * 1024),
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  // Checked before the body is read, like the draft upload: a far too large request is refused unread.
  if (Number(request.headers.get('content-length') ?? 0) > maxRequestBytes('attachment')) return invalid({ file: ['errors.attachment.too-large'] }, 413)
  const parsed = await parseForm(request, NewComment)
  if (!parsed.ok) return invalid(parsed.errors)
  // Not requireUser: someone whose session ended while writing keeps their text and is told why.
  const actor = getActor(context)
  const services = servicesOf(context)
  // A bot fills the field people never see: answer as if it worked, keep nothing.
  const honeypot = parsed.form.get('website')
  if (typeof honeypot === 'string' && honeypot !== '') return redirect('/?commented=1')
  // Both limits are charged in one statement (app/.server/rate-limit.ts).
  const clientIp = context.get(requestContext).clientIp
  const wait = await services.rateLimits.consumeAll(
    actor.userId ? [['commentPerIp', clientIp], ['commentPerAccount', actor.userId]] : [['commentPerIp', clientIp]],
  )
  if (wait !== null) {
    const errors: Partial<Record<string, string[]>> = { form: ['errors.rateLimited'] }
    return data({ errors }, { status: 429, headers: { 'Retry-After': String(wait) } })
  }
  // The file is checked by size and content, and waits in a temporary file for the comment's transaction.
  const staged = await stageUploads(parsed.form.getAll('file'), { kind: 'attachment', dir: uploadsDir() })
  if (!staged.ok) return invalid({ file: [`errors.attachment.${staged.reason}`] }, staged.reason === 'too-large' ? 413 : 400)
  const result = await services.consultation.submitComment(actor, params.roundId, parsed.data, staged.uploads)
  if (!result.ok) {
    const field = result.reason === 'not-a-member' ? 'onBehalfOf' : 'form'
    return invalid({ [field]: [`errors.comment.${result.reason}`] }, STATUS[result.reason])
  }
  const { draftSlug, versionSeq, latestVersion, articleAnchor, status } = result.value
  // The inline form (with JavaScript) stays on the page it was sent from: it gets an answer, not a redirect.
  if (parsed.form.get('inline') === '1') return data({ sent: { status } }, { status: 201 })
  // Under pre-moderation the page says the comment waits for a moderator.
  return redirect(draftLink({ slug: draftSlug }, { seq: versionSeq, latest: latestVersion }, articleAnchor, status === 'pending' ? 'commented=pending' : 'commented=1'))
}

export default function RoundCommentPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const result = useActionData<typeof action>()
  const errors = result && 'errors' in result ? result.errors : undefined
  const unitLabel = useUnitLabel()
  const { draft, round, target, canComment, backTo, locale, parent, memorandum } = loaderData
  const unit = target ? [target.articleLabel, unitLabel(target)].filter(Boolean).join(', ') : null
  const heading = parent
    ? t('comment.form.titleReply')
    : memorandum
      ? t('comment.form.titleMemorandum', { heading: memorandum.heading })
      : unit
        ? t('comment.form.titleUnit', { unit })
        : t('comment.form.titleDraft')
  return (
    <div className="page page--narrow">
      <title>{`${heading} · ${draft.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={backTo}>{draft.title}</Link>
      </p>
      <h1>{heading}</h1>
      {canComment ? (
        <p className="lead">{t('comment.form.closesAt', { title: round.title, date: formatDateTime(round.closesAt, locale as Locale) })}</p>
      ) : (
        <div className="alert alert--error" role="alert">
          <p>{t('comment.form.closed')}</p>
        </div>
      )}

      {parent && (
        <section className="panel" aria-labelledby="reply-to-title">
          <h2 id="reply-to-title">{t('comment.form.replyTo', { author: parent.author.kind === 'anonymous' ? t('comment.anonymous') : parent.author.name })}</h2>
          <blockquote className="comment__body">{parent.body}</blockquote>
        </section>
      )}

      {memorandum && (
        <section className="panel" aria-labelledby="current-text-title">
          <h2 id="current-text-title">{t('comment.form.currentText')}</h2>
          <p className="unit-text">{memorandum.text}</p>
        </section>
      )}

      {target && (
        <section className="panel" aria-labelledby="current-text-title">
          <h2 id="current-text-title">{t('comment.form.currentText')}</h2>
          {target.articleHeading && <p className="muted">{target.articleHeading}</p>}
          <p className="unit-text">{target.text}</p>
        </section>
      )}

      {canComment && (
        <CommentFormFields
          form={loaderData}
          errors={errors}
          renderForm={(children) => <Form method="post" encType="multipart/form-data" className="stack" noValidate>{children}</Form>}
          actions={
            <>
              <button type="submit" className="button">{t('comment.form.submit')}</button>
              <Link to={backTo} className="button button--secondary">{t('comment.form.cancel')}</Link>
            </>
          }
        />
      )}
    </div>
  )
}
