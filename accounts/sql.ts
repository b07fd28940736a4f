import type { Db } from './db.ts'

/**
 * Raw SQL for the hot paths (a comment submission: the session, the rate limits, the
 * round, the comment's batch), sent straight to the connection's driver adapter.
 *
 * Prisma's client compiles every call, raw SQL included, into a query plan (its WASM
 * compiler) and interprets the plan: about 0.2 ms of CPU a call, against 15 µs for the same
 * statement through the adapter (docs/decisions/0015, "Third round"). The adapter is
 * Prisma's own driver-adapter interface (the same on PostgreSQL), and transactions take
 * its lock as Prisma's do, so a batch here and an interactive transaction of the client
 * never interleave. Arguments are encoded and results decoded as the client does for
 * `$queryRawUnsafe` (accounts/sql.test.ts compares the two on every column type the schema
 * uses). Where the adapter is unknown (a client not opened by `openDb`), the same
 * statements run through Prisma's raw queries.
 */

/** One SQL statement and its arguments, not yet run. */
export interface Statement {
  readonly sql: string
  readonly args: readonly unknown[]
}

export const statement = (sql: string, ...args: unknown[]): Statement => ({ sql, args })

export interface Sql {
  /** The rows of one statement (none for a statement without RETURNING). */
  query<T = Record<string, unknown>>(s: Statement): Promise<T[]>
  /** Statements run in order in one transaction; the rows of each. Nothing is kept when one fails. */
  batch(statements: readonly Statement[]): Promise<Record<string, unknown>[][]>
}

// The part of Prisma's driver-adapter interface (@prisma/driver-adapter-utils) used here.
type ArgType = { scalarType: string; arity: 'scalar' }
type DriverQuery = { sql: string; args: unknown[]; argTypes: ArgType[] }
type DriverResult = { columnNames: string[]; columnTypes: number[]; rows: unknown[][] }
interface Queryable {
  queryRaw(query: DriverQuery): Promise<DriverResult>
  executeRaw(query: DriverQuery): Promise<number>
}
interface Transaction extends Queryable {
  readonly options: { usePhantomQuery: boolean }
  commit(): Promise<void>
  rollback(): Promise<void>
}
export interface DriverAdapter extends Queryable {
  startTransaction(): Promise<Transaction>
}

const adapters = new WeakMap<Db, () => DriverAdapter | undefined>()

/** Called by the code that opens the database: where to find its connection's adapter. */
export function useDriverAdapter(db: Db, current: () => DriverAdapter | undefined): void {
  adapters.set(db, current)
}

/** The SQL runner of a database handle. */
export function sqlOf(db: Db): Sql {
  const adapter = adapters.get(db)?.()
  return adapter ? adapterSql(adapter) : clientSql(db)
}

function clientSql(db: Db): Sql {
  return {
    query: <T>(s: Statement) => db.$queryRawUnsafe<T[]>(s.sql, ...s.args),
    batch: (statements) => db.$transaction(statements.map((s) => db.$queryRawUnsafe<Record<string, unknown>[]>(s.sql, ...s.args))),
  }
}

function adapterSql(adapter: DriverAdapter): Sql {
  return {
    query: async <T>(s: Statement) => rowsOf(await adapter.queryRaw(driverQuery(s))) as T[],
    batch: async (statements) => {
      const tx = await adapter.startTransaction()
      try {
        const results: Record<string, unknown>[][] = []
        for (const s of statements) results.push(rowsOf(await tx.queryRaw(driverQuery(s))))
        if (!tx.options.usePhantomQuery) await tx.executeRaw(driverQuery(statement('COMMIT')))
        await tx.commit()
        return results
      } catch (error) {
        try {
          if (!tx.options.usePhantomQuery) await tx.executeRaw(driverQuery(statement('ROLLBACK')))
        } finally {
          await tx.rollback()
        }
        throw error
      }
    },
  }
}

/** An argument's type as the client tells the adapter (the adapter converts dates, booleans and numbers in strings by it). */
function argType(arg: unknown): ArgType {
  const scalarType =
    arg instanceof Date ? 'datetime'
      : typeof arg === 'bigint' ? 'bigint'
        : typeof arg === 'number' ? (Number.isInteger(arg) ? 'int' : 'float')
          : typeof arg === 'boolean' ? 'boolean'
            : arg instanceof Uint8Array ? 'bytes'
              : typeof arg === 'string' ? 'string'
                : 'unknown'
  return { scalarType, arity: 'scalar' }
}

function driverQuery(s: Statement): DriverQuery {
  return { sql: s.sql, args: [...s.args], argTypes: s.args.map(argType) }
}

// ColumnTypeEnum of @prisma/driver-adapter-utils.
const INT32 = 0
const INT64 = 1
const BOOLEAN = 5
const DATE = 8
const DATETIME = 10
const JSON_TYPE = 11
const BYTES = 13

/** A value as the client's raw queries give it for its column type. */
function decode(type: number | undefined, value: unknown): unknown {
  if (value === null || value === undefined) return null
  switch (type) {
    case INT32: return Number(value)
    case INT64: return BigInt(value as string | number | bigint)
    case BOOLEAN: return typeof value === 'boolean' ? value : Number(value) !== 0
    case DATE:
    case DATETIME: return new Date(value as string)
    case JSON_TYPE: return typeof value === 'string' ? JSON.parse(value) : value
    case BYTES: return Array.isArray(value) ? Uint8Array.from(value as number[]) : value
    default: return value
  }
}

/** Rows as objects, values as the client's raw queries give them (BigInt, Date, boolean, parsed JSON). DECIMAL columns (the schema has none) stay numbers. */
function rowsOf(result: DriverResult): Record<string, unknown>[] {
  const { columnNames, columnTypes, rows } = result
  return rows.map((row) => {
    const out: Record<string, unknown> = {}
    for (let i = 0; i < columnNames.length; i++) out[columnNames[i]!] = decode(columnTypes[i], row[i])
    return out
  })
}
