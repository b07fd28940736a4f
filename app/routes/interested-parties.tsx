import { useEffect, useRef } from 'react'
import { data, Form, Link, useActionData } from 'react-router'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/interested-parties'
import { EmailListingRequest, ListingRequest, PartyRemoval, WrittenRequest } from '../../consultation/interested-party-inputs.ts'
import { PARTY_CATEGORIES } from '../../consultation/interested-party-listing.ts'
import type { ListingProblem, RemovalProblem, WrittenRequestProblem } from '../../consultation/interested-parties.ts'
import { parseForm, invalid, peekForm } from '../.server/forms.ts'
import { mailContextOf, servicesOf } from '../.server/route-helpers.ts'
import { getActor, requireUser } from '../.server/auth.ts'
import { requestContext } from '../.server/context.ts'
import { Checkbox, CsrfField, Field, FormErrors, Notice, Select } from '../components/forms.tsx'
import { formatDate } from '../i18n/format.ts'
import type { Locale } from '../i18n/locales.ts'

const STATUS: Record<ListingProblem | WrittenRequestProblem | RemovalProblem, number> = {
  'not-found': 404, forbidden: 403, 'not-a-member': 400, 'already-listed': 409,
}

export async function loader({ context, params }: Route.LoaderArgs) {
  const actor = getActor(context)
  const result = await servicesOf(context).institutions.interestedParties(actor, params.slug)
  if (!result.ok) throw data({ reason: result.reason }, { status: 404 })
  const { list, account, own, organisations, staff } = result.value
  return {
    locale: context.get(requestContext).locale,
    signedIn: actor.userId !== null,
    institution: { slug: list.institution.slug, name: list.institution.name },
    list: { organisations: list.organisations, individuals: list.individuals, unnamedIndividuals: list.unnamedIndividuals, total: list.total },
    account,
    own: own && { partyId: own.partyId, organisationName: own.organisationName, listedPublicly: own.listedPublicly, since: own.createdAt.toISOString() },
    organisations,
    staff:
      staff?.map((p) => ({
        id: p.id, name: p.name, email: p.email, organisationName: p.organisationName, category: p.category,
        listedPublicly: p.listedPublicly, source: p.source, since: p.createdAt.toISOString(), invitations: p.invitations,
      })) ?? null,
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  const services = servicesOf(context).institutions
  const intent = (await peekForm(request))?.get('intent')
  if (intent === 'request') {
    // Without an account: a link to confirm goes to the address. The answer is the same
    // whether or not the address is on the list already.
    const parsed = await parseForm(request, EmailListingRequest)
    if (!parsed.ok) return invalid(parsed.errors)
    const result = await services.requestListing(params.slug, parsed.data, {
      clientIp: context.get(requestContext).clientIp,
      mail: mailContextOf(context, request),
    })
    if (!result.ok && result.reason === 'rate-limited') {
      const errors: Partial<Record<string, string[]>> = { form: ['errors.rateLimited'] }
      return data({ errors }, { status: 429, headers: { 'Retry-After': String(result.retryAfter) } })
    }
    if (!result.ok) return invalid({ form: [`errors.parties.${result.reason}`] }, 404)
    return { notice: 'parties.emailSent', name: '', email: parsed.data.email, errors: undefined }
  }
  const actor = requireUser(context, request)
  if (intent === 'ask') {
    const parsed = await parseForm(request, ListingRequest)
    if (!parsed.ok) return invalid(parsed.errors)
    const result = await services.askToBeListed(actor, params.slug, parsed.data)
    if (!result.ok) {
      const field = result.reason === 'not-a-member' ? 'onBehalfOf' : 'form'
      return invalid({ [field]: [`errors.parties.${result.reason}`] }, STATUS[result.reason])
    }
    return { notice: 'parties.added', name: '', errors: undefined }
  }
  if (intent === 'add') {
    const parsed = await parseForm(request, WrittenRequest)
    if (!parsed.ok) return invalid(parsed.errors)
    const result = await services.addWrittenRequest(actor, params.slug, parsed.data)
    if (!result.ok) {
      const field = result.reason === 'already-listed' ? 'email' : 'form'
      return invalid({ [field]: [`errors.parties.${result.reason}`] }, STATUS[result.reason])
    }
    return { notice: 'parties.staffAdded', name: parsed.data.organisationName ?? parsed.data.name, errors: undefined }
  }
  if (intent === 'remove' || intent === 'leave') {
    const parsed = await parseForm(request, PartyRemoval)
    if (!parsed.ok) return invalid({ form: ['errors.form.unreadable'] })
    const result = await services.removeParty(actor, params.slug, parsed.data.partyId)
    if (!result.ok) return invalid({ form: [`errors.parties.${result.reason}`] }, STATUS[result.reason])
    return { notice: result.value.bySelf ? 'parties.left' : 'parties.removed', name: result.value.name, errors: undefined }
  }
  return invalid({ form: ['errors.form.unreadable'] })
}

export default function InterestedPartiesPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation()
  const actionData = useActionData<typeof action>()
  const errors = actionData?.errors
  const notice = actionData && 'notice' in actionData ? actionData : null
  const { institution, list, account, own, organisations, staff, signedIn, locale } = loaderData
  const emailSent = notice?.notice === 'parties.emailSent' && 'email' in notice ? notice.email : null
  const addForm = useRef<HTMLFormElement>(null)
  useEffect(() => {
    if (notice?.notice === 'parties.staffAdded') addForm.current?.reset()
  }, [notice])
  const categoryOptions = PARTY_CATEGORIES.map((c) => ({ value: c, label: t(`partyCategory.${c}`) }))
  const date = (iso: string) => formatDate(iso, locale as Locale)
  return (
    <div className="page page--narrow">
      <title>{`${t('parties.title')} · ${institution.name} · ${t('app.name')}`}</title>
      <p className="eyebrow">
        <Link to={`/organisations/${institution.slug}`}>{institution.name}</Link>
      </p>
      <h1>{t('parties.title')}</h1>
      <p className="lead">{t('parties.intro', { institution: institution.name })}</p>
      {notice && (
        <Notice>
          <p>{t(notice.notice, { name: notice.name, email: emailSent ?? '' })}</p>
        </Notice>
      )}
      <FormErrors errors={errors} />

      <section className="panel" aria-labelledby="organisations-title">
        <h2 id="organisations-title">{t('parties.organisations')}</h2>
        {list.organisations.length === 0 ? (
          <p className="muted">{t('parties.noOrganisations')}</p>
        ) : (
          <ul>
            {list.organisations.map((o) => (
              <li key={o.name}>
                {o.name} <span className="muted">· {t(`partyCategory.${o.category}`)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="individuals-title">
        <h2 id="individuals-title">{t('parties.individuals')}</h2>
        {list.individuals.length === 0 ? (
          <p className="muted">{t('parties.noIndividuals')}</p>
        ) : (
          <ul>
            {list.individuals.map((name, i) => (
              <li key={`${name}-${i}`}>{name}</li>
            ))}
          </ul>
        )}
        {list.unnamedIndividuals > 0 && <p>{t('parties.unnamed', { count: list.unnamedIndividuals })}</p>}
        <p className="muted">{t('parties.total', { count: list.total })}</p>
      </section>

      {own ? (
        <section className="panel" aria-labelledby="own-title">
          <h2 id="own-title">{t('parties.ownTitle')}</h2>
          <p>
            {own.organisationName
              ? t('parties.ownOrganisation', { organisation: own.organisationName, date: date(own.since) })
              : t('parties.own', { date: date(own.since) })}
          </p>
          {!own.organisationName && <p className="muted">{own.listedPublicly ? t('parties.ownNamed') : t('parties.ownCounted')}</p>}
          <Form method="post">
            <CsrfField />
            <input type="hidden" name="intent" value="leave" />
            <input type="hidden" name="partyId" value={own.partyId} />
            <button type="submit" className="button button--secondary">{t('parties.leave')}</button>
          </Form>
        </section>
      ) : signedIn && account ? (
        <section className="panel" aria-labelledby="ask-title">
          <h2 id="ask-title">{t('parties.askTitle')}</h2>
          <p>{t('parties.askIntro', { name: account.name ?? '', email: account.email })}</p>
          <Form method="post" className="stack" noValidate>
            <CsrfField />
            <input type="hidden" name="intent" value="ask" />
            {organisations.length > 0 && (
              <Select
                name="onBehalfOf"
                label={t('parties.onBehalfOf')}
                options={[{ value: '', label: t('parties.ownName') }, ...organisations.map((o) => ({ value: o.id, label: t('parties.forOrganisation', { name: o.name }) }))]}
                defaultValue=""
                errors={errors}
              />
            )}
            <fieldset className="consent">
              <legend>{t('parties.privacyTitle')}</legend>
              <p className="field__hint">{t('parties.privacy')}</p>
              <Checkbox name="consentToBeKept" label={t('parties.consentToBeKept')} errors={errors} />
              <Checkbox name="listedPublicly" label={t('parties.consentToBeNamed', { name: account.name ?? '' })} />
            </fieldset>
            <button type="submit" className="button">{t('parties.askSubmit')}</button>
          </Form>
        </section>
      ) : (
        <section className="panel" aria-labelledby="ask-title">
          <h2 id="ask-title">{t('parties.askTitle')}</h2>
          {emailSent === null && (
            <>
              <h3 id="email-title">{t('parties.emailTitle')}</h3>
              <p>{t('parties.emailIntro')}</p>
              <Form method="post" className="stack" noValidate aria-labelledby="email-title">
                <CsrfField />
                <input type="hidden" name="intent" value="request" />
                <Field name="name" label={t('parties.field.name')} autoComplete="name" errors={errors} required />
                <Field name="email" type="email" label={t('parties.field.email')} autoComplete="email" errors={errors} required />
                <Select name="category" label={t('parties.field.category')} options={categoryOptions} defaultValue="citizen" errors={errors} />
                <Field name="organisationName" label={t('parties.field.organisationName')} hint={t('parties.field.organisationNameHint')} autoComplete="organization" errors={errors} />
                <div className="honeypot" aria-hidden="true">
                  <label htmlFor="field-website">{t('parties.honeypot')}</label>
                  <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
                </div>
                <fieldset className="consent">
                  <legend>{t('parties.privacyTitle')}</legend>
                  <p className="field__hint">{t('parties.privacyEmail')}</p>
                  <Checkbox name="consentToBeKept" label={t('parties.consentToBeKept')} errors={errors} />
                  <Checkbox name="listedPublicly" label={t('parties.consentToBeNamedEmail')} />
                </fieldset>
                <button type="submit" className="button">{t('parties.emailSubmit')}</button>
              </Form>
            </>
          )}
          <p>{t('parties.signInHint')}</p>
          <p className="button-row">
            <Link to={`/login?redirectTo=${encodeURIComponent(`/organisations/${institution.slug}/interested-parties`)}`} className="button button--secondary">
              {t('parties.signIn')}
            </Link>
            <Link to="/register" className="button button--secondary">{t('parties.register')}</Link>
          </p>
          <p className="muted">{t('parties.writtenRequestHint', { institution: institution.name })}</p>
        </section>
      )}

      {staff && (
        <section className="panel" aria-labelledby="staff-title">
          <h2 id="staff-title">{t('parties.staffTitle')}</h2>
          <p className="muted">{t('parties.staffIntro')}</p>
          <p>
            <a href={`/organisations/${institution.slug}/interested-parties.csv`} className="button button--secondary" download>
              {t('parties.download')}
            </a>
          </p>
          {staff.length === 0 ? (
            <p className="muted">{t('parties.staffEmpty')}</p>
          ) : (
            <div className="table-scroll">
              <table className="data-table">
                <thead>
                  <tr>
                    <th scope="col">{t('parties.column.name')}</th>
                    <th scope="col">{t('parties.column.category')}</th>
                    <th scope="col">{t('parties.column.email')}</th>
                    <th scope="col">{t('parties.column.listedPublicly')}</th>
                    <th scope="col">{t('parties.column.source')}</th>
                    <th scope="col">{t('parties.column.addedAt')}</th>
                    <th scope="col">{t('parties.column.invitations')}</th>
                    <th scope="col">{t('parties.column.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {staff.map((p) => {
                    const label = p.organisationName ? `${p.organisationName} (${p.name})` : p.name
                    return (
                      <tr key={p.id}>
                        <td>{label}</td>
                        <td>{t(`partyCategory.${p.category}`)}</td>
                        <td>{p.email}</td>
                        <td>{p.listedPublicly ? t('parties.yes') : t('parties.no')}</td>
                        <td>{t(`parties.source.${p.source}`)}</td>
                        <td>{date(p.since)}</td>
                        <td>{p.invitations}</td>
                        <td>
                          <Form method="post" className="inline-form">
                            <CsrfField />
                            <input type="hidden" name="intent" value="remove" />
                            <input type="hidden" name="partyId" value={p.id} />
                            <button type="submit" className="button button--small button--secondary" aria-label={t('parties.removeFor', { name: label })}>
                              {t('parties.remove')}
                            </button>
                          </Form>
                        </td>
                      </tr>
                    )
                  })}
                </tbody>
              </table>
            </div>
          )}

          <h3 id="add-title">{t('parties.addTitle')}</h3>
          <p className="muted">{t('parties.addIntro')}</p>
          <Form method="post" className="stack" noValidate ref={addForm} aria-labelledby="add-title">
            <CsrfField />
            <input type="hidden" name="intent" value="add" />
            <Field name="name" label={t('parties.field.name')} errors={errors} required />
            <Field name="email" type="email" label={t('parties.field.email')} errors={errors} required />
            <Select name="category" label={t('parties.field.category')} options={categoryOptions} defaultValue="citizen" errors={errors} />
            <Field name="organisationName" label={t('parties.field.organisationName')} hint={t('parties.field.organisationNameHint')} errors={errors} />
            <div className="checkbox">
              <input type="checkbox" id="field-staff-listedPublicly" name="listedPublicly" />
              <label htmlFor="field-staff-listedPublicly">{t('parties.field.listedPublicly')}</label>
            </div>
            <button type="submit" className="button">{t('parties.addSubmit')}</button>
          </Form>
        </section>
      )}
    </div>
  )
}
