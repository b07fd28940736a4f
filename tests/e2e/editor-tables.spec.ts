import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { expect, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, logIn, placeCaret } from './support.ts'

// A draft of its own (imported from a .txt with an annex), so that the tables and annexes
// added here touch no draft other journeys read.
const COORDINATOR = 'lejla.mehmedovic@fmrsp.example.ba'

let dir: string
test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nacrt-e2e-tables-'))
})
test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

test('a working-group member adds tables to an article and an annex, saves, reloads, the public page shows them, and a comparison shows their changes', async ({ page }) => {
  test.setTimeout(60_000)
  const marker = `${Date.now()}`
  const file = path.join(dir, 'tabele.txt')
  writeFileSync(file, [
    `ZAKON O NAKNADAMA ${marker}`, '', 'Član 1.', '(Iznosi)', 'Iznosi naknada utvrđuju se kako slijedi.', '',
    'Član 2.', '(Stupanje na snagu)', 'Ovaj zakon stupa na snagu osmog dana od dana objavljivanja.', '',
    'PRILOG 1', 'Obrazac zahtjeva', 'Podaci o podnosiocu zahtjeva.', '',
  ].join('\n'))

  await logIn(page, COORDINATOR, SAMPLE_PASSWORD)
  await page.goto('/drafts/new')
  await page.getByLabel('Tekst postojećeg propisa (nije obavezno)').setInputFiles(file)
  await page.getByRole('button', { name: 'Napravi nacrt' }).click()
  // A clean import goes straight to the editor.
  await expect(page).toHaveURL(new RegExp(`/drafts/zakon-o-naknadama-${marker}/edit$`))
  const editUrl = page.url()

  const surface = page.getByRole('textbox', { name: 'Tekst nacrta' })
  const divisions = surface.locator('.pm-label--division')
  // The imported annex is numbered like the rest of the act.
  await expect(divisions).toHaveText(['Prilog 1'])

  // A 3 × 2 table with a header row in article 1: type into its cells, Tab from cell to cell.
  await surface.getByText('Iznosi naknada utvrđuju se kako slijedi.').click()
  await page.getByRole('button', { name: 'Umetni tabelu' }).click()
  const articleTable = surface.locator('.pm-article').first().locator('table.pm-table')
  await expect(articleTable.locator('tr')).toHaveCount(3)
  await page.keyboard.type('Usluga')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Iznos')
  await page.keyboard.press('Tab')
  await page.keyboard.type('Pomoć u kući')
  await page.keyboard.press('Tab')
  await page.keyboard.type('100 KM')
  // A row after the current one, then a column.
  await page.getByRole('button', { name: 'Dodaj red' }).click()
  await page.keyboard.type('Dnevni boravak')
  await expect(articleTable.locator('tr')).toHaveCount(4)
  await page.getByRole('button', { name: 'Dodaj kolonu' }).click()
  await expect(articleTable.locator('tr').first().locator('td')).toHaveCount(3)
  await page.getByRole('button', { name: 'Ukloni kolonu' }).click()
  await expect(articleTable.locator('tr').first().locator('td')).toHaveCount(2)

  // A table in the imported annex (keyboard shortcut), and a second annex.
  await placeCaret(surface.getByText('Podaci o podnosiocu zahtjeva.'))
  await page.keyboard.press('Alt+Shift+T')
  await page.keyboard.type('Ime i prezime')
  await page.getByRole('button', { name: 'Umetni prilog' }).click()
  await page.keyboard.type('Cjenovnik usluga')
  await expect(divisions).toHaveText(['Prilog 1', 'Prilog 2'])

  await page.getByRole('button', { name: 'Sačuvaj', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Sačuvano')
  await page.reload()
  await expect(divisions).toHaveText(['Prilog 1', 'Prilog 2'])
  await expect(articleTable.locator('tr').nth(0).locator('td')).toHaveText(['Usluga', 'Iznos'])
  await expect(articleTable.locator('tr').nth(1).locator('td')).toHaveText(['Pomoć u kući', '100 KM'])
  await expect(articleTable.locator('tr').nth(2).locator('td')).toHaveText(['Dnevni boravak', ''])
  await expect(surface.locator('.pm-annex').first().locator('table.pm-table td').first()).toHaveText('Ime i prezime')
  await expect(surface.locator('.pm-annex').nth(1).locator('.pm-heading')).toHaveText('Cjenovnik usluga')

  // A named version, read on the public page.
  await page.goto(editUrl)
  await page.getByLabel('Naziv verzije').fill('Nacrt s tabelama')
  await page.getByRole('button', { name: 'Sačuvaj kao verziju' }).click()
  await expect(page.getByText(/Verzija \d+ je sačuvana/)).toBeVisible()
  await page.goto(`/drafts/zakon-o-naknadama-${marker}`)
  const text = page.locator('.legal-text')
  const table = text.locator('#clan-1 table')
  await expect(table.locator('th')).toHaveText(['Usluga', 'Iznos'])
  await expect(table.locator('tr').nth(1).locator('td')).toHaveText(['Pomoć u kući', '100 KM'])
  await expect(text.getByRole('heading', { name: 'Prilog 1 Obrazac zahtjeva' })).toBeVisible()
  await expect(text.locator('#prilog-1 th').first()).toHaveText('Ime i prezime')
  await expect(text.getByRole('heading', { name: 'Prilog 2 Cjenovnik usluga' })).toBeVisible()
  // The table of contents leads to the annexes.
  await expect(page.getByRole('navigation', { name: 'Sadržaj' }).getByRole('link', { name: /Prilog 2/ })).toHaveAttribute('href', '#prilog-2')

  // A changed cell and a removed annex, saved as a second version and compared with the first.
  await page.goto(editUrl)
  await placeCaret(surface.getByText('100 KM'))
  await page.keyboard.press('End')
  for (let i = 0; i < '100 KM'.length; i++) await page.keyboard.press('Backspace')
  await page.keyboard.type('120 KM')
  await surface.locator('.pm-annex').nth(1).locator('.pm-heading').click()
  await page.getByRole('button', { name: 'Ukloni prilog' }).click()
  await expect(divisions).toHaveText(['Prilog 1'])
  await page.getByRole('button', { name: 'Sačuvaj', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Sačuvano')
  await page.getByLabel('Naziv verzije').fill('Nacrt s novim iznosom')
  await page.getByRole('button', { name: 'Sačuvaj kao verziju' }).click()
  await expect(page.getByText(/Verzija \d+ je sačuvana/)).toBeVisible()
  await page.goto(`/drafts/zakon-o-naknadama-${marker}/compare?from=1&to=2`)
  const changed = page.getByRole('article').filter({ hasText: '(Iznosi)' })
  await expect(changed.locator('del', { hasText: '100' })).toBeVisible()
  await expect(changed.locator('ins', { hasText: '120' })).toBeVisible()
  const removed = page.locator('.cmp-article--deleted').filter({ hasText: 'Prilog 2' })
  await expect(removed).toContainText('Cjenovnik usluga')
})
