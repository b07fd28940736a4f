// The production server: Express in front of the React Router build.
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import express from 'express'
import compression from 'compression'
import helmet from 'helmet'
import { createRequestHandler } from '@react-router/express'
import { RouterContextProvider, type ServerBuild } from 'react-router'
import { parse as parseCookie } from 'cookie'
import { readEnv, type Env } from '../app/.server/env.ts'
import { openDb } from '../app/.server/db.ts'
import { bindServices } from '../app/.server/services.ts'
import { requestContext } from '../app/.server/context.ts'
import { createMailer } from '../app/.server/mailer.ts'
import { createRateLimits } from '../app/.server/rate-limit.ts'
import { detectLocale } from '../app/i18n/detect-locale.ts'
import { LOCALE_COOKIE, LOCALE_QUERY_PARAM, isLocale } from '../app/i18n/locales.ts'
import { exportsDir } from '../app/.server/services/report.ts'
import { startReportWorker } from './jobs.ts'
import { bodyLimitBytes, refuseBody, REFUSED_BODY_MESSAGE } from '../app/.server/body-limit.ts'
import { createI18n } from '../app/i18n/instance.ts'
import { keepDrainListeners } from '../app/.server/drain-events.ts'

const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000

/** Builds the Express app around a React Router server build and an open database. */
export async function createApp(env: Env, build: ServerBuild) {
  const db = await openDb(env.DATABASE_URL, { busyTimeoutMs: env.SQLITE_BUSY_TIMEOUT_MS })
  const services = bindServices({
    db,
    mailer: createMailer(db, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM }),
    rateLimits: createRateLimits(db, {
      commentsPerAccountPer10Min: env.COMMENT_LIMIT_PER_ACCOUNT,
      commentsPerIpPer10Min: env.COMMENT_LIMIT_PER_IP,
      loginsPerIpPerHour: env.LOGIN_LIMIT_PER_IP,
      registrationsPerIpPerHour: env.REGISTRATION_LIMIT_PER_IP,
      listingRequestsPerIpPerHour: env.LISTING_LIMIT_PER_IP,
    }),
    publicUrl: env.PUBLIC_URL ?? `http://localhost:${env.PORT}`,
  })
  const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '[::1]'])
  const secureCookiesFor = (req: express.Request) =>
    env.COOKIE_SECURE === 'always' || (env.COOKIE_SECURE === 'auto' && env.NODE_ENV === 'production' && !LOOPBACK.has(req.hostname))
  const app = express()
  app.disable('x-powered-by')
  app.set('trust proxy', 'loopback')
  app.use(compression())
  // compression leaks a 'drain' listener per backpressured write of a streamed page.
  app.use((_req, res, next) => {
    keepDrainListeners(res)
    next()
  })

  // A fresh nonce per response lets React Router's inline hydration script run under a
  // strict Content-Security-Policy.
  app.use((_req, res, next) => {
    res.locals.cspNonce = randomBytes(16).toString('base64')
    next()
  })
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'script-src': ["'self'", (_req, res) => `'nonce-${(res as express.Response).locals.cspNonce}'`],
          'upgrade-insecure-requests': env.NODE_ENV === 'production' ? [] : null,
        },
      },
      // Plain HTTP on localhost must keep working: HSTS belongs to the TLS front end.
      strictTransportSecurity: false,
      // Not helmet's no-referrer: with it, browsers send `Origin: null` on a form's POST,
      // and React Router refuses a document POST whose origin is not the host's, so every
      // form without JavaScript failed. same-origin keeps addresses from leaking to other sites.
      referrerPolicy: { policy: 'same-origin' },
    }),
  )

  // No route accepts a body this large: refuse it before anything (the CSRF check) reads it.
  const maxBody = bodyLimitBytes()
  app.use((req, res, next) => {
    const refused = refuseBody(req.method, req.headers, maxBody)
    if (!refused) return next()
    const cookies = parseCookie(req.headers.cookie ?? '')
    const locale = detectLocale({ query: null, cookie: cookies[LOCALE_COOKIE] ?? null, acceptLanguage: req.headers['accept-language'] ?? null })
    const message = createI18n(locale).t(REFUSED_BODY_MESSAGE[refused], { mb: Math.floor(maxBody / (1024 * 1024)) })
    res.status(refused).set('Connection', 'close').type('text/plain; charset=utf-8').send(message)
  })

  const clientDir = path.resolve('build/client')
  app.use('/assets', express.static(path.join(clientDir, 'assets'), { immutable: true, maxAge: '1y' }))
  app.use(express.static(clientDir, { maxAge: '1h' }))

  // `?lng=` on any URL sets the interface language and remembers it.
  app.use((req, res, next) => {
    const lng = req.query[LOCALE_QUERY_PARAM]
    if (isLocale(lng)) {
      res.cookie(LOCALE_COOKIE, lng, { maxAge: ONE_YEAR_MS, sameSite: 'lax', httpOnly: true, path: '/', secure: secureCookiesFor(req) })
    }
    next()
  })

  app.all(
    '/{*splat}',
    createRequestHandler({
      build,
      mode: env.NODE_ENV,
      getLoadContext: (req, res) => {
        const cookies = parseCookie(req.headers.cookie ?? '')
        const query = req.query[LOCALE_QUERY_PARAM]
        const context = new RouterContextProvider()
        context.set(requestContext, {
          services,
          cspNonce: res.locals.cspNonce as string,
          locale: detectLocale({
            query: typeof query === 'string' ? query : null,
            cookie: cookies[LOCALE_COOKIE] ?? null,
            acceptLanguage: req.headers['accept-language'] ?? null,
          }),
          clientIp: req.ip ?? 'unknown',
          secureCookies: secureCookiesFor(req),
          publicUrl: env.PUBLIC_URL ?? null,
        })
        return context
      },
    }),
  )
  return { app, db, services }
}

/** Starts the server on $PORT (3000 by default). */
export async function main() {
  const env = readEnv()
  const buildPath = path.resolve('build/server/index.js')
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild
  const { app, db, services } = await createApp(env, build)
  const server = app.listen(env.PORT, env.HOST, () => {
    console.log(`Nacrt is running at http://localhost:${env.PORT}`)
  })
  // Writes down rounds that opened or closed on schedule and invites their interested
  // parties; safe to run on every instance at once (see consultation/transitions.ts).
  const sweepRounds = () => services.rounds.sweep().catch((error) => console.error('Round schedule sweep failed:', error))
  void sweepRounds()
  const sweeper = setInterval(sweepRounds, 60_000)
  sweeper.unref()
  // Report exports run in a worker thread, off the request thread (server/jobs.ts).
  const reportWorker = startReportWorker({ databaseUrl: env.DATABASE_URL, exportsDir: exportsDir(), busyTimeoutMs: env.SQLITE_BUSY_TIMEOUT_MS })
  const stop = () => {
    clearInterval(sweeper)
    void reportWorker.stop()
    server.close(() => {
      void db.$disconnect().finally(() => process.exit(0))
    })
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
