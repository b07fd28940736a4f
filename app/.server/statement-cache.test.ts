import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { cachePreparedStatements } from './statement-cache.ts'
import { openDb } from './db.ts'

type AdapterStatement = { reader: boolean; bind(args: unknown[]): AdapterStatement; run(): { changes: number }; columns(): { name: string }[]; raw(): { all(): unknown[] } }
const prepareOf = (db: Database.Database) => (sql: string) => (db.prepare as unknown as (sql: string) => AdapterStatement)(sql)

afterEach(() => vi.restoreAllMocks())

describe('cachePreparedStatements', () => {
  it('prepares a statement once and runs it with each call’s own parameters, as the adapter calls it', () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)')
    const original = vi.spyOn(db, 'prepare')
    cachePreparedStatements(db)
    const prepare = prepareOf(db)
    for (const [id, name] of [[1, 'a'], [2, 'b'], [3, 'c']] as const) {
      expect(prepare('INSERT INTO t (id, name) VALUES (?, ?)').bind([id, name]).run().changes).toBe(1)
    }
    const select = prepare('SELECT id, name FROM t WHERE id >= ? ORDER BY id').bind([2])
    expect(select.reader).toBe(true)
    expect(select.columns().map((c) => c.name)).toEqual(['id', 'name'])
    expect(select.raw().all()).toEqual([[2, 'b'], [3, 'c']])
    // The same SQL with other parameters: no trace of the earlier binding.
    expect(prepare('SELECT id, name FROM t WHERE id >= ? ORDER BY id').bind([3]).raw().all()).toEqual([[3, 'c']])
    expect(original).toHaveBeenCalledTimes(2)
    db.close()
  })

  it('lets the least recently used statement go when it keeps the most it may', () => {
    const db = new Database(':memory:')
    const original = vi.spyOn(db, 'prepare')
    cachePreparedStatements(db, 2)
    const prepare = prepareOf(db)
    const one = (n: number) => prepare(`SELECT ${n} AS n`).bind([]).raw().all()
    one(1)
    one(2)
    one(1) // 1 is now the most recent; 2 goes when 3 comes
    one(3)
    expect(original).toHaveBeenCalledTimes(3)
    one(1)
    expect(original).toHaveBeenCalledTimes(3)
    one(2)
    expect(original).toHaveBeenCalledTimes(4)
    db.close()
  })

  it('a failing run leaves the kept statement usable', () => {
    const db = new Database(':memory:')
    db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY)')
    cachePreparedStatements(db)
    const insert = (id: number) => prepareOf(db)('INSERT INTO t (id) VALUES (?)').bind([id]).run()
    insert(1)
    expect(() => insert(1)).toThrow(/UNIQUE/)
    expect(insert(2).changes).toBe(1)
    db.close()
  })
})

describe('openDb', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = undefined
  })

  it('runs Prisma’s queries, batches and interactive transactions on kept statements', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'nacrt-statements-'))
    const prepare = vi.spyOn(Database.prototype, 'prepare')
    const db = await openDb(`file:${path.join(dir, 'test.db')}`)
    try {
      await db.$executeRawUnsafe('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)')
      const before = prepare.mock.calls.length
      for (let i = 1; i <= 5; i++) await db.$executeRawUnsafe('INSERT INTO t (id, name) VALUES (?, ?)', i, `n${i}`)
      await db.$transaction([db.$executeRawUnsafe('INSERT INTO t (id, name) VALUES (?, ?)', 6, 'n6'), db.$queryRawUnsafe('SELECT COUNT(*) AS c FROM t')])
      await expect(db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('INSERT INTO t (id, name) VALUES (?, ?)', 7, 'n7')
        await tx.$executeRawUnsafe('INSERT INTO t (id, name) VALUES (?, ?)', 1, 'again')
      })).rejects.toThrow()
      const rows = await db.$queryRawUnsafe<{ id: bigint | number; name: string }[]>('SELECT id, name FROM t WHERE id > ? ORDER BY id', 4)
      expect(rows.map((r) => [Number(r.id), r.name])).toEqual([[5, 'n5'], [6, 'n6']])
      // The insert was prepared once for six runs (and the rolled-back transaction's two).
      const inserts = prepare.mock.calls.slice(before).filter(([sql]) => sql === 'INSERT INTO t (id, name) VALUES (?, ?)')
      expect(inserts).toHaveLength(1)
    } finally {
      await db.$disconnect()
    }
  })
})
