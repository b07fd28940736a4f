import type { Node } from 'prosemirror-model'
import { importPlainText } from '../../drafting/plain-text-import.ts'
import { outlineDocument, type DocumentOutline } from '../../drafting/outline.ts'
import { articlesOf } from '../comment-targets.ts'
import type { ReportData, ReportSourceComment } from './model.ts'

// Factories for tests and benchmarks: report data without a database, `buildX(overrides)`.

/** A short act with two parts, three articles (paragraphs and points) and a memorandum. */
export const SMALL_ACT = [
  'ZAKON O SOCIJALNIM USLUGAMA',
  'DIO PRVI – OSNOVNE ODREDBE',
  'Član 1.',
  '(Predmet)',
  'Ovim zakonom uređuju se socijalne usluge.',
  'Član 2.',
  '(Definicije)',
  '(1) U smislu ovog zakona:',
  'a) korisnik je osoba u stanju socijalne potrebe,',
  'b) pružalac je ustanova ili udruženje.',
  '(2) Izrazi imaju rodno neutralno značenje.',
  'DIO DRUGI – ZAVRŠNE ODREDBE',
  'Član 3.',
  '(Stupanje na snagu)',
  'Ovaj zakon stupa na snagu osmog dana od dana objavljivanja.',
  'OBRAZLOŽENJE',
  'I. USTAVNI OSNOV',
  'Ustavni osnov sadržan je u Ustavu Federacije.',
  'II. RAZLOZI ZA DONOŠENJE',
  'Usluge su danas neujednačene.',
].join('\n')

/** A Bosnian outline of an act written as plain text. */
export function buildOutline(text = SMALL_ACT): DocumentOutline {
  return outlineDocument(importPlainText(text), { language: 'bs', script: 'latn' })
}

/** The outline of a document already read. */
export function outlineOf(doc: Node): DocumentOutline {
  return outlineDocument(doc, { language: 'bs', script: 'latn' })
}

let n = 0

/** A published comment on the draft as a whole by an anonymous citizen, unless overridden. */
export function buildComment(overrides: Partial<ReportSourceComment> = {}): ReportSourceComment {
  n += 1
  return {
    id: `c${String(n).padStart(6, '0')}`,
    createdAt: new Date(Date.UTC(2026, 9, 1, 8, 0) + n * 60_000),
    targetKind: 'draft',
    targetNodeId: null,
    articleNodeId: null,
    body: `Komentar broj ${n}.`,
    redactedBody: null,
    proposedWording: null,
    status: 'published',
    hiddenReason: null,
    withdrawnAt: null,
    consentToPublish: true,
    consentToBeNamed: false,
    authorName: null,
    authorId: `u${n}`,
    channel: 'online',
    authorCategory: 'citizen',
    organisation: null,
    groupKey: null,
    response: null,
    ...overrides,
  }
}

/** A comment on an article (or one of its units, by id) of an outline. */
export function onArticle(outline: DocumentOutline, index: number, overrides: Partial<ReportSourceComment> = {}, unitId?: string): ReportSourceComment {
  const article = articlesOf(outline)[index]
  if (!article) throw new RangeError(`The outline has no article ${index + 1}`)
  const targetNodeId = unitId ?? article.id
  return buildComment({ targetKind: unitId ? 'paragraph' : 'article', targetNodeId, articleNodeId: article.id, ...overrides })
}

/** An answer, published unless said otherwise. */
export function answer(status: string, reasoning = 'Obrazloženje odgovora.', publishedAt: Date | null = new Date('2026-11-05T10:00:00Z')): ReportSourceComment['response'] {
  return { status, reasoning, publishedAt, changeVersionId: null, changeNodeId: null }
}

/** Report data of a closed round on the small act, with the comments given. */
export function buildReportData(overrides: Partial<ReportData> = {}): ReportData {
  return {
    round: {
      id: 'round-1',
      title: 'Javne konsultacije o Prednacrtu zakona o socijalnim uslugama',
      stage: 'prednacrt',
      opensAt: new Date('2026-10-01T06:00:00Z'),
      closesAt: new Date('2026-10-10T21:59:00Z'),
      shortPeriodReason: 'Rok usklađivanja s Programom rada Vlade: 10 dana umjesto 15.',
      minimumDays: 15,
      methods: ['online', 'hearings', 'written'],
      contactName: 'Lejla Mehmedović',
      reportPublishedAt: null,
    },
    draft: { slug: 'zakon-o-socijalnim-uslugama', title: 'Zakon o socijalnim uslugama', documentType: 'law', language: 'bs', script: 'latn' },
    institution: { name: 'Federalno ministarstvo rada i socijalne politike' },
    version: { seq: 1, name: 'Prednacrt' },
    outline: buildOutline(),
    hearings: [{ startsAt: new Date('2026-10-08T10:00:00Z'), place: 'Sarajevo, Sala Vlade FBiH', agenda: null }],
    comments: [],
    ...overrides,
  }
}
