import { afterEach, describe, expect, it, vi } from 'vitest'
import NoticeArea from '../../renderer/src/ui/NoticeArea.vue'
import RoadmapView from '../../renderer/src/roadmap/RoadmapView.vue'
import { withRealCore } from './support/renderComponent'
import { testRouter } from './support/testRouter'
import { settle } from './support/settle'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

async function roadmapWithNotices() {
  const env = await withRealCore()
  dispose = env.dispose
  const router = await testRouter('/roadmap')
  const view = env.mount(RoadmapView, { attachTo: document.body, global: { plugins: [router] } })
  const notices = env.mount(NoticeArea, { attachTo: document.body })
  await settle()
  const stored = (id: string) => env.core.db.prepare('SELECT status, level, hidden FROM item_state WHERE item_id = ?').get(id)
  const undo = async () => {
    const buttons = notices.findAll('button').filter((b) => b.text() === 'Undo')
    expect(buttons).toHaveLength(1)
    await buttons[0]?.trigger('click')
    await settle()
  }
  return { view, notices, stored, undo, unmount: () => [view, notices].forEach((w) => w.unmount()) }
}

describe('undo on the roadmap', () => {
  it('takes back a hide, with the button labelled in words', async () => {
    const { view, notices, stored, undo, unmount } = await roadmapWithNotices()
    const hide = view.get('button[aria-label="Hide Algorithms"]')
    expect(hide.text()).toBe('Hide')
    await hide.trigger('click')
    // The first change of a new store is backed up first: real file work, so wait for the answer.
    await vi.waitFor(() => expect(view.find('select[aria-label="Status of Algorithms"]').exists()).toBe(false))
    expect(notices.text()).toContain('Hid “Algorithms”: it leaves every count.')

    await undo()
    await vi.waitFor(() => expect(view.find('select[aria-label="Status of Algorithms"]').exists()).toBe(true))
    expect(stored('skill.algorithms')).toMatchObject({ hidden: 0 })
    // Undoing is not a change to undo again.
    expect(notices.findAll('button').filter((b) => b.text() === 'Undo')).toHaveLength(0)
    unmount()
  })

  it('takes a run of status or level changes back to where it started', async () => {
    const { view, notices, stored, undo, unmount } = await roadmapWithNotices()
    const status = view.get('select[aria-label="Status of Data Structures"]')
    await status.setValue('in-progress')
    await vi.waitFor(() => expect(notices.text()).toContain('“Data Structures” is now in progress.'))
    await status.setValue('done')
    await vi.waitFor(() => expect(notices.text()).toContain('“Data Structures” is now done.'))
    await undo()
    await vi.waitFor(() => expect(view.get('select[aria-label="Status of Data Structures"]').element).toHaveProperty('value', 'not-started'))
    expect(stored('skill.data-structures')).toMatchObject({ status: 'not-started' })

    const level = view.get('select[aria-label="Level of Data Structures"]')
    await level.setValue('3')
    await vi.waitFor(() => expect(notices.text()).toContain('“Data Structures”: Level 3 · '))
    await undo()
    await vi.waitFor(() => expect(stored('skill.data-structures')).toMatchObject({ level: null }))
    await vi.waitFor(() => expect(level.element).toHaveProperty('value', ''))
    unmount()
  })
})
