import { mount, type VueWrapper } from '@vue/test-utils'
import { afterEach, describe, expect, it } from 'vitest'
import type { Activity } from '@shared/domain/activities'
import ActivityRow from '../../renderer/src/activities/ActivityRow.vue'
import DashboardView from '../../renderer/src/dashboard/DashboardView.vue'
import GoalsView from '../../renderer/src/goals/GoalsView.vue'
import SettingsView from '../../renderer/src/settings/SettingsView.vue'
import { formatAge, formatRelativeDay, setDateLocale, type DateLocaleChoice } from '../../renderer/src/ui/dates'
import { apiOf, must } from '../support/api'
import { withRealCore } from './support/renderComponent'
import { settle } from './support/settle'
import { testRouter } from './support/testRouter'

let dispose: (() => void) | undefined
afterEach(() => {
  setDateLocale('en-US')
  document.body.innerHTML = ''
  dispose?.()
})

const day = '2026-12-24'
/** A local wall-clock time, so the backup's day is the 24th in any time zone the tests run in. */
const now = new Date(2026, 11, 24, 9, 15)

/** The one date, as each view writes it: the same day format in all four, then the backup's time after it. */
const expected: Record<'en-US' | 'de-DE', { day: string; dayMonth: string; backup: RegExp }> = {
  // Seconds where two backups share the minute (the first change of a new store makes one too).
  'en-US': { day: 'Dec 24, 2026', dayMonth: 'Dec 24', backup: /^Dec 24, 2026, 09:15(:00)? AM/ },
  'de-DE': { day: '24. Dez. 2026', dayMonth: '24. Dez.', backup: /^24\. Dez\. 2026, 09:15(:00)?(?! [AP]M)/ },
}

const activity: Activity = {
  id: 1,
  kind: 'pull-request',
  date: day,
  title: 'Retry the payment webhook',
  url: null,
  repo: 'acme/pay',
  state: 'merged',
  hours: null,
  notes: null,
  impact: null,
  starred: false,
  goalId: null,
  source: 'manual',
  externalKey: null,
  commitCount: null,
  linesChanged: null,
  skills: [],
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
}

async function views(locale: DateLocaleChoice) {
  setDateLocale(locale)
  const env = await withRealCore({ now: () => now })
  dispose = env.dispose
  const api = apiOf(env.core)
  await must(api.profile.finishOnboarding(undefined))
  await must(api.goals.create({ title: 'Ship the webhook retries', startDate: '2026-12-01', targetDate: day }))
  await must(api.activities.create({ kind: 'pull-request', date: day, title: 'Retry the payment webhook', repo: 'acme/pay', state: 'merged' }))
  const backup = await must(api.backups.create({}))
  const shown = async (path: string, component: Parameters<typeof env.mount>[0]): Promise<VueWrapper> => {
    const wrapper = env.mount(component, { attachTo: document.body, global: { plugins: [await testRouter(path)] } })
    await settle()
    return wrapper
  }
  const dashboard = await shown('/', DashboardView)
  const goals = await shown('/goals', GoalsView)
  const settings = await shown('/settings', SettingsView)
  const row = mount(ActivityRow, { props: { activity, tabindex: 0 } })
  return {
    due: dashboard.get('[aria-labelledby="due-title"]').text(),
    win: dashboard.get('[aria-labelledby="work-title"]').text(),
    goal: goals.text(),
    backup: settings.get(`tr[data-backup="${backup.name}"]`).text(),
    row: [row.get('.day').text(), row.get('.year').text()],
  }
}

describe('one date format, from the person’s locale', () => {
  it.each(['en-US', 'de-DE'] as const)('writes the same day the same way on the dashboard, in the activity list, on goals and in backups (%s)', async (locale) => {
    const want = expected[locale]
    const seen = await views(locale)
    expect(seen.due).toContain(want.day)
    expect(seen.win).toContain(want.day)
    expect(seen.goal).toContain(want.day)
    expect(seen.backup).toMatch(want.backup)
    expect(seen.row).toEqual([want.dayMonth, '2026'])
    // Words around the dates stay the app's English: a German date, an English "yesterday".
    expect(formatRelativeDay('2026-12-23', day)).toBe('yesterday')
    expect(formatAge(new Date(2026, 11, 24, 9, 10).toISOString(), now)).toBe('5 minutes ago')
    // Nothing left in the old fixed English format, whatever the locale.
    for (const text of [seen.due, seen.win, seen.goal, seen.backup]) expect(text).not.toContain('24 Dec 2026')
  })

  it('follows the choice made in Settings at once, and keeps it for the next start', async () => {
    const env = await withRealCore({ now: () => now })
    dispose = env.dispose
    const backup = await must(apiOf(env.core).backups.create({}))
    const settings = env.mount(SettingsView, { attachTo: document.body, global: { plugins: [await testRouter('/settings')] } })
    await settle()
    const row = () => settings.get(`tr[data-backup="${backup.name}"]`).text()
    expect(row()).toMatch(/^Dec 24, 2026, 09:15/)
    const select = settings.findAll('select').find((s) => document.querySelector(`label[for="${s.attributes('id') ?? ''}"]`)?.textContent === 'Date format')
    expect(select?.findAll('option').map((o) => o.text().split(':')[0])).toEqual(['As my browser', 'English (US)', 'English (UK)', 'Deutsch', 'Français'])
    await select?.setValue('de-DE')
    await settle()
    expect(row()).toMatch(/^24\. Dez\. 2026, 09:15/)
    expect(localStorage.getItem('pathfinder.dateLocale')).toBe('de-DE')
  })
})
