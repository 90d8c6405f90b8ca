import { contract } from '@shared/contract'
import type { CoreContext } from '../context'
import { handle, type CoreHandlers } from '../ipc/handle'
import { listBackups } from '../store/backupFiles'
import { backupNow, restoreLive } from './backups'

export function backupsHandlers(ctx: CoreContext): CoreHandlers['backups'] {
  const c = contract.backups
  return {
    list: handle(c.list, () => listBackups(ctx.dataDir), ctx.log),
    create: handle(c.create, () => backupNow(ctx, 'manual'), ctx.log),
    restore: handle(c.restore, ({ name }) => restoreLive(ctx, name), ctx.log),
  }
}
