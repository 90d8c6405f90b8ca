import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import StatusSelect from '../../renderer/src/ui/StatusSelect.vue'
import ProgressBar from '../../renderer/src/ui/ProgressBar.vue'

describe('StatusSelect', () => {
  it('is named after the item it acts on and emits the chosen status', async () => {
    const wrapper = mount(StatusSelect, { props: { status: 'not-started', itemTitle: 'Data Structures' } })
    const select = wrapper.get('select')
    expect(select.attributes('aria-label')).toBe('Status of Data Structures')
    expect(select.findAll('option').map((o) => o.text())).toEqual(['Not started', 'In progress', 'Done', 'Skipped'])
    await select.setValue('done')
    expect(wrapper.emitted('change')).toEqual([['done']])
  })

  it('holds the chosen status while it saves, and shows the saved one once nothing is saving', async () => {
    const wrapper = mount(StatusSelect, { props: { status: 'not-started', itemTitle: 'Data Structures' } })
    const select = wrapper.get('select')
    await select.setValue('in-progress')
    // The redraw that marks it busy must not put the old value back under the person's cursor.
    await wrapper.setProps({ busy: true })
    expect(select.element.value).toBe('in-progress')
    expect(select.attributes('aria-busy')).toBe('true')
    // The core refused: nothing is saving and the saved status is still the old one.
    await wrapper.setProps({ busy: false })
    expect(select.element.value).toBe('not-started')
  })
})

describe('ProgressBar', () => {
  it('exposes its value to assistive technology', () => {
    const wrapper = mount(ProgressBar, { props: { value: 2 / 3, label: 'Java Developer progress' } })
    const bar = wrapper.get('[role="progressbar"]')
    expect(bar.attributes()).toMatchObject({ 'aria-label': 'Java Developer progress', 'aria-valuenow': '67', 'aria-valuetext': '67%' })
  })

  it('says so when there is nothing to measure, instead of showing 0%', () => {
    const wrapper = mount(ProgressBar, { props: { value: null, label: 'Empty' } })
    expect(wrapper.get('[role="progressbar"]').attributes('aria-valuetext')).toBe('Nothing to measure')
    expect(wrapper.text()).toContain('—')
  })
})
