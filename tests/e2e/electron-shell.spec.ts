import { _electron as electron, expect, test } from '@playwright/test'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { makeDataDir, repoRoot } from './support/webHost'

/** Electron fetches its binary on first use; where that download is impossible there is none. */
function electronBinary(): string | undefined {
  const dir = join(repoRoot, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return undefined
  const binary = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : undefined
}

const binary = electronBinary()
const skipReason = 'skipped: no Electron binary on this machine (it cannot be downloaded here); runs wherever `npx install-electron` has fetched it'
if (!binary) console.log(`electron-shell.spec.ts: ${skipReason}`)

test.describe('the desktop shell', () => {
  test.skip(!binary, skipReason)

  test('opens one hardened window on the dashboard and keeps a status set on the roadmap', async () => {
    const userData = makeDataDir()
    const app = await electron.launch({ executablePath: binary, args: [join(repoRoot, 'out', 'main', 'index.js')], env: { ...process.env, PATHFINDER_DATA_DIR: userData } })
    const window = await app.firstWindow()
    // The dashboard is the first view; the roadmap is one click away.
    await expect(window.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
    expect(new URL(window.url()).protocol).toBe('app:')
    // No Node in the page, and only the contract's functions from the preload.
    const page = await window.evaluate(() => ({
      require: 'require' in globalThis,
      process: 'process' in globalThis,
      apiNamespaces: Object.keys(Reflect.get(globalThis, 'api') ?? {}),
    }))
    expect(page).toMatchObject({ require: false, process: false })
    expect(page.apiNamespaces).toContain('roadmap')
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1)
    // The store is in its own utility process, not in main.
    expect(await app.evaluate(({ app: electronApp }) => electronApp.getAppMetrics().filter((m) => m.type === 'Utility').map((m) => m.serviceName))).toContain('Pathfinder data')

    await window.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roadmap' }).click()
    await expect(window.getByRole('heading', { name: 'Roadmap', level: 1 })).toBeVisible()
    const java = window.getByRole('combobox', { name: 'Status of Java', exact: true })
    await java.selectOption('in-progress')
    await expect(java).toBeEnabled()
    // Saved by the core in its utility process: it is there after the page is loaded again.
    await window.reload()
    await expect(java).toHaveValue('in-progress')
    await window.screenshot({ path: 'test-results/screenshots/electron-roadmap.png' })
    await app.close()
  })
})
