import type { RouterContextProvider } from 'react-router'
import { requestContext, sessionContext } from './context.ts'
import type { MailContext } from './services.ts'

type Ctx = Readonly<RouterContextProvider>

/** The services bound for this request. */
export function servicesOf(context: Ctx) {
  return context.get(requestContext).services
}

/** Where e-mailed links point and the language e-mails are written in. */
export function mailContextOf(context: Ctx, request: Request): MailContext {
  const { publicUrl, locale } = context.get(requestContext)
  return { baseUrl: (publicUrl ?? new URL(request.url).origin).replace(/\/$/, ''), locale }
}

export function sessionOf(context: Ctx) {
  return context.get(sessionContext)
}
