import AxeBuilder from '@axe-core/playwright'
import { expect, test } from '@playwright/test'
import { apiFor, value } from './support/hostApi'
import { makeDataDir, startHost } from './support/webHost'
import { settled } from './support/settled'

/** Every view a person reaches from the sidebar, an item page, and the goal form open. */
const views = ['/', '/roadmap', '/items/skill.java', '/goals', '/goals?new=1', '/activities', '/reports', '/timeline', '/settings', '/reviews', '/reviews?write=']

// axe runs as a string Playwright evaluates, which the app's CSP (script-src 'self') forbids.
test.use({ bypassCSP: true })

test('every view passes axe’s WCAG 2.1 A and AA rules, in light and in dark', async ({ page }) => {
  test.setTimeout(120_000)
  const host = await startHost(makeDataDir())
  const api = apiFor(host)
  value(await api.roadmap.chooseTracks({ trackIds: ['track.java'] }))
  value(await api.roadmap.setStatus({ itemId: 'skill.java', status: 'in-progress' }))
  value(await api.roadmap.setLevel({ itemId: 'skill.java', level: 3 }))
  value(await api.goals.create({ title: 'Learn Spring', targetDate: '2027-02-01', itemIds: ['skill.spring-framework'], milestones: [{ title: 'Read the guide', done: true }, { title: 'Build a service' }] }))
  value(await api.goals.create({ title: 'Ten merged PRs', targetDate: '2027-12-31', activityTarget: { count: 10, kinds: ['pull-request'], state: 'merged' } }))
  value(await api.activities.create({ kind: 'pull-request', date: '2026-11-01', title: 'Fix async error handling', repo: 'expressjs/express', state: 'merged', skillIds: ['skill.javascript'] }))
  value(await api.activities.create({ kind: 'blog-post', date: '2026-10-12', title: 'Virtual threads in practice', url: 'https://example.com/post' }))
  await page.goto(host.url)

  const found: string[] = []
  for (const view of views) {
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      await page.goto(`${host.origin}/#${view}`)
      await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible()
      // Charts and the report preview draw after the page: judge colours once they have.
      await settled(page)
      // Legacy mode and no frames: the report preview is a sandboxed frame without scripts, which axe cannot enter; the report's own HTML has its test below.
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).options({ iframes: false }).setLegacyMode(true).analyze()
      for (const v of results.violations) found.push(`${view} (${colorScheme}): ${v.id} [${v.impact ?? '?'}] ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
    }
  }
  expect(found, found.join('\n')).toEqual([])

  // The report a person sends, as its recipient opens the HTML file.
  const report = value(await api.reports.render({ options: { period: { preset: 'all-time' } }, format: 'html' }))
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setContent(report.content)
  const inReport = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).setLegacyMode(true).analyze()
  expect(inReport.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  await host.stop()
})
