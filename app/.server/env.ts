import { z } from 'zod'

/** The environment the server runs with, checked once at boot. */
export const Env = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^file:.+/, 'must be a SQLite file URL such as file:./data/nacrt.db')
    .default('file:./data/nacrt.db'),
  /** How long a writer waits for SQLite's single write lock before giving up, in ms. */
  SQLITE_BUSY_TIMEOUT_MS: z.coerce.number().int().min(0).max(60_000).default(5_000),
  /** The public address, for links in e-mails (else the request's own origin). */
  PUBLIC_URL: z.string().url('must be a URL such as https://nacrt.example.ba').optional(),
  /** SMTP server, e.g. smtp://user:pass@mail.example.ba:587; without it mail stays in the outbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, 'must start with smtp:// or smtps://').optional(),
  MAIL_FROM: z.string().min(3).default('Nacrt <no-reply@nacrt.local>'),
  /** always, never, or auto: Secure cookies in production except on localhost. */
  COOKIE_SECURE: z.enum(['auto', 'always', 'never']).default('auto'),
  /** Comments one account may send in ten minutes (raise it for load tests). */
  COMMENT_LIMIT_PER_ACCOUNT: z.coerce.number().int().min(1).max(1_000_000).default(30),
  /** Comments one address may send in ten minutes (an office behind one address sends many). */
  COMMENT_LIMIT_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(120),
  /** Log-in attempts one address may make in an hour (the browser tests log in from one address many times). */
  LOGIN_LIMIT_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(50),
  /** Registrations one address may make in an hour. */
  REGISTRATION_LIMIT_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(10),
  /** Requests to join an institution's list without an account one address may make in an hour (each sends an e-mail). */
  LISTING_LIMIT_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(10),
  /** The largest file attached to a comment, in megabytes. */
  ATTACHMENT_MAX_MB: z.coerce.number().int().min(1).max(100).default(10),
  /** Where attached files are kept (else uploads/ next to the SQLite file). */
  UPLOADS_DIR: z.string().min(1).optional(),
})
export type Env = z.infer<typeof Env>

/** Reads and checks the environment; throws a readable message listing every bad value. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = Env.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new Error(`Invalid environment:\n${lines.join('\n')}`)
  }
  return parsed.data
}
