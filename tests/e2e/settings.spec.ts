import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { makeDataDir, startHost } from './support/webHost'
import { screenshot } from './support/screenshots'


const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })

async function openSettings(page: Page) {
  await nav(page).getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()
}

async function setStatus(page: Page, title: string, status: string) {
  await nav(page).getByRole('link', { name: 'Roadmap' }).click()
  const select = page.getByRole('combobox', { name: `Status of ${title}`, exact: true })
  await select.selectOption(status)
  await expect(select).toBeEnabled()
  await expect(select).toHaveValue(status)
}

async function expectStatus(page: Page, title: string, status: string) {
  await nav(page).getByRole('link', { name: 'Roadmap' }).click()
  await expect(page.getByRole('combobox', { name: `Status of ${title}`, exact: true })).toHaveValue(status)
}

test('back up, change a status, restore the backup and see the old status; export and import everything', async ({ page, context }) => {
  const host = await startHost(makeDataDir())
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: host.origin })
  await page.goto(host.url)
  await openSettings(page)

  // Where the data lives, and which host this is.
  await expect(page.getByTestId('data-dir')).toHaveText(host.dataDir)
  await expect(page.getByText('In your browser')).toBeVisible()
  await expect(page.getByText('In memory, for this session')).toBeVisible()
  const copy = page.getByRole('button', { name: 'Copy the data folder’s path' })
  await copy.click()
  await expect(copy).toContainText('Copied')
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(host.dataDir)

  // The theme by keyboard: arrows move between the choices, and the sidebar's picker follows.
  await page.getByRole('radio', { name: /^System/ }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByRole('radio', { name: /^Light/ })).toBeChecked()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  await expect(page.getByRole('combobox', { name: 'Colour theme' })).toHaveValue('light')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('radio', { name: /^System/ })).toBeChecked()
  await expect(page.locator('html')).not.toHaveAttribute('data-theme')

  // Back up, then change a status after it.
  await page.getByRole('button', { name: 'Back up now' }).click()
  const manualRow = page.getByRole('row').filter({ hasText: 'Made by you' })
  await expect(manualRow).toHaveCount(1)
  await expect(manualRow).toContainText(/\d+ KB/)
  await setStatus(page, 'Data Structures', 'done')

  // Restore by keyboard: the dialog says what will happen, Cancel has the focus.
  await openSettings(page)
  const restoreButton = manualRow.getByRole('button', { name: /^Restore backup of / })
  const label = await restoreButton.getAttribute('aria-label')
  const when = label?.replace('Restore backup of ', '') ?? ''
  await restoreButton.focus()
  await page.keyboard.press('Enter')
  const confirm = page.getByRole('dialog', { name: `Restore the backup of ${when}?` })
  await expect(confirm).toContainText(`Your current data is backed up first, then replaced by the backup of ${when}.`)
  await expect(confirm.getByRole('button', { name: 'Cancel' })).toBeFocused()
  await page.keyboard.press('Tab')
  await expect(confirm.getByRole('button', { name: 'Restore', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')

  // The app reloads onto fresh data and says so; the state from just before is a backup too.
  await expect(page.getByRole('status')).toContainText(`Restored the backup of ${when}.`)
  await expect(page.getByRole('row').filter({ hasText: 'Before a restore' })).toHaveCount(1)
  await expectStatus(page, 'Data Structures', 'not-started')

  // Export with a status set, change it, import the export back.
  await setStatus(page, 'Algorithms', 'in-progress')
  await openSettings(page)
  const downloading = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Export to a file' }).click()
  const download = await downloading
  expect(download.suggestedFilename()).toMatch(/^pathfinder-export-\d{4}-\d{2}-\d{2}\.json$/)
  const exported = join(makeDataDir(), download.suggestedFilename())
  await download.saveAs(exported)
  expect(JSON.parse(readFileSync(exported, 'utf8'))).toMatchObject({ format: 'pathfinder-export' })
  await expect(page.getByRole('status')).toContainText('Exported 1 roadmap item you tracked and 1 status change to pathfinder-export-')

  await setStatus(page, 'Algorithms', 'done')
  await openSettings(page)
  let choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose an export file…' }).click()
  await (await choosing).setFiles(exported)
  const replace = page.getByRole('dialog', { name: 'Replace all your data with this file?' })
  await expect(replace).toContainText(download.suggestedFilename())
  await expect(replace.getByRole('definition').first()).toBeVisible()
  // The viewport only: a modal's backdrop covers the window, not a full-page capture.
  await screenshot(page, 'settings-import', { wholePage: false })
  await replace.getByRole('button', { name: 'Replace my data' }).click()
  await expect(page.getByRole('status')).toContainText('Imported 1 roadmap item you tracked and 1 status change.')
  await expectStatus(page, 'Algorithms', 'in-progress')

  // A file that is no export is refused in words, and nothing changes.
  await openSettings(page)
  choosing = page.waitForEvent('filechooser')
  await page.getByRole('button', { name: 'Choose an export file…' }).click()
  await (await choosing).setFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "pathfinder-export", "data": {"goal": [') })
  await expect(page.getByRole('alert')).toContainText('The file is not complete JSON')
  await expect(page.getByRole('alert')).toContainText('Nothing was imported.')
  await expectStatus(page, 'Algorithms', 'in-progress')

  // The page at rest, with the backups this run made.
  await openSettings(page)
  await expect(page.getByRole('row').filter({ hasText: 'Before an import' })).toHaveCount(1)
  await page.getByRole('button', { name: 'Dismiss message' }).evaluateAll((buttons) => buttons.forEach((b) => b instanceof HTMLElement && b.click()))
  await screenshot(page, 'settings')
  await host.stop()
})
