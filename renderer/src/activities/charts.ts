import { use, type ComposeOption } from 'echarts/core'
import { BarChart, HeatmapChart, type BarSeriesOption, type HeatmapSeriesOption } from 'echarts/charts'
import {
  CalendarComponent,
  GridComponent,
  TooltipComponent,
  VisualMapPiecewiseComponent,
  type CalendarComponentOption,
  type GridComponentOption,
  type TooltipComponentOption,
  type VisualMapComponentOption,
} from 'echarts/components'
import { SVGRenderer } from 'echarts/renderers'

// Only what the insights draw, so the rest of ECharts stays out of the bundle. SVG: crisp at
// any zoom, and its shapes are plain DOM.
use([SVGRenderer, HeatmapChart, BarChart, CalendarComponent, GridComponent, TooltipComponent, VisualMapPiecewiseComponent])

export type HeatmapOption = ComposeOption<HeatmapSeriesOption | CalendarComponentOption | TooltipComponentOption | VisualMapComponentOption>
export type BarOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>

/** The chart tokens, resolved to colours by useTokenColors. */
export const chartTokens = [
  '--heat-0',
  '--heat-1',
  '--heat-2',
  '--heat-3',
  '--heat-4',
  '--color-surface',
  '--color-border',
  '--color-text',
  '--color-text-muted',
  '--color-text-faint',
  '--color-accent',
  '--color-bg',
] as const
export type ChartToken = (typeof chartTokens)[number]

/** One place for the tooltip's look, so both charts read the same in light and dark. */
export function tooltipStyle(color: (token: ChartToken) => string) {
  return {
    backgroundColor: color('--color-text'),
    borderWidth: 0,
    padding: [6, 10],
    textStyle: { color: color('--color-bg'), fontSize: 12, fontFamily: 'inherit' },
    extraCssText: 'border-radius: 8px; box-shadow: var(--shadow-m);',
  }
}
