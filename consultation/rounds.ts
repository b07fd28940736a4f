import type { Db } from '../drafting/db.ts'
import { roundState } from './round-state.ts'

/** The round a draft is open for comments in: which one, until when, on which version. */
export interface OpenRound {
  id: string
  closesAt: Date
  /** The `seq` of the version under consultation. */
  versionSeq: number
}

/**
 * The round of a draft that is open at `now`, or null. Should two overlap (staff opened
 * a new one before the old one closed), the one that opened last counts.
 */
export async function openRoundForDraft(db: Db, draftId: string, now: Date): Promise<OpenRound | null> {
  const rounds = await db.round.findMany({
    where: { draftId },
    orderBy: { opensAt: 'desc' },
    select: { id: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true, version: { select: { seq: true } } },
  })
  const open = rounds.find((r) => roundState(r, now) === 'open')
  return open ? { id: open.id, closesAt: open.closesAt, versionSeq: open.version.seq } : null
}
