import { redirect } from 'react-router'
import type { Actor } from '../../accounts/actor.ts'
import { sessionContext } from './context.ts'

type ContextReader = { get: <T>(key: import('react-router').RouterContext<T>) => T }

/** Who is asking (anonymous when nobody is signed in). */
export function getActor(context: ContextReader): Actor {
  return context.get(sessionContext).actor
}

/** A safe place to return to after login: only paths on this site. */
export function safeRedirectTarget(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  return value
}

/** The signed-in actor; anyone else is sent to the login page and brought back afterwards. */
export function requireUser(context: ContextReader, request: Request): Actor & { userId: string } {
  const actor = getActor(context)
  if (actor.userId === null) {
    const url = new URL(request.url)
    throw redirect(`/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
  }
  return actor as Actor & { userId: string }
}
