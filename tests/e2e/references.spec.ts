import { expect, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, logIn } from './support.ts'

const EDIT_URL = '/drafts/zakon-o-socijalnim-uslugama/edit'

test('a reference to an article follows its number when an article is inserted before it, and is saved', async ({ page }) => {
  await logIn(page, 'dragan.kovacevic@fmrsp.example.ba', SAMPLE_PASSWORD)
  await page.goto(EDIT_URL)
  const surface = page.getByRole('textbox', { name: 'Tekst nacrta' })
  await expect(surface).toBeVisible()
  await surface.getByText('Ovim zakonom uređuju se vrste socijalnih usluga').click()

  // Refer to the last article of the act.
  const picker = page.getByRole('combobox', { name: 'Član na koji se upućuje' })
  const last = picker.locator('option').last()
  const label = await last.textContent()
  const number = Number(label?.match(/^Član (\d+)\./)?.[1])
  expect(number).toBeGreaterThan(1)
  await picker.selectOption({ label: label! })
  await page.getByRole('button', { name: 'Umetni upućivanje' }).click()
  // The sample law's own written references were linked on import; the new one is in Član 1.
  const reference = surface.locator('.pm-article').first().locator('.pm-reference')
  await expect(reference).toHaveCount(1)
  await expect(reference).toHaveText(`člana ${number}.`)

  // A new article after the first one moves the target, and the reference, one number up.
  await page.getByRole('button', { name: 'Umetni član' }).click()
  await page.keyboard.type('Član ispred upućivanja')
  await expect(reference).toHaveText(`člana ${number + 1}.`)
  await expect(picker.locator('option').last()).toHaveText(new RegExp(`^Član ${number + 1}\\.`))

  await page.getByRole('button', { name: 'Sačuvaj', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Sačuvano')
  await page.reload()
  const reloaded = page.getByRole('textbox', { name: 'Tekst nacrta' }).locator('.pm-article').first().locator('.pm-reference')
  await expect(reloaded).toHaveCount(1)
  await expect(reloaded).toHaveText(`člana ${number + 1}.`)
})
