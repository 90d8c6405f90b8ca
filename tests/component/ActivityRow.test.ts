import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { Activity } from '@shared/domain/activities'
import ActivityRow from '../../renderer/src/activities/ActivityRow.vue'

const skill = (n: number) => ({ id: `skill.custom-${n}`, title: `Skill number ${n}` })
const activity: Activity = {
  id: 7,
  kind: 'pull-request',
  date: '2026-11-23',
  title: 'Fix async error handling in router',
  url: null,
  repo: 'expressjs/express',
  state: 'merged',
  hours: 3,
  notes: null,
  impact: null,
  starred: false,
  goalId: null,
  source: 'manual',
  externalKey: null,
  commitCount: null,
  linesChanged: null,
  skills: [1, 2, 3, 4, 5].map(skill),
  createdAt: '2026-11-23T10:00:00.000Z',
  updatedAt: '2026-11-23T10:00:00.000Z',
}

const normalized = (text: string) => text.replace(/\s+/g, ' ').trim()

describe('ActivityRow', () => {
  it('is named by what it shows, title first and date last, with the skills that did not fit spelled out', () => {
    const wrapper = mount(ActivityRow, { props: { activity, tabindex: 0 } })
    const row = wrapper.get('button.row')
    // No aria-label: the name is the text, so voice control users can say what they see.
    expect(row.attributes('aria-label')).toBeUndefined()
    // Text in reading order: what it is, then where it stands, then when (the grid shows the date first).
    const parts = [...row.element.children].map((el) => el.className.split(' ')[0])
    expect(parts).toEqual(['kind-icon', 'main', 'state', 'skills', 'date'])
    expect(normalized(row.get('.main').text())).toBe('Fix async error handling in routerPull requestexpressjs/express3 hours')
    expect(row.get('.date').text()).toBe('Nov 232026')
    const more = row.get('.skill.more')
    expect(more.text()).toMatch(/^\+\d more: /)
    const hidden = more.get('.visually-hidden').text()
    expect(hidden).toBe('more: Skill number 3, Skill number 4, Skill number 5')
  })

  it('says it is loading while its page is on its way', () => {
    const wrapper = mount(ActivityRow, { props: { activity: undefined, tabindex: -1 } })
    expect(wrapper.get('button').attributes()).toMatchObject({ 'aria-label': 'Loading…', 'aria-disabled': 'true' })
  })

  it('shows why it mattered, and opens its link from a neighbour of the row, reachable where the row is', () => {
    const linked = { ...activity, url: 'https://github.com/expressjs/express/pull/6001', impact: 'Unblocked the 5.0 release' }
    const wrapper = mount(ActivityRow, { props: { activity: linked, tabindex: 0 } })
    expect(wrapper.get('button .impact').text()).toBe('Unblocked the 5.0 release')
    const link = wrapper.get('a')
    expect(link.attributes()).toMatchObject({
      href: 'https://github.com/expressjs/express/pull/6001',
      target: '_blank',
      rel: 'noopener noreferrer',
      tabindex: '0',
      'aria-label': 'Open the link of Fix async error handling in router',
    })
    // Not inside the button: a link there could be neither clicked nor named.
    expect(wrapper.get('button').find('a').exists()).toBe(false)
    expect(mount(ActivityRow, { props: { activity, tabindex: -1 } }).find('a').exists()).toBe(false)
  })

  it('stars from a toggle beside the row, named for the activity, reachable where the row is', async () => {
    const wrapper = mount(ActivityRow, { props: { activity, tabindex: 0 } })
    const star = wrapper.get('button.star')
    expect(star.attributes()).toMatchObject({ 'aria-label': 'Star Fix async error handling in router', 'aria-pressed': 'false', tabindex: '0' })
    await star.trigger('click')
    expect(wrapper.emitted('star')).toHaveLength(1)
    expect(wrapper.emitted('open')).toBeUndefined()
    await wrapper.setProps({ activity: { ...activity, starred: true } })
    expect(wrapper.get('button.star').attributes('aria-pressed')).toBe('true')
  })
})
