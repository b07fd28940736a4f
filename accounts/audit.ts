import type { Db, Tx } from './db.ts'

/** Something that happened, for the append-only audit log. */
export interface AuditEntry {
  actorId: string | null
  action: string
  objectType: string
  objectId: string
  data?: Record<string, unknown>
  at: Date
}

/** What runs the insert: Prisma's client, one of its transactions, or a batch of them. */
type Sql = Pick<Tx, '$executeRawUnsafe'>

const INSERT = `INSERT INTO "AuditEvent" ("at", "actorId", "action", "objectType", "objectId", "data") SELECT ?, ?, ?, ?, ?, ?`

/**
 * The insert of one audit entry, as one raw statement (no query compilation by Prisma's
 * client), not yet run: await it, or put it in a `$transaction([...])` batch. With
 * `onlyIf`, a SQL condition and its arguments, the entry is written only when the condition
 * holds when the statement runs (a batch's earlier statement may have done nothing).
 * `data` is stored as JSON text, which is how Prisma keeps a Json column in SQLite (on
 * PostgreSQL the parameter would need a `::jsonb` cast).
 */
export function auditInsert(db: Sql, entry: AuditEntry, onlyIf?: { sql: string; args: readonly unknown[] }) {
  const args = [entry.at, entry.actorId, entry.action, entry.objectType, entry.objectId, entry.data === undefined ? null : JSON.stringify(entry.data)]
  return onlyIf
    ? db.$executeRawUnsafe(`${INSERT} WHERE ${onlyIf.sql}`, ...args, ...onlyIf.args)
    : db.$executeRawUnsafe(INSERT, ...args)
}

/** Appends one entry to the audit log, inside the caller's transaction where it has one. */
export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await auditInsert(db, entry)
}
