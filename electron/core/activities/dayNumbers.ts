/**
 * Calendar days as whole numbers (days since 1970-01-01), for loops over years of days:
 * streaks and the heatmap walk thousands of them, and date-fns parsing and formatting each
 * one costs more than the SQL that found them. A YYYY-MM-DD day has no time zone, so UTC
 * arithmetic is exact here (no daylight-saving hour can shift a day).
 */
export function dayNumber(day: string): number {
  return Date.UTC(Number(day.slice(0, 4)), Number(day.slice(5, 7)) - 1, Number(day.slice(8, 10))) / 86_400_000
}

export function dayString(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10)
}

/** The Monday on or before the day (1970-01-01 was a Thursday). */
export const mondayOf = (n: number): number => n - ((n + 3) % 7 + 7) % 7
