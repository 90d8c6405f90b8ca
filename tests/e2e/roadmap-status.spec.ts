import { expect, test } from './support/appTest'
import { makeDataDir } from './support/webHost'
import { screenshot } from './support/screenshots'

test('statuses set on the roadmap survive a restart of the host', async ({ page, startApp }) => {
  const dataDir = makeDataDir()
  let host = await startApp(dataDir)

  await page.goto(host.url)
  // The dashboard opens first; the roadmap is one click away.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roadmap' }).click()
  await expect(page.getByRole('heading', { name: 'Roadmap', level: 1 })).toBeVisible()

  // The whole seed path is on the first screen.
  await expect(page.getByRole('heading', { name: "Bachelor's Degree in Computer Science or Related Field" })).toBeVisible()
  await expect(page.getByText('4 years')).toBeVisible()
  for (const title of ['Programming Languages', 'Data Structures', 'Algorithms', 'JavaScript', 'Asynchronous Programming', 'Java', 'Spring Framework']) {
    await expect(page.getByRole('combobox', { name: `Status of ${title}`, exact: true })).toBeVisible()
  }
  await expect(page.getByText('$70,000 – $110,000 a year')).toBeVisible()
  await expect(page.getByText('$80,000 – $120,000 a year')).toBeVisible()
  for (const group of ['Strategies for Growth', 'Professional Networking', 'Building Your Brand']) {
    await expect(page.getByRole('heading', { name: group })).toBeVisible()
  }

  await page.getByRole('combobox', { name: 'Status of Data Structures' }).selectOption('done')
  await page.getByRole('combobox', { name: 'Status of Engage in Open Source Projects' }).selectOption('in-progress')
  await expect(page.getByRole('combobox', { name: 'Status of Engage in Open Source Projects' })).toBeEnabled()
  await expect(page.getByRole('combobox', { name: 'Status of Data Structures' })).toBeEnabled()

  await host.stop()
  host = await startApp(dataDir)
  await page.goto(host.url)
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Roadmap' }).click()
  await expect(page.getByRole('combobox', { name: 'Status of Data Structures' })).toHaveValue('done')
  await expect(page.getByRole('combobox', { name: 'Status of Engage in Open Source Projects' })).toHaveValue('in-progress')
  await expect(page.getByRole('combobox', { name: 'Status of Algorithms' })).toHaveValue('not-started')
  await screenshot(page, 'roadmap')
  await host.stop()
})
