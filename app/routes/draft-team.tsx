import { useEffect, useRef } from 'react'
import { data, Form, Link, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/draft-team'
import { DraftRoleGrant, DraftRoleRevocation } from '../../drafting/inputs.ts'
import { DRAFT_ROLES } from '../../drafting/permissions.ts'
import type { DraftTeamProblem } from '../../drafting/assignments.ts'
import { parseForm, invalid, peekForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { CsrfField, Field, FormErrors, Notice } from '../components/forms.tsx'
import { formatDate } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

const STATUS: Record<DraftTeamProblem, number> = {
  forbidden: 403, 'not-found': 404, 'unknown-user': 400, 'already-assigned': 409, 'last-owner': 409,
}

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const actor = requireUser(context, request)
  const result = await servicesOf(context).drafting.draftTeam(actor, params.slug)
  if (!result.ok) throw data({ reason: result.reason }, { status: STATUS[result.reason] })
  const { draft, assignments } = result.value
  return {
    locale: context.get(requestContext).locale,
    draft: { slug: draft.slug, title: draft.title },
    roles: DRAFT_ROLES.map((role) => ({
      role,
      members: assignments
        .filter((a) => a.role === role)
        .map((a) => ({ userId: a.userId, name: a.name, since: a.createdAt.toISOString() })),
    })),
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const services = servicesOf(context)
  const intent = (await peekForm(request))?.get('intent')
  if (intent === 'assign') {
    const parsed = await parseForm(request, DraftRoleGrant)
    if (!parsed.ok) return invalid(parsed.errors)
    const result = await services.drafting.assignDraftRole(actor, params.slug, parsed.data)
    if (!result.ok) {
      const field = result.reason === 'unknown-user' || result.reason === 'already-assigned' ? 'email' : 'form'
      return invalid({ [field]: [`errors.team.${result.reason}`] }, STATUS[result.reason])
    }
    return { notice: 'team.added', name: result.value.name, role: result.value.role, errors: undefined }
  }
  if (intent === 'remove') {
    const parsed = await parseForm(request, DraftRoleRevocation)
    if (!parsed.ok) return invalid({ form: ['errors.form.unreadable'] })
    const result = await services.drafting.removeDraftRole(actor, params.slug, parsed.data)
    if (!result.ok) return invalid({ form: [`errors.team.${result.reason}`] }, STATUS[result.reason])
    return { notice: 'team.removed', name: result.value.name, role: result.value.role, errors: undefined }
  }
  return invalid({ form: ['errors.form.unreadable'] })
}

export default function DraftTeamPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors
  const notice = actionData && 'notice' in actionData ? actionData : null
  const { draft, roles, locale } = loaderData
  const addForm = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (notice?.notice === 'team.added') addForm.current?.reset()
  }, [notice])
  const roleErrors = errors?.role ?? []
  const nameOf = (name: string | null) => name ?? t('team.deletedMember')
  return (
    <div className="page page--narrow">
      <title>{`${t('team.title')} · ${draft.title} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/drafts/${draft.slug}`}>{draft.title}</Link>
      </p>
      <h1>{t('team.title')}</h1>
      <p className="lead">{t('team.intro')}</p>
      {notice && (
        <Notice>
          <p>{t(notice.notice, { name: nameOf(notice.name), role: t(`team.role.${notice.role}`) })}</p>
        </Notice>
      )}
      <FormErrors errors={errors} />

      {roles.map(({ role, members }) => (
        <section key={role} className="panel" aria-labelledby={`role-${role}`}>
          <h2 id={`role-${role}`}>{t(`team.roles.${role}`)}</h2>
          {members.length === 0 ? (
            <p className="muted">{t('team.empty')}</p>
          ) : (
            <ul>
              {members.map((m) => (
                <li key={m.userId}>
                  {nameOf(m.name)} <span className="muted">· {t('team.since', { date: formatDate(m.since, locale as Locale) })}</span>{' '}
                  <Form method="post" className="inline-form">
                    <CsrfField />
                    <input type="hidden" name="intent" value="remove" />
                    <input type="hidden" name="userId" value={m.userId} />
                    <input type="hidden" name="role" value={role} />
                    <button
                      type="submit"
                      className="button button--small button--secondary"
                      aria-label={t('team.removeFor', { name: nameOf(m.name), role: t(`team.role.${role}`) })}
                    >
                      {t('team.remove')}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}

      <section className="panel" aria-labelledby="add-title">
        <h2 id="add-title">{t('team.add')}</h2>
        <Form method="post" className="stack" noValidate ref={addForm}>
          <CsrfField />
          <input type="hidden" name="intent" value="assign" />
          <Field name="email" type="email" label={t('team.email')} hint={t('team.emailHint')} errors={errors} required />
          <div className={`field${roleErrors.length ? ' field--invalid' : ''}`}>
            <label htmlFor="field-role">{t('team.roleLabel')}</label>
            <select
              id="field-role"
              name="role"
              defaultValue=""
              required
              aria-invalid={roleErrors.length ? true : undefined}
              aria-describedby={roleErrors.length ? 'field-role-error' : undefined}
            >
              <option value="" disabled>{t('fields.choose')}</option>
              {roles.map(({ role }) => (
                <option key={role} value={role}>{t(`team.role.${role}`)}</option>
              ))}
            </select>
            {roleErrors.length > 0 && <p className="field__error" id="field-role-error">{roleErrors.map((e) => t(e)).join(' ')}</p>}
          </div>
          <button type="submit" className="button">{t('team.addSubmit')}</button>
        </Form>
      </section>
    </div>
  )
}
