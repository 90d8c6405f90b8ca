/** The CSV header, in export order. Documented in docs/csv-format.md: keep both in step. */
export const csvColumns = [
  'date',
  'kind',
  'title',
  'url',
  'repo',
  'state',
  'hours',
  'skills',
  'goal_id',
  'notes',
  'impact',
  'starred',
  'commit_count',
  'lines_changed',
  'key',
] as const
export type CsvColumn = (typeof csvColumns)[number]

export const requiredColumns: readonly CsvColumn[] = ['date', 'kind', 'title']

/** Other spellings people (and other tools) use for a column. */
const aliases: Record<string, CsvColumn> = {
  repository: 'repo',
  project: 'repo',
  link: 'url',
  goal: 'goal_id',
  type: 'kind',
  commits: 'commit_count',
  lines: 'lines_changed',
  external_key: 'key',
  star: 'starred',
}

const isColumn = (name: string): name is CsvColumn => csvColumns.some((c) => c === name)

export function columnOf(header: string): CsvColumn | null {
  const name = header.trim().toLowerCase().replace(/[\s-]+/g, '_')
  if (isColumn(name)) return name
  return aliases[name] ?? null
}

/** Skills are item ids separated by semicolons (or vertical bars). */
export const splitSkills = (cell: string): string[] =>
  cell
    .split(/[;|]/)
    .map((s) => s.trim())
    .filter(Boolean)

/**
 * A star as people write it in a spreadsheet: `yes`, `true`, `1`, `x` or ★; empty, `no`,
 * `false` or `0` for none. Anything else is a typo, answered as such rather than guessed.
 */
export function starredCell(cell: string): boolean | null {
  const value = cell.trim().toLowerCase()
  if (['yes', 'y', 'true', '1', 'x', '\u2605'].includes(value)) return true
  if (['', 'no', 'n', 'false', '0'].includes(value)) return false
  return null
}
