import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { openReminderIn, type ReminderWindow } from '../../electron/main/reminders/openReminder'
import { checkEveryMs, startReminderNotifier, type NotificationLike } from '../../electron/main/reminders/reminderNotifier'
import { desktopChannels } from '../../shared/contract/desktop'
import type { Reminder, ReminderTarget } from '../../shared/domain/reminders'
import { apiOf, must } from '../support/api'
import { useTempCores } from '../support/useTempCores'

const { openClocked } = useTempCores()
const silent = { error: () => {}, warn: () => {}, info: () => {} }

/** Electron's Notification as the notifier sees it: shown, then clicked or closed by the person. */
class StandInNotification extends EventEmitter implements NotificationLike {
  shown = false
  constructor(readonly options: { title: string; body: string }) {
    super()
  }
  show() {
    this.shown = true
  }
}

/** Electron's pieces stood in: the notifications made, the opened targets, a wake and a timer tick to trigger by hand. */
function shell(take: () => Promise<Reminder[]>, supported = true) {
  const notifications: StandInNotification[] = []
  const opened: ReminderTarget[] = []
  const power = new EventEmitter()
  const ticks: (() => void)[] = []
  let stopped = 0
  const notifier = startReminderNotifier({
    take,
    notify: (options) => {
      if (!supported) return null
      const n = new StandInNotification(options)
      notifications.push(n)
      return n
    },
    open: (target) => void opened.push(target),
    powerMonitor: power,
    every: (ms, tick) => {
      expect(ms).toBe(checkEveryMs)
      ticks.push(tick)
      return () => void stopped++
    },
    log: silent,
  })
  return { notifier, notifications, opened, wake: () => power.emit('resume'), tick: () => ticks.forEach((t) => t()), stopped: () => stopped, power }
}

describe('native reminder notifications (main, Electron stood in)', () => {
  it('shows what the core hands out on start, on wake and on each tick, once each, and opens the goal on click', async () => {
    const { api, core, clock } = await openClocked('2027-03-30T10:00:00Z')
    const goal = await must(api.goals.create({ title: 'Ship a service', startDate: '2027-01-01', milestones: [{ title: 'Design', dueDate: '2027-03-31' }] }))
    await must(api.reminders.saveSettings({ dueDates: true }))
    const take = async () => must(apiOf(core).reminders.take({ timeZone: 'UTC' }))
    const desk = shell(take)
    await desk.notifier.check()
    expect(desk.notifications.map((n) => [n.options.title, n.shown])).toEqual([['Due tomorrow: Design', true]])

    // Asleep overnight, woken on the day: the on-day reminder, and nothing twice.
    clock.now = new Date('2027-03-31T09:30:00Z')
    desk.wake()
    await desk.notifier.check()
    desk.tick()
    await desk.notifier.check()
    expect(desk.notifications.map((n) => n.options.title)).toEqual(['Due tomorrow: Design', 'Due today: Design'])

    desk.notifications[1]?.emit('click')
    expect(desk.opened).toEqual([{ kind: 'goal', goalId: goal.id }])

    // A restarted app asks again and is given nothing already shown.
    const restarted = shell(take)
    await restarted.notifier.check()
    expect(restarted.notifications).toEqual([])
  })

  it('stops its timer and wake listener when stopped, and survives a core that fails', async () => {
    const desk = shell(() => Promise.reject(new Error('core restarting')))
    await desk.notifier.check()
    expect(desk.notifications).toEqual([])
    desk.notifier.stop()
    expect(desk.stopped()).toBe(1)
    expect(desk.power.listenerCount('resume')).toBe(0)
  })

  it('shows nothing where the OS has no notifications, without failing', async () => {
    const reminder: Reminder = { key: 'review:2027-03-26T16:00', title: 'Time for your weekly review', body: '', target: { kind: 'review', weekStart: '2027-03-22' } }
    const desk = shell(async () => [reminder], false)
    await desk.notifier.check()
    expect(desk.notifications).toEqual([])
  })
})

/** BrowserWindow as a clicked reminder uses it: what was sent, and whether it came forward. */
function standInWindow({ loading = false, minimized = false } = {}) {
  const contents = new EventEmitter()
  const sent: unknown[][] = []
  const calls: string[] = []
  const window: ReminderWindow = {
    isMinimized: () => minimized,
    restore: () => void calls.push('restore'),
    show: () => void calls.push('show'),
    focus: () => void calls.push('focus'),
    webContents: { isLoading: () => loading, once: (event, listener) => contents.once(event, listener), send: (...args) => void sent.push(args) },
  }
  return { window, sent, calls, finishLoad: () => contents.emit('did-finish-load') }
}

describe('a clicked reminder brings the window forward on its goal or review', () => {
  const review: ReminderTarget = { kind: 'review', weekStart: '2027-03-22' }

  it('tells an open window at once, restoring it when minimized', () => {
    const open = standInWindow({ minimized: true })
    openReminderIn(open.window, () => {
      throw new Error('no new window while one is open')
    }, review)
    expect(open.sent).toEqual([[desktopChannels.reminderOpened, review]])
    expect(open.calls).toEqual(['restore', 'show', 'focus'])
  })

  it('opens a window where none is, and tells its page once it has loaded', () => {
    const fresh = standInWindow({ loading: true })
    openReminderIn(undefined, () => fresh.window, { kind: 'goal', goalId: 7 })
    expect(fresh.sent).toEqual([])
    fresh.finishLoad()
    expect(fresh.sent).toEqual([[desktopChannels.reminderOpened, { kind: 'goal', goalId: 7 }]])
  })
})
