import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { apiFor, value } from './support/hostApi'
import { settled } from './support/settled'
import { makeDataDir, startHost } from './support/webHost'

const shots = 'test-results/screenshots/reconcile'

test('with sync on, the restore confirmation says the other machines go back too', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'pathfinder-e2e-sync-'))
  const host = await startHost(makeDataDir())
  try {
    const api = apiFor(host)
    value(await api.sync.enable({ folder, passphrase: 'a long shared passphrase', deviceName: 'Work laptop' }))
    value(await api.backups.create({}))
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    await page.getByRole('button', { name: /^Restore backup of / }).first().click()
    const dialog = page.getByRole('dialog', { name: /^Restore the backup of / })
    await expect(dialog).toContainText('Sync is on, so your other machines go back to this backup too')
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused()
    for (const width of [800, 1024, 1400]) {
      await page.setViewportSize({ width, height: 900 })
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme })
        await settled(page)
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
        await page.screenshot({ path: `${shots}/restore-sync-on-${width}${scheme === 'dark' ? '-dark' : ''}.png` })
      }
    }
    await page.keyboard.press('Escape')
    await expect(dialog).toBeHidden()
  } finally {
    await host.stop()
    rmSync(folder, { recursive: true, force: true })
  }
})
