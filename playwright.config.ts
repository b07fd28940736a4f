import { defineConfig, devices } from '@playwright/test'
// @ts-expect-error: a plain ES module shared with scripts/ensure-chromium.mjs
import { findChromium } from './scripts/chromium.mjs'

const port = Number(process.env.E2E_PORT ?? 3101)
const executablePath = (findChromium as () => string | null)() ?? undefined

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: true,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    locale: 'bs-BA',
    timezoneId: 'Europe/Sarajevo',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--no-first-run',
            '--disable-sync',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    command: 'node scripts/start.mjs --fresh-db',
    url: `http://localhost:${port}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'pipe',
    stderr: 'pipe',
    env: {
      PORT: String(port),
      DATABASE_URL: 'file:./tests/.tmp/e2e.db',
      NODE_ENV: 'production',
      // Every journey logs in from the same loopback address: the per-address limits are
      // for the public, not for a test run (tests/integration/rate-limits.test.ts tests them).
      LOGIN_LIMIT_PER_IP: '100000',
      REGISTRATION_LIMIT_PER_IP: '100000',
      LISTING_LIMIT_PER_IP: '100000',
      TZ: 'UTC',
    },
  },
})
