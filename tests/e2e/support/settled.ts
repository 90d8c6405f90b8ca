import type { Page } from '@playwright/test'

/**
 * Waits for what a person would wait for before judging a page: the theme they asked for
 * applied, fonts loaded, no loading shimmer, spinner or transition still running, and every
 * chart drawn. Instead of a fixed pause, which is too short on a loaded machine and wasted on
 * an idle one.
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.ready.then(() => undefined))
  await page.waitForFunction(() => {
    const running = document.getAnimations().filter((a) => a.playState === 'running')
    // ECharts marks each container it draws in with this attribute.
    const charts = [...document.querySelectorAll('[_echarts_instance_]')]
    return running.length === 0 && charts.every((chart) => chart.querySelector('svg, canvas') !== null)
  })
  // Two frames: the styles of the last change are computed and painted.
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))))
}
