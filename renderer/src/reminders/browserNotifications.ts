import type { Reminder } from '@shared/domain/reminders'

/**
 * The browser's Notification API, for the web host only (the desktop app's come from main).
 * Permission is asked only when the person turns a reminder on, never when a page loads.
 */
export const browserCanNotify = (): boolean => !window.desktop && typeof Notification !== 'undefined'

export const notificationPermission = (): NotificationPermission | 'unsupported' => (browserCanNotify() ? Notification.permission : 'unsupported')

export async function askNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (!browserCanNotify()) return 'unsupported'
  if (Notification.permission !== 'default') return Notification.permission
  return Notification.requestPermission()
}

/** Shows one reminder; `open` runs when it is clicked, with the tab brought forward. */
export function showBrowserNotification(reminder: Reminder, open: () => void): void {
  const notification = new Notification(reminder.title, { body: reminder.body, tag: reminder.key })
  notification.onclick = () => {
    window.focus()
    open()
    notification.close()
  }
}
