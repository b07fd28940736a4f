import Database from 'better-sqlite3'
import path from 'node:path'
import { expect, type Locator, type Page } from '@playwright/test'

/** The database of the app under test (see playwright.config.ts). */
const DB_FILE = path.resolve(import.meta.dirname, '..', '.tmp', 'e2e.db')

/** The password of the sample accounts (prisma/seed.ts). */
export const SAMPLE_PASSWORD = 'nacrt-demo-2026'

/** A unique address, so that runs and tests never collide. */
export function uniqueEmail(label: string): string {
  return `${label}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.ba`
}

/** The first link in the newest e-mail to an address, read from the outbox table. */
export async function linkFromOutbox(to: string, pathPart: string): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const db = new Database(DB_FILE, { readonly: true, fileMustExist: true })
    try {
      const row = db.prepare('SELECT text FROM OutboxEmail WHERE "to" = ? ORDER BY createdAt DESC LIMIT 1').get(to) as { text: string } | undefined
      const link = row?.text.match(new RegExp(`https?://\\S*${pathPart}\\S*`))?.[0]
      if (link) return link
    } finally {
      db.close()
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`No e-mail with a ${pathPart} link reached ${to}`)
}

/** Registers through the form and confirms through the e-mailed link. */
export async function registerAndConfirm(page: Page, name: string, email: string, password: string) {
  await page.goto('/register?lng=bs')
  await page.getByLabel('Ime i prezime').fill(name)
  await page.getByLabel('E-mail adresa').fill(email)
  await page.getByLabel('Lozinka').fill(password)
  await page.getByRole('button', { name: 'Registruj se' }).click()
  await expect(page.getByText('Provjerite svoju e-mail poštu')).toBeVisible()
  const link = await linkFromOutbox(email, '/confirm-email')
  await page.goto(link)
  await page.getByRole('button', { name: 'Potvrdi adresu' }).click()
  await expect(page.getByText('Vaša adresa je potvrđena')).toBeVisible()
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login?lng=bs')
  await page.getByLabel('E-mail adresa').fill(email)
  await page.getByLabel('Lozinka').fill(password)
  await page.getByRole('button', { name: 'Prijavi se' }).click()
  // Either signed in (the header offers to log out) or refused with a message.
  await expect(page.getByRole('button', { name: 'Odjava' }).or(page.getByRole('alert'))).toBeVisible()
}

export async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Odjava' }).click()
  await expect(page.getByRole('link', { name: 'Prijava' })).toBeVisible()
}

/**
 * Clicks into the editor's text and returns once the editor has read the new caret.
 * The browser reports a moved selection in a `selectionchange` task after the click;
 * a key pressed before that task runs would act on the old selection (a shortcut
 * inserting a table in the wrong place, a Backspace in another article). The listener is
 * put in place before the click, so the wait cannot miss the event; a click that leaves the
 * caret where it was fires none, hence the fallback.
 */
export async function placeCaret(target: Locator) {
  const page = target.page()
  await page.evaluate(() => {
    const w = window as unknown as { __caretRead?: Promise<void> }
    w.__caretRead = new Promise<void>(resolve => {
      const timer = setTimeout(resolve, 1_000)
      document.addEventListener('selectionchange', () => setTimeout(() => { clearTimeout(timer); resolve() }), { once: true })
    })
  })
  await target.click()
  await page.evaluate(() => (window as unknown as { __caretRead?: Promise<void> }).__caretRead)
}

/** The id of the sample law's round at a stage: prednacrt is the closed one with its report published, nacrt the open one. */
export function sampleRoundId(stage: 'prednacrt' | 'nacrt'): string {
  const db = new Database(DB_FILE, { readonly: true, fileMustExist: true })
  try {
    const row = db
      .prepare("SELECT r.id FROM Round r JOIN Draft d ON d.id = r.draftId WHERE d.slug = 'zakon-o-socijalnim-uslugama' AND r.stage = ? ORDER BY r.opensAt LIMIT 1")
      .get(stage) as { id: string } | undefined
    if (!row) throw new Error(`No ${stage} round of the sample law`)
    return row.id
  } finally {
    db.close()
  }
}

