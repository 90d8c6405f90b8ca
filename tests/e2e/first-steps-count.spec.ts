import { mkdirSync } from 'node:fs'
import { expect, test, type Locator, type Page, type TestInfo } from '@playwright/test'
import { settled } from './support/settled'
import { makeDataDir, startHost } from './support/webHost'

/**
 * The closing figures of issue 13, reproducible: every click, every key pressed and every
 * character typed on the shortest path from first launch (an empty data folder, the web host)
 * to a first goal with two milestones, and to one activity logged by keyboard alone.
 */
function counter(page: Page) {
  const count = { clicks: 0, keys: 0, typed: 0 }
  return {
    count,
    click: async (target: Locator) => {
      count.clicks += 1
      await target.click()
    },
    press: async (key: string) => {
      count.keys += 1
      await page.keyboard.press(key)
    },
    type: async (text: string) => {
      count.typed += text.length
      await page.keyboard.type(text)
    },
  }
}

function report(testInfo: TestInfo, path: string, count: { clicks: number; keys: number; typed: number }) {
  const line = `${path}: ${count.clicks} clicks, ${count.keys} keys besides the text, ${count.typed} characters of text`
  testInfo.annotations.push({ type: 'figure', description: line })
  console.log(line)
}

const goalTitle = 'Learn Kafka'
const steps = ['Read the book', 'Build a consumer']

async function expectGoal(page: Page) {
  const goal = page.getByRole('article', { name: goalTitle })
  await expect(goal).toBeVisible()
  await expect(goal.getByRole('checkbox')).toHaveCount(2)
}

test('first launch to a goal with two milestones: two clicks, or the keyboard alone', async ({ page }, testInfo) => {
  // The mouse where it saves most: the dashboard's New goal, then the milestone line; Enter does the rest.
  let host = await startHost(makeDataDir())
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  let c = counter(page)
  await c.click(page.getByRole('link', { name: 'New goal' }))
  const form = page.getByRole('dialog', { name: 'New goal' })
  await expect(form.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await c.type(goalTitle)
  await c.click(form.getByRole('textbox', { name: 'New milestone' }))
  for (const step of steps) {
    await c.type(step)
    await c.press('Enter')
  }
  await c.press('Enter')
  await expectGoal(page)
  expect(c.count).toEqual({ clicks: 2, keys: 3, typed: goalTitle.length + steps.join('').length })
  report(testInfo, 'Goal with two milestones, mouse and keys', c.count)
  await host.stop()

  // Keyboard alone: the shortcut, the title, Shift+Tab back to the milestone line (it sits
  // below the fields, and the dialog's focus wraps), the steps, Enter.
  host = await startHost(makeDataDir())
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  c = counter(page)
  await c.press('Control+Shift+G')
  await expect(form.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await c.type(goalTitle)
  const line = form.getByRole('textbox', { name: 'New milestone' })
  for (let i = 0; i < 30 && !(await line.evaluate((el) => el === document.activeElement)); i += 1) await c.press('Shift+Tab')
  await expect(line).toBeFocused()
  const tabs = c.count.keys - 1
  expect(tabs).toBe(6)
  for (const step of steps) {
    await c.type(step)
    await c.press('Enter')
  }
  await c.press('Enter')
  await expectGoal(page)
  expect(c.count).toEqual({ clicks: 0, keys: 1 + tabs + 3, typed: goalTitle.length + steps.join('').length })
  report(testInfo, `Goal with two milestones, keyboard alone (${tabs} Shift+Tab)`, c.count)
  await host.stop()
})

test('first launch to one activity, keyboard alone: the shortcut, the title, Enter', async ({ page }, testInfo) => {
  const host = await startHost(makeDataDir())
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()
  const c = counter(page)
  await c.press('Control+Shift+L')
  const dialog = page.getByRole('dialog', { name: 'Log an activity' })
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await c.type('Fixed the flaky router test')
  await c.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: /^Fixed the flaky router test/ })).toBeVisible()
  expect(c.count).toEqual({ clicks: 0, keys: 2, typed: 27 })
  report(testInfo, 'One activity, keyboard alone', c.count)
  await host.stop()
})

const shots = 'test-results/screenshots/polish'

/** Light and dark at the three widths the issue names, each checked for sideways scrolling. */
async function shootAtWidths(page: Page, name: string) {
  mkdirSync(shots, { recursive: true })
  for (const width of [800, 1024, 1400]) {
    await page.setViewportSize({ width, height: 900 })
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await settled(page)
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(sideways, `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0)
      await page.screenshot({ path: `${shots}/${name}-${width}-${colorScheme}.png`, animations: 'disabled' })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1360, height: 900 })
}

test('the introduction and the command palette, light and dark, at 800, 1024 and 1400 px', async ({ page }) => {
  const host = await startHost(makeDataDir())
  await page.goto(host.url)
  await expect(page.getByRole('region', { name: 'Who you are' })).toBeVisible()
  await shootAtWidths(page, 'onboarding-1')
  await page.getByRole('region', { name: 'Who you are' }).getByRole('button', { name: 'Next' }).click()
  await expect(page.getByRole('region', { name: 'Where you are heading' })).toBeVisible()
  await shootAtWidths(page, 'onboarding-2')
  await page.keyboard.press('Control+K')
  const palette = page.getByRole('dialog', { name: 'Go to or do' })
  await expect(palette.getByRole('combobox', { name: 'Command' })).toBeFocused()
  await shootAtWidths(page, 'palette')
  await page.keyboard.type('go')
  await shootAtWidths(page, 'palette-filtered')
  await host.stop()
})
