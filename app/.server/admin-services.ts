import type { Db } from '../../accounts/db.ts'
import type { Actor } from '../../accounts/actor.ts'
import {
  getAdminOverview, getOutboxEmail, listAuditEvents, listOutbox, listUsers, setSiteRole,
  type AuditFilter, type OutboxFilter, type SiteRole, type UserFilter,
} from '../../accounts/admin.ts'

/**
 * The administrators' area bound to one database and clock: what the /admin routes call.
 * Every method takes the acting person first; the domain checks what they may do.
 */
export function bindAdminServices(db: Db, clock: () => Date) {
  return {
    overview: (actor: Actor) => getAdminOverview(db, actor),
    users: (actor: Actor, filter: UserFilter = {}) => listUsers(db, actor, filter),
    setSiteRole: (actor: Actor, userId: string, role: SiteRole) => setSiteRole(db, actor, userId, role, clock()),
    auditEvents: (actor: Actor, filter: AuditFilter = {}) => listAuditEvents(db, actor, filter),
    outbox: (actor: Actor, filter: OutboxFilter = {}) => listOutbox(db, actor, filter),
    outboxEmail: (actor: Actor, id: string) => getOutboxEmail(db, actor, id),
  }
}
export type AdminServices = ReturnType<typeof bindAdminServices>
