import { afterEach, describe, expect, it } from 'vitest'
import type { Goal } from '@shared/domain/goals'
import { mount } from '@vue/test-utils'
import ActivityFormDialog from '../../renderer/src/activities/ActivityFormDialog.vue'
import ActivityRow from '../../renderer/src/activities/ActivityRow.vue'
import GoalsView from '../../renderer/src/goals/GoalsView.vue'
import { useSyncNoticesStore } from '../../renderer/src/sync/useSyncNoticesStore'
import { apiOf, must } from '../support/api'
import { syncAll } from '../support/syncPair'
import { settle } from './support/settle'
import { thisMachineAndAnother } from './support/twoMachines'
import { testRouter } from './support/testRouter'

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.reverse().forEach((c) => c())
  cleanups = []
})

const twoMachines = () => thisMachineAndAnother(cleanups)

/** One goal's title and description edited on both machines while apart. */
async function editedOnBoth() {
  const { env, api, here, other } = await twoMachines()
  const goal = await must(api.goals.create({ title: 'Write a blog post', description: 'About streams' }))
  await syncAll(here, other)
  const there = (await must(other.api.goals.list({}))).find((g) => g.title === 'Write a blog post')
  if (!there) throw new Error('the goal should have reached the other machine')
  await must(api.goals.update({ goalId: goal.id, title: 'Post about streams', description: 'Node streams' }))
  await must(other.api.goals.update({ goalId: there.id, title: 'Post about backpressure', description: 'Backpressure in Node' }))
  await syncAll(here, other)
  const kept: Goal = await must(api.goals.get({ goalId: goal.id }))
  return { env, goal: kept }
}

const valuesIn = (panel: { get(selector: string): { text(): string } }) => ({ kept: panel.get('[data-testid="sync-kept"]').text(), other: panel.get('[data-testid="sync-other"]').text() })

describe('a field edited on both machines, on the goal itself', () => {
  it('shows both values beside the field; “Use the other value” takes it and “Keep this one” settles it, and each badge goes', async () => {
    const { env, goal } = await editedOnBoth()
    const router = await testRouter('/goals')
    const wrapper = env.mount(GoalsView, { attachTo: document.body, global: { plugins: [router] } })
    cleanups.push(() => wrapper.unmount())
    await settle()

    const card = () => wrapper.get(`article[data-goal-id="${goal.id}"]`)
    const badge = (name: string) => card().get(`button[aria-label="${name} edited on both machines: ${goal.title}"]`)
    const titleBadge = badge('Title')
    expect(titleBadge.text()).toContain('Edited on both machines')
    expect(titleBadge.attributes('aria-expanded')).toBe('false')

    await titleBadge.trigger('click')
    await settle()
    expect(badge('Title').attributes('aria-expanded')).toBe('true')
    const titlePanel = card().get(`#${badge('Title').attributes('aria-controls')}`)
    const title = valuesIn(titlePanel)
    expect(title.kept).toBe(goal.title)
    expect(['Post about streams', 'Post about backpressure']).toContain(title.other)
    expect(title.other).not.toBe(title.kept)
    expect(titlePanel.text()).toMatch(/^This machine kept: .+\. The other machine had: .+\./)

    // The other value is written here and shown on the card; the badge goes with the notice.
    await titlePanel.get(`button[aria-label="Use the other value for the title of ${goal.title}"]`).trigger('click')
    await settle()
    expect(card().get('h2').text()).toBe(title.other)
    expect(env.core.db.prepare('SELECT title FROM goal WHERE id = ?').pluck().get(goal.id)).toBe(title.other)
    expect(card().findAll('[data-testid="sync-conflict-badge"]').map((b) => b.text())).toEqual(['Description edited on both machines'])

    // Keep this one: the value stays, the notice goes.
    const description = card().get('button[aria-label^="Description edited on both machines"]')
    await description.trigger('click')
    await settle()
    const descriptionPanel = card().get(`#${description.attributes('aria-controls')}`)
    const kept = valuesIn(descriptionPanel).kept
    expect(kept).toBe(goal.description)
    await descriptionPanel.get('button[aria-label^="Keep this one for the description"]').trigger('click')
    await settle()
    expect(card().findAll('[data-testid="sync-conflict-badge"]')).toHaveLength(0)
    expect(card().get('.description').text()).toBe(kept)
    expect((await must(apiOf(env.core).sync.notices({}))).notices).toEqual([])
  })

  it('Escape closes the values and gives focus back to the badge', async () => {
    const { env, goal } = await editedOnBoth()
    const router = await testRouter('/goals')
    const wrapper = env.mount(GoalsView, { attachTo: document.body, global: { plugins: [router] } })
    cleanups.push(() => wrapper.unmount())
    await settle()
    const badge = () => wrapper.get(`button[aria-label="Title edited on both machines: ${goal.title}"]`)
    await badge().trigger('click')
    await settle()
    const panel = wrapper.get(`#${badge().attributes('aria-controls')}`)
    await panel.get('button').trigger('keydown', { key: 'Escape' })
    await settle()
    expect(badge().attributes('aria-expanded')).toBe('false')
    expect(document.activeElement).toBe(badge().element)
  })
})

describe('a goal deleted on one machine and edited on the other', () => {
  it('comes back with “your edit kept it” on its card, and Dismiss settles it', async () => {
    const { env, api, here, other } = await twoMachines()
    const goal = await must(api.goals.create({ title: 'Contribute to Node.js' }))
    await syncAll(here, other)
    const there = (await must(other.api.goals.list({})))[0]
    if (!there) throw new Error('the goal should have reached the other machine')
    // Deleted there, edited here; this machine merges the deletion first, so it is the one told.
    await must(other.api.goals.remove({ goalId: there.id }))
    await must(api.goals.update({ goalId: goal.id, description: 'Start with the docs' }))
    await other.sync()
    await syncAll(here, other)
    const back = (await must(api.goals.list({}))).find((g) => g.title === 'Contribute to Node.js')
    if (!back) throw new Error('the edit should have kept the goal')

    const router = await testRouter('/goals')
    const wrapper = env.mount(GoalsView, { attachTo: document.body, global: { plugins: [router] } })
    cleanups.push(() => wrapper.unmount())
    await settle()
    const card = () => wrapper.get(`article[data-goal-id="${back.id}"]`)
    expect(card().get('[data-testid="sync-restored"]').text()).toContain('Deleted on another machine; your edit kept it')
    await card().get('button[aria-label="Dismiss: Contribute to Node.js was deleted on another machine and your edit kept it"]').trigger('click')
    await settle()
    expect(card().findAll('[data-testid="sync-restored"]')).toHaveLength(0)
    expect((await must(api.sync.notices({}))).notices).toEqual([])
  })
})

describe('an activity edited on both machines', () => {
  it('its row says so from the one set of marked ids, and its form offers the other value in the field', async () => {
    const { env, api, here, other } = await twoMachines()
    const mine = await must(api.activities.create({ kind: 'talk', date: '2027-03-04', title: 'Streams at the meetup', hours: 1 }))
    await syncAll(here, other)
    const theirs = (await must(other.api.activities.list({}))).rows[0]
    if (!theirs) throw new Error('the activity should have reached the other machine')
    await must(api.activities.update({ id: mine.id, hours: 2 }))
    await must(other.api.activities.update({ id: theirs.id, hours: 5 }))
    await syncAll(here, other)
    const stored = await must(api.activities.get({ id: mine.id }))

    const store = useSyncNoticesStore()
    await store.load()
    expect([...store.activityMarks]).toEqual([[mine.id, 'conflict']])
    const row = mount(ActivityRow, { props: { activity: stored, tabindex: 0, syncNotice: store.activityMarks.get(stored.id) } })
    expect(row.get('button.row').text()).toContain('Edited on both machines')
    row.unmount()

    const form = env.mount(ActivityFormDialog, { props: { open: true, activity: stored }, attachTo: document.body })
    cleanups.push(() => form.unmount())
    await settle()
    const hours = () => form.findAll('input').find((i) => i.attributes('type') === 'number')
    expect(hours()?.element.value).toBe(String(stored.hours))
    await form.get(`button[aria-label="Hours edited on both machines: ${stored.title}"]`).trigger('click')
    await settle()
    const otherHours = stored.hours === 2 ? '5 h' : '2 h'
    expect(form.get('[data-testid="sync-other"]').text()).toBe(otherHours)
    await form.get('button[aria-label^="Use the other value for the hours"]').trigger('click')
    await settle()
    expect(hours()?.element.value).toBe(otherHours.replace(' h', ''))
    expect(form.findAll('[data-testid="sync-conflict-badge"]')).toHaveLength(0)
    expect(store.activityMarks.size).toBe(0)
  })
})
