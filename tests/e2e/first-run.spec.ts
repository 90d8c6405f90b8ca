import { expect, test } from '@playwright/test'
import { screenshot } from './support/screenshots'
import { makeDataDir, startHost } from './support/webHost'

test('an empty data folder is introduced once, by keyboard; Settings keeps the profile', async ({ page }) => {
  const host = await startHost(makeDataDir())
  await page.goto(host.url)
  const intro = page.getByRole('region', { name: 'Who you are' })
  await expect(intro).toBeVisible()
  for (const width of [1400, 800]) {
    await page.setViewportSize({ width, height: 900 })
    await screenshot(page, `first-run-${width}`, { wholePage: false })
  }
  await page.setViewportSize({ width: 1400, height: 900 })

  await intro.getByRole('textbox', { name: 'Your name' }).fill('Ada Lovelace')
  await intro.getByRole('textbox', { name: 'Job title' }).fill('Backend developer')
  await intro.getByRole('textbox', { name: 'Commit emails' }).fill('ada@example.com')
  await intro.getByRole('textbox', { name: 'GitHub username' }).press('Enter')
  const tracks = page.getByRole('region', { name: 'Where you are heading' })
  // One track picker on the page: the introduction's, not the dashboard's beside it.
  await expect(page.getByRole('button', { name: 'Target: Node.js Developer' })).toHaveCount(1)
  await tracks.getByRole('button', { name: 'Target: Node.js Developer' }).press('Enter')
  await expect(tracks.getByRole('button', { name: 'Target: Node.js Developer' })).toHaveAttribute('aria-pressed', 'true')
  await tracks.getByRole('button', { name: 'Next' }).press('Enter')
  await page.getByRole('region', { name: 'Bring in your work' }).getByRole('button', { name: 'Open the import dialog' }).press('Enter')
  await expect(page.getByRole('dialog', { name: /Import/ })).toBeVisible()
  await page.keyboard.press('Escape')

  await page.keyboard.press('Control+1')
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: /Who you are|Where you are heading|Bring in your work/ })).toHaveCount(0)

  await page.keyboard.press('Control+7')
  const profile = page.getByRole('region', { name: 'Profile' })
  await expect(profile.getByRole('textbox', { name: 'Your name' })).toHaveValue('Ada Lovelace')
  await expect(profile.getByRole('textbox', { name: 'Commit emails' })).toHaveValue('ada@example.com')
  for (const width of [1400, 800]) {
    await page.setViewportSize({ width, height: 900 })
    await screenshot(page, `settings-profile-${width}`, { wholePage: false })
  }

  // A reload of the same folder does not introduce it again.
  await page.reload()
  await page.keyboard.press('Control+1')
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await expect(page.getByRole('region', { name: 'Who you are' })).toHaveCount(0)
  await host.stop()
})
