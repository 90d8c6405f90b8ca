import { z } from 'zod'
import type { ActivitySort } from '@shared/domain/activities'
import { DomainError } from '../ipc/domainError'
import { ftsKeySql } from './activityFilterSql'

/**
 * A keyset cursor: the sort key and id of the last row of a page. Reading on from it costs
 * the same on page 1,000 as on page 2, unlike an OFFSET that walks every skipped row.
 */
const cursorSchema = z.tuple([z.enum(['date-desc', 'date-asc', 'title']), z.string(), z.number().int()])

export interface Keyset {
  sort: ActivitySort
  key: string
  id: number
}

export const encodeCursor = ({ sort, key, id }: Keyset): string =>
  Buffer.from(JSON.stringify([sort, key, id]), 'utf8').toString('base64url')

export function decodeCursor(cursor: string, sort: ActivitySort): Keyset {
  let parsed: z.ZodSafeParseResult<z.output<typeof cursorSchema>>
  try {
    parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')))
  } catch {
    parsed = cursorSchema.safeParse(null)
  }
  if (!parsed.success) throw new DomainError('invalid-input', 'That page cursor is not one this app made. Load the list again.')
  const [cursorSort, key, id] = parsed.data
  if (cursorSort !== sort) throw new DomainError('invalid-input', 'The sort order changed since that page. Load the list again.')
  return { sort, key, id }
}

export const orderBy: Record<ActivitySort, string> = {
  'date-desc': 'a.date DESC, a.id DESC',
  'date-asc': 'a.date ASC, a.id ASC',
  title: 'a.title ASC, a.id ASC',
}

/** Rows strictly after the cursor in the sort's order (row values use the column's NOCASE). */
export const afterCursor: Record<ActivitySort, string> = {
  'date-desc': '(a.date, a.id) < (?, ?)',
  'date-asc': '(a.date, a.id) > (?, ?)',
  title: '(a.title, a.id) > (?, ?)',
}

/** The same for a search walked in activity_fts rowid order, which is date then id. */
export const ftsOrderBy = { 'date-desc': 'f.rowid DESC', 'date-asc': 'f.rowid ASC' } as const
export const ftsAfterCursor = { 'date-desc': `f.rowid < ${ftsKeySql}`, 'date-asc': `f.rowid > ${ftsKeySql}` } as const

export const sortKeyOf = (sort: ActivitySort, row: { date: string; title: string }): string => (sort === 'title' ? row.title : row.date)
