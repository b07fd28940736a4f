import type { Db, Tx } from './db.ts'
import { statement, type Statement } from './sql.ts'

/** Something that happened, for the append-only audit log. */
export interface AuditEntry {
  actorId: string | null
  action: string
  objectType: string
  objectId: string
  data?: Record<string, unknown>
  at: Date
}

const INSERT = `INSERT INTO "AuditEvent" ("at", "actorId", "action", "objectType", "objectId", "data") SELECT ?, ?, ?, ?, ?, ?`

/**
 * The insert of one audit entry, as one raw statement, not yet run: for a batch
 * (accounts/sql.ts) or a transaction. With `onlyIf`, a SQL condition and its arguments,
 * the entry is written only when the condition holds when the statement runs (a batch's
 * earlier statement may have done nothing). `data` is stored as JSON text, which is how
 * Prisma keeps a Json column in SQLite (on PostgreSQL the parameter would need a `::jsonb` cast).
 */
export function auditStatement(entry: AuditEntry, onlyIf?: { sql: string; args: readonly unknown[] }): Statement {
  const args = [entry.at, entry.actorId, entry.action, entry.objectType, entry.objectId, entry.data === undefined ? null : JSON.stringify(entry.data)]
  return onlyIf ? statement(`${INSERT} WHERE ${onlyIf.sql}`, ...args, ...onlyIf.args) : statement(INSERT, ...args)
}

/** Appends one entry to the audit log, inside the caller's transaction where it has one. */
export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  const { sql, args } = auditStatement(entry)
  await db.$executeRawUnsafe(sql, ...args)
}
