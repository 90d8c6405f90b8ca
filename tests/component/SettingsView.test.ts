import type { VueWrapper } from '@vue/test-utils'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { reloadPage } from '../../renderer/src/settings/reloadPage'
import SettingsView from '../../renderer/src/settings/SettingsView.vue'
import { backupLabels, formatDateTime } from '../../renderer/src/settings/settingsFormat'
import { useNoticeStore } from '../../renderer/src/ui/useNoticeStore'
import { apiOf, must, refused } from '../support/api'
import { snapshotStore } from '../support/storeSnapshot'
import { passphrase, removeFolder, tempFolder, testKdfCost } from '../support/syncPair'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

// happy-dom cannot reload a page; the test checks that the app asked for one.
vi.mock('../../renderer/src/settings/reloadPage', () => ({ reloadPage: vi.fn() }))

let dispose: (() => void) | undefined
beforeEach(() => {
  vi.mocked(reloadPage).mockClear()
  sessionStorage.clear()
})
afterEach(() => {
  document.body.innerHTML = ''
  dispose?.()
})

const statusOf = (db: { prepare(sql: string): { get(...args: unknown[]): unknown } }, itemId: string) =>
  db.prepare('SELECT status FROM item_state WHERE item_id = ?').get(itemId) ?? { status: 'not-started' }

const dialogButton = (wrapper: VueWrapper, text: string) => wrapper.findAll('dialog[open] button').find((b) => b.text() === text)

async function chooseFile(wrapper: VueWrapper, name: string, content: string) {
  const input = wrapper.get('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [new File([content], name, { type: 'application/json' })], configurable: true })
  await input.trigger('change')
  // Reading the file, then the core's answer.
  await vi.waitFor(async () => {
    await settle()
    expect(wrapper.find('[role="alert"], dialog[open]').exists()).toBe(true)
  })
}

describe('SettingsView', () => {
  it('lists a backup made with backups.create and restores it only after confirmation', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const api = apiOf(env.core)
    const backup = await must(api.backups.create({}))
    await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'done' }))

    const wrapper = env.mount(SettingsView, { attachTo: document.body, global: { plugins: [await testRouter('/settings')] } })
    await settle()

    expect(wrapper.get('h1').text()).toBe('Settings')
    expect(wrapper.get('[data-testid="data-dir"]').text()).toBe(env.core.dataDir)
    expect(wrapper.text()).toContain('In your browser')
    expect(wrapper.text()).toContain('In memory, for this session')

    const when = formatDateTime(backup.createdAt)
    const row = wrapper.get(`tr[data-backup="${backup.name}"]`)
    expect(row.text()).toContain(when)
    expect(row.text()).toContain('Made by you')
    expect(row.text()).toMatch(/\d+ KB/)

    // Cancel keeps today's data.
    await row.get(`button[aria-label="Restore backup of ${when}"]`).trigger('click')
    await settle()
    expect(wrapper.get('dialog[open]').text()).toContain(`Your current data is backed up first, then replaced by the backup of ${when}.`)
    expect(wrapper.get('dialog[open]').text()).not.toContain('Sync is on')
    await dialogButton(wrapper, 'Cancel')?.trigger('click')
    await settle()
    expect(statusOf(env.core.db, 'skill.algorithms')).toEqual({ status: 'done' })
    expect(reloadPage).not.toHaveBeenCalled()

    await row.get(`button[aria-label="Restore backup of ${when}"]`).trigger('click')
    await settle()
    await dialogButton(wrapper, 'Restore')?.trigger('click')
    await vi.waitFor(() => expect(reloadPage).toHaveBeenCalledOnce())

    // The status set after the backup is gone; what was there before is itself a backup.
    expect(statusOf(env.core.db, 'skill.algorithms')).toEqual({ status: 'not-started' })
    const backups = await must(api.backups.list({}))
    const safety = backups.find((b) => b.reason === 'before-restore')
    expect(safety).toBeDefined()
    wrapper.unmount()

    // After the reload the page says what happened and points at the safety backup.
    const reloaded = env.mount(SettingsView, { attachTo: document.body, global: { plugins: [await testRouter('/settings')] } })
    await settle()
    expect(useNoticeStore().notices.at(-1)?.message).toBe(`Restored the backup of ${when}. Your data from just before is kept as a backup too.`)
    expect(reloaded.get(`tr[data-backup="${safety?.name ?? ''}"]`).classes()).toContain('highlighted')
    expect(reloaded.get(`tr[data-backup="${safety?.name ?? ''}"]`).text()).toContain('Before a restore')
    reloaded.unmount()
  })

  it('says, before a restore or an import, that with sync on the other machines go back too', async () => {
    const env = await withRealCore({ sync: { watch: false, kdfCost: testKdfCost } })
    const folder = tempFolder()
    dispose = () => {
      env.dispose()
      removeFolder(folder)
    }
    const api = apiOf(env.core)
    await must(api.sync.enable({ folder, passphrase, deviceName: 'laptop' }))
    const backup = await must(api.backups.create({}))
    const exported = await must(api.data.exportAll({}))
    const wrapper = env.mount(SettingsView, { attachTo: document.body, global: { plugins: [await testRouter('/settings')] } })
    await settle()

    await wrapper.get(`tr[data-backup="${backup.name}"] button[aria-label^="Restore backup of"]`).trigger('click')
    await vi.waitFor(async () => {
      await settle()
      expect(wrapper.get('dialog[open]').text()).toContain('Sync is on, so your other machines go back to this backup too')
    })
    await dialogButton(wrapper, 'Cancel')?.trigger('click')
    await settle()

    await chooseFile(wrapper, 'pathfinder-export.json', exported.json)
    await vi.waitFor(async () => {
      await settle()
      expect(wrapper.get('dialog[open]').text()).toContain('Sync is on, so your other machines take the file’s data too')
    })
    await dialogButton(wrapper, 'Cancel')?.trigger('click')
    wrapper.unmount()
  })

  it('makes a backup with "Back up now"', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const wrapper = env.mount(SettingsView, { attachTo: document.body, global: { plugins: [await testRouter('/settings')] } })
    await settle()
    expect(wrapper.text()).toContain('No backups yet')

    await wrapper.findAll('button').find((b) => b.text() === 'Back up now')?.trigger('click')
    await vi.waitFor(async () => {
      await settle()
      expect(wrapper.find('tr[data-backup]').exists()).toBe(true)
    })
    const [made] = await must(apiOf(env.core).backups.list({}))
    expect(made?.reason).toBe('manual')
    expect(useNoticeStore().notices.at(-1)?.message).toMatch(/^Backed up your data: .+, \d+ KB\.$/)
    expect(wrapper.get(`tr[data-backup="${made?.name ?? ''}"]`).classes()).toContain('highlighted')
    expect(wrapper.find(`button[aria-label="Restore backup of ${formatDateTime(made?.createdAt ?? '')}"]`).exists()).toBe(true)
    wrapper.unmount()

    // A long list shows the last week or so, the rest behind a button.
    for (let i = 0; i < 8; i++) await must(apiOf(env.core).backups.create({}))
    const longer = env.mount(SettingsView, { attachTo: document.body })
    await settle()
    expect(longer.findAll('tr[data-backup]')).toHaveLength(7)
    const more = longer.findAll('button').find((b) => b.text() === 'Show 2 older')
    expect(more?.attributes('aria-expanded')).toBe('false')
    await more?.trigger('click')
    expect(longer.findAll('tr[data-backup]')).toHaveLength(9)
    expect(longer.findAll('button').find((b) => b.text() === 'Show fewer')?.attributes('aria-expanded')).toBe('true')
    // Nine backups, some in the same second: each Restore button still has a name of its own.
    const names = longer.findAll('tr[data-backup] button').map((b) => b.attributes('aria-label'))
    expect(new Set(names).size).toBe(9)
    longer.unmount()
  })

  it('shows the core’s words for a malformed or future file, and changes nothing', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const api = apiOf(env.core)
    await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'done' }))
    const before = snapshotStore(env.core.db)
    const backupsBefore = await must(api.backups.list({}))

    const wrapper = env.mount(SettingsView, { attachTo: document.body, global: { plugins: [await testRouter('/settings')] } })
    await settle()

    // Cut short: not JSON, so the core refuses it before anything could change; no question asked.
    const truncated = '{"format":"pathfinder-export","schemaVersion":1,"exportedAt":"2026-11-25T10:00:00.000Z","data":{"goal":[{"id":1,'
    const coreSays = (await refused(api.data.importAll({ json: truncated }))).message
    expect(coreSays).toContain('Nothing was imported')
    await chooseFile(wrapper, 'pathfinder-export-2026-11-25.json', truncated)
    expect(wrapper.find('dialog[open]').exists()).toBe(false)
    expect(wrapper.get('[role="alert"]').text()).toContain('The file was not imported')
    expect(wrapper.get('[role="alert"]').text()).toContain(coreSays)

    // Ours, but from a newer app: confirmed first (it looks like an export), then refused in words.
    const future = JSON.stringify({ format: 'pathfinder-export', schemaVersion: 999, exportedAt: '2026-11-25T10:00:00.000Z', data: { goal: [{ id: 1 }, { id: 2 }] } })
    await chooseFile(wrapper, 'from-the-future.json', future)
    const dialog = wrapper.get('dialog[open]')
    expect(dialog.text()).toContain('from-the-future.json')
    expect(dialog.text()).toMatch(/Goals\s*2/)
    await dialogButton(wrapper, 'Replace my data')?.trigger('click')
    await vi.waitFor(async () => {
      await settle()
      expect(wrapper.get('[role="alert"]').text()).toContain('exported by a newer version of Pathfinder (format 999')
    })

    expect(reloadPage).not.toHaveBeenCalled()
    expect(snapshotStore(env.core.db)).toBe(before)
    expect(await must(api.backups.list({}))).toEqual(backupsBefore)
    wrapper.unmount()
  })

  it('names every backup apart, even two taken in the same minute', () => {
    const list = [
      { name: 'b', createdAt: '2026-11-24T09:12:41.020Z', reason: 'Before a restore' },
      { name: 'a', createdAt: '2026-11-24T09:12:41.010Z', reason: 'Made by you' },
      { name: 'a0', createdAt: '2026-11-24T09:12:41.005Z', reason: 'Made by you' },
      { name: 'c', createdAt: '2026-11-24T09:12:05.000Z', reason: 'Daily' },
      { name: 'd', createdAt: '2026-11-23T18:00:00.000Z', reason: 'Daily' },
    ]
    const labels = backupLabels(list, (b) => b.reason)
    const names = list.map((b) => labels.get(b.name)?.name)
    expect(new Set(names).size).toBe(list.length)
    expect(labels.get('d')).toEqual({ when: formatDateTime('2026-11-23T18:00:00.000Z'), name: formatDateTime('2026-11-23T18:00:00.000Z') })
    expect(labels.get('c')?.when).toBe(formatDateTime('2026-11-24T09:12:05.000Z', true))
    expect(labels.get('b')?.name).toBe(`${formatDateTime('2026-11-24T09:12:41.020Z', true)}, before a restore`)
    // Two clicks within a second: counted from the older one.
    expect(labels.get('a0')?.name).toBe(`${formatDateTime('2026-11-24T09:12:41.005Z', true)}, made by you (1)`)
    expect(labels.get('a')?.name).toBe(`${formatDateTime('2026-11-24T09:12:41.010Z', true)}, made by you (2)`)
  })
})
