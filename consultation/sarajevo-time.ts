// Times are stored in UTC and entered and shown in Europe/Sarajevo (CET, CEST in summer).
// A form's `datetime-local` value ("2027-03-28T02:30") names a wall-clock time there; these
// functions turn it into an instant and back, across the changes to and from summer time.

export const SARAJEVO = 'Europe/Sarajevo'

const wallClock = new Intl.DateTimeFormat('en-CA', {
  timeZone: SARAJEVO,
  year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  hourCycle: 'h23',
})

interface WallTime { year: number; month: number; day: number; hour: number; minute: number }

/** The wall-clock time in Sarajevo at `instant`. */
export function sarajevoWallTime(instant: Date): WallTime & { second: number } {
  const parts: Record<string, number> = {}
  for (const p of wallClock.formatToParts(instant)) if (p.type !== 'literal') parts[p.type] = Number(p.value)
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! }
}

/** Sarajevo's offset from UTC at `instant`, in minutes (60 in winter, 120 in summer). */
export function sarajevoOffsetMinutes(instant: Date): number {
  const w = sarajevoWallTime(instant)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000)
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

/**
 * The instant a Sarajevo wall-clock time names, or null when the text is not a
 * `datetime-local` value or names no real date. A time skipped when clocks go forward
 * (02:00–02:59 on the last Sunday of March) is read as the same time in winter offset,
 * which lands one hour later on the clock (02:30 → 03:30 CEST), as calendars do; a time
 * that occurs twice when clocks go back (02:00–02:59 on the last Sunday of October) is the
 * first of the two (summer time).
 */
export function fromSarajevoLocal(value: string): Date | null {
  const m = LOCAL.exec(value.trim())
  if (!m) return null
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [number, number, number, number, number, number]
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null
  const naive = Date.UTC(year, month - 1, day, hour, minute, second)
  if (new Date(naive).getUTCDate() !== day) return null
  // Try the summer offset first, then winter: the first that reads back as the same wall time wins.
  for (const offset of [120, 60]) {
    const instant = new Date(naive - offset * 60_000)
    if (sarajevoOffsetMinutes(instant) === offset) return instant
  }
  // Skipped by the change to summer time: read with the winter offset.
  return new Date(naive - 60 * 60_000)
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The `datetime-local` value of `instant` in Sarajevo: "2027-03-28T08:00". */
export function toSarajevoLocal(instant: Date): string {
  const w = sarajevoWallTime(instant)
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`
}

/** The calendar date in Sarajevo at `instant`, as days since 1970-01-01. */
function sarajevoDayNumber(instant: Date): number {
  const w = sarajevoWallTime(instant)
  return Math.round(Date.UTC(w.year, w.month - 1, w.day) / 86_400_000)
}

/**
 * How many calendar days a round runs in Sarajevo, counting the opening day and the
 * closing day (opens Monday 1st 08:00, closes Tuesday 30th 23:59: 30 days). A round that
 * closes at midnight exactly does not count the day it closes on.
 */
export function calendarDays(opensAt: Date, closesAt: Date): number {
  if (closesAt <= opensAt) return 0
  const lastMoment = new Date(closesAt.getTime() - 1)
  return sarajevoDayNumber(lastMoment) - sarajevoDayNumber(opensAt) + 1
}
