import { expect, hydrating, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, linkFromOutbox, logIn, logOut, registerAndConfirm, uniqueEmail } from './support.ts'

test.describe('accounts', () => {
  test('a citizen registers, confirms the address from the e-mail, logs in and out', async ({ page }) => {
    const email = uniqueEmail('citizen')
    await registerAndConfirm(page, 'Amela Testić', email, 'dugacka-lozinka-1')
    await logIn(page, email, 'dugacka-lozinka-1')
    await expect(page.getByRole('link', { name: 'Amela Testić' })).toBeVisible()
    await logOut(page)
  })

  test('logging in before confirming is refused with a new link sent', async ({ page }) => {
    const email = uniqueEmail('early')
    await page.goto('/register?lng=bs')
    await page.getByLabel('Ime i prezime').fill('Rani Korisnik')
    await page.getByLabel('E-mail adresa').fill(email)
    await page.getByLabel('Lozinka').fill('dugacka-lozinka-2')
    await page.getByRole('button', { name: 'Registruj se' }).click()
    await logIn(page, email, 'dugacka-lozinka-2')
    await expect(page.getByRole('alert')).toContainText('Adresa još nije potvrđena')
  })

  test('a wrong password and invalid fields get clear, translated errors', async ({ page }) => {
    await logIn(page, 'admin@nacrt.example.ba', 'pogresna-lozinka')
    await expect(page.getByRole('alert')).toContainText('E-mail adresa ili lozinka nisu ispravni.')
    await page.goto('/register?lng=en')
    await page.getByLabel('E-mail address').fill('not-an-address')
    await page.getByLabel('Password').fill('short')
    await page.getByRole('button', { name: 'Register' }).click()
    await expect(page.getByText('Enter a valid e-mail address')).toBeVisible()
    await expect(page.getByText('The password must have at least 10 characters.')).toBeVisible()
  })

  test('a forgotten password is reset through the e-mailed link', async ({ page }) => {
    const email = uniqueEmail('forgetful')
    await registerAndConfirm(page, 'Zaboravni Korisnik', email, 'stara-lozinka-123')
    await page.goto('/forgot-password?lng=bs')
    await page.getByLabel('E-mail adresa').fill(email)
    await page.getByRole('button', { name: 'Pošalji link' }).click()
    await expect(page.getByText('poslali smo link za novu lozinku')).toBeVisible()
    await page.goto(await linkFromOutbox(email, '/reset-password'))
    await page.getByLabel('Nova lozinka').fill('nova-lozinka-456')
    await page.getByRole('button', { name: 'Sačuvaj novu lozinku' }).click()
    await expect(page.getByText('Lozinka je promijenjena')).toBeVisible()
    await logIn(page, email, 'nova-lozinka-456')
    await expect(page.getByRole('link', { name: 'Zaboravni Korisnik' })).toBeVisible()
  })

  test('a citizen is refused the administration area, with a translated page', async ({ page }) => {
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    const response = await page.goto('/admin')
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Nemate pristup' })).toBeVisible()
  })

  test('a person deletes their account and can no longer log in', async ({ page }) => {
    const email = uniqueEmail('leaving')
    await registerAndConfirm(page, 'Odlazeći Korisnik', email, 'lozinka-za-brisanje')
    await logIn(page, email, 'lozinka-za-brisanje')
    await page.getByRole('link', { name: 'Odlazeći Korisnik' }).click()
    await page.getByLabel('Trenutna lozinka').last().fill('lozinka-za-brisanje')
    await page.getByLabel('Razumijem da se brisanje ne može poništiti.').check()
    await page.getByRole('button', { name: 'Trajno izbriši račun' }).click()
    await expect(page.getByRole('link', { name: 'Prijava' })).toBeVisible()
    await logIn(page, email, 'lozinka-za-brisanje')
    await expect(page.getByRole('alert')).toContainText('nisu ispravni')
  })
})

test.describe('organisations', () => {
  test('an organisation is requested, verified by ministry staff, and its representative adds a member', async ({ browser }) => {
    const repEmail = uniqueEmail('rep')
    const memberEmail = uniqueEmail('member')
    const rep = hydrating(await browser.newPage())
    await registerAndConfirm(rep, 'Mirza Predstavnik', repEmail, 'lozinka-predstavnika')
    const member = hydrating(await browser.newPage())
    await registerAndConfirm(member, 'Lana Članica', memberEmail, 'lozinka-clanice-1')

    await logIn(rep, repEmail, 'lozinka-predstavnika')
    await rep.goto('/organisations/new')
    const orgName = `Udruženje za testiranje ${Date.now()}`
    await rep.getByLabel('Naziv organizacije').fill(orgName)
    await rep.getByLabel('Vrsta organizacije').selectOption('ngo')
    await rep.getByLabel('Kontakt e-mail').fill(repEmail)
    await rep.getByRole('button', { name: 'Pošalji prijavu' }).click()
    await expect(rep.getByRole('heading', { level: 1, name: orgName })).toBeVisible()
    await expect(rep.getByText('Čeka provjeru')).toBeVisible()
    const orgUrl = rep.url().split('?')[0]!

    // A citizen sees nothing of a pending organisation.
    const citizen = hydrating(await browser.newPage())
    expect((await citizen.goto(orgUrl))?.status()).toBe(404)

    const staff = hydrating(await browser.newPage())
    await logIn(staff, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
    await staff.goto(orgUrl)
    await staff.getByRole('button', { name: 'Potvrdi organizaciju' }).click()
    await expect(staff.getByText('Organizacija je potvrđena.')).toBeVisible()

    await rep.goto(orgUrl)
    await expect(rep.getByText('Potvrđena', { exact: true })).toBeVisible()
    await rep.getByLabel('E-mail adresa člana').fill(memberEmail)
    await rep.getByRole('button', { name: 'Dodaj', exact: true }).click()
    await expect(rep.getByText('Član je dodan.')).toBeVisible()
    await expect(rep.getByRole('listitem').filter({ hasText: 'Lana Članica' })).toBeVisible()

    await logIn(member, memberEmail, 'lozinka-clanice-1')
    await member.goto('/account')
    await expect(member.getByRole('link', { name: orgName })).toBeVisible()
  })
})
