import { PARTICIPANT_CATEGORIES, REPORT_STATUSES, type ConsolidatedReport, type ReportStatus } from './model.ts'
import type { ReportVocabulary } from './vocabulary.ts'

// Bar charts of a report as SVG text, drawn on the server: readable without JavaScript,
// printable, and the same in the page and in any file. Pure. Every bar carries its label
// and its number as text; <title> and <desc> give screen readers the chart and its data.

/** One bar: what it counts, how many, and its colour's name (see TONES). */
export interface Bar {
  label: string
  value: number
  tone?: keyof typeof TONES
}

/** A horizontal bar chart. `id` must be unique in the page (it prefixes the ids of title and desc). */
export interface BarChart {
  id: string
  title: string
  bars: Bar[]
  /** A line under the bars, such as how many were left out. */
  note?: string
  /** What to say when there are no bars. */
  empty: string
}

const TONES = {
  primary: '#1d4f91',
  accepted: '#1a7f37',
  'partly-accepted': '#6f8f1a',
  rejected: '#b42318',
  noted: '#5b6470',
  unanswered: '#b54708',
} as const

// Laid out for a narrow column: each bar's label sits on its own line(s) above the bar, so
// labels use the whole width and nothing is drawn left of x = 0. The drawing is WIDTH units
// wide and the page shows it at most that wide (CSS max-width: 100%), so 13-unit text
// renders at 12–13 px from a phone (about 340 px of column) to a desktop.
export const WIDTH = 360
const FONT = 13
const TITLE_FONT = 15
const LINE = 17
const BAR = 14
const VALUE_WIDTH = 44
const GAP = 10
/** A label takes at most this many lines; the last one ends with "…" when the text goes on. */
const MAX_LINES = 2

/** Text safe inside SVG elements and attributes. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

// Advance widths in ems, generous for the sans-serif fonts system-ui resolves to (DejaVu Sans,
// common on Linux, is among the widest), so an estimate errs long: a line that fits here fits
// on screen.
const NARROW = new Set([...'iljtfrI.,:;\'!|()[]{} ·ıјіїґ'])
const WIDE = new Set([...'mwMWŠŽĐĆČOQGDHNUmшщжмюыфШЩЖМЮЫФ—%@'])

/** The estimated width of a line of text at a font size, in the drawing's units. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let ems = 0
  for (const ch of text) {
    if (NARROW.has(ch)) ems += 0.32
    else if (WIDE.has(ch)) ems += 0.88
    else if (ch >= 'A' && ch <= 'Z') ems += 0.68
    else if (/\p{Lu}/u.test(ch)) ems += 0.7
    else if (ch >= '0' && ch <= '9') ems += 0.58
    else ems += 0.56
  }
  return ems * 1.12 * fontSize * (bold ? 1.1 : 1)
}

/**
 * A text broken into at most `maxLines` lines of at most `width`, at spaces (a word longer
 * than a line is cut). Whatever does not fit ends the last line with "…".
 */
export function wrapText(text: string, width: number, fontSize: number, maxLines: number, bold = false): string[] {
  const fits = (s: string) => textWidth(s, fontSize, bold) <= width
  const parts = text.replace(/\s+/g, ' ').trim().split(' ').filter(Boolean)
  const lines: string[] = []
  let line = ''
  let i = 0
  words: for (; i < parts.length; i++) {
    const word = parts[i]!
    const next = line ? `${line} ${word}` : word
    if (fits(next)) {
      line = next
      continue
    }
    if (line) {
      if (lines.length + 1 === maxLines) break
      lines.push(line)
      line = ''
    }
    // A word longer than a line is cut where it stops fitting.
    let rest = word
    while (!fits(rest)) {
      let cut = ''
      for (const ch of rest) {
        if (!fits(cut + ch)) break
        cut += ch
      }
      if (lines.length + 1 === maxLines) {
        line = cut
        break words
      }
      lines.push(cut)
      rest = rest.slice(cut.length)
    }
    line = rest
  }
  const truncated = i < parts.length
  if (line) lines.push(line)
  if (truncated && lines.length > 0) {
    let last = lines[lines.length - 1]!
    while (last && !fits(`${last}…`)) last = [...last].slice(0, -1).join('')
    lines[lines.length - 1] = `${last.trimEnd()}…`
  }
  return lines.slice(0, maxLines)
}

const tspans = (lines: string[], x: number, y: number) =>
  lines.map((l, i) => `<tspan x="${x}" y="${y + i * LINE}">${escapeXml(l)}</tspan>`).join('')

/** The chart as a standalone <svg> element. */
export function barChartSvg(chart: BarChart): string {
  const id = chart.id.replace(/[^A-Za-z0-9_-]/g, '')
  const max = Math.max(1, ...chart.bars.map((b) => b.value))
  const scale = (WIDTH - VALUE_WIDTH) / max
  const desc = chart.bars.length === 0 ? chart.empty : chart.bars.map((b) => `${b.label}: ${b.value}`).join('; ') + (chart.note ? `. ${chart.note}` : '')
  const body: string[] = []
  const titleLines = wrapText(chart.title, WIDTH, TITLE_FONT, 3, true)
  body.push(`<text y="0" font-weight="bold" font-size="${TITLE_FONT}" fill="#1f2328">${tspans(titleLines, 0, 16)}</text>`)
  let y = 16 + (titleLines.length - 1) * LINE + GAP
  if (chart.bars.length === 0) {
    const lines = wrapText(chart.empty, WIDTH, FONT, 3)
    body.push(`<text fill="#5b6470">${tspans(lines, 0, y + 14)}</text>`)
    y += lines.length * LINE
  }
  for (const bar of chart.bars) {
    const lines = wrapText(bar.label, WIDTH, FONT, MAX_LINES)
    // Cut short: the whole label is the bar's tooltip.
    const cut = lines.join(' ') !== bar.label.replace(/\s+/g, ' ').trim()
    const full = cut ? `<title>${escapeXml(`${bar.label}: ${bar.value}`)}</title>` : ''
    const width = Math.max(bar.value > 0 ? 2 : 0, Math.round(bar.value * scale))
    const barY = y + lines.length * LINE + 4
    body.push(
      `<g class="chart__bar">${full}` +
        `<text fill="#1f2328">${tspans(lines, 0, y + 13)}</text>` +
        `<rect x="0" y="${barY}" width="${width}" height="${BAR}" rx="2" fill="${TONES[bar.tone ?? 'primary']}"/>` +
        `<text x="${width + 6}" y="${barY + BAR - 2}" font-weight="600" fill="#1f2328">${bar.value}</text>` +
        `</g>`,
    )
    y = barY + BAR + GAP
  }
  if (chart.note) {
    const lines = wrapText(chart.note, WIDTH, FONT, 3)
    body.push(`<text fill="#5b6470">${tspans(lines, 0, y + 13)}</text>`)
    y += lines.length * LINE
  }
  const height = Math.ceil(y + 6)
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" ` +
      `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="system-ui, sans-serif" font-size="${FONT}">`,
    `<title id="${id}-title">${escapeXml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    ...body,
    '</svg>',
  ].join('')
}

/** The three charts of a report, each with its title and SVG. */
export interface ReportCharts {
  perArticle: { title: string; svg: string }
  perCategory: { title: string; svg: string }
  perStatus: { title: string; svg: string }
}

/** At most this many articles are drawn: those with the most comments, in the draft's order. */
export const MAX_ARTICLE_BARS = 25

/**
 * Comments per article (general comments and the memorandum included, the most commented
 * articles when there are many), per participant category, and answers by status.
 */
export function reportCharts(report: ConsolidatedReport, words: ReportVocabulary, idPrefix = 'report'): ReportCharts {
  const counted = report.sections.filter((s) => s.commentCount > 0)
  const articles = counted.filter((s) => s.kind === 'article')
  const kept = new Set(
    [...articles]
      .sort((a, b) => b.commentCount - a.commentCount)
      .slice(0, MAX_ARTICLE_BARS)
      .map((s) => s.articleId),
  )
  const articleBars: Bar[] = counted
    .filter((s) => s.kind !== 'article' || kept.has(s.articleId))
    .map((s) => ({
      label: s.kind === 'article' ? (s.label ?? '') : s.kind === 'general' ? words.wholeDraft : words.comments.memorandum,
      value: s.commentCount,
    }))
  const left = articles.length - kept.size

  const perCategory = new Map(report.participants.map((p) => [p.category, p.comments]))
  const categoryBars: Bar[] = PARTICIPANT_CATEGORIES.filter((c) => perCategory.has(c)).map((c) => ({
    label: words.categories[c],
    value: perCategory.get(c)!,
  }))
  const statusBars: Bar[] = REPORT_STATUSES.map((s: ReportStatus) => ({ label: words.statuses[s], value: report.counts.byStatus[s], tone: s }))

  const chart = (id: string, title: string, bars: Bar[], note?: string) => ({
    title,
    svg: barChartSvg({ id: `${idPrefix}-${id}`, title, bars, note, empty: words.charts.empty }),
  })
  return {
    perArticle: chart('articles', words.charts.perArticle, articleBars, left > 0 ? words.moreArticles(left) : undefined),
    perCategory: chart('categories', words.charts.perCategory, categoryBars),
    perStatus: chart('statuses', words.charts.perStatus, statusBars),
  }
}
