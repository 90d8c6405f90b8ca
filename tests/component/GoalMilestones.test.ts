import { flushPromises } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import GoalsView from '../../renderer/src/goals/GoalsView.vue'
import { useRemoteChangesStore } from '../../renderer/src/sync/useRemoteChangesStore'
import type { Result } from '@shared/contract'
import { useDispatcher } from './support/componentSetup'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

describe('ticking milestones', () => {
  it('moves the goal’s progress to the share of milestones done, and stores each tick', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const created = await env.core.dispatch('goals.create', {
      title: 'Learn the Spring Framework',
      itemIds: ['skill.spring-framework'],
      milestones: [{ title: 'Read the reference documentation' }, { title: 'Build a REST service' }, { title: 'Write integration tests' }],
    })
    expect(created.ok).toBe(true)

    const router = await testRouter('/goals')
    const wrapper = env.mount(GoalsView, { attachTo: document.body, global: { plugins: [router] } })
    await settle()

    const card = wrapper.get('article[data-goal-id]')
    const progress = () => card.get('[role="progressbar"][aria-label="Progress of Learn the Spring Framework"]').attributes('aria-valuenow')
    expect(progress()).toBe('0')

    const boxes = card.findAll('.milestones input[type="checkbox"]')
    expect(boxes).toHaveLength(3)
    await boxes[0]?.setValue(true)
    await settle()
    expect(progress()).toBe('33')
    await boxes[1]?.setValue(true)
    await settle()
    expect(progress()).toBe('67')
    expect(card.text()).toContain('67%')
    expect(card.text()).toContain('Milestones · 2 of 3')
    expect(env.core.db.prepare('SELECT count(*) AS n FROM milestone WHERE done_at IS NOT NULL').get()).toEqual({ n: 2 })

    // Unticking goes back, in the view and in the store.
    await boxes[0]?.setValue(false)
    await settle()
    expect(progress()).toBe('33')
    expect(env.core.db.prepare('SELECT count(*) AS n FROM milestone WHERE done_at IS NOT NULL').get()).toEqual({ n: 1 })
    wrapper.unmount()
  })

  it('keeps a quick second tick on screen while the first tick’s answer arrives after it', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const created = await env.core.dispatch('goals.create', { title: 'Ship a service', milestones: [{ title: 'Design' }, { title: 'Build' }, { title: 'Test' }] })
    expect(created.ok).toBe(true)
    // The core stores each tick at once; its answers reach the view only when released, in order.
    const held: (() => void)[] = []
    useDispatcher({
      channels: env.core.channels,
      dispatch(name, input) {
        const answer = env.core.dispatch(name, input)
        if (name !== 'goals.toggleMilestone') return answer
        return new Promise<Result<unknown>>((resolve) => held.push(() => resolve(answer)))
      },
    })
    const router = await testRouter('/goals')
    const wrapper = env.mount(GoalsView, { attachTo: document.body, global: { plugins: [router] } })
    await settle()
    const boxes = () => wrapper.findAll('article[data-goal-id] .milestones input[type="checkbox"]').map((b) => (b.element instanceof HTMLInputElement ? b.element.checked : null))

    await wrapper.findAll('.milestones input[type="checkbox"]')[0]?.setValue(true)
    await wrapper.findAll('.milestones input[type="checkbox"]')[1]?.setValue(true)
    expect(boxes()).toEqual([true, true, false])
    await vi.waitFor(() => expect(held).toHaveLength(2))
    held[0]?.()
    await flushPromises()
    expect(boxes(), 'the first answer, which knows only the first tick').toEqual([true, true, false])
    held[1]?.()
    await flushPromises()
    expect(boxes()).toEqual([true, true, false])
    expect(env.core.db.prepare('SELECT count(*) AS n FROM milestone WHERE done_at IS NOT NULL').get()).toEqual({ n: 2 })
    wrapper.unmount()
  })

  it('keeps a tick on screen when a refresh for another machine’s change was read just before it', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const created = await env.core.dispatch('goals.create', { title: 'Ship a service', milestones: [{ title: 'Design' }, { title: 'Build' }] })
    expect(created.ok).toBe(true)
    const router = await testRouter('/goals')
    const wrapper = env.mount(GoalsView, { attachTo: document.body, global: { plugins: [router] } })
    await settle()
    const boxes = () => wrapper.findAll('article[data-goal-id] .milestones input[type="checkbox"]').map((b) => (b.element instanceof HTMLInputElement ? b.element.checked : null))

    // This core has applied nothing from another machine; one more would be a remote change.
    const remote = useRemoteChangesStore()
    await remote.seen(0)
    // The list is read (without the tick) and the tick stored, but their answers wait.
    const held: Record<'goals.list' | 'goals.toggleMilestone', (() => void)[]> = { 'goals.list': [], 'goals.toggleMilestone': [] }
    const release = (name: keyof typeof held) => held[name].splice(0).forEach((answer) => answer())
    useDispatcher({
      channels: env.core.channels,
      dispatch(name, input) {
        const answer = env.core.dispatch(name, input)
        if (name !== 'goals.list' && name !== 'goals.toggleMilestone') return answer
        return new Promise<Result<unknown>>((resolve) => held[name].push(() => resolve(answer)))
      },
    })
    const refreshing = remote.seen(1)
    await vi.waitFor(() => expect(held['goals.list'].length).toBeGreaterThan(0))
    await wrapper.findAll('.milestones input[type="checkbox"]')[0]?.setValue(true)
    await vi.waitFor(() => expect(held['goals.toggleMilestone']).toHaveLength(1))

    release('goals.list')
    await refreshing
    await flushPromises()
    expect(boxes(), 'the list read before the tick').toEqual([true, false])
    release('goals.toggleMilestone')
    await flushPromises()
    // Read again once the tick is answered: what the core holds now, the tick included.
    await vi.waitFor(() => expect(held['goals.list'].length).toBeGreaterThan(0))
    release('goals.list')
    await flushPromises()
    expect(boxes()).toEqual([true, false])
    wrapper.unmount()
  })
})
