import type { Locale } from '../i18n/locales.ts'
import type { Services } from './services.ts'

/** What every loader and action receives from the server for one request. */
export interface RequestContext {
  services: Services
  locale: Locale
  /** The Content-Security-Policy nonce for this response's inline scripts. */
  cspNonce: string
}

declare module 'react-router' {
  interface AppLoadContext extends RequestContext {}
}
