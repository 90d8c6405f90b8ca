import { afterEach, describe, expect, it } from 'vitest'
import WeeklyReviewsView from '../../renderer/src/weeklyReview/WeeklyReviewsView.vue'
import { apiOf, must } from '../support/api'
import { withRealCore } from './support/renderComponent'
import { settle } from './support/settle'
import { testRouter } from './support/testRouter'

let dispose: (() => void) | undefined
afterEach(() => {
  document.body.innerHTML = ''
  dispose?.()
})

const field = (label: string): HTMLTextAreaElement => {
  const labelElement = [...document.querySelectorAll('dialog[open] label')].find((l) => l.textContent?.trim() === label)
  const control = labelElement?.getAttribute('for') ? document.getElementById(labelElement.getAttribute('for') ?? '') : null
  if (!(control instanceof HTMLTextAreaElement)) throw new Error(`No field "${label}" in the open dialog`)
  return control
}
const dialogButton = (text: string): HTMLButtonElement => {
  const button = [...document.querySelectorAll<HTMLButtonElement>('dialog[open] button')].find((b) => b.textContent?.trim() === text)
  if (!button) throw new Error(`No button "${text}" in the open dialog`)
  return button
}

describe('the weekly review dialog and list', () => {
  it("opens on this week's log pre-filled, saves one entry for the week, and lists it to reread and edit", async () => {
    const env = await withRealCore({ now: () => new Date('2026-12-02T12:00:00Z') })
    dispose = env.dispose
    const api = apiOf(env.core)
    await must(api.activities.create({ kind: 'pull-request', date: '2026-12-01', title: 'Fix the router', repo: 'o/r', impact: 'p95 from 800 to 120 ms' }))
    await must(api.roadmap.setLevel({ itemId: 'skill.algorithms', level: 2 }))

    const wrapper = env.mount(WeeklyReviewsView, { attachTo: document.body, global: { plugins: [await testRouter('/reviews?write=2026-12-02')] } })
    await settle()
    expect(wrapper.text()).toContain('Weekly reviews')
    const dialog = document.querySelector('dialog[open]')
    expect(dialog?.querySelector('h2')?.textContent).toBe('Weekly review · Nov 30, 2026 – Dec 6, 2026')
    expect(dialog?.textContent).toContain('2026-W49')
    expect(dialog?.querySelector('.week-log')?.textContent).toContain('Fix the router')
    expect(field('What did you ship?').value).toBe('- Fix the router — p95 from 800 to 120 ms')
    expect(field('What did you learn?').value).toBe('- Algorithms: level no level → 2')
    // The first answer has the focus: typing starts at once.
    expect(document.activeElement).toBe(field('What did you ship?'))

    field('What do you want next?').value = 'Streams talk'
    field('What do you want next?').dispatchEvent(new Event('input'))
    dialogButton('Save review').click()
    await settle()
    expect(document.querySelector('dialog[open]')).toBeNull()
    expect(await must(api.reviews.list(undefined))).toMatchObject([{ weekStart: '2026-11-30', next: 'Streams talk', shipped: '- Fix the router — p95 from 800 to 120 ms' }])
    const entry = wrapper.get('.review-list li')
    expect(entry.text()).toContain('2026-W49')
    expect(entry.text()).toContain('Streams talk')

    // Edit opens the saved words, not the suggestion; saving again updates the same week.
    await entry.get('button[aria-label="Edit the review of 2026-W49"]').trigger('click')
    await settle()
    expect(field('What do you want next?').value).toBe('Streams talk')
    field('What do you want next?').value = 'Streams talk, then a blog post'
    field('What do you want next?').dispatchEvent(new Event('input'))
    dialogButton('Update review').click()
    await settle()
    expect((await must(api.reviews.list(undefined))).map((r) => r.next)).toEqual(['Streams talk, then a blog post'])
    expect(wrapper.findAll('.review-list li')).toHaveLength(1)
  })

  it('moves to the week before, empty of work, and says there is nothing logged', async () => {
    const env = await withRealCore({ now: () => new Date('2026-12-02T12:00:00Z') })
    dispose = env.dispose
    env.mount(WeeklyReviewsView, { attachTo: document.body, global: { plugins: [await testRouter('/reviews?write=')] } })
    await settle()
    dialogButton('Previous').click()
    await settle()
    expect(document.querySelector('dialog[open] h2')?.textContent).toBe('Weekly review · Nov 23, 2026 – Nov 29, 2026')
    expect(document.querySelector('dialog[open]')?.textContent).toContain('Nothing logged or changed this week yet.')
    expect(field('What did you ship?').value).toBe('')
  })

  it('shows an empty list in words before the first review', async () => {
    const env = await withRealCore()
    dispose = env.dispose
    const wrapper = env.mount(WeeklyReviewsView, { attachTo: document.body, global: { plugins: [await testRouter('/reviews')] } })
    await settle()
    expect(wrapper.text()).toContain('No reviews yet')
    expect(document.querySelector('dialog[open]')).toBeNull()
  })
})
