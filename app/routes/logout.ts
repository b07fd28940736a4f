import { redirect } from 'react-router'
import type { Route } from './+types/logout'
import { servicesOf } from '../.server/route-helpers.ts'
import { requestContext } from '../.server/context.ts'
import { SESSION_COOKIE, clearCookieHeader, readCookie } from '../.server/cookies.ts'

export function loader() {
  return redirect('/')
}

export async function action({ request, context }: Route.ActionArgs) {
  const token = readCookie(request, SESSION_COOKIE)
  if (token) await servicesOf(context).accounts.logOut(token)
  return redirect('/', { headers: { 'Set-Cookie': clearCookieHeader(SESSION_COOKIE, context.get(requestContext).secureCookies) } })
}
