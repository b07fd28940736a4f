import { readFile } from 'node:fs/promises'
import { expect, hydrating, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, logIn } from './support.ts'

// The sample law's open round (version 2 of zakon-o-socijalnim-uslugama).
const DRAFT = '/drafts/zakon-o-socijalnim-uslugama'
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
const EXE = Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff])

test.describe('attaching a document to a comment', () => {
  test('a citizen attaches a PDF; the public page shows it and it downloads', async ({ page }) => {
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    await page.goto(`${DRAFT}?lng=bs`)
    await page.getByRole('link', { name: 'Komentariši nacrt u cjelini' }).click()
    await expect(page.getByText('Jedan dokument, PDF ili Word (DOCX), do 10 MB.')).toBeVisible()
    const body = `Prilažemo analizu troškova socijalnih usluga (${Date.now()}).`
    await page.getByLabel('Vaš komentar').fill(body)
    await page.getByLabel('Prilog (nije obavezan)').setInputFiles({ name: 'Analiza troškova.pdf', mimeType: 'application/pdf', buffer: PDF })
    await page.getByLabel('Pristajem da se moj komentar javno objavi').check()
    await page.getByRole('button', { name: 'Pošalji komentar' }).click()

    await expect(page.locator('#komentari').getByRole('status')).toContainText('Vaš komentar je objavljen')
    const comment = page.locator('#komentari').getByRole('listitem').filter({ hasText: body })
    await expect(comment).toBeVisible()
    const link = comment.getByRole('link', { name: 'Analiza troškova.pdf' })
    await expect(link).toBeVisible()
    await expect(comment).toContainText('kB')

    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toBe('Analiza troškova.pdf')
    expect(await readFile((await download.path())!)).toEqual(PDF)

    // Served with the stored type, never sniffed, as a download.
    const response = await page.request.get((await link.getAttribute('href'))!)
    expect(response.status()).toBe(200)
    expect(response.headers()['content-type']).toBe('application/pdf')
    expect(response.headers()['x-content-type-options']).toBe('nosniff')
    expect(response.headers()['content-disposition']).toContain("filename*=UTF-8''Analiza%20tro%C5%A1kova.pdf")
  })

  test('a program renamed to .pdf is refused with the translated message, and the text typed is kept', async ({ page }) => {
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    await page.goto(`${DRAFT}?lng=bs`)
    await page.getByRole('link', { name: 'Komentariši nacrt u cjelini' }).click()
    const body = `Komentar s pogrešnim prilogom (${Date.now()}).`
    await page.getByLabel('Vaš komentar').fill(body)
    await page.getByLabel('Prilog (nije obavezan)').setInputFiles({ name: 'izvjestaj.pdf', mimeType: 'application/pdf', buffer: EXE })
    await page.getByLabel('Pristajem da se moj komentar javno objavi').check()
    await page.getByRole('button', { name: 'Pošalji komentar' }).click()

    await expect(page.getByText('Ova datoteka nije PDF ni Word dokument (DOCX), bez obzira na naziv.')).toBeVisible()
    await expect(page.getByLabel('Prilog (nije obavezan)')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByLabel('Vaš komentar')).toHaveValue(body)

    await page.goto(`${DRAFT}?lng=bs`)
    await expect(page.getByText(body)).toHaveCount(0)
  })

  test('staff enter a letter with its scan; the public sees it is on file, without a link', async ({ page, browser }) => {
    await logIn(page, 'emir.begic@fmrsp.example.ba', SAMPLE_PASSWORD)
    await page.goto(`${DRAFT}?lng=bs`)
    const commentHref = (await page.getByRole('link', { name: 'Komentariši nacrt u cjelini' }).getAttribute('href'))!
    const roundPath = commentHref.replace(/\/comment(\?.*)?$/, '')
    await page.goto(`${roundPath}/comments/enter?lng=bs`)
    const body = `Primjedba iz pisma mjesne zajednice (${Date.now()}).`
    await page.getByLabel('Pošiljalac (ime ili naziv)').fill('Mjesna zajednica Centar, Titova 1, Sarajevo')
    await page.getByLabel('Vaš komentar').fill(body)
    await page.getByLabel('Skenirano pismo (nije obavezno)').setInputFiles({ name: 'pismo-mz.png', mimeType: 'image/png', buffer: PNG })
    await page.getByRole('button', { name: 'Unesi komentar' }).click()
    await expect(page.getByText('Komentar je unesen.')).toBeVisible()

    const reader = hydrating(await browser.newPage())
    await reader.goto(`${DRAFT}?lng=bs`)
    const comment = reader.locator('#komentari').getByRole('listitem').filter({ hasText: body })
    await expect(comment).toContainText('Skenirano pismo je u spisu (nije javno).')
    await expect(comment).not.toContainText('Titova')
    await expect(comment.getByRole('link', { name: /pismo-mz/ })).toHaveCount(0)
    await reader.close()
  })
})
