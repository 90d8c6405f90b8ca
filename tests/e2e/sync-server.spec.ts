import { mkdtempSync } from 'node:fs'
import { once } from 'node:events'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { Repo } from '@automerge/automerge-repo'
import { NodeWSServerAdapter } from '@automerge/automerge-repo-network-websocket'
import WebSocket from 'isomorphic-ws'
import { apiFor, value } from './support/hostApi'
import { screenshotAtWidths } from './support/screenshots'
import { makeDataDir, startHost } from './support/webHost'

const shots = 'test-results/screenshots/websocket'
const passphrase = 'a long shared passphrase'
const roomSecret = 'the room secret of this test'


test('two web hosts sync through a self-hosted sync server set in Settings; a bad address is refused in words', async ({ page }) => {
  const wss = new WebSocket.Server({ port: 0, host: '127.0.0.1' })
  await once(wss, 'listening')
  const address = wss.address()
  const serverUrl = `ws://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`
  const server = new Repo({ network: [new NodeWSServerAdapter(wss)], sharePolicy: () => Promise.resolve(false) })
  const a = await startHost(makeDataDir())
  const b = await startHost(makeDataDir())
  try {
    await page.goto(a.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
    const section = page.getByTestId('sync-section')
    await section.getByLabel('Sync folder').fill(mkdtempSync(join(tmpdir(), 'pathfinder-e2e-sync-a-')))
    await section.getByLabel('Passphrase').fill(passphrase)
    await section.getByLabel('This machine’s name').fill('Work laptop')
    await section.getByRole('button', { name: 'Turn sync on' }).click()
    await expect(section.getByTestId('sync-folder')).toBeVisible({ timeout: 20_000 })
    const panel = page.getByTestId('sync-server')
    await expect(panel.getByRole('heading', { name: 'Sync server (optional)' })).toBeVisible()
    await expect(panel).toContainText('unencrypted')

    await panel.getByLabel('Server address').fill('https://sync.example.org')
    await panel.getByLabel('Room secret').fill(roomSecret)
    await panel.getByRole('button', { name: 'Use this server' }).click()
    await expect(panel.getByLabel('Server address')).toHaveAccessibleDescription(/A sync server address starts with wss:\/\//)
    await screenshotAtWidths(page, page.getByTestId('sync-section'), shots, 'sync-server-refused')

    await panel.getByLabel('Server address').fill(serverUrl)
    await panel.getByRole('button', { name: 'Use this server' }).click()
    await expect(panel.getByTestId('sync-server-url')).toHaveText(`${serverUrl}/`)
    await expect(panel.getByTestId('sync-server-state')).toHaveText('Connected', { timeout: 20_000 })

    // B joins the same room through its own folder: only the server joins the two.
    value(await apiFor(b).sync.enable({ folder: mkdtempSync(join(tmpdir(), 'pathfinder-e2e-sync-b-')), passphrase, deviceName: 'Home' }))
    value(await apiFor(b).sync.setServer({ url: serverUrl, roomSecret }))
    value(await apiFor(a).goals.create({ title: 'Goal through the server' }))
    value(await apiFor(a).sync.syncNow({}))
    await expect(async () => {
      const goals = value(await apiFor(b).goals.list({}))
      expect(goals.map((g) => g.title)).toContain('Goal through the server')
    }).toPass({ timeout: 20_000 })
    await screenshotAtWidths(page, page.getByTestId('sync-section'), shots, 'sync-server-connected')

    await panel.getByRole('button', { name: 'Stop using this server' }).click()
    await expect(panel.getByLabel('Server address')).toBeVisible()
  } finally {
    await a.stop()
    await b.stop()
    for (const client of wss.clients) client.terminate()
    await server.shutdown()
    wss.close()
  }
})
