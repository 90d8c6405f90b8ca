import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { desktopProject, expect, test } from './support/appTest'
import Database from 'better-sqlite3'
import { differenceInCalendarDays, format, subDays, subYears } from 'date-fns'
import { gitRepo } from '../support/gitFixture'
import { addressAt, makeDataDir } from './support/webHost'
import { screenshot } from './support/screenshots'

// A missing control should fail in seconds, not at the two-minute test timeout.
test.use({ actionTimeout: 15_000 })

const today = new Date()
const daysAgo = (n: number) => format(subDays(today, n), 'yyyy-MM-dd')
/** Noon UTC: the same calendar day in the test's zone and the host's. */
const commitTime = (n: number, hour = 12) => `${daysAgo(n)}T${String(hour).padStart(2, '0')}:00:00+00:00`
const longDay = (n: number) => format(subDays(today, n), 'EEE, MMM d, yyyy')

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

test('a new user logs a PR, a post and a meetup, finds them again, imports git history twice and sees the year', async ({ page, startApp }) => {
  test.setTimeout(120_000)
  const host = await startApp(makeDataDir())
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
  await screenshot(page, 'activity-form', { wholePage: false })
  const link = form.getByRole('textbox', { name: 'Link' })
  await expect(link).toHaveAttribute('aria-invalid', 'true')
  await expect(link).toHaveAccessibleDescription('Links must start with http:// or https://')
  await expect(link).toBeFocused()
  await link.fill('https://github.com/expressjs/express/pull/6001')
  await form.getByRole('button', { name: 'Log activity' }).click()
  await expect(form).toBeHidden()
  await expect(page.getByRole('status')).toContainText('Logged “Fix async error handling in router”.')

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
  await expect(list.getByRole('button', { name: /^Fix async error handling in router Pull request expressjs\/express .*Merged/ })).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(count).toHaveText('3 activities')

  // Full-text search finds the PR by its repository.
  await filters.getByRole('searchbox', { name: 'Search activities' }).fill('express')
  await expect(count).toHaveText('1 matching activity')
  const pr = list.getByRole('button', { name: /^Fix async error handling in router/ })
  await expect(pr).toBeVisible()
  // The row's name is what it shows, title first and the date last.
  await expect(pr).toHaveAccessibleName(/^Fix async error handling in router Pull request expressjs\/express 3 hours Merged Asynchronous Programming JavaScript \w{3} \d{1,2},? \d{4}$/)
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
  await expect(page.getByText('Logged “Node.js Berlin meetup”.')).toBeHidden()
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
  await screenshot(page, 'import-dialog', { wholePage: false })

  // Again: nothing twice.
  await importer.getByRole('button', { name: 'Import again' }).click()
  await expect(importer.getByText('Nothing new to import')).toBeVisible()
  await expect(result).toHaveText(['0', '0', '3'])
  await importer.getByRole('button', { name: 'Close', exact: true }).click()
  await expect(importer).toBeHidden()

  await expect(count).toHaveText('6 activities')
  await filters.getByLabel('Kind').selectOption({ label: 'Commits' })
  await expect(count).toHaveText('3 matching activities')
  await expect(list.getByRole('listitem')).toHaveText([/2 commits to dev\/api-service/, /1 commit to cli-tools/, /1 commit to dev\/api-service/])
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
  // Five days drawn in a heat colour, the rest of the year in the empty one.
  const filledDays = () =>
    calendar.locator('svg').evaluate((svg) => {
      const probe = document.createElement('span')
      probe.style.color = 'var(--heat-0)'
      document.body.append(probe)
      const empty = getComputedStyle(probe).color
      probe.remove()
      const cells = Array.from(svg.querySelectorAll('path')).map((p) => p.getAttribute('fill') ?? 'none').filter((fill) => fill !== 'none')
      return { filled: cells.filter((fill) => fill !== empty).length, days: cells.length }
    })
  await expect.poll(filledDays).toEqual({ filled: 5, days: differenceInCalendarDays(today, subYears(today, 1)) })
  await calendar.focus()
  await page.keyboard.press('End')
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowUp')
  await expect(calendar).toHaveAttribute('aria-valuetext', `2 contributions on ${longDay(3)}`)
  await expect(page.getByText(`2 contributions on ${longDay(3)}`, { exact: true })).toBeVisible()
  await expect(page.getByRole('region', { name: /Top repositories/ })).toContainText('dev/api-service')
  const strategies = page.getByRole('region', { name: /Your strategies/ })
  await expect(strategies.getByRole('listitem').filter({ hasText: 'Engage in Open Source Projects' })).toContainText('1 merged PR')
  await screenshot(page, 'heatmap')

  await host.stop()
})

/** 100,000 activities over five years, written straight into the store the host made. */
function seedMany(dataDir: string, count: number) {
  const db = new Database(join(dataDir, 'pathfinder.sqlite'))
  const kinds = ['commits', 'commits', 'pull-request', 'code-review', 'issue', 'learning', 'blog-post', 'meetup']
  const insert = db.prepare(`INSERT INTO activity (kind, date, title, repo, state, source, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, 'manual', ?, ?)`)
  const stamp = new Date().toISOString()
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const kind = kinds[i % kinds.length] ?? 'learning'
      const repo = kind === 'learning' || kind === 'meetup' ? null : `org-${i % 40}/project-${i % 300}`
      const state = kind === 'pull-request' ? ['open', 'merged', 'closed'][i % 3] ?? null : kind === 'issue' ? 'open' : null
      insert.run(kind, daysAgo(i % (5 * 365)), `Activity number ${i}`, repo, state, stamp, stamp)
    }
  })()
  db.close()
}

// How quick is `npm run bench`'s job (bench/browser.ts); this checks what keeps it quick.
test('the log reads 100,000 activities page by page: a few dozen rows in the page, only the pages it shows', async ({ page, startApp }, testInfo) => {
  // It counts the HTTP bridge's requests to show pages are read on demand; over IPC there are none to count.
  test.skip(testInfo.project.name === desktopProject, 'counts HTTP requests, which the desktop path does not make')
  test.setTimeout(180_000)
  const dataDir = makeDataDir()
  let host = await startApp(dataDir)
  await host.stop()
  seedMany(dataDir, 100_000)
  host = await startApp(dataDir)

  const listCalls: string[] = []
  page.on('request', (request) => {
    if (request.url().includes('/api/activities.list')) listCalls.push(request.postData() ?? '')
  })
  await page.goto(addressAt(host, '/activities'))
  const count = page.getByTestId('activity-count')
  await expect(count).toHaveText('100,000 activities')
  const list = page.getByRole('list', { name: 'Activities' })
  await expect(list.getByRole('button', { name: /^Activity number \d+ / }).first()).toBeVisible()
  const rendered = await list.getByRole('listitem').count()
  expect(rendered).toBeLessThan(80)

  // The keyboard's End goes to the oldest of all; only the pages around it are read.
  listCalls.length = 0
  await list.getByRole('button').first().focus()
  await page.keyboard.press('End')
  const last = list.locator('[aria-posinset="100000"]')
  await expect(last.getByRole('button', { name: /^Activity number \d+ / })).toBeFocused()
  expect(listCalls.length).toBeLessThanOrEqual(3)

  // Dragging the scrollbar to the middle fetches that page, not the ones on the way.
  listCalls.length = 0
  await page.getByTestId('activity-scroller').evaluate((el) => el.scrollTo({ top: el.scrollHeight / 2 }))
  await expect(list.locator('[aria-posinset="50001"]').getByRole('button', { name: /^Activity number \d+ / })).toBeVisible()
  expect(listCalls.length).toBeLessThanOrEqual(3)

  // A broad search with another filter is counted roughly at first; the end of the list makes it exact.
  const filters = page.getByRole('search', { name: 'Filter activities' })
  await filters.getByLabel('Kind').selectOption({ label: 'Blog post' })
  await expect(count).toHaveText('12,500 matching activities')
  await filters.getByRole('searchbox', { name: 'Search activities' }).fill('number')
  await expect(count).toHaveText(/^About [\d,]+ matching activities$/)
  await list.getByRole('button').first().focus()
  await page.keyboard.press('End')
  await expect(count).toHaveText('12,500 matching activities')
  await page.keyboard.press('End')
  await expect(list.locator('[aria-posinset="12500"]').getByRole('button', { name: /^Activity number/ })).toBeFocused()
  await filters.getByRole('searchbox', { name: 'Search activities' }).fill('')
  await filters.getByLabel('Kind').selectOption({ label: 'Any kind' })
  await expect(count).toHaveText('100,000 activities')

  await page.getByRole('link', { name: 'Insights' }).click()
  await expect(page.getByRole('heading', { name: /contributions in the last 12 months/ })).toBeVisible()

  await host.stop()
})

test('a CSV file with a bad line imports only after the skip is confirmed; export, delete with undo and duplicate', async ({ page, startApp }) => {
  const host = await startApp(makeDataDir())
  await page.goto(addressAt(host, '/activities'))
  await expect(page.getByRole('heading', { name: 'Nothing logged yet' })).toBeVisible()

  const csv = [
    'date,kind,title,url,repo,state,hours,skills',
    `${daysAgo(4)},pull-request,Fix async error handling in router,https://github.com/expressjs/express/pull/6001,expressjs/express,merged,6,skill.javascript;skill.asynchronous-programming`,
    `${daysAgo(3)},podcast,Talked about streams,,,,,`,
    `${daysAgo(2)},blog-post,What I learned contributing to Express,ftp://blog.example.com/express,,,2,`,
    `${daysAgo(1)},meetup,Node.js Berlin meetup,,,,2.5,`,
    `${daysAgo(1)},learning,Streams course,,,,1,`,
  ].join('\n')
  await page.getByRole('button', { name: 'Import', exact: true }).click()
  const importer = page.getByRole('dialog', { name: 'Import activities' })
  // GitHub says where a token would be kept: in memory, in the browser host.
  await importer.getByRole('tab', { name: 'Local git' }).focus()
  await page.keyboard.press('ArrowRight')
  await expect(importer.getByRole('tab', { name: 'GitHub' })).toHaveAttribute('aria-selected', 'true')
  await expect(importer.getByLabel('Personal access token')).toHaveAttribute('type', 'password')
  await expect(importer.getByLabel('Personal access token')).toHaveAccessibleDescription(/Kept in memory for this session only/)
  await screenshot(page, 'import-dialog-github', { wholePage: false })
  await importer.getByRole('tab', { name: 'CSV file' }).click()
  await importer.getByLabel('File to import').setInputFiles({ name: 'activities.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) })
  const preview = importer.getByRole('region', { name: 'What the import would do' })
  await expect(preview).toContainText('activities.csv: 5 rows. 3 new, 0 to update, 0 already in your log, 2 lines with problems.')
  const problems = preview.getByRole('table', { name: 'Lines with problems' })
  await expect(problems.getByRole('row')).toHaveCount(3)
  await expect(problems.getByRole('row').nth(1)).toContainText('3')
  await expect(problems.getByRole('row').nth(2)).toContainText('4')
  await expect(problems).toContainText('http')
  const submit = importer.getByRole('button', { name: 'Import 3 rows' })
  await expect(submit).toBeDisabled()
  await importer.getByRole('checkbox', { name: 'Leave out these 2 lines and import the other 3 rows' }).check()
  await screenshot(page, 'import-dialog-csv', { wholePage: false })
  await submit.click()
  await expect(importer.getByText('Import finished')).toBeVisible()
  await expect(importer.getByRole('definition')).toHaveText(['3', '0', '2'])
  await importer.getByRole('button', { name: 'Close', exact: true }).click()

  const count = page.getByTestId('activity-count')
  const list = page.getByRole('list', { name: 'Activities' })
  await expect(count).toHaveText('3 activities')

  // Export what the filter shows, as a file.
  const filters = page.getByRole('search', { name: 'Filter activities' })
  await filters.getByLabel('Kind').selectOption({ label: 'Engage in Open Source Projects (all)' })
  await expect(count).toHaveText('1 matching activity')
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
  expect(download.suggestedFilename()).toBe(`pathfinder-activities-${format(today, 'yyyy-MM-dd')}.csv`)
  const exported = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/)
  expect(exported).toHaveLength(2)
  expect(exported[0]).toMatch(/^date,kind,title,url,repo,state,hours,skills/)
  expect(exported[1]).toContain('Fix async error handling in router')
  await expect(page.getByText('Exported 1 activity to')).toBeVisible()
  await page.getByRole('button', { name: 'Clear filters' }).click()

  // Delete from the keyboard, then Undo.
  const meetup = list.getByRole('button', { name: /^Node\.js Berlin meetup/ })
  await meetup.focus()
  await page.keyboard.press('Delete')
  await expect(count).toHaveText('2 activities')
  await expect(meetup).toHaveCount(0)
  await page.getByRole('status').locator('.notice').filter({ hasText: 'Deleted “Node.js Berlin meetup”.' }).getByRole('button', { name: 'Undo' }).click()
  await expect(count).toHaveText('3 activities')
  await expect(meetup).toBeVisible()

  // Duplicate from the form: the copy opens for its own date.
  await meetup.click()
  const edit = page.getByRole('dialog', { name: 'Edit activity' })
  await edit.getByRole('button', { name: 'Duplicate' }).click()
  await expect(count).toHaveText('4 activities')
  await edit.getByLabel('Date').fill(daysAgo(8))
  await edit.getByRole('button', { name: 'Save changes' }).click()
  await expect(edit).toBeHidden()
  await expect(list.getByRole('button', { name: /^Node\.js Berlin meetup/ })).toHaveCount(2)
  await expect(list.getByRole('button', { name: new RegExp(`^Node\\.js Berlin meetup Meetup .*${format(subDays(today, 8), 'MMM d')},? ${format(subDays(today, 8), 'yyyy')}$`) })).toBeVisible()
  await host.stop()
})
