import path from 'node:path'
import { expect, test } from './fixtures.ts'
import { SAMPLE_PASSWORD, logIn, sampleRoundId as roundId } from './support.ts'
import type { Page } from '@playwright/test'

// Pages fit a phone's width (wide tables scroll inside their own box), and the report's charts
// are legible and whole at any width. Set LAYOUT_SCREENSHOTS to a directory to keep a
// screenshot of every page checked here.

const PHONE = { width: 390, height: 844 }
const DESKTOP = { width: 1280, height: 900 }

async function shoot(page: Page, name: string) {
  const dir = process.env.LAYOUT_SCREENSHOTS
  if (!dir) return
  await page.screenshot({ path: path.join(dir, `${name}.png`) })
  for (const part of ['report-figures', 'report-exports']) {
    const element = page.locator(`.${part}`)
    if (await element.count()) await element.screenshot({ path: path.join(dir, `${name}-${part}.png`) })
  }
}

/** Opens a page and checks that nothing makes it scroll sideways. */
async function fits(page: Page, url: string, name: string) {
  await page.goto(url)
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  const { scrollWidth, viewport, wide } = await page.evaluate(() => {
    const viewport = window.innerWidth
    // The innermost elements that reach past the window's right edge: what to fix.
    const wide = [...document.body.querySelectorAll('*')]
      .filter((e) => e.getBoundingClientRect().right > viewport + 0.5 && ![...e.children].some((c) => c.getBoundingClientRect().right > viewport + 0.5))
      .filter((e) => !e.closest('.table-scroll'))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className} (${Math.round(e.getBoundingClientRect().right)} px)`)
    return { scrollWidth: document.documentElement.scrollWidth, viewport, wide }
  })
  await shoot(page, name)
  expect(scrollWidth, `${url} is ${scrollWidth} px wide in a ${viewport} px window: ${wide.join(', ')}`).toBeLessThanOrEqual(viewport)
}

/** Every chart's text lies inside its drawing and renders between 12 and 14.5 px. */
async function chartsAreLegible(page: Page) {
  const charts = page.locator('.report-chart svg')
  expect(await charts.count()).toBeGreaterThan(0)
  const problems = await charts.evaluateAll((svgs) =>
    svgs.flatMap((node) => {
      const svg = node as SVGSVGElement
      const box = svg.getBoundingClientRect()
      const scale = box.width / svg.viewBox.baseVal.width
      const out: string[] = []
      const size = 13 * scale
      if (size < 12 || size > 14.5) out.push(`${svg.getAttribute('aria-labelledby')}: text at ${size.toFixed(1)} px`)
      for (const text of svg.querySelectorAll('text')) {
        const r = text.getBoundingClientRect()
        if (r.left < box.left - 1.5 || r.right > box.right + 1.5) out.push(`"${text.textContent}" runs out of the chart (${Math.round(r.left - box.left)}…${Math.round(r.right - box.left)} of ${Math.round(box.width)})`)
      }
      return out
    }),
  )
  expect(problems).toEqual([])
}

test.describe('layout on a phone and on a desktop', () => {
  for (const lng of ['bs', 'en'] as const) {
    for (const [label, viewport] of [['phone', PHONE], ['desktop', DESKTOP]] as const) {
      test(`the report's charts are legible and whole (${lng}, ${label})`, async ({ page }) => {
        await page.setViewportSize(viewport)
        await fits(page, `/rounds/${roundId('prednacrt')}/report?lng=${lng}`, `report-${lng}-${viewport.width}`)
        await chartsAreLegible(page)
        // Long labels are cut at the end, the whole label in the bar's tooltip.
        for (const cut of await page.locator('.report-chart .chart__bar text tspan:last-child').allTextContents()) {
          if (cut.endsWith('…')) expect(cut.length).toBeGreaterThan(3)
        }
      })
    }
  }

  test('public pages fit a 390 px window', async ({ page }) => {
    await page.setViewportSize(PHONE)
    await fits(page, '/search?q=usluge&lng=bs', 'search-390')
    await fits(page, `/rounds/${roundId('prednacrt')}?lng=bs`, 'round-390')
  })

  test('staff pages fit a 390 px window; wide tables scroll in their own box', async ({ page }) => {
    await page.setViewportSize(PHONE)
    await logIn(page, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
    await fits(page, '/search?q=usluge&lng=bs', 'search-staff-390')
    for (const stage of ['prednacrt', 'nacrt'] as const) {
      await fits(page, `/rounds/${roundId(stage)}/answers?lng=bs`, `answers-${stage}-390`)
      await fits(page, `/rounds/${roundId(stage)}/dashboard?lng=bs`, `dashboard-${stage}-390`)
    }
    await fits(page, `/rounds/${roundId('nacrt')}/report?lng=bs`, 'report-staff-390')
    await fits(page, '/drafts/zakon-o-socijalnim-uslugama/rounds/new?lng=bs', 'plan-390')
  })

  test('the export button looks like a button, and the plan form groups its fields in boxes', async ({ page }) => {
    await page.goto(`/rounds/${roundId('prednacrt')}/report?lng=bs`)
    const prepare = page.getByRole('button', { name: 'Pripremi datoteku' })
    await expect(prepare).toHaveCSS('border-top-style', 'solid')
    await expect(prepare).toHaveCSS('border-top-width', '1px')
    await expect(prepare).toHaveCSS('text-decoration-line', 'none')

    await logIn(page, 'lejla.mehmedovic@fmrsp.example.ba', SAMPLE_PASSWORD)
    await page.setViewportSize(DESKTOP)
    await page.goto('/drafts/zakon-o-socijalnim-uslugama/rounds/new?lng=bs')
    const fieldset = page.locator('form.form > fieldset').first()
    // Not the browser's 2 px groove.
    await expect(fieldset).toHaveCSS('border-top-style', 'solid')
    await expect(fieldset).toHaveCSS('border-top-width', '1px')
    const save = page.locator('form.form > .button-row')
    await expect(save).toBeVisible()
    const gap = await save.evaluate((row) => row.getBoundingClientRect().top - row.previousElementSibling!.getBoundingClientRect().bottom)
    expect(gap).toBeGreaterThanOrEqual(16)
    await shoot(page, 'plan-1280')
  })
})
