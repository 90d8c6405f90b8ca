import { format, subDays, addDays } from 'date-fns'
import { expect, test } from '@playwright/test'
import { apiFor, value } from './support/hostApi'
import { screenshot } from './support/screenshots'
import { settled } from './support/settled'
import { makeDataDir, startHost } from './support/webHost'

/** Every view a person reaches, at a small laptop window, a common one and a wide one. */
const views = [
  { name: 'dashboard', path: '/' },
  { name: 'roadmap', path: '/roadmap' },
  { name: 'item', path: '/items/skill.java' },
  { name: 'goals', path: '/goals' },
  { name: 'timeline', path: '/timeline' },
  { name: 'activities', path: '/activities' },
  { name: 'insights', path: '/activities/insights' },
  { name: 'reports', path: '/reports' },
  { name: 'settings', path: '/settings' },
  { name: 'reviews', path: '/reviews' },
  { name: 'not-found', path: '/no-such-page' },
]
const widths = [800, 1024, 1400]

const today = new Date()
const day = (offset: number) => format(offset < 0 ? subDays(today, -offset) : addDays(today, offset), 'yyyy-MM-dd')

test('every view fits its window at 800, 1024 and 1400 px, in light and in dark', async ({ page }) => {
  test.setTimeout(180_000)
  const host = await startHost(makeDataDir())
  const api = apiFor(host)
  value(await api.roadmap.chooseTracks({ trackIds: ['track.java'] }))
  value(await api.roadmap.setStatus({ itemId: 'skill.java', status: 'in-progress' }))
  value(await api.roadmap.setLevel({ itemId: 'skill.java', level: 3 }))
  value(await api.goals.create({ title: 'Learn Spring', startDate: day(-40), targetDate: day(60), itemIds: ['skill.spring-framework'], milestones: [{ title: 'Read the guide', done: true }, { title: 'Build a service', dueDate: day(18) }] }))
  value(await api.goals.create({ title: 'Ten merged PRs', startDate: day(-100), targetDate: day(300), activityTarget: { count: 10, kinds: ['pull-request'], state: 'merged' } }))
  value(await api.activities.create({ kind: 'pull-request', date: day(-3), title: 'Fix async error handling in the router when a middleware rejects', repo: 'expressjs/express', state: 'merged', skillIds: ['skill.javascript'] }))
  value(await api.activities.create({ kind: 'blog-post', date: day(-20), title: 'Virtual threads in practice', url: 'https://example.com/post' }))
  value(await api.activities.create({ kind: 'meetup', date: day(-200), title: 'Java user group: structured concurrency' }))
  await page.goto(host.url)

  const wide: string[] = []
  for (const width of widths) {
    await page.setViewportSize({ width, height: 900 })
    for (const view of views) {
      await page.goto(`${host.origin}/#${view.path}`)
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
      await settled(page)
      // Sideways scrolling is never wanted: whatever is wider than the window is cut or hidden.
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      if (overflow > 0) wide.push(`${view.name} at ${width}px is ${overflow}px too wide`)
      if (view.name === 'dashboard') {
        // An explanation shown on hover or focus must not widen the page either.
        await page.getByRole('button', { name: 'How progress is counted' }).first().hover()
        const withTip = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        if (withTip > 0) wide.push(`dashboard at ${width}px with its tip shown is ${withTip}px too wide`)
        await screenshot(page, `layout-dashboard-tip-${width}`, { wholePage: false })
        await page.mouse.move(0, 0)
      }
      if (view.name === 'activities') {
        // A title is cut only when the row has no room left for it, never beside empty space.
        await expect(page.getByText('Fix async error handling in the router', { exact: false })).toBeVisible()
        const row = await page.evaluate(() => {
          const title = document.querySelector('.row .title')
          const skills = document.querySelector('.row .skills')
          return title && skills ? { cut: title.scrollWidth > title.clientWidth, title: title.clientWidth, spare: skills.clientWidth - skills.scrollWidth } : null
        })
        expect(row, `a row at ${width}px`).not.toBeNull()
        if (row?.cut && (row.title < 150 || row.spare > 8)) wide.push(`an activity title at ${width}px is cut at ${row.title}px with ${row.spare}px spare beside it`)
      }
      if (view.name === 'timeline') {
        // Today is at the plot's left edge: its pill must still read "Today", not "day".
        const pill = await page.getByText('Today', { exact: true }).first().boundingBox()
        const plot = await page.locator('.scroller').boundingBox()
        expect(pill && plot && pill.x >= plot.x, `the Today pill at ${width}px starts inside the plot`).toBe(true)
      }
      if (view.name === 'insights') {
        // Every label of the heatmap is whole: a month name cut by the card's edge read "D".
        const cut = await page.getByRole('slider', { name: 'Contribution heatmap' }).evaluate((calendar) => {
          const svg = calendar.querySelector('svg')
          if (!svg) return ['no chart']
          const edge = svg.getBoundingClientRect().right
          return [...svg.querySelectorAll('text')].filter((t) => t.getBoundingClientRect().right > edge + 0.5).map((t) => t.textContent ?? '')
        })
        expect(cut, `heatmap labels cut at ${width}px`).toEqual([])
      }
      await screenshot(page, `layout-${view.name}-${width}`)
    }
  }
  expect(wide, wide.join('\n')).toEqual([])
  await host.stop()
})
