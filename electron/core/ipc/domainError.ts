import type { ErrorCode, FieldIssue } from '@shared/contract'

/** Thrown by core services for failures the user should read about (not found, conflict...). */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
