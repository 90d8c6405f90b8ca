import { expect, test, type Page } from '@playwright/test'
import { screenshot } from './support/screenshots'
import { makeDataDir, startHost } from './support/webHost'

/** Counts the keys pressed apart from the title's own letters: what logging costs beyond saying what was done. */
function keyCounter(page: Page) {
  let presses = 0
  return {
    press: async (key: string) => {
      presses += 1
      await page.keyboard.press(key)
    },
    get presses() {
      return presses
    },
  }
}

test('from first launch, one activity is logged with two keys besides its title, or two clicks', async ({ page }) => {
  const host = await startHost(makeDataDir())
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()

  // Keyboard alone: the shortcut, the title (focused already), Enter.
  const keys = keyCounter(page)
  await keys.press('Control+Shift+L')
  const dialog = page.getByRole('dialog', { name: 'Log an activity' })
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await page.keyboard.type('Fixed the flaky router test')
  await keys.press('Enter')
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: /^Fixed the flaky router test/ })).toBeVisible()
  expect(keys.presses).toBe(2)

  // The mouse: the dashboard's Log button, the title, the dialog's own Log button.
  await page.keyboard.press('Control+1')
  await page.getByRole('button', { name: 'Log activity' }).click()
  await expect(dialog.getByRole('textbox', { name: 'Title' })).toBeFocused()
  await page.keyboard.type('Reviewed a pull request')
  await dialog.getByRole('button', { name: 'Log activity' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByRole('button', { name: /^Reviewed a pull request/ })).toBeVisible()
  await host.stop()
})

test('a pasted link fills the form, and the palette reaches views and actions by keyboard', async ({ page }) => {
  const host = await startHost(makeDataDir())
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeVisible()

  await page.keyboard.press('Control+K')
  const palette = page.getByRole('dialog', { name: 'Go to or do' })
  const box = palette.getByRole('combobox', { name: 'Command' })
  await expect(box).toBeFocused()
  await expect(palette.getByRole('option')).toHaveCount(16)
  await page.keyboard.type('go set')
  await expect(palette.getByRole('option')).toHaveText([/^Go to Settings\s*Ctrl\+7$/])
  await expect(palette.getByRole('option', { selected: true })).toHaveText(/Go to Settings/)
  await page.keyboard.press('Enter')
  await expect(palette).toBeHidden()
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible()

  await page.keyboard.press('Control+K')
  await page.keyboard.type('act')
  // Arrows move the choice the text box points at; Enter runs the chosen one.
  await page.keyboard.press('ArrowDown')
  const chosen = palette.getByRole('option', { selected: true })
  await expect(box).toHaveAttribute('aria-activedescendant', (await chosen.getAttribute('id')) ?? 'none')
  await page.keyboard.press('ArrowUp')
  await expect(chosen).toHaveText(/Log activity/)
  for (const width of [1400, 800]) {
    await page.setViewportSize({ width, height: 900 })
    await screenshot(page, `command-palette-${width}`, { wholePage: false })
  }
  await page.keyboard.press('Enter')

  const dialog = page.getByRole('dialog', { name: 'Log an activity' })
  const title = dialog.getByRole('textbox', { name: 'Title' })
  await expect(title).toBeFocused()
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.setData('text/plain', 'https://github.com/nodejs/node/pull/51234')
    document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }))
  })
  await expect(title).toHaveValue('Pull request #51234 in nodejs/node')
  await expect(dialog.getByRole('textbox', { name: 'Link' })).toHaveValue('https://github.com/nodejs/node/pull/51234')
  await expect(dialog.getByRole('combobox', { name: 'Kind' })).toHaveValue('pull-request')
  await expect(dialog.getByRole('combobox', { name: 'Project or repository' })).toHaveValue('nodejs/node')
  for (const width of [1400, 800]) {
    await page.setViewportSize({ width, height: 900 })
    await screenshot(page, `log-from-link-${width}`, { wholePage: false })
  }
  await host.stop()
})
