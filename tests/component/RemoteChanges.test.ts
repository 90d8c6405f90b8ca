import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { api } from '../../renderer/src/api/client'
import GoalsView from '../../renderer/src/goals/GoalsView.vue'
import { pollRemoteChanges, remoteChangesPollMs } from '../../renderer/src/sync/pollRemoteChanges'
import { useRemoteChangesStore } from '../../renderer/src/sync/useRemoteChangesStore'
import { must } from '../support/api'
import { syncAll } from '../support/syncPair'
import { withRealCore } from './support/renderComponent'
import { settle } from './support/settle'
import { thisMachineAndAnother } from './support/twoMachines'
import { testRouter } from './support/testRouter'

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.reverse().forEach((c) => c())
  cleanups = []
  vi.useRealTimers()
})

/** The window's shell as far as this goes: the poll, then the view below it. */
const Shell = defineComponent({
  setup() {
    pollRemoteChanges()
    return () => h(GoalsView)
  },
})

/** This machine (the one the window shows) and another, in step before the window opens. */
async function twoMachines() {
  const machines = await thisMachineAndAnother(cleanups)
  await syncAll(machines.here, machines.other)
  return machines
}

async function openWindow(env: Awaited<ReturnType<typeof twoMachines>>['env']) {
  // Only the interval: the core's own timers and I/O run as they do.
  vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] })
  const router = await testRouter('/goals')
  const wrapper = env.mount(Shell, { attachTo: document.body, global: { plugins: [router] } })
  cleanups.push(() => wrapper.unmount())
  await settle()
  return wrapper
}

const tick = async () => {
  vi.advanceTimersByTime(remoteChangesPollMs)
  await settle()
}

const titles = (wrapper: Awaited<ReturnType<typeof openWindow>>) => wrapper.findAll('article[data-goal-id] h2').map((t) => t.text())

describe('what another machine changed reaches the open view', () => {
  it('a goal made on the other machine appears on the open goals page at the next poll after the pass', async () => {
    const { env, here, other } = await twoMachines()
    await must(other.api.goals.create({ title: 'Give a talk' }))
    const wrapper = await openWindow(env)
    const refreshes = vi.fn()
    useRemoteChangesStore().onRemoteChange(refreshes)
    expect(titles(wrapper)).toEqual([])

    // Polls that find nothing new read nothing else.
    await tick()
    await tick()
    expect(refreshes).not.toHaveBeenCalled()

    await other.sync()
    await here.sync()
    // Applied here, not yet seen by the window.
    expect(titles(wrapper)).toEqual([])
    await tick()
    expect(titles(wrapper)).toEqual(['Give a talk'])
    expect(refreshes).toHaveBeenCalledTimes(1)
    await tick()
    expect(refreshes).toHaveBeenCalledTimes(1)
  })

  it('an open goal dialog keeps what the person typed while the card behind it changes', async () => {
    const { env, api, here, other } = await twoMachines()
    const goal = await must(api.goals.create({ title: 'Write a blog post' }))
    await syncAll(here, other)
    const wrapper = await openWindow(env)
    await wrapper.get(`button[aria-label="Edit ${goal.title}"]`).trigger('click')
    await settle()
    const title = () => wrapper.get<HTMLInputElement>('#goal-form input').element
    title().value = 'Post about streams'
    title().dispatchEvent(new Event('input'))
    await settle()

    const there = (await must(other.api.goals.list({})))[0]
    if (!there) throw new Error('the goal should have reached the other machine')
    await must(other.api.goals.update({ goalId: there.id, description: 'Node streams' }))
    await other.sync()
    await here.sync()
    await tick()

    expect(wrapper.get(`article[data-goal-id="${goal.id}"] .description`).text()).toBe('Node streams')
    expect(title().value).toBe('Post about streams')
  })

  it('does not poll while sync is off', async () => {
    const env = await withRealCore({ now: () => new Date('2027-03-15T12:00:00Z') })
    cleanups.push(() => env.dispose())
    const wrapper = await openWindow(env)
    const asked = vi.spyOn(api.sync, 'notices')
    await tick()
    await tick()
    expect(asked).not.toHaveBeenCalled()
    expect(titles(wrapper)).toEqual([])
  })
})
