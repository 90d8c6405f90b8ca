import type { HostServices } from '../host/hostServices'
import type { HostRequest } from './messages'
import type { RecoveryChoice } from '../host/openWithRecovery'
import { storeOpenErrorFrom } from './storeOpenFailure'
import type { StoreOpenError } from '../store/storeOpenError'

/** The person's answer to a store that could not be opened (a dialog in the desktop app). */
export type DecideRecovery = (error: StoreOpenError) => Promise<RecoveryChoice>

const unavailable = (what: string) => new Error(`This host cannot ${what}.`)

/** Main's side of a host request: done with main's own services; the value goes back over the wire. */
export async function serveHostRequest(host: HostServices, decide: DecideRecovery, request: HostRequest): Promise<unknown> {
  switch (request.op) {
    case 'pickFolder':
      if (!host.pickFolder) throw unavailable('open a folder picker')
      return host.pickFolder()
    case 'printPdf': {
      if (!host.printPdf) throw unavailable('print PDFs')
      const pdf = await host.printPdf(request.html, request.options)
      return new Uint8Array(pdf)
    }
    case 'saveFile':
      if (!host.saveFile) throw unavailable('save files')
      return host.saveFile(request.suggestedName, Buffer.from(request.data.buffer, request.data.byteOffset, request.data.byteLength))
    case 'secretGet':
      return (await host.secrets.get(request.name)) ?? null
    case 'secretSet':
      return host.secrets.set(request.name, request.value)
    case 'secretDelete':
      return host.secrets.delete(request.name)
    case 'recover':
      return decide(storeOpenErrorFrom(request.failure))
  }
}
