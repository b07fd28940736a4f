import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { Document, Packer, Paragraph, TextRun } from 'docx'
import { expect, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, logIn } from './support.ts'

const COORDINATOR = 'lejla.mehmedovic@fmrsp.example.ba'
const FIXTURE = '/work/shared/fixtures/laws/bih_pravila-za-konsultacije-u-izradi-pravnih-propisa-2017_bs_sluzbenilist-SG-5-17_POCETAK.txt'

let dir: string
test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'nacrt-e2e-new-draft-'))
})
test.afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

test.describe('starting a draft', () => {
  test('ministry staff import a plain-text act, read the import report and open the editor with its articles', async ({ page }) => {
    const file = path.join(dir, 'pravila-za-konsultacije.txt')
    copyFileSync(FIXTURE, file)
    await logIn(page, COORDINATOR, SAMPLE_PASSWORD)
    await page.goto('/')
    await page.getByRole('link', { name: 'Novi nacrt' }).click()
    await expect(page.getByRole('heading', { name: 'Novi nacrt', level: 1 })).toBeVisible()
    await expect(page.getByLabel('Institucija nosilac izrade')).toHaveValue(/.+/)
    await page.getByLabel('Vrsta propisa').selectOption({ label: 'Podzakonski akt' })
    await page.getByLabel('Tekst postojećeg propisa (nije obavezno)').setInputFiles(file)
    await page.getByRole('button', { name: 'Napravi nacrt' }).click()

    // The file's first lines (its address, a note, the gazette) are set aside and reported.
    await expect(page.getByRole('heading', { name: 'Izvještaj o uvozu' })).toBeVisible()
    await expect(page.getByRole('status')).toContainText('Nacrt „PRAVILA ZA KONSULTACIJE U IZRADI PRAVNIH PROPISA“ je napravljen.')
    await expect(page.getByText('Uvezeno: 3 člana i 3 stava.')).toBeVisible()
    await expect(page.getByRole('listitem').filter({ hasText: 'Službeni glasnik BiH, broj 5/17' })).toContainText('zaglavlje službenog glasila')
    await page.getByRole('link', { name: 'Otvori uređivač' }).click()

    await expect(page).toHaveURL(/\/drafts\/pravila-za-konsultacije-u-izradi-pravnih-propisa(-\d+)?\/edit$/)
    const surface = page.getByRole('textbox', { name: 'Tekst nacrta' })
    await expect(surface.getByText('Ovim pravilima propisuje se postupak provođenja javnih konsultacija', { exact: false })).toBeVisible()
    await expect(surface.locator('.pm-label--article')).toHaveCount(3)
  })

  test('a Word document imports too, with its own title, straight into the editor', async ({ page }) => {
    const marker = `${Date.now()}`
    const lines = [
      'ZAKON', `O PROBNOM UVOZU ${marker}`, 'Član 1.', '(Predmet)', 'Ovim zakonom uređuje se probni uvoz nacrta iz Word dokumenta.',
      'Član 2.', '(Stupanje na snagu)', 'Ovaj zakon stupa na snagu osmog dana od dana objavljivanja.',
    ]
    const document = new Document({ sections: [{ children: lines.map((line) => new Paragraph({ children: [new TextRun(line)] })) }] })
    const file = path.join(dir, 'probni-uvoz.docx')
    writeFileSync(file, await Packer.toBuffer(document))

    await logIn(page, COORDINATOR, SAMPLE_PASSWORD)
    await page.goto('/drafts/new')
    await page.getByLabel('Izmjene i dopune postojećeg propisa', { exact: false }).check()
    await page.getByLabel('Tekst postojećeg propisa (nije obavezno)').setInputFiles(file)
    await page.getByRole('button', { name: 'Napravi nacrt' }).click()

    await expect(page).toHaveURL(new RegExp(`/drafts/zakon-o-probnom-uvozu-${marker}/edit$`))
    const surface = page.getByRole('textbox', { name: 'Tekst nacrta' })
    await expect(surface.getByText('Ovim zakonom uređuje se probni uvoz nacrta iz Word dokumenta.')).toBeVisible()
    await expect(surface.getByText('Ovaj zakon stupa na snagu osmog dana od dana objavljivanja.')).toBeVisible()
    await expect(surface.locator('.pm-label--article')).toHaveCount(2)
  })

  test('an empty draft starts with its title and one article', async ({ page }) => {
    const title = `Pravilnik o probi ${Date.now()}`
    await logIn(page, COORDINATOR, SAMPLE_PASSWORD)
    await page.goto('/drafts/new')
    await page.getByLabel('Naziv propisa').fill(title)
    await page.getByRole('button', { name: 'Napravi nacrt' }).click()
    await expect(page).toHaveURL(/\/drafts\/pravilnik-o-probi-\d+\/edit$/)
    const surface = page.getByRole('textbox', { name: 'Tekst nacrta' })
    await expect(surface.getByText(title)).toBeVisible()
    await expect(surface.locator('.pm-label--article')).toHaveCount(1)
  })

  test('a PDF renamed .docx is refused with a message that says what to do', async ({ page }) => {
    const file = path.join(dir, 'zakon.docx')
    writeFileSync(file, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')
    await logIn(page, COORDINATOR, SAMPLE_PASSWORD)
    await page.goto('/drafts/new')
    await page.getByLabel('Tekst postojećeg propisa (nije obavezno)').setInputFiles(file)
    await page.getByRole('button', { name: 'Napravi nacrt' }).click()
    await expect(page.getByText('Datoteka nije Word dokument (.docx) ni običan tekst (.txt). Sačuvajte je u jednom od tih oblika i pokušajte ponovo.')).toBeVisible()
    await expect(page).toHaveURL(/\/drafts\/new$/)
  })

  test('a text without articles is refused with the reason inside a translated sentence, and the form stays', async ({ page }) => {
    const file = path.join(dir, 'bez-clanova.txt')
    writeFileSync(file, 'Ovo je samo dopis ministarstvu, bez ijednog člana.\n')
    await logIn(page, COORDINATOR, SAMPLE_PASSWORD)
    await page.goto('/drafts/new')
    await page.getByLabel('Naziv propisa').fill('Zakon koji se neće napraviti')
    await page.getByLabel('Tekst postojećeg propisa (nije obavezno)').setInputFiles(file)
    const response = page.waitForResponse((r) => r.request().method() === 'POST')
    await page.getByRole('button', { name: 'Napravi nacrt' }).click()
    expect((await response).status()).toBe(400)
    await expect(page.getByText(/^Datoteku nije bilo moguće uvesti: .+ Provjerite da sadrži tekst propisa s oznakama članova/)).toBeVisible()
    await expect(page.getByLabel('Naziv propisa')).toHaveValue('Zakon koji se neće napraviti')
  })

  test('a citizen sees no link to start a draft and gets the 403 page at /drafts/new', async ({ page }) => {
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    await page.goto('/')
    await expect(page.getByRole('heading', { name: 'Propisi u izradi' })).toBeVisible()
    await expect(page.getByRole('link', { name: 'Novi nacrt' })).toHaveCount(0)
    const response = await page.goto('/drafts/new')
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Nemate pristup' })).toBeVisible()
  })
})
