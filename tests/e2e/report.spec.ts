import ExcelJS from 'exceljs'
import mammoth from 'mammoth'
import { expect, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, logIn, sampleRoundId as roundId } from './support.ts'

test.describe('the consolidated report', () => {
  test('an anonymous visitor reads the published report of the closed round and downloads it as .xlsx', async ({ page }) => {
    // The round's page shows the report's charts and leads to it.
    await page.goto(`/rounds/${roundId('prednacrt')}?lng=bs`)
    const summary = page.getByRole('region', { name: 'Izvještaj o konsultacijama' })
    await expect(summary.getByRole('img', { name: /^Primljeni komentari po kategorijama učesnika/ })).toBeVisible()
    await summary.getByRole('link', { name: /^Pročitajte izvještaj/ }).click()
    await expect(page).toHaveURL(/\/rounds\/[^/]+\/report$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Izvještaj o provedenim konsultacijama' })).toBeVisible()
    await expect(page.getByText(/Izvještaj je objavljen .* Svako ga može pročitati i preuzeti\./)).toBeVisible()
    await expect(page.getByText('Razlog kraćeg roka')).toBeVisible()
    // Charts drawn on the server, named for screen readers.
    await expect(page.getByRole('img', { name: /^Odgovori na objavljene komentare/ })).toBeVisible()
    await expect(page.getByRole('img', { name: /^Objavljeni komentari po članovima/ })).toBeVisible()
    // Article by article, the campaign once with its size, people who did not consent anonymised.
    const predah = page.getByRole('region', { name: 'Član 27. (Usluga predaha)' })
    await expect(predah.getByText('Grupa istovjetnih komentara: 5')).toBeVisible()
    await expect(page.getByRole('region', { name: 'Opći komentari na nacrt' }).getByText('Anonimizirano').first()).toBeVisible()
    await expect(page.getByRole('main')).not.toContainText('@')
    await expect(page.getByRole('button', { name: 'Objavi izvještaj' })).toHaveCount(0)

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Excel tabela (.xlsx)' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('izvjestaj-zakon-o-socijalnim-uslugama-1-bs.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.readFile(await file.path())
    const sheet = workbook.getWorksheet('Komentari')!
    expect(sheet.getRow(1).getCell(4).value).toBe('Podnosilac')
    const cells = sheet.getSheetValues().flat().map(String)
    expect(cells).toContain('Amra Hodžić')
    expect(cells).toContain('Anonimizirano')
    expect(cells.join('\n')).not.toContain('@')
  })

  test('staff export the working report of the open round as .docx through the job page', async ({ page }) => {
    await logIn(page, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
    await page.goto(`/rounds/${roundId('nacrt')}/report?lng=bs`)
    await expect(page.getByText(/Radna verzija: izvještaj još nije objavljen/)).toBeVisible()
    await page.getByLabel('Vrsta datoteke').selectOption('docx')
    await page.getByLabel('Jezik izvještaja').selectOption('sr-Cyrl')
    await page.getByRole('button', { name: 'Pripremi datoteku' }).click()
    await expect(page).toHaveURL(/\/jobs\/[^/]+$/)
    await expect(page.getByRole('heading', { level: 1, name: 'Priprema datoteke' })).toBeVisible()
    await expect(page.getByText('Datoteka je spremna.')).toBeVisible({ timeout: 20_000 })

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Preuzmi datoteku' }).click()
    const file = await download
    expect(file.suggestedFilename()).toBe('izvjestaj-zakon-o-socijalnim-uslugama-2-sr-Cyrl.docx')
    const { value } = await mammoth.extractRawText({ path: await file.path() })
    expect(value).toContain('ИЗВЈЕШТАЈ О СПРОВЕДЕНИМ КОНСУЛТАЦИЈАМА')
    expect(value).toContain('Извјештај још није објављен (радна верзија)')
  })

  test('the job page follows an export without JavaScript', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await page.goto(`/rounds/${roundId('prednacrt')}/report?lng=en`)
    await page.getByLabel('File format').selectOption('csv')
    await page.getByLabel('Report language').selectOption('hr')
    await page.getByRole('button', { name: 'Prepare the file' }).click()
    await expect(page).toHaveURL(/\/jobs\/[^/]+$/)
    // The page refreshes itself (<meta http-equiv="refresh"> in <noscript>) until the file is ready.
    await expect(page.getByText('The file is ready.')).toBeVisible({ timeout: 20_000 })
    await expect(page.getByRole('link', { name: 'Download the file' })).toBeVisible()
    await context.close()
  })
})
