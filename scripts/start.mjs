#!/usr/bin/env node
// `npm start`: builds the app when its sources changed, applies migrations, seeds the
// sample data into an empty database, then serves on $PORT (3000 by default).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import path from 'node:path'
import { register } from 'tsx/esm/api'

process.env.DATABASE_URL ??= 'file:./data/nacrt.db'
process.env.NODE_ENV ??= 'production'

const root = path.resolve(import.meta.dirname, '..')
process.chdir(root)

function run(command, args) {
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env })
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`)
    process.exit(result.status ?? 1)
  }
}

function newestMtime(entry) {
  if (!existsSync(entry)) return 0
  const stat = statSync(entry)
  if (!stat.isDirectory()) return stat.mtimeMs
  let newest = 0
  for (const name of readdirSync(entry)) {
    if (name === 'node_modules') continue
    newest = Math.max(newest, newestMtime(path.join(entry, name)))
  }
  return newest
}

const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const builtServer = path.join(root, 'build', 'server', 'index.js')
const sources = ['app', 'drafting', 'consultation', 'public', 'generated', 'vite.config.ts', 'react-router.config.ts', 'package-lock.json']
const sourcesChanged = !existsSync(builtServer) || Math.max(...sources.map(newestMtime)) > statSync(builtServer).mtimeMs
if (sourcesChanged || process.argv.includes('--build')) {
  console.log('Building the app…')
  run(bin('react-router'), ['build'])
}

const dbFile = path.resolve(process.env.DATABASE_URL.replace(/^file:/, ''))
mkdirSync(path.dirname(dbFile), { recursive: true })
if (process.argv.includes('--fresh-db')) {
  // For the browser tests: start from an empty database every run.
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbFile + suffix, { force: true })
}
run(bin('prisma'), ['migrate', 'deploy'])
run(bin('tsx'), ['prisma/seed.ts'])

register()
const { main } = await import('../server/main.ts')
await main()
