import { readFileSync } from 'node:fs'
import { expect, test } from './fixtures.ts'
import { linkFromOutbox, logIn, logOut, registerAndConfirm, SAMPLE_PASSWORD, uniqueEmail } from './support.ts'

const LIST = '/organisations/fmrsp/interested-parties?lng=bs'
const COORDINATOR = 'lejla.mehmedovic@fmrsp.example.ba'

test('a citizen joins the ministry’s list, named, then again only counted', async ({ page }) => {
  const email = uniqueEmail('lista')
  const name = `Hana Listić ${Date.now()}`
  await registerAndConfirm(page, name, email, 'lozinka-liste-1')
  await logIn(page, email, 'lozinka-liste-1')

  await page.goto('/organisations/fmrsp?lng=bs')
  await page.getByRole('link', { name: 'Lista zainteresovanih strana' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Lista zainteresovanih strana' })).toBeVisible()
  // Organisations are public by name; nobody else's address is shown, only one's own.
  await expect(page.getByRole('listitem').filter({ hasText: 'SOS Dječija sela BiH' })).toBeVisible()
  await expect(page.getByText('amra.hodzic@example.ba')).toHaveCount(0)
  await expect(page.getByText(email)).toBeVisible()

  await page.getByLabel('Pristajem da institucija čuva moje ime i e-mail adresu').check()
  await page.getByLabel('može biti objavljeno na javnoj listi').check()
  await page.getByRole('button', { name: 'Upiši me na listu' }).click()
  await expect(page.getByRole('status')).toContainText('Upisani ste na listu.')
  const individuals = page.getByRole('region', { name: 'Pojedinci' })
  await expect(individuals.getByRole('listitem').filter({ hasText: name })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Vaš upis' })).toContainText('Vaše ime je na javnoj listi.')

  // Off the list, and back on without being named: counted, not shown.
  await page.getByRole('button', { name: 'Skini me s liste' }).click()
  await expect(page.getByRole('status')).toContainText('Skinuli smo vas s liste.')
  await expect(individuals.getByText(name)).toHaveCount(0)
  const counted = await individuals.getByText(/na listi nisu navedena imenom|na listi nije navedeno imenom|na listi nije naveden imenom/).textContent()
  await page.getByLabel('Pristajem da institucija čuva moje ime i e-mail adresu').check()
  await page.getByRole('button', { name: 'Upiši me na listu' }).click()
  await expect(page.getByRole('region', { name: 'Vaš upis' })).toContainText('Vaše ime nije objavljeno')
  await expect(individuals.getByText(name)).toHaveCount(0)
  const before = Number(counted?.match(/^\d+/)?.[0])
  await expect(individuals.getByText(new RegExp(`^${before + 1} pojedin`))).toBeVisible()
})

test('an anonymous visitor may also sign in or write to the ministry', async ({ page }) => {
  await page.goto(LIST)
  await expect(page.getByRole('link', { name: 'Prijavite se' })).toBeVisible()
  await expect(page.getByText('Možete i pisati instituciji')).toBeVisible()
  await expect(page.getByRole('button', { name: 'Upiši me na listu' })).toHaveCount(0)
  await expect(page.getByRole('link', { name: 'Preuzmi listu (CSV)' })).toHaveCount(0)
})

test('a visitor without an account asks by e-mail, confirms through the link, and is named on the list', async ({ page }) => {
  const email = uniqueEmail('bezracuna')
  const name = `Nermin Bezračunović ${Date.now()}`
  await page.goto(LIST)
  const form = page.getByRole('form', { name: 'Upis bez računa' })
  await form.getByLabel('Ime i prezime osobe').fill(name)
  await form.getByLabel('E-mail adresa', { exact: true }).fill(email)
  await form.getByLabel('može biti objavljeno na javnoj listi').check()
  // Without consent to be kept, nothing is sent.
  await form.getByRole('button', { name: 'Pošalji link za potvrdu' }).click()
  await expect(form.getByText('Na listu vas možemo upisati samo uz vašu saglasnost.')).toBeVisible()
  await form.getByLabel('Pristajem da institucija čuva moje ime i e-mail adresu').check()
  await form.getByRole('button', { name: 'Pošalji link za potvrdu' }).click()
  await expect(page.getByRole('status')).toContainText(`Provjerite svoju e-mail poštu: poslali smo link na ${email}.`)
  await expect(page.getByRole('region', { name: 'Pojedinci' }).getByText(name)).toHaveCount(0)

  // Opening the link confirms nothing by itself: the page asks for a click.
  const link = await linkFromOutbox(email, '/interested-parties/confirm')
  await page.goto(link)
  await expect(page.getByRole('heading', { level: 1, name: 'Potvrda upisa na listu zainteresovanih strana' })).toBeVisible()
  await page.getByRole('button', { name: 'Potvrdi upis' }).click()
  await expect(page.getByRole('status')).toContainText('Upisani ste na listu zainteresovanih strana institucije')
  await page.getByRole('link', { name: 'Pogledaj listu' }).click()
  await expect(page.getByRole('region', { name: 'Pojedinci' }).getByRole('listitem').filter({ hasText: name })).toBeVisible()

  // The link works once.
  await page.goto(link)
  await page.getByRole('button', { name: 'Potvrdi upis' }).click()
  await expect(page.getByRole('alert')).toContainText('Ovaj link je već iskorišten')
})

test('the ministry’s coordinator enters a written request and downloads the list as CSV', async ({ page }) => {
  const organisation = `Udruženje Pisani zahtjev ${Date.now()}`
  const email = uniqueEmail('pismo')
  await logIn(page, COORDINATOR, SAMPLE_PASSWORD)
  await page.goto(LIST)
  const staff = page.getByRole('region', { name: 'Cijela lista (vide je samo službenici)' })
  await expect(staff.getByRole('cell', { name: 'amra.hodzic@example.ba' })).toBeVisible()

  await staff.getByLabel('Ime i prezime osobe').fill('Selma Pismović')
  await staff.getByLabel('E-mail adresa', { exact: true }).fill(email)
  await staff.getByLabel('Vrsta', { exact: true }).selectOption({ label: 'Udruženje ili fondacija' })
  await staff.getByLabel('Naziv organizacije').fill(organisation)
  await staff.getByRole('button', { name: 'Upiši na listu' }).click()
  await expect(page.getByRole('status')).toContainText(`Upisano na listu: ${organisation}.`)
  const row = staff.getByRole('row').filter({ hasText: email })
  await expect(row).toContainText(organisation)
  await expect(row).toContainText('Pisani zahtjev')
  await expect(page.getByRole('region', { name: 'Organizacije' }).getByRole('listitem').filter({ hasText: organisation })).toBeVisible()

  const [download] = await Promise.all([page.waitForEvent('download'), staff.getByRole('link', { name: 'Preuzmi listu (CSV)' }).click()])
  expect(download.suggestedFilename()).toBe('fmrsp-interested-parties.csv')
  const bytes = readFileSync((await download.path())!)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const csv = bytes.toString('utf8')
  expect(csv).toContain('Ime;Organizacija;Vrsta;E-mail adresa;')
  expect(csv).toContain(`Selma Pismović;${organisation};Udruženje ili fondacija;${email};Da;Pisani zahtjev;`)

  // Taken off again, it leaves the public list.
  await staff.getByRole('button', { name: `Skini s liste: ${organisation} (Selma Pismović)` }).click()
  await expect(page.getByRole('status')).toContainText(`Upis „${organisation}“ je skinut s liste.`)
  await expect(page.getByRole('region', { name: 'Organizacije' }).getByText(organisation)).toHaveCount(0)
  await logOut(page)
})

test('the ministry publishes its plan, and its staff add to it', async ({ page }) => {
  await page.goto('/organisations/fmrsp?lng=bs')
  await page.getByRole('link', { name: 'Plan izrade propisa' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Plan izrade propisa' })).toBeVisible()
  await expect(page.getByText('Pravilnik o standardima kvaliteta za uslugu smještaja djece u male domske zajednice').first()).toBeVisible()
  await expect(page.getByRole('button', { name: 'Dodaj u plan' })).toHaveCount(0)

  const title = `Zakon o testiranju plana ${Date.now()}`
  await logIn(page, COORDINATOR, SAMPLE_PASSWORD)
  await page.goto('/organisations/fmrsp/plan?lng=bs')
  await page.getByLabel('Naziv propisa').fill(title)
  await page.getByLabel('Kada se planiraju konsultacije').selectOption({ index: 2 })
  await page.getByRole('button', { name: 'Dodaj u plan' }).click()
  await expect(page.getByRole('status')).toContainText(`Dodano u plan: ${title}.`)
  await expect(page.getByRole('listitem').filter({ hasText: title })).toBeVisible()
  await page.getByRole('button', { name: `Ukloni iz plana: ${title}` }).click()
  await expect(page.getByRole('status')).toContainText(`Iz plana je uklonjeno: ${title}.`)
  await expect(page.getByRole('listitem').filter({ hasText: title })).toHaveCount(0)
  await logOut(page)
})

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false })

  // Forms work without JavaScript (server/main.ts: Referrer-Policy same-origin, so the
  // browser sends the page's Origin and React Router accepts the POST).
  test('an organisation without an account asks by e-mail and confirms', async ({ page }) => {
    const email = uniqueEmail('udruzenjebezjs')
    const organisation = `Udruženje Bez Skripte ${Date.now()}`
    await page.goto(LIST)
    const form = page.getByRole('form', { name: 'Upis bez računa' })
    await form.getByLabel('Ime i prezime osobe').fill('Edin Pismić')
    await form.getByLabel('E-mail adresa', { exact: true }).fill(email)
    await form.getByLabel('Vrsta', { exact: true }).selectOption({ label: 'Udruženje ili fondacija' })
    await form.getByLabel('Pristajem da institucija čuva moje ime i e-mail adresu').check()
    await form.getByRole('button', { name: 'Pošalji link za potvrdu' }).click()
    await expect(page.getByText('Upišite naziv organizacije ili kao vrstu odaberite „Pojedinac“.')).toBeVisible()
    await form.getByLabel('Ime i prezime osobe').fill('Edin Pismić')
    await form.getByLabel('E-mail adresa', { exact: true }).fill(email)
    await form.getByLabel('Vrsta', { exact: true }).selectOption({ label: 'Udruženje ili fondacija' })
    await form.getByLabel('Naziv organizacije').fill(organisation)
    await form.getByLabel('Pristajem da institucija čuva moje ime i e-mail adresu').check()
    await form.getByRole('button', { name: 'Pošalji link za potvrdu' }).click()
    await expect(page.getByRole('status')).toContainText('Provjerite svoju e-mail poštu')
    await page.goto(await linkFromOutbox(email, '/interested-parties/confirm'))
    await page.getByRole('button', { name: 'Potvrdi upis' }).click()
    await expect(page.getByRole('status')).toContainText('Upisani ste na listu')
    await page.goto(LIST)
    await expect(page.getByRole('region', { name: 'Organizacije' }).getByRole('listitem').filter({ hasText: organisation })).toBeVisible()
  })

  test('staff still enter a written request, and a wrong one is answered in Bosnian', async ({ page }) => {
    await logIn(page, COORDINATOR, SAMPLE_PASSWORD)
    await page.goto(LIST)
    const staff = page.getByRole('region', { name: 'Cijela lista (vide je samo službenici)' })
    await staff.getByLabel('Ime i prezime osobe').fill('Bez Skripte')
    await staff.getByLabel('E-mail adresa', { exact: true }).fill(uniqueEmail('bezjs'))
    await staff.getByLabel('Vrsta', { exact: true }).selectOption({ label: 'Neformalna grupa' })
    await staff.getByRole('button', { name: 'Upiši na listu' }).click()
    await expect(page.getByText('Upišite naziv organizacije ili kao vrstu odaberite „Pojedinac“.')).toBeVisible()
    // The page came back from the server with the error; fill the form again on it.
    await staff.getByLabel('Ime i prezime osobe').fill('Bez Skripte')
    await staff.getByLabel('E-mail adresa', { exact: true }).fill(uniqueEmail('bezjs'))
    await staff.getByLabel('Vrsta', { exact: true }).selectOption({ label: 'Neformalna grupa' })
    await staff.getByLabel('Naziv organizacije').fill('Grupa bez skripte')
    await staff.getByRole('button', { name: 'Upiši na listu' }).click()
    await expect(page.getByRole('status')).toContainText('Upisano na listu: Grupa bez skripte.')
  })
})
