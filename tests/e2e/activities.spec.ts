import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { format, subDays } from 'date-fns'
import { gitRepo } from '../support/gitFixture'
import { makeDataDir, startHost } from './support/webHost'

// A missing control should fail in seconds, not at the two-minute test timeout.
test.use({ actionTimeout: 15_000 })

const shots = 'test-results/screenshots'
const today = new Date()
const daysAgo = (n: number) => format(subDays(today, n), 'yyyy-MM-dd')
/** Noon UTC: the same calendar day in the test's zone and the host's. */
const commitTime = (n: number, hour = 12) => `${daysAgo(n)}T${String(hour).padStart(2, '0')}:00:00+00:00`
const longDay = (n: number) => format(subDays(today, n), 'EEE, d MMM yyyy')

/** Light, then dark; the charts read their colours again when the scheme changes. */
async function screenshot(page: Page, name: string, fullPage = false) {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.waitForTimeout(150)
  await page.screenshot({ path: `${shots}/${name}.png`, animations: 'disabled', fullPage })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.waitForTimeout(150)
  await page.screenshot({ path: `${shots}/${name}-dark.png`, animations: 'disabled', fullPage })
  await page.emulateMedia({ colorScheme: 'light' })
}

/** Two repositories under one folder, with commits by the user and by a colleague. */
function gitFixture() {
  const root = mkdtempSync(join(tmpdir(), 'pathfinder-git-'))
  const me = 'dev@example.com'
  const colleague = 'colleague@example.com'
  const api = gitRepo(join(root, 'api-service'), 'https://github.com/dev/api-service.git')
  api.commit(me, commitTime(3, 9))
  api.commit(me, commitTime(3, 15))
  api.commit(colleague, commitTime(3, 11))
  api.commit(colleague, commitTime(10))
  api.commit(me, commitTime(20))
  const tools = gitRepo(join(root, 'side', 'cli-tools'))
  tools.commit(me, commitTime(3))
  tools.commit(colleague, commitTime(5))
  return { root, me }
}

test('a new user logs a PR, a post and a meetup, finds them again, imports git history twice and sees the year', async ({ page }) => {
  test.setTimeout(120_000)
  const host = await startHost(makeDataDir())
  const fixture = gitFixture()

  await page.goto(host.url)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activities' }).click()
  await expect(page.getByRole('heading', { name: 'Activities', level: 1 })).toBeVisible()
  await expect(page.getByRole('heading', { name: 'Nothing logged yet' })).toBeVisible()

  // The merged PR, first with a link that is not one: the form says so beside the field.
  await page.getByRole('button', { name: 'Log activity' }).click()
  const form = page.getByRole('dialog', { name: 'Log an activity' })
  await expect(form).toBeVisible()
  await form.getByLabel('Kind').selectOption('pull-request')
  await form.getByLabel('Date').fill(daysAgo(2))
  await form.getByRole('textbox', { name: 'Title' }).fill('Fix async error handling in router')
  await form.getByRole('textbox', { name: 'Link' }).fill('github.com/expressjs/express/pull/6001')
  await form.getByRole('combobox', { name: 'Project or repository' }).fill('expressjs/express')
  await form.getByLabel('State').selectOption('merged')
  await form.getByLabel('Hours').fill('3')
  await form.getByRole('checkbox', { name: 'JavaScript' }).check()
  await form.getByRole('checkbox', { name: 'Asynchronous Programming' }).check()
  await form.getByRole('button', { name: 'Log activity' }).click()
  await screenshot(page, 'activity-form')
  const link = form.getByRole('textbox', { name: 'Link' })
  await expect(link).toHaveAttribute('aria-invalid', 'true')
  await expect(link).toHaveAccessibleDescription('Links must start with http:// or https://')
  await expect(link).toBeFocused()
  await link.fill('https://github.com/expressjs/express/pull/6001')
  await form.getByRole('button', { name: 'Log activity' }).click()
  await expect(form).toBeHidden()

  await page.getByRole('button', { name: 'Log activity' }).click()
  await form.getByLabel('Kind').selectOption('blog-post')
  await expect(form.getByLabel('State')).toHaveCount(0)
  await form.getByLabel('Date').fill(daysAgo(1))
  await form.getByRole('textbox', { name: 'Title' }).fill('Error handling patterns in async Node.js')
  await form.getByRole('textbox', { name: 'Link' }).fill('https://dev.to/dev/error-handling-patterns-in-async-node')
  await form.getByRole('checkbox', { name: 'Asynchronous Programming' }).check()
  await form.getByRole('button', { name: 'Log activity' }).click()
  await expect(form).toBeHidden()

  await page.getByRole('button', { name: 'Log activity' }).click()
  await form.getByLabel('Kind').selectOption('meetup')
  await form.getByLabel('Date').fill(daysAgo(6))
  await form.getByRole('textbox', { name: 'Title' }).fill('Node.js Berlin meetup')
  await form.getByRole('textbox', { name: 'Notes' }).fill('Talked with the undici maintainers about fetch timeouts.')
  await form.getByRole('button', { name: 'Log activity' }).click()
  await expect(form).toBeHidden()

  const count = page.getByTestId('activity-count')
  const list = page.getByRole('list', { name: 'Activities' })
  await expect(count).toHaveText('3 activities')
  await expect(list.getByRole('listitem')).toHaveCount(3)

  // Only open-source contributions.
  const filters = page.getByRole('search', { name: 'Filter activities' })
  await filters.getByLabel('Kind').selectOption({ label: 'Engage in Open Source Projects (all)' })
  await expect(count).toHaveText('1 matching activity')
  await expect(list.getByRole('button', { name: /^Fix async error handling in router · Pull request, merged · expressjs\/express/ })).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(count).toHaveText('3 activities')

  // Full-text search finds the PR by its repository.
  await filters.getByRole('searchbox', { name: 'Search activities' }).fill('express')
  await expect(count).toHaveText('1 matching activity')
  const pr = list.getByRole('button', { name: /^Fix async error handling in router/ })
  await expect(pr).toBeVisible()
  await expect(pr).toHaveAccessibleName(/skills: Asynchronous Programming, JavaScript$/)
  await expect(pr).toContainText('JavaScript')

  // Keyboard: the row opens with Enter, Escape returns to it.
  await pr.focus()
  await page.keyboard.press('Enter')
  const edit = page.getByRole('dialog', { name: 'Edit activity' })
  await expect(edit.getByRole('textbox', { name: 'Title' })).toHaveValue('Fix async error handling in router')
  await expect(edit.getByLabel('State')).toHaveValue('merged')
  await page.keyboard.press('Escape')
  await expect(edit).toBeHidden()
  await expect(pr).toBeFocused()
  await filters.getByRole('searchbox', { name: 'Search activities' }).fill('')
  await expect(count).toHaveText('3 activities')

  // Import the local repositories: only the user's commits, one activity per repository and day.
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const importer = page.getByRole('dialog', { name: 'Import activities' })
  await expect(importer.getByRole('tab', { name: 'Local git' })).toHaveAttribute('aria-selected', 'true')
  await importer.getByRole('textbox', { name: 'Folder' }).fill(fixture.root)
  await importer.getByRole('textbox', { name: 'Your commit emails' }).fill(fixture.me)
  await importer.getByRole('textbox', { name: 'Your commit emails' }).press('Enter')
  await expect(importer.getByRole('list', { name: 'Commit emails' })).toContainText(fixture.me)
  await importer.getByRole('button', { name: 'Import commits' }).click()
  await expect(importer.getByText('Import finished')).toBeVisible()
  const result = importer.getByRole('definition')
  await expect(result).toHaveText(['3', '0', '0'])
  await screenshot(page, 'import-dialog')

  // Again: nothing twice.
  await importer.getByRole('button', { name: 'Import again' }).click()
  await expect(importer.getByText('Nothing new to import')).toBeVisible()
  await expect(result).toHaveText(['0', '0', '3'])
  await importer.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(importer).toBeHidden()

  await expect(count).toHaveText('6 activities')
  await filters.getByLabel('Kind').selectOption({ label: 'Commits' })
  await expect(count).toHaveText('3 matching activities')
  await expect(list.getByRole('button')).toHaveText([/2 commits to dev\/api-service/, /1 commit to cli-tools/, /1 commit to dev\/api-service/])
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(count).toHaveText('6 activities')
  await screenshot(page, 'activities-list')

  // The year at a glance: those days are filled in.
  await page.getByRole('link', { name: 'Insights' }).click()
  await expect(page.getByRole('heading', { name: '6 contributions in the last 12 months' })).toBeVisible()
  await expect(page.getByTestId('heatmap-summary')).toContainText(`6 contributions on 5 days`)
  await expect(page.getByTestId('heatmap-summary')).toContainText(`Busiest day: 2 contributions, ${longDay(3)}`)
  const streaks = page.getByRole('list', { name: 'Streaks' })
  await expect(streaks.getByRole('listitem').filter({ hasText: 'Current streak' })).toContainText('3 days')
  const calendar = page.getByRole('slider', { name: 'Contribution heatmap' })
  await calendar.focus()
  await page.keyboard.press('End')
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowUp')
  await expect(calendar).toHaveAttribute('aria-valuetext', `2 contributions on ${longDay(3)}`)
  await expect(page.getByText(`2 contributions on ${longDay(3)}`, { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: /Top repositories/ })).toContainText('dev/api-service')
  const strategies = page.getByRole('region', { name: /Your strategies/ })
  await expect(strategies.getByRole('listitem').filter({ hasText: 'Engage in Open Source Projects' })).toContainText('1 merged PR')
  await screenshot(page, 'heatmap', true)

  await host.stop()
})
