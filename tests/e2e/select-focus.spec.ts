import { expect, test } from './support/appTest'
import { addressAt, makeDataDir } from './support/webHost'

// Saving a status or level must not take the control away: a person stepping through the
// options with the arrow keys saves each step and keeps going from where they are.
test('status and level selects keep focus across their saves, on the roadmap and the item page', async ({ page, startApp }) => {
  const host = await startApp(makeDataDir())
  await page.goto(addressAt(host, '/roadmap'))

  const status = page.getByRole('combobox', { name: 'Status of Data Structures', exact: true })
  await status.focus()
  await page.keyboard.press('ArrowDown')
  await expect(status).toHaveValue('in-progress')
  await expect(status).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(status).toHaveValue('done')
  await expect(status).toBeFocused()

  const level = page.getByRole('combobox', { name: 'Level of Data Structures', exact: true })
  await level.focus()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  // "Not rated", then 0, then 1.
  await expect(level).toHaveValue('1')
  await expect(level).toBeFocused()

  // What was saved is what the page shows after a reload, once the saves are answered (the
  // select shows a choice at once; a reload before its request leaves the page would drop it).
  await expect(level).not.toHaveAttribute('aria-busy', 'true')
  await expect(status).not.toHaveAttribute('aria-busy', 'true')
  await page.reload()
  await expect(status).toHaveValue('done')
  await expect(level).toHaveValue('1')

  await page.getByRole('link', { name: 'Data Structures', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Data Structures', level: 1 })).toBeVisible()
  await status.focus()
  await page.keyboard.press('ArrowUp')
  await expect(status).toHaveValue('in-progress')
  await expect(status).toBeFocused()
  await page.keyboard.press('ArrowUp')
  await expect(status).toHaveValue('not-started')
  await expect(status).toBeFocused()
  await level.focus()
  await page.keyboard.press('ArrowDown')
  await expect(level).toHaveValue('2')
  await expect(level).toBeFocused()
})
