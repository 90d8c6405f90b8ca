import { expect, test } from '@playwright/test'
import { toIsoDate } from '../../shared/domain/dates'
import { apiFor, value } from './support/hostApi'
import { screenshot } from './support/screenshots'
import { makeDataDir, startHost } from './support/webHost'

const daysAgo = (n: number) => toIsoDate(new Date(Date.now() - n * 86_400_000))

test('the dashboard shows my recent work beside the plan; a day opens its activities; rows show why they mattered', async ({ page }) => {
  const host = await startHost(makeDataDir())
  const api = apiFor(host)
  value(await api.roadmap.chooseTracks({ trackIds: ['track.nodejs'] }))
  value(await api.activities.create({ kind: 'pull-request', date: daysAgo(0), title: 'Stream backpressure in fetch', repo: 'nodejs/undici', state: 'merged', url: 'https://github.com/nodejs/undici/pull/3001', impact: 'Halved memory under load' }))
  value(await api.activities.create({ kind: 'talk', date: daysAgo(1), title: 'Streams at the Node meetup', impact: '80 people, 3 follow-up PRs' }))
  value(await api.activities.create({ kind: 'learning', date: daysAgo(2), title: 'Read about B-trees' }))
  for (let n = 3; n < 60; n += 4) value(await api.activities.create({ kind: 'code-review', date: daysAgo(n), title: `Review ${n}`, repo: 'nodejs/node' }))

  await page.goto(host.url)
  const panel = page.getByRole('region', { name: 'Your work' })
  await expect(panel.getByText('4 days')).toBeVisible()
  await expect(panel.getByText('Stream backpressure in fetch')).toBeVisible()
  for (const width of [1400, 800]) {
    await page.setViewportSize({ width, height: 900 })
    await screenshot(page, `dashboard-your-work-${width}`)
  }
  await page.setViewportSize({ width: 1400, height: 900 })

  // The keyboard reaches a day: today is in the tab order, arrows move, Enter opens.
  await panel.getByRole('button', { name: /contribution.* on / }).and(page.locator('[tabindex="0"]')).focus()
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: 'Activities', level: 1 })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Streams at the Node meetup/ })).toBeVisible()
  await expect(page.getByRole('button', { name: /^Read about B-trees/ })).toBeHidden()
  await expect(page.getByText('80 people, 3 follow-up PRs')).toBeVisible()

  await page.getByRole('button', { name: 'Clear filters' }).click()
  await expect(page.getByRole('link', { name: 'Open the link of Stream backpressure in fetch' })).toHaveAttribute('href', 'https://github.com/nodejs/undici/pull/3001')
  for (const width of [1400, 800]) {
    await page.setViewportSize({ width, height: 900 })
    await screenshot(page, `activities-impact-${width}`, { wholePage: false })
  }
  await host.stop()
})
