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

  await page.getByRole('link', { name: 'Nermina Komentarić' }).click()
  await page.getByRole('link', { name: 'Moji komentari' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Moji komentari' })).toBeVisible()
  const item = page.getByRole('listitem').filter({ hasText: body })
  await expect(item).toBeVisible()
  await expect(item).toContainText('Odgovor ministarstva još nije objavljen.')
  await expect(item.getByRole('link', { name: 'Zakon o socijalnim uslugama u Federaciji Bosne i Hercegovine' })).toBeVisible()
})

test('"My comments" asks an anonymous visitor to log in', async ({ page }) => {
  await page.goto('/account/comments?lng=bs')
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount%2Fcomments/)
})
