import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDb } from '../app/.server/db.ts'
import type { Db } from './db.ts'
import { sqlOf, statement, useDriverAdapter } from './sql.ts'

// The column types Prisma's schema gives SQLite (DATETIME, BOOLEAN, INTEGER, BIGINT, REAL,
// DECIMAL, TEXT, BLOB, JSONB) and expressions without a declared type.
const SCHEMA = `CREATE TABLE t (
  id TEXT PRIMARY KEY, at DATETIME, flag BOOLEAN NOT NULL DEFAULT false, n INTEGER, big BIGINT, x REAL, d DECIMAL,
  body TEXT, bytes BLOB, data JSONB
)`

let dir: string
let db: Db
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'nacrt-sql-'))
  db = await openDb(`file:${path.join(dir, 'sql.db')}`)
  await db.$executeRawUnsafe(SCHEMA)
})
afterAll(async () => {
  await db.$disconnect()
  rmSync(dir, { recursive: true, force: true })
})

const at = new Date('2026-03-29T01:30:00.123Z')

describe('sqlOf', () => {
  it('writes what the client writes: dates, booleans, numbers, bigints, text, bytes and nulls', async () => {
    const insert = 'INSERT INTO t (id, at, flag, n, big, x, body, bytes, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
    const args = (id: string) => [id, at, true, 42, 9_007_199_254_740_993n, 1.5, 'Član 5. — Члан', Buffer.from([1, 2, 3]), JSON.stringify({ a: 'č' })]
    await db.$executeRawUnsafe(insert, ...args('client'))
    await sqlOf(db).query(statement(insert, ...args('adapter')))
    const stored = await db.$queryRawUnsafe<Record<string, unknown>[]>('SELECT typeof(at) AS t, at, flag, n, big, x, body, hex(bytes) AS h, data FROM t WHERE id IN (?, ?) ORDER BY id', 'adapter', 'client')
    expect(stored[0]).toEqual(stored[1])
    // Dates are kept as ISO text of one length, so they compare as text (rate limits rely on it).
    expect(stored[0]!.t).toBe('text')
  })

  it('reads what the client reads, value for value and type for type', async () => {
    await sqlOf(db).query(statement('INSERT INTO t (id, at, flag, n, big, x, d, body, bytes, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', 'nulls', null, false, null, null, null, null, null, null, null))
    const queries = [
      statement('SELECT * FROM t ORDER BY id'),
      statement('SELECT COUNT(*) AS c, MAX(at) AS latest, MAX(n) AS most, SUM(x) AS total FROM t'),
      statement('SELECT id, at <= ? AS past, n + 1 AS next FROM t WHERE at > ? OR at IS NULL ORDER BY id', new Date(), new Date(0)),
      statement('SELECT COALESCE(MAX(n), 0) + 1 AS next FROM t WHERE id = ?', 'none'),
    ]
    for (const q of queries) {
      const viaClient = await db.$queryRawUnsafe(q.sql, ...q.args)
      const direct = await sqlOf(db).query(q)
      expect(direct).toEqual(viaClient)
      expect(direct.length).toBeGreaterThan(0)
    }
  })

  it('runs a batch in one transaction and keeps nothing when a statement fails', async () => {
    const rows = await sqlOf(db).batch([
      statement('INSERT INTO t (id, n) VALUES (?, ?) RETURNING id', 'b1', 1),
      statement('INSERT INTO t (id, n) SELECT ?, ? WHERE EXISTS (SELECT 1 FROM t WHERE id = ?)', 'b2', 2, 'b1'),
      statement('SELECT COUNT(*) AS c FROM t WHERE id LIKE ?', 'b%'),
    ])
    expect(rows[0]).toEqual([{ id: 'b1' }])
    expect(rows[1]).toEqual([])
    expect(rows[2]).toEqual([{ c: 2n }])
    await expect(sqlOf(db).batch([
      statement('INSERT INTO t (id) VALUES (?)', 'b3'),
      statement('INSERT INTO t (id) VALUES (?)', 'b1'),
    ])).rejects.toThrow(/UNIQUE|constraint/i)
    expect(await db.$queryRawUnsafe('SELECT id FROM t WHERE id = ?', 'b3')).toEqual([])
    // The connection is usable afterwards, inside and outside transactions.
    expect(await db.$transaction(async (tx) => tx.$queryRawUnsafe<{ c: bigint }[]>('SELECT COUNT(*) AS c FROM t WHERE id LIKE ?', 'b%'))).toEqual([{ c: 2n }])
  })

  it('a batch waits for an interactive transaction of the client, and runs after it', async () => {
    const order: string[] = []
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const interactive = db.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('INSERT INTO t (id) VALUES (?)', 'i1')
      order.push('interactive wrote')
      await held
      order.push('interactive ends')
    })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const batch = sqlOf(db).batch([statement('INSERT INTO t (id) VALUES (?)', 'i2')]).then(() => order.push('batch done'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    order.push('released')
    release()
    await Promise.all([interactive, batch])
    expect(order).toEqual(['interactive wrote', 'released', 'interactive ends', 'batch done'])
  })

  it('falls back to the client’s raw queries for a handle it has no adapter for, and after a disconnect', async () => {
    await db.$disconnect()
    // After $disconnect the adapter is gone: the client's raw query connects again.
    expect(await sqlOf(db).query(statement('SELECT COUNT(*) AS c FROM t WHERE id = ?', 'client'))).toEqual([{ c: 1n }])
    useDriverAdapter(db, () => undefined)
    expect(await sqlOf(db).batch([statement('SELECT id FROM t WHERE id = ?', 'client')])).toEqual([[{ id: 'client' }]])
  })
})
