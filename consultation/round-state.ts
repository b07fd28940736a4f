/**
 * Where a consultation round stands: planned → open → closed → report-published.
 * A round is open while opensAt <= now < closesAt, unless staff opened or closed it by
 * hand; publishing the report is final.
 */
export type RoundState = 'planned' | 'open' | 'closed' | 'report-published'

/** What the state of a round is computed from. `state` is the last manual transition. */
export interface RoundTimes {
  state: string
  opensAt: Date
  closesAt: Date
  reportPublishedAt: Date | null
}

/** The state of a round at `now`, from its schedule and its manual transitions. */
export function roundState(round: RoundTimes, now: Date): RoundState {
  if (round.reportPublishedAt && round.reportPublishedAt <= now) return 'report-published'
  if (round.state === 'report-published') return 'report-published'
  if (round.state === 'closed') return 'closed'
  if (now >= round.closesAt) return 'closed'
  if (round.state === 'open' || now >= round.opensAt) return 'open'
  return 'planned'
}

/**
 * Where a draft stands for the public: a working draft until a round opens, then
 * in consultation, closed, or report published, after its latest round that has begun.
 */
export type DraftPublicState = 'working-draft' | 'in-consultation' | 'closed' | 'report-published'

/** The public state of a draft, from its rounds at `now`. */
export function draftPublicState(rounds: readonly RoundTimes[], now: Date): DraftPublicState {
  const states = rounds.map((r) => ({ r, s: roundState(r, now) })).filter(({ s }) => s !== 'planned')
  if (states.some(({ s }) => s === 'open')) return 'in-consultation'
  if (states.length === 0) return 'working-draft'
  const latest = states.reduce((a, b) => (b.r.opensAt > a.r.opensAt ? b : a))
  return latest.s === 'report-published' ? 'report-published' : 'closed'
}
