import { Repo, type DocHandle as RepoHandle, type DocumentId } from '@automerge/automerge-repo/slim'
import type { SyncServerStatus } from '@shared/domain/sync'
import type { Logger } from '../ipc/handle'
import type { Db } from '../store/database'
import { Automerge } from './automerge'
import type { SyncEngine } from './engine'
import { ServerConnection, type ConnectionState } from './serverConnection'
import { indexDocId, serverDocId } from './serverDocIds'
import { docIdPattern, planDocId } from './syncTables'

/**
 * The second transport: the same documents as the folder, through an automerge-repo sync
 * server the person runs. The Repo here has no storage (SQLite is the store) and holds one
 * copy of each document; our raw handles stay the engine's. Changes cross between the two
 * as Automerge changes, in both directions, so the server sees the same history the folder
 * does. A room's index document lists our document names (plan, activity-2027-03), so a
 * machine learns of a month the other made: the ids alone (HMACs) cannot be read back.
 */
export interface ServerTransport {
  /** Our changes the server copy lacks go to it (after a pass, or after a merge wrote some). */
  sendLocal(): void
  status(): Omit<SyncServerStatus, 'url'>
  close(): Promise<void>
}

type RoomDoc = Record<string, unknown>

/** The plan, the index and 300 years of months. */
const maxDocuments = 3_602

export interface ServerTransportOptions {
  url: string
  roomSecret: string
  engine: SyncEngine
  db: () => Db
  now: () => Date
  log: Logger
  /** Runs work where pass() runs it: after any pass in progress, while other calls wait. */
  run: (work: () => void) => Promise<void>
  /** After the server's changes reached SQLite: the folder gets them, and any resolution goes back. */
  merged: () => void
}

export function startServerTransport(options: ServerTransportOptions): ServerTransport {
  const { engine, db, log } = options
  const byOurId = new Map<string, RepoHandle<RoomDoc>>()
  const byServerId = new Map<DocumentId, string>()
  /** Per document, the SQLite heads last handed to the server copy (so a pass sends nothing twice). */
  const sentHeads = new Map<string, string>()
  /** Per document, the server copy's heads last merged or written here (its own change events are not news). */
  const knownRemote = new Map<string, string>()
  const pulling = new Set<string>()
  let state: ConnectionState = 'connecting'
  let lastError: string | null = null
  let lastReceivedAt: string | null = null
  let closed = false

  const emptyDoc = Automerge.save(Automerge.init())
  const headsOf = (handle: RepoHandle<RoomDoc>): string => JSON.stringify(Automerge.getHeads(handle.doc()).sort())

  const connection = new ServerConnection({
    url: options.url,
    wanted: (documentId) => byServerId.has(documentId),
    onState(next, error) {
      state = next
      if (error !== null) lastError = error
      else if (next === 'connected') lastError = null
    },
  })
  const wanted = (documentId: DocumentId | undefined): Promise<boolean> => Promise.resolve(documentId !== undefined && byServerId.has(documentId))
  const repo = new Repo({
    network: [connection],
    isEphemeral: true,
    enableRemoteHeadsGossiping: false,
    shareConfig: { announce: (_peer, documentId) => wanted(documentId), access: (_peer, documentId) => wanted(documentId) },
  })

  /** The server copy of one of our documents, made empty: the sync fills it from both sides. */
  function ensure(ourId: string): RepoHandle<RoomDoc> {
    const existing = byOurId.get(ourId)
    if (existing) return existing
    const documentId = serverDocId(options.roomSecret, ourId)
    byServerId.set(documentId, ourId)
    const handle = repo.import<RoomDoc>(emptyDoc, { docId: documentId })
    // Empty, the import changes nothing, so the handle would wait for a first change: it is ready now.
    if (!handle.isReady()) handle.doneLoading()
    byOurId.set(ourId, handle)
    // Not 'change': a change that sets a value already there moves the heads without a patch.
    handle.on('heads-changed', () => {
      if (closed || knownRemote.get(ourId) === headsOf(handle)) return
      if (ourId === indexDocId) learnIndex(handle)
      else void pull(ourId)
    })
    return handle
  }

  /** Documents another machine made: take each one the index names, if it is one of ours by shape. */
  function learnIndex(index: RepoHandle<RoomDoc>): void {
    knownRemote.set(indexDocId, headsOf(index))
    for (const ourId of Object.keys(index.doc())) {
      if (!docIdPattern.test(ourId) || byOurId.has(ourId)) continue
      // A server that lists every month of ten thousand years is not followed past a few centuries.
      if (byOurId.size >= maxDocuments) break
      // Made empty here, it fills from the server and its change event merges it.
      ensure(ourId)
    }
  }

  function pull(ourId: string): Promise<void> {
    if (pulling.has(ourId)) return Promise.resolve()
    pulling.add(ourId)
    return options
      .run(() => {
        pulling.delete(ourId)
        const handle = byOurId.get(ourId)
        if (closed || !handle) return
        const remoteHeads = headsOf(handle)
        const wasLoaded = [...engine.handles.loaded()].some(([id]) => id === ourId)
        const ours = engine.handles.get(ourId)
        let changes: Uint8Array[]
        try {
          changes = ours.getChangesAdded(Automerge.getBackend(handle.doc()))
        } catch (error) {
          lastError = 'The server’s copy of a document could not be read; it is left as it is.'
          log.warn('A sync server document could not be compared', error)
          return
        }
        knownRemote.set(ourId, remoteHeads)
        if (changes.length === 0) {
          if (!wasLoaded && ourId !== planDocId) engine.handles.unload(ourId)
          return
        }
        // Local writes not yet in the documents go in first, as a pass does.
        engine.drain()
        try {
          ours.applyChanges(changes)
        } catch (error) {
          // Nothing was projected nor saved: dropping the handle brings back what SQLite holds.
          engine.handles.unload(ourId)
          lastError = 'The server sent changes that could not be merged; your data is unchanged.'
          log.warn('Changes from the sync server did not merge', error)
          return
        }
        engine.project(new Set([ourId]))
        // Rows that waited for a parent in another document.
        engine.project(new Set())
        if (ourId !== planDocId) engine.handles.unload(ourId)
        lastReceivedAt = options.now().toISOString()
        options.merged()
      })
      .catch((error: unknown) => log.warn('Merging from the sync server failed; the next pass tries again', error))
      // Also when the work did not run (sync was stopping or not started yet): the next pass asks again.
      .finally(() => pulling.delete(ourId))
  }

  const index = ensure(indexDocId)

  function sendLocal(): void {
    if (closed) return
    const loadedBefore = new Set([...engine.handles.loaded()].map(([id]) => id))
    const newInIndex: string[] = []
    const indexed = index.doc()
    // All first: loading a document writes to sync_doc, which an open iterator would forbid.
    for (const row of db().prepare<[], { doc_id: string; heads: string }>('SELECT doc_id, heads FROM sync_doc ORDER BY doc_id').all()) {
      if (!docIdPattern.test(row.doc_id) || row.heads === '[]') continue
      if (!(row.doc_id in indexed)) newInIndex.push(row.doc_id)
      if (sentHeads.get(row.doc_id) === row.heads) continue
      const handle = ensure(row.doc_id)
      const ours = engine.handles.get(row.doc_id)
      const changes = Automerge.getBackend(handle.doc()).getChangesAdded(ours)
      if (changes.length > 0) {
        handle.update((doc) => Automerge.applyChanges(doc, changes)[0])
        knownRemote.set(row.doc_id, headsOf(handle))
      }
      sentHeads.set(row.doc_id, row.heads)
      if (!loadedBefore.has(row.doc_id) && row.doc_id !== planDocId) engine.handles.unload(row.doc_id)
    }
    if (newInIndex.length > 0) {
      index.change((doc) => {
        for (const id of newInIndex) doc[id] = true
      })
      knownRemote.set(indexDocId, headsOf(index))
    }
    // What arrived while no merge could run (before sync was running, or while a merge failed) is merged now.
    for (const [ourId, handle] of byOurId) {
      if (ourId === indexDocId || knownRemote.get(ourId) === headsOf(handle)) continue
      void pull(ourId)
    }
  }

  return {
    sendLocal() {
      try {
        sendLocal()
      } catch (error) {
        lastError = 'Changes could not be handed to the sync server; the next pass tries again.'
        log.warn('Sending to the sync server failed', error)
      }
    },
    status: () => ({ state, lastError, lastReceivedAt }),
    async close() {
      closed = true
      // The socket first, at once: a core closing for good does not wait on the Repo.
      connection.disconnect()
      try {
        await repo.shutdown()
      } catch (error) {
        log.warn('The sync server connection did not close cleanly', error)
      }
    },
  }
}
