import { describe, expect, it } from 'vitest'
import { bodyLimitBytes, refuseBody } from './body-limit.ts'
import { maxRequestBytes } from './attachment-store.ts'

describe('refuseBody', () => {
  const max = 1000
  it('lets reads through, whatever they claim', () => {
    expect(refuseBody('GET', { 'content-length': '999999' }, max)).toBeNull()
    expect(refuseBody('HEAD', { 'transfer-encoding': 'chunked' }, max)).toBeNull()
  })

  it('refuses a body over the limit before anything reads it, and lets one at the limit through', () => {
    expect(refuseBody('POST', { 'content-length': '1001' }, max)).toBe(413)
    expect(refuseBody('POST', { 'content-length': '1000' }, max)).toBeNull()
    expect(refuseBody('POST', { 'content-length': 'lots' }, max)).toBe(413)
  })

  it('asks for a length when a state-changing request streams its body', () => {
    expect(refuseBody('POST', { 'transfer-encoding': 'chunked' }, max)).toBe(411)
    expect(refuseBody('POST', {}, max)).toBeNull()
  })
})

describe('bodyLimitBytes', () => {
  it('stays above every route’s own limit, so that the route answers with its translated error first', () => {
    expect(bodyLimitBytes()).toBeGreaterThan(maxRequestBytes('letter'))
    expect(bodyLimitBytes()).toBeGreaterThan(maxRequestBytes('attachment'))
    expect(bodyLimitBytes()).toBeGreaterThan(10 * 1024 * 1024)
  })
})
