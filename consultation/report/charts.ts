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

const WIDTH = 640
const LABEL_WIDTH = 230
const VALUE_WIDTH = 56
const ROW = 24
const TOP = 32
const MAX_LABEL = 34

/** Text safe inside SVG elements and attributes. */
export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

const short = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1).trimEnd()}…` : label)

/** The chart as a standalone <svg> element. */
export function barChartSvg(chart: BarChart): string {
  const id = chart.id.replace(/[^A-Za-z0-9_-]/g, '')
  const max = Math.max(1, ...chart.bars.map((b) => b.value))
  const scale = (WIDTH - LABEL_WIDTH - VALUE_WIDTH) / max
  const rows = Math.max(chart.bars.length, 1)
  const height = TOP + rows * ROW + (chart.note ? ROW : 0) + 8
  const desc = chart.bars.length === 0 ? chart.empty : chart.bars.map((b) => `${b.label}: ${b.value}`).join('; ') + (chart.note ? `. ${chart.note}` : '')
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" aria-labelledby="${id}-title ${id}-desc" ` +
      `viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" font-family="system-ui, sans-serif" font-size="13">`,
    `<title id="${id}-title">${escapeXml(chart.title)}</title>`,
    `<desc id="${id}-desc">${escapeXml(desc)}</desc>`,
    `<text x="0" y="18" font-weight="bold" font-size="15" fill="#1f2328">${escapeXml(chart.title)}</text>`,
  ]
  if (chart.bars.length === 0) {
    out.push(`<text x="0" y="${TOP + 16}" fill="#5b6470">${escapeXml(chart.empty)}</text>`)
  }
  chart.bars.forEach((bar, i) => {
    const y = TOP + i * ROW
    const width = Math.max(bar.value > 0 ? 2 : 0, Math.round(bar.value * scale))
    out.push(
      `<g class="chart__bar">` +
        `<text x="${LABEL_WIDTH - 8}" y="${y + 16}" text-anchor="end" fill="#1f2328">${escapeXml(short(bar.label))}</text>` +
        `<rect x="${LABEL_WIDTH}" y="${y + 4}" width="${width}" height="${ROW - 8}" rx="2" fill="${TONES[bar.tone ?? 'primary']}"/>` +
        `<text x="${LABEL_WIDTH + width + 6}" y="${y + 16}" fill="#1f2328">${bar.value}</text>` +
        `</g>`,
    )
  })
  if (chart.note) out.push(`<text x="0" y="${TOP + rows * ROW + 16}" fill="#5b6470">${escapeXml(chart.note)}</text>`)
  out.push('</svg>')
  return out.join('')
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
