import { randomBytes } from 'node:crypto'
import { watch, type FSWatcher } from 'node:fs'
import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { SyncStatus } from '@shared/domain/sync'
import type { Logger } from '../ipc/handle'
import { DomainError } from '../ipc/domainError'
import type { Db } from '../store/database'
import { captureEverything, captureInstalled, installCapture, removeCapture } from './captureTriggers'
import { parseHeads } from './heads'
import type { SyncEngine } from './engine'
import { defaultCost, newHeader, unlock } from './folderCrypto'
import { createFolderTransport, devicesDir, readHeader, writeHeader, type FolderTransport, type Unreadable } from './folderTransport'
import { readStatus } from './syncStatus'
import { planDocId, syncTables } from './syncTables'

export interface SyncOptions {
  /** Watch the folder and push soon after each write (default true; tests drive passes themselves). */
  watch?: boolean
  /** scrypt cost for a folder this device sets up (tests use a small one). */
  kdfCost?: { logN: number; r: number; p: number }
}

export interface SyncService {
  /** The hook after every call: local writes into the documents. Nothing at all while sync is off. */
  afterCall(): void
  status(): SyncStatus
  enable(input: { folder: string; passphrase: string; deviceName: string }): Promise<SyncStatus>
  disable(): Promise<SyncStatus>
  /** Reads the folder, merges, applies, and writes this device's changes. */
  syncNow(): Promise<SyncStatus>
  close(): void
}

interface StateRow {
  device_id: string
  device_name: string
  folder: string
  folder_key: Buffer
}

interface Running {
  /** The connection it was started on: a restore or an import swaps the database under it. */
  db: Db
  state: StateRow
  engine: SyncEngine
  transport: FolderTransport
  watcher: FSWatcher | null
  timer: NodeJS.Timeout | null
  poll: NodeJS.Timeout | null
}

/** How soon after a write its changes go to the folder, and how often the folder is read without an event. */
const pushDelayMs = 150
const pollMs = 15_000

export function createSyncService(options: {
  db: () => Db
  now: () => Date
  log: Logger
  /** Holds every other call while remote rows are applied (an import may hold a transaction open). */
  exclusive: <T>(work: () => Promise<T>) => Promise<T>
  canPickFolder: boolean
  sync?: SyncOptions
}): SyncService {
  const { db, now, log } = options
  const watching = options.sync?.watch ?? true
  let running: Running | null = null
  let unreadable: Unreadable[] = []
  let chain: Promise<void> = Promise.resolve()
  let closed = false

  const readState = (): StateRow | undefined =>
    db().prepare<[], StateRow>('SELECT device_id, device_name, folder, folder_key FROM sync_state WHERE id = 1').get()

  async function start(state: StateRow): Promise<Running> {
    const key = new Uint8Array(state.folder_key)
    // Loaded on demand: a store that never syncs never loads Automerge (see ./automerge).
    const { loadSyncEngine } = await import('./engine')
    const r: Running = {
      db: db(),
      state,
      engine: await loadSyncEngine(db, state.device_id, now),
      transport: createFolderTransport(state.folder, state.device_id, key),
      watcher: null,
      timer: null,
      poll: null,
    }
    if (!captureInstalled(db())) installCapture(db())
    if (watching) {
      try {
        r.watcher = watch(join(state.folder, devicesDir), { recursive: true, persistent: false }, () => schedule(r, 100))
        r.watcher.on('error', (error) => log.warn('Sync stopped watching its folder; it still reads it every 15 s', error))
      } catch (error) {
        log.warn('Sync cannot watch its folder; it reads it every 15 s instead', error)
      }
      r.poll = setInterval(() => schedule(r, 0), pollMs)
      r.poll.unref()
    }
    return r
  }

  function stopRunning(r: Running): void {
    r.watcher?.close()
    if (r.timer) clearTimeout(r.timer)
    if (r.poll) clearInterval(r.poll)
    r.engine.handles.forget()
  }

  function stop(): void {
    if (!running) return
    stopRunning(running)
    running = null
  }

  function schedule(r: Running, delay: number): void {
    if (running !== r || r.timer) return
    r.timer = setTimeout(() => {
      r.timer = null
      void queue(() => pass(r)).catch((error: unknown) => log.warn('A sync pass failed; the next one tries again', error))
    }, delay)
    r.timer.unref()
  }

  function queue(work: () => Promise<void>): Promise<void> {
    const next = chain.then(work)
    chain = next.catch(() => {})
    return next
  }

  async function pass(r: Running): Promise<void> {
    if (followSwap() || running !== r || closed) return
    const seen = new Set(db().prepare<[], string>('SELECT file FROM sync_seen').pluck().all())
    // Names only: each document's files are read when its turn comes, so a first sync of ten
    // years holds one document's bytes at a time, never the whole folder.
    const incoming = await r.transport.listIncoming(seen)
    if (running !== r) return
    const broken: Unreadable[] = []
    // One document at a time, the plan first (activities point at its goals): a first sync
    // of ten years never holds every document, nor every row it touched, in memory at once.
    const docs = [...incoming.docs.keys()].sort((a, b) => (a === planDocId ? -1 : b === planDocId ? 1 : a.localeCompare(b)))
    await options.exclusive(async () => {
      r.engine.drain()
      const d = db()
      const markSeen = d.prepare('INSERT OR IGNORE INTO sync_seen (file) VALUES (?)')
      const headsOf = d.prepare<[string], { heads: string; sent_heads: string }>('SELECT heads, sent_heads FROM sync_doc WHERE doc_id = ?')
      const markSent = d.prepare('UPDATE sync_doc SET sent_heads = heads WHERE doc_id = ?')
      for (const docId of docs) {
        if (running !== r) return
        const read = await r.transport.readDoc(incoming.docs.get(docId) ?? [])
        broken.push(...read.unreadable)
        if (read.files.length === 0) continue
        const handle = r.engine.handles.get(docId)
        const before = headsOf.get(docId)
        const merged: string[] = []
        for (const file of read.files) {
          try {
            handle.loadIncremental(file.bytes)
            merged.push(file.id)
          } catch {
            broken.push({ file: `${devicesDir}/${file.id}`, reason: 'it opened but holds no changes Pathfinder can read' })
          }
        }
        // Changes that depend on a file not here yet are merged again on a later pass.
        const complete = handle.getMissingDeps([]).length === 0
        const outcome = r.engine.project(new Set([docId]))
        d.transaction(() => {
          if (complete) for (const id of merged) markSeen.run(id)
          // What only the others wrote is in the folder already, under their names: not sent back.
          if ((!before || before.heads === before.sent_heads) && !outcome.resolved.has(docId)) markSent.run(docId)
        })()
        if (docId !== planDocId) r.engine.handles.unload(docId)
      }
      // Rows that waited for a parent in a document merged later in this pass.
      r.engine.project(new Set())
      const at = now().toISOString()
      d.transaction(() => {
        const device = d.prepare('INSERT INTO sync_device (device_id, name, last_seen_at) VALUES (?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET name = excluded.name, last_seen_at = excluded.last_seen_at')
        for (const [id, info] of incoming.devices) device.run(id, info.name, info.at)
        d.prepare('UPDATE sync_state SET last_sync_at = ? WHERE id = 1').run(at)
        // Files their device replaced with a snapshot are gone for good (names are never reused).
        const forget = d.prepare('DELETE FROM sync_seen WHERE file = ?')
        for (const file of seen) if (incoming.listed.has(file.slice(0, file.indexOf('/'))) && !incoming.present.has(file)) forget.run(file)
      })()
    })
    unreadable = broken
    await push(r)
  }

  /** Change files a device writes for a document before it folds them into one snapshot. */
  const compactAfter = 32

  async function push(r: Running): Promise<void> {
    const due = db()
      .prepare<[], { doc_id: string; sent_heads: string; next_file: number }>('SELECT doc_id, sent_heads, next_file FROM sync_doc WHERE heads <> sent_heads ORDER BY doc_id')
      .all()
    const own = due.length > 0 ? await r.transport.ownFiles() : new Map<string, { changes: number[]; snapshots: number[] }>()
    for (const doc of due) {
      if (running !== r) return
      const wasLoaded = r.engine.handles.isLoaded(doc.doc_id)
      const handle = r.engine.handles.get(doc.doc_id)
      const heads = handle.getHeads()
      const sent = parseHeads(doc.sent_heads)
      const mine = own.get(doc.doc_id)
      const lastSnapshot = Math.max(0, ...(mine?.snapshots ?? []))
      const since = (mine?.changes ?? []).filter((n) => n > lastSnapshot).length
      // A first push (turning sync on, a restored store) or many small files: the whole
      // document, so a machine joining later reads one file for it from this device.
      const written =
        sent.length === 0 || since + 1 >= compactAfter
          ? await r.transport.writeSnapshot(doc.doc_id, doc.next_file, handle.save())
          : await r.transport.writeChanges(doc.doc_id, doc.next_file, handle.saveSince(sent))
      db().prepare('UPDATE sync_doc SET sent_heads = ?, next_file = ? WHERE doc_id = ?').run(JSON.stringify(heads), written + 1, doc.doc_id)
      // Turning sync on pushes every month: one loaded at a time.
      if (!wasLoaded && doc.doc_id !== planDocId) r.engine.handles.unload(doc.doc_id)
    }
    if (due.length > 0) await r.transport.writeDevice({ name: r.state.device_name, at: now().toISOString() })
  }

  // A device that synced before starts again in the background; calls meanwhile leave their
  // rows in sync_outbox, drained once the engine is there.
  const existing = readState()
  let starting: Promise<void> | null = existing
    ? start(existing)
        .then((r) => {
          if (closed) return stopRunning(r)
          running = r
          r.engine.drain()
          if (watching) schedule(r, 0)
        })
        .catch((error: unknown) => log.error('Sync could not start; your data is unchanged and stays on this machine', error))
        .finally(() => (starting = null))
    : null

  const status = (): SyncStatus => readStatus(db(), readState() ?? null, unreadable, options.canPickFolder)

  /**
   * A restore or an import put another database in place: its own sync state (or none) is
   * what holds now, so the engine starts again from it, never writing the old documents into it.
   */
  function followSwap(): boolean {
    const r = running
    if (!r || r.db === db()) return false
    stop()
    let state = readState()
    if (state) {
      // The restored store's documents stop where the backup did, so changes it makes now
      // would reuse numbers its device already gave to later changes the others hold. It
      // carries on as a new device (a new Automerge actor, a new folder of its own).
      const fresh = randomBytes(16).toString('hex')
      db().transaction(() => {
        db().prepare('UPDATE sync_state SET device_id = ? WHERE id = 1').run(fresh)
        db().prepare("UPDATE sync_doc SET sent_heads = '[]', next_file = 1").run()
        if (!captureInstalled(db())) installCapture(db())
      })()
      state = { ...state, device_id: fresh }
    }
    if (state && !starting) {
      starting = start(state)
        .then((next) => {
          if (closed) return stopRunning(next)
          running = next
          next.engine.drain()
          if (watching) schedule(next, 0)
        })
        .catch((error: unknown) => log.error('Sync could not start again after the data was replaced', error))
        .finally(() => (starting = null))
    }
    return true
  }

  return {
    afterCall() {
      if (followSwap()) return
      const r = running
      if (!r) return
      try {
        if (r.engine.drain().size > 0 && watching) schedule(r, pushDelayMs)
      } catch (error) {
        // The rows stay in sync_outbox and go with the next call or pass.
        log.warn('Sync could not record a change yet; it tries again after the next one', error)
      }
    },
    status,
    async enable({ folder, passphrase, deviceName }) {
      if (starting) await starting
      if (running) throw new DomainError('conflict', `Sync is already on, through ${running.state.folder}. Turn it off first to choose another folder.`)
      const info = await stat(folder).catch(() => null)
      if (!info?.isDirectory()) throw new DomainError('invalid-input', `There is no folder at ${folder}. Create it (or let your sync app create it) and try again.`)
      const header = await readHeader(folder)
      if (header === 'foreign') {
        throw new DomainError('invalid-input', 'That folder’s pathfinder-sync.json is not one Pathfinder can read. Choose an empty folder, or the one your other machine syncs through.')
      }
      let key: Uint8Array
      if (header === 'missing') {
        const made = await newHeader(passphrase, options.sync?.kdfCost ?? defaultCost)
        await writeHeader(folder, made.header)
        key = made.key
      } else {
        const unlocked = await unlock(header, passphrase)
        if (!unlocked) throw new DomainError('invalid-input', 'That passphrase does not open this sync folder. Use the passphrase you chose on your first machine; nothing was changed.')
        key = unlocked
      }
      const state: StateRow = { device_id: randomBytes(16).toString('hex'), device_name: deviceName, folder, folder_key: Buffer.from(key) }
      await mkdir(join(folder, devicesDir, state.device_id), { recursive: true })
      db().transaction(() => {
        db()
          .prepare('INSERT INTO sync_state (id, device_id, device_name, folder, folder_key, enabled_at) VALUES (1, ?, ?, ?, ?, ?)')
          .run(state.device_id, state.device_name, state.folder, state.folder_key, now().toISOString())
        // Ids of rows deleted while sync was off may have been handed out again: forget them.
        for (const table of syncTables) {
          if (table.identity !== 'natural') db().prepare(`DELETE FROM sync_key WHERE tbl = ? AND local_id NOT IN (SELECT CAST(id AS TEXT) FROM ${table.name})`).run(table.name)
        }
        db().prepare("UPDATE sync_doc SET sent_heads = '[]', next_file = 1").run()
        installCapture(db())
        captureEverything(db())
      })()
      const r = await start(state)
      running = r
      await queue(() => pass(r))
      return status()
    },
    async disable() {
      if (starting) await starting
      stop()
      db().transaction(() => {
        removeCapture(db())
        db().prepare('DELETE FROM sync_state').run()
        db().prepare('DELETE FROM sync_outbox').run()
      })()
      unreadable = []
      return status()
    },
    async syncNow() {
      followSwap()
      if (starting) await starting
      const r = running
      if (!r) throw new DomainError('conflict', 'Sync is off. Turn it on in Settings first.')
      await queue(() => pass(r))
      return status()
    },
    close() {
      closed = true
      stop()
    },
  }
}
