import { describe, expect, it } from 'vitest'
import { assembleReport } from './assemble.ts'
import { answer, buildComment, buildOutline, buildReportData, onArticle } from './builders.ts'
import { barChartSvg, MAX_ARTICLE_BARS, reportCharts, textWidth, WIDTH, wrapText } from './charts.ts'
import { reportVocabulary } from './vocabulary.ts'

describe('barChartSvg', () => {
  it('draws an accessible chart: role img, <title> and <desc> with the data, a text label and number per bar', () => {
    const svg = barChartSvg({ id: 'c1', title: 'Statusi odgovora', bars: [{ label: 'Prihvaćen', value: 3 }, { label: 'Odbijen', value: 1, tone: 'rejected' }], empty: 'Nema podataka.' })
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="c1-title c1-desc"/)
    expect(svg).toContain('<title id="c1-title">Statusi odgovora</title>')
    expect(svg).toContain('<desc id="c1-desc">Prihvaćen: 3; Odbijen: 1</desc>')
    expect(svg).toContain('>Prihvaćen</tspan>')
    expect(svg).toContain('>3</text>')
    expect(svg).toContain('fill="#b42318"')
    expect(svg).not.toMatch(/<script|on\w+=/)
  })

  it('escapes labels, so text from a draft cannot become markup', () => {
    const svg = barChartSvg({ id: 'x"><script>', title: 'A & B', bars: [{ label: '<b>Član</b> "5"', value: 1 }], empty: '' })
    expect(svg).not.toContain('<script>')
    expect(svg).not.toContain('<b>')
    expect(svg).toContain('&lt;b&gt;Član&lt;/b&gt; &quot;5&quot;')
    expect(svg).toContain('A &amp; B')
  })

  it('says so when there is nothing to draw', () => {
    expect(barChartSvg({ id: 'e', title: 'Prazno', bars: [], empty: 'Nema podataka.' })).toContain('>Nema podataka.</tspan>')
  })

  it('scales bars to the largest value', () => {
    const svg = barChartSvg({ id: 's', title: 't', bars: [{ label: 'a', value: 10 }, { label: 'b', value: 5 }], empty: '' })
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]))
    expect(widths[1]! * 2).toBeCloseTo(widths[0]!, -1)
  })
})

describe('chart labels', () => {
  const LONG = 'Udruženja i fondacije (nevladine organizacije) koje se bave socijalnom zaštitom, pravima osoba s invaliditetom i porodicama s djecom'
  const lines = (svg: string) => [...svg.matchAll(/<tspan x="([\d.-]+)"[^>]*>([^<]*)<\/tspan>/g)].map((m) => ({ x: Number(m[1]), text: m[2]! }))

  it('is drawn narrow enough to be shown at its own size on a phone, so 13-unit text stays 12–13 px', () => {
    const svg = barChartSvg({ id: 'w', title: 't', bars: [{ label: 'a', value: 1 }], empty: '' })
    expect(WIDTH).toBeLessThanOrEqual(360)
    expect(svg).toContain(`viewBox="0 0 ${WIDTH} `)
    expect(svg).toContain('font-size="13"')
  })

  it('puts every label above its bar from the left edge, never right-aligned into negative x', () => {
    const svg = barChartSvg({ id: 'l', title: 'Komentari', bars: [{ label: LONG, value: 7 }, { label: 'Komentari na obrazloženje', value: 2 }], empty: '' })
    expect(svg).not.toContain('text-anchor="end"')
    for (const line of lines(svg)) {
      expect(line.x).toBeGreaterThanOrEqual(0)
      expect(textWidth(line.text, 13)).toBeLessThanOrEqual(WIDTH)
    }
  })

  it('wraps a long label onto two lines and cuts the rest at the end with “…”, the whole label in a <title>', () => {
    const svg = barChartSvg({ id: 'c', title: 'Kategorije', bars: [{ label: LONG, value: 7 }], empty: '' })
    const bar = svg.slice(svg.indexOf('<g class="chart__bar">'))
    const shown = lines(bar)
    expect(shown).toHaveLength(2)
    expect(shown[0]!.text.startsWith('Udruženja i fondacije')).toBe(true)
    expect(shown[1]!.text.endsWith('…')).toBe(true)
    expect(bar).toContain(`<title>${LONG}: 7</title>`)
    // A label that fits is drawn whole, without a tooltip of its own.
    const short = barChartSvg({ id: 's', title: 'K', bars: [{ label: 'Građani', value: 3 }], empty: '' })
    expect(short).toContain('>Građani</tspan>')
    expect(short.slice(short.indexOf('<g'))).not.toContain('<title>')
  })

  it('cuts a single word longer than a line', () => {
    const [first, second] = wrapText('x'.repeat(200), 100, 13, 2)
    expect(textWidth(first!, 13)).toBeLessThanOrEqual(100)
    expect(second!.endsWith('…')).toBe(true)
    expect(textWidth(second!, 13)).toBeLessThanOrEqual(100)
    expect(wrapText('Član 5.', 100, 13, 2)).toEqual(['Član 5.'])
  })
})

describe('reportCharts', () => {
  it('charts comments per article, per participant category and answers by status, in the report’s language', () => {
    const outline = buildOutline()
    const report = assembleReport(
      buildReportData({
        outline,
        comments: [
          onArticle(outline, 0, { response: answer('accepted') }),
          onArticle(outline, 0, { organisation: { id: 'o', name: 'Udruženje', kind: 'ngo' } }),
          onArticle(outline, 2, { response: answer('rejected') }),
          buildComment({}),
        ],
      }),
      { lang: 'sr-Cyrl', audience: 'public' },
    )
    const charts = reportCharts(report, reportVocabulary('sr-Cyrl'))
    expect(charts.perArticle.title).toBe('Објављени коментари по члановима')
    expect(charts.perArticle.svg).toContain('<desc id="report-articles-desc">Нацрт у цјелини: 1; Члан 1.: 2; Члан 3.: 1</desc>')
    expect(charts.perCategory.svg).toContain('Грађани: 3; Удружења и фондације (невладине организације): 1')
    expect(charts.perStatus.svg).toContain('Прихваћен: 1; Дјелимично прихваћен: 0; Одбијен: 1; Примљен к знању: 0; Без одговора: 2')
  })

  it('draws only the most commented articles of a long act, in the draft’s order, and says how many more there are', () => {
    const text = ['ZAKON O PROBI', ...Array.from({ length: 40 }, (_, i) => `Član ${i + 1}.\nTekst člana ${i + 1}.`)].join('\n')
    const outline = buildOutline(text)
    const comments = Array.from({ length: 40 }, (_, i) => Array.from({ length: i + 1 }, () => onArticle(outline, i))).flat()
    const report = assembleReport(buildReportData({ outline, comments }), { lang: 'bs', audience: 'public' })
    const { svg } = reportCharts(report, reportVocabulary('bs')).perArticle
    expect(svg.match(/class="chart__bar"/g)).toHaveLength(MAX_ARTICLE_BARS)
    expect(svg).toContain('>Član 16.</tspan>')
    expect(svg).not.toContain('>Član 15.</tspan>')
    expect(svg.indexOf('>Član 16.<')).toBeLessThan(svg.indexOf('>Član 40.<'))
    expect(svg).toContain('Ostali članovi s komentarima: 15')
  })
})
