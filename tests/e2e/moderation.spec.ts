import Database from 'better-sqlite3'
import path from 'node:path'
import type { Browser, Page } from '@playwright/test'
import { expect, hydrating, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, linkFromOutbox, logIn } from './support.ts'

// The round consults version 2; other tests may have saved later versions since.
const DRAFT = '/drafts/zakon-o-socijalnim-uslugama?version=2&lng=bs'
const MODERATOR = 'lejla.mehmedovic@fmrsp.example.ba'
const CITIZEN = 'gradjanin@nacrt.example.ba'

// Other journeys expect comments to be published at once: whatever happens here, the
// sample round goes back to post-moderation.
test.afterAll(() => {
  const db = new Database(path.resolve(import.meta.dirname, '..', '.tmp', 'e2e.db'), { fileMustExist: true })
  try {
    db.prepare(`UPDATE "Round" SET "moderationMode" = 'post' WHERE "draftId" = (SELECT "id" FROM "Draft" WHERE "slug" = 'zakon-o-socijalnim-uslugama')`).run()
  } finally {
    db.close()
  }
})

/** A page signed in as someone, in a browser of its own. */
async function signedIn(browser: Browser, email: string): Promise<Page> {
  const page = hydrating(await browser.newPage())
  await logIn(page, email, SAMPLE_PASSWORD)
  return page
}

/** The citizen comments on the draft as a whole; returns where the form sent them. */
async function commentOnDraft(page: Page, body: string) {
  await page.goto(DRAFT)
  await page.getByRole('link', { name: 'Komentariši nacrt u cjelini' }).click()
  await page.getByLabel('Vaš komentar').fill(body)
  await page.getByLabel('Pristajem da se moj komentar javno objavi').check()
  await page.getByRole('button', { name: 'Pošalji komentar' }).click()
  // The inline form closes once the comment is in.
  await expect(page.getByRole('region', { name: 'Komentariši nacrt u cjelini' })).toHaveCount(0)
}

/** The moderators' queue of the sample round, reached from the draft page, showing one list. */
async function openQueue(page: Page, list: string) {
  await page.goto(DRAFT)
  await page.getByRole('link', { name: 'Moderacija komentara' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Moderacija komentara' })).toBeVisible()
  await page.getByLabel('Prikaz').selectOption({ label: list })
  await page.getByRole('button', { name: 'Prikaži' }).click()
}

const generalComments = (page: Page) => page.locator('#komentari')

test('a moderator hides one comment with a reason and redacts a passage of another; the public sees the result', async ({ page, browser }) => {
  const stamp = Date.now()
  const offensive = `Ovo je uvredljiv komentar za provjeru moderacije (${stamp}).`
  const personal = `Moja kćerka Amra Testić (${stamp}) čeka predah; član 35. treba proširiti.`
  const citizen = await signedIn(browser, CITIZEN)
  await commentOnDraft(citizen, offensive)
  await expect(citizen.getByRole('status')).toContainText('Vaš komentar je objavljen')
  await commentOnDraft(citizen, personal)

  await logIn(page, MODERATOR, SAMPLE_PASSWORD)
  await openQueue(page, 'Objavljeni')

  const first = page.getByRole('listitem').filter({ hasText: offensive })
  await first.getByLabel('Razlog sakrivanja').selectOption({ label: 'Uvredljiv sadržaj' })
  await first.getByLabel('Poruka autoru (nije obavezno)').fill('Molimo da komentarišete bez uvreda.')
  await first.getByRole('button', { name: 'Sakrij komentar' }).click()
  await expect(page.getByRole('status')).toContainText('Komentar je sakriven. Autor je obaviješten o razlogu.')

  const second = page.getByRole('listitem').filter({ hasText: personal })
  await second.getByText('Ukloni dio teksta').click()
  const redacted = `Moja kćerka […] čeka predah; član 35. treba proširiti.`
  // A changed word is refused, with the moderator's text kept for another try.
  await second.getByLabel('Tekst za javnost').fill(redacted.replace('čeka', 'traži'))
  await second.getByRole('button', { name: 'Sačuvaj javni tekst' }).click()
  await expect(second.getByRole('alert')).toContainText('Tekst se smije samo skratiti')
  await second.getByLabel('Tekst za javnost').fill(redacted)
  await second.getByRole('button', { name: 'Sačuvaj javni tekst' }).click()
  await expect(page.getByRole('status')).toContainText('Javni tekst komentara je sačuvan.')
  const kept = page.getByRole('listitem').filter({ hasText: redacted })
  await expect(kept).toContainText('Izvorni tekst (vide ga samo službenici):')
  await expect(kept).toContainText(`Amra Testić (${stamp})`)

  await openQueue(page, 'Sakriveni')
  await expect(page.getByRole('listitem').filter({ hasText: offensive })).toContainText('Sakriven (Uvredljiv sadržaj)')

  // The public draft page: the hidden comment is gone, the redacted one shows the public text only.
  const reader = hydrating(await browser.newPage())
  await reader.goto(DRAFT)
  await expect(generalComments(reader).getByText(redacted)).toBeVisible()
  await expect(generalComments(reader)).not.toContainText(offensive)
  await expect(generalComments(reader)).not.toContainText('Amra Testić')

  // The author is told why, by e-mail and under "My comments".
  expect(await linkFromOutbox(CITIZEN, '/account/comments')).toContain('/account/comments')
  await citizen.goto('/account/comments?lng=bs')
  await expect(citizen.getByRole('listitem').filter({ hasText: offensive })).toContainText('Sakriven s javne stranice. Razlog: komentar sadrži uvrede')
  await expect(citizen.getByRole('listitem').filter({ hasText: personal })).toContainText('Moderator je iz javnog prikaza uklonio dio teksta')
})

test('a moderator switches the round to pre-moderation and approves a comment from the queue', async ({ page, browser }) => {
  await logIn(page, MODERATOR, SAMPLE_PASSWORD)
  await openQueue(page, 'Čekaju odobrenje')
  await page.getByLabel(/Nakon odobrenja \(prethodna moderacija\)/).check()
  await page.getByRole('button', { name: 'Sačuvaj postavke' }).click()
  await expect(page.getByRole('status')).toContainText('Postavke moderacije su sačuvane.')

  const body = `Komentar koji čeka odobrenje (${Date.now()}).`
  const citizen = await signedIn(browser, CITIZEN)
  await commentOnDraft(citizen, body)
  await expect(citizen.getByRole('status')).toContainText('moderator pregleda komentare prije objave')
  await expect(generalComments(citizen)).not.toContainText(body)

  await openQueue(page, 'Čekaju odobrenje')
  const waiting = page.getByRole('listitem').filter({ hasText: body })
  await expect(waiting).toContainText('Čeka odobrenje')
  await waiting.getByRole('button', { name: 'Odobri i objavi' }).click()
  await expect(page.getByRole('status')).toContainText('Komentar je odobren i objavljen.')

  await citizen.goto(DRAFT)
  await expect(generalComments(citizen).getByText(body)).toBeVisible()

  await page.getByLabel(/Odmah \(naknadna moderacija\)/).check()
  await page.getByRole('button', { name: 'Sačuvaj postavke' }).click()
  await expect(page.getByRole('status')).toContainText('Postavke moderacije su sačuvane.')
})

test('a reader reports a comment, and the moderator finds it among the reported ones', async ({ page, browser }) => {
  const body = `Komentar koji će čitalac prijaviti (${Date.now()}).`
  const citizen = await signedIn(browser, CITIZEN)
  await commentOnDraft(citizen, body)
  await expect(citizen.getByRole('status')).toContainText('Vaš komentar je objavljen')

  // A reader who is not signed in reports it from the draft page.
  const reader = hydrating(await browser.newPage())
  await reader.goto(DRAFT)
  const comment = generalComments(reader).getByRole('listitem').filter({ hasText: body })
  await comment.getByText('Prijavi komentar').click()
  await comment.getByLabel('Razlog (nije obavezno)').selectOption({ label: 'Neželjeni sadržaj (spam)' })
  await comment.getByRole('button', { name: 'Pošalji prijavu' }).click()
  await expect(comment.getByRole('status')).toContainText('Hvala vam. Prijava je primljena')

  // A signed-in reader reports it too; a reader counts once, however often they send it.
  const other = await signedIn(browser, 'ivana.maric@example.ba')
  for (const expected of ['Hvala vam. Prijava je primljena', 'Ovaj komentar ste već prijavili.']) {
    await other.goto(DRAFT)
    const again = generalComments(other).getByRole('listitem').filter({ hasText: body })
    await again.getByText('Prijavi komentar').click()
    await again.getByRole('button', { name: 'Pošalji prijavu' }).click()
    await expect(again.getByRole('status')).toContainText(expected)
  }

  await logIn(page, MODERATOR, SAMPLE_PASSWORD)
  await openQueue(page, 'Prijavljeni')
  const reported = page.getByRole('listitem').filter({ hasText: body })
  await expect(reported).toContainText('Prijave: 2')
  await expect(reported).toContainText('Neželjeni sadržaj (spam) (1)')
  await reported.getByRole('button', { name: 'Zadrži objavljen' }).click()
  await expect(page.getByRole('status')).toContainText('Komentar je odobren i objavljen.')
  await expect(page.getByRole('listitem').filter({ hasText: body })).toHaveCount(0)
})

// Forms work without JavaScript (server/main.ts: Referrer-Policy same-origin, so the
// browser sends the page's Origin and React Router accepts the POST).
test('without JavaScript, the report link opens the report page, which takes and confirms the report', async ({ browser }) => {
  const body = `Komentar koji se prijavljuje bez JavaScripta (${Date.now()}).`
  const citizen = await signedIn(browser, CITIZEN)
  await commentOnDraft(citizen, body)
  await expect(citizen.getByRole('status')).toContainText('Vaš komentar je objavljen')

  const noScript = await browser.newContext({ javaScriptEnabled: false, locale: 'bs-BA' })
  const reader = await noScript.newPage()
  await reader.goto(DRAFT)
  const comment = reader.locator('#komentari').getByRole('listitem').filter({ hasText: body })
  // Without JavaScript the report link leads to the report page, with the same form.
  await comment.getByRole('link', { name: 'Prijavi komentar' }).click()
  await expect(reader.getByRole('heading', { level: 1, name: 'Prijava komentara' })).toBeVisible()
  await reader.getByLabel('Razlog (nije obavezno)').selectOption({ label: 'Otkriva lične podatke' })
  await reader.getByRole('button', { name: 'Pošalji prijavu' }).click()
  await expect(reader.getByRole('status')).toContainText('Hvala vam. Prijava je primljena')
  await noScript.close()
})
