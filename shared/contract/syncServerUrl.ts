import { z } from 'zod'

/**
 * A plain ws:// address sends the documents in the clear, which is only acceptable inside
 * the person's own machine or home network; anywhere else the address must be wss://.
 */
export function isNearbyHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase()
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true
  if (host.endsWith('.local') || host.endsWith('.lan') || host.endsWith('.home.arpa') || host.endsWith('.internal')) return true
  if (/^[a-z0-9-]+$/.test(host) && !/^\d+$/.test(host)) return true
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])]
    return a === 127 || a === 10 || (a === 192 && b === 168) || (a === 172 && b >= 16 && b <= 31) || (a === 100 && b >= 64 && b <= 127)
  }
  // IPv6 unique local addresses (fc00::/7); a name like fdroid.org is not one.
  return host.includes(':') && (host.startsWith('fd') || host.startsWith('fc'))
}

type Parsed = { ok: true; url: URL } | { ok: false; reason: string }

function parse(value: string): Parsed {
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { ok: false, reason: 'That is not a server address. Write it like wss://sync.example.org or ws://192.168.1.20:3030' }
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') return { ok: false, reason: 'A sync server address starts with wss:// (or ws:// on your own network): the server speaks WebSocket' }
  if (url.hostname === '') return { ok: false, reason: 'The address names no server' }
  if (url.username !== '' || url.password !== '') return { ok: false, reason: 'Leave names and passwords out of the address: the room secret is what keeps your data apart on the server' }
  if (url.hash !== '') return { ok: false, reason: 'Leave the #part out of the address' }
  if (url.protocol === 'ws:' && !isNearbyHost(url.hostname)) return { ok: false, reason: 'Use wss:// for a server outside your own network: ws:// would send your data in the clear' }
  return { ok: true, url }
}

export const syncServerUrl = z
  .string({ error: 'Give the sync server’s address' })
  .trim()
  .min(1, 'Give the sync server’s address')
  .max(2000, 'That address is too long')
  .superRefine((value, ctx) => {
    const parsed = parse(value)
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.reason })
  })
  // The form the connection uses: `new URL` lowercases the scheme and host.
  .transform((value) => {
    const parsed = parse(value)
    return parsed.ok ? parsed.url.href : value
  })

export const roomSecret = z
  .string({ error: 'Choose a room secret' })
  .min(16, 'Use a room secret of at least 16 characters: it is what keeps your room apart from others on the server')
  .max(500, 'That room secret is too long')
