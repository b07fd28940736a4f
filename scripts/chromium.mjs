// Where the browser tests find Chromium: $CHROMIUM_PATH, else the system's Chromium.
import { existsSync } from 'node:fs'

export const SYSTEM_CHROMIUM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/** The Chromium executable to use, or null to let Playwright use its own download. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist.`)
    return fromEnv
  }
  return SYSTEM_CHROMIUM_PATHS.find((p) => existsSync(p)) ?? null
}
