import { PrismaBetterSQLite3 } from '@prisma/adapter-better-sqlite3'
import { PrismaClient } from '../../generated/prisma/client.ts'
import type { Db } from '../../drafting/db.ts'
import { cachePreparedStatements } from './statement-cache.ts'
import { useDriverAdapter, type DriverAdapter } from '../../accounts/sql.ts'

/**
 * Opens the database. SQLite settings (docs/decisions/0003-sqlite-settings.md):
 * WAL so that readers never wait for the writer; busy_timeout so that a second writer
 * waits for the lock instead of failing; synchronous = NORMAL so that a commit does not
 * wait for an fsync (safe with WAL: a power cut may lose the last commits, never the file);
 * foreign keys on (SQLite leaves them off). The connection keeps its prepared statements
 * (statement-cache.ts).
 */
export async function openDb(url: string, options: { busyTimeoutMs?: number } = {}): Promise<Db> {
  let connected: DriverAdapter | undefined
  const adapter = keepingStatements(new PrismaBetterSQLite3({ url, timeout: options.busyTimeoutMs ?? 5_000 }), (a) => (connected = a), (a) => {
    if (connected === a) connected = undefined
  })
  const db = new PrismaClient({ adapter })
  // The hot paths' raw SQL goes to the adapter itself (accounts/sql.ts).
  useDriverAdapter(db, () => connected)
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL')
  await db.$executeRawUnsafe('PRAGMA synchronous = NORMAL')
  await db.$executeRawUnsafe('PRAGMA foreign_keys = ON')
  return db
}

/**
 * The adapter factory, its connections keeping their prepared statements; `onConnect` and
 * `onDispose` learn when a connection's adapter starts and ends ($disconnect; Prisma
 * connects again on the next query).
 */
function keepingStatements(factory: PrismaBetterSQLite3, onConnect: (adapter: DriverAdapter) => void, onDispose: (adapter: DriverAdapter) => void): PrismaBetterSQLite3 {
  const connect = factory.connect.bind(factory)
  factory.connect = async () => {
    const adapter = await connect()
    const dispose = adapter.dispose.bind(adapter)
    adapter.dispose = () => {
      onDispose(adapter as unknown as DriverAdapter)
      return dispose()
    }
    onConnect(adapter as unknown as DriverAdapter)
    // The adapter's better-sqlite3 connection; should a later adapter hide it, statements are simply not kept.
    const client = (adapter as unknown as { client?: Parameters<typeof cachePreparedStatements>[0] }).client
    if (typeof client?.prepare === 'function') cachePreparedStatements(client)
    return adapter
  }
  return factory
}
