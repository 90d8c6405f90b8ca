import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from './support/appTest'
import { addDays, differenceInCalendarDays, format, startOfYear, subYears } from 'date-fns'
import type { Api } from '../../shared/contract'
import { value } from './support/hostApi'
import { makeDataDir } from './support/webHost'
import { screenshot, shotsDir } from './support/screenshots'

const files = 'test-results/reports'
const today = new Date()
const yearStart = startOfYear(today)
/** A day of this year, `share` of the way from 1 January to today: never in the future. */
const thisYear = (share: number) => format(addDays(yearStart, Math.floor(differenceInCalendarDays(today, yearStart) * share)), 'yyyy-MM-dd')
const lastYear = format(subYears(yearStart, 1), 'yyyy') + '-12-15'

const privateNote = 'Counter-offer from Initech: keep this between us'

/**
 * A year of a backend developer's work: merged PRs in three public repositories and one
 * private one, a review, an issue, a certification, a talk and a post; a PR from last year;
 * skill levels; a goal with milestones; a note that must not reach a hiring manager.
 */
async function seedHistory(api: Api) {
  const prs: [string, string, number, 'merged' | 'open'][] = [
    ['expressjs/express', 'Fix async error handling in router', 0.08, 'merged'],
    ['expressjs/express', 'Support Brotli in res.sendFile', 0.3, 'merged'],
    ['expressjs/express', 'Drop the deprecated res.redirect(url, status) form', 0.62, 'merged'],
    ['nestjs/nest', 'Graceful shutdown for microservice transports', 0.2, 'merged'],
    ['nestjs/nest', 'Typed config namespaces', 0.71, 'merged'],
    ['spring-projects/spring-boot', 'Virtual threads for the embedded Tomcat executor', 0.45, 'merged'],
    ['spring-projects/spring-boot', 'Actuator endpoint for HikariCP pool metrics', 0.9, 'merged'],
    ['spring-projects/spring-boot', 'Structured logging for R2DBC', 0.97, 'open'],
  ]
  for (const [repo, title, share, state] of prs) {
    value(
      await api.activities.create({
        kind: 'pull-request',
        date: thisYear(share),
        title,
        repo,
        state,
        url: `https://github.com/${repo}/pull/${Math.round(share * 1000) + 4000}`,
        hours: 4,
        skillIds: repo.startsWith('spring') ? ['skill.java', 'skill.spring-framework'] : ['skill.javascript', 'skill.asynchronous-programming'],
        notes: title.startsWith('Typed config') ? privateNote : null,
      }),
    )
  }
  value(await api.activities.create({ kind: 'code-review', date: thisYear(0.5), title: 'Review: request-scoped providers in GraphQL', repo: 'nestjs/nest' }))
  value(await api.activities.create({ kind: 'issue', date: thisYear(0.55), title: 'Router leaks listeners on aborted requests', repo: 'expressjs/express', state: 'closed' }))
  value(await api.activities.create({ kind: 'pull-request', date: thisYear(0.6), title: 'Invoice rounding for Swiss francs', repo: 'acme/billing-internal', state: 'merged' }))
  value(await api.activities.create({ kind: 'pull-request', date: lastYear, title: 'Last year’s fix to query parsing', repo: 'expressjs/express', state: 'merged' }))
  value(await api.activities.create({ kind: 'certification', date: thisYear(0.4), title: 'Oracle Certified Professional: Java SE 17 Developer', skillIds: ['skill.java'] }))
  value(await api.activities.create({ kind: 'talk', date: thisYear(0.66), title: 'Backpressure in Node.js streams', repo: 'Berlin Node.js meetup' }))
  value(await api.activities.create({ kind: 'blog-post', date: thisYear(0.8), title: 'What virtual threads changed in our Spring services', url: 'https://dev.example.com/virtual-threads' }))
  value(await api.reports.setPrivateRepositories({ repositories: ['acme/*'] }))

  value(await api.roadmap.chooseTracks({ trackIds: ['track.java'] }))
  for (const [itemId, level] of [['skill.java', 4], ['skill.spring-framework', 3], ['skill.javascript', 3], ['skill.asynchronous-programming', 2]] as const) {
    value(await api.roadmap.setLevel({ itemId, level }))
  }
  value(await api.roadmap.setStatus({ itemId: 'skill.java', status: 'done' }))
  value(await api.roadmap.setNote({ itemId: 'skill.java', note: privateNote }))

  const goal = value(
    await api.goals.create({
      title: 'Ship a Spring Boot service to production',
      description: privateNote,
      startDate: thisYear(0.1),
      targetDate: format(addDays(today, 60), 'yyyy-MM-dd'),
      priority: 'high',
      itemIds: ['skill.spring-framework'],
      milestones: [{ title: 'Read the reference documentation' }, { title: 'Build the REST service' }, { title: 'Load test and go live' }],
    }),
  )
  for (const milestone of goal.milestones.slice(0, 2)) value(await api.goals.toggleMilestone({ milestoneId: milestone.id, done: true }))
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })

test('a developer composes a yearly job-application report without notes, previews it and exports PDF and Markdown', async ({ page, startApp }) => {
  test.setTimeout(120_000)
  mkdirSync(files, { recursive: true })
  mkdirSync(shotsDir(), { recursive: true })
  const host = await startApp(makeDataDir())
  try {
    await seedHistory(host.api)

    await page.goto(host.url)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()
    await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible()
    await expect(page.getByRole('heading', { name: 'No report exported yet' })).toBeVisible()

    // Compose with the keyboard where a person would: period, template, author.
    const options = page.getByRole('region', { name: 'Report options' })
    await options.getByLabel('Period').selectOption('this-year')
    const jobApplication = options.getByRole('radio', { name: 'Job application' })
    await jobApplication.focus()
    await page.keyboard.press('Space')
    await expect(jobApplication).toBeChecked()
    await expect(jobApplication).toHaveAccessibleDescription('For a hiring manager: public work and skills, no notes, no salaries.')
    // The template leaves notes, salaries and private repositories out; say so explicitly all the same.
    await expect(options.getByRole('checkbox', { name: 'Notes' })).toBeChecked()
    await expect(options.getByRole('checkbox', { name: 'Private repositories' })).toBeChecked()
    await expect(options.getByRole('checkbox', { name: 'Goals' })).not.toBeChecked()
    await options.getByRole('checkbox', { name: 'Goals' }).check()
    await options.getByRole('button', { name: 'Move Goals up' }).click()
    await options.getByRole('checkbox', { name: 'Goals' }).uncheck()
    await options.getByRole('textbox', { name: 'Name' }).fill('Alex Doe')
    await expect(page.getByText('Updating…')).toBeVisible()
    await options.getByRole('textbox', { name: 'Job title' }).fill('Backend Developer')

    // The private list, seeded as acme/*, opens from the keyboard and gives focus back on Escape.
    const editList = options.getByRole('button', { name: 'Edit list of private repositories' })
    await expect(options.getByRole('checkbox', { name: 'Private repositories' })).toHaveAccessibleDescription('1 repository marked · 1 activity left out of this report')
    await editList.focus()
    await page.keyboard.press('Enter')
    const privateList = page.getByRole('dialog', { name: 'Private repositories' })
    await expect(privateList.getByRole('list', { name: 'Marked private' })).toHaveText('acme/*')
    await expect(privateList.getByRole('combobox', { name: 'Repository' })).toBeFocused()
    await page.keyboard.press('Escape')
    await expect(privateList).toBeHidden()
    await expect(editList).toBeFocused()

    // The live preview follows: the template's title, the author, the public repositories, no note.
    const preview = page.frameLocator('iframe[title^="Preview of the report"]')
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Professional development record')
    await expect(preview.getByText('Alex Doe · Backend Developer')).toBeVisible()
    await expect(preview.locator('#open-source')).toContainText('spring-projects/spring-boot')
    await expect(preview.locator('body')).not.toContainText('Initech')
    await expect(preview.locator('body')).not.toContainText('acme/billing-internal')
    await expect(preview.locator('body')).not.toContainText('Last year’s fix')
    await expect(page.getByText('Updating…')).toBeHidden()
    const figures = page.getByRole('region', { name: 'Key figures of the report' })
    await expect(figures.getByRole('heading', { name: 'Professional development record' })).toBeVisible()
    await expect(figures.getByRole('definition').first()).toHaveText('7')
    await expect(figures.getByRole('term').first()).toHaveText('Merged pull requests')
    await screenshot(page, 'reports')

    // PDF: the long one; progress is shown and said, the buttons wait.
    const pdfDownload = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export as PDF' }).click()
    await expect(page.getByText('Printing PDF…')).toBeVisible()
    await expect(page.getByRole('progressbar', { name: 'Exporting PDF' })).toBeVisible()
    await expect(page.getByRole('button', { name: 'Export as Markdown' })).toBeDisabled()
    const pdf = await pdfDownload
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/)
    const pdfPath = join(files, 'job-application.pdf')
    await pdf.saveAs(pdfPath)
    await expect(page.getByText(`Downloaded ${pdf.suggestedFilename()}.`)).toBeVisible()
    await expect(page.getByRole('button', { name: 'Export as Markdown' })).toBeEnabled()

    const mdDownload = page.waitForEvent('download')
    await page.getByRole('button', { name: 'Export as Markdown' }).click()
    const md = await mdDownload
    expect(md.suggestedFilename()).toMatch(/\.md$/)
    const mdPath = join(files, 'job-application.md')
    await md.saveAs(mdPath)

    // The files hold the figures: 7 merged PRs in 3 public repositories this year.
    expect(statSync(pdfPath).size).toBeGreaterThan(20_000)
    expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-')
    const printed = pdfText(pdfPath)
    expect(printed).toContain('Professional development record')
    expect(printed).toContain('Alex Doe')
    expect(printed).toMatch(/10 contributions\s+and\s+7 merged pull requests/)
    for (const repo of ['expressjs/express', 'nestjs/nest', 'spring-projects/spring-boot']) expect(printed).toContain(repo)
    expect(printed).not.toContain('Initech')
    expect(printed).not.toContain('billing-internal')

    const markdown = readFileSync(mdPath, 'utf8')
    expect(markdown).toMatch(/^# Professional development record\n/)
    expect(markdown).toContain('**Alex Doe · Backend Developer**')
    expect(markdown).toContain('| Merged pull requests | **7** |')
    expect(markdown).toContain('**10 contributions**, 7 merged pull requests')
    expect(markdown).toContain('| expressjs/express | **3** |')
    expect(markdown).toContain('| nestjs/nest | **2** |')
    expect(markdown).toContain('| spring-projects/spring-boot | **2** |')
    expect(markdown).toContain('Oracle Certified Professional: Java SE 17 Developer')
    expect(markdown).toContain('This report leaves out work in one private repository (1 activity), personal notes and salary ranges.')
    expect(markdown).not.toContain('Initech')
    expect(markdown).not.toContain('billing-internal')
    expect(markdown).not.toContain('Last year’s fix')
    expect(markdown).not.toContain('## Goals')

    // The history lists both, newest first, with the period and the key figures.
    const history = page.getByRole('region', { name: /Exported reports/ })
    const rows = history.getByRole('row')
    await expect(rows).toHaveCount(3)
    await expect(rows.nth(1)).toContainText('Markdown')
    await expect(rows.nth(2)).toContainText('PDF')
    await expect(rows.nth(1)).toContainText('7 merged PRs')
    await expect(rows.nth(1)).toContainText(format(today, 'yyyy'))

    // A promotion case for the same year now compares itself with the job application.
    await options.getByRole('radio', { name: 'Promotion case' }).check()
    await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Case for promotion')
    await expect(preview.locator('#comparison')).toContainText('Compared with the last report, “Professional development record”')
    await expect(rows.nth(1)).toContainText('Compared with')
    await expect(history).toContainText('“Since the last report” compares this report with the Markdown export')
    const dismiss = page.getByRole('button', { name: 'Dismiss message' })
    while ((await dismiss.count()) > 0) await dismiss.first().click()
    await history.screenshot({ path: `${shotsDir()}/reports-history.png`, animations: 'disabled' })

    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdfPath, join(shotsDir(), 'report-pdf-page1')])
    expect(statSync(join(shotsDir(), 'report-pdf-page1.png')).size).toBeGreaterThan(10_000)
  } finally {
    await host.stop()
  }
})
