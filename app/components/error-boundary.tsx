import { isRouteErrorResponse, Link } from 'react-router'
import { useTranslation } from 'react-i18next'

/**
 * The one error page: translated, with a way back. Details of unexpected errors stay in
 * the server log, never on the page.
 */
export function GeneralErrorBoundary({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const reason = isRouteErrorResponse(error) ? (error.data as { reason?: string } | null)?.reason : undefined
  const kind =
    status === 404 ? 'notFound'
    : status === 400 ? 'badRequest'
    : status === 403 ? (reason === 'csrf' ? 'csrf' : 'forbidden')
    : 'serverError'
  if (!isRouteErrorResponse(error) && typeof window === 'undefined') {
    // Thrown, not returned: an unexpected failure. Log it for operators.
    console.error(error)
  }
  return (
    <div className="error-page" role="alert">
      <title>{`${t(`errors.${kind}.title`)} · ${t('app.name')}`}</title>
      <p className="error-page__status">{status}</p>
      <h1>{t(`errors.${kind}.title`)}</h1>
      <p>{t(`errors.${kind}.body`)}</p>
      <p>
        <Link to="/" className="button">{t('errors.backHome')}</Link>
      </p>
    </div>
  )
}
