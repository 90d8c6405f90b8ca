import { afterEach, describe, expect, it } from 'vitest'
import GoalsView from '../../renderer/src/goals/GoalsView.vue'
import { useNoticeStore } from '../../renderer/src/ui/useNoticeStore'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

describe('deleting a goal', () => {
  it('archives first with an Undo, and deletes for good only after confirmation', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    await env.core.dispatch('goals.create', { title: 'Give a meetup talk' })
    const wrapper = env.mount(GoalsView, { attachTo: document.body, global: { plugins: [await testRouter('/goals')] } })
    await settle()
    const archived = () => env.core.db.prepare('SELECT archived_at IS NOT NULL AS archived FROM goal').get()

    await wrapper.get('button[aria-label="Archive Give a meetup talk"]').trigger('click')
    await settle()
    expect(archived()).toEqual({ archived: 1 })
    expect(wrapper.find('article[data-goal-id]').exists()).toBe(false)
    const notice = useNoticeStore().notices.at(-1)
    expect(notice?.message).toBe('Moved “Give a meetup talk” to the archive.')
    expect(notice?.action?.label).toBe('Undo')

    await notice?.action?.run()
    await settle()
    expect(archived()).toEqual({ archived: 0 })
    expect(wrapper.get('article[data-goal-id]').text()).toContain('Give a meetup talk')

    await wrapper.get('button[aria-label="Archive Give a meetup talk"]').trigger('click')
    await settle()
    const archiveTab = wrapper.findAll('button').find((b) => b.text().startsWith('Archive'))
    await archiveTab?.trigger('click')
    await wrapper.get('button[aria-label="Delete Give a meetup talk for good"]').trigger('click')
    await settle()
    const confirm = wrapper.findAll('dialog button').find((b) => b.text() === 'Delete for good')
    expect(confirm).toBeDefined()
    // Cancel keeps it.
    await wrapper.findAll('dialog button').find((b) => b.text() === 'Cancel')?.trigger('click')
    await settle()
    expect(env.core.db.prepare('SELECT count(*) AS n FROM goal').get()).toEqual({ n: 1 })

    await wrapper.get('button[aria-label="Delete Give a meetup talk for good"]').trigger('click')
    await settle()
    await wrapper.findAll('dialog button').find((b) => b.text() === 'Delete for good')?.trigger('click')
    await settle()
    expect(env.core.db.prepare('SELECT count(*) AS n FROM goal').get()).toEqual({ n: 0 })
    expect(wrapper.text()).toContain('The archive is empty')
    wrapper.unmount()
  })
})
