import { expect, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, logIn, placeCaret } from './support.ts'

// The standards draft has no chapters and no sub-points of its own, so the structure this
// test adds is easy to see, and the test removes it again before it ends.
const EDIT_URL = '/drafts/standardi-kvaliteta-smjestaj-djece/edit'

test('an editor indents a point, inserts chapters, undoes, saves and finds the structure after a reload', async ({ page }) => {
  await logIn(page, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
  await page.goto(EDIT_URL)
  const surface = page.getByRole('textbox', { name: 'Tekst nacrta' })
  await expect(surface).toBeVisible()
  const pointText = 'procjena potreba obuhvata zdravlje'
  const unitWith = (text: string) => surface.locator('.pm-point, .pm-subpoint').filter({ hasText: text }).last()
  const divisions = surface.locator('.pm-label--division')
  await expect(divisions).toHaveCount(0)

  // Tab: indicator 1.1.2 becomes sub-point 1. of indicator 1.1.1; the next one moves up.
  await placeCaret(surface.getByText(pointText))
  await page.keyboard.press('Tab')
  await expect(unitWith(pointText).locator('.pm-label--point').first()).toHaveText('1.')
  await expect(unitWith('u dosijeu djeteta nalazi se').locator('.pm-label--point')).toHaveText('Indikator 1.1.2')
  await page.keyboard.press('Shift+Tab')
  await expect(unitWith(pointText).locator('.pm-label--point').first()).toHaveText('Indikator 1.1.2')
  await page.getByRole('button', { name: 'Uvuci' }).click()
  await expect(unitWith(pointText).locator('.pm-label--point').first()).toHaveText('1.')

  // A chapter from standard 2 on, with a heading typed in; then one before it: it becomes II.
  await placeCaret(surface.getByText('Dijete učestvuje u izradi i reviziji'))
  await page.keyboard.press('Control+Shift+Enter')
  await page.keyboard.type('Učešće i kontakti')
  await expect(divisions).toHaveText(['POGLAVLJE I.'])
  await surface.getByText('Svako dijete ima individualni plan zaštite').click()
  await page.getByRole('button', { name: 'Umetni poglavlje' }).click()
  await page.keyboard.type('Planiranje')
  await expect(divisions).toHaveText(['POGLAVLJE I.', 'POGLAVLJE II.'])
  await expect(surface.locator('.pm-chapter').nth(1).locator('.pm-heading')).toHaveText('Učešće i kontakti')

  // Undo takes the second chapter (and its typed heading) away again, redo brings it back.
  await page.keyboard.press('Control+z')
  await expect(divisions).toHaveText(['POGLAVLJE I.'])
  await expect(surface.locator('.pm-chapter').first().locator('.pm-heading')).toHaveText('Učešće i kontakti')
  await page.keyboard.press('Control+y')
  await expect(divisions).toHaveText(['POGLAVLJE I.', 'POGLAVLJE II.'])

  await page.getByRole('button', { name: 'Sačuvaj', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Sačuvano')
  await page.reload()
  await expect(divisions).toHaveText(['POGLAVLJE I.', 'POGLAVLJE II.'])
  await expect(surface.locator('.pm-chapter').first().locator('.pm-heading')).toHaveText('Planiranje')
  await expect(unitWith(pointText).locator('.pm-label--point').first()).toHaveText('1.')

  // Leave the draft as it was for the other tests: remove both chapters, outdent the point.
  await surface.getByText('Svako dijete ima individualni plan zaštite').click()
  await page.getByRole('button', { name: 'Ukloni podjelu' }).click()
  await expect(divisions).toHaveText(['POGLAVLJE I.'])
  await placeCaret(surface.getByText('Dijete učestvuje u izradi i reviziji'))
  await page.keyboard.press('Control+Shift+Backspace')
  await expect(divisions).toHaveCount(0)
  await placeCaret(surface.getByText(pointText))
  await page.getByRole('button', { name: 'Izvuci' }).click()
  await expect(unitWith(pointText).locator('.pm-label--point').first()).toHaveText('Indikator 1.1.2')
  await page.getByRole('button', { name: 'Sačuvaj', exact: true }).click()
  await expect(page.getByRole('status')).toHaveText('Sačuvano')
})

test('the editor lists its keyboard shortcuts, and each button names its own', async ({ page }) => {
  await logIn(page, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
  await page.goto(`${EDIT_URL}?lng=bs`)
  await expect(page.getByRole('textbox', { name: 'Tekst nacrta' })).toBeVisible()
  await expect(page.getByRole('button', { name: 'Umetni član' })).toHaveAttribute('title', /Ctrl\+Enter/)
  await page.getByText('Prečice na tastaturi').click()
  const help = page.locator('.legal-editor__shortcuts')
  const row = (keys: string, label: string) => help.locator('dl > div').filter({ has: page.locator('kbd', { hasText: new RegExp(`^${keys.replace(/[+.]/g, '\\$&')}$`) }) }).filter({ hasText: label })
  await expect(row('Ctrl+Enter', 'Umetni član')).toHaveCount(1)
  await expect(row('Alt+Shift+T', 'Umetni tabelu')).toHaveCount(1)
  await expect(row('Ctrl+S', 'Sačuvaj')).toHaveCount(1)
})
