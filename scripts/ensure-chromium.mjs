#!/usr/bin/env node
// Makes sure the browser tests have a Chromium, and says what it did:
// $CHROMIUM_PATH → the system Chromium → as root, Debian's package through apt-get →
// otherwise Playwright's own installer (needs internet access).
import { spawnSync } from 'node:child_process'
import { findChromium } from './chromium.mjs'

function run(command, args) {
  console.log(`ensure-chromium: running ${command} ${args.join(' ')}`)
  const result = spawnSync(command, args, { stdio: 'inherit' })
  return result.status === 0
}

const found = findChromium()
if (found) {
  console.log(`ensure-chromium: using ${found}${process.env.CHROMIUM_PATH ? ' (from CHROMIUM_PATH)' : ' (system Chromium)'}`)
  process.exit(0)
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
if (isRoot && hasApt) {
  console.log('ensure-chromium: no Chromium found; installing Debian\'s chromium package as root.')
  const ok = run('apt-get', ['update']) && run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'])
  const installed = ok && findChromium()
  if (installed) {
    console.log(`ensure-chromium: installed ${installed}`)
    process.exit(0)
  }
  console.log('ensure-chromium: apt-get could not install chromium; trying Playwright\'s installer.')
}

console.log('ensure-chromium: no system Chromium; installing Playwright\'s own Chromium (needs internet access).')
if (!run('npx', ['playwright', 'install', '--with-deps', 'chromium']) && !run('npx', ['playwright', 'install', 'chromium'])) {
  console.error('ensure-chromium: could not get a Chromium. Install one (e.g. apt-get install chromium) or set CHROMIUM_PATH.')
  process.exit(1)
}
