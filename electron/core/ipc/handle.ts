import { z } from 'zod'
import type { Channel, ContractShape } from '@shared/contract/channel'
import { fail, ok, type Contract, type Result } from '@shared/contract'
import { DomainError } from './domainError'
import { describeIssues } from './describeIssues'
import { findUnstorableText } from './nulCharacters'
import { failedPath, storageFailureMessage, storageProblem } from './storageFailure'

/**
 * A handler bound to its channel. The binding is where the input is parsed, so a handler
 * body only ever sees valid input, and where every failure becomes a typed error.
 */
export interface Bound<C> {
  readonly channel: C
  run(raw: unknown): Promise<Result<unknown>>
}

export type HandlersOf<C extends ContractShape> = {
  [NS in keyof C]: { [M in keyof C[NS]]: Bound<C[NS][M]> }
}

/** Every channel of the contract with its handler: the shape each feature's handlers fill in. */
export type CoreHandlers = HandlersOf<Contract>

export type Logger = Pick<Console, 'error' | 'warn' | 'info'>

export function handle<In extends z.ZodType, Out>(
  channel: Channel<In, Out>,
  fn: (input: z.output<In>) => Out | Promise<Out>,
  log: Logger = console,
): Bound<Channel<In, Out>> {
  return {
    channel,
    async run(raw) {
      const parsed = channel.input.safeParse(raw)
      if (!parsed.success) {
        const { message, issues } = describeIssues(parsed.error)
        return fail('invalid-input', message, issues)
      }
      const unstorable = findUnstorableText(parsed.data)
      if (unstorable) {
        const { message, issues } = describeIssues(new z.ZodError([{ code: 'custom', path: unstorable.path, message: unstorable.message, input: undefined }]))
        return fail('invalid-input', message, issues)
      }
      try {
        return ok(await fn(parsed.data))
      } catch (error) {
        if (error instanceof DomainError) return fail(error.code, error.message, error.issues)
        const problem = storageProblem(error)
        if (problem) {
          log.warn('A write failed for want of a writable disk', error)
          const path = failedPath(error)
          return fail('unavailable', storageFailureMessage(problem, path ?? "Pathfinder's data folder", 'nothing was saved'))
        }
        log.error('Unexpected failure in a handler', error)
        return fail('internal', 'Something went wrong on our side. Your data is unchanged; please try again.')
      }
    },
  }
}
