import { test as base, expect } from '@playwright/test'

/**
 * Playwright's `test`, failing any test whose page logs an error or throws in the
 * browser (a hydration mismatch, a Content-Security-Policy violation, a crash). The
 * browser's own note about an HTTP error status is expected where a test asks for one.
 */
export const test = base.extend({
  page: async ({ page }, use) => {
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(String(e)))
    await use(page)
    expect(errors, 'errors in the browser console').toEqual([])
  },
})

export { expect }
