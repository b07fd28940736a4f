// Every action × every role, against a real database: allowed or refused.
// Predicates are asked with actors and draft roles loaded from the database; actions that
// exist as commands are carried out, and "refused" means the command said `forbidden`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor } from '../../accounts/actor.ts'
import { addMember, decideOrganisation, requestOrganisation } from '../../accounts/organisations.ts'
import { listAuditEvents, listOutbox, listUsers } from '../../accounts/admin.ts'
import { canAssignDraftRoles, canEditDraft, canOpenEditor, canSaveVersion, loadDraftAccess, type DraftAccess, type DraftRole } from '../../drafting/permissions.ts'
import {
  canComment, canCommentForOrganisation, canExportReport, canManageRound, canModerate, canPublishReport, canReadRound, canRespond,
} from '../../consultation/permissions.ts'
import { roundState, type RoundState } from '../../consultation/round-state.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
const ROLES = ['anonymous', 'citizen', 'representative', 'editor', 'moderator', 'responder', 'owner', 'administrator'] as const
type Role = (typeof ROLES)[number]

let db: Db
let cleanup: () => Promise<void>
const actors = {} as Record<Role, Actor>
let draftId: string
let state: RoundState
let organisationId: string
let organisationSlug: string
let n = 0

async function user(label: string, draftRole?: DraftRole): Promise<string> {
  const u = await db.user.create({ data: { email: `${label}-${n++}@matrix.example.ba`, name: label, emailVerifiedAt: NOW } })
  if (draftRole) await db.draftAssignment.create({ data: { draftId, userId: u.id, role: draftRole } })
  return u.id
}

beforeAll(async () => {
  ;({ db, cleanup } = await createTestDb())
  await seed(db, NOW)
  const draft = await db.draft.findUniqueOrThrow({ where: { slug: 'zakon-o-socijalnim-uslugama' }, include: { rounds: true } })
  draftId = draft.id
  state = roundState(draft.rounds[0]!, NOW)
  const repId = await user('representative')
  const org = await db.organisation.create({ data: { slug: 'matrix-udruzenje', name: 'Matrix udruženje', kind: 'ngo', verification: 'verified' } })
  organisationId = org.id
  organisationSlug = org.slug
  await db.membership.create({ data: { userId: repId, organisationId, role: 'representative' } })
  const admin = await db.user.findUniqueOrThrow({ where: { email: 'admin@nacrt.example.ba' } })
  const citizen = await db.user.findUniqueOrThrow({ where: { email: 'gradjanin@nacrt.example.ba' } })
  const ids: Record<Exclude<Role, 'anonymous'>, string> = {
    citizen: citizen.id,
    representative: repId,
    editor: await user('editor', 'editor'),
    moderator: await user('moderator', 'moderator'),
    responder: await user('responder', 'responder'),
    owner: await user('owner', 'owner'),
    administrator: admin.id,
  }
  actors.anonymous = ANONYMOUS
  for (const [role, id] of Object.entries(ids)) actors[role as Role] = await loadActor(db, id)
})
afterAll(async () => {
  await cleanup()
})

const access = async (actor: Actor): Promise<DraftAccess> => (await loadDraftAccess(db, actor, draftId))!
const notForbidden = (r: { ok: boolean; reason?: string }) => r.ok || r.reason !== 'forbidden'

type Check = (actor: Actor) => Promise<boolean>
const Y = true
const N = false

// role order:                                   anon citizen rep editor moder respo owner admin
const MATRIX: [string, Check, boolean[]][] = [
  ['read the open round', async (a) => canReadRound(a, await access(a), state), [Y, Y, Y, Y, Y, Y, Y, Y]],
  ['open the editor', async (a) => canOpenEditor(a, await access(a)), [N, N, N, Y, N, N, Y, Y]],
  ['edit the working copy', async (a) => canEditDraft(a, await access(a)), [N, N, N, Y, N, N, Y, Y]],
  ['save a named version', async (a) => canSaveVersion(a, await access(a)), [N, N, N, Y, N, N, Y, Y]],
  ['assign roles on the draft', async (a) => canAssignDraftRoles(a, await access(a)), [N, N, N, N, N, N, Y, Y]],
  ['comment on the open round', async (a) => canComment(a, state), [N, Y, Y, Y, Y, Y, Y, Y]],
  ['comment on behalf of the organisation', async (a) => canCommentForOrganisation(a, organisationId, state), [N, N, Y, N, N, N, N, N]],
  ['plan, open and close rounds', async (a) => canManageRound(a, await access(a)), [N, N, N, N, N, N, Y, Y]],
  ['moderate comments', async (a) => canModerate(a, await access(a)), [N, N, N, N, Y, N, Y, Y]],
  ['answer comments', async (a) => canRespond(a, await access(a)), [N, N, N, N, N, Y, Y, Y]],
  ['publish the report', async (a) => canPublishReport(a, await access(a)), [N, N, N, N, N, N, Y, Y]],
  ['export the unpublished report', async (a) => canExportReport(a, await access(a), state), [N, N, N, N, Y, Y, Y, Y]],
  ['request an organisation', async (a) => notForbidden(await requestOrganisation(db, a, { name: `Zahtjev ${n++}`, kind: 'informal-group', registrationNumber: null, contactEmail: 'kontakt@example.ba' }, NOW)), [N, Y, Y, Y, Y, Y, Y, Y]],
  ['verify an organisation', async (a) => notForbidden(await decideOrganisation(db, a, organisationSlug, { decision: 'verify', reason: '' }, NOW)), [N, N, N, N, N, N, N, Y]],
  ['add a member to the organisation', async (a) => notForbidden(await addMember(db, a, organisationSlug, { email: 'gradjanin@nacrt.example.ba' }, NOW)), [N, N, Y, N, N, N, N, Y]],
  ['manage users', async (a) => notForbidden(await listUsers(db, a, {})), [N, N, N, N, N, N, N, Y]],
  ['read the audit log', async (a) => notForbidden(await listAuditEvents(db, a, {})), [N, N, N, N, N, N, N, Y]],
  ['read the outbox', async (a) => notForbidden(await listOutbox(db, a, {})), [N, N, N, N, N, N, N, Y]],
]

const cases = MATRIX.flatMap(([action, check, expected]) =>
  ROLES.map((role, i) => ({ action, role, check, allowed: expected[i]! })),
)

describe('authorization matrix', () => {
  it('covers every action for every role', () => {
    expect(cases.length).toBe(MATRIX.length * ROLES.length)
    expect(cases.length).toBeGreaterThanOrEqual(40)
  })

  it.each(cases)('$role: $action → allowed $allowed', async ({ role, check, allowed }) => {
    expect(await check(actors[role])).toBe(allowed)
  })
})
