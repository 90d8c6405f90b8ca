import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { settled } from './support/settled'
import { makeDataDir, repoRoot, startHost } from './support/webHost'

const fixture = (name: string): Buffer => readFileSync(join(repoRoot, 'tests', 'fixtures', 'sources', name))
const shots = 'test-results/screenshots/sources'

async function shoot(page: Page, name: string) {
  for (const [colorScheme, suffix] of [['light', ''], ['dark', '-dark']] as const) {
    await page.emulateMedia({ colorScheme })
    await settled(page)
    await page.screenshot({ path: `${shots}/${name}${suffix}.png`, animations: 'disabled' })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** Nothing in the dialog is wider than the window: it never scrolls sideways. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
  expect(await page.getByRole('dialog').evaluate((dialog) => dialog.scrollWidth <= dialog.clientWidth)).toBe(true)
}

test('a blog feed file and a calendar file are imported from the import dialog', async ({ page }) => {
  const host = await startHost(makeDataDir())
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  await page.getByRole('link', { name: 'Activities' }).first().click()
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const importer = page.getByRole('dialog', { name: 'Import activities' })

  // The feed, uploaded to the host and read there: each post a blog post.
  await importer.getByRole('tab', { name: 'Blog feed' }).click()
  await importer.getByLabel('or a saved feed file').setInputFiles({ name: 'feed.xml', mimeType: 'application/rss+xml', buffer: fixture('feeds/rss2-sample.xml') })
  await importer.getByRole('button', { name: 'Import posts' }).click()
  await expect(importer.getByText('Import finished')).toBeVisible()
  await expect(importer.getByRole('definition')).toHaveText(['4', '0', '0'])
  await shoot(page, 'import-feed-done')

  // The calendar: its events listed, the person's choice imported.
  await importer.getByRole('tab', { name: 'Calendar' }).click()
  await importer.getByLabel('or an exported .ics file').setInputFiles({ name: 'meetups.ics', mimeType: 'text/calendar', buffer: fixture('calendar/meetups.ics') })
  await importer.getByRole('button', { name: 'Show events', exact: true }).first().click()
  const events = importer.getByRole('table', { name: /Events: choose which to import/ })
  await expect(events.getByRole('row')).toHaveCount(10)
  await expect(importer.getByRole('region', { name: 'Events in the calendar' })).toContainText('Conferences and meetups: 9 events.')
  await expect(events.getByRole('checkbox', { name: /^Import Dentist,/ })).not.toBeChecked()
  await events.getByRole('combobox', { name: /^Devoxx Belgium conference, .*: import as$/ }).selectOption('talk')
  // Only what the person keeps ticked: the Java User Group evenings are left out.
  for (const box of await events.getByRole('checkbox', { name: /^Import Java User Group/ }).all()) await box.uncheck()
  await shoot(page, 'import-calendar-preview')
  for (const width of [800, 1024, 1400]) {
    await page.setViewportSize({ width, height: 900 })
    await expectNoSidewaysScroll(page)
  }
  await importer.getByRole('button', { name: 'Import 3 events' }).click()
  await expect(importer.getByText('Import finished')).toBeVisible()
  await expect(importer.getByRole('definition')).toHaveText(['3', '0', '0'])
  await importer.getByRole('button', { name: 'Close', exact: true }).click()

  await expect(page.getByText('My talk: Virtual threads in production')).toBeVisible()
  await expect(page.getByText('Star City')).toBeVisible()
  await host.stop()
})

test('the new import tabs at 800 px, in both themes, and a bad badge file said in words', async ({ page }) => {
  const host = await startHost(makeDataDir())
  await page.setViewportSize({ width: 800, height: 900 })
  await page.goto(host.url)
  await page.getByRole('link', { name: 'Activities' }).first().click()
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const importer = page.getByRole('dialog', { name: 'Import activities' })
  for (const tab of ['Stack Exchange', 'Blog feed', 'Badge', 'Calendar']) {
    await importer.getByRole('tab', { name: tab }).click()
    await expectNoSidewaysScroll(page)
    await shoot(page, `import-tab-${tab.toLowerCase().replace(/\s+/g, '-')}-800`)
  }
  await importer.getByRole('tab', { name: 'Badge' }).click()
  await importer.getByLabel('or a badge file (JSON, PNG, SVG)').setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: fixture('badges/baked-ob2.png').subarray(0, 60) })
  await importer.getByRole('button', { name: 'Import badge' }).click()
  await expect(importer.getByRole('alert')).toContainText('cut short')
  await host.stop()
})

test.describe('accessibility', () => {
  // axe runs as a string Playwright evaluates, which the app's CSP (script-src 'self') forbids.
  test.use({ bypassCSP: true })

  test('each new import tab, and the calendar preview, passes axe’s WCAG 2.1 A and AA rules in both themes', async ({ page }) => {
    test.setTimeout(120_000)
    const host = await startHost(makeDataDir())
    await page.goto(host.url)
    await page.getByRole('link', { name: 'Activities' }).first().click()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const importer = page.getByRole('dialog', { name: 'Import activities' })
    const check = async (where: string) => {
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        await settled(page)
        const results = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze()
        expect(results.violations.map((v) => `${where} (${colorScheme}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      }
    }
    for (const tab of ['Stack Exchange', 'Blog feed', 'Badge', 'Calendar']) {
      await importer.getByRole('tab', { name: tab }).click()
      await check(tab)
    }
    await importer.getByLabel('or an exported .ics file').setInputFiles({ name: 'meetups.ics', mimeType: 'text/calendar', buffer: fixture('calendar/meetups.ics') })
    await importer.getByRole('button', { name: 'Show events', exact: true }).first().click()
    await expect(importer.getByRole('table', { name: /Events: choose which to import/ })).toBeVisible()
    await check('calendar preview')
    await host.stop()
  })
})
