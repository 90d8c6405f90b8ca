import { mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import ICAL from 'ical.js'
import { Validator, type Schema } from 'jsonschema'
import { addMonths, format } from 'date-fns'
import { z } from 'zod'
import { expect, test } from './support/appTest'
import { value } from './support/hostApi'
import { settled } from './support/settled'
import { makeDataDir, repoRoot } from './support/webHost'

const shots = 'test-results/screenshots/formats'
const files = 'test-results/helper-formats'
const today = new Date()
const day = (monthsAhead: number) => format(addMonths(today, monthsAhead), 'yyyy-MM-dd')
const schema = z
  .custom<Schema>((v) => typeof v === 'object' && v !== null)
  .parse(JSON.parse(readFileSync(join(repoRoot, 'node_modules', '@jsonresume', 'schema', 'schema.json'), 'utf8')))

/** Light and dark, at the width the composer is hardest to read. */
async function shoot(page: import('@playwright/test').Page, name: string) {
  for (const [colorScheme, suffix] of [['light', ''], ['dark', '-dark']] as const) {
    await page.emulateMedia({ colorScheme })
    await settled(page)
    await page.screenshot({ path: `${shots}/${name}${suffix}.png`, animations: 'disabled' })
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('the composer downloads a JSON Resume and a calendar that other tools read', async ({ page, startApp }, testInfo) => {
  test.skip(testInfo.project.name !== 'web', 'A web story: the desktop path saves through its dialog')
  test.setTimeout(120_000)
  mkdirSync(shots, { recursive: true })
  mkdirSync(files, { recursive: true })
  const host = await startApp(makeDataDir())
  const { api } = host
  value(await api.profile.save({ name: 'Alex Doe', jobTitle: 'Backend Developer' }))
  value(await api.activities.create({ kind: 'pull-request', date: format(today, 'yyyy-MM-dd'), title: 'Graceful shutdown for transports', repo: 'nestjs/nest', state: 'merged', url: 'https://github.com/nestjs/nest/pull/4200', impact: 'No dropped messages on deploy' }))
  value(await api.activities.create({ kind: 'pull-request', date: format(today, 'yyyy-MM-dd'), title: 'Invoice rounding', repo: 'acme/billing', state: 'merged' }))
  value(await api.reports.setPrivateRepositories({ repositories: ['acme/*'] }))
  value(await api.roadmap.setLevel({ itemId: 'skill.javascript', level: 4 }))
  const goal = value(await api.goals.create({ title: 'Speak at a conference', startDate: format(today, 'yyyy-MM-dd'), targetDate: day(6), milestones: [{ title: 'Submit the talk', dueDate: day(2) }] }))

  await page.setViewportSize({ width: 1024, height: 900 })
  await page.goto(host.url)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click()
  const tools = page.getByRole('region', { name: 'For other tools' })
  await expect(tools.getByRole('button', { name: 'Export as JSON Resume' })).toBeEnabled()
  await expect(page.getByText('Updating…')).toBeHidden()
  for (const width of [800, 1400, 1024]) {
    await page.setViewportSize({ width, height: 900 })
    await settled(page)
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), `nothing scrolls sideways at ${width} px`).toBe(true)
  }
  await tools.scrollIntoViewIfNeeded()
  await shoot(page, 'composer-1024')

  // JSON Resume, from the keyboard.
  const resumeDownload = page.waitForEvent('download')
  await tools.getByRole('button', { name: 'Export as JSON Resume' }).focus()
  await page.keyboard.press('Enter')
  const resumeFile = await resumeDownload
  expect(resumeFile.suggestedFilename()).toBe('alex-doe-resume.json')
  const resumePath = join(files, resumeFile.suggestedFilename())
  await resumeFile.saveAs(resumePath)
  await expect(page.getByText('Downloaded alex-doe-resume.json.')).toBeVisible()
  const resume: unknown = JSON.parse(readFileSync(resumePath, 'utf8'))
  expect(new Validator().validate(resume, schema).errors.map((e) => e.stack)).toEqual([])
  const read = z
    .object({ basics: z.object({ name: z.string() }), projects: z.array(z.object({ name: z.string(), highlights: z.array(z.string()) })), skills: z.array(z.object({ name: z.string(), level: z.string() })) })
    .parse(resume)
  expect(read.basics.name).toBe('Alex Doe')
  expect(read.projects).toEqual([expect.objectContaining({ name: 'nestjs/nest', highlights: ['Graceful shutdown for transports — No dropped messages on deploy'] })])
  expect(read.skills).toContainEqual({ name: 'JavaScript', level: 'Proficient' })

  // The calendar.
  const icsDownload = page.waitForEvent('download')
  await tools.getByRole('button', { name: 'Export as Calendar (.ics)' }).click()
  const icsFile = await icsDownload
  expect(icsFile.suggestedFilename()).toBe('pathfinder-goals.ics')
  const icsPath = join(files, icsFile.suggestedFilename())
  await icsFile.saveAs(icsPath)
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(icsPath, 'utf8')))
  const events = calendar.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c))
  expect(events.map((e) => [e.summary, e.startDate.toString(), e.startDate.isDate])).toEqual([
    ['Goal due: Speak at a conference', day(6), true],
    ['Milestone: Submit the talk', day(2), true],
  ])
  expect(events[0]?.uid).toMatch(new RegExp(`^goal-${goal.id}@[0-9a-f]{12}\\.pathfinder\\.local$`))

  // The goals view offers the same file.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Goals' }).click()
  const again = page.waitForEvent('download')
  await page.getByRole('button', { name: 'Add to calendar (.ics)' }).click()
  const second = await again
  const secondPath = join(files, 'again.ics')
  await second.saveAs(secondPath)
  const uids = (path: string) => new ICAL.Component(ICAL.parse(readFileSync(path, 'utf8'))).getAllSubcomponents('vevent').map((c) => new ICAL.Event(c).uid)
  expect(uids(secondPath)).toEqual(uids(icsPath))
  await shoot(page, 'goals-1024')
})
