import { readFile } from 'node:fs/promises'
import mammoth from 'mammoth'
import { expect, test } from './fixtures.ts'

test('an anonymous visitor downloads the sample law as an official Word document', async ({ page }) => {
  // Version 2 by number: other journeys save newer versions of this draft.
  await page.goto('/drafts/zakon-o-socijalnim-uslugama?version=2&lng=bs')
  const downloads = page.getByRole('navigation', { name: /Preuzmite verziju/ })
  await expect(downloads.getByRole('link', { name: 'Akoma Ntoso (XML)' })).toBeVisible()
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    downloads.getByRole('link', { name: 'Zvanični tekst (.docx)' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('zakon-o-socijalnim-uslugama-v2.docx')
  const { value } = await mammoth.extractRawText({ buffer: await readFile((await download.path())!) })
  expect(value).toContain('Član 1.')
})

test('the Akoma Ntoso link gives XML of the version', async ({ request }) => {
  const response = await request.get('/drafts/zakon-o-socijalnim-uslugama/versions/2/akn.xml')
  expect(response.status()).toBe(200)
  const xml = await response.text()
  expect(xml).toContain('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">')
  expect(xml).toContain('eId="art_1"')
})

test('anyone reads the open-data API and its OpenAPI description', async ({ request }) => {
  const drafts = await request.get('/api/v1/drafts')
  expect(drafts.status()).toBe(200)
  expect(drafts.headers()['access-control-allow-origin']).toBe('*')
  const body = (await drafts.json()) as { drafts: { slug: string }[] }
  expect(body.drafts.map((d) => d.slug)).toContain('zakon-o-socijalnim-uslugama')

  const openapi = await request.get('/api/v1/openapi.json')
  expect(openapi.status()).toBe(200)
  const doc = (await openapi.json()) as { openapi: string; paths: Record<string, unknown> }
  expect(doc.openapi).toBe('3.1.0')
  expect(Object.keys(doc.paths)).toEqual(
    expect.arrayContaining(['/drafts', '/drafts/{slug}', '/drafts/{slug}/versions/{seq}', '/rounds', '/rounds/{roundId}', '/rounds/{roundId}/comments', '/rounds/{roundId}/report']),
  )
  const missing = await request.get('/api/v1/drafts/nema-takvog')
  expect(missing.status()).toBe(404)
  expect(((await missing.json()) as { error: { reason: string } }).error.reason).toBe('draft-not-found')
})
