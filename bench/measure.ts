/** One figure of `npm run bench`: printed as `bench: <name> = <value> <unit>`. */
export interface Figure {
  name: string
  unit: string
  measure: () => number
}

/** Median time of one call in ms over `runs` runs, after a short warm-up. */
export function medianMs(fn: () => unknown, runs = 30): number {
  for (let i = 0; i < Math.min(3, runs); i++) fn()
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint()
    fn()
    times.push(Number(process.hrtime.bigint() - start) / 1e6)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}
