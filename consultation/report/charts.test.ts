import { describe, expect, it } from 'vitest'
import { assembleReport } from './assemble.ts'
import { answer, buildComment, buildOutline, buildReportData, onArticle } from './builders.ts'
import { barChartSvg, MAX_ARTICLE_BARS, reportCharts } from './charts.ts'
import { reportVocabulary } from './vocabulary.ts'

describe('barChartSvg', () => {
  it('draws an accessible chart: role img, <title> and <desc> with the data, a text label and number per bar', () => {
    const svg = barChartSvg({ id: 'c1', title: 'Statusi odgovora', bars: [{ label: 'Prihvaćen', value: 3 }, { label: 'Odbijen', value: 1, tone: 'rejected' }], empty: 'Nema podataka.' })
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]* role="img" aria-labelledby="c1-title c1-desc"/)
    expect(svg).toContain('<title id="c1-title">Statusi odgovora</title>')
    expect(svg).toContain('<desc id="c1-desc">Prihvaćen: 3; Odbijen: 1</desc>')
    expect(svg).toContain('>Prihvaćen</text>')
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
    expect(barChartSvg({ id: 'e', title: 'Prazno', bars: [], empty: 'Nema podataka.' })).toContain('>Nema podataka.</text>')
  })

  it('scales bars to the largest value', () => {
    const svg = barChartSvg({ id: 's', title: 't', bars: [{ label: 'a', value: 10 }, { label: 'b', value: 5 }], empty: '' })
    const widths = [...svg.matchAll(/<rect [^>]*width="(\d+)"/g)].map((m) => Number(m[1]))
    expect(widths[1]! * 2).toBeCloseTo(widths[0]!, -1)
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
    expect(charts.perArticle.title).toBe('Коментари по члановима')
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
    expect(svg).toContain('>Član 16.</text>')
    expect(svg).not.toContain('>Član 15.</text>')
    expect(svg.indexOf('>Član 16.<')).toBeLessThan(svg.indexOf('>Član 40.<'))
    expect(svg).toContain('Ostali članovi s komentarima: 15')
  })
})
