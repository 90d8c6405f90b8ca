/** Seconds from this instant to a change: SEQUENCE fits a 32-bit integer until 2088. */
const epoch = Date.parse('2020-01-01T00:00:00Z')

/**
 * An event's SEQUENCE, from the last time something it shows changed. Every edit of a goal or
 * milestone stamps `updated_at`, so the number grows with each edit and stays put otherwise:
 * a calendar that imports the file again updates the event rather than keeping a stale copy.
 */
export function sequenceOf(...changedAt: readonly (string | null)[]): { sequence: number; lastModified: Date } {
  const latest = Math.max(...changedAt.map((at) => (at === null ? Number.NaN : Date.parse(at))).filter((t) => Number.isFinite(t)), epoch)
  return { sequence: Math.floor((latest - epoch) / 1000), lastModified: new Date(latest) }
}
