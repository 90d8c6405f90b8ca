import { rmSync } from 'node:fs'
import { contract } from '@shared/contract'
import { backupNow } from '../backups/backups'
import type { CoreContext } from '../context'
import { handle, type CoreHandlers } from '../ipc/handle'
import { doneWithImportFile, readImportFile } from '../host/importFiles'
import { exportAll } from './exportAll'
import { importStagingPath, stageImport, validateExport } from './importAll'

export function dataHandlers(ctx: CoreContext): CoreHandlers['data'] {
  const c = contract.data
  return {
    exportAll: handle(c.exportAll, () => exportAll(ctx.db, ctx.now()), ctx.log),
    importAll: handle(
      c.importAll,
      (input) =>
        ctx.store.exclusive(async () => {
          const { dataDir } = ctx
          const staging = importStagingPath(dataDir)
          // Everything is checked and staged before the backup, so a refused file leaves no
          // trace at all. The file's text is a temporary here, so its memory can go once parsed.
          const counts = stageImport(validateExport('json' in input ? input.json : await readImportFile(dataDir, input.file)), staging, ctx.store.openSqlite)
          try {
            const safetyBackup = await backupNow(ctx, 'before-import')
            // All of it lands or none of it does: the staged store takes the live one's place in one rename.
            await ctx.store.replaceDatabase(staging)
            if ('file' in input) await doneWithImportFile(dataDir, input.file)
            return { counts, safetyBackup }
          } finally {
            rmSync(staging, { force: true })
          }
        }),
      ctx.log,
    ),
  }
}
