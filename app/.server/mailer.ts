import nodemailer, { type Transporter } from 'nodemailer'
import type { Db } from '../../accounts/db.ts'

/** An e-mail to send. */
export interface Mail {
  to: string
  subject: string
  text: string
}

export interface Mailer {
  send(mail: Mail): Promise<void>
}

/**
 * E-mail through nodemailer. Every message is kept in the outbox table; with SMTP
 * configured it is also sent, and the outbox records when or why not. Without SMTP the
 * outbox is the delivery: administrators read it at /admin/outbox.
 */
export function createMailer(db: Db, options: { smtpUrl?: string; from: string }): Mailer {
  const smtp: Transporter | null = options.smtpUrl ? nodemailer.createTransport(options.smtpUrl) : null
  return {
    async send(mail) {
      const row = await db.outboxEmail.create({
        data: { to: mail.to, subject: mail.subject, text: mail.text, transport: smtp ? 'smtp' : 'outbox' },
      })
      if (!smtp) return
      try {
        await smtp.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text })
        await db.outboxEmail.update({ where: { id: row.id }, data: { sentAt: new Date() } })
      } catch (error) {
        // The person can ask again; the failure is visible to administrators.
        await db.outboxEmail.update({ where: { id: row.id }, data: { error: String((error as Error).message ?? error).slice(0, 500) } })
      }
    },
  }
}
