import { expect, test } from './fixtures.ts'

// Site-wide search as an anonymous visitor: from the header, without diacritics and in
// Cyrillic, grouped and highlighted; an article reference jumps to the article.

test('an anonymous visitor searches from the header without diacritics and finds the articles, inflected forms highlighted', async ({ page }) => {
  await page.goto('/?lng=bs')
  await page.getByLabel('Pretraži stranicu').fill('socijalnih usluga')
  await page.getByLabel('Pretraži stranicu').press('Enter')
  await expect(page).toHaveURL(/\/search\?q=socijalnih/)
  await expect(page.getByRole('heading', { level: 1, name: 'Pretraga' })).toBeVisible()
  await expect(page.getByRole('heading', { name: /^\d+ član/ })).toBeVisible()
  // Inflected forms of the query words are marked in the excerpts.
  const marks = page.locator('mark')
  await expect(marks.first()).toBeVisible()
  const marked = (await marks.allTextContents()).map((m) => m.toLowerCase())
  expect(marked.some((m) => m.startsWith('socijaln'))).toBe(true)
  expect(marked.some((m) => m.startsWith('uslug') || m.startsWith('usluz'))).toBe(true)

  // The same search in Cyrillic finds the same articles; the URL can be shared.
  await page.goto('/search?q=%D1%81%D0%BE%D1%86%D0%B8%D1%98%D0%B0%D0%BB%D0%BD%D0%B8%D1%85%20%D1%83%D1%81%D0%BB%D1%83%D0%B3%D0%B0&lng=bs')
  await expect(page.getByRole('heading', { name: /^\d+ član/ })).toBeVisible()
})

test('"član 12" with the draft chosen jumps to that article', async ({ page }) => {
  const response = await page.goto('/search?q=%C4%8Dlan%2012&draft=zakon-o-socijalnim-uslugama&lng=bs')
  expect(response?.ok()).toBe(true)
  await expect(page).toHaveURL(/\/drafts\/zakon-o-socijalnim-uslugama.*#/)
  await expect(page.getByRole('article', { name: /^Član 12\./ })).toBeVisible()
})
