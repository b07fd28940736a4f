import { expect, hydrating, test } from './fixtures.ts'
import { readFileSync } from 'node:fs'
import path from 'node:path'

const LOCALES = ['bs', 'hr', 'sr-Latn', 'sr-Cyrl', 'en'] as const
type Messages = { home: { title: string }; draft: { toc: string }; errors: { notFound: { title: string } } }
const messagesOf = (locale: string): Messages =>
  JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'app', 'locales', `${locale}.json`), 'utf8')) as Messages

for (const locale of LOCALES) {
  test(`the ${locale} interface renders the home page, a draft and an error in ${locale}`, async ({ page }) => {
    const m = messagesOf(locale)
    await page.goto(`/?lng=${locale}`)
    await expect(page.locator('html')).toHaveAttribute('lang', locale)
    await expect(page.getByRole('heading', { level: 1, name: m.home.title })).toBeVisible()

    await page.getByRole('heading', { level: 2 }).getByRole('link').first().click()
    await expect(page.getByRole('navigation', { name: m.draft.toc })).toBeVisible()
    // Legal labels follow the draft's language; the script follows a Serbian interface.
    await expect(page.getByRole('heading', { name: locale === 'sr-Cyrl' ? /Члан 1\./ : /Član 1\./ })).toBeVisible()

    const response = await page.goto('/nema-ove-stranice')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { level: 1, name: m.errors.notFound.title })).toBeVisible()
  })
}

test('the sample draft title is in Cyrillic on the Serbian Cyrillic home page', async ({ page }) => {
  await page.goto('/?lng=sr-Cyrl')
  await expect(page.getByRole('link', { name: 'Закон о социјалним услугама у Федерацији Босне и Херцеговине' })).toBeVisible()
})

test('the language chosen is remembered on the account and comes back at the next login', async ({ browser }) => {
  const { registerAndConfirm, logIn, uniqueEmail } = await import('./support.ts')
  const email = uniqueEmail('polyglot')
  const first = hydrating(await browser.newPage())
  await registerAndConfirm(first, 'Višejezični Korisnik', email, 'lozinka-jezika-1')
  await logIn(first, email, 'lozinka-jezika-1')
  await first.goto('/?lng=en')
  await expect(first.locator('html')).toHaveAttribute('lang', 'en')
  await first.close()

  const elsewhere = await browser.newContext({ locale: 'bs-BA' })
  const page = await elsewhere.newPage()
  await page.goto('/login')
  await expect(page.locator('html')).toHaveAttribute('lang', 'bs')
  await page.getByLabel('E-mail adresa').fill(email)
  await page.getByLabel('Lozinka').fill('lozinka-jezika-1')
  await page.getByRole('button', { name: 'Prijavi se' }).click()
  await expect(page.getByRole('button', { name: 'Log out' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')
  await elsewhere.close()
})

test('a language chosen before logging in stays after it, and becomes the account’s', async ({ browser }) => {
  const { registerAndConfirm, uniqueEmail } = await import('./support.ts')
  const email = uniqueEmail('chooser')
  const first = hydrating(await browser.newPage())
  await registerAndConfirm(first, 'Korisnik Koji Bira', email, 'lozinka-izbora-1')
  await first.close()

  // A visitor picks Serbian Cyrillic, then logs in: the interface does not fall back to the account's Bosnian.
  const device = await browser.newContext({ locale: 'bs-BA' })
  const page = await device.newPage()
  await page.goto('/login?lng=sr-Cyrl')
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl')
  await page.locator('input[name=email]').fill(email)
  await page.locator('input[name=password]').fill('lozinka-izbora-1')
  await page.locator('input[name=password]').press('Enter')
  await expect(page.getByRole('button', { name: 'Одјава' })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl')
  await device.close()

  // On another device without a choice, the account's language is now Serbian Cyrillic.
  const other = await browser.newContext({ locale: 'bs-BA' })
  const again = await other.newPage()
  await again.goto('/login')
  await again.getByLabel('E-mail adresa').fill(email)
  await again.getByLabel('Lozinka').fill('lozinka-izbora-1')
  await again.getByRole('button', { name: 'Prijavi se' }).click()
  await expect(again.locator('html')).toHaveAttribute('lang', 'sr-Cyrl')
  await other.close()
})

test('a Serbian Cyrillic reader sees the names staff typed in Cyrillic on the round and draft pages', async ({ page }) => {
  // The consulted version (other journeys may have saved later ones).
  await page.goto('/drafts/zakon-o-socijalnim-uslugama?version=2&lng=sr-Cyrl')
  await expect(page.locator('.version-line')).toContainText('Верзија: Нацрт за јавне консултације')
  await expect(page.locator('.page-header .eyebrow')).toContainText('Федерално министарство рада и социјалне политике')
  await expect(page.locator('.version-line')).toContainText(/\d+\. \p{Script=Cyrillic}+а 2\d{3}\./u)

  const roundHref = await page.locator('.round-notice a[href^="/rounds/"]').first().getAttribute('href')
  await page.goto(`${roundHref}?lng=sr-Cyrl`)
  await expect(page.getByRole('link', { name: 'Федерално министарство рада и социјалне политике' })).toBeVisible()
  await expect(page.locator('.version-line')).toContainText('Јавне консултације о Нацрту закона о социјалним услугама')
  await expect(page.locator('.version-line')).toContainText('Верзија: Нацрт за јавне консултације')
  for (const part of ['.page-header .eyebrow', '.page-header h1', '.page-header .version-line']) {
    expect(await page.locator(part).textContent(), part).not.toMatch(/[A-Za-zČĆŽŠĐčćžšđ]/)
  }
})
