import Database from 'better-sqlite3'
import path from 'node:path'
import { expect, test } from './fixtures.ts'
import { linkFromOutbox, logIn, logOut, SAMPLE_PASSWORD } from './support.ts'

// The institution answers comments: one citizen's comment, then a campaign of 50
// near-identical comments at once; the citizen reads the answer under "My comments".
// The sample round publishes answers at once (prisma/seed.ts), so no report is needed.

const CITIZEN = 'gradjanin@nacrt.example.ba'
const RESPONDER = 'emir.begic@fmrsp.example.ba'
const DB_FILE = path.resolve(import.meta.dirname, '..', '.tmp', 'e2e.db')

/** The sample law's open round (on version 2; the sample also has an earlier, closed one), from the app's database. */
function sampleRoundId(): string {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true })
  try {
    const row = db
      .prepare(
        `SELECT r.id AS id FROM Round r JOIN Draft d ON d.id = r.draftId JOIN Version v ON v.id = r.versionId
         WHERE d.slug = ? AND v.seq = 2 ORDER BY r.opensAt LIMIT 1`,
      )
      .get('zakon-o-socijalnim-uslugama') as { id: string }
    return row.id
  } finally {
    db.close()
  }
}

test('the responder answers a citizen’s comment, and the citizen reads the answer under "My comments"', async ({ page }) => {
  const body = `Komentar za odgovor ${Date.now()}: finansiranje usluga treba precizirati.`
  const reasoning = `Finansiranje je precizirano u novom članu o budžetima kantona (${Date.now()}).`
  await logIn(page, CITIZEN, SAMPLE_PASSWORD)
  // The round consults version 2; other tests may have saved later versions since.
  await page.goto('/drafts/zakon-o-socijalnim-uslugama?version=2&lng=bs')
  await page.getByRole('link', { name: 'Komentariši nacrt u cjelini' }).click()
  await page.getByLabel('Vaš komentar').fill(body)
  await page.getByLabel('Pristajem da se moj komentar javno objavi').check()
  await page.getByRole('button', { name: 'Pošalji komentar' }).click()
  await expect(page.getByRole('status')).toContainText('Vaš komentar je objavljen')
  await logOut(page)

  await logIn(page, RESPONDER, SAMPLE_PASSWORD)
  const roundId = sampleRoundId()
  await page.goto(`/rounds/${roundId}/answers?lng=bs`)
  await expect(page.getByRole('heading', { level: 1, name: 'Odgovori na komentare' })).toBeVisible()
  await page.getByLabel('Član', { exact: true }).selectOption({ label: 'Nacrt u cjelini' })
  await page.getByLabel('Status', { exact: true }).selectOption({ label: 'Bez odgovora' })
  await page.getByRole('button', { name: 'Prikaži', exact: true }).click()
  const row = page.getByRole('row').filter({ hasText: body })
  await row.getByRole('link', { name: 'Odgovori na komentar (Nacrt u cjelini)' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Odgovor na komentar: Nacrt u cjelini' })).toBeVisible()
  await expect(page.getByText(body)).toBeVisible()
  await page.getByLabel('Status odgovora').selectOption({ label: 'Djelimično prihvaćen' })
  await page.getByLabel('Obrazloženje').fill(reasoning)
  await page.getByRole('button', { name: 'Objavi odgovor' }).click()
  await expect(page.getByText('Odgovor je objavljen.')).toBeVisible()
  await expect(page.getByText(/vidljiv javnosti/)).toBeVisible()
  // The citizen is told by e-mail, with a link to their comments.
  expect(await linkFromOutbox(CITIZEN, '/account/comments')).toMatch(/\/account\/comments$/)
  await logOut(page)

  await logIn(page, CITIZEN, SAMPLE_PASSWORD)
  await page.goto('/account/comments?lng=bs')
  const item = page.getByRole('listitem').filter({ hasText: body })
  await expect(item).toContainText('Djelimično prihvaćen')
  await expect(item).toContainText(reasoning)
  await expect(item).not.toContainText('Odgovor ministarstva još nije objavljen.')
})

test('the responder answers a campaign of 50 identical comments at once', async ({ page }) => {
  await logIn(page, RESPONDER, SAMPLE_PASSWORD)
  const roundId = sampleRoundId()
  await page.goto(`/rounds/${roundId}/answers?lng=bs`)
  const group = page.getByRole('row').filter({ hasText: 'Kampanja: 50 istovjetnih komentara' })
  await expect(group).toBeVisible()
  await group.getByRole('link', { name: 'Odgovori na svih 50 komentara odjednom' }).click()

  await expect(page.getByRole('heading', { level: 1, name: 'Grupa od 50 istovjetnih komentara' })).toBeVisible()
  // Every member is listed.
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(51)
  await page.getByLabel('Status odgovora').selectOption({ label: 'Primljen k znanju' })
  await page.getByLabel('Obrazloženje').fill('Obim personalne asistencije uređuje se pravilnikom, koji će se pripremiti uz učešće udruženja osoba s invaliditetom.')
  await page.getByRole('button', { name: 'Objavi odgovor na svih 50 komentara' }).click()

  await expect(page.getByText('Odgovor je objavljen za 50 komentara.')).toBeVisible()
  await expect(page.getByText('Odgovoreno: 50 od 50')).toBeVisible()
  await expect(page.getByRole('table').getByText('Primljen k znanju')).toHaveCount(50)

  // The dashboard counts them under the article and as noted.
  await page.getByRole('link', { name: 'Napredak' }).click()
  const article = page.getByRole('row').filter({ hasText: 'Personalna asistencija' })
  await expect(article.getByRole('cell').nth(6)).toHaveText('0')
  await expect(article.getByRole('cell').last()).toHaveText('50')
})

test('the responder keeps a reusable answer and starts a draft answer from it', async ({ page }) => {
  const title = `Van predmeta zakona ${Date.now()}`
  const reasoning = 'Prijedlog se odnosi na pitanje koje ovaj zakon ne uređuje; proslijeđen je nadležnom ministarstvu.'
  await logIn(page, RESPONDER, SAMPLE_PASSWORD)
  const roundId = sampleRoundId()
  await page.goto(`/rounds/${roundId}/templates?lng=bs`)
  const form = page.getByRole('region', { name: 'Novi šablon' })
  await form.getByLabel('Naziv šablona').fill(title)
  await form.getByLabel('Status odgovora').selectOption({ label: 'Odbijen' })
  await form.getByLabel('Obrazloženje').fill(reasoning)
  await form.getByRole('button', { name: 'Dodaj šablon' }).click()
  await expect(page.getByText('Šablon je dodan.')).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible()

  await page.goto(`/rounds/${roundId}/answers?article=general&status=unanswered&lng=bs`)
  await page.getByRole('link', { name: 'Odgovori na komentar (Nacrt u cjelini)' }).first().click()
  await page.getByLabel('Šablon', { exact: true }).selectOption({ label: title })
  await page.getByRole('button', { name: 'Popuni iz šablona' }).click()
  await expect(page.getByLabel('Obrazloženje')).toHaveValue(reasoning)
  await expect(page.getByLabel('Status odgovora')).toHaveValue('rejected')
  await page.getByRole('button', { name: 'Sačuvaj nacrt odgovora' }).click()
  await expect(page.getByText('Nacrt odgovora je sačuvan. Javnost ga ne vidi dok ga ne objavite.')).toBeVisible()
  await expect(page.getByText('nacrt odgovora, nije objavljen')).toBeVisible()
})
