import { createContext } from 'react-router'
import type { Actor } from '../../accounts/actor.ts'
import type { Locale } from '../i18n/locales.ts'
import type { Services } from './services.ts'

/** What the server knows about a request before any route runs. */
export interface RequestContext {
  services: Services
  locale: Locale
  /** The Content-Security-Policy nonce for this response's inline scripts. */
  cspNonce: string
  /** The client's address, for rate limiting. */
  clientIp: string
  /** Whether cookies must be Secure (production behind TLS). */
  secureCookies: boolean
  /** The public origin for links in e-mails, e.g. https://nacrt.example.ba */
  publicUrl: string | null
}

// server/main.ts runs from source while routes run from the build, so each has its own
// copy of this module; the context keys live on globalThis so that both use the same ones.
const shared = globalThis as typeof globalThis & {
  __nacrtContexts?: { request: ReturnType<typeof createContext<RequestContext>>; session: ReturnType<typeof createContext<SessionState>> }
}

/** Set by the server for every request (see server/main.ts). */
export const requestContext = (shared.__nacrtContexts ??= {
  request: createContext<RequestContext>(),
  session: createContext<SessionState>(),
}).request

/** Who is asking, set by the root middleware from the session cookie. */
export interface SessionState {
  actor: Actor
  /** The hash of the session token (its row id), when signed in. */
  sessionId: string | null
  /** The CSRF secret of this browser; forms carry tokens made from it. */
  csrfSecret: string
}
export const sessionContext = shared.__nacrtContexts.session
