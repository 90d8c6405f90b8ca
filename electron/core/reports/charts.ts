import { init, use, type EChartsCoreOption } from 'echarts/core'
import { BarChart, HeatmapChart } from 'echarts/charts'
import { CalendarComponent, GridComponent, LegendComponent, VisualMapComponent } from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'
import type { ReportHeatmap, ReportMonth, ReportRepository } from '@shared/domain/report'
import { month as monthLabel } from './reportText'
import { chartTheme } from './theme'

use([BarChart, HeatmapChart, CalendarComponent, GridComponent, LegendComponent, VisualMapComponent, SVGRenderer])


/**
 * One chart as an SVG string, drawn by ECharts' server-side renderer: no DOM, no canvas, no
 * script in the output. Charts are silent (no hover styles), since a document is not a UI.
 * ECharts escapes every label it draws, user text included.
 */
function renderSvg(width: number, height: number, option: EChartsCoreOption): string {
  const chart = init(null, null, { renderer: 'svg', ssr: true, width, height })
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: chartTheme.font, color: chartTheme.muted }, ...option })
    return chart.renderToSVGString()
  } finally {
    chart.dispose()
  }
}

/**
 * Calendar colours from the busiest day, like a contribution graph: none, then up to four
 * steps. (ECharts reads open-ended pieces only in the gte/lte form.)
 */
export function heatPieces(max: number): { gte: number; lte?: number; color: string }[] {
  const steps = max <= 4 ? Array.from({ length: Math.max(1, max) }, (_, i) => i + 1) : [1, Math.ceil(max * 0.25), Math.ceil(max * 0.5), Math.ceil(max * 0.75)]
  const unique = [...new Set(steps)].filter((n) => n >= 1)
  const shades = chartTheme.heat.slice(5 - unique.length)
  return [
    { gte: 0, lte: 0, color: chartTheme.heat[0] },
    ...unique.map((from, i) => {
      const next = unique[i + 1]
      return { gte: from, ...(next === undefined ? {} : { lte: next - 1 }), color: shades[i] ?? chartTheme.primary }
    }),
  ]
}

/** The heatmap's calendar rows: one per calendar year the days cover, clipped to the days drawn. */
export function heatmapYears(h: Pick<ReportHeatmap, 'from' | 'to'>): { from: string; to: string }[] {
  const out: { from: string; to: string }[] = []
  for (let year = Number(h.from.slice(0, 4)); year <= Number(h.to.slice(0, 4)); year++) {
    out.push({ from: year === Number(h.from.slice(0, 4)) ? h.from : `${year}-01-01`, to: year === Number(h.to.slice(0, 4)) ? h.to : `${year}-12-31` })
  }
  return out
}

export function heatmapChart(h: ReportHeatmap, width: number): string {
  const years = heatmapYears(h)
  const multi = years.length > 1
  // One row per year, each as wide as the longest year's weeks; a single short period gets bigger cells.
  const weeks = Math.max(...years.map((y) => Math.ceil((Date.parse(y.to) - Date.parse(y.from)) / 86_400_000 / 7) + 2))
  const left = multi ? 62 : 34
  const cell = Math.max(6, Math.min(15, Math.floor((width - left - 8) / weeks)))
  const rowHeight = cell * 7 + 28
  const height = rowHeight * years.length + 6
  return renderSvg(width, height, {
    visualMap: { show: false, type: 'piecewise', pieces: heatPieces(h.max), seriesIndex: years.map((_, i) => i) },
    calendar: years.map((y, i) => ({
      range: [y.from, y.to],
      left,
      top: 22 + i * rowHeight,
      cellSize: [cell, cell],
      orient: 'horizontal',
      splitLine: { show: false },
      itemStyle: { borderColor: '#ffffff', borderWidth: 2, color: chartTheme.heat[0] },
      yearLabel: { show: multi, position: 'left', margin: 30, fontSize: 10, color: chartTheme.ink },
      dayLabel: { firstDay: 1, nameMap: ['', 'Mon', '', 'Wed', '', 'Fri', ''], fontSize: 9, color: chartTheme.muted },
      monthLabel: { nameMap: 'EN', fontSize: 9, color: chartTheme.muted, margin: 6 },
    })),
    series: years.map((y, i) => ({
      type: 'heatmap',
      coordinateSystem: 'calendar',
      calendarIndex: i,
      silent: true,
      emphasis: { disabled: true },
      data: h.days.filter((d) => d.date >= y.from && d.date <= y.to).map((d) => [d.date, d.count]),
    })),
  })
}

export function monthlyChart(months: readonly ReportMonth[], width: number): string {
  const years = new Set(months.map((m) => m.month.slice(0, 4)))
  const label = (m: string) => (years.size > 1 ? monthLabel(m).replace(/ (\d\d)(\d\d)$/, ' ’$2') : monthLabel(m).slice(0, 3))
  const bar = { type: 'bar', stack: 'all', silent: true, emphasis: { disabled: true }, barMaxWidth: 26 }
  return renderSvg(width, 190, {
    grid: { left: 36, right: 8, top: 30, bottom: 26 },
    legend: { top: 0, right: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 10, color: chartTheme.muted }, selectedMode: false },
    xAxis: {
      type: 'category',
      data: months.map((m) => label(m.month)),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: chartTheme.grid } },
      axisLabel: { fontSize: 9, color: chartTheme.muted, interval: months.length > 18 ? Math.ceil(months.length / 12) - 1 : 0 },
    },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: chartTheme.grid } }, axisLabel: { fontSize: 9, color: chartTheme.muted } },
    series: [
      { ...bar, name: 'Open source', data: months.map((m) => m.openSource), itemStyle: { color: chartTheme.primary } },
      { ...bar, name: 'Other work', data: months.map((m) => m.strategyWork), itemStyle: { color: chartTheme.secondary, borderRadius: [2, 2, 0, 0] } },
    ],
  })
}

/** The repositories with the most merged pull requests, as horizontal bars. */
export function repositoriesChart(repos: readonly ReportRepository[], width: number): string {
  const top = repos.slice(0, 8).reverse()
  const bar = { type: 'bar', stack: 'all', silent: true, emphasis: { disabled: true }, barWidth: 14 }
  return renderSvg(width, top.length * 26 + 46, {
    grid: { left: 190, right: 16, top: 26, bottom: 22 },
    legend: { top: 0, right: 0, itemWidth: 10, itemHeight: 10, textStyle: { fontSize: 10, color: chartTheme.muted }, selectedMode: false },
    xAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: chartTheme.grid } }, axisLabel: { fontSize: 9, color: chartTheme.muted } },
    yAxis: {
      type: 'category',
      data: top.map((r) => r.repo),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: chartTheme.grid } },
      axisLabel: { fontSize: 10, color: chartTheme.ink, width: 180, overflow: 'truncate' },
    },
    series: [
      { ...bar, name: 'Merged pull requests', data: top.map((r) => r.mergedPullRequests), itemStyle: { color: chartTheme.primary } },
      { ...bar, name: 'Other contributions', data: top.map((r) => r.contributions - r.mergedPullRequests), itemStyle: { color: chartTheme.light } },
    ],
  })
}
