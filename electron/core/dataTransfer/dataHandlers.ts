import { contract } from '@shared/contract'
import { backupNow } from '../backups/backups'
import type { CoreContext } from '../context'
import { handle, type CoreHandlers } from '../ipc/handle'
import { exportAll } from './exportAll'
import { replaceUserTables, stageImport, validateExport } from './importAll'

export function dataHandlers(ctx: CoreContext): CoreHandlers['data'] {
  const c = contract.data
  return {
    exportAll: handle(c.exportAll, () => exportAll(ctx.db, ctx.now()), ctx.log),
    importAll: handle(
      c.importAll,
      ({ json }) =>
        ctx.store.exclusive(async () => {
          // Everything is checked before the backup, so a refused file leaves no trace at all.
          const staged = stageImport(validateExport(json), ctx.store.openSqlite)
          const safetyBackup = await backupNow(ctx, 'before-import')
          return { counts: replaceUserTables(ctx.db, staged), safetyBackup }
        }),
      ctx.log,
    ),
  }
}
