import type { Reminder, ReminderTarget } from '@shared/domain/reminders'
import type { Logger } from '../../core/ipc/handle'

/** The part of Electron's Notification the notifier uses (a stand-in in tests). */
export interface NotificationLike {
  on(event: 'click' | 'close', listener: () => void): unknown
  show(): void
}

/** The part of Electron's powerMonitor it uses: a wake from sleep asks at once. */
export interface PowerMonitorLike {
  on(event: 'resume', listener: () => void): unknown
  removeListener(event: 'resume', listener: () => void): unknown
}

export interface ReminderNotifierOptions {
  /** The reminders due now, each handed out once (the core's reminders.take). */
  take(): Promise<Reminder[]>
  /** A native notification, or null where the OS offers none. */
  notify(options: { title: string; body: string }): NotificationLike | null
  /** A notification was clicked: show the window on what it is about. */
  open(target: ReminderTarget): void
  powerMonitor: PowerMonitorLike
  /** Runs `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void
  log: Logger
}

/** Often enough that a 16:00 review is asked for by 16:01; a check is one small query. */
export const checkEveryMs = 60_000

/**
 * Asks the core for due reminders on start, on every wake from sleep and once a minute, and
 * shows each as a native notification. The core remembers what it handed out, so a reminder
 * shows once however often this asks and however often the app restarts.
 */
export function startReminderNotifier(options: ReminderNotifierOptions): { check(): Promise<void>; stop(): void } {
  // Electron drops a notification's click handler once the object is collected: keep each until it is closed.
  const shown = new Set<NotificationLike>()
  let checking: Promise<void> | null = null

  function show(reminder: Reminder): void {
    const notification = options.notify({ title: reminder.title, body: reminder.body })
    if (!notification) return
    shown.add(notification)
    notification.on('click', () => {
      shown.delete(notification)
      options.open(reminder.target)
    })
    notification.on('close', () => shown.delete(notification))
    notification.show()
  }

  async function run(): Promise<void> {
    try {
      for (const reminder of await options.take()) show(reminder)
    } catch (error) {
      options.log.error('Reminders could not be checked', error)
    }
  }

  // One check at a time: a wake and a tick together would otherwise ask twice at once.
  const check = (): Promise<void> => (checking ??= run().finally(() => (checking = null)))
  const onResume = () => void check()
  options.powerMonitor.on('resume', onResume)
  const stopTimer = options.every(checkEveryMs, () => void check())
  void check()

  return {
    check,
    stop() {
      stopTimer()
      options.powerMonitor.removeListener('resume', onResume)
    },
  }
}
