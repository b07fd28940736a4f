import { describe, expect, it } from 'vitest'
import { peekForm } from './forms.ts'

describe('peekForm', () => {
  it('reads a copy of the form and leaves the body for the real parse', async () => {
    const request = new Request('http://localhost/x', { method: 'POST', body: new URLSearchParams({ intent: 'open', csrf: 't' }) })
    expect((await peekForm(request))?.get('intent')).toBe('open')
    expect((await request.formData()).get('csrf')).toBe('t')
  })

  it('is null for a body that is not a readable form, instead of throwing', async () => {
    const request = new Request('http://localhost/x', {
      method: 'POST',
      headers: { 'content-type': 'multipart/form-data; boundary=nothing-here' },
      body: 'not multipart at all',
    })
    expect(await peekForm(request)).toBeNull()
  })
})
