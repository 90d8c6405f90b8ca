import { describe, expect, it } from 'vitest'
import { apiOf, must, refused } from '../support/api'
import { snapshotStore } from '../support/storeSnapshot'
import { makeTempDir, openTempCore } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

const { openClocked, open } = useTempCores()

const blogPost = { kind: 'blog-post', date: '2026-10-02', title: 'Why B-trees beat hash indexes on disk', url: 'https://blog.example.com/b-trees' } as const

describe('an activity as evidence', () => {
  it('attaches a logged activity and the item page answers its title, date, kind and link', async () => {
    const { api } = await openClocked()
    const post = await must(api.activities.create(blogPost))
    const attached = await must(api.roadmap.addEvidence({ itemId: 'skill.algorithms', activityId: post.id, note: '  The post that explains it  ' }))
    expect(attached).toMatchObject({
      itemId: 'skill.algorithms',
      url: null,
      activityId: post.id,
      activity: { id: post.id, title: 'Why B-trees beat hash indexes on disk', date: '2026-10-02', kind: 'blog-post', url: 'https://blog.example.com/b-trees' },
      note: 'The post that explains it',
    })
    const page = await must(api.roadmap.item({ itemId: 'skill.algorithms' }))
    expect(page.evidence).toEqual([attached])
    // The item page follows the activity as it is edited.
    await must(api.activities.update({ id: post.id, title: 'B-trees, explained' }))
    expect((await must(api.roadmap.item({ itemId: 'skill.algorithms' }))).evidence[0]?.activity?.title).toBe('B-trees, explained')
  })

  it('refuses both a link and an activity, neither, an unknown or removed activity, and the same activity twice, changing nothing', async () => {
    const { api, core } = await openClocked()
    const post = await must(api.activities.create(blogPost))
    await must(api.roadmap.addEvidence({ itemId: 'skill.algorithms', activityId: post.id }))
    const gone = await must(api.activities.create({ ...blogPost, title: 'A draft I deleted' }))
    await must(api.activities.remove({ id: gone.id }))
    const before = snapshotStore(core.db)

    expect(await refused(api.roadmap.addEvidence({ itemId: 'skill.algorithms', url: 'https://example.com/x', activityId: post.id }))).toMatchObject({
      code: 'invalid-input',
      message: 'Evidence is a link or an activity, not both: add them one at a time.',
    })
    expect(await refused(api.roadmap.addEvidence({ itemId: 'skill.algorithms', note: 'just words' }))).toMatchObject({
      code: 'invalid-input',
      message: 'Add a link or pick one of your activities.',
    })
    expect(await refused(api.roadmap.addEvidence({ itemId: 'skill.algorithms', activityId: 4242 }))).toEqual({
      code: 'not-found',
      message: 'There is no activity 4242; it may have been removed.',
      issues: [{ path: 'activityId', message: 'There is no activity 4242; it may have been removed.' }],
    })
    expect((await refused(api.roadmap.addEvidence({ itemId: 'skill.algorithms', activityId: gone.id }))).code).toBe('not-found')
    expect(await refused(api.roadmap.addEvidence({ itemId: 'skill.algorithms', activityId: post.id }))).toMatchObject({
      code: 'conflict',
      message: '“Why B-trees beat hash indexes on disk” is already evidence for Algorithms.',
    })
    expect((await refused(core.dispatch('roadmap.addEvidence', { itemId: 'skill.algorithms', activityId: 1.5 }))).message).toBe('An activity id is a whole number.')
    expect(snapshotStore(core.db)).toBe(before)
  })

  it('leaves the item page while its activity is in the bin and comes back with undo', async () => {
    const { api } = await openClocked()
    const post = await must(api.activities.create(blogPost))
    const link = await must(api.roadmap.addEvidence({ itemId: 'skill.algorithms', url: 'https://example.com/cert' }))
    const attached = await must(api.roadmap.addEvidence({ itemId: 'skill.algorithms', activityId: post.id }))
    const shown = async () => (await must(api.roadmap.item({ itemId: 'skill.algorithms' }))).evidence.map((e) => e.id)

    await must(api.activities.remove({ id: post.id }))
    expect(await shown()).toEqual([link.id])
    await must(api.activities.restore({ id: post.id }))
    expect(await shown()).toEqual([attached.id, link.id].sort((a, b) => b - a))
  })

  it('is gone for good once the removal can no longer be undone, imported activities too', async () => {
    const dataDir = makeTempDir()
    const first = await openTempCore({ dataDir })
    const api = apiOf(first)
    const manual = await must(api.activities.create(blogPost))
    const imported = await must(api.activities.create({ ...blogPost, kind: 'pull-request', title: 'Fix the planner', url: null }))
    // What an import leaves: a key, so the removed activity stays as a tombstone a re-import skips.
    first.db.prepare("UPDATE activity SET source = 'github', external_key = 'github:pr:o/r#1' WHERE id = ?").run(imported.id)
    const kept = await must(api.roadmap.addEvidence({ itemId: 'skill.algorithms', url: 'https://example.com/cert' }))
    await must(api.roadmap.addEvidence({ itemId: 'skill.algorithms', activityId: manual.id }))
    await must(api.roadmap.addEvidence({ itemId: 'skill.java', activityId: imported.id }))
    await must(api.activities.remove({ id: manual.id }))
    await must(api.activities.remove({ id: imported.id }))
    first.close()

    const next = await open({ dataDir })
    const again = apiOf(next)
    expect(await refused(again.activities.restore({ id: manual.id }))).toMatchObject({ code: 'not-found' })
    expect((await must(again.roadmap.item({ itemId: 'skill.algorithms' }))).evidence.map((e) => e.id)).toEqual([kept.id])
    expect((await must(again.roadmap.item({ itemId: 'skill.java' }))).evidence).toEqual([])
    expect((await must(again.data.exportAll({}))).counts.item_evidence).toBe(1)
  })

  it('removes an attached activity and puts it back as it was', async () => {
    const { api } = await openClocked()
    const post = await must(api.activities.create(blogPost))
    const attached = await must(api.roadmap.addEvidence({ itemId: 'skill.algorithms', activityId: post.id, note: 'Mine' }))
    expect(await must(api.roadmap.removeEvidence({ evidenceId: attached.id }))).toEqual(attached)
    expect((await must(api.roadmap.item({ itemId: 'skill.algorithms' }))).evidence).toEqual([])
    const back = await must(api.roadmap.addEvidence({ itemId: 'skill.algorithms', activityId: post.id, note: 'Mine' }))
    expect(back).toMatchObject({ activity: attached.activity, note: 'Mine' })
  })
})

