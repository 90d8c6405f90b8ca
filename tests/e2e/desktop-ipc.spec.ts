import { expect, test } from './support/appTest'
import { makeDataDir } from './support/webHost'

// Runs in the desktop-ipc project only (playwright.config.ts): the preload, main's IPC bridge and the core's own process.
test('the window talks through the preload only, and a core that dies is restarted with the window told in words', async ({ page, startApp }) => {
  const host = await startApp(makeDataDir())
  const overHttp: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).pathname.startsWith('/api/')) overHttp.push(request.url())
  })
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  const seen = await page.evaluate(() => ({
    require: 'require' in globalThis,
    process: 'process' in globalThis,
    apiNamespaces: Object.keys(Reflect.get(globalThis, 'api') ?? {}),
    desktop: Object.keys(Reflect.get(globalThis, 'desktop') ?? {}).sort(),
  }))
  expect(seen).toMatchObject({ require: false, process: false, desktop: ['onCommand', 'onCoreRestarted', 'onReminderOpened', 'pathOfFile', 'setTheme'] })
  expect(seen.apiNamespaces).toEqual(expect.arrayContaining(['roadmap', 'goals', 'activities', 'reports', 'backups']))

  // main's sender check, for real: a frame inside the app gets the preload too, and is refused.
  const fromFrame: unknown = await page.evaluate(async () => {
    const frame = document.createElement('iframe')
    frame.srcdoc = '<p>A frame inside the app</p>'
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }))
    document.body.append(frame)
    await loaded
    const api: unknown = Reflect.get(frame.contentWindow ?? {}, 'api')
    const roadmap: unknown = typeof api === 'object' && api !== null && 'roadmap' in api ? api.roadmap : undefined
    if (typeof roadmap !== 'object' || roadmap === null || !('get' in roadmap) || typeof roadmap.get !== 'function') return 'the frame has no window.api'
    const answer: unknown = await roadmap.get({})
    frame.remove()
    return answer
  })
  expect(fromFrame).toEqual({ ok: false, error: { code: 'unavailable', message: 'This window may not use Pathfinder data.' } })

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roadmap' }).click()
  const java = page.getByRole('combobox', { name: 'Status of Java', exact: true })
  await java.selectOption('in-progress')
  // Its Undo is offered once the core has stored it: only then may the core die.
  await expect(page.getByText('“Java” is now in progress.')).toBeVisible()

  host.crashCore?.()
  const banner = page.getByRole('alert')
  await expect(banner).toHaveText(/Pathfinder's data process stopped and was restarted\. If your last change is missing, make it again\./)

  // The new core has what was saved, and takes the next change.
  const algorithms = page.getByRole('combobox', { name: 'Status of Algorithms', exact: true })
  await algorithms.selectOption('done')
  await expect(algorithms).toBeEnabled()
  await banner.getByRole('button', { name: 'Dismiss' }).click()
  await expect(banner).toBeHidden()
  await page.reload()
  await expect(java).toHaveValue('in-progress')
  await expect(algorithms).toHaveValue('done')
  expect(overHttp).toEqual([])
})
