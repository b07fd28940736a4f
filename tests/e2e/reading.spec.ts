import { expect, test } from './fixtures.ts'

test.describe('a reader on a fresh installation', () => {
  test('sees the sample draft on the home page, in Bosnian by default', async ({ page }) => {
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'bs')
    await expect(page.getByRole('heading', { level: 1, name: 'Propisi u izradi' })).toBeVisible()
    const card = page.getByRole('listitem').filter({ hasText: 'Zakon o socijalnim uslugama u Federaciji Bosne i Hercegovine' })
    await expect(card).toBeVisible()
    await expect(card.getByText('Javne konsultacije u toku')).toBeVisible()
  })

  test('opens the draft and reads Član 1. and the table of contents', async ({ page }) => {
    await page.goto('/')
    // A client-side navigation: the articles' text is fetched as HTML rendered once per version.
    const fragments = page.waitForResponse((r) => r.url().includes('/fragments?'))
    await page.getByRole('link', { name: 'Zakon o socijalnim uslugama u Federaciji Bosne i Hercegovine' }).click()
    expect((await fragments).status()).toBe(200)
    await expect(page).toHaveURL(/\/drafts\/zakon-o-socijalnim-uslugama$/)
    await expect(page.getByRole('heading', { name: /Član 1\./ })).toBeVisible()
    await expect(page.locator('article#clan-1 .paragraph').first()).toContainText('Ovim zakonom')
    const toc = page.getByRole('navigation', { name: 'Sadržaj' })
    await expect(toc.getByRole('link', { name: /DIO PRVI/ })).toBeVisible()
    await expect(toc.getByRole('link', { name: /POGLAVLJE I\./ }).first()).toBeVisible()

    // A readable anchor per article, and one by stable id.
    await page.goto('/drafts/zakon-o-socijalnim-uslugama#clan-12')
    await expect(page.locator('#clan-12')).toBeInViewport()
    const idAnchor = await page.locator('#clan-12 .anchor-target').getAttribute('id')
    expect(idAnchor).toMatch(/^a-[0-9a-z]{12}$/)
  })

  test('the articles’ HTML of a version is sent on its own, and a bad request is refused', async ({ request }) => {
    const ok = await request.get('/drafts/zakon-o-socijalnim-uslugama/versions/1/fragments?script=cyrl&locale=sr-Cyrl')
    expect(ok.status()).toBe(200)
    const body = (await ok.json()) as { text: { set: { key: string }; fragments: Record<string, string> } }
    expect(Object.values(body.text.fragments).join('')).toContain('Члан 1.')
    expect((await request.get('/drafts/zakon-o-socijalnim-uslugama/versions/1/fragments?script=gothic&locale=bs')).status()).toBe(400)
    expect((await request.get('/drafts/zakon-o-socijalnim-uslugama/versions/999/fragments?script=latn&locale=bs')).status()).toBe(404)
  })

  test('a table of contents entry jumps to its part', async ({ page }) => {
    await page.goto('/drafts/zakon-o-socijalnim-uslugama')
    await page.getByRole('navigation', { name: 'Sadržaj' }).getByRole('link', { name: /DIO DESETI/ }).click()
    await expect(page.getByRole('heading', { name: /DIO DESETI/ })).toBeInViewport()
  })

  test('switching to Serbian Cyrillic changes the interface and is remembered', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('navigation', { name: 'Jezik i pismo' }).getByRole('link', { name: 'Српски (ћирилица)' }).click()
    await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl')
    await expect(page.getByRole('heading', { level: 1, name: 'Прописи у припреми' })).toBeVisible()
    await expect(page.getByText('Јавне консултације у току')).toBeVisible()
    // The choice stays without the query parameter.
    await page.goto('/')
    await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl')
  })

  test('an unknown page shows a translated 404 with a way home', async ({ page }) => {
    const response = await page.goto('/ovo-ne-postoji?lng=en')
    expect(response?.status()).toBe(404)
    await expect(page.getByRole('heading', { name: 'Page not found' })).toBeVisible()
    await page.getByRole('link', { name: 'Back to the home page' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Legislation in preparation' })).toBeVisible()
  })

  test('keyboard users can skip straight to the content', async ({ page }) => {
    await page.goto('/?lng=bs')
    await page.keyboard.press('Tab')
    const skip = page.getByRole('link', { name: 'Preskoči na sadržaj' })
    await expect(skip).toBeFocused()
    await page.keyboard.press('Enter')
    await expect(page.locator('#main')).toBeFocused()
  })
})

test.describe('scripts', () => {
  test('a reader switches the draft to Cyrillic and back', async ({ page }) => {
    await page.goto('/drafts/zakon-o-socijalnim-uslugama?lng=bs')
    await expect(page.getByRole('heading', { name: /Član 1\./ })).toBeVisible()
    await page.getByRole('navigation', { name: 'Pismo teksta' }).getByRole('link', { name: 'Ćirilica' }).click()
    await expect(page.getByRole('heading', { name: /Члан 1\./ })).toBeVisible()
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('ЗАКОН О СОЦИЈАЛНИМ УСЛУГАМА У ФЕДЕРАЦИЈИ БОСНЕ И ХЕРЦЕГОВИНЕ')
    await page.getByRole('navigation', { name: 'Pismo teksta' }).getByRole('link', { name: 'Latinica' }).click()
    await expect(page.getByRole('heading', { name: /Član 1\./ })).toBeVisible()
  })

  test('in the Serbian Cyrillic interface the draft is in Cyrillic too', async ({ page }) => {
    await page.goto('/drafts/zakon-o-socijalnim-uslugama?lng=sr-Cyrl')
    await expect(page.locator('html')).toHaveAttribute('lang', 'sr-Cyrl')
    await expect(page.getByRole('heading', { name: /Члан 1\./ })).toBeVisible()
    await expect(page.getByRole('navigation', { name: 'Садржај' }).getByRole('link', { name: /ДИО ПРВИ/ })).toBeVisible()
  })
})
