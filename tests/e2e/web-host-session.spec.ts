import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { addressAt, makeDataDir, startHost, type RunningHost } from './support/webHost'

const portOf = (server: Server): number => {
  const address = server.address()
  if (typeof address !== 'object' || address === null) throw new Error('the server has no port')
  return (address satisfies AddressInfo).port
}

/** Another service on 127.0.0.1, as the person may run many: it keeps every request's headers. */
async function otherLocalService(): Promise<{ origin: string; received: IncomingHttpHeaders[]; close(): Promise<void> }> {
  const received: IncomingHttpHeaders[] = []
  const server = createServer((req, res) => {
    received.push(req.headers)
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
    res.end('<!doctype html><title>Another service</title><h1>Another local service</h1>')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { origin: `http://127.0.0.1:${portOf(server)}`, received, close: () =>
      new Promise((resolve) => {
        // The browser keeps its connection open; close would otherwise wait for it.
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

/** What that service could do with what it received: call our API with the very same headers. */
function replay(host: RunningHost, headers: IncomingHttpHeaders): Promise<number> {
  const forwarded = Object.fromEntries(
    Object.entries(headers).flatMap(([name, value]) => (typeof value === 'string' && !['host', 'connection', 'content-length'].includes(name) ? [[name, value]] : [])),
  )
  const port = Number(new URL(host.origin).port)
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/roadmap.get', headers: { ...forwarded, Host: `127.0.0.1:${port}`, 'Content-Type': 'application/json' } }, (res) => {
      res.resume()
      res.on('end', () => resolve(res.statusCode ?? 0))
    })
    req.on('error', reject)
    req.end('{}')
  })
}

const freePort = async (): Promise<number> => {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = portOf(server)
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

test('the session never reaches another service on 127.0.0.1', async ({ page, context }) => {
  const host = await startHost(makeDataDir())
  const other = await otherLocalService()
  try {
    await page.goto(host.url)
    await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
    // The token has left the address bar (history, bookmarks, screenshots).
    expect(page.url()).not.toContain('token')

    await page.goto(other.origin)
    await expect(page.getByRole('heading', { name: 'Another local service' })).toBeVisible()
    expect(other.received.length).toBeGreaterThan(0)
    for (const headers of other.received) expect(await replay(host, headers), `replayed ${JSON.stringify(headers)}`).toBe(401)

    // Still signed in on our own origin, in this tab and a new one.
    await page.goto(`${host.origin}/#/goals`)
    await expect(page.getByRole('heading', { name: 'Goals', level: 1 })).toBeVisible()
    const second = await context.newPage()
    await second.goto(`${host.origin}/#/roadmap`)
    await expect(second.getByRole('combobox', { name: 'Status of Algorithms', exact: true })).toBeVisible()
  } finally {
    await other.close()
    await host.stop()
  }
})

test('a tab outlives a restart of the host: a banner while it is down, then edits work again', async ({ page }) => {
  const dataDir = makeDataDir()
  const port = String(await freePort())
  let host = await startHost(dataDir, ['--port', port])
  await page.goto(`${host.origin}/roadmap${new URL(host.url).hash}`)
  const algorithms = page.getByRole('combobox', { name: 'Status of Algorithms', exact: true })
  await algorithms.selectOption('in-progress')
  await expect(algorithms).toBeEnabled()

  await host.stop()
  await algorithms.selectOption('done')
  await expect(page.getByRole('alert').filter({ hasText: "Pathfinder's host has stopped" })).toBeVisible()

  host = await startHost(dataDir, ['--port', port])
  await expect(page.getByRole('alert').filter({ hasText: "Pathfinder's host has stopped" })).toBeHidden()
  await algorithms.selectOption('done')
  await expect(algorithms).toBeEnabled()
  await page.reload()
  await expect(algorithms).toHaveValue('done')
  await expect(page.getByRole('alert')).toHaveCount(0)
  await host.stop()
})

test('a tab with no token says how to sign in, instead of failing every click', async ({ page }) => {
  const host = await startHost(makeDataDir())
  await page.goto(`${host.origin}/#/roadmap`)
  await expect(page.getByRole('alert').filter({ hasText: 'This tab is not signed in to Pathfinder' })).toBeVisible()
  await host.stop()
})

test('a deep link opened directly shows its view', async ({ page }) => {
  const host = await startHost(makeDataDir())
  await page.goto(addressAt(host, '/activities/insights'))
  await expect(page.getByRole('heading', { name: 'Activities', level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Nothing to chart yet' })).toBeVisible()
  expect(new URL(page.url()).hash).toBe('#/activities/insights')

  // Signed in now: a path with no token opens its view too, at any depth.
  await page.goto(`${host.origin}/items/skill.algorithms`)
  await expect(page.getByRole('heading', { name: 'Algorithms', level: 1 })).toBeVisible()
  await host.stop()
})
