// Sample data: the draft Law on Social Services of the Federation of BiH with two
// versions, its working group, and an open consultation round with comments; and the
// draft quality standards for small group homes for children, with one version.
// Idempotent: a database that already holds any user or draft is left untouched.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { z } from 'zod'
import type { Db } from '../drafting/db.ts'
import type { Prisma } from '../generated/prisma/client.ts'
import { importPlainText } from '../drafting/plain-text-import.ts'
import { parseDocument } from '../drafting/document.ts'
import { hashPassword } from '../accounts/passwords.ts'
import { slugify } from '../accounts/slug.ts'
import { seedCampaign } from './seed-campaign.ts'
import { seedInstitutions } from './seed-institutions.ts'
import { seedClosedRound } from './seed-closed-round.ts'
import { rebuildSearchIndex } from '../consultation/search/store.ts'

const SAMPLE_DIR = path.resolve(import.meta.dirname, '..', 'sample-data')
/** The password of the sample accounts (see README): for trying the app, never for production data. */
export const SAMPLE_PASSWORD = 'nacrt-demo-2026'
const DAY = 24 * 60 * 60 * 1000

const SampleComment = z.object({
  author: z.object({ name: z.string().min(1), email: z.string().email(), kind: z.string() }),
  organisation: z
    .object({ name: z.string().min(1), kind: z.string().min(1), registrationNumber: z.string().nullable() })
    .nullable(),
  onBehalfOfOrganisation: z.boolean(),
  articleHeading: z.string().nullable(),
  paragraph: z.number().int().min(1).nullable(),
  body: z.string().min(1),
  proposedWording: z.string().nullable(),
  consentToBeNamed: z.boolean(),
  daysAfterOpening: z.number().int().min(0),
})

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }
const asStoredJson = (doc: Json) => doc as unknown as Prisma.InputJsonValue

function headingOf(node: Json): string | null {
  const first = node.content?.[0]
  if (!first || (first.type !== 'heading' && first.type !== 'article_heading')) return null
  return (first.content ?? []).map((t) => t.text ?? '').join('')
}

function unitsByHeading(doc: Json, types: string[]): Map<string, Json> {
  const out = new Map<string, Json>()
  const walk = (node: Json) => {
    if (types.includes(node.type)) {
      const heading = headingOf(node)
      if (heading) out.set(`${node.type}:${heading}`, node)
    }
    node.content?.forEach(walk)
  }
  walk(doc)
  return out
}

/** Copies ids of children by position: paragraph 2 of an article stays paragraph 2. */
function copyChildIds(from: Json, to: Json, renamed: Map<string, string>) {
  const fromUnits = (from.content ?? []).filter((c) => c.attrs && 'id' in c.attrs)
  const toUnits = (to.content ?? []).filter((c) => c.attrs && 'id' in c.attrs)
  toUnits.forEach((child, i) => {
    const match = fromUnits[i]
    if (match && match.type === child.type) {
      renamed.set(child.attrs!.id as string, match.attrs!.id as string)
      child.attrs!.id = match.attrs!.id
      copyChildIds(match, child, renamed)
    }
  })
}

/** Points the references of a document at the units' new ids. */
export function renameReferences(node: Json, renamed: ReadonlyMap<string, string>) {
  if (node.type === 'reference' && node.attrs) {
    for (const key of ['article', 'paragraph', 'point']) {
      const id = node.attrs[key]
      if (typeof id === 'string' && renamed.has(id)) node.attrs[key] = renamed.get(id)
    }
  }
  node.content?.forEach((child) => renameReferences(child, renamed))
}

/**
 * The sample's second version gets the first version's ids wherever a unit carries the
 * same heading: that is how the two texts were written. (The editor keeps ids itself.)
 */
export function carryIdsForward(previous: Json, next: Json): Json {
  const before = unitsByHeading(previous, ['part', 'chapter', 'article'])
  // Written references were linked by id on import: they follow their units' new ids.
  const renamed = new Map<string, string>()
  const walk = (node: Json) => {
    if (['part', 'chapter', 'article'].includes(node.type)) {
      const heading = headingOf(node)
      const match = heading ? before.get(`${node.type}:${heading}`) : undefined
      if (match) {
        renamed.set(node.attrs!.id as string, match.attrs!.id as string)
        node.attrs!.id = match.attrs!.id
        if (node.type === 'article') copyChildIds(match, node, renamed)
      }
    }
    node.content?.forEach(walk)
  }
  walk(next)
  renameReferences(next, renamed)
  const checked = parseDocument(next)
  if (!checked.ok) throw new Error(`Sample version 2 is not valid after aligning ids: ${checked.reason}`)
  return next
}

/** Seeds the sample data at `now` unless the database already has users or drafts. */
export async function seed(db: Db, now: Date = new Date()): Promise<'seeded' | 'skipped'> {
  const existing = (await db.user.count()) + (await db.draft.count()) + (await db.organisation.count())
  if (existing > 0) return 'skipped'

  const v1 = importPlainText(readFileSync(path.join(SAMPLE_DIR, 'zakon-o-socijalnim-uslugama.v1.txt'), 'utf8')).toJSON() as Json
  const v2 = carryIdsForward(v1, importPlainText(readFileSync(path.join(SAMPLE_DIR, 'zakon-o-socijalnim-uslugama.v2.txt'), 'utf8')).toJSON() as Json)
  const standards = importPlainText(readFileSync(path.join(SAMPLE_DIR, 'standardi-kvaliteta-smjestaj-djece.v1.txt'), 'utf8')).toJSON() as Json
  const comments = z.array(SampleComment).parse(JSON.parse(readFileSync(path.join(SAMPLE_DIR, 'comments.json'), 'utf8')))

  // Opened ten days ago at 08:00 in Sarajevo (07:00 UTC in winter); thirty days long,
  // closing at 23:59 on its last day.
  const openingDay = new Date(now.getTime() - 10 * DAY)
  const demoHash = await hashPassword(SAMPLE_PASSWORD)
  const opensAt = new Date(Date.UTC(openingDay.getUTCFullYear(), openingDay.getUTCMonth(), openingDay.getUTCDate(), 7, 0))
  const closesAt = new Date(opensAt.getTime() + 30 * DAY + 15 * 3_600_000 + 59 * 60_000)

  await db.$transaction(
    async (tx) => {
      const ministry = await tx.organisation.create({
        data: {
          slug: 'fmrsp',
          name: 'Federalno ministarstvo rada i socijalne politike',
          kind: 'ministry',
          contactEmail: 'konsultacije@fmrsp.example.ba',
          verification: 'verified',
          verifiedAt: new Date(now.getTime() - 120 * DAY),
        },
      })
      const person = (email: string, name: string, passwordHash: string | null = null) =>
        tx.user.create({ data: { email, name, passwordHash, locale: 'bs', emailVerifiedAt: new Date(now.getTime() - 100 * DAY), createdAt: new Date(now.getTime() - 100 * DAY) } })

      // Sample accounts that can log in, one per role (README lists them).
      const admin = await tx.user.create({
        data: { email: 'admin@nacrt.example.ba', name: 'Administrator', siteRole: 'admin', passwordHash: demoHash, emailVerifiedAt: now },
      })
      const coordinator = await person('lejla.mehmedovic@fmrsp.example.ba', 'Lejla Mehmedović', demoHash)
      const editorA = await person('dragan.kovacevic@fmrsp.example.ba', 'Dragan Kovačević', demoHash)
      const editorB = await person('ivana.maric@example.ba', 'Ivana Marić', demoHash)
      const responder = await person('emir.begic@fmrsp.example.ba', 'Emir Begić', demoHash)
      await person('gradjanin@nacrt.example.ba', 'Senad Građanin', demoHash)

      await tx.membership.createMany({
        data: [
          { userId: coordinator.id, organisationId: ministry.id, role: 'coordinator' },
          { userId: editorA.id, organisationId: ministry.id, role: 'staff' },
          { userId: responder.id, organisationId: ministry.id, role: 'staff' },
        ],
      })

      const title = 'Zakon o socijalnim uslugama u Federaciji Bosne i Hercegovine'
      const draft = await tx.draft.create({
        data: {
          slug: 'zakon-o-socijalnim-uslugama',
          title,
          documentType: 'law',
          language: 'bs',
          script: 'latn',
          stage: 'nacrt',
          jurisdiction: 'fbih',
          summary:
            'Zakon prvi put na jednom mjestu uređuje socijalne usluge u Federaciji: koje usluge postoje, ko ih smije pružati i pod kojim uslovima, kako se ocjenjuje njihov kvalitet i kako se finansiraju. Cilj je da djeca, osobe s invaliditetom i starije osobe dobiju podršku u porodici i zajednici, a ne u ustanovi.',
          ownerId: ministry.id,
          createdAt: new Date(now.getTime() - 90 * DAY),
        },
      })
      await tx.draftAssignment.createMany({
        data: [
          { draftId: draft.id, userId: coordinator.id, role: 'owner' },
          { draftId: draft.id, userId: editorA.id, role: 'editor' },
          { draftId: draft.id, userId: editorB.id, role: 'editor' },
          { draftId: draft.id, userId: coordinator.id, role: 'moderator' },
          { draftId: draft.id, userId: responder.id, role: 'responder' },
        ],
      })
      const version1 = await tx.version.create({
        data: {
          draftId: draft.id, seq: 1, name: 'Radni materijal 1', doc: asStoredJson(v1), authorId: editorA.id,
          note: 'Prva cjelovita verzija radne grupe.', createdAt: new Date(now.getTime() - 60 * DAY),
        },
      })
      const version2 = await tx.version.create({
        data: {
          draftId: draft.id, seq: 2, name: 'Nacrt za javne konsultacije', doc: asStoredJson(v2), authorId: coordinator.id,
          note: 'Usaglašeno na sjednici radne grupe; upućuje se u javne konsultacije.', createdAt: new Date(opensAt.getTime() - 2 * DAY),
        },
      })
      await tx.workingCopy.create({ data: { draftId: draft.id, doc: asStoredJson(v2) } })

      // The second sample: quality standards the working group drafts after the law. The
      // same nodes as a law; the document type makes its articles standards, its
      // paragraphs criteria and its points indicators (drafting/document-types.ts).
      // Last touched before the law, so the home page lists the law first.
      const standardsDraft = await tx.draft.create({
        data: {
          slug: 'standardi-kvaliteta-smjestaj-djece',
          title: 'Pravilnik o standardima kvaliteta za uslugu smještaja djece u male domske zajednice',
          documentType: 'standard',
          language: 'bs',
          script: 'latn',
          stage: 'prednacrt',
          jurisdiction: 'fbih',
          summary:
            'Standardi kvaliteta određuju šta svako dijete u maloj domskoj zajednici mora dobiti: individualni plan, učešće u odlukama, kontakt s porodicom, stručne i provjerene odgojitelje, sigurnost, zdravlje, obrazovanje i pripremu za samostalan život. Uz svaki kriterij navedeni su mjerljivi indikatori po kojima se kvalitet provjerava.',
          ownerId: ministry.id,
          createdAt: new Date(now.getTime() - 45 * DAY),
          updatedAt: new Date(now.getTime() - 20 * DAY),
        },
      })
      await tx.draftAssignment.createMany({
        data: [
          { draftId: standardsDraft.id, userId: coordinator.id, role: 'owner' },
          { draftId: standardsDraft.id, userId: editorA.id, role: 'editor' },
          { draftId: standardsDraft.id, userId: editorB.id, role: 'editor' },
        ],
      })
      await tx.version.create({
        data: {
          draftId: standardsDraft.id, seq: 1, name: 'Radni materijal 1', doc: asStoredJson(standards), authorId: editorB.id,
          note: 'Prijedlog standarda za raspravu u radnoj grupi.', createdAt: new Date(now.getTime() - 20 * DAY),
        },
      })
      await tx.workingCopy.create({ data: { draftId: standardsDraft.id, doc: asStoredJson(standards) } })

      const round = await tx.round.create({
        data: {
          draftId: draft.id,
          versionId: version2.id,
          title: 'Javne konsultacije o Nacrtu zakona o socijalnim uslugama',
          stage: 'nacrt',
          state: 'open',
          opensAt,
          closesAt,
          moderationMode: 'post',
          // Answers are public as soon as they are published (the answers journey shows them).
          answersPublication: 'immediately',
          leadId: coordinator.id,
          summary:
            'Zakon prvi put na jednom mjestu uređuje socijalne usluge u Federaciji: ko ih pruža, ko na njih ima pravo, ' +
            'kako se licenciraju pružaoci i kako se prati kvalitet. Pozivamo građane, udruženja, stručnjake i institucije ' +
            'da komentarišu Nacrt član po član ili u cjelini.',
          whyItMatters:
            'Socijalne usluge koriste djeca bez roditeljskog staranja, osobe s invaliditetom, starije osobe i porodice u riziku. ' +
            'Zakon određuje koje usluge im pripadaju bez obzira na kanton u kojem žive.',
          targetGroups: 'Korisnici socijalnih usluga i njihove porodice, centri za socijalni rad, pružaoci usluga, udruženja, kantonalna ministarstva.',
          methods: ['online', 'hearings', 'written'],
          contactName: 'Lejla Mehmedović',
          contactEmail: 'konsultacije@fmrsp.example.ba',
          createdAt: new Date(opensAt.getTime() - 3 * DAY),
        },
      })
      await tx.hearing.create({
        data: {
          roundId: round.id,
          startsAt: new Date(opensAt.getTime() + 14 * DAY + 3 * 3_600_000),
          place: 'Sarajevo, Vlada Federacije BiH, Alipašina 41, sala 2',
          agenda: 'Predstavljanje Nacrta; usluge u zajednici; licenciranje pružalaca; pitanja i prijedlozi.',
        },
      })
      await tx.roundTransition.create({
        data: { roundId: round.id, fromState: 'planned', toState: 'open', at: opensAt, scheduleKey: `${round.id}:open:${opensAt.toISOString()}` },
      })

      // Comments target units of version 2 by their stable ids.
      const articles = unitsByHeading(v2, ['article'])
      const organisations = new Map<string, string>()
      const users = new Map<string, string>()
      for (const [index, c] of comments.entries()) {
        let organisationId: string | null = null
        if (c.organisation) {
          organisationId = organisations.get(c.organisation.name) ?? null
          if (!organisationId) {
            const org = await tx.organisation.create({
              data: {
                slug: slugify(c.organisation.name),
                name: c.organisation.name,
                kind: c.organisation.kind,
                registrationNumber: c.organisation.registrationNumber,
                verification: 'verified',
                verifiedAt: new Date(opensAt.getTime() - 30 * DAY),
              },
            })
            organisationId = org.id
            organisations.set(c.organisation.name, org.id)
          }
        }
        let authorId = users.get(c.author.email)
        if (!authorId) {
          authorId = (await person(c.author.email, c.author.name)).id
          users.set(c.author.email, authorId)
          if (organisationId) {
            await tx.membership.create({ data: { userId: authorId, organisationId, role: c.onBehalfOfOrganisation ? 'representative' : 'member' } })
          }
        }
        let targetKind = 'draft'
        let targetNodeId: string | null = null
        let articleNodeId: string | null = null
        if (c.articleHeading) {
          const article = articles.get(`article:${c.articleHeading}`)
          if (!article) throw new Error(`Sample comment ${index + 1} names an unknown article heading: ${c.articleHeading}`)
          articleNodeId = article.attrs!.id as string
          targetKind = 'article'
          targetNodeId = articleNodeId
          if (c.paragraph) {
            const paragraph = (article.content ?? []).filter((n) => n.type === 'paragraph')[c.paragraph - 1]
            if (!paragraph) throw new Error(`Sample comment ${index + 1} names paragraph ${c.paragraph} of "${c.articleHeading}", which has no such paragraph`)
            targetKind = 'paragraph'
            targetNodeId = paragraph.attrs!.id as string
          }
        }
        const createdAt = new Date(opensAt.getTime() + c.daysAfterOpening * DAY + (index % 9) * 3_600_000 + 7 * 3_600_000)
        await tx.comment.create({
          data: {
            roundId: round.id,
            authorId,
            organisationId: c.onBehalfOfOrganisation ? organisationId : null,
            targetKind,
            targetNodeId,
            articleNodeId,
            body: c.body,
            proposedWording: c.proposedWording,
            status: 'published',
            consentToPublish: true,
            consentToBeNamed: c.consentToBeNamed,
            authorName: c.consentToBeNamed ? c.author.name : null,
            consentedAt: createdAt,
            createdAt,
          },
        })
      }

      await tx.auditEvent.createMany({
        data: [
          { at: draft.createdAt, actorId: coordinator.id, action: 'draft.created', objectType: 'draft', objectId: draft.id },
          { at: version1.createdAt, actorId: editorA.id, action: 'version.saved', objectType: 'version', objectId: version1.id },
          { at: version2.createdAt, actorId: coordinator.id, action: 'version.saved', objectType: 'version', objectId: version2.id },
          { at: round.createdAt, actorId: coordinator.id, action: 'round.planned', objectType: 'round', objectId: round.id },
          { at: opensAt, actorId: null, action: 'round.opened', objectType: 'round', objectId: round.id, data: { by: 'schedule' } },
          { at: now, actorId: admin.id, action: 'sample-data.seeded', objectType: 'installation', objectId: 'sample' },
        ],
      })
    },
    { timeout: 60_000 },
  )
  await seedCampaign(db, now)
  await seedInstitutions(db, now)
  await seedClosedRound(db, now)
  await rebuildSearchIndex(db)
  return 'seeded'
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { openDb } = await import('../app/.server/db.ts')
  const db = await openDb(process.env.DATABASE_URL ?? 'file:./data/nacrt.db')
  try {
    const outcome = await seed(db)
    console.log(outcome === 'seeded' ? 'Sample data seeded.' : 'The database already has data: sample data not seeded.')
  } finally {
    await db.$disconnect()
  }
}
