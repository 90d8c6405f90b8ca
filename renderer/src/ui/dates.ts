import { computed, ref, watch } from 'vue'
import { daysBetween, parseIsoDate, toIsoDate, type IsoDate } from '@shared/domain/dates'

/**
 * Every date a person reads, in one format: their locale's (the browser's language unless
 * they chose another in Settings > Appearance). Before, text said "2 Dec 2026", backups
 * "Dec 2, 2026, 03:45 AM" and the date fields followed the browser: three formats on one page.
 * Words around the dates stay English; only the order and names of days and months follow
 * the locale.
 */
export const dateLocaleChoices = [
  { value: 'system', label: 'As my browser' },
  { value: 'en-US', label: 'English (US)' },
  { value: 'en-GB', label: 'English (UK)' },
  { value: 'de-DE', label: 'Deutsch' },
  { value: 'fr-FR', label: 'Français' },
] as const
export type DateLocaleChoice = (typeof dateLocaleChoices)[number]['value']

const storageKey = 'pathfinder.dateLocale'
const isChoice = (value: string | null): value is DateLocaleChoice => dateLocaleChoices.some((c) => c.value === value)
const stored = localStorage.getItem(storageKey)
const choice = ref<DateLocaleChoice>(isChoice(stored) ? stored : 'system')
watch(choice, (value) => localStorage.setItem(storageKey, value))

/** The locale dates are written in now; reactive, so a page redraws when the choice changes. */
const locale = computed(() => (choice.value === 'system' ? navigator.language || 'en-US' : choice.value))

/** The person's choice, for Settings; tests set it to pin a locale rather than inherit the machine's. */
export const useDateLocale = () => choice
export const setDateLocale = (value: DateLocaleChoice): void => {
  choice.value = value
}
export const currentDateLocale = (): string => locale.value
/** "2 Dec 2026" as a locale writes it, for a picker's options. */
export const sampleDay = (date: IsoDate, choice: DateLocaleChoice): string =>
  new Intl.DateTimeFormat(choice === 'system' ? navigator.language || 'en-US' : choice, { day: 'numeric', month: 'short', year: 'numeric' }).format(parseIsoDate(date))

const formats = new Map<string, Intl.DateTimeFormat>()
/** One formatter per locale and shape: building one costs far more than using it, and lists format thousands of dates. */
function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale.value}|${JSON.stringify(options)}`
  let found = formats.get(key)
  if (!found) {
    found = new Intl.DateTimeFormat(locale.value, options)
    formats.set(key, found)
  }
  return found
}

const day: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' }
const time: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' }

/** The user's today on their wall calendar. */
export const todayIso = (): IsoDate => toIsoDate(new Date())

/** "Dec 3, 2027" (en-US), "3 Dec 2027" (en-GB), "3. Dez. 2027" (de-DE). */
export const formatDay = (date: IsoDate): string => formatter(day).format(parseIsoDate(date))
/** "Dec 3" / "3 Dec": a day whose year is shown beside it. */
export const formatDayMonth = (date: IsoDate): string => formatter({ day: 'numeric', month: 'short' }).format(parseIsoDate(date))
export const formatYear = (date: IsoDate): string => formatter({ year: 'numeric' }).format(parseIsoDate(date))
/** "Fri, Dec 3, 2027"; long: "Friday, December 3, 2027". */
export const formatWeekday = (date: IsoDate, long = false): string =>
  formatter(long ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } : { weekday: 'short', ...day }).format(parseIsoDate(date))

const monthStart = (month: string): Date => parseIsoDate(`${month.slice(0, 7)}-01`)
/** "December 2027" from "2027-12" (or any day of it). */
export const formatMonth = (month: string): string => formatter({ month: 'long', year: 'numeric' }).format(monthStart(month))
/** "Dec 2027": where columns are narrow. */
export const formatMonthShort = (month: string): string => formatter({ month: 'short', year: 'numeric' }).format(monthStart(month))
/** "Dec": a month named on an axis that shows its year elsewhere. */
export const formatMonthName = (month: string): string => formatter({ month: 'short' }).format(monthStart(month))

/** "Dec 1 – 5, 2027": the locale's own way of writing a span, the shared parts once. */
export const formatDayRange = (from: IsoDate, to: IsoDate): string => formatter(day).formatRange(parseIsoDate(from), parseIsoDate(to))

/** "Dec 3, 2027, 02:05 PM" from a stored UTC instant, in this computer's time zone; seconds where minutes would not tell two apart. */
export const formatInstant = (instant: string, withSeconds = false): string =>
  formatter({ ...day, ...time, ...(withSeconds ? { second: '2-digit' } : {}) }).format(new Date(instant))
/** The day of a stored instant, in this computer's calendar. */
export const formatInstantDay = (instant: string): string => formatter(day).format(new Date(instant))

const relative = new Map<string, Intl.RelativeTimeFormat>()
/** "yesterday" is a word, not a format: it stays in the app's English beside a German date ("vor 5 Minuten" would not). */
function relativeFormat(): Intl.RelativeTimeFormat {
  const language = locale.value.startsWith('en') ? locale.value : 'en'
  let found = relative.get(language)
  if (!found) {
    found = new Intl.RelativeTimeFormat(language, { numeric: 'auto' })
    relative.set(language, found)
  }
  return found
}

/** "today", "yesterday", "in 3 days": a calendar day relative to today. */
export const formatRelativeDay = (date: IsoDate, today: IsoDate): string => relativeFormat().format(daysBetween(today, date), 'day')

const ageSteps: { unit: Intl.RelativeTimeFormatUnit; seconds: number }[] = [
  { unit: 'year', seconds: 365 * 86_400 },
  { unit: 'month', seconds: 30 * 86_400 },
  { unit: 'week', seconds: 7 * 86_400 },
  { unit: 'day', seconds: 86_400 },
  { unit: 'hour', seconds: 3_600 },
  { unit: 'minute', seconds: 60 },
]

/** "5 minutes ago", "yesterday": how old a stored instant is. */
export function formatAge(instant: string, now: Date = new Date()): string {
  const seconds = (new Date(instant).getTime() - now.getTime()) / 1000
  for (const step of ageSteps) {
    if (Math.abs(seconds) >= step.seconds) return relativeFormat().format(Math.round(seconds / step.seconds), step.unit)
  }
  return 'just now'
}

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`)

/** "Due today", "In 5 days", "Overdue by 3 days": words, so the state never rests on colour alone. */
export function describeDaysLeft(daysLeft: number): string {
  if (daysLeft === 0) return 'Due today'
  if (daysLeft === 1) return 'Due tomorrow'
  return daysLeft > 0 ? `In ${days(daysLeft)}` : `Overdue by ${days(-daysLeft)}`
}

export const daysLeftUntil = (date: IsoDate, today: IsoDate): number => daysBetween(today, date)
