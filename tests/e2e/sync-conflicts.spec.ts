import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import { apiFor, value } from './support/hostApi'
import { screenshotAtWidths } from './support/screenshots'
import { settled } from './support/settled'
import { addressAt, makeDataDir, startHost, type RunningHost } from './support/webHost'

const shots = 'test-results/screenshots/conflicts'
const passphrase = 'a long shared passphrase'

// axe runs as a string Playwright evaluates, which the app's CSP (script-src 'self') forbids.
test.use({ bypassCSP: true })

/** axe's WCAG 2.1 A and AA rules on the page as it is, in light and in dark. */
async function axeFindings(page: Page): Promise<string[]> {
  const found: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    await settled(page)
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ iframes: false }).setLegacyMode(true).analyze()
    for (const v of results.violations) found.push(`${colorScheme}: ${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return found
}

async function join2(host: RunningHost, folder: string, deviceName: string) {
  value(await apiFor(host).sync.enable({ folder, passphrase, deviceName }))
}


test('a goal title edited on two machines at once shows on the goal, with the other value one click away', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'pathfinder-e2e-conflicts-'))
  const a = await startHost(makeDataDir())
  const b = await startHost(makeDataDir())
  try {
    await join2(a, folder, 'Work laptop')
    await join2(b, folder, 'Home')
    const goalA = value(await apiFor(a).goals.create({ title: 'Write a blog post', milestones: [{ title: 'Outline', done: false }] }))
    let goalB = 0
    await expect(async () => {
      const found = value(await apiFor(b).goals.list({})).find((g) => g.title === 'Write a blog post')
      expect(found).toBeDefined()
      goalB = found?.id ?? 0
    }).toPass({ timeout: 20_000 })

    // Both at once: each host writes its change before the other's reaches it through the folder.
    await Promise.all([
      apiFor(a).goals.update({ goalId: goalA.id, title: 'Post about streams' }),
      apiFor(b).goals.update({ goalId: goalB, title: 'Post about backpressure' }),
    ])
    let kept = ''
    await expect(async () => {
      const [onA, onB] = [value(await apiFor(a).goals.get({ goalId: goalA.id })), value(await apiFor(b).goals.get({ goalId: goalB }))]
      expect(onA.title).toBe(onB.title)
      expect(value(await apiFor(a).sync.notices({ about: { kind: 'goal', id: goalA.id } })).notices).toHaveLength(1)
      kept = onA.title
    }).toPass({ timeout: 20_000 })
    const other = kept === 'Post about streams' ? 'Post about backpressure' : 'Post about streams'

    await page.goto(addressAt(a, '/goals'))
    const card = page.locator(`article[data-goal-id="${goalA.id}"]`)
    const badge = card.getByRole('button', { name: `Title edited on both machines: ${kept}` })
    await expect(badge).toBeVisible()
    await screenshotAtWidths(page, card, shots, 'goal-badge', [800, 1400])

    await badge.focus()
    await page.keyboard.press('Enter')
    const values = card.getByRole('group', { name: `The title of ${kept}` })
    await expect(values).toContainText(`This machine kept: ${kept}. The other machine had: ${other}.`)
    await screenshotAtWidths(page, card, shots, 'goal-badge-open', [800, 1400])
    const findings = await axeFindings(page)
    expect(findings, findings.join('\n')).toEqual([])

    // The goal's dialog shows it too, above its fields.
    await card.getByRole('button', { name: `Edit ${kept}` }).click()
    const dialog = page.getByRole('dialog')
    await expect(dialog.getByRole('button', { name: `Title edited on both machines: ${kept}` })).toBeVisible()
    await screenshotAtWidths(page, dialog, shots, 'goal-dialog', [800, 1400])
    await page.keyboard.press('Escape')
    await expect(dialog).toHaveCount(0)

    await values.getByRole('button', { name: `Use the other value for the title of ${kept}` }).click()
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(other)
    await expect(card.getByTestId('sync-conflict-badge')).toHaveCount(0)
    // The other machine follows through the folder.
    await expect(async () => expect(value(await apiFor(b).goals.get({ goalId: goalB })).title).toBe(other)).toPass({ timeout: 20_000 })
  } finally {
    await a.stop()
    await b.stop()
    rmSync(folder, { recursive: true, force: true })
  }
})

test('an activity and a roadmap item edited on both machines show it on their row, form and page', async ({ page }) => {
  const folder = mkdtempSync(join(tmpdir(), 'pathfinder-e2e-conflicts-'))
  const a = await startHost(makeDataDir())
  const b = await startHost(makeDataDir())
  try {
    await join2(a, folder, 'Work laptop')
    await join2(b, folder, 'Home')
    const mine = value(await apiFor(a).activities.create({ kind: 'talk', date: '2027-03-04', title: 'Streams at the meetup', hours: 1 }))
    let theirs = 0
    await expect(async () => {
      const found = value(await apiFor(b).activities.list({})).rows.find((r) => r.title === 'Streams at the meetup')
      expect(found).toBeDefined()
      theirs = found?.id ?? 0
    }).toPass({ timeout: 20_000 })

    await Promise.all([
      apiFor(a).activities.update({ id: mine.id, hours: 2 }),
      apiFor(b).activities.update({ id: theirs, hours: 5 }),
      apiFor(a).roadmap.setNote({ itemId: 'skill.javascript', note: 'Closures first' }),
      apiFor(b).roadmap.setNote({ itemId: 'skill.javascript', note: 'Async first' }),
    ])
    await expect(async () => {
      const notices = value(await apiFor(a).sync.notices({})).notices
      expect(notices.map((n) => n.field).sort()).toEqual(['hours', 'note'])
    }).toPass({ timeout: 20_000 })

    await page.goto(addressAt(a, '/activities'))
    const row = page.getByRole('button', { name: /^Streams at the meetup/ })
    await expect(row).toContainText('Edited on both machines')
    await screenshotAtWidths(page, page.locator('.row-wrap').first(), shots, 'activity-row', [800, 1400])
    await row.click()
    const form = page.getByRole('dialog')
    await form.getByRole('button', { name: 'Hours edited on both machines: Streams at the meetup' }).click()
    await expect(form.getByRole('group', { name: 'The hours of Streams at the meetup' })).toContainText('The other machine had:')
    await screenshotAtWidths(page, form, shots, 'activity-form', [800, 1400])
    // Escape closes the values first, the dialog only after.
    await page.keyboard.press('Escape')
    await expect(form.getByRole('group', { name: 'The hours of Streams at the meetup' })).toHaveCount(0)
    await expect(form).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(form).toHaveCount(0)

    await page.goto(addressAt(a, '/items/skill.javascript'))
    const badge = page.getByRole('button', { name: /^Note edited on both machines: / })
    await badge.click()
    const values = page.getByRole('group', { name: /^The note of / })
    await expect(values).toContainText('This machine kept:')
    await screenshotAtWidths(page, page.getByRole('region', { name: 'Note' }).or(page.locator('section[aria-labelledby="note-title"]')).first(), shots, 'item-note', [800, 1400])
    await values.getByRole('button', { name: /^Keep this one for the note of / }).click()
    await expect(page.getByTestId('sync-conflict-badge')).toHaveCount(0)
    expect(value(await apiFor(a).sync.notices({ about: { kind: 'item', id: 'skill.javascript' } })).notices).toEqual([])
    // Kept on A, settled on B too once it syncs; the hours, not chosen yet, still show on both.
    await expect(async () => {
      value(await apiFor(b).sync.syncNow({}))
      expect(value(await apiFor(b).sync.notices({})).notices.map((n) => n.field)).toEqual(['hours'])
    }).toPass({ timeout: 20_000 })
    expect(value(await apiFor(a).sync.notices({})).notices.map((n) => n.field)).toEqual(['hours'])
  } finally {
    await a.stop()
    await b.stop()
    rmSync(folder, { recursive: true, force: true })
  }
})
