import { describe, expect, it } from 'vitest'
import { ANONYMOUS, type Actor, type ActorMembership } from '../accounts/actor.ts'
import { canCreateDraft, canCreateDrafts } from './permissions.ts'

const person = (memberships: Partial<ActorMembership>[] = [], siteRole: Actor['siteRole'] = 'user'): Actor => ({
  userId: 'u1',
  name: 'Osoba',
  siteRole,
  memberships: memberships.map((m) => ({ organisationId: 'min', organisationKind: 'ministry', verified: true, role: 'staff', ...m })),
})

describe('canCreateDraft', () => {
  it('lets staff and coordinators of a verified ministry or public institution start its drafts', () => {
    expect(canCreateDraft(person([{ role: 'staff' }]), 'min')).toBe(true)
    expect(canCreateDraft(person([{ role: 'coordinator', organisationKind: 'public-institution' }]), 'min')).toBe(true)
  })

  it('refuses them for another institution, and refuses members, unverified ministries and NGOs', () => {
    expect(canCreateDraft(person([{ role: 'staff' }]), 'other')).toBe(false)
    expect(canCreateDraft(person([{ role: 'member' }]), 'min')).toBe(false)
    expect(canCreateDraft(person([{ role: 'representative' }]), 'min')).toBe(false)
    expect(canCreateDraft(person([{ verified: false }]), 'min')).toBe(false)
    expect(canCreateDraft(person([{ organisationKind: 'ngo' }]), 'min')).toBe(false)
  })

  it('lets administrators start drafts for any institution, and nobody anonymous', () => {
    expect(canCreateDraft(person([], 'admin'), 'min')).toBe(true)
    expect(canCreateDraft(ANONYMOUS, 'min')).toBe(false)
  })
})

describe('canCreateDrafts', () => {
  it('is true for administrators and institution staff, false for citizens, NGO staff and anonymous visitors', () => {
    expect(canCreateDrafts(person([], 'admin'))).toBe(true)
    expect(canCreateDrafts(person([{ role: 'coordinator' }]))).toBe(true)
    expect(canCreateDrafts(person())).toBe(false)
    expect(canCreateDrafts(person([{ organisationKind: 'ngo' }]))).toBe(false)
    expect(canCreateDrafts(ANONYMOUS)).toBe(false)
  })
})
