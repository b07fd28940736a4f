import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import type { Db } from '../../drafting/db.ts'
import { registerUser, confirmEmail } from '../../accounts/registration.ts'
import { authenticate } from '../../accounts/authentication.ts'
import { createSession, resumeSession, resumeSessionActor, SESSION_TTL_MS } from '../../accounts/sessions.ts'
import { loadActor } from '../../accounts/actor.ts'
import { requestPasswordReset, resetPassword } from '../../accounts/password-reset.ts'
import { changePassword, deleteAccount } from '../../accounts/profile.ts'
import { hashToken } from '../../accounts/tokens.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const HOUR = 3_600_000
let db: Db
let cleanup: () => Promise<void>

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
})
afterEach(async () => {
  await cleanup()
})

async function confirmedUser(email = 'ana@example.ba', password = 'dobra-lozinka-1') {
  const outcome = await registerUser(db, { name: 'Ana Anić', email, password }, { now: NOW, locale: 'bs' })
  if (outcome.kind !== 'confirm') throw new Error('expected a new account')
  expect((await confirmEmail(db, outcome.token, NOW)).ok).toBe(true)
  return outcome.userId
}

describe('registration and confirmation', () => {
  it('stores an argon2id hash, never the password', async () => {
    const userId = await confirmedUser()
    const user = await db.user.findUniqueOrThrow({ where: { id: userId } })
    expect(user.passwordHash).toMatch(/^\$argon2id\$/)
    expect(user.passwordHash).not.toContain('dobra-lozinka-1')
  })

  it('refuses to log in before the address is confirmed', async () => {
    await registerUser(db, { name: 'Ana', email: 'ana@example.ba', password: 'dobra-lozinka-1' }, { now: NOW, locale: 'bs' })
    const result = await authenticate(db, { email: 'ana@example.ba', password: 'dobra-lozinka-1' }, NOW)
    expect(result).toMatchObject({ ok: false, reason: 'email-not-confirmed' })
  })

  it('does not reveal that an address is registered, and keeps the first account', async () => {
    await confirmedUser()
    const second = await registerUser(db, { name: 'Neko Drugi', email: 'ana@example.ba', password: 'druga-lozinka-2' }, { now: NOW, locale: 'bs' })
    expect(second.kind).toBe('already-registered')
    expect(await db.user.count()).toBe(1)
    expect((await authenticate(db, { email: 'ana@example.ba', password: 'dobra-lozinka-1' }, NOW)).ok).toBe(true)
  })

  it('accepts a confirmation link once, and not after 48 hours', async () => {
    const outcome = await registerUser(db, { name: 'Ana', email: 'ana@example.ba', password: 'dobra-lozinka-1' }, { now: NOW, locale: 'bs' })
    if (outcome.kind !== 'confirm') throw new Error('expected a new account')
    expect(await confirmEmail(db, outcome.token, new Date(NOW.getTime() + 49 * HOUR))).toEqual({ ok: false, reason: 'expired-token' })
    expect((await confirmEmail(db, outcome.token, NOW)).ok).toBe(true)
    expect(await confirmEmail(db, outcome.token, NOW)).toEqual({ ok: false, reason: 'invalid-token' })
    expect(await confirmEmail(db, 'nonsense-token-value', NOW)).toEqual({ ok: false, reason: 'invalid-token' })
  })
})

describe('sessions', () => {
  it('stores only the hash of the session token and expires after the time to live', async () => {
    const userId = await confirmedUser()
    const { token } = await createSession(db, userId, NOW)
    expect(await db.session.findUnique({ where: { id: token } })).toBeNull()
    expect(await db.session.findUnique({ where: { id: hashToken(token) } })).not.toBeNull()
    expect((await resumeSession(db, token, new Date(NOW.getTime() + HOUR)))?.userId).toBe(userId)
    expect(await resumeSession(db, token, new Date(NOW.getTime() + SESSION_TTL_MS + 2 * HOUR))).toBeNull()
  })

  it('resolves the person of a session in one read, with their organisations, as loadActor does', async () => {
    const userId = await confirmedUser()
    const ngo = await db.organisation.create({ data: { slug: 'udruga', name: 'Udruga', kind: 'ngo', verification: 'verified', verifiedAt: NOW } })
    const other = await db.organisation.create({ data: { slug: 'drugo', name: 'Drugo', kind: 'ngo', verification: 'pending' } })
    await db.membership.create({ data: { userId, organisationId: ngo.id, role: 'representative' } })
    await db.membership.create({ data: { userId, organisationId: other.id, role: 'member' } })
    const { token } = await createSession(db, userId, NOW)
    const later = new Date(NOW.getTime() + 2 * HOUR)
    const resumed = await resumeSessionActor(db, token, later)
    expect(resumed?.sessionId).toBe(hashToken(token))
    const expected = await loadActor(db, userId)
    expect(expected.memberships).toHaveLength(2)
    expect({ ...resumed!.actor, memberships: [...resumed!.actor.memberships].sort((a, b) => a.organisationId.localeCompare(b.organisationId)) })
      .toEqual({ ...expected, memberships: [...expected.memberships].sort((a, b) => a.organisationId.localeCompare(b.organisationId)) })
    // Used after an hour: the session was extended from then.
    const row = await db.session.findUniqueOrThrow({ where: { id: hashToken(token) } })
    expect(row.lastSeenAt).toEqual(later)
    expect(row.expiresAt).toEqual(new Date(later.getTime() + SESSION_TTL_MS))
    // Unknown, expired, or of an account that is gone: nobody.
    expect(await resumeSessionActor(db, 'nepoznat', NOW)).toBeNull()
    expect(await resumeSessionActor(db, token, new Date(later.getTime() + SESSION_TTL_MS + HOUR))).toBeNull()
    const again = await createSession(db, userId, NOW)
    await db.user.update({ where: { id: userId }, data: { deletedAt: NOW } })
    expect(await resumeSessionActor(db, again.token, NOW)).toBeNull()
  })

  it('gives every login a new session (rotation)', async () => {
    const userId = await confirmedUser()
    const a = await createSession(db, userId, NOW)
    const b = await createSession(db, userId, NOW)
    expect(a.token).not.toBe(b.token)
  })
})

describe('passwords', () => {
  it('resets a password with the e-mailed token and ends every session', async () => {
    const userId = await confirmedUser()
    const { token: sessionToken } = await createSession(db, userId, NOW)
    const prepared = await requestPasswordReset(db, 'ana@example.ba', NOW)
    expect(prepared).not.toBeNull()
    expect((await resetPassword(db, { token: prepared!.token, password: 'nova-lozinka-99' }, NOW)).ok).toBe(true)
    expect(await resumeSession(db, sessionToken, NOW)).toBeNull()
    expect((await authenticate(db, { email: 'ana@example.ba', password: 'nova-lozinka-99' }, NOW)).ok).toBe(true)
    expect(await resetPassword(db, { token: prepared!.token, password: 'treca-lozinka-77' }, NOW)).toEqual({ ok: false, reason: 'invalid-token' })
  })

  it('says nothing about unknown addresses when a reset is asked for', async () => {
    expect(await requestPasswordReset(db, 'nepoznat@example.ba', NOW)).toBeNull()
  })

  it('refuses a reset link older than an hour', async () => {
    await confirmedUser()
    const prepared = await requestPasswordReset(db, 'ana@example.ba', NOW)
    const late = new Date(NOW.getTime() + 2 * HOUR)
    expect(await resetPassword(db, { token: prepared!.token, password: 'nova-lozinka-99' }, late)).toEqual({ ok: false, reason: 'expired-token' })
  })

  it('changes a password only with the current one', async () => {
    const userId = await confirmedUser()
    expect(await changePassword(db, userId, { currentPassword: 'pogresna', password: 'nova-lozinka-99' }, { now: NOW })).toEqual({ ok: false, reason: 'wrong-password' })
    expect((await changePassword(db, userId, { currentPassword: 'dobra-lozinka-1', password: 'nova-lozinka-99' }, { now: NOW })).ok).toBe(true)
  })
})

describe('deleting an account', () => {
  it('erases e-mail and name, keeps named comments named and the audit trail pseudonymous', async () => {
    const userId = await confirmedUser()
    const org = await db.organisation.create({ data: { slug: 'min', name: 'Ministarstvo', kind: 'ministry', verification: 'verified' } })
    const draft = await db.draft.create({ data: { slug: 'd', title: 'Nacrt', ownerId: org.id } })
    const version = await db.version.create({ data: { draftId: draft.id, seq: 1, name: 'v1', doc: {} } })
    const round = await db.round.create({ data: { draftId: draft.id, versionId: version.id, title: 'r', opensAt: NOW, closesAt: new Date(NOW.getTime() + 100 * HOUR) } })
    await db.comment.create({ data: { roundId: round.id, authorId: userId, body: 'Imenovan', consentToBeNamed: true, authorName: 'Ana Anić' } })
    await db.comment.create({ data: { roundId: round.id, authorId: userId, body: 'Anoniman', consentToBeNamed: false, authorName: 'Ana Anić' } })

    expect(await deleteAccount(db, userId, { currentPassword: 'pogresna', confirm: 'on' }, NOW)).toEqual({ ok: false, reason: 'wrong-password' })
    expect((await deleteAccount(db, userId, { currentPassword: 'dobra-lozinka-1', confirm: 'on' }, NOW)).ok).toBe(true)

    const user = await db.user.findUniqueOrThrow({ where: { id: userId } })
    expect([user.email, user.name, user.passwordHash]).toEqual([null, null, null])
    const comments = await db.comment.findMany({ where: { authorId: userId }, orderBy: { body: 'asc' } })
    expect(comments.map((c) => [c.body, c.authorName])).toEqual([['Anoniman', null], ['Imenovan', 'Ana Anić']])
    const audit = await db.auditEvent.findMany({ where: { actorId: userId } })
    expect(audit.map((a) => a.action)).toContain('user.deleted')
    expect((await authenticate(db, { email: 'ana@example.ba', password: 'dobra-lozinka-1' }, NOW)).ok).toBe(false)
  })

  it('takes the person off every list of interested parties, by account and by address, and no one else', async () => {
    const userId = await confirmedUser()
    const ministry = await db.organisation.create({ data: { slug: 'min', name: 'Ministarstvo', kind: 'ministry', verification: 'verified' } })
    const other = await db.organisation.create({ data: { slug: 'min2', name: 'Ministarstvo 2', kind: 'ministry', verification: 'verified' } })
    await db.interestedParty.create({ data: { institutionId: ministry.id, userId, name: 'Ana Anić', email: 'ana@example.ba' } })
    // A written request staff entered for the same address, not linked to the account.
    await db.interestedParty.create({ data: { institutionId: other.id, name: 'Ana Anić', email: 'ana@example.ba', source: 'staff' } })
    await db.interestedParty.create({ data: { institutionId: ministry.id, name: 'Neko drugi', email: 'drugi@example.ba' } })
    expect((await deleteAccount(db, userId, { currentPassword: 'dobra-lozinka-1', confirm: 'on' }, NOW)).ok).toBe(true)
    expect((await db.interestedParty.findMany()).map((p) => p.email)).toEqual(['drugi@example.ba'])
  })
})
