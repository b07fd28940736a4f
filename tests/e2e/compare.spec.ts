import { expect, test } from './fixtures.ts'

test.describe('comparing versions', () => {
  test('a reader compares the two sample versions and reads exactly what changed', async ({ page }) => {
    await page.goto('/drafts/zakon-o-socijalnim-uslugama?lng=bs&version=1')
    await page.getByRole('link', { name: 'Uporedi verzije' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Poređenje verzija' })).toBeVisible()
    const summary = page.getByRole('region', { name: /Od „Radni materijal 1“ do „Nacrt za javne konsultacije“/ })
    await expect(summary).toContainText('2 člana dodana')
    await expect(summary).toContainText('1 član brisan')
    await expect(summary).toContainText('1 član premješten')

    const dayCare = page.getByRole('article').filter({ hasText: '(Dnevni boravak)' })
    await expect(dayCare.locator('ins', { hasText: 'teškoćama' })).toBeVisible()
    await expect(dayCare.locator('del', { hasText: 'teskoćama' })).toBeVisible()
    // A renumbered article is named with its former number, not as deleted and added.
    await expect(page.getByRole('heading', { name: /\(ranije Član \d+\.\)/ }).first()).toBeVisible()

    await page.getByLabel('Prikaz').selectOption('side')
    await page.getByLabel('Članovi').selectOption('all')
    await page.getByRole('button', { name: 'Uporedi' }).click()
    await expect(page).toHaveURL(/from=1&to=2&view=side&changes=all/)
    await expect(page.getByRole('article').filter({ hasText: '(Predmet)' })).toBeVisible()
    await expect(page.locator('.cmp-side').first()).toBeVisible()
  })

  test('a wrong query is refused with a translated page, not a crash', async ({ page }) => {
    const response = await page.goto('/drafts/zakon-o-socijalnim-uslugama/compare?from=abc&lng=en')
    expect(response?.status()).toBe(400)
    await expect(page.getByRole('heading', { name: 'Bad request' })).toBeVisible()
  })
})

test('the amending-law text downloads as a Word document', async ({ page }) => {
  await page.goto('/drafts/zakon-o-socijalnim-uslugama/compare?from=1&to=2&lng=bs')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('link', { name: 'Preuzmi kao Word dokument (.docx)' }).click(),
  ])
  expect(download.suggestedFilename()).toBe('zakon-o-socijalnim-uslugama-izmjene-1-2.docx')
  const path = await download.path()
  const { default: mammoth } = await import('mammoth')
  const { value } = await mammoth.extractRawText({ path })
  expect(value).toMatch(/Član 1\./)
  expect(value).toMatch(/stupa na snagu/)
})

test('a reader uploads the earlier law as a Word file and compares it with the draft', async ({ page }) => {
  const { Document, Packer, Paragraph } = await import('docx')
  const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const path = await import('node:path')
  const lines = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'sample-data', 'zakon-o-socijalnim-uslugama.v1.txt'), 'utf8').split('\n')
  const dir = mkdtempSync(path.join(tmpdir(), 'nacrt-e2e-'))
  const file = path.join(dir, 'raniji-zakon.docx')
  writeFileSync(file, await Packer.toBuffer(new Document({ sections: [{ children: lines.map((l) => new Paragraph(l)) }] })))

  await page.goto('/drafts/zakon-o-socijalnim-uslugama/compare?lng=bs')
  await page.getByText('Uporedi s tekstom iz datoteke').click()
  await page.getByLabel('Datoteka s ranijim tekstom').setInputFiles(file)
  await page.getByRole('button', { name: 'Učitaj i uporedi' }).click()
  const summary = page.getByRole('region', { name: /Od „raniji-zakon\.docx“/ })
  await expect(summary).toContainText('2 člana dodana')
  await expect(summary).toContainText('1 član brisan')
})

test('an uploaded text with an annex shows the annex change as version against version does', async ({ page }) => {
  const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const path = await import('node:path')
  const text = readFileSync(path.resolve(import.meta.dirname, '..', '..', 'sample-data', 'zakon-o-socijalnim-uslugama.v1.txt'), 'utf8')
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'nacrt-e2e-')), 'zakon-s-prilogom.txt')
  // The annex after the last article, before the memorandum (OBRAZLOŽENJE).
  writeFileSync(file, text.replace(/\nOBRAZLOŽENJE\n/, '\n\nPRILOG 1\nObrazac zahtjeva\nIme i prezime podnosioca:\n\nOBRAZLOŽENJE\n'))

  await page.goto('/drafts/zakon-o-socijalnim-uslugama/compare?lng=bs')
  await page.getByText('Uporedi s tekstom iz datoteke').click()
  await page.getByLabel('Datoteka s ranijim tekstom').setInputFiles(file)
  await page.getByRole('button', { name: 'Učitaj i uporedi' }).click()
  await expect(page.getByRole('region', { name: /Od „zakon-s-prilogom\.txt“/ })).toBeVisible()
  const annex = page.locator('section.cmp-article').filter({ has: page.getByRole('heading', { name: /Prilog 1\s+Obrazac zahtjeva/ }) })
  await expect(annex).toBeVisible()
  await expect(annex.locator('del', { hasText: 'Ime i prezime podnosioca:' })).toBeVisible()
  const amendment = page.getByRole('region', { name: 'Tekst zakona o izmjenama i dopunama' })
  await amendment.locator('summary').click()
  await expect(amendment.getByText(/Prilog 1\. briše se\./)).toBeVisible()
})

test('a file that is not a Word document or text is refused with a clear message', async ({ page }) => {
  const { writeFileSync, mkdtempSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const path = await import('node:path')
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'nacrt-e2e-')), 'zakon.docx')
  writeFileSync(file, '%PDF-1.7 not really a Word file')
  await page.goto('/drafts/zakon-o-socijalnim-uslugama/compare?lng=bs')
  await page.getByText('Uporedi s tekstom iz datoteke').click()
  await page.getByLabel('Datoteka s ranijim tekstom').setInputFiles(file)
  await page.getByRole('button', { name: 'Učitaj i uporedi' }).click()
  await expect(page.getByText('Datoteka nije Word dokument (.docx) ni običan tekst (.txt).')).toBeVisible()
})

test('in the Serbian Cyrillic interface the amending law downloads in Cyrillic', async ({ page }) => {
  await page.goto('/drafts/zakon-o-socijalnim-uslugama/compare?from=1&to=2&lng=sr-Cyrl')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Преузми као Ворд документ' }).click()])
  const { default: mammoth } = await import('mammoth')
  const { value } = await mammoth.extractRawText({ path: await download.path() })
  expect(value).toMatch(/Члан 1\./)
  expect(value).not.toMatch(/Član 1\./)
})
