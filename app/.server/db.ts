import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '../../generated/prisma/client.ts'
import type { Db } from '../../drafting/db.ts'

/**
 * Opens the database. SQLite settings (docs/decisions/0003-sqlite-settings.md):
 * WAL so that readers never wait for the writer; busy_timeout so that a second writer
 * waits for the lock instead of failing; synchronous = NORMAL so that a commit does not
 * wait for an fsync (safe with WAL: a power cut may lose the last commits, never the file);
 * foreign keys on (SQLite leaves them off).
 */
export async function openDb(url: string, options: { busyTimeoutMs?: number } = {}): Promise<Db> {
  const adapter = new PrismaBetterSQLite3({ url, timeout: options.busyTimeoutMs ?? 5_000 })
  const db = new PrismaClient({ adapter })
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL')
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON')
  return db
}
