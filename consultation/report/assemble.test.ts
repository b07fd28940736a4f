import { describe, expect, it } from 'vitest'
import { articlesOf } from '../comment-targets.ts'
import { assembleReport, excerpt, unanswered } from './assemble.ts'
import { answer, buildComment, buildOutline, buildReportData, onArticle } from './builders.ts'
import type { ReportSourceComment } from './model.ts'

const outline = buildOutline()
const [, second] = articlesOf(outline)
const paragraph1 = second!.paragraphs[0]!
const pointA = paragraph1.blocks.find((b) => b.kind === 'point')!

const org = (name: string, kind = 'ngo') => ({ id: `org-${name}`, name, kind })

function report(comments: ReportSourceComment[], audience: 'public' | 'staff' = 'public', lang: 'bs' | 'hr' | 'sr-Latn' | 'sr-Cyrl' | 'en' = 'bs') {
  return assembleReport(buildReportData({ outline, comments }), { lang, audience })
}

describe('assembleReport: the consultation facts', () => {
  it('gives the period in calendar days, the reason it was shorter, the methods and the hearings', () => {
    const r = report([])
    expect(r.round).toMatchObject({
      days: 10,
      minimumDays: 15,
      shortPeriodReason: 'Rok usklađivanja s Programom rada Vlade: 10 dana umjesto 15.',
      methods: ['online', 'hearings', 'written'],
      hearings: [{ place: 'Sarajevo, Sala Vlade FBiH' }],
    })
    expect(r.act).toMatchObject({ title: 'Zakon o socijalnim uslugama', stage: 'prednacrt', institution: 'Federalno ministarstvo rada i socijalne politike', version: { seq: 1 } })
  })
})

describe('assembleReport: sections in the draft’s order', () => {
  it('puts general comments first, then each commented article in document order, then the memorandum', () => {
    const memorandumSection = outline.memorandum!.sections[1]!
    const r = report([
      onArticle(outline, 2, { body: 'O stupanju na snagu.' }),
      buildComment({ body: 'Općenito o nacrtu.' }),
      onArticle(outline, 0, { body: 'O predmetu.' }),
      buildComment({ targetKind: 'memorandum', targetNodeId: memorandumSection.id, body: 'Obrazloženje je preopćenito.' }),
    ])
    expect(r.sections.map((s) => [s.kind, s.label])).toEqual([
      ['general', null], ['article', 'Član 1.'], ['article', 'Član 3.'], ['memorandum', null],
    ])
    expect(r.sections.flatMap((s) => s.rows.map((row) => [row.no, row.body]))).toEqual([
      [1, 'Općenito o nacrtu.'], [2, 'O predmetu.'], [3, 'O stupanju na snagu.'], [4, 'Obrazloženje je preopćenito.'],
    ])
    expect(r.sections[3]!.rows[0]!.unit).toBe('OBRAZLOŽENJE, RAZLOZI ZA DONOŠENJE')
    expect(r.sections[1]).toMatchObject({ heading: 'Predmet', commentCount: 1 })
    expect(r.rowCount).toBe(4)
  })

  it('labels the unit in the act’s words and orders comments by their place in the article, then by time', () => {
    const r = report([
      onArticle(outline, 1, { body: 'Na tačku a).' }, pointA.kind === 'point' ? pointA.id : ''),
      onArticle(outline, 1, { body: 'Na stav 2.' }, second!.paragraphs[1]!.id),
      onArticle(outline, 1, { body: 'Na cijeli član.' }),
      onArticle(outline, 1, { body: 'Opet na stav 1.' }, paragraph1.id),
    ])
    const rows = r.sections.find((s) => s.articleId === second!.id)!.rows
    expect(rows.map((row) => [row.unit, row.body])).toEqual([
      ['Član 2.', 'Na cijeli član.'],
      ['Član 2., stav (1)', 'Opet na stav 1.'],
      ['Član 2., stav (1), tačka a)', 'Na tačku a).'],
      ['Član 2., stav (2)', 'Na stav 2.'],
    ])
  })
})

describe('assembleReport: who is named', () => {
  it('names organisations and people who consented, and nobody else', () => {
    const r = report([
      buildComment({ organisation: org('Udruženje „Korak naprijed”'), authorName: null }),
      buildComment({ consentToBeNamed: true, authorName: 'Đorđe Šćekić' }),
      // A name stored without consent (an older row, a bug elsewhere) is still not shown.
      buildComment({ consentToBeNamed: false, authorName: 'Ne Smije Se Vidjeti' }),
    ])
    expect(r.sections[0]!.rows.map((row) => row.author)).toEqual([
      { kind: 'organisation', name: 'Udruženje „Korak naprijed”' },
      { kind: 'person', name: 'Đorđe Šćekić' },
      { kind: 'anonymous' },
    ])
    expect(JSON.stringify(r)).not.toContain('Ne Smije Se Vidjeti')
  })
})

describe('assembleReport: figures', () => {
  it('counts participants by category, comments by status (unanswered included) and by channel', () => {
    const r = report([
      buildComment({ authorId: 'ana', response: answer('accepted') }),
      buildComment({ authorId: 'ana', response: answer('rejected') }),
      buildComment({ authorId: 'emir', channel: 'letter' }),
      buildComment({ organisation: org('Udruga Most', 'ngo'), authorId: 'x', response: answer('noted') }),
      buildComment({ organisation: org('UNICEF', 'international'), authorId: 'y', response: answer('partly-accepted') }),
      buildComment({ organisation: org('Komora', 'professional-body'), authorId: 'z', response: answer('partly-accepted') }),
      buildComment({ authorId: 'w', withdrawnAt: new Date('2026-10-03T10:00:00Z') }),
    ])
    expect(r.participants).toEqual([
      { category: 'citizen', participants: 2, comments: 3 },
      { category: 'ngo', participants: 1, comments: 1 },
      { category: 'chamber', participants: 1, comments: 1 },
      { category: 'international', participants: 1, comments: 1 },
    ])
    expect(r.counts).toMatchObject({
      received: 6, published: 6, notPublished: 0, withdrawn: 1, participants: 5,
      byStatus: { accepted: 1, 'partly-accepted': 2, rejected: 1, noted: 1, unanswered: 1 },
      byChannel: { online: 5, letter: 1, email: 0, hearing: 0 },
    })
    expect(r.rowCount).toBe(6)
  })

  it('takes a category staff gave a written comment over the organisation’s kind', () => {
    const r = report([buildComment({ channel: 'letter', authorCategory: 'academia', organisation: org('Pravni fakultet', 'ngo') })])
    expect(r.participants).toEqual([{ category: 'academia', participants: 1, comments: 1 }])
  })
})

describe('assembleReport: hidden comments and answers by audience', () => {
  const comments = () => [
    buildComment({ body: 'Vidljiv komentar.', response: answer('accepted') }),
    buildComment({ body: 'Uvredljiv tekst.', status: 'hidden', hiddenReason: 'offensive' }),
    buildComment({ body: 'Čeka.', status: 'pending' }),
    buildComment({ body: 'Original s ličnim podacima.', redactedBody: 'Original s [uklonjeno].' }),
    buildComment({ body: 'Odgovor u pripremi.', response: answer('rejected', 'Nije u skladu s Ustavom.', null) }),
  ]

  it('shows the public only published comments and answers, and counts the rest', () => {
    const r = report(comments(), 'public')
    const rows = r.sections[0]!.rows
    expect(rows.map((row) => row.body)).toEqual(['Vidljiv komentar.', 'Original s [uklonjeno].', 'Odgovor u pripremi.'])
    expect(rows[2]).toMatchObject({ status: 'unanswered', reasoning: null, answerDraft: false })
    expect(r.counts).toMatchObject({ received: 5, published: 3, notPublished: 2 })
    expect(JSON.stringify(r)).not.toMatch(/Uvredljiv|Čeka\.|ličnim podacima|Nije u skladu/)
  })

  it('shows staff every comment, hidden ones marked, and draft answers as drafts', () => {
    const r = report(comments(), 'staff')
    const rows = r.sections[0]!.rows
    expect(rows.map((row) => [row.body, row.visibility])).toEqual([
      ['Vidljiv komentar.', 'published'],
      ['Uvredljiv tekst.', 'hidden'],
      ['Čeka.', 'pending'],
      ['Original s ličnim podacima.', 'published'],
      ['Odgovor u pripremi.', 'published'],
    ])
    expect(rows[1]!.hiddenReason).toBe('offensive')
    expect(rows[4]).toMatchObject({ status: 'rejected', reasoning: 'Nije u skladu s Ustavom.', answerDraft: true })
    // The same comments are counted; staff count a draft answer by its status.
    expect(r.counts).toMatchObject({ received: 5, published: 3, notPublished: 2, byStatus: { accepted: 1, rejected: 1, unanswered: 1 } })
    expect(report(comments(), 'public').counts.byStatus).toMatchObject({ accepted: 1, rejected: 0, unanswered: 2 })
  })
})

describe('assembleReport: campaign groups', () => {
  it('shows a group once, with its count, named signers and how many signed anonymously; every member counts', () => {
    const key = 'campaign-1'
    const r = report([
      onArticle(outline, 0, { id: key, groupKey: key, body: 'Podržavamo prijedlog udruženja.', consentToBeNamed: true, authorName: 'Amra Hodžić', response: answer('noted', 'Primljeno k znanju.') }),
      onArticle(outline, 0, { groupKey: key, body: 'Podrzavamo prijedlog udruzenja!' }),
      onArticle(outline, 0, { groupKey: key, body: 'Podržavamo prijedlog udruženja.', organisation: org('Udruženje Most') }),
      onArticle(outline, 0, { groupKey: key, body: 'Podržavamo prijedlog.', consentToBeNamed: true, authorName: 'Amra Hodžić' }),
      onArticle(outline, 0, { body: 'Samostalan komentar.' }),
    ])
    const rows = r.sections.find((s) => s.kind === 'article')!.rows
    expect(rows).toHaveLength(2)
    expect(rows[0]).toMatchObject({
      commentId: key,
      status: 'noted',
      group: { count: 4, signers: ['Amra Hodžić', 'Udruženje Most'], anonymousSigners: 1 },
    })
    expect(rows[1]!.group).toBeNull()
    expect(r.counts).toMatchObject({ groups: 1, groupedComments: 4, byStatus: { noted: 4, unanswered: 1 } })
    expect(r.sections.find((s) => s.kind === 'article')!.commentCount).toBe(5)
  })
})

describe('assembleReport: language and script', () => {
  it('writes a Serbian Cyrillic report in Cyrillic throughout, labels and texts included', () => {
    const r = report([onArticle(outline, 1, { body: 'Član treba dopuniti: korisnik je i porodica.', consentToBeNamed: true, authorName: 'Ljiljana Njegoš' }, paragraph1.id)], 'public', 'sr-Cyrl')
    const section = r.sections.find((s) => s.kind === 'article')!
    expect(section.label).toBe('Члан 2.')
    expect(section.rows[0]).toMatchObject({
      unit: 'Члан 2., став (1)',
      body: 'Члан треба допунити: корисник је и породица.',
      author: { kind: 'person', name: 'Љиљана Његош' },
    })
    expect(r.act.title).toBe('Закон о социјалним услугама')
  })

  it('quotes the act in its own words in other languages', () => {
    const r = report([onArticle(outline, 1, {})], 'public', 'hr')
    expect(r.sections.find((s) => s.kind === 'article')!.label).toBe('Član 2.')
  })
})

describe('unanswered', () => {
  it('names the published comments without a published answer (drafts flagged), groups once with their size', () => {
    const key = 'g'
    const r = report(
      [
        buildComment({ body: 'Odgovoreno.', response: answer('accepted') }),
        onArticle(outline, 2, { body: 'Ovaj komentar još čeka odgovor institucije, a dovoljno je dug da ga treba skratiti u upozorenju koje vidi službenik prije objave izvještaja.' }),
        onArticle(outline, 0, { id: key, groupKey: key, body: 'Kampanja.' }),
        onArticle(outline, 0, { groupKey: key, body: 'Kampanja!' }),
        buildComment({ body: 'Skriven, ne treba odgovor.', status: 'hidden' }),
        buildComment({ body: 'Nacrt odgovora postoji.', response: answer('noted', 'Hvala.', null) }),
      ],
      'staff',
    )
    expect(unanswered(r)).toEqual([
      expect.objectContaining({ no: 3, section: 'general', sectionLabel: null, unit: null, excerpt: 'Nacrt odgovora postoji.', draftAnswer: true }),
      { no: 4, commentId: key, section: 'article', sectionLabel: 'Član 1.', unit: 'Član 1.', author: { kind: 'anonymous' }, excerpt: 'Kampanja.', count: 2, draftAnswer: false },
      expect.objectContaining({ no: 5, section: 'article', sectionLabel: 'Član 3.', count: 1, excerpt: expect.stringMatching(/…$/), draftAnswer: false }),
    ])
  })

  it('cuts excerpts at a word', () => {
    expect(excerpt('jedan dva tri četiri', 12)).toBe('jedan dva…')
    expect(excerpt('  kratko \n tekst ', 50)).toBe('kratko tekst')
  })
})
