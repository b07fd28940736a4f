import { parse, serialize, type SerializeOptions } from 'cookie'

export const SESSION_COOKIE = 'nacrt_session'
export const CSRF_COOKIE = 'nacrt_csrf'

/** Reads one cookie from a request. */
export function readCookie(request: Request, name: string): string | null {
  return parse(request.headers.get('cookie') ?? '')[name] ?? null
}

/** A Set-Cookie value: httpOnly, SameSite=Lax, whole site; Secure when asked. */
export function cookieHeader(name: string, value: string, options: { secure: boolean; expires?: Date; maxAge?: number }): string {
  const base: SerializeOptions = { httpOnly: true, sameSite: 'lax', path: '/', secure: options.secure }
  if (options.expires) base.expires = options.expires
  if (options.maxAge !== undefined) base.maxAge = options.maxAge
  return serialize(name, value, base)
}

/** A Set-Cookie value that removes a cookie. */
export function clearCookieHeader(name: string, secure: boolean): string {
  return serialize(name, '', { httpOnly: true, sameSite: 'lax', path: '/', secure, expires: new Date(0) })
}
