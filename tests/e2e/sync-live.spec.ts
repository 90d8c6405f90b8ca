import { mkdtempSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import Database from 'better-sqlite3'
import { apiFor, value } from './support/hostApi'
import { makeDataDir, startHost, type RunningHost } from './support/webHost'

const passphrase = 'a long shared passphrase'
/** More than a few pages of the virtualised list, in one month's document. */
const activities = 300

function seedActivities(dataDir: string) {
  const db = new Database(join(dataDir, 'pathfinder.sqlite'))
  const insert = db.prepare(`INSERT INTO activity (kind, date, title, source, created_at, updated_at) VALUES ('learning', ?, ?, 'manual', ?, ?)`)
  const stamp = new Date().toISOString()
  db.transaction(() => {
    for (let i = 0; i < activities; i += 1) insert.run(`2026-11-${String(1 + (i % 28)).padStart(2, '0')}`, `Activity number ${i}`, stamp, stamp)
  })()
  db.close()
}

/** Marks the page: a reload would lose the mark. */
const mark = (page: Page) => page.evaluate(() => document.documentElement.setAttribute('data-live-mark', 'kept'))
const stillMarked = (page: Page) => page.evaluate(() => document.documentElement.getAttribute('data-live-mark'))

/**
 * How long from A's answer until B's core holds the change (the pass) and until B's screen
 * shows it (the pass, then the window's next poll), with the load it was measured under.
 */
async function timed(what: string, write: () => Promise<unknown>, applied: () => Promise<boolean>, shown: () => Promise<void>) {
  await write()
  const start = Date.now()
  let inCore: number | null = null
  let watching = true
  const watchCore = (async () => {
    while (watching && inCore === null) {
      if (await applied()) inCore = Date.now() - start
      else await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()
  await shown()
  const onScreen = Date.now() - start
  watching = false
  await watchCore
  const load = loadavg().map((l) => l.toFixed(2)).join(' ')
  const figure = `${what}: in B's core after ${inCore ?? '?'} ms, on B's screen after ${onScreen} ms (load average ${load})`
  test.info().annotations.push({ type: 'timing', description: figure })
  console.log(figure)
}

test('what A changes appears on B’s open page, with no reload, no navigation and the list where it was scrolled', async ({ page: pageB }) => {
  test.setTimeout(120_000)
  const folder = mkdtempSync(join(tmpdir(), 'pathfinder-e2e-sync-live-'))
  const dataA = makeDataDir()
  let a: RunningHost | null = await startHost(dataA)
  await a.stop()
  seedActivities(dataA)
  a = await startHost(dataA)
  const b = await startHost(makeDataDir())
  try {
    value(await apiFor(a).sync.enable({ folder, passphrase, deviceName: 'Work laptop' }))
    value(await apiFor(b).sync.enable({ folder, passphrase, deviceName: 'Home' }))

    await pageB.goto(`${b.origin}/goals${new URL(b.url).hash}`)
    await expect(pageB.getByRole('heading', { name: 'Goals', level: 1 })).toBeVisible()
    await mark(pageB)
    const goalsAt = pageB.url()

    const hostA = a
    await timed(
      'a goal made on A',
      () => apiFor(hostA).goals.create({ title: 'Ship the sync feature' }).then(value),
      async () => value(await apiFor(b).goals.list({})).some((g) => g.title === 'Ship the sync feature'),
      () => expect(pageB.getByRole('heading', { name: 'Ship the sync feature' })).toBeVisible({ timeout: 20_000 }),
    )
    expect(await stillMarked(pageB)).toBe('kept')
    expect(pageB.url()).toBe(goalsAt)

    // The activity log, scrolled into its middle pages.
    await pageB.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activities' }).click()
    await expect(pageB.getByTestId('activity-count')).toHaveText(`${activities} activities`)
    const scroller = pageB.getByTestId('activity-scroller')
    await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }))
    const list = pageB.getByRole('list', { name: 'Activities' })
    const middle = list.locator(`[aria-posinset="${activities / 2}"]`)
    await expect(middle).toBeVisible()
    const title = (await middle.locator('.title').textContent())?.trim() ?? ''
    expect(title).toMatch(/^Activity number \d+$/)
    const scrolledTo = await scroller.evaluate((el) => el.scrollTop)
    await mark(pageB)

    // A search for "Activity number 13" also finds 130 to 139: take every match, then the exact one.
    const [onA] = value(await apiFor(a).activities.list({ search: title, limit: activities })).rows.filter((r) => r.title === title)
    if (!onA) throw new Error(`A should hold “${title}”`)
    await timed(
      'an activity title edited on A',
      () => apiFor(hostA).activities.update({ id: onA.id, title: 'Renamed on the laptop' }).then(value),
      async () => value(await apiFor(b).activities.list({ search: 'Renamed on the laptop', limit: 1 })).rows.length > 0,
      () => expect(middle.locator('.title')).toHaveText('Renamed on the laptop', { timeout: 20_000 }),
    )
    expect(await scroller.evaluate((el) => el.scrollTop)).toBe(scrolledTo)
    expect(await stillMarked(pageB)).toBe('kept')
    await expect(pageB.getByTestId('activity-count')).toHaveText(`${activities} activities`)
  } finally {
    await a.stop()
    await b.stop()
  }
})
