import { contract } from '@shared/contract'
import { backupNow } from '../backups/backups'
import type { CoreContext } from '../context'
import { handle, type CoreHandlers } from '../ipc/handle'
import { doneWithImportFile, readImportFile } from '../host/importFiles'
import { exportAll } from './exportAll'
import { replaceUserTables, stageImport, validateExport } from './importAll'

export function dataHandlers(ctx: CoreContext): CoreHandlers['data'] {
  const c = contract.data
  return {
    exportAll: handle(c.exportAll, () => exportAll(ctx.db, ctx.now()), ctx.log),
    importAll: handle(
      c.importAll,
      (input) =>
        ctx.store.exclusive(async () => {
          // Everything is checked before the backup, so a refused file leaves no trace at all.
          // The file's text is a temporary here, so its memory can go once it is parsed.
          const staged = stageImport(validateExport('json' in input ? input.json : await readImportFile(ctx.dataDir, input.file)), ctx.store.openSqlite)
          const safetyBackup = await backupNow(ctx, 'before-import')
          const counts = replaceUserTables(ctx.db, staged)
          if ('file' in input) await doneWithImportFile(ctx.dataDir, input.file)
          return { counts, safetyBackup }
        }),
      ctx.log,
    ),
  }
}
