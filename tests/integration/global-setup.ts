// Migrates one base SQLite file per run (only when the migrations changed); each test
// then works on its own copy of it (see ./db.ts).
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..', '..')
export const TMP_DIR = path.join(root, 'tests', '.tmp')
export const BASE_DB = path.join(TMP_DIR, 'base.db')

function migrationsHash(): string {
  const dir = path.join(root, 'prisma', 'migrations')
  const hash = createHash('sha256')
  hash.update(readFileSync(path.join(root, 'prisma', 'schema.prisma')))
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name, 'migration.sql')
    if (existsSync(file)) hash.update(name).update(readFileSync(file))
  }
  return hash.digest('hex')
}

export default function setup() {
  mkdirSync(TMP_DIR, { recursive: true })
  const stamp = path.join(TMP_DIR, 'base.db.hash')
  const hash = migrationsHash()
  if (existsSync(BASE_DB) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) return
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(BASE_DB + suffix, { force: true })
  execFileSync(path.join(root, 'node_modules', '.bin', 'prisma'), ['migrate', 'deploy'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: `file:${BASE_DB}` },
    stdio: 'pipe',
  })
  writeFileSync(stamp, hash)
}
