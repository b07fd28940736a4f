// Sample data of the ministry's public lists: interested parties (organisations and
// individuals, some named publicly, one who left the list) and two items of its plan of
// drafts. Called by seed() in seed.ts once the ministry, its drafts and its round exist.
import type { Db } from '../drafting/db.ts'
import { nextQuarters } from '../consultation/plan-quarters.ts'

const DAY = 24 * 60 * 60 * 1000

interface SampleParty {
  name: string
  email: string
  organisationName?: string
  category: string
  listedPublicly: boolean
  source: 'self' | 'staff'
  daysAgo: number
  removedDaysAgo?: number
}

const PARTIES: SampleParty[] = [
  { name: 'Amela Selimović', email: 'amela.selimovic@example.ba', organisationName: 'SOS Dječija sela BiH', category: 'ngo', listedPublicly: true, source: 'self', daysAgo: 80 },
  { name: 'Nermina Pašić', email: 'nermina.pasic@example.ba', organisationName: 'UNICEF BiH', category: 'international', listedPublicly: true, source: 'self', daysAgo: 75 },
  { name: 'Zlatan Hasanbegović', email: 'zlatan.hasanbegovic@example.ba', organisationName: 'Udruženje socijalnih radnika FBiH', category: 'chamber', listedPublicly: true, source: 'staff', daysAgo: 60 },
  { name: 'Mladen Jurić', email: 'mladen.juric@example.ba', organisationName: 'Sindikat radnika socijalne zaštite u Federaciji BiH', category: 'ngo', listedPublicly: true, source: 'staff', daysAgo: 3 },
  { name: 'Amra Hodžić', email: 'amra.hodzic@example.ba', category: 'citizen', listedPublicly: true, source: 'staff', daysAgo: 45 },
  { name: 'Jasmin Mujić', email: 'jasmin.mujic@example.ba', category: 'citizen', listedPublicly: false, source: 'staff', daysAgo: 40 },
  { name: 'Marija Perić', email: 'marija.peric@example.ba', category: 'citizen', listedPublicly: false, source: 'staff', daysAgo: 2 },
  { name: 'Nedim Alić', email: 'nedim.alic@example.ba', category: 'citizen', listedPublicly: true, source: 'staff', daysAgo: 50, removedDaysAgo: 20 },
]

/**
 * Seeds the interested parties and plan of the ministry 'fmrsp' at `now`. Parties that
 * were on the list when the sample round opened have its invitation. Does nothing if the
 * ministry does not exist or already has a list.
 */
export async function seedInstitutions(db: Db, now: Date): Promise<void> {
  const ministry = await db.organisation.findUnique({ where: { slug: 'fmrsp' }, select: { id: true } })
  if (!ministry || (await db.interestedParty.count({ where: { institutionId: ministry.id } })) > 0) return
  const round = await db.round.findFirst({ where: { draft: { ownerId: ministry.id } }, orderBy: { opensAt: 'asc' }, select: { id: true, opensAt: true } })
  const standards = await db.draft.findUnique({ where: { slug: 'standardi-kvaliteta-smjestaj-djece' }, select: { id: true } })
  const users = new Map(
    (await db.user.findMany({ where: { email: { in: PARTIES.map((p) => p.email) } }, select: { id: true, email: true } })).map((u) => [u.email, u.id] as const),
  )
  const [, nextQuarter, quarterAfter] = nextQuarters(now, 3)

  await db.$transaction(async (tx) => {
    for (const p of PARTIES) {
      const createdAt = new Date(now.getTime() - p.daysAgo * DAY)
      const party = await tx.interestedParty.create({
        data: {
          institutionId: ministry.id,
          userId: p.source === 'self' ? (users.get(p.email) ?? null) : null,
          name: p.name,
          email: p.email,
          organisationName: p.organisationName ?? null,
          category: p.category,
          listedPublicly: p.listedPublicly,
          source: p.source,
          createdAt,
          removedAt: p.removedDaysAgo === undefined ? null : new Date(now.getTime() - p.removedDaysAgo * DAY),
        },
      })
      if (round && createdAt < round.opensAt) {
        await tx.roundInvitation.create({ data: { roundId: round.id, partyId: party.id, sentAt: round.opensAt } })
      }
    }
    await tx.planItem.createMany({
      data: [
        {
          organisationId: ministry.id,
          title: 'Zakon o izmjenama i dopunama Zakona o osnovama socijalne zaštite, zaštite civilnih žrtava rata i zaštite porodice sa djecom',
          description: 'Usklađivanje prava na novčane naknade sa Zakonom o socijalnim uslugama i uvođenje jedinstvenog registra korisnika.',
          plannedFor: nextQuarter!,
          createdAt: new Date(now.getTime() - 30 * DAY),
        },
        {
          organisationId: ministry.id,
          title: 'Pravilnik o standardima kvaliteta za uslugu smještaja djece u male domske zajednice',
          description: 'Standardi, kriteriji i indikatori kvaliteta koje moraju ispuniti male domske zajednice; nacrt priprema radna grupa.',
          plannedFor: quarterAfter!,
          draftId: standards?.id ?? null,
          createdAt: new Date(now.getTime() - 25 * DAY),
        },
      ],
    })
  })
}
