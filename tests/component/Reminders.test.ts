import { afterEach, describe, expect, it, vi } from 'vitest'
import ReminderBanner from '../../renderer/src/reminders/ReminderBanner.vue'
import RemindersSection from '../../renderer/src/reminders/RemindersSection.vue'
import { apiOf, must } from '../support/api'
import { withRealCore } from './support/renderComponent'
import { settle } from './support/settle'
import { testRouter } from './support/testRouter'

let dispose: (() => void) | undefined
afterEach(() => {
  document.body.innerHTML = ''
  vi.unstubAllGlobals()
  dispose?.()
})

/** The browser's Notification, stood in: its permission question is counted, and answered no. */
function standInNotifications(answer: NotificationPermission = 'denied') {
  const asked = { count: 0 }
  const shown: string[] = []
  class StandIn {
    static permission: NotificationPermission = 'default'
    static requestPermission() {
      asked.count++
      StandIn.permission = answer
      return Promise.resolve(answer)
    }
    onclick: (() => void) | null = null
    constructor(title: string) {
      shown.push(title)
    }
    close() {}
  }
  vi.stubGlobal('Notification', StandIn)
  return { asked, shown }
}

describe('reminder settings', () => {
  it('starts off, asks the browser nothing on load, and asks once when a reminder is turned on', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const { asked } = standInNotifications()
    const wrapper = env.mount(RemindersSection, { attachTo: document.body, global: { plugins: [await testRouter('/settings')] } })
    await settle()
    const [dueDates, review] = wrapper.findAll('input[type="checkbox"]')
    expect(dueDates?.element).toMatchObject({ checked: false })
    expect(review?.element).toMatchObject({ checked: false })
    expect(asked.count).toBe(0)
    expect(wrapper.text()).toContain('When you turn a reminder on, the browser asks')

    await review?.setValue(true)
    await wrapper.get('select').setValue('0')
    await wrapper.get('input[type="time"]').setValue('18:30')
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(asked.count).toBe(1)
    expect(await must(apiOf(env.core).reminders.settings(undefined))).toEqual({ dueDates: false, weeklyReview: { enabled: true, weekday: 0, time: '18:30' } })
    expect(wrapper.text()).toContain('This browser blocks notifications from Pathfinder, so reminders show in a banner')

    // Already on: saving again asks nothing more.
    await dueDates?.setValue(true)
    await wrapper.get('form').trigger('submit')
    await settle()
    expect(asked.count).toBe(1)
    expect(await must(apiOf(env.core).reminders.settings(undefined))).toMatchObject({ dueDates: true })
  })

  it('lists the week days Monday first, each with its name, and labels every control', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    standInNotifications()
    const wrapper = env.mount(RemindersSection, { attachTo: document.body, global: { plugins: [await testRouter('/settings')] } })
    await settle()
    expect(wrapper.findAll('option').map((o) => o.text())).toEqual(['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'])
    for (const control of wrapper.findAll('input, select')) expect(control.element.closest('label')?.textContent?.trim(), control.html()).toBeTruthy()
  })
})

describe('the reminder banner (a browser that may not notify)', () => {
  it('lists a milestone due tomorrow once, opens its goal, and forgets it when dismissed', async () => {
    const env = await withRealCore({ now: () => new Date('2027-03-30T12:00:00Z') })
    dispose = env.dispose
    standInNotifications()
    const api = apiOf(env.core)
    const goal = await must(api.goals.create({ title: 'Ship a service', startDate: '2027-01-01', milestones: [{ title: 'Design', dueDate: '2027-03-31' }] }))
    await must(api.reminders.saveSettings({ dueDates: true }))
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({ ...new Intl.DateTimeFormat().resolvedOptions(), timeZone: 'UTC' })

    const router = await testRouter('/')
    const wrapper = env.mount(ReminderBanner, { attachTo: document.body, global: { plugins: [router] } })
    await settle()
    const banner = wrapper.get('section')
    expect(banner.get('h2').text()).toBe('Reminder')
    expect(banner.text()).toContain('Due tomorrow: Design')
    expect(banner.text()).toContain('A milestone of “Ship a service”, due tomorrow.')

    await banner.get('button[aria-label="Open: Due tomorrow: Design"]').trigger('click')
    await settle()
    // The goals view loads lazily, as in the app.
    await vi.waitFor(() => expect(router.currentRoute.value.fullPath).toBe(`/goals?goal=${goal.id}`), { timeout: 15_000 })
    expect(wrapper.find('section').exists()).toBe(false)
    expect(await must(api.reminders.open({ timeZone: 'UTC' }))).toEqual([])
  })

  it('shows the reminder as a notification instead where the browser allows, and the banner stays empty', async () => {
    const env = await withRealCore({ now: () => new Date('2027-03-31T12:00:00Z') })
    dispose = env.dispose
    const { shown } = standInNotifications('granted')
    Object.assign(globalThis.Notification, { permission: 'granted' })
    const api = apiOf(env.core)
    await must(api.goals.create({ title: 'Ship a service', startDate: '2027-01-01', targetDate: '2027-03-31' }))
    await must(api.reminders.saveSettings({ dueDates: true }))
    vi.spyOn(Intl.DateTimeFormat.prototype, 'resolvedOptions').mockReturnValue({ ...new Intl.DateTimeFormat().resolvedOptions(), timeZone: 'UTC' })
    const wrapper = env.mount(ReminderBanner, { attachTo: document.body, global: { plugins: [await testRouter('/')] } })
    await settle()
    expect(shown).toEqual(['Due today: Ship a service'])
    expect(wrapper.find('section').exists()).toBe(false)
  })
})
