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

test('the editor numbers a standards draft as standards, criteria and indicators', async ({ page }) => {
  const { logIn, SAMPLE_PASSWORD } = await import('./support.ts')
  await logIn(page, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
  await page.goto('/drafts/standardi-kvaliteta-smjestaj-djece/edit')
  const surface = page.getByRole('textbox', { name: 'Tekst nacrta' })
  await expect(surface.locator('.pm-label--article').first()).toHaveText('Standard 1.')
  await expect(surface.locator('.pm-label--paragraph').first()).toHaveText('Kriterij 1.1')
  await expect(surface.locator('.pm-label--point').first()).toHaveText('Indikator 1.1.1')
  // The units one may refer to are named as the document names them.
  await expect(page.getByLabel('Član na koji se upućuje').locator('option').first()).toHaveText(/^Standard 1\./)
})
