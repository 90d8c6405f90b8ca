import { mkdirSync } from 'node:fs'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, test } from './support/appTest'
import { settled } from './support/settled'
import { makeDataDir } from './support/webHost'
import { startGitLabServer } from '../support/gitlabServer'

test.use({ actionTimeout: 15_000 })

const shots = 'test-results/screenshots/forges'

/** The dialog at each width the app promises, in both themes, with nothing wider than the window. */
async function look(page: Page, name: string) {
  mkdirSync(shots, { recursive: true })
  const viewport = page.viewportSize()
  try {
    for (const width of [800, 1024, 1400]) {
      await page.setViewportSize({ width, height: 900 })
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        await settled(page)
        const sideways = await page.evaluate(() => [...document.querySelectorAll('dialog, [role="dialog"], html')].some((el) => el.scrollWidth > el.clientWidth + 1))
        expect(sideways, `${name} at ${width} px (${colorScheme}) scrolls sideways`).toBe(false)
        await page.screenshot({ path: `${shots}/${name}-${width}${colorScheme === 'dark' ? '-dark' : ''}.png`, animations: 'disabled' })
      }
    }
  } finally {
    await page.emulateMedia({ colorScheme: 'light' })
    if (viewport) await page.setViewportSize(viewport)
  }
}

test('imports merge requests, issues and reviews from a GitLab server, then again with the kept token', async ({ page, startApp }) => {
  test.setTimeout(120_000)
  const gitlab = await startGitLabServer()
  try {
    const host = await startApp(makeDataDir())
    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activities' }).click()
    await page.getByRole('button', { name: 'Import', exact: true }).click()
    const importer = page.getByRole('dialog', { name: 'Import activities' })

    // From the GitHub tab, the arrow key reaches GitLab.
    await importer.getByRole('tab', { name: 'GitHub' }).click()
    await page.keyboard.press('ArrowRight')
    await expect(importer.getByRole('tab', { name: 'GitLab' })).toHaveAttribute('aria-selected', 'true')
    await expect(importer.getByLabel('Personal access token')).toHaveAccessibleDescription(/Kept in memory for this session only, for this server only/)

    // A name GitLab could not have is refused beside its field, before any request.
    await importer.getByLabel('GitLab username').fill('../root')
    await importer.getByRole('button', { name: 'Import from GitLab' }).click()
    await expect(importer.getByLabel('GitLab username')).toHaveAccessibleDescription(/not a GitLab username/)
    expect(gitlab.requests).toEqual([])
    await look(page, 'import-gitlab-refused')

    await importer.getByLabel('GitLab username').fill('octo-dev')
    await importer.getByLabel('Personal access token').fill('glpat-E2Etoken0123456789')
    await importer.getByLabel('Self-managed GitLab API').fill(gitlab.url)
    await importer.getByRole('button', { name: 'Import from GitLab' }).click()
    await expect(importer.getByText('Import finished')).toBeVisible()
    await expect(importer.getByRole('definition')).toHaveText(['8', '0', '0'])
    await expect(importer.getByRole('list', { name: 'Notes from the import' })).toContainText('2 private repositories were added')
    await look(page, 'import-gitlab-done')
    expect(new Set(gitlab.requests.map((r) => r.headers.authorization))).toEqual(new Set(['Bearer glpat-E2Etoken0123456789']))

    // The token is kept for this server: the field says so, and a second import uses it and adds nothing.
    await expect(importer.getByLabel('Personal access token')).toHaveAttribute('placeholder', 'Saved — leave empty to use it again')
    const before = gitlab.requests.length
    await importer.getByRole('button', { name: 'Import again' }).click()
    await expect(importer.getByText('Nothing new to import')).toBeVisible()
    expect(gitlab.requests.slice(before).every((r) => r.headers.authorization === 'Bearer glpat-E2Etoken0123456789')).toBe(true)
    await importer.getByRole('button', { name: 'Forget token' }).click()
    await expect(importer.getByRole('button', { name: 'Forget token' })).toHaveCount(0)

    // Each forge's form passes WCAG 2.1 AA in both themes, its result shown where there is one.
    const found: string[] = []
    for (const forge of ['GitLab', 'Gitea / Forgejo', 'Bitbucket']) {
      await importer.getByRole('tab', { name: forge }).click()
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        await settled(page)
        const results = await new AxeBuilder({ page }).include('dialog[open]').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze()
        for (const v of results.violations) found.push(`${forge} (${colorScheme}): ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
      }
    }
    await page.emulateMedia({ colorScheme: 'light' })
    expect(found, found.join('\n')).toEqual([])
    await look(page, 'import-bitbucket')
    await importer.getByRole('button', { name: 'Close', exact: true }).click()

    // The log holds them, the merge request among the pull requests.
    await expect(page.getByText('Idempotency keys for payment webhooks')).toBeVisible()
    await expect(page.getByText('Review: Speed up git-upload-pack with bitmap index')).toBeVisible()
  } finally {
    await gitlab.close()
  }
})
