// Report data for the benchmark, made in memory: a draft of about `articles` articles (the
// sample law's body repeated, as in bench/run.ts) and `comments` comments spread over it,
// from citizens and organisations, some named, some in campaign groups, answered with every
// status. Deterministic: the same figures every run.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { importPlainText } from '../drafting/plain-text-import.ts'
import { outlineDocument } from '../drafting/outline.ts'
import { articlesOf } from '../consultation/comment-targets.ts'
import { buildReportData } from '../consultation/report/builders.ts'
import type { ReportData, ReportSourceComment } from '../consultation/report/model.ts'

const sampleText = readFileSync(path.resolve(import.meta.dirname, '..', 'sample-data', 'zakon-o-socijalnim-uslugama.v2.txt'), 'utf8')

/** The sample law's body repeated to at least `articles` articles. */
export function longActText(articles: number): string {
  const body = sampleText.split('\nOBRAZLOŽENJE')[0]!.replace(/^ZAKON[^\n]*\n/, '')
  const perCopy = (body.match(/^Član \d+\./gm) ?? []).length
  return `ZAKON O PROBI\n${Array.from({ length: Math.ceil(articles / perCopy) }, () => body).join('\n')}`
}

const WORDS = (
  'predlažem da se u ovom članu jasnije odredi ko snosi troškove usluge jer sadašnji tekst ostavlja prostor za različita ' +
  'tumačenja općina i kantona što će dovesti do neujednačene prakse korisnici socijalnih usluga porodice djeca osobe s ' +
  'invaliditetom starije osobe centar za socijalni rad hraniteljstvo dnevni boravak personalna asistencija licenca pružaoca ' +
  'standardi kvaliteta nadzor inspekcija finansiranje budžet participacija žalba rok rješenje đak šuma čađ'
).split(' ')
const STATUSES = ['accepted', 'partly-accepted', 'rejected', 'noted', 'none']
const ORGANISATIONS = [
  { id: 'o1', name: 'Udruženje „Korak naprijed”', kind: 'ngo' },
  { id: 'o2', name: 'Komora socijalnih radnika FBiH', kind: 'professional-body' },
  { id: 'o3', name: 'UNICEF BiH', kind: 'international' },
  { id: 'o4', name: 'Pravni fakultet Univerziteta u Sarajevu', kind: 'academia' },
]

/** A small deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

export function largeReportData(articles: number, comments: number): ReportData {
  const outline = outlineDocument(importPlainText(longActText(articles)), { language: 'bs', script: 'latn' })
  const units = articlesOf(outline).slice(0, articles)
  const next = random(20_000)
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!
  const sentence = (words: number) => Array.from({ length: words }, () => pick(WORDS)).join(' ')
  const list: ReportSourceComment[] = []
  for (let i = 0; i < comments; i++) {
    const article = units[i % units.length]!
    const paragraph = next() < 0.5 ? article.paragraphs[Math.floor(next() * article.paragraphs.length)] : undefined
    const organisation = next() < 0.15 ? pick(ORGANISATIONS) : null
    const named = !organisation && next() < 0.3
    const status = pick(STATUSES)
    // Every 40th comment starts a campaign of 5 near-identical ones.
    const groupKey = i % 40 < 5 ? `c${i - (i % 40)}` : null
    list.push({
      id: `c${i}`,
      createdAt: new Date(Date.UTC(2026, 9, 1) + i * 60_000),
      targetKind: paragraph ? 'paragraph' : 'article',
      targetNodeId: paragraph?.id ?? article.id,
      articleNodeId: article.id,
      body: `${sentence(20 + Math.floor(next() * 60))}.`,
      redactedBody: null,
      proposedWording: next() < 0.3 ? `${sentence(30)}.` : null,
      status: next() < 0.02 ? 'hidden' : 'published',
      hiddenReason: null,
      withdrawnAt: null,
      consentToPublish: true,
      consentToBeNamed: named,
      authorName: named ? `Građanin ${i} Šćekić` : null,
      authorId: `u${i % 7_000}`,
      channel: next() < 0.9 ? 'online' : 'email',
      authorCategory: 'citizen',
      organisation,
      groupKey,
      response:
        status === 'none' ? null : { status, reasoning: `${sentence(25)}.`, publishedAt: new Date('2026-11-20T10:00:00Z'), changeVersionId: null, changeNodeId: null },
    })
  }
  return buildReportData({ outline, comments: list })
}
