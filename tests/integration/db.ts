import { copyFileSync, rmSync } from 'node:fs'
import path from 'node:path'
import { randomUUID } from 'node:crypto'
import { openDb } from '../../app/.server/db.ts'
import type { Db } from '../../drafting/db.ts'

const TMP_DIR = path.resolve(import.meta.dirname, '..', '.tmp')

/** A fresh copy of the migrated base database, removed again by `cleanup`. */
export async function createTestDb(): Promise<{ db: Db; file: string; cleanup: () => Promise<void> }> {
  const file = path.join(TMP_DIR, `test-${randomUUID()}.db`)
  copyFileSync(path.join(TMP_DIR, 'base.db'), file)
  const db = await openDb(`file:${file}`)
  return {
    db,
    file,
    cleanup: async () => {
      await db.$disconnect()
      for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(file + suffix, { force: true })
    },
  }
}
