import { NetworkAdapter, cbor, isValidDocumentId, type DocumentId, type Message, type PeerId, type PeerMetadata } from '@automerge/automerge-repo/slim'
import WebSocket from 'ws'

/**
 * The WebSocket link to an automerge-repo sync server, in place of the package's
 * WebSocketClientAdapter: that one throws from its socket handlers on a refused name or a
 * reset (an uncaught exception in the core), retries at a fixed interval, and passes on
 * whatever the server sends. This one never throws from a socket event, waits longer after
 * each failure (to a minute), gives up on a server that does not answer the join, bounds
 * message size, and hands the Repo only well-formed messages about documents it asked for.
 */
export type ConnectionState = 'connecting' | 'connected' | 'offline'

export interface ConnectionEvents {
  state(state: ConnectionState, error: string | null): void
}

/** What the server may send: its half of the handshake, an error, or a message for a document. */
const protocolVersion = '1'
/** A server that has not answered the join by then is treated as down. */
const joinTimeoutMs = 10_000
const firstRetryMs = 500
const maxRetryMs = 60_000
/** One message holds at most a document's missing changes; a year of activities is a few MB. */
const maxMessageBytes = 64 * 1024 * 1024

/** A problem already put in words (the rest are socket errors, described by their code). */
class Said extends Error {}

const isPeerId = (id: string): id is PeerId => id.length > 0 && id.length <= 200

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Words for a socket error the person can act on. */
export function describeSocketError(error: unknown): string {
  const code = isRecord(error) && typeof error.code === 'string' ? error.code : ''
  if (code === 'ECONNREFUSED') return 'The server refused the connection: is it running, and is the port right?'
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'That server’s name could not be found: check the address, or your network.'
  if (code === 'ETIMEDOUT' || code === 'ENETUNREACH' || code === 'EHOSTUNREACH') return 'The server could not be reached from this network.'
  if (code === 'ECONNRESET') return 'The server dropped the connection.'
  if (code.startsWith('ERR_TLS') || code.includes('CERT') || code === 'DEPTH_ZERO_SELF_SIGNED_CERT') return 'The server’s certificate is not one this machine trusts.'
  const message = error instanceof Error ? error.message : ''
  if (/Unexpected server response: (\d+)/.exec(message)) return `The address answered, but not as a WebSocket sync server (${message.replace('Unexpected server response: ', 'HTTP ')}).`
  if (/Max payload size exceeded/i.test(message)) return 'The server sent a message too large to accept.'
  return 'The connection to the server failed.'
}

export class ServerConnection extends NetworkAdapter {
  readonly #url: string
  readonly #wanted: (documentId: DocumentId) => boolean
  readonly #onState: ConnectionEvents['state']
  #socket: WebSocket | null = null
  #serverPeer: PeerId | null = null
  #retryMs = firstRetryMs
  #retryTimer: NodeJS.Timeout | null = null
  #joinTimer: NodeJS.Timeout | null = null
  #stopped = false
  #ready = false
  #readyResolve: (() => void) | null = null
  readonly #readyPromise: Promise<void>

  constructor(options: { url: string; wanted: (documentId: DocumentId) => boolean; onState: ConnectionEvents['state'] }) {
    super()
    this.#url = options.url
    this.#wanted = options.wanted
    this.#onState = options.onState
    this.#readyPromise = new Promise((resolve) => (this.#readyResolve = resolve))
  }

  isReady(): boolean {
    return this.#ready
  }

  whenReady(): Promise<void> {
    return this.#readyPromise
  }

  connect(peerId: PeerId, peerMetadata?: PeerMetadata): void {
    this.peerId = peerId
    this.peerMetadata = peerMetadata ?? {}
    // The Repo waits for this before it syncs; offline is a state it must work in, not wait on.
    this.#markReady()
    this.#open()
  }

  send(message: Message): void {
    const socket = this.#socket
    // While offline, messages are dropped: on reconnect the Repo runs a fresh sync for every document.
    if (!socket || socket.readyState !== WebSocket.OPEN || this.#serverPeer === null) return
    if ('data' in message && message.data instanceof Uint8Array && message.data.byteLength === 0) return
    try {
      socket.send(cbor.encode(message))
    } catch (error) {
      this.#fail(error)
    }
  }

  disconnect(): void {
    this.#stopped = true
    if (this.#retryTimer) clearTimeout(this.#retryTimer)
    this.#drop()
  }

  #markReady(): void {
    if (this.#ready) return
    this.#ready = true
    this.#readyResolve?.()
  }

  #open(): void {
    if (this.#stopped) return
    this.#onState('connecting', null)
    let socket: WebSocket
    try {
      socket = new WebSocket(this.#url, { maxPayload: maxMessageBytes, handshakeTimeout: joinTimeoutMs, followRedirects: false })
    } catch (error) {
      this.#fail(error)
      return
    }
    this.#socket = socket
    socket.binaryType = 'nodebuffer'
    socket.on('open', () => {
      if (socket !== this.#socket || !this.peerId) return
      this.#joinTimer = setTimeout(() => this.#fail(new Said('The server did not answer: it may be busy, or not a sync server.')), joinTimeoutMs)
      this.#joinTimer.unref()
      try {
        socket.send(cbor.encode({ type: 'join', senderId: this.peerId, peerMetadata: this.peerMetadata ?? {}, supportedProtocolVersions: [protocolVersion] }))
      } catch (error) {
        this.#fail(error)
      }
    })
    socket.on('message', (data, isBinary) => {
      if (socket !== this.#socket) return
      if (!isBinary || !Buffer.isBuffer(data)) return this.#fail(new Said('The server sent text where a sync server sends binary messages.'))
      this.#receive(data)
    })
    socket.on('error', (error) => {
      if (socket === this.#socket) this.#fail(error)
    })
    socket.on('close', () => {
      if (socket === this.#socket) this.#fail(new Said('The server closed the connection.'))
    })
  }

  #receive(bytes: Buffer): void {
    let message: unknown
    try {
      message = cbor.decode(new Uint8Array(bytes))
    } catch {
      return this.#fail(new Said('The server sent something that is not a sync message.'))
    }
    if (!isRecord(message) || typeof message.type !== 'string') return this.#fail(new Said('The server sent something that is not a sync message.'))
    if (message.type === 'peer') {
      if (typeof message.senderId !== 'string' || !isPeerId(message.senderId)) return this.#fail(new Said('The server’s greeting was not one a sync server sends.'))
      if (this.#joinTimer) clearTimeout(this.#joinTimer)
      this.#joinTimer = null
      const peerId = message.senderId
      this.#serverPeer = peerId
      this.#retryMs = firstRetryMs
      this.#onState('connected', null)
      const storageId = isRecord(message.peerMetadata) && typeof message.peerMetadata.storageId === 'string' ? message.peerMetadata.storageId : undefined
      this.#emitSafely(() => this.emit('peer-candidate', { peerId, peerMetadata: storageId === undefined ? {} : { isEphemeral: false } }))
      return
    }
    if (message.type === 'error') {
      const said = typeof message.message === 'string' ? message.message.slice(0, 200) : ''
      return this.#fail(new Said(`The server refused this machine${said ? `: ${said}` : ''}.`))
    }
    const server = this.#serverPeer
    const me = this.peerId
    if (!server || !me) return
    const documentId = message.documentId
    // Only the documents of this room; anything else (another room's, gossip, presence) is not ours to take.
    if (typeof documentId !== 'string' || !isValidDocumentId(documentId) || !this.#wanted(documentId)) return
    const data = message.data
    const hasData = data instanceof Uint8Array && data.byteLength > 0
    if (message.type === 'sync' && hasData) {
      this.#emitSafely(() => this.emit('message', { type: 'sync', senderId: server, targetId: me, documentId, data }))
    } else if (message.type === 'request' && hasData) {
      this.#emitSafely(() => this.emit('message', { type: 'request', senderId: server, targetId: me, documentId, data }))
    } else if (message.type === 'doc-unavailable') {
      this.#emitSafely(() => this.emit('message', { type: 'doc-unavailable', senderId: server, targetId: me, documentId }))
    }
  }

  /** The Repo's handlers run inside emit: a document that will not merge must not take the socket down. */
  #emitSafely(emit: () => void): void {
    try {
      emit()
    } catch (error) {
      this.#onState('connected', `The server sent changes that could not be merged (${error instanceof Error ? error.message.slice(0, 120) : 'unknown'}).`)
    }
  }

  #drop(): void {
    if (this.#joinTimer) clearTimeout(this.#joinTimer)
    this.#joinTimer = null
    const socket = this.#socket
    this.#socket = null
    if (socket) {
      socket.removeAllListeners()
      // A late error from the closing socket must still have a listener, or Node throws it.
      socket.on('error', () => {})
      try {
        socket.terminate()
      } catch {
        // Already gone.
      }
    }
    const peer = this.#serverPeer
    this.#serverPeer = null
    if (peer) this.#emitSafely(() => this.emit('peer-disconnected', { peerId: peer }))
  }

  #fail(error: unknown): void {
    this.#drop()
    if (this.#stopped) return
    this.#onState('offline', error instanceof Said ? error.message : describeSocketError(error))
    if (this.#retryTimer) return
    const wait = this.#retryMs
    this.#retryMs = Math.min(maxRetryMs, this.#retryMs * 2)
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = null
      this.#open()
    }, wait)
    this.#retryTimer.unref()
  }
}
