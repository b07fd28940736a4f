// Quarters of the year, in which an institution plans its drafts and consultations:
// "2027-Q1" is January to March 2027. Pure: no I/O.

/** A quarter as stored and typed in forms: four-digit year, "-Q", 1 to 4. */
export const QUARTER_PATTERN = /^(20\d{2})-Q([1-4])$/

/** A quarter: its year, and 1 to 4. */
export interface Quarter {
  year: number
  quarter: 1 | 2 | 3 | 4
}

/** "2027-Q1" → { year: 2027, quarter: 1 }; anything else → null. */
export function parseQuarter(value: string): Quarter | null {
  const match = QUARTER_PATTERN.exec(value)
  if (!match) return null
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter['quarter'] }
}

/** { year: 2027, quarter: 1 } → "2027-Q1". */
export function formatQuarter(q: Quarter): string {
  return `${q.year}-Q${q.quarter}`
}

const sarajevoMonth = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Sarajevo', year: 'numeric', month: 'numeric' })

/** The quarter an instant falls in, counted in Europe/Sarajevo (New Year's night is already Q1). */
export function quarterOf(instant: Date): string {
  const parts = Object.fromEntries(sarajevoMonth.formatToParts(instant).map((p) => [p.type, p.value]))
  const month = Number(parts.month)
  return formatQuarter({ year: Number(parts.year), quarter: Math.ceil(month / 3) as Quarter['quarter'] })
}

/** Orders two valid quarters: negative when `a` comes first. */
export function compareQuarters(a: string, b: string): number {
  const qa = parseQuarter(a)
  const qb = parseQuarter(b)
  if (!qa || !qb) throw new RangeError(`Not a quarter: ${qa ? b : a}`)
  return qa.year - qb.year || qa.quarter - qb.quarter
}

/** Whether a quarter ended before `now` (the current quarter is not past). */
export function isPastQuarter(value: string, now: Date): boolean {
  return compareQuarters(value, quarterOf(now)) < 0
}

/** Entries of one quarter; `past` once the quarter has ended. */
export interface QuarterGroup<T> {
  quarter: string
  year: number
  number: Quarter['quarter']
  past: boolean
  entries: T[]
}

/**
 * Groups entries by their quarter, quarters in calendar order and entries in the order
 * given. Entries whose quarter is not valid are a caller's bug.
 */
export function groupByQuarter<T>(entries: readonly T[], quarterOfEntry: (entry: T) => string, now: Date): QuarterGroup<T>[] {
  const groups = new Map<string, T[]>()
  for (const entry of entries) {
    const quarter = quarterOfEntry(entry)
    if (!parseQuarter(quarter)) throw new RangeError(`Not a quarter: ${quarter}`)
    const list = groups.get(quarter)
    if (list) list.push(entry)
    else groups.set(quarter, [entry])
  }
  return [...groups.keys()].sort(compareQuarters).map((quarter) => {
    const q = parseQuarter(quarter)!
    return { quarter, year: q.year, number: q.quarter, past: isPastQuarter(quarter, now), entries: groups.get(quarter)! }
  })
}

/** The quarter of `now` (in Sarajevo) and the `count - 1` after it: what a plan item may name. */
export function nextQuarters(now: Date, count: number): string[] {
  const first = parseQuarter(quarterOf(now))!
  return Array.from({ length: count }, (_, i) => {
    const index = first.quarter - 1 + i
    return formatQuarter({ year: first.year + Math.floor(index / 4), quarter: ((index % 4) + 1) as Quarter['quarter'] })
  })
}
