import { expect, test } from './fixtures.ts'
import { logIn, registerAndConfirm, uniqueEmail } from './support.ts'

test('a citizen finds their comment under "My comments", waiting for the ministry’s answer', async ({ page }) => {
  const email = uniqueEmail('mycomments')
  await registerAndConfirm(page, 'Nermina Komentarić', email, 'lozinka-komentara-1')
  await logIn(page, email, 'lozinka-komentara-1')
  // The round consults version 2; other tests may have saved later versions since.
  await page.goto('/drafts/zakon-o-socijalnim-uslugama?version=2&lng=bs')
  await page.getByRole('link', { name: 'Komentariši nacrt u cjelini' }).click()
  const body = `Opšti komentar ${Date.now()}: nacrt treba jasnije urediti finansiranje.`
  await page.getByLabel('Vaš komentar').fill(body)
  await page.getByLabel('Pristajem da se moj komentar javno objavi').check()
  await page.getByRole('button', { name: 'Pošalji komentar' }).click()
  await expect(page.getByRole('status')).toContainText('Vaš komentar je objavljen')

  // Reached from the account page, and from the header on every page.
  await page.getByRole('link', { name: 'Nermina Komentarić' }).click()
  await page.getByRole('main').getByRole('link', { name: 'Moji komentari' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Moji komentari' })).toBeVisible()
  await page.goto('/drafts/zakon-o-socijalnim-uslugama?lng=bs')
  await page.getByRole('navigation', { name: 'Moj račun' }).getByRole('link', { name: 'Moji komentari' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Moji komentari' })).toBeVisible()
  const item = page.getByRole('listitem').filter({ hasText: body })
  await expect(item).toBeVisible()
  await expect(item).toContainText('Odgovor ministarstva još nije objavljen.')
  await expect(item.getByRole('link', { name: 'Zakon o socijalnim uslugama u Federaciji Bosne i Hercegovine' })).toBeVisible()
  // What it is about, linked to where the round's page shows it.
  await expect(item.getByText('Odnosi se na:')).toBeVisible()
  await expect(item.getByRole('link', { name: 'nacrt u cjelini' })).toHaveAttribute('href', /^\/rounds\/[^/#]+#komentari$/)
})

test('a comment on a paragraph is listed with its article and paragraph, linked to the article, and withdrawn only when confirmed', async ({ page }) => {
  const email = uniqueEmail('mytargets')
  await registerAndConfirm(page, 'Edin Stavović', email, 'lozinka-stavova-1')
  await logIn(page, email, 'lozinka-stavova-1')
  await page.goto('/drafts/zakon-o-socijalnim-uslugama?version=2&lng=bs')
  await page.getByRole('link', { name: 'Stranica konsultacija' }).click()
  await expect(page).toHaveURL(/\/rounds\/[^/?#]+$/)
  const roundPath = new URL(page.url()).pathname
  await page.goto(`${roundPath}?lng=bs`)
  // The comment page without JavaScript's inline form: about article 2, paragraph (1) where offered.
  await page.goto(`${roundPath}/comment?target=${await page.locator('article#clan-2').getAttribute('data-article-id')}&lng=bs`)
  const unit = page.getByLabel('Komentar se odnosi na')
  const options = await unit.locator('option').allTextContents()
  const paragraphOption = options.find((o) => /stav/.test(o))
  if (paragraphOption) await unit.selectOption({ label: paragraphOption })
  // The consent hint says an organisation's comment is published under its name anyway.
  await expect(page.getByText('Komentar u ime organizacije uvijek se objavljuje pod nazivom organizacije.')).toBeVisible()
  const body = `Stav treba preciznije odrediti (${Date.now()}).`
  await page.getByLabel('Vaš komentar').fill(body)
  await page.getByLabel('Pristajem da se moj komentar javno objavi').check()
  await page.getByRole('button', { name: 'Pošalji komentar' }).click()
  await expect(page.getByRole('status')).toContainText('Vaš komentar je objavljen')

  await page.goto('/account/comments?lng=bs')
  const item = page.getByRole('listitem').filter({ hasText: body })
  const target = item.getByRole('link', { name: paragraphOption ? /^Član 2\., stav/ : /^Član 2\.$/ })
  await expect(target).toHaveAttribute('href', `${roundPath}#clan-2`)

  // Withdrawing cannot be undone: the box must be ticked.
  await item.getByRole('link', { name: 'Izmijeni ili povuci' }).click()
  await page.getByRole('button', { name: 'Povuci komentar' }).click()
  await expect(page).toHaveURL(/\/comments\/[^/]+\/edit/)
  await page.getByLabel('Razumijem da se povlačenje komentara ne može poništiti.').check()
  await page.getByRole('button', { name: 'Povuci komentar' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Komentar je povučen.' })).toBeVisible()
  await expect(page.getByRole('listitem').filter({ hasText: body })).toContainText('Povučen')
})

test('"My comments" asks an anonymous visitor to log in', async ({ page }) => {
  await page.goto('/account/comments?lng=bs')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount%2Fcomments/)
})
