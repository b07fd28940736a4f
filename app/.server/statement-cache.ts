import type BetterSqlite3 from 'better-sqlite3'

/**
 * Prisma's SQLite adapter prepares every statement again on every call
 * (`client.prepare(sql).bind(args)`): parsing and planning SQL the process has run a
 * thousand times, about a twentieth of the CPU of a comment submission under load. This
 * keeps the last `max` prepared statements of a connection by their SQL, as PostgreSQL
 * drivers keep named statements, and hands the adapter a fresh binding of the kept one
 * each time (better-sqlite3 binds a statement's parameters once and for good, so the kept
 * statement itself is never bound; its parameters are passed to each run instead).
 *
 * Only what the adapter calls is offered (`reader`, `bind`, `run`, `columns`, `raw().all`);
 * tests/integration and app/.server/statement-cache.test.ts run Prisma through it. A
 * statement SQLite must prepare again after a schema change (another process migrating)
 * is prepared again by SQLite itself when it next runs.
 */
export function cachePreparedStatements(client: BetterSqlite3.Database, max = 256): void {
  const prepare = client.prepare.bind(client) as (sql: string) => BetterSqlite3.Statement
  const kept = new Map<string, BetterSqlite3.Statement>()
  const cachedPrepare = (sql: string) => {
    let statement = kept.get(sql)
    if (statement) {
      // Most recently used last: the first key is the one to let go.
      kept.delete(sql)
    } else {
      statement = prepare(sql)
      if (kept.size >= max) kept.delete(kept.keys().next().value!)
    }
    kept.set(sql, statement)
    return new Binding(statement)
  }
  ;(client as unknown as { prepare: typeof cachedPrepare }).prepare = cachedPrepare
}

/** One use of a kept statement with its own parameters: the part of better-sqlite3's Statement the adapter uses. */
class Binding {
  readonly #statement: BetterSqlite3.Statement
  #args: unknown[] = []
  constructor(statement: BetterSqlite3.Statement) {
    this.#statement = statement
  }
  get reader(): boolean {
    return this.#statement.reader
  }
  bind(args: unknown[]): this {
    this.#args = args
    return this
  }
  run(): BetterSqlite3.RunResult {
    return this.#statement.run(this.#args)
  }
  columns(): BetterSqlite3.ColumnDefinition[] {
    return this.#statement.columns()
  }
  raw(): { all: () => unknown[] } {
    return { all: () => this.#statement.raw(true).all(this.#args) as unknown[] }
  }
}
