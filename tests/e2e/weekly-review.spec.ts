import { expect, test, type Page } from '@playwright/test'
import { addDays, format } from 'date-fns'
import { TZDate } from '@date-fns/tz'
import { apiFor, value } from './support/hostApi'
import { settled } from './support/settled'
import { makeDataDir, startHost } from './support/webHost'

const screensDir = 'test-results/screenshots/review'

/**
 * Due-date reminders start at 09:00 on the person's clock: the page runs in a zone where it is
 * now between 10:00 and 21:59, whatever the hour of the machine, so the story never waits.
 */
const zones = ['UTC', 'Asia/Tokyo', 'Pacific/Kiritimati', 'Europe/Berlin', 'America/New_York', 'Pacific/Honolulu', 'Asia/Kolkata']
const zone = zones.find((z) => {
  const hour = new TZDate(Date.now(), z).getHours()
  return hour >= 10 && hour <= 21
})
test.use({ timezoneId: zone ?? 'UTC', viewport: { width: 1024, height: 800 } })

async function shoot(page: Page, name: string): Promise<void> {
  for (const [colorScheme, suffix] of [['light', 'light'], ['dark', 'dark']] as const) {
    await page.emulateMedia({ colorScheme })
    await settled(page)
    await page.screenshot({ path: `${screensDir}/${name}-${suffix}.png`, animations: 'disabled' })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test("turning the weekly review on, writing this week's from the log, and a milestone due tomorrow in a banner", async ({ page }) => {
  expect(zone, 'one of the zones has its clock between 10:00 and 21:59').toBeDefined()
  const host = await startHost(makeDataDir())
  const api = apiFor(host)
  const today = format(new Date(), 'yyyy-MM-dd')
  const tomorrow = format(addDays(new TZDate(Date.now(), zone ?? 'UTC'), 1), 'yyyy-MM-dd')
  value(await api.activities.create({ kind: 'pull-request', date: today, title: 'Stream backpressure in fetch', repo: 'nodejs/undici', impact: 'Halved memory under load' }))
  value(await api.goals.create({ title: 'Ship a Node.js service', startDate: '2026-01-01', milestones: [{ title: 'Design the API', dueDate: tomorrow }] }))

  await page.goto(`${host.url}`)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  // Nothing is asked or shown before the person turns reminders on.
  await expect(page.getByRole('region', { name: /Reminder/ })).toBeHidden()

  await page.getByRole('link', { name: 'Settings' }).click()
  const reminders = page.getByRole('region', { name: 'Reminders' })
  await reminders.getByRole('checkbox', { name: /Remind me of goals and milestones due/ }).check()
  await reminders.getByRole('checkbox', { name: /Ask me for a weekly review/ }).check()
  await reminders.getByRole('combobox', { name: 'Day' }).selectOption({ label: 'Sunday' })
  await reminders.getByLabel('Time').fill('18:30')
  await reminders.getByRole('button', { name: 'Save reminders' }).click()
  await expect(page.getByText('Reminders saved.')).toBeVisible()
  await reminders.scrollIntoViewIfNeeded()
  await shoot(page, 'reminder-settings')
  value(await api.reminders.settings(undefined))
  expect(value(await api.reminders.settings(undefined)).weeklyReview).toEqual({ enabled: true, weekday: 0, time: '18:30' })

  // The browser may not notify (headless Chromium denies), so the reminder is listed in the page.
  const banner = page.getByRole('region', { name: 'Reminder' })
  await expect(banner.getByText('Due tomorrow: Design the API')).toBeVisible()
  await expect(banner.getByText('A milestone of “Ship a Node.js service”, due tomorrow.')).toBeVisible()
  await page.evaluate(() => window.scrollTo(0, 0))
  await shoot(page, 'reminder-banner')

  // From the command palette, the review of this week opens with the week's work filled in.
  await page.keyboard.press('Control+k')
  await page.keyboard.type('weekly review')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: /Weekly review/ })
  await expect(dialog.getByText('This week in your log')).toBeVisible()
  await expect(dialog.getByRole('listitem').filter({ hasText: 'Stream backpressure in fetch' })).toBeVisible()
  await expect(dialog.getByLabel('What did you ship?')).toHaveValue('- Stream backpressure in fetch — Halved memory under load')
  await dialog.getByLabel('What did you learn?').fill('How undici applies backpressure to response bodies.')
  await dialog.getByLabel('What do you want next?').fill('Give the streams talk at the meetup.')
  await shoot(page, 'weekly-review-dialog')
  await dialog.getByRole('button', { name: 'Save review' }).click()
  await expect(dialog).toBeHidden()

  // The entry is listed to reread, with what was written.
  const entry = page.getByRole('listitem').filter({ hasText: 'Give the streams talk at the meetup.' })
  await expect(entry).toBeVisible()
  await expect(entry.getByText('- Stream backpressure in fetch — Halved memory under load')).toBeVisible()
  await shoot(page, 'weekly-reviews-list')
  for (const width of [800, 1400]) {
    await page.setViewportSize({ width, height: 800 })
    await settled(page)
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), `the reviews at ${width}px scroll sideways`).toBeLessThanOrEqual(0)
  }
  await page.setViewportSize({ width: 1024, height: 800 })

  // Editing the same week updates it rather than adding a second entry.
  await entry.getByRole('button', { name: /Edit the review of/ }).click()
  await expect(dialog.getByLabel('What do you want next?')).toHaveValue('Give the streams talk at the meetup.')
  await dialog.getByLabel('What do you want next?').fill('Give the streams talk, then write it up.')
  await dialog.getByRole('button', { name: 'Update review' }).click()
  await expect(page.getByText('Give the streams talk, then write it up.')).toBeVisible()
  expect(value(await api.reviews.list(undefined))).toHaveLength(1)

  // Dismissed, the reminder is gone, and stays gone after a reload.
  await banner.getByRole('button', { name: 'Dismiss: Due tomorrow: Design the API' }).click()
  await expect(banner).toBeHidden()
  await page.reload()
  await expect(page.getByRole('heading', { name: 'Weekly reviews', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: /Reminder/ })).toBeHidden()

  // The dashboard opens the review too, its header buttons fitting an 800 px window.
  await page.setViewportSize({ width: 800, height: 700 })
  await page.goto(`${host.origin}/#/`)
  await page.getByRole('button', { name: 'Weekly review' }).click()
  await expect(dialog.getByLabel('What do you want next?')).toHaveValue('Give the streams talk, then write it up.')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await page.goto(`${host.origin}/#/`)
  await expect(page.getByRole('button', { name: 'Weekly review' })).toBeVisible()
  await shoot(page, 'dashboard-800')
  await host.stop()
})
