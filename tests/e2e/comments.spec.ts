import type { Locator, Page } from '@playwright/test'
import { expect, hydrating, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, logIn, registerAndConfirm, uniqueEmail } from './support.ts'

const DRAFT = '/drafts/zakon-o-socijalnim-uslugama'

const articleOn = (page: Page, number: number) => page.getByRole('article', { name: new RegExp(`^Član ${number}\\.`) })

/** The number of comments an article shows ("3 komentara"). */
async function commentCount(article: Locator): Promise<number> {
  const text = await article.getByText(/^\d+ komentar/).textContent()
  return Number(text?.match(/\d+/)?.[0])
}

test.describe('commenting on a draft in consultation', () => {
  test('a citizen comments on Član 1. with a proposed wording and finds the comment under the article', async ({ page }) => {
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    await page.goto(`${DRAFT}?lng=bs`)
    await expect(page.getByText(/Javne konsultacije o ovoj verziji otvorene su do/)).toBeVisible()
    const article = articleOn(page, 1)
    const before = await commentCount(article)

    // With JavaScript the form opens under the article and posts without leaving the page.
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true))
    await article.getByRole('link', { name: 'Komentariši član 1.' }).click()
    const form = article.getByRole('region', { name: 'Komentariši član 1.' })
    await expect(form.getByLabel('Vaš komentar')).toBeFocused()
    // The proposed wording starts as the article's current text.
    await expect(form.getByLabel('Prijedlog teksta (neobavezno)')).toHaveValue(/Ovim zakonom uređuju se/)
    const body = `Predmet zakona treba izričito spomenuti i porodice korisnika (${Date.now()}).`
    const wording = 'Ovim zakonom uređuju se socijalne usluge za korisnike i njihove porodice u Federaciji Bosne i Hercegovine.'
    await form.getByLabel('Vaš komentar').fill(body)
    await form.getByLabel('Prijedlog teksta (neobavezno)').fill(wording)
    await form.getByLabel('Pristajem da se moj komentar javno objavi').check()
    await form.getByLabel(/Pristajem da se uz komentar objavi i moje ime/).check()
    await form.getByRole('button', { name: 'Pošalji komentar' }).click()

    await expect(article.getByRole('status')).toContainText('Vaš komentar je objavljen')
    await expect(form).toHaveCount(0)
    await expect(article.getByText(new RegExp(`^${before + 1} komentar`))).toBeVisible()
    // The same page: no reload happened.
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true)
    await expect(page).toHaveURL(/\/drafts\/zakon-o-socijalnim-uslugama\?lng=bs$/)
    await article.getByText('Prikaži komentare na član 1.').click()
    const comment = article.getByRole('listitem').filter({ hasText: body })
    await expect(comment).toBeVisible()
    await expect(comment).toContainText('Senad Građanin')
    await expect(comment).toContainText('Prijedlog teksta')
    // The proposal reads as a change of the article's text: without the struck words, it is the wording sent.
    await expect(comment.locator('.comment__proposal ins').first()).toBeVisible()
    const proposed = await comment.locator('.comment__proposal-text').evaluate((el) => {
      const copy = el.cloneNode(true) as HTMLElement
      copy.querySelectorAll('del').forEach((d) => d.remove())
      return copy.textContent
    })
    expect(proposed).toBe(wording)
    await expect(comment).not.toContainText('gradjanin@nacrt.example.ba')
  })

  test('a citizen comments on Član 5. stav (2) with a proposed wording, shown as a change of that paragraph', async ({ page }) => {
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    await page.goto(`${DRAFT}?version=2&lng=bs`)
    const article = articleOn(page, 5)
    await article.getByRole('link', { name: 'Komentariši član 5.' }).click()
    const form = article.getByRole('region', { name: 'Komentariši član 5.' })
    // The form opens on the whole article; the person narrows it to the second paragraph.
    await expect(form.getByLabel('Komentar se odnosi na')).toHaveValue(/.+/)
    await form.getByLabel('Komentar se odnosi na').selectOption({ label: 'Član 5. stav (2)' })
    const proposal = form.getByLabel('Prijedlog teksta (neobavezno)')
    await expect(proposal).toHaveValue(/^\(2\) Pri utvrđivanju najboljeg interesa djeteta/)
    const current = await proposal.inputValue()
    await proposal.fill(current.replace('potrebe djeteta za sigurnošću', 'potrebe djeteta za sigurnošću i stabilnošću'))
    const body = `Stabilnost smještaja je dio najboljeg interesa djeteta (${Date.now()}).`
    await form.getByLabel('Vaš komentar').fill(body)
    await form.getByLabel('Pristajem da se moj komentar javno objavi').check()
    await form.getByRole('button', { name: 'Pošalji komentar' }).click()
    await expect(article.getByRole('status')).toContainText('Vaš komentar je objavljen')

    await article.getByText('Prikaži komentare na član 5.').click()
    const comment = article.getByRole('listitem').filter({ hasText: body })
    await expect(comment).toContainText('stav (2)')
    await expect(comment.locator('.comment__proposal ins')).toHaveText(/i stabilnošću/)
    await expect(comment.locator('.comment__proposal del')).toHaveCount(0)
  })

  test('a consent to publish is required, with a clear error on the form', async ({ page }) => {
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    await page.goto(`${DRAFT}?lng=bs`)
    await page.getByRole('link', { name: 'Komentariši nacrt u cjelini' }).click()
    const form = page.getByRole('region', { name: 'Komentariši nacrt u cjelini' })
    await form.getByLabel('Vaš komentar').fill('Komentar bez saglasnosti.')
    await form.getByRole('button', { name: 'Pošalji komentar' }).click()
    await expect(form.getByText('Komentar možemo objaviti samo uz vašu saglasnost.')).toBeVisible()
    await expect(form.getByLabel('Vaš komentar')).toHaveValue('Komentar bez saglasnosti.')
  })

  test('without JavaScript the comment link opens the comment page, which posts and comes back', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false })
    const page = await context.newPage()
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    await page.goto(`${DRAFT}?version=2&lng=bs`)
    await articleOn(page, 3).getByRole('link', { name: 'Komentariši član 3.' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Komentar: Član 3.' })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'Trenutni tekst' })).toBeVisible()
    const body = `Komentar bez JavaScripta (${Date.now()}).`
    await page.getByLabel('Vaš komentar').fill(body)
    await page.getByLabel('Pristajem da se moj komentar javno objavi').check()
    await page.getByRole('button', { name: 'Pošalji komentar' }).click()
    await expect(page).toHaveURL(/commented=1#clan-3$/)
    await expect(page.getByRole('status')).toContainText('Vaš komentar je objavljen')
    await expect(articleOn(page, 3).getByText(body)).toBeAttached()
    await context.close()
  })

  test('an organisation is verified, and its representative comments on its behalf', async ({ browser }) => {
    const repEmail = uniqueEmail('zastupnica')
    const rep = hydrating(await browser.newPage())
    await registerAndConfirm(rep, 'Amra Zastupnica', repEmail, 'lozinka-zastupnice')
    await logIn(rep, repEmail, 'lozinka-zastupnice')
    await rep.goto('/organisations/new')
    const orgName = `Udruženje za socijalnu uključenost ${Date.now()}`
    await rep.getByLabel('Naziv organizacije').fill(orgName)
    await rep.getByLabel('Vrsta organizacije').selectOption('ngo')
    await rep.getByLabel('Kontakt e-mail').fill(repEmail)
    await rep.getByRole('button', { name: 'Pošalji prijavu' }).click()
    await expect(rep.getByRole('heading', { level: 1, name: orgName })).toBeVisible()
    const orgUrl = rep.url().split('?')[0]!

    const staff = hydrating(await browser.newPage())
    await logIn(staff, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
    await staff.goto(orgUrl)
    await staff.getByRole('button', { name: 'Potvrdi organizaciju' }).click()
    await expect(staff.getByText('Organizacija je potvrđena.')).toBeVisible()

    await rep.goto(`${DRAFT}?lng=bs`)
    const article = articleOn(rep, 2)
    await article.getByRole('link', { name: 'Komentariši član 2.' }).click()
    const form = article.getByRole('region', { name: 'Komentariši član 2.' })
    const body = `Udruženje predlaže da se ciljevi dopune uključenošću u zajednicu (${Date.now()}).`
    await form.getByLabel('Vaš komentar').fill(body)
    await form.getByLabel('Komentarišem', { exact: true }).selectOption({ label: `u ime organizacije ${orgName}` })
    await form.getByLabel('Pristajem da se moj komentar javno objavi').check()
    await form.getByRole('button', { name: 'Pošalji komentar' }).click()

    await expect(article.getByRole('status')).toContainText('Vaš komentar je objavljen')
    await article.getByText('Prikaži komentare na član 2.').click()
    const comment = article.getByRole('listitem').filter({ hasText: body })
    await expect(comment).toContainText(orgName)
    await expect(comment).toContainText('u ime organizacije')
    await expect(comment).not.toContainText('Amra Zastupnica')
    await expect(comment).not.toContainText(repEmail)
  })

  test('an anonymous visitor who follows a comment link is sent to log in, then to the form', async ({ page }) => {
    await page.goto(`${DRAFT}?lng=bs`)
    await expect(page.getByText('Za komentarisanje se prijavite ili registrujte.')).toBeVisible()
    await articleOn(page, 1).getByRole('link', { name: 'Komentariši član 1.' }).click()
    await expect(page).toHaveURL(/\/login\?redirectTo=%2Frounds%2F[^%]+%2Fcomment%3Ftarget%3D/)
    await expect(page.getByRole('heading', { level: 1, name: 'Prijava' })).toBeVisible()
    await page.getByLabel('E-mail adresa').fill('gradjanin@nacrt.example.ba')
    await page.getByLabel('Lozinka').fill(SAMPLE_PASSWORD)
    await page.getByRole('button', { name: 'Prijavi se' }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Komentar: Član 1.' })).toBeVisible()
    await expect(page).toHaveURL(/\/rounds\/[^/]+\/comment\?target=/)
  })

  test('the comment form itself sends an anonymous visitor to log in', async ({ page, browser }) => {
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    await page.goto(`${DRAFT}?lng=bs`)
    const href = await page.getByRole('link', { name: 'Komentariši nacrt u cjelini' }).getAttribute('href')
    expect(href).toMatch(/^\/rounds\/[^/]+\/comment$/)
    const anonymous = hydrating(await browser.newPage())
    await anonymous.goto(`${href}?lng=bs`)
    await expect(anonymous).toHaveURL(/\/login\?redirectTo=/)
    await expect(anonymous.getByRole('heading', { level: 1, name: 'Prijava' })).toBeVisible()
  })
})

test('reading a version that is not under consultation says which one is, without claiming this one is', async ({ page }) => {
  await page.goto(`${DRAFT}?version=1&lng=bs`)
  await expect(page.getByText(/Javne konsultacije o ovom nacrtu otvorene su do/)).toBeVisible()
  await expect(page.getByText(/Javne konsultacije o ovoj verziji/)).toHaveCount(0)
  await expect(page.getByText(/a ne o ovoj koju čitate/)).toBeVisible()
  await page.getByRole('link', { name: 'Otvorite verziju na konsultacijama' }).click()
  await expect(page).toHaveURL(/version=2/)
  await expect(page.getByText(/Javne konsultacije o ovoj verziji otvorene su do/)).toBeVisible()
})
