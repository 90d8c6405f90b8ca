import { createCore, restoreFromBackup, StoreOpenError, type Core, type CoreOptions, type StoreOpenErrorCode } from '../core'

export type RecoveryChoice = 'restore' | 'start-fresh' | 'quit'

/** Failures a restore or a fresh start can answer; the others (locked, newer, unwritable) are told and left to the person. */
const recoverable = new Set<StoreOpenErrorCode>(['corrupt', 'unreadable', 'missing'])

/**
 * Opens the core; when the store cannot be opened, asks the host what the person wants
 * (a dialog in the desktop app, a flag in the web host) and acts on it. Never starts empty
 * unless they chose to, and never loops: one answer, one more attempt.
 */
export async function openWithRecovery(options: CoreOptions, decide: (error: StoreOpenError) => Promise<RecoveryChoice>): Promise<Core | null> {
  try {
    return await createCore(options)
  } catch (error) {
    if (!(error instanceof StoreOpenError) || !recoverable.has(error.code)) throw error
    const choice = await decide(error)
    if (choice === 'quit') return null
    if (choice === 'restore') {
      if (!error.canRestore) throw error
      await restoreFromBackup({ dataDir: options.dataDir })
      return createCore(options)
    }
    return createCore({ ...options, startFresh: true })
  }
}

/** What the person is told, with what each choice would do. */
export function describeRecovery(error: StoreOpenError): string {
  const lines = [error.message]
  if (error.movedTo && error.code === 'emptied') lines.push(`Those files were kept, untouched, in ${error.movedTo}. Starting empty leaves them there.`)
  else if (error.movedTo) lines.push(`The unreadable file was kept, untouched, at ${error.movedTo}.`)
  if (error.newestBackup) lines.push(`The newest good backup is ${error.newestBackup}.`)
  return lines.join('\n')
}
