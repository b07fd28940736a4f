import { expect, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, logIn } from './support.ts'

const DRAFT = '/drafts/zakon-o-socijalnim-uslugama'

test.describe("a draft's team", () => {
  test('the owner adds a citizen to the working group from the draft page and removes him again', async ({ page }) => {
    await logIn(page, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
    await page.goto(`${DRAFT}?lng=bs`)
    await page.getByRole('link', { name: 'Tim', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Tim nacrta' })).toBeVisible()
    const workingGroup = page.getByRole('region', { name: 'Radna grupa' })
    await expect(workingGroup.getByRole('listitem').filter({ hasText: 'Ivana Marić' })).toBeVisible()

    await page.getByLabel('E-mail adresa osobe').fill('gradjanin@nacrt.example.ba')
    await page.getByLabel('Uloga', { exact: true }).selectOption({ label: 'Član radne grupe' })
    await page.getByRole('button', { name: 'Dodaj u tim' }).click()
    await expect(page.getByRole('status')).toContainText('Senad Građanin ima novu ulogu: Član radne grupe.')
    await expect(workingGroup.getByRole('listitem').filter({ hasText: 'Senad Građanin' })).toBeVisible()
    await expect(page.getByLabel('E-mail adresa osobe')).toHaveValue('')

    await workingGroup.getByRole('button', { name: 'Ukloni ulogu „Član radne grupe“: Senad Građanin' }).click()
    await expect(page.getByRole('status')).toContainText('Senad Građanin više nema ulogu: Član radne grupe.')
    await expect(workingGroup.getByRole('listitem').filter({ hasText: 'Senad Građanin' })).toHaveCount(0)
  })

  test('a citizen sees no link to the team and is refused the team page with a translated 403', async ({ page }) => {
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    await page.goto(`${DRAFT}?lng=bs`)
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Tim', exact: true })).toHaveCount(0)
    const response = await page.goto(`${DRAFT}/team`)
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Nemate pristup' })).toBeVisible()
  })

  test('an anonymous visitor is sent to the login page', async ({ page }) => {
    await page.goto(`${DRAFT}/team?lng=bs`)
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Fdrafts%2Fzakon-o-socijalnim-uslugama%2Fteam/)
  })
})

test.describe("an institution's roles", () => {
  test('the consultation coordinator changes a member’s role on the organisation page', async ({ page }) => {
    await logIn(page, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
    await page.goto('/organisations/fmrsp?lng=bs')
    const dragan = page.getByRole('listitem').filter({ hasText: 'Dragan Kovačević' })
    await expect(dragan).toContainText('službenik')
    await page.getByLabel('Uloga: Dragan Kovačević').selectOption('coordinator')
    await page.getByRole('button', { name: 'Sačuvaj ulogu: Dragan Kovačević' }).click()
    await expect(page.getByRole('status')).toContainText('Uloga člana je promijenjena.')
    await expect(dragan).toContainText('koordinator za konsultacije')
    await page.getByLabel('Uloga: Dragan Kovačević').selectOption('staff')
    await page.getByRole('button', { name: 'Sačuvaj ulogu: Dragan Kovačević' }).click()
    await expect(dragan).toContainText('službenik')
  })

  test('a citizen sees no role controls on the organisation page', async ({ page }) => {
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    await page.goto('/organisations/fmrsp?lng=bs')
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
    await expect(page.getByRole('button', { name: /Sačuvaj ulogu/ })).toHaveCount(0)
  })
})
