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
 *   devices/<device>/<doc>.snap.<n>.pfs  the whole document as that device had it at its change n
 *
 * A device writes only under its own folder, each file whole (a temporary name, then a
 * rename), and never rewrites a file: a sync tool never sees two writers on one file.
 * It reads every other device's files it has not merged yet. Names that do not fit, files
 * that do not open under the key (half-copied, damaged, from elsewhere) are skipped and
 * tried again on the next pass; merging the same changes twice, or in another order, is
 * Automerge's to absorb.
 *
 * Compaction: a device that has written many change files for a document writes a snapshot
 * under the next number and then deletes its own older files for that document. A snapshot
 * supersedes its device's files with lower numbers, so a new machine reads one file per
 * document per device; a machine that merged some of them merges the snapshot too.
 */
export const devicesDir = 'devices'
const deviceIdPattern = /^[0-9a-f]{32}$/
const changeFile = /^([a-z0-9-]+)\.(\d{1,9})\.pfs$/
const snapshotFile = /^([a-z0-9-]+)\.snap\.(\d{1,9})\.pfs$/
const deviceFileName = 'device.pfs'
/** A change file bigger than this is not ours (a year of a busy person is a few MiB). */
const largestFile = 256 * 2 ** 20

/** A file of another device, listed but not read yet: a first sync reads one document's at a time. */
export interface ListedFile {
  /** `<device>/<file>`, also the name it was sealed under. */
  id: string
  device: string
  docId: string
  n: number
}

/** One device's unmerged files for one document: its newest snapshot and the change files after it. */
export interface IncomingSource {
  device: string
  /** The newest snapshot when it is not merged yet. */
  snapshot: ListedFile | null
  /** Its newest snapshot's number (merged or not): change files up to it are superseded. */
  snapshotN: number
  changes: ListedFile[]
}

export interface IncomingFile {
  id: string
  bytes: Uint8Array
}

/** What one device holds for one document under its own folder. */
interface OwnFiles {
  changes: number[]
  snapshots: number[]
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
  const taken = (name: string): Promise<boolean> => stat(join(own, name)).then(() => true, () => false)
  /** Change files and snapshots share one sequence per document, so "lower number" orders them. */
  const free = async (docId: string, n: number): Promise<number> => {
    let number = n
    while ((await taken(`${docId}.${number}.pfs`)) || (await taken(`${docId}.snap.${number}.pfs`))) number++
    return number
  }
  const unopened = 'it does not open with this folder’s key: still being copied, damaged, or not written by Pathfinder'

  const readOne = (file: ListedFile, name: string): Promise<Uint8Array | 'gone' | undefined> => readSealed(join(folder, devicesDir, file.device), file.device, name)

  return {
    /**
     * Writes under the first free number from `n` and returns it. A change file is never
     * rewritten: the others remember names they merged, so new content under an old name (a
     * store restored from a backup counts from where it was then) would never be read.
     */
    async writeChanges(docId: string, n: number, bytes: Uint8Array): Promise<number> {
      const number = await free(docId, n)
      const name = `${docId}.${number}.pfs`
      await writeWhole(own, name, seal(key, bytes, `${device}/${name}`))
      return number
    },
    /**
     * The whole document under the first free number from `n`, then this device's older files
     * for it go: a reader that finds the snapshot needs none of them. Returns the number.
     */
    async writeSnapshot(docId: string, n: number, bytes: Uint8Array): Promise<number> {
      const number = await free(docId, n)
      const name = `${docId}.snap.${number}.pfs`
      await writeWhole(own, name, seal(key, bytes, `${device}/${name}`))
      await this.removeSuperseded(docId, number)
      return number
    },
    /** Deletes this device's own files for a document below its snapshot `n` (never another device's). */
    async removeSuperseded(docId: string, n: number): Promise<void> {
      const mine = (await this.ownFiles()).get(docId)
      if (!mine) return
      for (const c of mine.changes) if (c < n) await rm(join(own, `${docId}.${c}.pfs`), { force: true })
      for (const c of mine.snapshots) if (c < n) await rm(join(own, `${docId}.snap.${c}.pfs`), { force: true })
    },
    /** This device's own change files and snapshots, by document. */
    async ownFiles(): Promise<Map<string, OwnFiles>> {
      const byDoc = new Map<string, OwnFiles>()
      for (const name of await readdir(own).catch((): string[] => [])) {
        const snap = snapshotFile.exec(name)
        const change = snap ? null : changeFile.exec(name)
        const match = snap ?? change
        const docId = match?.[1] ?? ''
        if (!match || !docIdPattern.test(docId)) continue
        const entry = byDoc.get(docId) ?? { changes: [], snapshots: [] }
        ;(snap ? entry.snapshots : entry.changes).push(Number(match[2]))
        byDoc.set(docId, entry)
      }
      return byDoc
    },
    async writeDevice(info: DeviceInfo): Promise<void> {
      await writeWhole(own, deviceFileName, seal(key, Buffer.from(JSON.stringify(info)), `${device}/${deviceFileName}`))
    },

    /**
     * The other devices' files not merged yet, by document, without reading them; every name
     * present (so names merged earlier whose files are gone can be forgotten); and the devices.
     */
    async listIncoming(seen: ReadonlySet<string>): Promise<{ docs: Map<string, IncomingSource[]>; present: Set<string>; listed: Set<string>; devices: Map<string, DeviceInfo> }> {
      const docs = new Map<string, IncomingSource[]>()
      const present = new Set<string>()
      const listed = new Set<string>()
      const devices = new Map<string, DeviceInfo>()
      const others = (await readdir(join(folder, devicesDir)).catch((): string[] => [])).filter((d) => deviceIdPattern.test(d) && d !== device)
      for (const other of others) {
        const dir = join(folder, devicesDir, other)
        const names = await readdir(dir).catch((): string[] | null => null)
        if (names === null) continue
        listed.add(other)
        const info = names.includes(deviceFileName) ? await readSealed(dir, other, deviceFileName) : undefined
        if (info instanceof Uint8Array) {
          try {
            const parsed = deviceInfo.safeParse(JSON.parse(Buffer.from(info).toString()))
            if (parsed.success) devices.set(other, parsed.data)
          } catch {
            // A device file that is not JSON names no device; its changes still count.
          }
        }
        const byDoc = new Map<string, IncomingSource>()
        const sourceOf = (docId: string): IncomingSource => {
          let source = byDoc.get(docId)
          if (!source) {
            source = { device: other, snapshot: null, snapshotN: 0, changes: [] }
            byDoc.set(docId, source)
          }
          return source
        }
        for (const name of names) {
          const snap = snapshotFile.exec(name)
          const change = snap ? null : changeFile.exec(name)
          const match = snap ?? change
          const docId = match?.[1] ?? ''
          if (!match || !docIdPattern.test(docId)) continue
          const file: ListedFile = { id: `${other}/${name}`, device: other, docId, n: Number(match[2]) }
          present.add(file.id)
          const source = sourceOf(docId)
          if (snap && file.n > source.snapshotN) {
            source.snapshotN = file.n
            source.snapshot = seen.has(file.id) ? null : file
          } else if (!snap && !seen.has(file.id)) {
            source.changes.push(file)
          }
        }
        for (const [docId, source] of byDoc) {
          source.changes.sort((a, b) => a.n - b.n)
          // Nothing new: change files a merged snapshot covers are not read, nor the document loaded.
          if (!source.snapshot && !source.changes.some((c) => c.n > source.snapshotN)) continue
          docs.set(docId, [...(docs.get(docId) ?? []), source])
        }
      }
      return { docs, present, listed, devices }
    },

    /**
     * One document's listed files, opened. A snapshot that does not open (half-copied,
     * damaged) is named and the change files that are still there are read instead; the
     * snapshot is tried again on the next pass.
     */
    async readDoc(sources: IncomingSource[]): Promise<{ files: IncomingFile[]; unreadable: Unreadable[] }> {
      const files: IncomingFile[] = []
      const unreadable: Unreadable[] = []
      for (const source of sources) {
        let after = source.snapshotN
        if (source.snapshot) {
          const bytes = await readOne(source.snapshot, `${source.snapshot.docId}.snap.${source.snapshot.n}.pfs`)
          if (bytes instanceof Uint8Array) files.push({ id: source.snapshot.id, bytes })
          else {
            if (bytes !== 'gone') unreadable.push({ file: `${devicesDir}/${source.snapshot.id}`, reason: unopened })
            after = 0
          }
        }
        for (const change of source.changes) {
          if (change.n <= after) continue
          const bytes = await readOne(change, `${change.docId}.${change.n}.pfs`)
          // A file its device deleted since the listing (a snapshot replaced it) is no loss.
          if (bytes instanceof Uint8Array) files.push({ id: change.id, bytes })
          else if (bytes !== 'gone') unreadable.push({ file: `${devicesDir}/${change.id}`, reason: unopened })
        }
      }
      return { files, unreadable }
    },
  }

  async function readSealed(dir: string, other: string, name: string): Promise<Uint8Array | 'gone' | undefined> {
    try {
      const info = await stat(join(dir, name))
      if (!info.isFile() || info.size > largestFile) return undefined
      return open(key, await readFile(join(dir, name)), `${other}/${name}`)
    } catch (error) {
      return error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'gone' : undefined
    }
  }
}

export type FolderTransport = ReturnType<typeof createFolderTransport>
