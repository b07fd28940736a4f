import type { Db, Tx } from './db.ts'
import type { Prisma } from '../generated/prisma/client.ts'

/** Something that happened, for the append-only audit log. */
export interface AuditEntry {
  actorId: string | null
  action: string
  objectType: string
  objectId: string
  data?: Record<string, unknown>
  at: Date
}

/** Appends one entry to the audit log, inside the caller's transaction where it has one. */
export async function recordAudit(db: Db | Tx, entry: AuditEntry): Promise<void> {
  await db.auditEvent.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      objectType: entry.objectType,
      objectId: entry.objectId,
      data: entry.data as Prisma.InputJsonValue | undefined,
      at: entry.at,
    },
  })
}
