import { afterEach, describe, expect, it } from 'vitest'
import SyncSection from '../../renderer/src/settings/SyncSection.vue'
import { withRealCore } from './support/renderComponent'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => {
  document.body.innerHTML = ''
  dispose?.()
  dispose = undefined
})

async function panel() {
  const env = await withRealCore({ sync: { watch: false } })
  dispose = env.dispose
  const wrapper = env.mount(SyncSection, { attachTo: document.body })
  await settle()
  const server = wrapper.get('[data-testid="sync-server"]')
  const field = (label: string) => {
    const id = server.findAll('label').find((l) => l.text().startsWith(label))?.attributes('for')
    return server.get(`#${CSS.escape(id ?? '')}`)
  }
  return { env, wrapper, server, field }
}

describe('Settings: the sync server', () => {
  it('says plainly that a server holds the data unencrypted', async () => {
    const { server } = await panel()
    expect(server.get('h3').text()).toBe('Sync server (optional)')
    expect(server.text()).toContain('holds your data unencrypted')
    expect(server.text()).toContain('The folder stays end-to-end encrypted')
  })

  it('refuses an address that is not a WebSocket one under its field, and stores nothing', async () => {
    const { env, server, field } = await panel()
    await field('Server address').setValue('https://sync.example.org')
    await field('Room secret').setValue('a room secret only we know')
    await server.get('form').trigger('submit')
    await settle()
    const address = field('Server address')
    expect(address.attributes('aria-invalid')).toBe('true')
    const described = (address.attributes('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '')
    expect(described.join(' ')).toContain('A sync server address starts with wss://')
    expect(env.core.db.prepare('SELECT count(*) FROM sync_server').pluck().get()).toBe(0)
  })

  it('a saved server shows its address and, with sync off, that it is not contacted; it can be dropped', async () => {
    const { env, server, field, wrapper } = await panel()
    await field('Server address').setValue('ws://127.0.0.1:9/')
    await field('Room secret').setValue('a room secret only we know')
    await server.get('form').trigger('submit')
    await settle()
    expect(wrapper.get('[data-testid="sync-server-url"]').text()).toBe('ws://127.0.0.1:9/')
    expect(wrapper.get('[data-testid="sync-server-state"]').text()).toBe('Not contacted while sync is off')
    const stop = wrapper.findAll('button').find((b) => b.text() === 'Stop using this server')
    await stop?.trigger('click')
    await settle()
    expect(env.core.db.prepare('SELECT count(*) FROM sync_server').pluck().get()).toBe(0)
    expect(wrapper.find('[data-testid="sync-server-url"]').exists()).toBe(false)
  })
})
