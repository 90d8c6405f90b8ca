import { randomBytes } from 'node:crypto'
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { folderHeader, folderHeaderName, open, seal, type FolderHeader } from './folderCrypto'
import { docIdPattern } from './syncTables'

/**
 * The folder the person shares between machines (Syncthing, Dropbox, iCloud Drive, a share):
 *
 *   pathfinder-sync.json              salt, cost and key check (written once, by the first device)
 *   devices/<device>/device.pfs       that device's name and when it last wrote
 *   devices/<device>/<doc>.<n>.pfs    changes to one document, sealed, numbered per device
 *
 * A device writes only under its own folder, each file whole (a temporary name, then a
 * rename), and never rewrites a change file: a sync tool never sees two writers on one file.
 * It reads every other device's files it has not merged yet. Names that do not fit, files
 * that do not open under the key (half-copied, damaged, from elsewhere) are skipped and
 * tried again on the next pass; merging the same changes twice, or in another order, is
 * Automerge's to absorb.
 */
export const devicesDir = 'devices'
const deviceIdPattern = /^[0-9a-f]{32}$/
const changeFile = /^([a-z0-9-]+)\.(\d{1,9})\.pfs$/
const deviceFileName = 'device.pfs'
/** A change file bigger than this is not ours (a year of a busy person is a few MiB). */
const largestFile = 256 * 2 ** 20

export interface IncomingFile {
  /** `<device>/<file>`, also the name it was sealed under. */
  id: string
  device: string
  docId: string
  bytes: Uint8Array
}

export interface Unreadable {
  file: string
  reason: string
}

const deviceInfo = z.strictObject({ name: z.string().min(1).max(100), at: z.iso.datetime() })
export type DeviceInfo = z.infer<typeof deviceInfo>

async function writeWhole(dir: string, name: string, bytes: Uint8Array): Promise<void> {
  await mkdir(dir, { recursive: true })
  const temp = join(dir, `.tmp-${randomBytes(6).toString('hex')}-${name}`)
  try {
    await writeFile(temp, bytes, { flush: true })
    await rename(temp, join(dir, name))
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

export async function readHeader(folder: string): Promise<FolderHeader | 'missing' | 'foreign'> {
  let text: string
  try {
    // A header is a few hundred bytes; anything much larger is not one, and is not read whole.
    if ((await stat(join(folder, folderHeaderName))).size > 64 * 1024) return 'foreign'
    text = await readFile(join(folder, folderHeaderName), 'utf8')
  } catch (error) {
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return 'missing'
    throw error
  }
  try {
    const parsed = folderHeader.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : 'foreign'
  } catch {
    return 'foreign'
  }
}

export const writeHeader = (folder: string, header: FolderHeader): Promise<void> =>
  writeWhole(folder, folderHeaderName, Buffer.from(JSON.stringify(header, null, 1)))

export function createFolderTransport(folder: string, device: string, key: Uint8Array) {
  const own = join(folder, devicesDir, device)

  return {
    /**
     * Writes under the first free number from `n` and returns it. A change file is never
     * rewritten: the others remember names they merged, so new content under an old name (a
     * store restored from a backup counts from where it was then) would never be read.
     */
    async writeChanges(docId: string, n: number, bytes: Uint8Array): Promise<number> {
      let number = n
      while (await stat(join(own, `${docId}.${number}.pfs`)).then(() => true, () => false)) number++
      const name = `${docId}.${number}.pfs`
      await writeWhole(own, name, seal(key, bytes, `${device}/${name}`))
      return number
    },
    async writeDevice(info: DeviceInfo): Promise<void> {
      await writeWhole(own, deviceFileName, seal(key, Buffer.from(JSON.stringify(info)), `${device}/${deviceFileName}`))
    },

    /** The other devices' files not yet merged, opened; and those that would not open. */
    async readIncoming(seen: ReadonlySet<string>): Promise<{ files: IncomingFile[]; unreadable: Unreadable[]; devices: Map<string, DeviceInfo> }> {
      const files: IncomingFile[] = []
      const unreadable: Unreadable[] = []
      const devices = new Map<string, DeviceInfo>()
      const others = (await readdir(join(folder, devicesDir)).catch((): string[] => [])).filter((d) => deviceIdPattern.test(d) && d !== device)
      for (const other of others) {
        const dir = join(folder, devicesDir, other)
        const names = await readdir(dir).catch((): string[] => [])
        const info = names.includes(deviceFileName) ? await readSealed(dir, other, deviceFileName) : undefined
        if (info) {
          try {
            const parsed = deviceInfo.safeParse(JSON.parse(Buffer.from(info).toString()))
            if (parsed.success) devices.set(other, parsed.data)
          } catch {
            // A device file that is not JSON names no device; its changes still count.
          }
        }
        const wanted = names
          .map((name) => ({ name, match: changeFile.exec(name) }))
          .filter((f) => f.match && docIdPattern.test(f.match[1] ?? '') && !seen.has(`${other}/${f.name}`))
          .sort((a, b) => Number(a.match?.[2]) - Number(b.match?.[2]))
        for (const { name, match } of wanted) {
          const bytes = await readSealed(dir, other, name)
          if (bytes) files.push({ id: `${other}/${name}`, device: other, docId: match?.[1] ?? '', bytes })
          else unreadable.push({ file: `${devicesDir}/${other}/${name}`, reason: 'it does not open with this folder’s key: still being copied, damaged, or not written by Pathfinder' })
        }
      }
      return { files, unreadable, devices }
    },
  }

  async function readSealed(dir: string, other: string, name: string): Promise<Uint8Array | undefined> {
    try {
      const info = await stat(join(dir, name))
      if (!info.isFile() || info.size > largestFile) return undefined
      return open(key, await readFile(join(dir, name)), `${other}/${name}`)
    } catch {
      return undefined
    }
  }
}

export type FolderTransport = ReturnType<typeof createFolderTransport>
