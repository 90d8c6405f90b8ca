import { randomBytes } from 'node:crypto'
import { watch, type FSWatcher } from 'node:fs'
import { mkdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { SyncServerStatus, SyncStatus } from '@shared/domain/sync'
import type { Logger } from '../ipc/handle'
import { DomainError } from '../ipc/domainError'
import type { Db } from '../store/database'
import { captureEverything, captureInstalled, installCapture, removeCapture } from './captureTriggers'
import { parseHeads } from './heads'
import { reconcileIfDue } from './reconcile'
import type { SyncEngine } from './engine'
import { defaultCost, newHeader, unlock } from './folderCrypto'
import { createFolderTransport, devicesDir, readHeader, writeHeader, type FolderTransport, type Unreadable } from './folderTransport'
import { readStatus } from './syncStatus'
import { planDocId, syncTables } from './syncTables'
import type { ServerTransport } from './websocketTransport'

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
  /**
   * Just before a restore or an import puts `file` in place of the store: a store that brings no
   * bookkeeping for this folder gets this one's (documents, keys), so what it holds can be
   * imposed on the other machines instead of starting over beside them.
   */
  beforeReplace(file: string): void
  /** Reads the folder, merges, applies, and writes this device's changes. */
  syncNow(): Promise<SyncStatus>
  /** Sets the optional sync server (used while sync is on); replaces one set before. */
  setServer(input: { url: string; roomSecret: string }): Promise<SyncStatus>
  /** Forgets the sync server; local data stays. */
  clearServer(): Promise<SyncStatus>
  /**
   * How many times rows from another machine were applied here since the core started (a
   * folder pass, the sync server, the first join). The views poll it and re-read on a change.
   */
  remoteChanges(): number
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
  /** The sync server's side, when the person set one. */
  server: ServerTransport | null
}

interface ServerRow {
  url: string
  room_secret: string
}

/** Sync's bookkeeping a replacing store takes over (the outbox is drained into the documents first). */
const carried = ['sync_state', 'sync_doc', 'sync_chunk', 'sync_key', 'sync_seen', 'sync_device', 'sync_notice'] as const

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
  /** Why the sync server's side did not start, when it did not. */
  let serverTrouble: string | null = null
  let remoteChanges = 0

  /**
   * Counts the projections that applied rows the documents gained from another machine. Both
   * transports project through the one engine, so counting here covers the folder, the server
   * and the first join alike; the engine itself stays as it is.
   */
  const counted = (engine: SyncEngine): SyncEngine => ({
    ...engine,
    project(only) {
      const outcome = engine.project(only)
      // Rows waiting for a parent are tried on every projection: only new changes count.
      if (outcome.docs.size > 0 && outcome.rows > 0) remoteChanges += 1
      return outcome
    },
  })

  const readState = (): StateRow | undefined =>
    db().prepare<[], StateRow>('SELECT device_id, device_name, folder, folder_key FROM sync_state WHERE id = 1').get()

  async function start(state: StateRow): Promise<Running> {
    const key = new Uint8Array(state.folder_key)
    // Loaded on demand: a store that never syncs never loads Automerge (see ./automerge).
    const { loadSyncEngine } = await import('./engine')
    const r: Running = {
      db: db(),
      state,
      engine: counted(await loadSyncEngine(db, state.device_id, now)),
      transport: createFolderTransport(state.folder, state.device_id, key),
      watcher: null,
      timer: null,
      poll: null,
      server: null,
    }
    if (!captureInstalled(db())) installCapture(db())
    await startServer(r)
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
    void r.server?.close()
    r.server = null
    r.engine.handles.forget()
  }

  const readServer = (): ServerRow | undefined => db().prepare<[], ServerRow>('SELECT url, room_secret FROM sync_server WHERE id = 1').get()

  /** Nothing is contacted unless the person set a server. */
  async function startServer(r: Running): Promise<ServerTransport | null> {
    const row = readServer()
    serverTrouble = null
    if (!row) return null
    try {
      // Loaded on demand, like the engine: a store without a server never loads automerge-repo.
      const { startServerTransport } = await import('./websocketTransport')
      r.server = startServerTransport({
        url: row.url,
        roomSecret: row.room_secret,
        engine: r.engine,
        db,
        now,
        log,
        run: (work) =>
          queue(async () => {
            if (running !== r || closed) return
            await options.exclusive(() => Promise.resolve(work()))
          }),
        merged: () => {
          if (watching) schedule(r, pushDelayMs)
        },
      })
    } catch (error) {
      // The folder goes on syncing without the server.
      serverTrouble = 'The sync server connection could not be started; the folder still syncs.'
      log.error('The sync server transport did not start', error)
    }
    return r.server
  }

  function serverStatus(): SyncServerStatus | null {
    const row = readServer()
    if (!row) return null
    const live = running?.server?.status()
    if (live) return { url: row.url, ...live }
    return { url: row.url, state: running && serverTrouble ? 'offline' : 'paused', lastError: running ? serverTrouble : null, lastReceivedAt: null }
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
            r.engine.handles.merge(docId, file.bytes)
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
    // Before the folder's write, which throws when the folder is gone (a drive unplugged).
    r.server?.sendLocal()
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

  /** A reconciliation made due (sync on again, a restore, an import) runs before anything else syncs. */
  async function catchUp(r: Running): Promise<void> {
    const outcome = await reconcileIfDue({ db, engine: r.engine, transport: r.transport, folder: r.state.folder, now, exclusive: options.exclusive })
    if (outcome) unreadable = outcome.unreadable
  }

  /** Why the last start failed, in words for Sync now. */
  let startError: string | null = null

  /** Starts in the background; calls meanwhile leave their rows in sync_outbox, drained once the engine is there. */
  function launch(state: StateRow, failure: string): Promise<void> {
    let started: Running | null = null
    return start(state)
      .then(async (r) => {
        started = r
        if (!closed) await catchUp(r)
        if (closed) return stopRunning(r)
        running = r
        r.engine.drain()
        if (watching) schedule(r, 0)
      })
      .catch((error: unknown) => {
        if (started && running !== started) stopRunning(started)
        startError = error instanceof DomainError ? error.message : failure
        log.error(failure, error)
      })
      .finally(() => (starting = null))
  }

  /** The connection sync last followed: a restore or an import swaps it. */
  let knownDb = db()
  // A device that synced before starts again where it was.
  const existing = readState()
  let starting: Promise<void> | null = existing ? launch(existing, 'Sync could not start; your data is unchanged and stays on this machine') : null

  const status = (): SyncStatus => ({ ...readStatus(db(), readState() ?? null, unreadable, options.canPickFolder), server: serverStatus() })

  /**
   * A restore or an import put another database in place: its own sync state (or the one
   * beforeReplace carried into it, or none) is what holds now, so the engine starts again from
   * it, never writing the old documents into it. What the store now holds is then imposed on
   * the documents (reconcile.ts): the person chose to go back, and the other machines follow.
   */
  function followSwap(): boolean {
    const current = db()
    if (current === knownDb && (!running || running.db === current)) return false
    // A start under way finishes first; the next call follows the swap.
    if (starting) return true
    // Followed whether sync was running or not: a backup restored while sync was off may bring
    // sync state of its own, and must not carry on as the device it was.
    knownDb = current
    stop()
    let state = readState()
    if (state) {
      // The restored store's documents stop where the backup did, so changes it makes now
      // would reuse numbers its device already gave to later changes the others hold. It
      // carries on as a new device (a new Automerge actor, a new folder of its own).
      const fresh = randomBytes(16).toString('hex')
      db().transaction(() => {
        db().prepare("UPDATE sync_state SET device_id = ?, reconcile = 'replaced' WHERE id = 1").run(fresh)
        db().prepare("UPDATE sync_doc SET sent_heads = '[]', next_file = 1").run()
        if (!captureInstalled(db())) installCapture(db())
        captureEverything(db())
      })()
      state = { ...state, device_id: fresh }
    }
    if (state) starting = launch(state, 'Sync could not start again after the data was replaced')
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
        // Documents from an earlier time on: what was deleted since is deleted in them first.
        const rejoining = db().prepare('SELECT 1 FROM sync_doc LIMIT 1').get() !== undefined
        db()
          .prepare('INSERT INTO sync_state (id, device_id, device_name, folder, folder_key, enabled_at, reconcile) VALUES (1, ?, ?, ?, ?, ?, ?)')
          .run(state.device_id, state.device_name, state.folder, state.folder_key, now().toISOString(), rejoining ? 'rejoined' : null)
        // Ids of rows deleted while sync was off may have been handed out again: forget them.
        for (const table of syncTables) {
          if (table.identity !== 'natural') db().prepare(`DELETE FROM sync_key WHERE tbl = ? AND local_id NOT IN (SELECT CAST(id AS TEXT) FROM ${table.name})`).run(table.name)
        }
        db().prepare("UPDATE sync_doc SET sent_heads = '[]', next_file = 1").run()
        installCapture(db())
        captureEverything(db())
      })()
      const r = await start(state)
      try {
        await catchUp(r)
      } catch (error) {
        // sync_state says it is still due: the next start tries again before syncing.
        stopRunning(r)
        throw error
      }
      running = r
      await queue(() => pass(r))
      return status()
    },
    beforeReplace(file) {
      const r = running
      if (!r || r.db !== db()) return
      const d = db()
      try {
        r.engine.drain()
        d.prepare('ATTACH DATABASE ? AS replacing').run(file)
      } catch (error) {
        log.warn('Sync could not carry its bookkeeping into the replacing data; sync is off after it, and turning it on merges', error)
        return
      }
      try {
        // A backup from this folder holds bookkeeping that matches its own rows: it stays.
        if (d.prepare<[], string>('SELECT folder FROM replacing.sync_state WHERE id = 1').pluck().get() === r.state.folder) return
        d.transaction(() => {
          for (const table of carried) {
            d.prepare(`DELETE FROM replacing.${table}`).run()
            d.prepare(`INSERT INTO replacing.${table} SELECT * FROM main.${table}`).run()
          }
        })()
      } catch (error) {
        log.warn('Sync could not carry its bookkeeping into the replacing data; sync is off after it, and turning it on merges', error)
      } finally {
        d.prepare('DETACH DATABASE replacing').run()
      }
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
      // A start that failed (a reconciliation whose folder was out of reach) is tried again.
      const state = running || closed ? null : readState()
      if (state) {
        startError = null
        starting = launch(state, 'Sync could not start; your data is unchanged and stays on this machine')
        await starting
      }
      const r = running
      if (!r) throw new DomainError(state ? 'unavailable' : 'conflict', state ? (startError ?? 'Sync could not start. Try again.') : 'Sync is off. Turn it on in Settings first.')
      await queue(() => pass(r))
      return status()
    },
    async setServer({ url, roomSecret }) {
      followSwap()
      if (starting) await starting
      db().prepare('INSERT INTO sync_server (id, url, room_secret, saved_at) VALUES (1, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET url = excluded.url, room_secret = excluded.room_secret, saved_at = excluded.saved_at').run(url, roomSecret, now().toISOString())
      const r = running
      if (r) {
        await r.server?.close()
        r.server = null
        const server = await startServer(r)
        // Everything this machine has goes to the new server's copies.
        server?.sendLocal()
      }
      return status()
    },
    async clearServer() {
      followSwap()
      if (starting) await starting
      const r = running
      if (r) {
        await r.server?.close()
        r.server = null
      }
      db().prepare('DELETE FROM sync_server').run()
      return status()
    },
    remoteChanges: () => remoteChanges,
    close() {
      closed = true
      stop()
    },
  }
}
