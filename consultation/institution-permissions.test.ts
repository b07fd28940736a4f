import { describe, expect, it } from 'vitest'
import { ANONYMOUS, type Actor, type ActorMembership } from '../accounts/actor.ts'
import { canAskToBeListed, canManageInterestedParties, canManagePlan, canRemoveParty, keepsPublicLists } from './institution-permissions.ts'

const MINISTRY = 'ministry-1'
const actor = (memberships: Partial<ActorMembership>[] = [], siteRole: Actor['siteRole'] = 'user', userId = 'u1'): Actor => ({
  userId,
  name: 'Osoba',
  siteRole,
  memberships: memberships.map((m) => ({ organisationId: MINISTRY, organisationKind: 'ministry', verified: true, role: 'member', ...m })),
})

describe('keepsPublicLists', () => {
  it('is true for verified ministries and public institutions only', () => {
    expect(keepsPublicLists({ kind: 'ministry', verification: 'verified' })).toBe(true)
    expect(keepsPublicLists({ kind: 'public-institution', verification: 'verified' })).toBe(true)
    expect(keepsPublicLists({ kind: 'ministry', verification: 'requested' })).toBe(false)
    expect(keepsPublicLists({ kind: 'ngo', verification: 'verified' })).toBe(false)
  })
})

describe('who keeps the list and the plan', () => {
  const cases: [string, Actor, boolean][] = [
    ['staff', actor([{ role: 'staff' }]), true],
    ['coordinator', actor([{ role: 'coordinator' }]), true],
    ['administrator', actor([], 'admin'), true],
    ['member of the ministry', actor([{ role: 'member' }]), false],
    ['representative', actor([{ role: 'representative' }]), false],
    ['staff of an unverified ministry', actor([{ role: 'staff', verified: false }]), false],
    ['staff of another ministry', actor([{ role: 'staff', organisationId: 'other' }]), false],
    ['citizen', actor(), false],
    ['anonymous', ANONYMOUS, false],
  ]
  for (const [label, a, allowed] of cases) {
    it(`${allowed ? 'allows' : 'refuses'} ${label}`, () => {
      expect(canManageInterestedParties(a, MINISTRY)).toBe(allowed)
      expect(canManagePlan(a, MINISTRY)).toBe(allowed)
    })
  }
})

describe('canAskToBeListed', () => {
  it('lets anyone signed in ask, and nobody anonymous', () => {
    expect(canAskToBeListed(actor())).toBe(true)
    expect(canAskToBeListed(ANONYMOUS)).toBe(false)
  })
})

describe('canRemoveParty', () => {
  const party = { userId: 'u9', email: 'ana@example.ba' }
  it('lets the person take themself off: by the account that asked, or an account with the same address', () => {
    expect(canRemoveParty(actor([], 'user', 'u9'), MINISTRY, party, 'someone@example.ba')).toBe(true)
    expect(canRemoveParty(actor([], 'user', 'u2'), MINISTRY, { userId: null, email: 'ana@example.ba' }, 'Ana@Example.ba')).toBe(true)
  })
  it('lets staff take anyone off', () => {
    expect(canRemoveParty(actor([{ role: 'staff' }]), MINISTRY, party, null)).toBe(true)
  })
  it('refuses anyone else, and anonymous visitors', () => {
    expect(canRemoveParty(actor(), MINISTRY, party, 'other@example.ba')).toBe(false)
    expect(canRemoveParty(ANONYMOUS, MINISTRY, { userId: null, email: 'ana@example.ba' }, null)).toBe(false)
  })
})
