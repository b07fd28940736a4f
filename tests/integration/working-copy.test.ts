import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createTestDb } from './db.ts'
import { seed } from '../../prisma/seed.ts'
import type { Db } from '../../drafting/db.ts'
import { ANONYMOUS, loadActor, type Actor } from '../../accounts/actor.ts'
import { openWorkingCopy, saveWorkingCopy } from '../../drafting/working-copy.ts'
import { loadDocument } from '../../drafting/document.ts'
import { article, docJson, par, ref } from '../../drafting/test-builder.ts'

const NOW = new Date('2026-11-23T10:00:00Z')
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

describe('the working copy', () => {
  it('opens for an editor and refuses citizens and anonymous visitors', async () => {
    const editor = await actorFor('dragan.kovacevic@fmrsp.example.ba')
    const opened = await openWorkingCopy(db, editor, SLUG)
    expect(opened.ok && opened.value.revision).toBe(0)
    expect(await openWorkingCopy(db, await actorFor('gradjanin@nacrt.example.ba'), SLUG)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await openWorkingCopy(db, ANONYMOUS, SLUG)).toEqual({ ok: false, reason: 'forbidden' })
    expect(await openWorkingCopy(db, editor, 'nema-ga')).toEqual({ ok: false, reason: 'not-found' })
  })

  it('saves a valid change, counts the revision and audits who saved', async () => {
    const editor = await actorFor('dragan.kovacevic@fmrsp.example.ba')
    const opened = await openWorkingCopy(db, editor, SLUG)
    if (!opened.ok) throw new Error(opened.reason)
    const doc = loadDocument(opened.value.doc)
    const json = doc.toJSON() as { content: { type: string; content?: { type: string; text?: string }[] }[] }
    json.content[0]!.content = [{ type: 'text', text: 'ZAKON O SOCIJALNIM USLUGAMA (RADNA VERZIJA)' }]
    const saved = await saveWorkingCopy(db, editor, SLUG, { doc: json, baseRevision: 0 }, NOW)
    expect(saved).toEqual({ ok: true, value: { revision: 1 } })
    const reopened = await openWorkingCopy(db, editor, SLUG)
    expect(reopened.ok && loadDocument(reopened.value.doc).firstChild?.textContent).toBe('ZAKON O SOCIJALNIM USLUGAMA (RADNA VERZIJA)')
    expect(await db.auditEvent.count({ where: { action: 'working-copy.saved', actorId: editor.userId } })).toBe(1)
  })

  it('refuses a save based on an old revision, so that nobody overwrites a colleague', async () => {
    const editor = await actorFor('dragan.kovacevic@fmrsp.example.ba')
    const opened = await openWorkingCopy(db, editor, SLUG)
    if (!opened.ok) throw new Error(opened.reason)
    expect((await saveWorkingCopy(db, editor, SLUG, { doc: opened.value.doc, baseRevision: 0 }, NOW)).ok).toBe(true)
    expect(await saveWorkingCopy(db, editor, SLUG, { doc: opened.value.doc, baseRevision: 0 }, NOW)).toEqual({ ok: false, reason: 'stale-revision' })
  })

  it('refuses a document outside the legal schema and changes nothing', async () => {
    const editor = await actorFor('dragan.kovacevic@fmrsp.example.ba')
    const before = await db.workingCopy.findFirstOrThrow({ where: { draft: { slug: SLUG } } })
    expect(await saveWorkingCopy(db, editor, SLUG, { doc: { type: 'doc', content: [{ type: 'script' }] }, baseRevision: 0 }, NOW)).toEqual({ ok: false, reason: 'invalid-document' })
    expect(await saveWorkingCopy(db, editor, SLUG, { doc: 'not even an object', baseRevision: 0 }, NOW)).toMatchObject({ ok: false })
    const after = await db.workingCopy.findFirstOrThrow({ where: { draft: { slug: SLUG } } })
    expect(after.revision).toBe(before.revision)
    expect(after.doc).toEqual(before.doc)
  })

  it('refuses a citizen who posts a document directly', async () => {
    const citizen = await actorFor('gradjanin@nacrt.example.ba')
    const doc = (await db.workingCopy.findFirstOrThrow({ where: { draft: { slug: SLUG } } })).doc
    expect(await saveWorkingCopy(db, citizen, SLUG, { doc, baseRevision: 0 }, NOW)).toEqual({ ok: false, reason: 'forbidden' })
  })

  it('refuses a reference left by a deleted article, naming the article that holds it, and changes nothing', async () => {
    const editor = await actorFor('dragan.kovacevic@fmrsp.example.ba')
    const before = await db.workingCopy.findFirstOrThrow({ where: { draft: { slug: SLUG } } })
    const json = docJson(article({ id: 'a1' }, par('Prvi.')), article(par('Drugi.')), article(par(['prema ', ref('deleted'), ' ovog zakona.'])))
    expect(await saveWorkingCopy(db, editor, SLUG, { doc: json, baseRevision: 0 }, NOW)).toEqual({ ok: false, reason: 'broken-reference', detail: { article: '3' } })
    expect((await db.workingCopy.findFirstOrThrow({ where: { draft: { slug: SLUG } } })).doc).toEqual(before.doc)
  })

  it('refuses, under frozen numbering, two articles with one number, and a written number that is not a number', async () => {
    const editor = await actorFor('dragan.kovacevic@fmrsp.example.ba')
    await db.draft.update({ where: { slug: SLUG }, data: { numberingMode: 'frozen' } })
    const duplicate = docJson(article({ num: '18' }, par('a')), article(par('novi')), article({ num: '18a' }, par('b')))
    expect(await saveWorkingCopy(db, editor, SLUG, { doc: duplicate, baseRevision: 0 }, NOW)).toEqual({ ok: false, reason: 'duplicate-number', detail: { number: '18a' } })
    const malformed = docJson(article({ num: '18<script>' }, par('a')))
    expect(await saveWorkingCopy(db, editor, SLUG, { doc: malformed, baseRevision: 0 }, NOW)).toEqual({ ok: false, reason: 'invalid-number', detail: { number: '18<script>' } })
    // The same new article after 18a becomes 18b, and the act saves.
    const moved = docJson(article({ num: '18' }, par('a')), article({ num: '18a' }, par('b')), article(par('novi')))
    expect(await saveWorkingCopy(db, editor, SLUG, { doc: moved, baseRevision: 0 }, NOW)).toEqual({ ok: true, value: { revision: 1 } })
  })
})
