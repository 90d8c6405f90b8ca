import { addMonths } from 'date-fns'
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { careerPathSchema } from '@shared/domain/careerPath'
import { toIsoDate } from '@shared/domain/dates'
import { formatPercent } from '@shared/domain/progress'
import { apiOf, must } from '../support/api'
import { contentDir, makeTempDir, openTempCore } from '../support/tempCore'

let disposers: (() => void)[] = []
afterEach(() => {
  disposers.forEach((d) => d())
  disposers = []
})

/** A private copy of data/paths, so the test can ship a content update. */
function copyContent(): string {
  const dir = makeTempDir('pathfinder-content-')
  disposers.push(() => rmSync(dir, { recursive: true, force: true }))
  cpSync(contentDir, dir, { recursive: true })
  return dir
}

describe('the roadmap story, at core level', () => {
  it('a Java learner plans Spring, ticks milestones, sees progress, and keeps it all across a restart and a content update', async () => {
    const clock = { now: new Date('2026-11-25T12:00:00Z') }
    const content = copyContent()
    const dataDir = makeTempDir()
    disposers.push(() => rmSync(dataDir, { recursive: true, force: true }))
    const first = await openTempCore({ dataDir, contentDir: content, now: () => clock.now })
    let api = apiOf(first)
    const javaProgress = async () => (await must(api.progress.summary(undefined))).tracks.find((t) => t.id === 'track.java')?.progress.ratio

    expect(await javaProgress()).toBe(0)
    expect(await must(api.roadmap.chooseTracks({ trackIds: ['track.java'] }))).toEqual(['track.java'])
    await must(api.roadmap.setLevel({ itemId: 'skill.java', level: 3 }))
    const java = await must(api.roadmap.setStatus({ itemId: 'skill.java', status: 'in-progress' }))
    expect(java).toMatchObject({ level: 3, status: 'in-progress' })

    const targetDate = toIsoDate(addMonths(clock.now, 3))
    expect(targetDate).toBe('2027-02-25')
    let goal = await must(
      api.goals.create({
        title: 'Learn the Spring Framework',
        itemIds: ['skill.spring-framework'],
        targetDate,
        milestones: [{ title: 'Finish the Spring guides' }, { title: 'Build a REST service' }, { title: 'Deploy it' }],
      }),
    )
    clock.now = new Date('2026-12-10T18:00:00Z')
    goal = await must(api.goals.toggleMilestone({ milestoneId: goal.milestones[0]?.id ?? 0 }))
    goal = await must(api.goals.toggleMilestone({ milestoneId: goal.milestones[1]?.id ?? 0 }))
    expect(goal.progress).toBeCloseTo(0.6667, 3)
    expect(formatPercent(goal.progress)).toBe('67%')

    expect(await javaProgress()).toBe(0.25)
    const summary = await must(api.progress.summary(undefined))
    expect(summary.chosenTrackIds).toEqual(['track.java'])
    expect(summary.nextUp.map((n) => n.id)).toEqual(['skill.java', 'skill.spring-framework'])
    expect(summary.overall.ratio).toBeCloseTo(0.5 / 13)
    const kotlin = await must(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: 'Kotlin' }))
    await must(api.roadmap.setStatus({ itemId: kotlin.id, status: 'done' }))
    const orphan = await must(api.roadmap.addCustomItem({ parentId: 'track.nodejs', kind: 'skill', title: 'Deno' }))
    first.close()

    // Restart: everything is still there.
    const second = await openTempCore({ dataDir, contentDir: content, now: () => clock.now })
    api = apiOf(second)
    expect((await must(api.goals.get({ goalId: goal.id }))).progress).toBeCloseTo(2 / 3)
    expect(await javaProgress()).toBeCloseTo(1.5 / 3)
    second.close()

    // A content update: a renamed skill, a new one, and a track dropped from the file.
    const file = join(content, 'backend-developer.json')
    const path = careerPathSchema.parse(JSON.parse(readFileSync(file, 'utf8')))
    const specialization = path.stages.find((s) => s.id === 'stage.specialization')
    const javaTrack = specialization?.tracks.find((t) => t.id === 'track.java')
    if (!specialization || !javaTrack) throw new Error('the seed changed shape')
    javaTrack.skills = [...javaTrack.skills.map((s) => (s.id === 'skill.spring-framework' ? { ...s, title: 'Spring' } : s)), { id: 'skill.jvm-internals', title: 'JVM Internals' }]
    specialization.tracks = specialization.tracks.filter((t) => t.id !== 'track.nodejs')
    writeFileSync(file, JSON.stringify({ ...path, version: '2027.01.0' }))

    const third = await openTempCore({ dataDir, contentDir: content, now: () => clock.now })
    disposers.unshift(() => third.close())
    api = apiOf(third)
    const roadmap = await must(api.roadmap.get(undefined))
    expect(roadmap.path.version).toBe('2027.01.0')
    expect(roadmap.chosenTrackIds).toEqual(['track.java'])
    const ids = roadmap.items.map((i) => i.id)
    expect(ids.slice(ids.indexOf('track.java'), ids.indexOf('track.java') + 5)).toEqual(['track.java', 'skill.java', 'skill.spring-framework', 'skill.jvm-internals', kotlin.id])
    expect(roadmap.items.find((i) => i.id === 'skill.java')).toMatchObject({ level: 3, status: 'in-progress' })
    expect(roadmap.items.find((i) => i.id === kotlin.id)).toMatchObject({ custom: true, status: 'done', title: 'Kotlin' })
    expect(ids).not.toContain('track.nodejs')
    // A custom item whose parent left the path is kept, listed after the tree.
    expect(roadmap.items.at(-1)).toMatchObject({ id: orphan.id, custom: true })
    const kept = await must(api.goals.get({ goalId: goal.id }))
    expect(kept.items).toEqual([{ id: 'skill.spring-framework', kind: 'skill', title: 'Spring', missing: false }])
    expect(kept.progress).toBeCloseTo(2 / 3)
    expect((await must(api.roadmap.history({ itemId: 'skill.java' }))).map((h) => h.field)).toEqual(['status', 'level'])
    expect(await javaProgress()).toBeCloseTo(1.5 / 4)
  })
})
