import { expect, test, type Locator, type Page } from '@playwright/test'
import { settled } from './settled'

/**
 * The web project's shots in `test-results/screenshots`, another project's (desktop-ipc runs the
 * same stories) in a folder of its own, so neither overwrites the other.
 */
export function shotsDir(): string {
  const project = test.info().project.name
  return project === 'web' ? 'test-results/screenshots' : `test-results/screenshots/${project}`
}

/**
 * Saves `name.png` and `name-dark.png`: both themes are looked at before a release. The
 * charts read their colours again when the scheme changes, so each shot waits for the page to settle.
 *
 * A whole page is taken by growing the window to the page's height, not with Playwright's
 * fullPage: the sidebar is sticky and 100vh tall, and a stitched capture shows it ending
 * halfway down, which the app never does. Dialogs are taken at the window's own size.
 */
export async function screenshot(page: Page, name: string, { wholePage = true } = {}): Promise<void> {
  const viewport = page.viewportSize()
  try {
    if (wholePage && viewport) {
      const height = await page.evaluate(() => document.documentElement.scrollHeight)
      if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height })
    }
    for (const [colorScheme, suffix] of [['light', ''], ['dark', '-dark']] as const) {
      await page.emulateMedia({ colorScheme })
      await settled(page)
      await page.screenshot({ path: `${shotsDir()}/${name}${suffix}.png`, animations: 'disabled' })
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' })
    if (viewport) await page.setViewportSize(viewport)
  }
}

/**
 * A part of the page at each width, in both themes, each checked for sideways scrolling:
 * `dir/name-<width>.png` and `dir/name-<width>-dark.png`. The window stays at the last width.
 */
export async function screenshotAtWidths(page: Page, part: Locator, dir: string, name: string, widths: readonly number[] = [800, 1024, 1400]): Promise<void> {
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 })
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme })
      await settled(page)
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
      await part.screenshot({ path: `${dir}/${name}-${width}${scheme === 'dark' ? '-dark' : ''}.png` })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
}
