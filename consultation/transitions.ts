import type { Db } from '../drafting/db.ts'
import { recordTransition } from './plans.ts'
import { roundState, type RoundState } from './round-state.ts'

// The schedule's own transitions. A round's state is computed from its times (round-state.ts),
// so nothing has to happen for a round to open or close on time; this sweep only writes
// down that it did, once, and tells the caller which rounds have just opened (their
// interested parties are invited). Several instances may sweep at once: the transition's
// `scheduleKey` is unique, so the second insert fails and is ignored.

/** When the schedule moved a round into `state`. */
function scheduledAt(round: { opensAt: Date; closesAt: Date }, state: RoundState): Date {
  return state === 'open' ? round.opensAt : round.closesAt
}

/** The states a round passes through by schedule, in order, up to `to`. */
function pathTo(from: RoundState, to: RoundState): RoundState[] {
  const order: RoundState[] = ['planned', 'open', 'closed']
  const start = order.indexOf(from)
  const end = order.indexOf(to)
  if (start < 0 || end < 0 || end <= start) return []
  return order.slice(start + 1, end + 1)
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === 'P2002'

/**
 * Records the schedule's transitions that have happened by `now` and are not yet written
 * down: planned → open at `opensAt`, open → closed at `closesAt`. Returns the ids of the
 * rounds this call recorded as opened.
 */
export async function recordScheduledTransitions(db: Db, now: Date): Promise<{ opened: string[]; closed: string[] }> {
  const rounds = await db.round.findMany({
    where: { reportPublishedAt: null, state: { not: 'report-published' }, opensAt: { lte: now } },
    select: {
      id: true, state: true, opensAt: true, closesAt: true, reportPublishedAt: true,
      transitions: { orderBy: { id: 'desc' }, take: 1, select: { toState: true } },
    },
  })
  const opened: string[] = []
  const closed: string[] = []
  for (const round of rounds) {
    const recorded = (round.transitions[0]?.toState ?? 'planned') as RoundState
    const current = roundState(round, now)
    for (const to of pathTo(recorded, current)) {
      const from: RoundState = to === 'open' ? 'planned' : 'open'
      const at = scheduledAt(round, to)
      const scheduleKey = `${round.id}:${to}:${at.toISOString()}`
      try {
        await db.$transaction((tx) => recordTransition(tx, { roundId: round.id, from, to, at, byId: null, scheduleKey }))
        ;(to === 'open' ? opened : closed).push(round.id)
      } catch (error) {
        if (!isUniqueViolation(error)) throw error
      }
    }
  }
  return { opened, closed }
}
