import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SMTPServer } from 'smtp-server'
import type { AddressInfo } from 'node:net'
import { createTestDb } from './db.ts'
import type { Db } from '../../drafting/db.ts'
import { createMailer } from '../../app/.server/mailer.ts'

let db: Db
let cleanup: () => Promise<void>

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
})
afterEach(async () => {
  await cleanup()
})

/** A real SMTP server on loopback that keeps what it receives. */
async function smtpServer() {
  const received: { to: string[]; data: string }[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = ''
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')))
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), data })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return { received, url: `smtp://127.0.0.1:${port}`, close: () => new Promise<void>((r) => server.close(() => r())) }
}

describe('the mailer', () => {
  it('keeps every message in the outbox when no SMTP server is configured', async () => {
    const mailer = createMailer(db, { from: 'Nacrt <no-reply@nacrt.local>' })
    await mailer.send({ to: 'ana@example.ba', subject: 'Potvrda', text: 'Link: https://nacrt.example.ba/confirm-email?token=x' })
    const [row] = await db.outboxEmail.findMany()
    expect(row).toMatchObject({ to: 'ana@example.ba', subject: 'Potvrda', transport: 'outbox', sentAt: null })
  })

  it('sends through SMTP when configured, and records that it was sent', async () => {
    const smtp = await smtpServer()
    try {
      const mailer = createMailer(db, { smtpUrl: smtp.url, from: 'Nacrt <no-reply@nacrt.local>' })
      await mailer.send({ to: 'ana@example.ba', subject: 'Nova lozinka', text: 'Zatražena je nova lozinka za vaš račun.' })
      expect(smtp.received).toHaveLength(1)
      expect(smtp.received[0]!.to).toEqual(['ana@example.ba'])
      expect(smtp.received[0]!.data).toContain('Subject: Nova lozinka')
      const [row] = await db.outboxEmail.findMany()
      expect(row?.transport).toBe('smtp')
      expect(row?.sentAt).not.toBeNull()
      expect(row?.error).toBeNull()
    } finally {
      await smtp.close()
    }
  })

  it('records the failure when the SMTP server cannot be reached, and loses nothing', async () => {
    const smtp = await smtpServer()
    await smtp.close()
    const mailer = createMailer(db, { smtpUrl: smtp.url, from: 'Nacrt <no-reply@nacrt.local>' })
    await mailer.send({ to: 'ana@example.ba', subject: 'Potvrda', text: 'Tekst' })
    const [row] = await db.outboxEmail.findMany()
    expect(row?.sentAt).toBeNull()
    expect(row?.error).toBeTruthy()
  })
})
