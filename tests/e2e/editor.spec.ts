import { expect, hydrating, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, logIn, placeCaret } from './support.ts'

const EDIT_URL = '/drafts/zakon-o-socijalnim-uslugama/edit'

test.describe('the working group editor', () => {
  test('a citizen cannot open the editor', async ({ page }) => {
    await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
    const response = await page.goto(EDIT_URL)
    expect(response?.status()).toBe(403)
    await expect(page.getByRole('heading', { name: 'Nemate pristup' })).toBeVisible()
  })

  test('an anonymous visitor is sent to log in first', async ({ page }) => {
    await page.goto(`${EDIT_URL}?lng=bs`)
    await expect(page).toHaveURL(/\/login\?redirectTo=/)
  })

  test('an editor inserts an article, sees everything after it renumbered, and saves', async ({ page }) => {
    await logIn(page, 'dragan.kovacevic@fmrsp.example.ba', SAMPLE_PASSWORD)
    await page.goto(EDIT_URL)
    const surface = page.getByRole('textbox', { name: 'Tekst nacrta' })
    await expect(surface).toBeVisible()
    const lastLabel = surface.locator('.pm-label--article').last()
    const before = await lastLabel.textContent()
    const count = Number(before?.match(/\d+/)?.[0])

    await placeCaret(surface.getByText('Ovim zakonom uređuju se vrste socijalnih usluga'))
    await page.getByRole('button', { name: 'Umetni član' }).click()
    await page.keyboard.type('Novi član radne grupe')
    await expect(lastLabel).toHaveText(`Član ${count + 1}.`)
    await expect(surface.locator('.pm-label--article').nth(1)).toHaveText('Član 2.')
    await expect(page.getByRole('status')).toHaveText('Nesačuvane izmjene')

    await page.getByRole('button', { name: 'Sačuvaj', exact: true }).click()
    await expect(page.getByRole('status')).toHaveText('Sačuvano')
    await page.reload()
    await expect(page.getByRole('textbox', { name: 'Tekst nacrta' }).getByText('Novi član radne grupe')).toBeVisible()
  })
})

test.describe('named versions', () => {
  test('an editor saves the working copy as a named version and opens it read-only', async ({ page }) => {
    await logIn(page, 'ivana.maric@example.ba', SAMPLE_PASSWORD)
    await page.goto(EDIT_URL)
    const name = `Radni materijal ${Date.now()}`
    await page.getByLabel('Naziv verzije').fill(name)
    await page.getByLabel('Napomena').fill('Za sjednicu radne grupe')
    await page.getByRole('button', { name: 'Sačuvaj kao verziju' }).click()
    await expect(page.getByText(/Verzija \d+ je sačuvana/)).toBeVisible()
    const item = page.getByRole('listitem').filter({ hasText: name })
    await expect(item).toContainText('Ivana Marić')
    await item.getByRole('link', { name }).click()
    await expect(page.getByText(`Verzija: ${name}`)).toBeVisible()
  })

  test('a second version with the same name is refused with a clear message', async ({ page }) => {
    await logIn(page, 'ivana.maric@example.ba', SAMPLE_PASSWORD)
    await page.goto(EDIT_URL)
    await page.getByLabel('Naziv verzije').fill('Radni materijal 1')
    await page.getByRole('button', { name: 'Sačuvaj kao verziju' }).click()
    await expect(page.getByText('Nacrt već ima verziju s tim nazivom.')).toBeVisible()
  })
})

test('pasting articles copied from Word inserts real, numbered articles', async ({ page }) => {
  await logIn(page, 'dragan.kovacevic@fmrsp.example.ba', SAMPLE_PASSWORD)
  await page.goto(EDIT_URL)
  const surface = page.getByRole('textbox', { name: 'Tekst nacrta' })
  await placeCaret(surface.getByText('Ovim zakonom uređuju se vrste socijalnih usluga'))
  const before = await surface.locator('.pm-label--article').count()
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.setData('text/plain', 'Član 5.\n(Zalijepljeni član)\n(1) Prvi stav iz Worda.\n(2) Drugi stav:\na) prva tačka,\nb) druga tačka.')
    document.querySelector('.legal-editor__surface')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(surface.locator('.pm-label--article')).toHaveCount(before + 1)
  const pasted = surface.locator('article.pm-article').nth(1)
  await expect(pasted.locator('.pm-label--article')).toHaveText('Član 2.')
  await expect(pasted.getByText('Zalijepljeni član')).toBeVisible()
  await expect(pasted.locator('.pm-label--point').first()).toHaveText('a) ')
})

test('two editors save at once: the second gets a clear conflict, keeps their text, and can see both', async ({ browser }) => {
  const first = hydrating(await browser.newPage())
  const second = hydrating(await browser.newPage())
  for (const page of [first, second]) {
    await logIn(page, 'dragan.kovacevic@fmrsp.example.ba', SAMPLE_PASSWORD)
    await page.goto(EDIT_URL)
    await expect(page.getByRole('textbox', { name: 'Tekst nacrta' })).toBeVisible()
  }
  await placeCaret(first.getByRole('textbox', { name: 'Tekst nacrta' }).getByText('Ovim zakonom uređuju se vrste socijalnih usluga'))
  await first.keyboard.type('Prvi urednik ')
  await first.getByRole('button', { name: 'Sačuvaj', exact: true }).click()
  await expect(first.getByRole('status')).toHaveText('Sačuvano')

  const surface = second.getByRole('textbox', { name: 'Tekst nacrta' })
  await placeCaret(surface.getByText('Ovim zakonom uređuju se vrste socijalnih usluga'))
  await second.keyboard.type('Drugi urednik ')
  await second.getByRole('button', { name: 'Sačuvaj', exact: true }).click()
  const alert = second.getByRole('alert')
  await expect(alert).toContainText('U međuvremenu je neko drugi sačuvao radnu verziju')
  await expect(alert.getByRole('link', { name: 'Otvori sačuvanu verziju u novoj kartici' })).toHaveAttribute('href', '/drafts/zakon-o-socijalnim-uslugama/edit')
  await expect(surface.getByText('Drugi urednik', { exact: false })).toBeVisible()
  const [download] = await Promise.all([second.waitForEvent('download'), alert.getByRole('button', { name: 'Preuzmi moj tekst kao datoteku' }).click()])
  expect(download.suggestedFilename()).toBe('moja-radna-verzija.json')
  await first.close()
  await second.close()
})
