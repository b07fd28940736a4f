import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from 'react-router'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import type { Route } from './+types/root'
import stylesheet from './styles/app.css?url'
import { SiteHeader } from './components/site-header.tsx'
import { SiteFooter } from './components/site-footer.tsx'
import { GeneralErrorBoundary } from './components/error-boundary.tsx'
import { DEFAULT_LOCALE, type Locale } from './i18n/locales.ts'
import { requestContext, sessionContext } from './.server/context.ts'
import { sessionMiddleware } from './.server/session-middleware.ts'
import { csrfTokenFor } from './.server/csrf.ts'
import { isAdmin } from '../accounts/permissions.ts'

export const middleware: Route.MiddlewareFunction[] = [sessionMiddleware]

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: stylesheet },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
]

export function loader({ context }: Route.LoaderArgs) {
  const { locale, cspNonce } = context.get(requestContext)
  const { actor, csrfSecret } = context.get(sessionContext)
  return {
    locale,
    cspNonce,
    csrfToken: csrfTokenFor(csrfSecret),
    user: actor.userId ? { name: actor.name, isAdmin: isAdmin(actor) } : null,
  }
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>('root')
  const { i18n, t } = useTranslation()
  const locale: Locale = data?.locale ?? (i18n.language as Locale) ?? DEFAULT_LOCALE
  // After a client-side navigation the server may answer in another language (a login
  // restores the account's choice): follow it. Resources are bundled, so this is synchronous.
  if (i18n.language !== locale) void i18n.changeLanguage(locale)
  return (
    <html lang={locale} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="description" content={t('app.tagline')} />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">{t('app.skipToContent')}</a>
        <SiteHeader locale={locale} user={data?.user ?? null} />
        <main id="main" tabIndex={-1} className="site-main">
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={data?.cspNonce} />
        <Scripts nonce={data?.cspNonce} />
      </body>
    </html>
  )
}

export default function App() {
  // Marks the document once React has taken it over (enhanced forms and links work from then
  // on); browser tests wait for it instead of guessing.
  useEffect(() => {
    document.documentElement.dataset.hydrated = ''
  }, [])
  return <Outlet />
}

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  return <GeneralErrorBoundary error={error} />
}
