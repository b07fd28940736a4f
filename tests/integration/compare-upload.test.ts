import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { RouterContextProvider } from 'react-router'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { bindServices } from '../../app/.server/services.ts'
import { requestContext } from '../../app/.server/context.ts'
import type { RateLimits } from '../../app/.server/rate-limit.ts'
import { action } from '../../app/routes/draft-compare.tsx'
import { docJson, article, par } from '../../drafting/test-builder.ts'
import { annex, table } from '../../drafting/tables.test-util.ts'

// Comparing an uploaded .txt with a stored version through the compare page's action: the
// annexes are compared (and amended) as between two versions.

const NOW = new Date('2026-11-24T10:00:00Z')
const SLUG = 'zakon-o-socijalnim-uslugama'
let db: Db
let cleanup: () => Promise<void>

beforeEach(async () => {
  ;({ db, cleanup } = await createTestDb())
  await seed(db, NOW)
})
afterEach(async () => {
  await cleanup()
})

function context() {
  const services = bindServices({ db, mailer: { send: async () => {} }, rateLimits: {} as RateLimits, clock: () => NOW })
  const ctx = new RouterContextProvider()
  ctx.set(requestContext, { services, locale: 'bs', cspNonce: 'n', clientIp: '127.0.0.1', secureCookies: false, publicUrl: null })
  return ctx
}

async function upload(name: string, text: string, to: number) {
  const form = new FormData()
  form.set('to', String(to))
  form.set('file', new File([text], name, { type: 'text/plain' }))
  const request = new Request(`http://nacrt.test/drafts/${SLUG}/compare`, { method: 'POST', body: form })
  const result = (await action({ request, params: { slug: SLUG }, context: context() } as unknown as Parameters<typeof action>[0])) as unknown
  return result as { uploaded: { annexes: { oldNumber: string | null; newNumber: string | null; status: string; heading: string }[]; amendment: { articles: string[] } } | null }
}

describe('comparing an uploaded file with a version', () => {
  it('compares the annexes of the file with the version’s: changed, added and deleted, and amends them', async () => {
    const version = await db.version.findFirstOrThrow({ where: { draft: { slug: SLUG }, seq: 2 }, select: { id: true } })
    const stored = docJson(
      article({ id: 'a1' }, par({ id: 'a1p1' }, 'Ovim zakonom uređuju se socijalne usluge.')),
      article({ id: 'a2' }, par({ id: 'a2p1' }, 'Iznosi naknada su:', table({ id: 't1', header: true }, ['Usluga', 'Iznos'], ['Pomoć u kući', '100 KM']))),
      annex({ id: 'x1' }, 'Obrazac zahtjeva', 'Ime i prezime:', 'Adresa stanovanja:'),
      annex({ id: 'x2' }, 'Spisak ustanova', 'Centar za socijalni rad.'),
    )
    await db.version.update({ where: { id: version.id }, data: { doc: stored as object } })
    const head = ['ZAKON O PROBI', 'Član 1.', 'Ovim zakonom uređuju se socijalne usluge.', 'Član 2.', 'Iznosi naknada su propisani pravilnikom.', '']
    const withThree = await upload('raniji-zakon.txt', [
      ...head, 'PRILOG 1', 'Obrazac zahtjeva', 'Ime i prezime:', '',
      'PRILOG 2', 'Spisak ustanova', 'Centar za socijalni rad.', '',
      'PRILOG 3', 'Stari cjenovnik', 'Smještaj u ustanovi: 500 KM.', '',
    ].join('\n'), 2)
    expect(withThree.uploaded!.annexes.map((a) => [a.oldNumber, a.newNumber, a.status, a.heading])).toEqual([
      ['1', '1', 'changed', 'Obrazac zahtjeva'],
      ['2', '2', 'unchanged', 'Spisak ustanova'],
      ['3', null, 'deleted', 'Stari cjenovnik'],
    ])
    const amended = withThree.uploaded!.amendment.articles.join('\n\n')
    expect(amended).toContain('Prilog 1. mijenja se i glasi:\n"Prilog 1\nObrazac zahtjeva\nIme i prezime:\nAdresa stanovanja:".')
    expect(amended).toContain('Prilog 3. briše se.')

    const withOne = await upload('raniji-zakon.txt', [...head, 'PRILOG 1', 'Obrazac zahtjeva', 'Ime i prezime:', 'Adresa stanovanja:', ''].join('\n'), 2)
    expect(withOne.uploaded!.annexes.map((a) => [a.oldNumber, a.newNumber, a.status])).toEqual([['1', '1', 'unchanged'], [null, '2', 'added']])
    expect(withOne.uploaded!.amendment.articles.join('\n\n')).toContain('Iza Priloga 1. dodaje se novi Prilog 2. koji glasi:\n"Prilog 2\nSpisak ustanova\nCentar za socijalni rad.".')
  })
})
