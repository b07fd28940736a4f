import { data, type MiddlewareFunction } from 'react-router'
import { ANONYMOUS } from '../../accounts/actor.ts'
import { requestContext, sessionContext } from './context.ts'
import { CSRF_COOKIE, SESSION_COOKIE, clearCookieHeader, cookieHeader, readCookie } from './cookies.ts'
import { csrfTokenOf, isValidCsrfToken, newCsrfSecret } from './csrf.ts'
import { LOCALE_QUERY_PARAM, isLocale } from '../i18n/locales.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const CSRF_MAX_AGE_S = 365 * 24 * 60 * 60

/**
 * Runs before every loader and action: resolves who is asking from the session cookie,
 * refuses any state-changing request without a valid CSRF token (403, translated), and
 * remembers a `?lng=` choice on a signed-in person's account.
 */
export const sessionMiddleware: MiddlewareFunction<Response> = async ({ request, context }, next) => {
  const { services, secureCookies } = context.get(requestContext)
  const setCookies: string[] = []

  let csrfSecret = readCookie(request, CSRF_COOKIE)
  if (!SAFE_METHODS.has(request.method)) {
    if (!isValidCsrfToken(csrfSecret, await csrfTokenOf(request))) {
      throw data({ reason: 'csrf' }, { status: 403 })
    }
  }
  if (!csrfSecret) {
    csrfSecret = newCsrfSecret()
    setCookies.push(cookieHeader(CSRF_COOKIE, csrfSecret, { secure: secureCookies, maxAge: CSRF_MAX_AGE_S }))
  }

  let actor = ANONYMOUS
  let sessionId: string | null = null
  const token = readCookie(request, SESSION_COOKIE)
  if (token) {
    const session = await services.accounts.resumeSessionActor(token)
    if (session) ({ actor, sessionId } = session)
    else setCookies.push(clearCookieHeader(SESSION_COOKIE, secureCookies))
  }

  const lng = new URL(request.url).searchParams.get(LOCALE_QUERY_PARAM)
  if (actor.userId && isLocale(lng)) await services.accounts.setPreferredLocale(actor.userId, lng)

  context.set(sessionContext, { actor, sessionId, csrfSecret })
  const response = await next()
  for (const cookie of setCookies) response.headers.append('Set-Cookie', cookie)
  return response
}
