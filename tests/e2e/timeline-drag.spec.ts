import { mkdirSync } from 'node:fs'
import { addDays, addMonths, format } from 'date-fns'
import { expect, test } from '@playwright/test'
import { apiFor, value } from './support/hostApi'
import { settled } from './support/settled'
import { addressAt, makeDataDir, startHost } from './support/webHost'

const iso = (date: Date) => format(date, 'yyyy-MM-dd')

test('a goal is dragged along the timeline, moved a month by keys, and put back with Undo', async ({ page }) => {
  const host = await startHost(makeDataDir())
  const api = apiFor(host)
  const start = addMonths(new Date(), 1)
  const target = addMonths(start, 3)
  const goal = value(await api.goals.create({ title: 'Learn Kafka', startDate: iso(start), targetDate: iso(target) }))
  const stored = async () => {
    const now = value(await api.goals.get({ goalId: goal.id }))
    return { startDate: now.startDate, targetDate: now.targetDate }
  }
  await page.goto(addressAt(host, '/timeline'))
  const bar = page.getByRole('button', { name: /^Move Learn Kafka/ })
  await expect(bar).toBeVisible()
  await settled(page)

  // Thirty days to the right, in the plot's own pixels per day.
  const pxPerDay = await page.locator('.rows').evaluate((el) => el.getBoundingClientRect().width / Number(el.getAttribute('data-days')))
  const box = await bar.boundingBox()
  if (!box) throw new Error('The bar has no box')
  const y = box.y + box.height / 2
  const x = box.x + box.width / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  await page.mouse.move(x + 15 * pxPerDay, y, { steps: 4 })
  await page.mouse.move(x + 30 * pxPerDay, y, { steps: 4 })
  await page.mouse.up()
  const moved = { startDate: iso(addDays(start, 30)), targetDate: iso(addDays(target, 30)) }
  await expect.poll(stored).toEqual(moved)
  await expect(page.getByRole('dialog')).toHaveCount(0)
  const movedNotice = page.getByRole('status').locator('.notice', { hasText: /^Moved “Learn Kafka”/ })
  await expect(movedNotice).toBeVisible()
  const dragText = (await movedNotice.textContent()) ?? ''

  // By keys: the focused bar a month on, then that move's own Undo puts it back (the core can
  // store the move before the page shows its notice, so the drag's notice may be the only one yet).
  await bar.focus()
  await page.keyboard.press('Alt+ArrowRight')
  await expect.poll(stored).toEqual({ startDate: iso(addMonths(addDays(start, 30), 1)), targetDate: iso(addMonths(addDays(target, 30), 1)) })
  await page.getByRole('status').locator('.notice', { hasText: /^Moved “Learn Kafka”/ }).filter({ hasNotText: dragText }).getByRole('button', { name: 'Undo' }).click()
  await expect.poll(stored).toEqual(moved)

  mkdirSync('test-results/screenshots/polish', { recursive: true })
  for (const width of [800, 1024, 1400]) {
    await page.setViewportSize({ width, height: 900 })
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await settled(page)
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0)
      await page.screenshot({ path: `test-results/screenshots/polish/timeline-${width}-${colorScheme}.png`, animations: 'disabled' })
    }
  }
  await host.stop()
})
