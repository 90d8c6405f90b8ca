import { exportFormat } from '@shared/domain/dataTransfer'
import { formatInstant } from '../ui/dates'

export { formatAge } from '../ui/dates'

/** A stored UTC instant in the same format as every other date (ui/dates); seconds only where minutes would not tell two apart. */
export const formatDateTime = (instant: string, withSeconds = false): string => formatInstant(instant, withSeconds)

export interface BackupLabel {
  /** The date shown: to the minute, to the second where two backups share a minute (a restore backs up just before it). */
  when: string
  /**
   * A name no other backup in the list shares, for its Restore button: `when`, plus the
   * reason where even the second is shared, plus a count from the oldest where that is too
   * (two clicks on Back up now within a second).
   */
  name: string
}

export function backupLabels<B extends { name: string; createdAt: string }>(backups: readonly B[], reasonLabel: (backup: B) => string): Map<string, BackupLabel> {
  const countBy = (label: (b: B) => string) => {
    const counts = new Map<string, number>()
    for (const b of backups) counts.set(label(b), (counts.get(label(b)) ?? 0) + 1)
    return counts
  }
  const minutes = countBy((b) => formatDateTime(b.createdAt))
  const when = (b: B) => formatDateTime(b.createdAt, (minutes.get(formatDateTime(b.createdAt)) ?? 0) > 1)
  const seconds = countBy(when)
  const withReason = (b: B) => ((seconds.get(when(b)) ?? 0) > 1 ? `${when(b)}, ${reasonLabel(b).toLowerCase()}` : when(b))
  const totals = countBy(withReason)
  const seen = new Map<string, number>()
  const labels = new Map<string, BackupLabel>()
  // The list is newest first, so walking it backwards numbers the oldest (1).
  for (const b of [...backups].reverse()) {
    const name = withReason(b)
    const nth = (seen.get(name) ?? 0) + 1
    seen.set(name, nth)
    labels.set(b.name, { when: when(b), name: (totals.get(name) ?? 0) > 1 ? `${name} (${nth})` : name })
  }
  return labels
}

const oneDecimal = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 })
const whole = new Intl.NumberFormat(undefined, { maximumFractionDigits: 0 })

/** "148 KB", "1.2 MB": file sizes in binary units, as file managers show them. */
export function formatSize(bytes: number): string {
  const kb = bytes / 1024
  if (kb < 1024) return `${whole.format(Math.max(1, Math.round(kb)))} KB`
  return `${oneDecimal.format(kb / 1024)} MB`
}

const plural = (n: number, one: string, many: string): string => `${whole.format(n)} ${n === 1 ? one : many}`

/**
 * How the export's tables read to a person, in the order they matter to them. Link tables
 * (goal_item, activity_skill) and settings are left out of summaries: they are not things a
 * person counts.
 */
const tableWords: { table: string; one: string; many: string; label: string }[] = [
  { table: 'goal', one: 'goal', many: 'goals', label: 'Goals' },
  { table: 'milestone', one: 'milestone', many: 'milestones', label: 'Milestones' },
  { table: 'activity', one: 'activity', many: 'activities', label: 'Activities' },
  { table: 'item_state', one: 'roadmap item you tracked', many: 'roadmap items you tracked', label: 'Roadmap items you tracked' },
  { table: 'item_state_history', one: 'status change', many: 'status changes', label: 'Status changes' },
  { table: 'custom_item', one: 'custom item', many: 'custom items', label: 'Custom items' },
  { table: 'item_evidence', one: 'piece of evidence', many: 'pieces of evidence', label: 'Evidence' },
  { table: 'report_export', one: 'saved report', many: 'saved reports', label: 'Saved reports' },
]

export interface CountLine {
  label: string
  count: number
}

/** Rows per table as labelled lines, every known table listed (zeros too: "0 goals" is news). */
export const countLines = (counts: Record<string, number>): CountLine[] =>
  tableWords.filter((w) => w.table in counts).map((w) => ({ label: w.label, count: counts[w.table] ?? 0 }))

/** "3 goals, 120 activities and 12 status changes", or "no data yet". */
export function describeCounts(counts: Record<string, number>): string {
  const parts = tableWords.filter((w) => (counts[w.table] ?? 0) > 0).map((w) => plural(counts[w.table] ?? 0, w.one, w.many))
  if (parts.length === 0) return 'no data yet'
  if (parts.length === 1) return parts[0] ?? ''
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1) ?? ''}`
}

/**
 * What the renderer can tell about a chosen file before the core checks it. Only a summary
 * for the confirmation: the core alone decides whether a file may be imported.
 */
export type ExportPeek =
  /** Not JSON, or JSON without our marker: the core is certain to refuse it unchanged. */
  | { kind: 'not-an-export' }
  /** Carries our marker; what it holds, as far as it can be read here. */
  | { kind: 'export'; exportedAt: string | null; counts: Record<string, number> | null }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

export function peekExport(json: string): ExportPeek {
  let raw: unknown
  try {
    raw = JSON.parse(json)
  } catch {
    return { kind: 'not-an-export' }
  }
  if (!isRecord(raw) || raw.format !== exportFormat) return { kind: 'not-an-export' }
  const exportedAt = typeof raw.exportedAt === 'string' && !Number.isNaN(Date.parse(raw.exportedAt)) ? raw.exportedAt : null
  const data = raw.data
  if (!isRecord(data)) return { kind: 'export', exportedAt, counts: null }
  const counts: Record<string, number> = {}
  for (const [table, rows] of Object.entries(data)) if (Array.isArray(rows)) counts[table] = rows.length
  return { kind: 'export', exportedAt, counts }
}
