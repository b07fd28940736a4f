/**
 * The outcome of an operation that can fail in an expected way. `reason` is a
 * kebab-case code that the interface translates; each union of reasons is documented
 * where it is declared.
 */
export type Result<T, R extends string> = { ok: true; value: T } | { ok: false; reason: R }

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value }
}

export function fail<R extends string>(reason: R): { ok: false; reason: R } {
  return { ok: false, reason }
}
