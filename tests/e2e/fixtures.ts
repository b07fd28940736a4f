import { test as base, expect, type Page } from '@playwright/test'

/**
 * Playwright's `test`, failing any test whose page logs an error or throws in the
 * browser (a hydration mismatch, a Content-Security-Policy violation, a crash). The
 * browser's own note about an HTTP error status is expected where a test asks for one.
 */
/**
 * Makes `page.goto` return once React has hydrated an HTML page (app/root.tsx marks <html
 * data-hydrated>): a click before would follow a link that, hydrated, opens a form in place.
 * For pages with JavaScript only; the test's own `page` gets it, other pages by hand.
 */
export function hydrating(page: Page): Page {
  const goto = page.goto.bind(page)
  page.goto = async (url, options) => {
    const response = await goto(url, options)
    if (response?.ok() && (response.headers()['content-type'] ?? '').startsWith('text/html')) {
      await page.locator('html[data-hydrated]').waitFor({ state: 'attached' })
    }
    return response
  }
  return page
}

export const test = base.extend({
  page: async ({ page, javaScriptEnabled }, use) => {
    const errors: string[] = []
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text())
    })
    page.on('pageerror', (e) => errors.push(String(e)))
    // A page loaded with JavaScript is used once React has hydrated it (see hydrating).
    if (javaScriptEnabled !== false) hydrating(page)
    await use(page)
    expect(errors, 'errors in the browser console').toEqual([])
  },
})

export { expect }
