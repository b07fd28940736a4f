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

test('a Serbian Cyrillic reader sees the results in Cyrillic, the searched words still marked', async ({ page }) => {
  await page.goto('/search?q=usluge&lng=sr-Cyrl')
  await expect(page.getByRole('heading', { name: /^\d+ чла/ })).toBeVisible()
  const firstHit = page.locator('.search-hit').first()
  // Titles, where they are and excerpts: no Latin letters (version numbers and dates are digits or Cyrillic).
  for (const part of ['.search-hit__title', '.search-hit__where', '.search-hit__excerpt']) {
    expect(await firstHit.locator(part).textContent(), part).not.toMatch(/[A-Za-zČĆŽŠĐčćžšđ]/)
  }
  const marked = (await page.locator('.search-hit__excerpt mark').allTextContents()).map((m) => m.toLowerCase())
  expect(marked.length).toBeGreaterThan(0)
  expect(marked.every((m) => m.startsWith('услу'))).toBe(true)
})

test('the other versions read in the singular for one and the plural for more, and the Croatian results say "inačica"', async ({ page }) => {
  // Other journeys may have saved more versions of the sample law: the grammar must follow the count.
  await page.goto('/search?q=socijalnih%20usluga&lng=bs')
  const also = (await page.getByText(/· i u verzij\S+ \d/).first().textContent())!.replace(/\s+/g, ' ').match(/i u (verzij\S+) (\d[\d, ]*)/)!
  const count = also[2]!.split(',').length
  expect(also[1]).toBe(count === 1 ? 'verziji' : 'verzijama')

  await page.goto('/search?q=socijalnih%20usluga&lng=hr')
  await expect(page.getByText(/, inačica \d+/).first()).toBeVisible()
  await expect(page.getByText(/i u inačic(i|ama) \d/).first()).toBeVisible()
  await expect(page.locator('main')).not.toContainText(/verzij/i)
})

test('a query of punctuation alone says there is nothing to search for', async ({ page }) => {
  await page.goto('/search?q=%22&lng=bs')
  await expect(page.getByText(/^Nema riječi po kojoj bi se moglo tražiti/)).toBeVisible()
})
