#!/usr/bin/env node
// `npm test`: every test there is, in order — types, unit and integration (vitest),
// then the browser journeys (Playwright in Chromium, found or installed first).
// All run with TZ=UTC. Ends with one line "tests: N passed, N failed".
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
process.chdir(root)
const tmp = path.join(root, 'tests', '.tmp')
mkdirSync(tmp, { recursive: true })
const env = { ...process.env, TZ: 'UTC' }
const bin = (name) => path.join(root, 'node_modules', '.bin', name)

let passed = 0
let failed = 0
const failures = []

function step(name, command, args, extraEnv = {}) {
  console.log(`\n=== ${name}`)
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...env, ...extraEnv } })
  if (result.status !== 0) failures.push(name)
  return result.status === 0
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

if (step('types (react-router typegen + tsc)', bin('react-router'), ['typegen'])) {
  step('types (tsc)', bin('tsc'), ['--noEmit'])
}

step('database: migrations match prisma/schema.prisma', bin('prisma'), [
  'migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', 'prisma/schema.prisma', '--exit-code',
])

const vitestJson = path.join(tmp, 'vitest.json')
step('unit and integration tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`])
const vitest = readJson(vitestJson)
if (vitest) {
  passed += vitest.numPassedTests
  failed += vitest.numFailedTests
}

if (step('browser: find or install Chromium', process.execPath, ['scripts/ensure-chromium.mjs'])) {
  const playwrightJson = path.join(tmp, 'playwright.json')
  step('browser tests (Playwright)', bin('playwright'), ['test'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson })
  const pw = existsSync(playwrightJson) ? readJson(playwrightJson) : null
  if (pw?.stats) {
    passed += pw.stats.expected + pw.stats.flaky
    failed += pw.stats.unexpected
  }
}

console.log('')
if (failures.length > 0) console.log(`Failed steps: ${failures.join('; ')}`)
console.log(`tests: ${passed} passed, ${failed} failed`)
process.exit(failures.length > 0 || failed > 0 || passed === 0 ? 1 : 0)
