import { mkdirSync } from 'node:fs'
import { expect, test } from '@playwright/test'
import { apiFor, value } from './support/hostApi'
import { settled } from './support/settled'
import { addressAt, makeDataDir, startHost } from './support/webHost'

test('dates follow the browser, or the format chosen in Settings, on every view at once', async ({ page }) => {
  const host = await startHost(makeDataDir())
  const api = apiFor(host)
  value(await api.profile.finishOnboarding(undefined))
  value(await api.goals.create({ title: 'Ship the webhook retries', startDate: '2026-01-01', targetDate: '2030-12-24' }))
  await page.goto(addressAt(host, '/goals'))
  const goal = page.getByRole('article', { name: 'Ship the webhook retries' })
  // The browser here speaks en-US (playwright.config.ts).
  await expect(goal).toContainText('Dec 24, 2030')

  await page.keyboard.press('Control+7')
  const dates = page.getByRole('combobox', { name: 'Date format' })
  await dates.selectOption('de-DE')
  mkdirSync('test-results/screenshots/polish', { recursive: true })
  for (const width of [800, 1400]) {
    await page.setViewportSize({ width, height: 900 })
    await page.getByRole('heading', { name: 'Dates' }).scrollIntoViewIfNeeded()
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await settled(page)
      await page.screenshot({ path: `test-results/screenshots/polish/settings-dates-${width}-${colorScheme}.png`, animations: 'disabled' })
    }
  }
  await page.keyboard.press('Control+3')
  await expect(goal).toContainText('24. Dez. 2030')
  // Kept for the next visit.
  await page.reload()
  await expect(goal).toContainText('24. Dez. 2030')
  await host.stop()
})
