import { expect, test } from '@playwright/test'
import { apiFor, value } from './support/hostApi'
import { screenshot } from './support/screenshots'
import { makeDataDir, startHost } from './support/webHost'

// The keys the desktop menu shows, working in the page itself (the same code in both hosts).
test('the keyboard reaches every view and action, and ? shows the sheet of shortcuts', async ({ page }) => {
  const host = await startHost(makeDataDir())
  // A log with something in it, since an empty one offers no search.
  value(await apiFor(host).activities.create({ kind: 'blog-post', date: '2026-10-12', title: 'Virtual threads in practice' }))
  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()

  await page.keyboard.press('Shift+?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  await expect(sheet.getByRole('term').filter({ hasText: 'Log activity' })).toBeVisible()
  await expect(sheet.getByText('Ctrl+Shift+L')).toBeVisible()
  await screenshot(page, 'shortcuts-sheet', { wholePage: false })
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()

  await page.keyboard.press('Control+2')
  await expect(page.getByRole('heading', { name: 'Roadmap', level: 1 })).toBeVisible()
  await page.keyboard.press('Control+5')
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible()

  await page.keyboard.press('Control+Shift+G')
  await expect(page.getByRole('dialog', { name: /goal/i })).toBeVisible()
  await page.keyboard.press('Escape')

  // '/' searches the log; typed into a field, it is only a character.
  await page.keyboard.press('/')
  const search = page.getByRole('searchbox', { name: 'Search activities' })
  await expect(search).toBeFocused()
  await page.keyboard.type('a/b')
  await expect(search).toHaveValue('a/b')

  await page.keyboard.press('Control+Shift+L')
  await expect(page.getByRole('dialog', { name: 'Log an activity' })).toBeVisible()
  await page.keyboard.press('Escape')

  // The theme key flips what shows, whatever the OS prefers.
  const dark = () => page.evaluate(() => document.documentElement.getAttribute('data-theme'))
  await page.locator('body').click({ position: { x: 5, y: 5 } })
  await page.keyboard.press('Control+Shift+D')
  const first = await dark()
  await page.keyboard.press('Control+Shift+D')
  expect([first, await dark()].sort()).toEqual(['dark', 'light'])
  await host.stop()
})
