import { apiOf, must } from '../../support/api'
import { openDevice, passphrase, removeFolder, tempFolder, testKdfCost, type Device } from '../../support/syncPair'
import { withRealCore } from './renderComponent'

/**
 * This machine (the one the mounted views run on) and another, both syncing through one new
 * folder; what undoes them goes to `cleanups`.
 */
export async function thisMachineAndAnother(cleanups: (() => void)[]) {
  const env = await withRealCore({ now: () => new Date('2027-03-15T12:00:00Z'), sync: { watch: false, kdfCost: testKdfCost } })
  const other = await openDevice('home')
  const folder = tempFolder()
  cleanups.push(() => removeFolder(folder), () => env.dispose(), () => other.core.dispose())
  const api = apiOf(env.core)
  const here: Device = { ...other, name: 'laptop', core: env.core, api, sync: () => must(api.sync.syncNow({})) }
  await must(api.sync.enable({ folder, passphrase, deviceName: 'laptop' }))
  await other.join(folder)
  return { env, api, here, other }
}
