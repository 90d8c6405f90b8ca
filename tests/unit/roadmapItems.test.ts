import { describe, expect, it } from 'vitest'
import { must, refused } from '../support/api'
import { useTempCores } from '../support/useTempCores'

const { openClocked } = useTempCores()

async function open(start?: string) {
  const { core, api, clock } = await openClocked(start)
  const item = async (id: string) => {
    const found = (await must(api.roadmap.get(undefined))).items.find((i) => i.id === id)
    if (!found) throw new Error(`no item ${id}`)
    return found
  }
  return { core, api, clock, item }
}

describe('roadmap.setLevel', () => {
  it('sets a skill level, keeps every change in the history, and can clear it', async () => {
    const { api, clock } = await open()
    expect((await must(api.roadmap.setLevel({ itemId: 'skill.java', level: 2 }))).level).toBe(2)
    clock.now = new Date('2026-12-01T12:00:00Z')
    await must(api.roadmap.setLevel({ itemId: 'skill.java', level: 3 }))
    await must(api.roadmap.setLevel({ itemId: 'skill.java', level: 3 }))
    const cleared = await must(api.roadmap.setLevel({ itemId: 'skill.java', level: null }))
    expect(cleared.level).toBeNull()
    expect(cleared.statusChangedAt).toBeNull()
    const history = await must(api.roadmap.history({ itemId: 'skill.java' }))
    expect(history.map((h) => [h.field, h.from, h.to])).toEqual([
      ['level', '3', null],
      ['level', '2', '3'],
      ['level', null, '2'],
    ])
  })

  it('refuses level 7, a level on a track, and an unknown item, changing nothing', async () => {
    const { api, item } = await open()
    const seven = await refused(api.roadmap.setLevel({ itemId: 'skill.java', level: 7 }))
    expect(seven).toMatchObject({ code: 'invalid-input', message: 'The level must be a whole number from 0 to 5.' })
    expect(seven.issues).toEqual([{ path: 'level', message: 'The level must be a whole number from 0 to 5' }])
    expect((await refused(api.roadmap.setLevel({ itemId: 'skill.java', level: 2.5 }))).code).toBe('invalid-input')
    expect(await refused(api.roadmap.setLevel({ itemId: 'track.java', level: 2 }))).toMatchObject({
      code: 'invalid-input',
      message: 'Levels are for skills; "Java Developer" is a track.',
    })
    expect(await refused(api.roadmap.setLevel({ itemId: 'skill.cobol', level: 2 }))).toEqual({
      code: 'not-found',
      message: 'There is no roadmap item "skill.cobol".',
    })
    expect((await item('skill.java')).level).toBeNull()
    expect(await must(api.roadmap.history({ itemId: 'skill.java' }))).toEqual([])
  })
})

describe('roadmap.setNote and setHidden', () => {
  it('keeps a trimmed note, clears a blank one, and leaves the status date alone', async () => {
    const { api } = await open()
    await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'done' }))
    const noted = await must(api.roadmap.setNote({ itemId: 'skill.algorithms', note: '  Finished CLRS chapters 1-12  ' }))
    expect(noted).toMatchObject({ note: 'Finished CLRS chapters 1-12', status: 'done', statusChangedAt: '2026-11-25T12:00:00.000Z' })
    expect((await must(api.roadmap.setNote({ itemId: 'skill.algorithms', note: '   ' }))).note).toBeNull()
    expect((await refused(api.roadmap.setNote({ itemId: 'skill.algorithms', note: 'x'.repeat(20_001) }))).message).toBe(
      'Note: Keep this under 20,000 characters.',
    )
    expect((await refused(api.roadmap.setNote({ itemId: 'skill.nope', note: 'x' }))).code).toBe('not-found')
  })

  it('hides and shows an item, and refuses a non-boolean', async () => {
    const { api, core, item } = await open()
    expect((await must(api.roadmap.setHidden({ itemId: 'track.nodejs', hidden: true }))).hidden).toBe(true)
    expect((await item('track.nodejs')).hidden).toBe(true)
    expect((await must(api.roadmap.setHidden({ itemId: 'track.nodejs', hidden: false }))).hidden).toBe(false)
    // What a buggy or hostile caller could send over the wire, past the typed client.
    const bad = await refused(core.dispatch('roadmap.setHidden', { itemId: 'track.nodejs', hidden: 'yes' }))
    expect(bad.message).toBe('Hidden must be true or false.')
  })
})

describe('roadmap evidence and the item page', () => {
  it('adds and removes a link, newest first, and the item page shows it with history and place', async () => {
    const { api, clock } = await open()
    const first = await must(api.roadmap.addEvidence({ itemId: 'skill.spring-framework', url: 'https://github.com/me/spring-petclinic', note: 'My fork' }))
    expect(first).toMatchObject({ itemId: 'skill.spring-framework', url: 'https://github.com/me/spring-petclinic', note: 'My fork', activityId: null })
    clock.now = new Date('2026-11-26T12:00:00Z')
    const second = await must(api.roadmap.addEvidence({ itemId: 'skill.spring-framework', url: 'https://example.com/cert' }))
    expect(second.note).toBeNull()
    await must(api.roadmap.setStatus({ itemId: 'skill.spring-framework', status: 'in-progress' }))

    const page = await must(api.roadmap.item({ itemId: 'skill.spring-framework' }))
    expect(page.item.title).toBe('Spring Framework')
    expect(page.ancestors.map((a) => a.id)).toEqual(['stage.specialization', 'track.java'])
    expect(page.children).toEqual([])
    expect(page.evidence.map((e) => e.id)).toEqual([second.id, first.id])
    expect(page.history.map((h) => h.to)).toEqual(['in-progress'])
    expect(page.goals).toEqual([])

    expect(await must(api.roadmap.removeEvidence({ evidenceId: first.id }))).toEqual(first)
    expect((await must(api.roadmap.item({ itemId: 'skill.spring-framework' }))).evidence.map((e) => e.id)).toEqual([second.id])
  })

  it('lists a container page with its children in order', async () => {
    const { api } = await open()
    const page = await must(api.roadmap.item({ itemId: 'track.java' }))
    expect(page.ancestors.map((a) => a.id)).toEqual(['stage.specialization'])
    expect(page.children.map((c) => c.id)).toEqual(['skill.java', 'skill.spring-framework'])
  })

  it('refuses a bad link, an unknown item or evidence, and writes nothing', async () => {
    const { api } = await open()
    expect((await refused(api.roadmap.addEvidence({ itemId: 'skill.java', url: 'ftp://example.com/x' }))).message).toBe(
      'Links must start with http:// or https://.',
    )
    expect((await refused(api.roadmap.addEvidence({ itemId: 'skill.java', url: 'not a link' }))).code).toBe('invalid-input')
    expect(await refused(api.roadmap.addEvidence({ itemId: 'skill.cobol', url: 'https://example.com' }))).toMatchObject({ code: 'not-found' })
    expect(await refused(api.roadmap.removeEvidence({ evidenceId: 99 }))).toEqual({ code: 'not-found', message: 'There is no evidence 99.' })
    expect((await refused(api.roadmap.item({ itemId: 'skill.cobol' }))).code).toBe('not-found')
    expect((await must(api.roadmap.item({ itemId: 'skill.java' }))).evidence).toEqual([])
  })
})

describe('roadmap.chooseTracks', () => {
  it('keeps the chosen tracks in path order, once each, and can clear them', async () => {
    const { api } = await open()
    expect((await must(api.roadmap.get(undefined))).chosenTrackIds).toEqual([])
    expect(await must(api.roadmap.chooseTracks({ trackIds: ['track.java', 'track.nodejs', 'track.java'] }))).toEqual(['track.nodejs', 'track.java'])
    expect((await must(api.roadmap.get(undefined))).chosenTrackIds).toEqual(['track.nodejs', 'track.java'])
    expect(await must(api.roadmap.chooseTracks({ trackIds: [] }))).toEqual([])
  })

  it('refuses a skill or an unknown id and keeps the earlier choice', async () => {
    const { api } = await open()
    await must(api.roadmap.chooseTracks({ trackIds: ['track.java'] }))
    expect(await refused(api.roadmap.chooseTracks({ trackIds: ['track.nodejs', 'skill.java'] }))).toMatchObject({
      code: 'invalid-input',
      message: '"Java" is not a track of Backend Developer.',
      issues: [{ path: 'trackIds.1', message: '"Java" is not a track of Backend Developer.' }],
    })
    expect(await refused(api.roadmap.chooseTracks({ trackIds: ['track.rust'] }))).toEqual({ code: 'not-found', message: 'There is no roadmap item "track.rust".' })
    expect((await must(api.roadmap.get(undefined))).chosenTrackIds).toEqual(['track.java'])
  })
})

describe('custom items', () => {
  it('appear in the roadmap exactly like seed items, after their seed siblings', async () => {
    const { api } = await open()
    const kotlin = await must(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: ' Kotlin ', description: 'JVM, but nicer' }))
    expect(kotlin).toMatchObject({ kind: 'skill', parentId: 'track.java', title: 'Kotlin', description: 'JVM, but nicer', custom: true, status: 'not-started', hidden: false })
    expect(kotlin.id).toMatch(/^custom\.skill-\d+$/)
    const roadmap = await must(api.roadmap.get(undefined))
    const ids = roadmap.items.map((i) => i.id)
    expect(ids.slice(ids.indexOf('track.java'), ids.indexOf('track.java') + 4)).toEqual(['track.java', 'skill.java', 'skill.spring-framework', kotlin.id])

    await must(api.roadmap.setStatus({ itemId: kotlin.id, status: 'in-progress' }))
    await must(api.roadmap.setLevel({ itemId: kotlin.id, level: 1 }))
    await must(api.roadmap.addEvidence({ itemId: kotlin.id, url: 'https://kotlinlang.org' }))
    const page = await must(api.roadmap.item({ itemId: kotlin.id }))
    expect(page.item).toMatchObject({ status: 'in-progress', level: 1, custom: true })
    expect(page.ancestors.map((a) => a.id)).toEqual(['stage.specialization', 'track.java'])
  })

  it('builds a custom track with its own skills, and a strategy with activity kinds', async () => {
    const { api } = await open()
    const go = await must(api.roadmap.addCustomItem({ parentId: 'stage.specialization', kind: 'track', title: 'Go Developer', tagline: 'Small binaries' }))
    const goroutines = await must(api.roadmap.addCustomItem({ parentId: go.id, kind: 'skill', title: 'Goroutines' }))
    const talks = await must(api.roadmap.addCustomItem({ parentId: 'group.networking', kind: 'strategy', title: 'Give talks', activityKinds: ['talk'] }))
    expect(talks.activityKinds).toEqual(['talk'])
    const ids = (await must(api.roadmap.get(undefined))).items.map((i) => i.id)
    expect(ids.indexOf(go.id)).toBeGreaterThan(ids.indexOf('skill.spring-framework'))
    expect(ids.indexOf(goroutines.id)).toBe(ids.indexOf(go.id) + 1)
    expect(ids.indexOf(talks.id)).toBe(ids.indexOf('strategy.online-forums') + 1)
    expect(await must(api.roadmap.chooseTracks({ trackIds: [go.id] }))).toEqual([go.id])
  })

  it('refuses an item where the path has no place for it, or without a title', async () => {
    const { api } = await open()
    expect(await refused(api.roadmap.addCustomItem({ parentId: 'stage.advancement', kind: 'strategy', title: 'x' }))).toMatchObject({
      code: 'invalid-input',
      message: 'A strategy goes under a strategy group; "Career Advancement Strategies" is a stage.',
    })
    expect((await refused(api.roadmap.addCustomItem({ parentId: 'skill.java', kind: 'skill', title: 'x' }))).message).toBe(
      'A skill goes under a stage or a track; "Java" is a skill.',
    )
    expect((await refused(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: '  ' }))).message).toBe('A title is required.')
    expect((await refused(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: 'x', activityKinds: ['talk'] }))).message).toBe(
      'Only strategies have activity kinds.',
    )
    expect((await refused(api.roadmap.addCustomItem({ parentId: 'track.nope', kind: 'skill', title: 'x' }))).code).toBe('not-found')
    expect((await must(api.roadmap.get(undefined))).items.some((i) => i.custom)).toBe(false)
  })

  it('edits and moves a custom item, never a seed one', async () => {
    const { api } = await open()
    const skill = await must(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: 'Kotlin' }))
    const moved = await must(api.roadmap.updateCustomItem({ itemId: skill.id, title: 'TypeScript', parentId: 'track.nodejs', description: 'Types' }))
    expect(moved).toMatchObject({ title: 'TypeScript', parentId: 'track.nodejs', description: 'Types' })
    expect((await must(api.roadmap.updateCustomItem({ itemId: skill.id, description: null }))).description).toBeNull()
    expect(await refused(api.roadmap.updateCustomItem({ itemId: 'skill.java', title: 'Jakarta' }))).toMatchObject({
      code: 'conflict',
      message: '"Java" comes with the career path and cannot be edited; hide it instead, or add an item of your own.',
    })
    expect((await refused(api.roadmap.updateCustomItem({ itemId: skill.id, parentId: 'group.growth' }))).code).toBe('invalid-input')
    expect((await refused(api.roadmap.updateCustomItem({ itemId: skill.id, title: '' }))).message).toBe('A title is required.')
    expect((await must(api.roadmap.item({ itemId: skill.id }))).item).toMatchObject({ title: 'TypeScript', parentId: 'track.nodejs' })
  })

  it('removes a custom item with what is under it and everything about them; ids are never reused', async () => {
    const { api } = await open()
    const track = await must(api.roadmap.addCustomItem({ parentId: 'stage.specialization', kind: 'track', title: 'Go Developer' }))
    const skill = await must(api.roadmap.addCustomItem({ parentId: track.id, kind: 'skill', title: 'Goroutines' }))
    await must(api.roadmap.setStatus({ itemId: skill.id, status: 'done' }))
    await must(api.roadmap.addEvidence({ itemId: skill.id, url: 'https://go.dev/tour' }))
    const goal = await must(api.goals.create({ title: 'Ship a Go service', itemIds: [skill.id, 'skill.java'] }))

    expect(await refused(api.roadmap.removeCustomItem({ itemId: 'skill.java' }))).toMatchObject({ code: 'conflict' })
    expect((await must(api.roadmap.removeCustomItem({ itemId: track.id }))).removedIds.sort()).toEqual([skill.id, track.id].sort())
    expect((await must(api.roadmap.get(undefined))).items.some((i) => i.custom)).toBe(false)
    expect((await refused(api.roadmap.history({ itemId: skill.id }))).code).toBe('not-found')
    expect((await must(api.goals.get({ goalId: goal.id }))).items.map((i) => i.id)).toEqual(['skill.java'])

    const again = await must(api.roadmap.addCustomItem({ parentId: 'stage.specialization', kind: 'track', title: 'Go Developer' }))
    expect([track.id, skill.id]).not.toContain(again.id)
    expect(again.status).toBe('not-started')
  })
})
