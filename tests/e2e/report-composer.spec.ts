import { mkdirSync } from 'node:fs'
import { expect, test } from './support/appTest'
import { value } from './support/hostApi'
import { settled } from './support/settled'
import { makeDataDir } from './support/webHost'

const shots = 'test-results/screenshots/reportfix'

test('the composer remembers each template, the preview zooms and opens full size at 1024 px, and an activity is starred from its row', async ({ page, startApp }) => {
  test.setTimeout(120_000)
  mkdirSync(shots, { recursive: true })
  const host = await startApp(makeDataDir())
  try {
    const today = new Date().toISOString().slice(0, 10)
    value(await host.api.activities.create({ kind: 'pull-request', date: today, title: 'Fix async error handling in router', url: 'https://github.com/expressjs/express/pull/6001', state: 'merged', impact: 'Unblocked the 5.0 release' }))
    await page.setViewportSize({ width: 1024, height: 800 })
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()

    const options = page.getByRole('region', { name: 'Report options' })
    await options.getByRole('radio', { name: 'Job application' }).check()
    await options.getByRole('textbox', { name: 'Name' }).fill('Alex Doe')
    await options.getByRole('textbox', { name: 'Job title' }).fill('Backend Developer')
    const preview = page.frameLocator('iframe[title^="Preview of the report"]')
    await expect(preview.getByText('Alex Doe · Backend Developer')).toBeVisible()
    await expect(page.getByText('Updating…')).toBeHidden()

    // Fitted to the column the page is small; zoomed in it reads, and the window still does not scroll sideways.
    const size = page.getByRole('group', { name: 'Preview size' })
    await size.getByRole('button', { name: 'Zoom in' }).click()
    await size.getByRole('button', { name: 'Zoom in' }).click()
    await expect(size.getByRole('button', { name: /^\d+%: fit the page to the column$/ })).toHaveAttribute('aria-pressed', 'false')
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true)
    await settled(page)
    await page.screenshot({ path: `${shots}/preview-zoomed-1024.png` })

    const opener = size.getByRole('button', { name: 'Open full size' })
    await opener.click()
    const full = page.getByRole('dialog', { name: 'The report at full size' })
    await expect(full).toBeVisible()
    await expect(full.getByRole('button', { name: 'Close full size' })).toBeFocused()
    await settled(page)
    await page.screenshot({ path: `${shots}/preview-full-size-1024.png` })
    await page.keyboard.press('Escape')
    await expect(full).toBeHidden()
    await expect(opener).toBeFocused()

    // The next visit starts where this one ended: the template, its author and title.
    await expect.poll(async () => value(await host.api.reports.composerMemory(undefined)).byTemplate['job-application']?.author.name).toBe('Alex Doe')
    await page.reload()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()
    await expect(options.getByRole('radio', { name: 'Job application' })).toBeChecked()
    await expect(options.getByRole('textbox', { name: 'Name' })).toHaveValue('Alex Doe')

    // A star from the activity's row, through the activities channel.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activities' }).click()
    const star = page.getByRole('button', { name: 'Star Fix async error handling in router' })
    await expect(star).toHaveAttribute('aria-pressed', 'false')
    await star.click()
    await expect(star).toHaveAttribute('aria-pressed', 'true')
    expect(value(await host.api.activities.list({})).rows[0]?.starred).toBe(true)
    await settled(page)
    await page.screenshot({ path: `${shots}/activity-starred-1024.png` })
    await page.emulateMedia({ colorScheme: 'dark' })
    await settled(page)
    await page.screenshot({ path: `${shots}/activity-starred-1024-dark.png` })
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()
    await expect(page.getByText('Updating…')).toBeHidden()
    await settled(page)
    await page.screenshot({ path: `${shots}/reports-1024-dark.png` })
    await page.emulateMedia({ colorScheme: 'light' })
  } finally {
    await host.stop()
  }
})
