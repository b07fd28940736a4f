import { expect, test } from './fixtures.ts'

const DRAFT = '/drafts/zakon-o-socijalnim-uslugama'

test.describe('searching inside a draft as one types', () => {
  test('finds words without diacritics or in Cyrillic, jumps to articles, and keeps working offline', async ({ page }) => {
    await page.goto(DRAFT)
    await page.waitForLoadState('networkidle')
    const field = page.getByRole('searchbox', { name: 'Pretraži ovaj nacrt' })
    const results = page.getByRole('list', { name: 'Rezultati pretrage' })
    const status = page.getByRole('status').filter({ hasText: /traženo|Nijedan|Enter/ })

    // The index is fetched once, when the field is first used, and cached for a year.
    const indexResponse = page.waitForResponse((r) => r.url().includes('/search-index.json'))
    await field.click()
    await field.pressSequentially('zastita')
    const response = await indexResponse
    expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable')

    await expect(status).toContainText(/sadrž[ie] traženo/, { timeout: 15_000 })
    await expect(results.locator('mark').first()).toContainText(/zaštit/i)
    const first = results.getByRole('link').first()
    const anchor = (await first.getAttribute('href'))!.slice(1)
    await first.click()
    await expect(page.locator(`[id="${anchor}"]`)).toBeInViewport()

    // A Cyrillic query finds the Latin text.
    await field.fill('заштита дјеце')
    await expect(results.locator('mark').first()).toBeVisible()

    // "član 12" and Enter: straight to the article.
    await field.fill('član 12')
    await expect(status).toContainText('Član 12.')
    await field.press('Enter')
    await expect(page).toHaveURL(/#clan-12$/)
    await expect(page.locator('#clan-12')).toBeInViewport()

    // With the network gone, the next query is answered in the page all the same.
    await page.route('**/*', (route) => route.abort())
    await field.fill('socijalnih usluga')
    await expect(status).toContainText(/sadrž[ie] traženo/, { timeout: 15_000 })
    await expect(results.locator('mark').filter({ hasText: /^usluge$/ }).first()).toBeVisible()
    await field.fill('clan 5')
    await field.press('Enter')
    await expect(page.locator('#clan-5')).toBeInViewport()
  })

  test('the consultation page has the same search', async ({ page }) => {
    await page.goto(DRAFT)
    await page.goto((await page.getByRole('link', { name: 'Stranica konsultacija' }).getAttribute('href'))!)
    await page.waitForLoadState('networkidle')
    const field = page.getByRole('searchbox', { name: 'Pretraži ovaj nacrt' })
    await field.fill('korisnik')
    await expect(page.getByRole('status').filter({ hasText: /traženo|Nijedan|Enter|Učitava/ })).toContainText(/sadrž[ie] traženo/, { timeout: 15_000 })
    await expect(page.getByRole('list', { name: 'Rezultati pretrage' }).getByRole('link').first()).toBeVisible()
  })
})
