import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { apiFor, value } from './support/hostApi'
import { screenshotAtWidths } from './support/screenshots'
import { makeDataDir, startHost, type RunningHost } from './support/webHost'

const shots = 'test-results/screenshots/sync'
const passphrase = 'a long shared passphrase'

async function openSyncSettings(page: Page, host: RunningHost) {
  await page.goto(host.url)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await expect(page.getByRole('heading', { name: 'Sync between your machines' })).toBeVisible()
}

async function turnOn(page: Page, folder: string, secret: string, name: string) {
  const section = page.getByTestId('sync-section')
  await section.getByLabel('Sync folder').fill(folder)
  await section.getByLabel('Passphrase').fill(secret)
  await section.getByLabel('This machine’s name').fill(name)
  await section.getByRole('button', { name: 'Turn sync on' }).click()
}


test('two web hosts sync through one folder: a wrong passphrase is refused, a goal made on A shows on B', async ({ page, browser }) => {
  const folder = mkdtempSync(join(tmpdir(), 'pathfinder-e2e-sync-'))
  const a = await startHost(makeDataDir())
  const b = await startHost(makeDataDir())
  const pageB = await browser.newPage()
  try {
    await openSyncSettings(page, a)
    await screenshotAtWidths(page, page.getByTestId('sync-section'), shots, 'sync-off')
    await turnOn(page, folder, passphrase, 'Work laptop')
    await expect(page.getByTestId('sync-folder')).toHaveText(folder)

    // Both machines set the same skill's status before B joins: edited on both.
    value(await apiFor(a).roadmap.setStatus({ itemId: 'skill.javascript', status: 'done' }))
    value(await apiFor(b).roadmap.setStatus({ itemId: 'skill.javascript', status: 'in-progress' }))

    await openSyncSettings(pageB, b)
    await turnOn(pageB, folder, 'not the right passphrase', 'Home')
    await expect(pageB.getByRole('alert')).toContainText('That passphrase does not open this sync folder')
    await pageB.getByTestId('sync-section').getByLabel('Passphrase').fill(passphrase)
    await pageB.getByTestId('sync-section').getByRole('button', { name: 'Turn sync on' }).click()
    await expect(pageB.getByTestId('sync-folder')).toHaveText(folder)

    // A goal made on A arrives on B through the folder, with no click on B.
    value(await apiFor(a).goals.create({ title: 'Ship the sync feature' }))
    await expect(async () => {
      await pageB.goto(`${b.origin}/goals${new URL(b.url).hash}`)
      await expect(pageB.getByText('Ship the sync feature')).toBeVisible({ timeout: 1_000 })
    }).toPass({ timeout: 20_000 })

    // B's settings name the other machine once it has written.
    await expect(async () => {
      await openSyncSettings(pageB, b)
      await expect(pageB.getByTestId('sync-section')).toContainText('Work laptop', { timeout: 1_000 })
    }).toPass({ timeout: 20_000 })
    await screenshotAtWidths(pageB, pageB.getByTestId('sync-section'), shots, 'sync-on')

    // The status edited on both: one value on both machines, the other one click away.
    const conflict = pageB.getByTestId('sync-conflict')
    await expect(conflict).toHaveCount(1)
    await expect(conflict).toContainText('its status was edited on both machines')
    const kept = (await apiFor(b).roadmap.item({ itemId: 'skill.javascript' }))
    const keptStatus = kept.ok ? kept.value.item.status : null
    const other = keptStatus === 'done' ? 'in-progress' : 'done'
    await conflict.getByRole('button', { name: `Use “${other}”` }).click()
    await expect(pageB.getByTestId('sync-conflict')).toHaveCount(0)
    const taken = value(await apiFor(b).roadmap.item({ itemId: 'skill.javascript' }))
    expect(taken.item.status).toBe(other)

    await pageB.getByRole('button', { name: 'Turn sync off' }).click()
    await expect(pageB.getByRole('button', { name: 'Turn sync on' })).toBeVisible()
    await pageB.goto(`${b.origin}/goals${new URL(b.url).hash}`)
    await expect(pageB.getByText('Ship the sync feature')).toBeVisible()
  } finally {
    await pageB.close()
    await a.stop()
    await b.stop()
  }
})
