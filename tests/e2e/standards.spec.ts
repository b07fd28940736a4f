import { expect, test } from './fixtures.ts'

test.describe('the sample quality standards', () => {
  test('are listed on the home page as a quality standard and read as standards, criteria and indicators', async ({ page }) => {
    await page.goto('/?lng=bs')
    const title = 'Pravilnik o standardima kvaliteta za uslugu smještaja djece u male domske zajednice'
    const card = page.getByRole('listitem').filter({ hasText: title })
    await expect(card).toBeVisible()
    await expect(card.getByText('Standard kvaliteta')).toBeVisible()

    await card.getByRole('link', { name: title }).click()
    await expect(page).toHaveURL(/\/drafts\/standardi-kvaliteta-smjestaj-djece$/)
    await expect(page.getByRole('heading', { name: /Standard 1\./ })).toBeVisible()
    const first = page.locator('#clan-1')
    await expect(first.getByText('Kriterij 1.1', { exact: true })).toBeVisible()
    await expect(first.getByText('Indikator 1.1.1', { exact: true })).toBeVisible()
    await expect(page.getByText(/Član \d+\./)).toHaveCount(0)
  })
})
