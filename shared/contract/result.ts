/** What every channel answers: a value, or an error the UI can show in words. Never a stack trace. */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'unknown-channel'
  | 'unavailable'
  | 'cancelled'
  | 'internal'

export interface FieldIssue {
  /** Dotted path of the offending field, '' for the input as a whole. */
  path: string
  message: string
}

export interface AppError {
  code: ErrorCode
  message: string
  issues?: FieldIssue[]
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string, issues?: FieldIssue[]): Result<never> => ({
  ok: false,
  error: issues ? { code, message, issues } : { code, message },
})
