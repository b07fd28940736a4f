import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { loadActor, type Actor } from '../../accounts/actor.ts'
import { openWorkingCopy, saveWorkingCopy } from '../../drafting/working-copy.ts'
import { saveVersion } from '../../drafting/versions.ts'
import { readDraft } from '../../drafting/reading.ts'
import { compareVersions } from '../../drafting/comparison.ts'
import { article, docJson, par } from '../../drafting/test-builder.ts'
import { annex, table } from '../../drafting/tables.test-util.ts'

// Tables and annexes through the database: saved in the working copy, kept in a named
// version, laid out for readers and compared between versions.

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

const actorFor = async (email: string): Promise<Actor> => loadActor(db, (await db.user.findUniqueOrThrow({ where: { email } })).id)

const withTables = (amount: string) =>
  docJson(
    article({ id: 'a1' }, par({ id: 'a1p1' }, 'Iznosi naknada su:', table({ id: 't1', header: true }, ['Usluga', 'Iznos'], ['Pomoć u kući', amount]))),
    annex({ id: 'x1' }, 'Obrazac zahtjeva', 'Podaci o podnosiocu:', table({ id: 't2' }, ['Ime', ''])),
  )

describe('tables and annexes in stored drafts', () => {
  it('saves a working copy with a table and an annex, reads it back, and shows it in a version to readers', async () => {
    const editor = await actorFor('dragan.kovacevic@fmrsp.example.ba')
    const opened = await openWorkingCopy(db, editor, SLUG)
    if (!opened.ok) throw new Error(opened.reason)
    expect(await saveWorkingCopy(db, editor, SLUG, { doc: withTables('100 KM'), baseRevision: opened.value.revision }, NOW)).toEqual({ ok: true, value: { revision: opened.value.revision + 1 } })
    const saved = await saveVersion(db, editor, SLUG, { name: 'S tabelama', note: null }, NOW)
    if (!saved.ok) throw new Error(saved.reason)
    const reading = await readDraft(db, SLUG, { versionSeq: saved.value.seq })
    if (!reading.ok) throw new Error(reading.reason)
    const { outline } = reading.value
    const article = outline.body[0]!
    expect(article.kind === 'article' && article.paragraphs[0]!.blocks[1]).toMatchObject({ kind: 'table', rows: [{ header: true, cells: [['Usluga'], ['Iznos']] }, { header: false, cells: [['Pomoć u kući'], ['100 KM']] }] })
    expect(outline.annexes.map((a) => [a.label, a.heading, a.anchor])).toEqual([['Prilog 1', 'Obrazac zahtjeva', 'prilog-1']])
  })

  it('refuses a table whose rows differ in width and keeps the stored copy', async () => {
    const editor = await actorFor('dragan.kovacevic@fmrsp.example.ba')
    const before = await db.workingCopy.findFirstOrThrow({ where: { draft: { slug: SLUG } } })
    const ragged = docJson(article(par('Tekst:', table(['A', 'B'], ['C']))))
    expect(await saveWorkingCopy(db, editor, SLUG, { doc: ragged, baseRevision: before.revision }, NOW)).toEqual({ ok: false, reason: 'invalid-document' })
    expect((await db.workingCopy.findFirstOrThrow({ where: { draft: { slug: SLUG } } })).doc).toEqual(before.doc)
  })

  it('compares two versions: a changed cell and an added annex', async () => {
    const editor = await actorFor('dragan.kovacevic@fmrsp.example.ba')
    const first = await openWorkingCopy(db, editor, SLUG)
    if (!first.ok) throw new Error(first.reason)
    await saveWorkingCopy(db, editor, SLUG, { doc: withTables('100 KM'), baseRevision: first.value.revision }, NOW)
    const v1 = await saveVersion(db, editor, SLUG, { name: 'Prva s tabelama', note: null }, NOW)
    const second = withTables('120 KM')
    second.content!.push(annex({ id: 'x2' }, 'Cjenovnik', 'Cijene.'))
    await saveWorkingCopy(db, editor, SLUG, { doc: second, baseRevision: first.value.revision + 1 }, NOW)
    const v2 = await saveVersion(db, editor, SLUG, { name: 'Druga s tabelama', note: null }, NOW)
    if (!v1.ok || !v2.ok) throw new Error('versions not saved')
    const compared = await compareVersions(db, SLUG, v1.value.seq, v2.value.seq)
    if (!compared.ok) throw new Error(compared.reason)
    const { diff } = compared.value
    expect(diff.articles[0]!.paragraphs[0]!.items[0]).toMatchObject({ kind: 'table', status: 'changed' })
    expect(diff.annexes.map((a) => [a.newNumber, a.status])).toEqual([['1', 'unchanged'], ['2', 'added']])
  })
})
