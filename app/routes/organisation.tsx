import { data, Form, Link, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/organisation'
import { MEMBERSHIP_ROLES, MemberAddition, MemberRoleChange, OrganisationDecision } from '../../accounts/inputs.ts'
import { canActForOrganisation, canDecideOrganisations, canManageMembers, canSetMemberRoles } from '../../accounts/permissions.ts'
import type { MemberRoleProblem } from '../../accounts/organisations.ts'
import { keepsPublicLists } from '../../consultation/institution-permissions.ts'
import { parseForm, invalid, peekForm } from '../.server/forms.ts'
import { servicesOf } from '../.server/route-helpers.ts'
import { getActor, requireUser } from '../.server/auth.ts'
import { CsrfField, Field, FormErrors, Notice } from '../components/forms.tsx'

const MEMBER_ROLE_STATUS: Record<MemberRoleProblem, number> = { forbidden: 403, 'not-found': 404, 'not-member': 409 }

export async function loader({ context, params, request }: Route.LoaderArgs) {
  const org = await servicesOf(context).accounts.organisation(params.slug)
  if (!org) throw data({ reason: 'not-found' }, { status: 404 })
  const actor = getActor(context)
  const insider = canActForOrganisation(actor, org.id) || canManageMembers(actor, org.id) || canDecideOrganisations(actor)
  const requested = new URL(request.url).searchParams.get('requested') === '1'
  // Only verified organisations are public; members and staff see pending ones too.
  if (org.verification !== 'verified' && !insider && !actor.memberships.some((m) => m.organisationId === org.id)) {
    throw data({ reason: 'not-found' }, { status: 404 })
  }
  return {
    requested,
    organisation: {
      slug: org.slug, name: org.name, kind: org.kind, verification: org.verification,
      registrationNumber: org.registrationNumber, decisionReason: org.decisionReason,
      contactEmail: insider ? org.contactEmail : null,
      members: insider ? org.members.map((m) => ({ userId: m.userId, name: m.name, role: m.role })) : [],
    },
    can: { manageMembers: canManageMembers(actor, org.id), decide: canDecideOrganisations(actor), setMemberRoles: canSetMemberRoles(actor, org.id) },
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const actor = requireUser(context, request)
  const services = servicesOf(context)
  const intent = (await peekForm(request))?.get('intent')
  if (intent === 'add-member') {
    const parsed = await parseForm(request, MemberAddition)
    if (!parsed.ok) return invalid(parsed.errors)
    const result = await services.accounts.addMember(actor, params.slug, parsed.data)
    if (!result.ok) return invalid({ email: [`errors.organisation.${result.reason}`] }, result.reason === 'forbidden' ? 403 : 400)
    return { notice: 'organisation.memberAdded', errors: undefined }
  }
  if (intent === 'set-member-role') {
    const parsed = await parseForm(request, MemberRoleChange)
    if (!parsed.ok) return invalid({ memberRole: ['errors.form.unreadable'] })
    const result = await services.accounts.setMemberRole(actor, params.slug, parsed.data)
    if (!result.ok) return invalid({ memberRole: [`errors.organisation.${result.reason}`] }, MEMBER_ROLE_STATUS[result.reason])
    return { notice: result.value.changed ? 'organisation.memberRoleChanged' : 'organisation.memberRoleUnchanged', errors: undefined }
  }
  if (intent === 'decide') {
    const parsed = await parseForm(request, OrganisationDecision)
    if (!parsed.ok) return invalid(parsed.errors)
    const result = await services.accounts.decideOrganisation(actor, params.slug, parsed.data)
    if (!result.ok) return invalid({ reason: [`errors.organisation.${result.reason}`] }, result.reason === 'forbidden' ? 403 : 400)
    return { notice: result.value.verification === 'verified' ? 'organisation.verifiedNotice' : 'organisation.rejectedNotice', errors: undefined }
  }
  return invalid({ form: ['errors.form.unreadable'] })
}

export default function OrganisationPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors
  const notice = actionData && 'notice' in actionData ? actionData.notice : null
  const { organisation: org, can, requested } = loaderData
  return (
    <div className="page page--narrow">
      <title>{`${org.name} · ${t('app.name')}`}</title>
      <p className="eyebrow">{t(`organisationKind.${org.kind}`)}</p>
      <h1>{org.name}</h1>
      <p>
        <span className={`badge badge--${org.verification}`}>{t(`verification.${org.verification}`)}</span>
        {org.registrationNumber && <span className="muted"> · {t('fields.registrationNumber')}: {org.registrationNumber}</span>}
      </p>
      {requested && (
        <Notice>
          <p>{t('organisation.requestedNotice')}</p>
        </Notice>
      )}
      {notice && (
        <Notice>
          <p>{t(notice)}</p>
        </Notice>
      )}
      {org.decisionReason && <p>{t('organisation.decisionReason', { reason: org.decisionReason })}</p>}
      {org.contactEmail && <p>{t('fields.contactEmail')}: {org.contactEmail}</p>}
      {keepsPublicLists(org) && (
        <p className="button-row">
          <Link to={`/organisations/${org.slug}/interested-parties`} className="button button--secondary">{t('parties.link')}</Link>
          <Link to={`/organisations/${org.slug}/plan`} className="button button--secondary">{t('legislativePlan.link')}</Link>
        </p>
      )}

      {org.members.length > 0 && (
        <section className="panel" aria-labelledby="members-title">
          <h2 id="members-title">{t('organisation.members')}</h2>
          <FormErrors errors={{ form: errors?.memberRole }} />
          <ul>
            {org.members.map((m) => {
              const name = m.name ?? t('organisation.deletedMember')
              return (
                <li key={m.userId}>
                  {name} · {t(`membershipRole.${m.role}`)}
                  {can.setMemberRoles && (
                    <>
                      {' '}
                      <Form method="post" className="inline-form">
                        <CsrfField />
                        <input type="hidden" name="intent" value="set-member-role" />
                        <input type="hidden" name="userId" value={m.userId} />
                        <select name="role" defaultValue={m.role} aria-label={t('organisation.roleFor', { name })}>
                          {MEMBERSHIP_ROLES.map((r) => (
                            <option key={r} value={r}>{t(`membershipRole.${r}`)}</option>
                          ))}
                        </select>{' '}
                        <button type="submit" className="button button--small button--secondary" aria-label={t('organisation.saveRoleFor', { name })}>
                          {t('organisation.saveRole')}
                        </button>
                      </Form>
                    </>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      )}

      {can.manageMembers && (
        <section className="panel" aria-labelledby="add-member-title">
          <h2 id="add-member-title">{t('organisation.addMember')}</h2>
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="add-member" />
            <Field name="email" type="email" label={t('fields.memberEmail')} hint={t('organisation.addMemberHint')} errors={errors} required />
            <button type="submit" className="button">{t('organisation.addMemberSubmit')}</button>
          </Form>
        </section>
      )}

      {can.decide && (
        <section className="panel" aria-labelledby="decide-title">
          <h2 id="decide-title">{t('organisation.decide')}</h2>
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="decide" />
            <FormErrors errors={errors} />
            <Field name="reason" label={t('fields.decisionReason')} hint={t('organisation.reasonHint')} errors={errors} />
            <div className="button-row">
              <button type="submit" name="decision" value="verify" className="button">{t('organisation.verify')}</button>
              <button type="submit" name="decision" value="reject" className="button button--danger">{t('organisation.reject')}</button>
            </div>
          </Form>
        </section>
      )}
    </div>
  )
}
