import type { Db } from '../drafting/db.ts'
import { draftPublicState, roundState, type DraftPublicState } from './round-state.ts'

/** A draft as listed on the home page. */
export interface DraftListItem {
  slug: string
  title: string
  documentType: string
  owner: string
  state: DraftPublicState
  latestVersion: { seq: number; name: string; createdAt: Date } | null
  openRound: { closesAt: Date; commentCount: number } | null
  updatedAt: Date
}

/** Every draft that has a named version, with its public state at `now`, most recent first. */
export async function listDrafts(db: Db, now: Date): Promise<DraftListItem[]> {
  const drafts = await db.draft.findMany({
    where: { versions: { some: {} } },
    orderBy: { updatedAt: 'desc' },
    include: {
      owner: { select: { name: true } },
      versions: { select: { seq: true, name: true, createdAt: true }, orderBy: { seq: 'desc' }, take: 1 },
      rounds: {
        select: {
          state: true, opensAt: true, closesAt: true, reportPublishedAt: true,
          _count: { select: { comments: { where: { status: 'published', withdrawnAt: null } } } },
        },
      },
    },
  })
  return drafts.map((d) => {
    const open = d.rounds.find((r) => roundState(r, now) === 'open')
    return {
      slug: d.slug,
      title: d.title,
      documentType: d.documentType,
      owner: d.owner.name,
      state: draftPublicState(d.rounds, now),
      latestVersion: d.versions[0] ?? null,
      openRound: open ? { closesAt: open.closesAt, commentCount: open._count.comments } : null,
      updatedAt: d.updatedAt,
    }
  })
}
