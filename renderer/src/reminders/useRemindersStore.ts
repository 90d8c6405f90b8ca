import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { useRouter } from 'vue-router'
import type { AppError } from '@shared/contract'
import { reminderRoute, type Reminder, type ReminderSettings } from '@shared/domain/reminders'
import { api } from '../api/client'
import { askNotificationPermission, browserCanNotify, notificationPermission, showBrowserNotification } from './browserNotifications'

/** How often a browser tab asks for due reminders: a 16:00 review is asked for by 16:01. */
const checkEveryMs = 60_000
const timeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'

/**
 * Reminder settings, and in a browser the reminders themselves: the tab asks the core (the same
 * channel main's timer uses) for what is due, shows each as a browser notification where the
 * person allowed them, else lists it in a banner until dismissed. The desktop app's come as
 * native notifications from main; a click there opens the same route.
 */
export const useRemindersStore = defineStore('reminders', () => {
  const router = useRouter()
  const settings = ref<ReminderSettings | null>(null)
  const banner = ref<Reminder[]>([])
  const loadError = ref<AppError | null>(null)
  const permission = ref(notificationPermission())
  let timer: ReturnType<typeof setInterval> | undefined
  let stopDesktop: (() => void) | undefined

  const anyOn = computed(() => Boolean(settings.value && (settings.value.dueDates || settings.value.weeklyReview.enabled)))

  async function load(): Promise<void> {
    const result = await api.reminders.settings(undefined)
    if (!result.ok) {
      loadError.value = result.error
      return
    }
    loadError.value = null
    settings.value = result.value
  }

  async function save(changes: Partial<ReminderSettings>): Promise<{ ok: true } | { ok: false; error: AppError }> {
    // Turning reminders on is the one moment the browser's permission is asked for: first, while
    // the click that asked still counts as the person's, not after a round trip.
    const turningOn = !anyOn.value && Boolean(changes.dueDates || changes.weeklyReview?.enabled)
    if (turningOn && browserCanNotify()) permission.value = await askNotificationPermission()
    const result = await api.reminders.saveSettings(changes)
    if (!result.ok) return result
    settings.value = result.value
    await check()
    return { ok: true }
  }

  function open(reminder: Reminder): void {
    void router.push(reminderRoute(reminder.target))
  }

  async function dismiss(keys: string[]): Promise<void> {
    banner.value = banner.value.filter((r) => !keys.includes(r.key))
    await api.reminders.dismiss({ keys })
  }

  /** Hands the due reminders out: as notifications where allowed (then done with), else to the banner. */
  async function check(): Promise<void> {
    if (window.desktop) return
    if (!anyOn.value) return
    const taken = await api.reminders.take({ timeZone: timeZone() })
    if (!taken.ok || taken.value.length === 0) return
    permission.value = notificationPermission()
    if (permission.value === 'granted') {
      taken.value.forEach((reminder) => showBrowserNotification(reminder, () => open(reminder)))
      await api.reminders.dismiss({ keys: taken.value.map((r) => r.key) })
    } else {
      const known = new Set(banner.value.map((r) => r.key))
      banner.value = [...banner.value, ...taken.value.filter((r) => !known.has(r.key))]
    }
  }

  function onVisible(): void {
    if (document.visibilityState === 'visible') void check()
  }

  /** Once, from the app shell. */
  async function start(): Promise<void> {
    if (window.desktop) {
      stopDesktop = window.desktop.onReminderOpened((target) => void router.push(reminderRoute(target)))
      return
    }
    await load()
    if (notificationPermission() !== 'granted') {
      const open = await api.reminders.open({ timeZone: timeZone() })
      if (open.ok) banner.value = open.value
    }
    await check()
    timer = setInterval(() => void check(), checkEveryMs)
    document.addEventListener('visibilitychange', onVisible)
  }

  function stop(): void {
    clearInterval(timer)
    stopDesktop?.()
    document.removeEventListener('visibilitychange', onVisible)
  }

  return { settings, banner, loadError, permission, anyOn, load, save, check, dismiss, open, start, stop }
})
