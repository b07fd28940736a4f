/** The database handle services take, and the handle inside a transaction. */
export type { Db, Tx } from './db.ts'
/** Expected outcomes as values. */
export { ok, fail, type Result } from './result.ts'
/** Who is asking: anonymous, or a person with site role and organisations. */
export { ANONYMOUS, loadActor, type Actor, type ActorMembership, type MembershipRole } from './actor.ts'
/** Validated inputs of every accounts form. */
export * from './inputs.ts'
/** Pure predicates: who may do what with accounts and organisations. */
export * from './permissions.ts'
/** The append-only audit log. */
export { recordAudit, type AuditEntry } from './audit.ts'
/** Database-backed login sessions. */
export { createSession, resumeSession, resumeSessionActor, endSession, endAllSessions, SESSION_TTL_MS } from './sessions.ts'
/** Registration and e-mail confirmation. */
export { registerUser, confirmEmail, renewConfirmation, type RegistrationOutcome, type ConfirmationProblem } from './registration.ts'
/** Checking an e-mail and password. */
export { authenticate, type LoginProblem } from './authentication.ts'
/** Forgotten passwords. */
export { requestPasswordReset, resetPassword, type ResetProblem } from './password-reset.ts'
/** A person's own account. */
export { getProfile, updateProfile, setPreferredLocale, changePassword, deleteAccount, type Profile, type CurrentPasswordProblem } from './profile.ts'
/** Organisations: requests, verification, members and their roles. */
export {
  requestOrganisation, decideOrganisation, addMember, setMemberRole, getOrganisation, listOrganisations,
  type OrganisationView, type DecisionProblem, type MemberProblem, type MemberRoleProblem,
} from './organisations.ts'
/** Token hashing for sessions and links. */
export { hashToken } from './tokens.ts'
/** The administrators' area: users and site roles, the audit log, the outbox. */
export {
  getAdminOverview, listUsers, setSiteRole, listAuditEvents, listOutbox, getOutboxEmail,
  SiteRole, SiteRoleChange, USERS_PAGE_SIZE, AUDIT_PAGE_SIZE, OUTBOX_PAGE_SIZE,
  type AdminOverview, type AdminUserRow, type UserFilter, type AuditEventRow, type AuditFilter, type OutboxEmailView, type OutboxFilter,
  type Page, type AdminReadProblem, type SiteRoleProblem, type OutboxEmailProblem,
} from './admin.ts'
