import { contract } from '@shared/contract'
import type { CoreContext } from '../context'
import { DomainError } from '../ipc/domainError'
import { handle, type CoreHandlers } from '../ipc/handle'
import { readItemNotices } from './itemNotices'
import { dismissNotice } from './dismissNotice'
import { takeOtherValue } from './takeOtherValue'

// ctx.sync is read per call: the service is built once the live store exists, after the first build.
export function syncHandlers(ctx: CoreContext): CoreHandlers['sync'] {
  const c = contract.sync
  return {
    status: handle(c.status, () => ctx.sync.status(), ctx.log),
    enable: handle(c.enable, (input) => ctx.sync.enable(input), ctx.log),
    disable: handle(c.disable, () => ctx.sync.disable(), ctx.log),
    syncNow: handle(c.syncNow, () => ctx.sync.syncNow(), ctx.log),
    setServer: handle(c.setServer, (input) => ctx.sync.setServer(input), ctx.log),
    clearServer: handle(c.clearServer, () => ctx.sync.clearServer(), ctx.log),
    pickFolder: handle(
      c.pickFolder,
      async () => {
        if (!ctx.host.pickFolder) throw new DomainError('unavailable', 'This window has no folder dialog: type the folder’s full path instead.')
        return { folder: await ctx.host.pickFolder() }
      },
      ctx.log,
    ),
    useOther: handle(
      c.useOther,
      ({ id }) => {
        takeOtherValue(ctx.db, id)
        return ctx.sync.status()
      },
      ctx.log,
    ),
    notices: handle(c.notices, ({ about }) => ({ ...readItemNotices(ctx.db, about), remoteChanges: ctx.sync.remoteChanges() }), ctx.log),
    dismiss: handle(
      c.dismiss,
      ({ id }) => {
        dismissNotice(ctx.db, id)
        return ctx.sync.status()
      },
      ctx.log,
    ),
  }
}
