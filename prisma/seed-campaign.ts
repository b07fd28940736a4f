// Sample data: a campaign. Fifty people send the same comment on personal assistance (some
// add a greeting or a signature, some write without diacritics), as associations' calls
// to action produce. The comments are grouped (consultation/grouping.ts) so that the
// institution can answer them all at once.
import type { Db } from '../drafting/db.ts'
import { groupRoundComments } from '../consultation/answer-groups.ts'

const SLUG = 'zakon-o-socijalnim-uslugama'
const HEADING = 'Personalna asistencija'
const DAY = 24 * 60 * 60 * 1000
/** How many people sign the campaign. */
export const CAMPAIGN_SIZE = 50

const TEXT =
  'Tražimo da personalna asistencija bude zagarantovano pravo svake osobe s invaliditetom, bez obzira na vrstu invaliditeta i sposobnost da samostalno izrazi volju. ' +
  'Ograničenje od najviše 176 sati mjesečno treba ukinuti, jer osobama kojima je podrška potrebna cijeli dan ne omogućava samostalan život u zajednici.'
const FIRST_NAMES = ['Amra', 'Belma', 'Dino', 'Edin', 'Fata', 'Goran', 'Haris', 'Jasmina', 'Kenan', 'Lana']
const LAST_NAMES = ['Hodžić', 'Kovač', 'Delić', 'Jukić', 'Mujić']

/** Strips diacritics, as people typing on phones often do. */
const plain = (text: string) => text.replace(/[čć]/g, 'c').replace(/[ČĆ]/g, 'C').replace(/ž/g, 'z').replace(/š/g, 's').replace(/đ/g, 'dj')

function variant(i: number, name: string): string {
  switch (i % 5) {
    case 0: return TEXT
    case 1: return `Poštovani, ${TEXT}`
    case 2: return `${TEXT}\n\nS poštovanjem, ${name}`
    case 3: return plain(TEXT)
    default: return `${TEXT} Hvala.`
  }
}

/**
 * Adds the campaign to the sample law's open round: 50 citizens (accounts without a
 * password, so nobody logs in as them) and their comments on the article on personal
 * assistance, grouped. Two statements for the rows, then the grouping.
 */
export async function seedCampaign(db: Db, now: Date): Promise<void> {
  const round = await db.round.findFirstOrThrow({
    // The open round, on version 2 (an earlier round on version 1 may be seeded too).
    where: { draft: { slug: SLUG }, version: { seq: 2 } },
    orderBy: { opensAt: 'asc' },
    select: { id: true, opensAt: true, version: { select: { doc: true } } },
  })
  const articleId = findArticle(round.version.doc, HEADING)
  if (!articleId) throw new Error(`The sample law has no article headed "${HEADING}"`)
  // Registered before the sample's other accounts: lists of users, newest first, keep those on their first page.
  const since = new Date(now.getTime() - 110 * DAY)
  const people = Array.from({ length: CAMPAIGN_SIZE }, (_, i) => {
    const name = `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}`
    return { email: `kampanja-${String(i + 1).padStart(2, '0')}@primjer.example.ba`, name }
  })
  await db.user.createMany({
    data: people.map((p) => ({ email: p.email, name: p.name, locale: 'bs', emailVerifiedAt: since, createdAt: since })),
  })
  const ids = new Map((await db.user.findMany({ where: { email: { in: people.map((p) => p.email) } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]))
  // Over the first days of the round, as the call to action spread.
  const first = round.opensAt.getTime() + DAY
  const span = Math.max(1, Math.min(now.getTime() - first, 5 * DAY))
  await db.comment.createMany({
    data: people.map((p, i) => {
      const createdAt = new Date(first + Math.floor((span * i) / CAMPAIGN_SIZE))
      return {
        roundId: round.id,
        authorId: ids.get(p.email)!,
        targetKind: 'article',
        targetNodeId: articleId,
        articleNodeId: articleId,
        body: variant(i, p.name),
        status: 'published',
        consentToPublish: true,
        consentToBeNamed: false,
        consentedAt: createdAt,
        createdAt,
        authorCategory: 'citizen',
      }
    }),
  })
  await groupRoundComments(db, round.id)
}

type Json = { type: string; attrs?: Record<string, unknown>; content?: Json[]; text?: string }

function findArticle(doc: unknown, heading: string): string | null {
  const walk = (node: Json): string | null => {
    if (node.type === 'article') {
      const first = node.content?.[0]
      const text = first?.type === 'article_heading' ? (first.content ?? []).map((t) => t.text ?? '').join('') : ''
      return text === heading ? (node.attrs?.id as string) : null
    }
    for (const child of node.content ?? []) {
      const found = walk(child)
      if (found) return found
    }
    return null
  }
  return walk(doc as Json)
}
