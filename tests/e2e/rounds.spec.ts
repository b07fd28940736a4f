import { expect, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, logIn, logOut } from './support.ts'

// Staff plan a consultation on the quality standards (the law's sample round is left to
// the other journeys), open it, and close it; a citizen reads the public page, comments,
// and after the closing finds the form gone and a direct POST refused.

const DRAFT = '/drafts/standardi-kvaliteta-smjestaj-djece'

/** "2027-01-05T08:00" plus `days` calendar days, same wall-clock time. */
function addDays(local: string, days: number): string {
  const [date, time] = local.split('T') as [string, string]
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const next = new Date(Date.UTC(y, m - 1, d + days))
  return `${next.toISOString().slice(0, 10)}T${time}`
}

test('staff plan a round with a short period and its reason, add a hearing, open it; a citizen comments; staff close it and commenting is refused', async ({ page }) => {
  const title = `Konsultacije o standardima ${Date.now()}`
  await logIn(page, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
  await page.goto(`${DRAFT}?lng=bs`)
  await page.getByRole('link', { name: 'Planiraj konsultacije' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Novi krug konsultacija' })).toBeVisible()

  await page.getByLabel('Naziv kruga konsultacija').fill(title)
  const opens = await page.getByLabel('Početak').inputValue()
  await page.getByLabel('Završetak').fill(addDays(opens, 9).replace(/T.*/, 'T23:59'))
  await page.getByLabel('Javne rasprave').check()
  await page.getByLabel('Šta propis mijenja, jednostavnim jezikom').fill('Standardi određuju koliko djece živi u jednoj maloj domskoj zajednici i ko se o njima brine.')
  await page.getByRole('button', { name: 'Sačuvaj plan' }).click()

  // Ten days is shorter than the FBiH minimum of fifteen: the warning asks for the reason.
  await expect(page.getByRole('alert').filter({ hasText: 'Period traje 10 dana' })).toBeVisible()
  await expect(page.getByLabel('Naziv kruga konsultacija')).toHaveValue(title)
  await page.getByLabel('Razlog za kraći rok').fill('Rok za usklađivanje s Zakonom o socijalnim uslugama.')
  await page.getByRole('button', { name: 'Sačuvaj plan' }).click()
  await expect(page.getByText('Plan je sačuvan.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible()
  await expect(page.getByText('Planirano', { exact: true })).toBeVisible()

  await page.getByLabel('Datum i vrijeme').fill(addDays(opens, 3).replace(/T.*/, 'T10:00'))
  await page.getByLabel('Mjesto', { exact: true }).fill('Mostar, Hotel Mepas, sala A')
  await page.getByRole('button', { name: 'Dodaj javnu raspravu' }).click()
  await expect(page.getByText('Mostar, Hotel Mepas, sala A')).toBeVisible()

  // Opening cannot be undone and sends the invitations: the box must be ticked first.
  await page.getByRole('button', { name: 'Otvori sada' }).click()
  await expect(page.getByText('Planirano → Otvoreno')).toHaveCount(0)
  await page.getByLabel(/^Razumijem da se otvaranje ne može poništiti/).check()
  await page.getByRole('button', { name: 'Otvori sada' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Krug je otvoren' })).toBeVisible()
  await expect(page.getByText('Otvoreno', { exact: true }).first()).toBeVisible()
  await expect(page.getByText('Planirano → Otvoreno')).toBeVisible()
  const manageUrl = page.url()
  const roundUrl = manageUrl.replace(/\/manage.*$/, '')

  // The public page, read by anyone.
  await logOut(page)
  await page.goto(`${roundUrl}?lng=bs`)
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Pravilnik o standardima kvaliteta')
  await expect(page.getByText('Standardi određuju koliko djece živi')).toBeVisible()
  await expect(page.getByText(/Komentari se primaju do/)).toBeVisible()
  await expect(page.getByText(/^Još \d+ dan/)).toBeVisible()
  await expect(page.getByText('Mostar, Hotel Mepas, sala A')).toBeVisible()
  await expect(page.getByText(/Razlog: Rok za usklađivanje/)).toBeVisible()

  // A citizen comments on the first standard from the public page.
  await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
  await page.goto(`${roundUrl}?lng=bs`)
  const first = page.getByRole('article').first()
  await expect(first.getByText(/^0 komentara/)).toBeVisible()
  // With JavaScript the form opens under the article and posts without leaving the page.
  await first.getByRole('link', { name: /^Komentariši/ }).click()
  const form = first.getByRole('region', { name: /^Komentariši/ })
  await expect(form.getByLabel('Vaš komentar')).toBeFocused()
  const body = `Broj djece po vaspitaču treba propisati i za noćnu smjenu (${Date.now()}).`
  await form.getByLabel('Vaš komentar').fill(body)
  await form.getByLabel('Pristajem da se moj komentar javno objavi').check()
  await form.getByRole('button', { name: 'Pošalji komentar' }).click()
  await expect(page.getByText(/Vaš komentar je objavljen/)).toBeVisible()
  expect(page.url()).toBe(`${roundUrl}?lng=bs`)
  // The section, rendered again on the server for the new comment set, shows it.
  await expect(first.getByText(/^1 komentar/)).toBeVisible()
  await expect(first.getByText(body)).toBeVisible()
  const commentUrl = `${roundUrl}/comment`

  // A reply, shown under the comment it answers.
  await page.goto(`${roundUrl}?lng=bs`)
  const comment = page.locator('li.comment').filter({ hasText: body })
  // With JavaScript the reply form opens in place, quoting the comment it answers.
  await comment.getByRole('link', { name: 'Odgovori na komentar' }).click()
  const replyForm = page.getByRole('region', { name: 'Odgovori na komentar' })
  await expect(replyForm.locator('blockquote')).toHaveText(body)
  await expect(replyForm.getByLabel('Prijedlog teksta (neobavezno)')).toHaveCount(0)
  const reply = `I za vikende, kada je manje osoblja (${Date.now()}).`
  await replyForm.getByLabel('Vaš komentar').fill(reply)
  await replyForm.getByLabel('Pristajem da se moj komentar javno objavi').check()
  await replyForm.getByRole('button', { name: 'Pošalji komentar' }).click()
  await expect(page.getByText(/Vaš komentar je objavljen/)).toBeVisible()
  await page.goto(`${roundUrl}?lng=bs`)
  await expect(page.locator('li.comment').filter({ hasText: body }).getByRole('group').getByText(reply)).toBeVisible()
  await logOut(page)

  // Staff close the round early, with a reason.
  await logIn(page, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
  await page.goto(manageUrl)
  await page.getByLabel('Razlog za zatvaranje prije roka').fill('Radna grupa je zatražila novu verziju teksta.')
  await page.getByLabel(/^Razumijem da se zatvaranje ne može poništiti/).check()
  await page.getByRole('button', { name: 'Zatvori sada' }).click()
  await expect(page.getByText('Otvoreno → Zatvoreno')).toBeVisible()
  await logOut(page)

  // After the closing the form is gone, and a POST made by hand is refused by the server.
  await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
  await page.goto(`${roundUrl}?lng=bs`)
  await expect(page.getByText(/Konsultacije su završene/)).toBeVisible()
  await expect(page.getByText(body)).toBeVisible()
  // Until the report is out, the page charts the comments per article so far (SVG, no JavaScript needed).
  await expect(page.locator('figure svg title').filter({ hasText: 'Komentari po članovima do sada' })).toHaveCount(1)
  await expect(page.getByRole('link', { name: /^Komentariši/ })).toHaveCount(0)
  await page.goto(`${commentUrl}?lng=bs`)
  await expect(page.getByLabel('Vaš komentar')).toHaveCount(0)
  const csrf = await page.locator('input[name=csrf]').first().inputValue()
  const response = await page.request.post(commentUrl, { form: { csrf, body: 'Poslije roka.', consentToPublish: 'on' } })
  expect(response.status()).toBe(409)
})

test('the public page shows the text and the comments after hydration, after a client-side navigation and in the other script', async ({ page }) => {
  // Reached by a link (client-side navigation): the text and the comment sections are fetched as HTML.
  // The round consults version 2; other journeys may have saved later versions since.
  await page.goto('/drafts/zakon-o-socijalnim-uslugama?version=2&lng=bs')
  await page.waitForLoadState('networkidle')
  const fragments = page.waitForResponse((r) => r.url().includes('/fragments?'))
  await page.getByRole('link', { name: 'Stranica konsultacija' }).click()
  expect((await fragments).status()).toBe(200)
  const first = page.locator('article#clan-1')
  await expect(first.locator('.article__title')).toContainText('Član 1.')
  await expect(first.locator('.paragraph').first()).toContainText(/\S/)
  await expect(first.locator('.article-comments__count')).toContainText(/komentar/)
  const roundUrl = page.url()

  // Loaded as a document: the server's HTML stays after hydration.
  await page.goto(roundUrl)
  await page.waitForLoadState('networkidle')
  await expect(first.locator('.paragraph').first()).toContainText(/\S/)
  await expect(first.locator('.article-comments__count')).toContainText(/komentar/)
  const latin = await first.locator('.paragraph').first().textContent()

  // The other script, client-side: another text, the same comments.
  await page.getByRole('link', { name: 'Ćirilica', exact: true }).click()
  await expect(page).toHaveURL(/script=cyrl/)
  await expect(first.locator('.article__title')).toContainText('Члан 1.')
  await expect(first.locator('.paragraph').first()).not.toHaveText(latin!)
  await expect(first.locator('.article-comments__count')).toContainText(/komentar/)
  await page.getByRole('link', { name: 'Latinica', exact: true }).click()
  await expect(first.locator('.article__title')).toContainText('Član 1.')

  // The in-page search quotes the text the page shows.
  const field = page.getByRole('searchbox', { name: 'Pretraži ovaj nacrt' })
  await field.fill('korisnik')
  await expect(page.getByRole('list', { name: 'Rezultati pretrage' }).locator('mark').first()).toBeVisible({ timeout: 15_000 })
})

test('a comment sent in place on the round page brings back only its own section of the comments', async ({ page }) => {
  await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
  await page.goto('/drafts/zakon-o-socijalnim-uslugama?version=2&lng=bs')
  await page.getByRole('link', { name: 'Stranica konsultacija' }).click()
  await expect(page).toHaveURL(/\/rounds\/[^/?#]+$/)
  // Loaded as a document: the comment set the page shows is the one in its HTML.
  await page.goto(page.url())
  await page.waitForLoadState('networkidle')
  const article = page.locator('article#clan-3')
  const comments = page.locator('.article-comments').filter({ has: page.getByRole('link', { name: 'Komentariši član 3.' }) })
  const first = page.locator('.article-comments').filter({ has: page.getByRole('link', { name: 'Komentariši član 1.' }) })
  await expect(article).toBeVisible()
  const firstCount = await first.locator('.article-comments__count').textContent()

  await comments.getByRole('link', { name: 'Komentariši član 3.' }).click()
  const form = page.getByRole('region', { name: 'Komentariši član 3.' })
  const body = `Član 3. treba spomenuti i hraniteljske porodice (${Date.now()}).`
  await form.getByLabel('Vaš komentar').fill(body)
  await form.getByLabel('Pristajem da se moj komentar javno objavi').check()
  const fragments = page.waitForResponse((r) => r.url().includes('/fragments?') && r.url().includes('since='))
  await form.getByRole('button', { name: 'Pošalji komentar' }).click()
  const response = await fragments
  const sent = (await response.json()) as { comments?: { since?: string; fragments: Record<string, string> } }
  // Only the commented article's section came back, as the changes since the set the page shows.
  expect(sent.comments?.since).toBeTruthy()
  expect(Object.keys(sent.comments!.fragments)).toHaveLength(1)
  expect(Object.values(sent.comments!.fragments)[0]).toContain(body)
  await expect(comments.getByText(body)).toBeVisible()
  // Every other section is still there, as it was.
  await expect(first.locator('.article-comments__count')).toHaveText(firstCount!)
})

test('a reply sent from the round page opens in place and stays on the round page', async ({ page }) => {
  await logIn(page, 'gradjanin@nacrt.example.ba', SAMPLE_PASSWORD)
  await page.goto('/drafts/zakon-o-socijalnim-uslugama?version=2&lng=bs')
  await page.getByRole('link', { name: 'Stranica konsultacija' }).click()
  await expect(page).toHaveURL(/\/rounds\/[^/?#]+$/)
  const roundUrl = page.url()
  const general = page.locator('#komentari')
  await general.getByRole('link', { name: 'Odgovori' }).first().click()
  const form = page.getByRole('region', { name: 'Odgovori' })
  const body = `Slažem se, uz dopunu o rokovima (${Date.now()}).`
  await form.getByLabel('Vaš komentar').fill(body)
  await form.getByLabel('Pristajem da se moj komentar javno objavi').check()
  await form.getByRole('button', { name: 'Pošalji komentar' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Vaš komentar je objavljen' })).toBeVisible()
  expect(page.url()).toBe(roundUrl)
  await expect(general.getByText(body)).toBeVisible()
})

test('a public hearing after the round closes is refused on its date field, and nothing is scheduled', async ({ page }) => {
  const title = `Rasprava izvan roka ${Date.now()}`
  await logIn(page, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
  await page.goto(`${DRAFT}?lng=bs`)
  await page.getByRole('link', { name: 'Planiraj konsultacije' }).click()
  await page.getByLabel('Naziv kruga konsultacija').fill(title)
  const opens = await page.getByLabel('Početak').inputValue()
  const closes = addDays(opens, 20).replace(/T.*/, 'T23:59')
  await page.getByLabel('Završetak').fill(closes)
  await page.getByLabel('Javne rasprave').check()
  await page.getByRole('button', { name: 'Sačuvaj plan' }).click()
  await expect(page.getByText('Plan je sačuvan.')).toBeVisible()

  // Forty days after the opening: well after the closing.
  const late = addDays(opens, 40).replace(/T.*/, 'T10:00')
  await page.getByLabel('Datum i vrijeme').fill(late)
  await page.getByLabel('Mjesto', { exact: true }).fill('Tuzla, Bosanski kulturni centar')
  await page.getByRole('button', { name: 'Dodaj javnu raspravu' }).click()
  await expect(page.getByText(/Javna rasprava se održava u toku konsultacija/)).toBeVisible()
  await expect(page.getByLabel('Datum i vrijeme')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Datum i vrijeme')).toHaveValue(late)
  await expect(page.getByText('Nema zakazanih javnih rasprava.')).toBeVisible()
  await expect(page.locator('.hearing-list li')).toHaveCount(0)
})
