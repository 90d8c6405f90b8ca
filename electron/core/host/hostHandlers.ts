import { contract } from '@shared/contract'
import type { CoreContext } from '../context'
import { DomainError } from '../ipc/domainError'
import { handle, type CoreHandlers } from '../ipc/handle'

export function hostHandlers({ host, dataDir, log }: CoreContext): CoreHandlers['host'] {
  const c = contract.host
  return {
    info: handle(c.info, () => ({ kind: host.kind, canPickFolder: Boolean(host.pickFolder), canPickFile: Boolean(host.pickFile), canSaveFile: Boolean(host.saveFile), canPrintPdf: Boolean(host.printPdf), secretStorage: host.secrets.storage, dataDir }), log),
    pickFolder: handle(c.pickFolder, async () => {
      if (!host.pickFolder) throw new DomainError('unavailable', 'This window cannot open a folder picker; type the folder path instead.')
      return { path: await host.pickFolder() }
    }, log),
    pickFile: handle(c.pickFile, async ({ kind }) => {
      if (!host.pickFile) throw new DomainError('unavailable', 'This window cannot open a file picker; choose the file with the browser instead.')
      return { path: await host.pickFile(kind) }
    }, log),
  }
}
