import { expect, test } from '@playwright/test'
import { SAMPLE_PASSWORD, logIn } from './support.ts'

const EDIT_URL = '/drafts/zakon-o-socijalnim-uslugama/edit'

test.describe('the working group editor', () => {
  test('a citizen cannot open the editor', async ({ page }) => {
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    const response = await page.goto(EDIT_URL)
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Nemate pristup' })).toBeVisible()
  })

  test('an anonymous visitor is sent to log in first', async ({ page }) => {
    await page.goto(`${EDIT_URL}?lng=bs`)
    await expect(page).toHaveURL(/\/login\?redirectTo=/)
  })

  test('an editor inserts an article, sees everything after it renumbered, and saves', async ({ page }) => {
    await logIn(page, 'dragan.kovacevic@fmrsp.example.ba', SAMPLE_PASSWORD)
    await page.goto(EDIT_URL)
    const surface = page.getByRole('textbox', { name: 'Tekst nacrta' })
    await expect(surface).toBeVisible()
    const lastLabel = surface.locator('.pm-label--article').last()
    const before = await lastLabel.textContent()
    const count = Number(before?.match(/\d+/)?.[0])

    await surface.getByText('Ovim zakonom uređuju se vrste socijalnih usluga').click()
    await page.getByRole('button', { name: 'Umetni član' }).click()
    await page.keyboard.type('Novi član radne grupe')
    await expect(lastLabel).toHaveText(`Član ${count + 1}.`)
    await expect(surface.locator('.pm-label--article').nth(1)).toHaveText('Član 2.')
    await expect(page.getByRole('status')).toHaveText('Nesačuvane izmjene')

    await page.getByRole('button', { name: 'Sačuvaj' }).click()
    await expect(page.getByRole('status')).toHaveText('Sačuvano')
    await page.reload()
    await expect(page.getByRole('textbox', { name: 'Tekst nacrta' }).getByText('Novi član radne grupe')).toBeVisible()
  })
})
