import { describe, expect, it } from 'vitest'
import { must, refused } from '../support/api'
import { useTempCores } from '../support/useTempCores'

const { openClocked: open } = useTempCores()

describe('goals.create and goals.get', () => {
  it('creates a goal with links and milestones, and fills sensible defaults', async () => {
    const { api } = await open()
    const goal = await must(
      api.goals.create({
        title: '  Learn the Spring Framework ',
        description: 'Build and ship one service',
        targetDate: '2027-02-25',
        itemIds: ['skill.spring-framework', 'track.java'],
        milestones: [{ title: 'Read the reference guide' }, { title: 'Build a REST API', dueDate: '2026-12-20' }],
      }),
    )
    expect(goal).toMatchObject({
      title: 'Learn the Spring Framework',
      description: 'Build and ship one service',
      startDate: '2026-11-25',
      targetDate: '2027-02-25',
      priority: 'medium',
      status: 'active',
      manualProgress: 0,
      progress: 0,
      overdue: false,
      archivedAt: null,
      createdAt: '2026-11-25T12:00:00.000Z',
    })
    expect(goal.items).toEqual([
      { id: 'skill.spring-framework', kind: 'skill', title: 'Spring Framework', missing: false },
      { id: 'track.java', kind: 'track', title: 'Java Developer', missing: false },
    ])
    expect(goal.milestones.map((m) => [m.title, m.dueDate, m.position, m.doneAt])).toEqual([
      ['Read the reference guide', null, 0, null],
      ['Build a REST API', '2026-12-20', 1, null],
    ])
    expect(await must(api.goals.get({ goalId: goal.id }))).toEqual(goal)
  })

  it('creates milestones already ticked in the same call, done as of now', async () => {
    const { api } = await open()
    const goal = await must(api.goals.create({ title: 'Kafka', milestones: [{ title: 'Read the book', done: true }, { title: 'Build a consumer' }] }))
    expect(goal.milestones.map((m) => [m.title, m.doneAt])).toEqual([
      ['Read the book', '2026-11-25T12:00:00.000Z'],
      ['Build a consumer', null],
    ])
    expect(goal.progress).toBe(0.5)
  })

  it('uses the manual progress while a goal has no milestones', async () => {
    const { api } = await open()
    const goal = await must(api.goals.create({ title: 'Get promoted', manualProgress: 40, priority: 'high', status: 'paused' }))
    expect(goal).toMatchObject({ progress: 0.4, priority: 'high', status: 'paused', items: [], milestones: [], targetDate: null })
  })

  it('refuses a target date more than 50 years after the start, in words, given together or against the stored start', async () => {
    const { api } = await open()
    const far = await refused(api.goals.create({ title: 'Typo', startDate: '2026-11-25', targetDate: '2999-01-01' }))
    expect(far).toMatchObject({
      code: 'invalid-input',
      message: 'A target date must be within 50 years of the start date.',
      issues: [{ path: 'targetDate', message: 'A target date must be within 50 years of the start date' }],
    })
    // The start left out is today, so the rule still holds.
    expect((await refused(api.goals.create({ title: 'Typo', targetDate: '2999-01-01' }))).message).toBe(
      'A target date must be within 50 years of the start date (2026-11-25).',
    )
    // Fifty years to the day is still allowed.
    const goal = await must(api.goals.create({ title: 'Retire', startDate: '2026-11-25', targetDate: '2076-11-25' }))
    expect((await refused(api.goals.update({ goalId: goal.id, targetDate: '2076-11-26' }))).issues).toEqual([
      { path: 'targetDate', message: 'A target date must be within 50 years of the start date' },
    ])
    expect(await must(api.goals.get({ goalId: goal.id }))).toMatchObject({ targetDate: '2076-11-25' })
  })

  it('refuses a milestone due more than 50 years after its goal\'s start, in every channel that sets one, and stores nothing', async () => {
    const { api, core } = await open()
    const message = "A milestone must be due within 50 years of the goal's start date"
    const created = await refused(api.goals.create({ title: 'Typo', startDate: '2026-11-25', milestones: [{ title: 'Fine', dueDate: '2027-01-01' }, { title: 'Typo', dueDate: '2999-01-01' }] }))
    expect(created).toMatchObject({ code: 'invalid-input', issues: [{ path: 'milestones.1.dueDate', message }] })
    // The start left out is today, and the core judges against it.
    expect(await refused(api.goals.create({ title: 'Typo', milestones: [{ title: 'Typo', dueDate: '2999-01-01' }] }))).toMatchObject({
      message: `${message} (2026-11-25).`,
      issues: [{ path: 'milestones.0.dueDate', message }],
    })
    expect(core.db.prepare('SELECT count(*) AS n FROM goal').get()).toEqual({ n: 0 })

    const goal = await must(api.goals.create({ title: 'Retire', startDate: '2026-11-25', milestones: [{ title: 'Fifty years on', dueDate: '2076-11-25' }] }))
    const stored = goal.milestones[0]?.id ?? 0
    expect((await refused(api.goals.addMilestone({ goalId: goal.id, title: 'Typo', dueDate: '2999-01-01' }))).issues).toEqual([{ path: 'dueDate', message }])
    expect((await refused(api.goals.updateMilestone({ milestoneId: stored, dueDate: '2999-01-01' }))).issues).toEqual([{ path: 'dueDate', message }])
    expect((await refused(api.goals.update({ goalId: goal.id, milestones: [{ id: stored, title: 'Typo', dueDate: '2999-01-01' }] }))).issues).toEqual([
      { path: 'milestones.0.dueDate', message },
    ])
    // A start moved a day earlier would leave the stored milestone one day too far.
    expect((await refused(api.goals.update({ goalId: goal.id, startDate: '2026-11-24' }))).issues).toEqual([{ path: 'milestones.0.dueDate', message }])
    expect(await must(api.goals.get({ goalId: goal.id }))).toMatchObject({ startDate: '2026-11-25', milestones: [{ title: 'Fifty years on', dueDate: '2076-11-25' }] })
  })

  it('refuses an empty title, dates out of order, an unknown item or a bad priority, and creates nothing', async () => {
    const { api, core } = await open()
    expect(await refused(api.goals.create({ title: '   ' }))).toMatchObject({ code: 'invalid-input', message: 'A title is required.' })
    const dates = await refused(api.goals.create({ title: 'x', startDate: '2027-01-10', targetDate: '2027-01-09' }))
    expect(dates).toMatchObject({
      code: 'invalid-input',
      message: 'The target date must be on or after the start date.',
      issues: [{ path: 'targetDate', message: 'The target date must be on or after the start date' }],
    })
    // With the start date left out it is today, and the rule still holds.
    expect((await refused(api.goals.create({ title: 'x', targetDate: '2026-11-24' }))).message).toBe(
      'The target date must be on or after the start date (2026-11-25).',
    )
    expect(await refused(api.goals.create({ title: 'x', itemIds: ['skill.java', 'skill.cobol'] }))).toEqual({
      code: 'not-found',
      message: 'There is no roadmap item "skill.cobol".',
    })
    expect((await refused(api.goals.create({ title: 'x', itemIds: ['skill.java', 'skill.java'] }))).message).toBe('Item ids: An item is linked twice.')
    expect((await refused(core.dispatch('goals.create', { title: 'x', priority: 'urgent' }))).message).toBe('Priority must be low, medium or high.')
    expect((await refused(api.goals.create({ title: 'x', targetDate: '2027-02-30' }))).message).toBe('Target date: Use a date like 2027-03-31.')
    expect((await refused(api.goals.create({ title: 'x', manualProgress: 101 }))).message).toBe('Manual progress must be a whole number from 0 to 100.')
    expect((await refused(core.dispatch('goals.create', { title: 'x', owner: 'me' }))).code).toBe('invalid-input')
    expect((await refused(api.goals.create({ title: 'x', milestones: [{ title: '' }] }))).issues?.[0]?.path).toBe('milestones.0.title')
    expect(await must(api.goals.list({ archived: 'include' }))).toEqual([])
  })

  it('names the goal it cannot find', async () => {
    const { api } = await open()
    expect(await refused(api.goals.get({ goalId: 12 }))).toEqual({ code: 'not-found', message: 'There is no goal 12.' })
    expect((await refused(api.goals.get({ goalId: 0 }))).code).toBe('invalid-input')
  })
})

describe('goals.update', () => {
  it('changes only what it is given and replaces links when given', async () => {
    const { api, clock } = await open()
    const goal = await must(api.goals.create({ title: 'Java', description: 'Basics', targetDate: '2027-03-01', itemIds: ['skill.java'] }))
    clock.now = new Date('2026-11-26T09:00:00Z')
    const updated = await must(api.goals.update({ goalId: goal.id, priority: 'high', itemIds: ['track.java', 'skill.spring-framework'] }))
    expect(updated).toMatchObject({ title: 'Java', description: 'Basics', priority: 'high', targetDate: '2027-03-01', updatedAt: '2026-11-26T09:00:00.000Z' })
    expect(updated.items.map((i) => i.id)).toEqual(['track.java', 'skill.spring-framework'])
    const cleared = await must(api.goals.update({ goalId: goal.id, description: '', targetDate: null, status: 'done' }))
    expect(cleared).toMatchObject({ description: null, targetDate: null, status: 'done', items: updated.items })
  })

  it('checks a new target date against the stored start date, and changes nothing when refused', async () => {
    const { api } = await open()
    const goal = await must(api.goals.create({ title: 'Java', startDate: '2026-12-01', targetDate: '2027-03-01' }))
    expect(await refused(api.goals.update({ goalId: goal.id, title: 'Renamed', targetDate: '2026-11-30' }))).toMatchObject({
      code: 'invalid-input',
      issues: [{ path: 'targetDate', message: 'The target date must be on or after the start date' }],
    })
    expect((await refused(api.goals.update({ goalId: goal.id, startDate: '2027-04-01' }))).code).toBe('invalid-input')
    expect((await refused(api.goals.update({ goalId: goal.id, title: 'Renamed', itemIds: ['skill.cobol'] }))).code).toBe('not-found')
    expect((await refused(api.goals.update({ goalId: goal.id, title: '' }))).message).toBe('A title is required.')
    expect((await refused(api.goals.update({ goalId: 404, title: 'x' }))).message).toBe('There is no goal 404.')
    expect(await must(api.goals.get({ goalId: goal.id }))).toEqual(goal)
  })
})

describe('goals.archive, restore, remove and list', () => {
  it('archives out of the default list, restores as it was, and filters by status and item', async () => {
    const { api, core } = await open()
    const java = await must(api.goals.create({ title: 'Java', status: 'done', targetDate: '2027-01-01', itemIds: ['skill.java'] }))
    const spring = await must(api.goals.create({ title: 'Spring', targetDate: '2027-03-01', itemIds: ['skill.spring-framework'] }))
    const blog = await must(api.goals.create({ title: 'Blog', targetDate: '2027-02-01' }))
    const someday = await must(api.goals.create({ title: 'Someday' }))

    // Open goals first by target date, undated last, then finished ones.
    expect((await must(api.goals.list(undefined))).map((g) => g.title)).toEqual(['Blog', 'Spring', 'Someday', 'Java'])
    const archived = await must(api.goals.archive({ goalId: blog.id }))
    expect(archived.archivedAt).toBe('2026-11-25T12:00:00.000Z')
    expect(await must(api.goals.archive({ goalId: blog.id }))).toEqual(archived)
    expect((await must(api.goals.list({}))).map((g) => g.id)).toEqual([spring.id, someday.id, java.id])
    expect((await must(api.goals.list({ archived: 'only' }))).map((g) => g.id)).toEqual([blog.id])
    expect((await must(api.goals.list({ archived: 'include' }))).map((g) => g.id)).toEqual([spring.id, someday.id, java.id, blog.id])
    expect((await must(api.goals.list({ status: ['done'] }))).map((g) => g.id)).toEqual([java.id])
    expect((await must(api.goals.list({ itemId: 'skill.spring-framework' }))).map((g) => g.id)).toEqual([spring.id])

    const restored = await must(api.goals.restore({ goalId: blog.id }))
    expect(restored).toMatchObject({ archivedAt: null, status: 'active' })
    expect((await must(api.goals.list({}))).map((g) => g.id)).toContain(blog.id)
    expect((await refused(core.dispatch('goals.list', { archived: 'hidden' }))).message).toBe('Archived must be one of: exclude, include, only.')
  })

  it('removes a goal for good, with its milestones and links, and answers it as it was', async () => {
    const { api } = await open()
    const goal = await must(api.goals.create({ title: 'Spring', itemIds: ['skill.spring-framework'], milestones: [{ title: 'a' }] }))
    expect(await must(api.goals.remove({ goalId: goal.id }))).toEqual(goal)
    expect((await refused(api.goals.get({ goalId: goal.id }))).code).toBe('not-found')
    expect((await refused(api.goals.toggleMilestone({ milestoneId: goal.milestones[0]?.id ?? 0 }))).code).toBe('not-found')
    expect((await must(api.roadmap.item({ itemId: 'skill.spring-framework' }))).goals).toEqual([])
    expect((await refused(api.goals.remove({ goalId: goal.id }))).message).toBe(`There is no goal ${goal.id}.`)
  })

  it('shows the goals that link an item on its page', async () => {
    const { api } = await open()
    const goal = await must(api.goals.create({ title: 'Spring', itemIds: ['skill.spring-framework'] }))
    await must(api.goals.archive({ goalId: goal.id }))
    expect((await must(api.roadmap.item({ itemId: 'skill.spring-framework' }))).goals).toEqual([{ id: goal.id, title: 'Spring', status: 'active', archived: true }])
  })
})

describe('milestones', () => {
  it('adds, edits, ticks, unticks, reorders and removes, and progress follows', async () => {
    const { api, clock } = await open()
    let goal = await must(api.goals.create({ title: 'Spring', manualProgress: 80 }))
    expect(goal.progress).toBe(0.8)
    goal = await must(api.goals.addMilestone({ goalId: goal.id, title: 'One' }))
    goal = await must(api.goals.addMilestone({ goalId: goal.id, title: 'Two', dueDate: '2026-12-01' }))
    goal = await must(api.goals.addMilestone({ goalId: goal.id, title: 'Three' }))
    expect(goal.progress).toBe(0)
    const [one, two, three] = goal.milestones.map((m) => m.id)
    if (one === undefined || two === undefined || three === undefined) throw new Error('three milestones expected')

    clock.now = new Date('2026-11-27T08:00:00Z')
    goal = await must(api.goals.toggleMilestone({ milestoneId: one }))
    expect(goal.milestones[0]?.doneAt).toBe('2026-11-27T08:00:00.000Z')
    expect(goal.updatedAt).toBe('2026-11-27T08:00:00.000Z')
    expect((await must(api.goals.toggleMilestone({ milestoneId: two, done: true }))).progress).toBeCloseTo(2 / 3)
    // Asking for done twice keeps it done: no flip.
    goal = await must(api.goals.toggleMilestone({ milestoneId: two, done: true }))
    expect(goal.progress).toBeCloseTo(2 / 3)
    goal = await must(api.goals.toggleMilestone({ milestoneId: one }))
    expect(goal.progress).toBeCloseTo(1 / 3)

    goal = await must(api.goals.updateMilestone({ milestoneId: three, title: 'Three, renamed', dueDate: '2027-01-15' }))
    expect(goal.milestones[2]).toMatchObject({ title: 'Three, renamed', dueDate: '2027-01-15' })
    goal = await must(api.goals.updateMilestone({ milestoneId: three, dueDate: null }))
    expect(goal.milestones[2]).toMatchObject({ title: 'Three, renamed', dueDate: null })

    goal = await must(api.goals.reorderMilestones({ goalId: goal.id, milestoneIds: [three, one, two] }))
    expect(goal.milestones.map((m) => [m.id, m.position])).toEqual([
      [three, 0],
      [one, 1],
      [two, 2],
    ])
    goal = await must(api.goals.removeMilestone({ milestoneId: one }))
    expect(goal.milestones.map((m) => m.id)).toEqual([three, two])
    expect(goal.progress).toBe(0.5)
    goal = await must(api.goals.addMilestone({ goalId: goal.id, title: 'Four' }))
    expect(goal.milestones.at(-1)).toMatchObject({ title: 'Four', position: 3 })
  })

  it('refuses bad milestone input and changes nothing', async () => {
    const { api } = await open()
    const goal = await must(api.goals.create({ title: 'Spring', milestones: [{ title: 'a' }, { title: 'b' }] }))
    const [a, b] = goal.milestones.map((m) => m.id)
    if (a === undefined || b === undefined) throw new Error('two milestones expected')
    expect((await refused(api.goals.addMilestone({ goalId: goal.id, title: '' }))).message).toBe('A title is required.')
    expect((await refused(api.goals.addMilestone({ goalId: 999, title: 'x' }))).message).toBe('There is no goal 999.')
    expect((await refused(api.goals.updateMilestone({ milestoneId: a, dueDate: '31/12/2026' }))).message).toBe('Due date: Use a date like 2027-03-31.')
    expect((await refused(api.goals.updateMilestone({ milestoneId: 999, title: 'x' }))).message).toBe('There is no milestone 999.')
    expect((await refused(api.goals.removeMilestone({ milestoneId: 999 }))).code).toBe('not-found')
    expect(await refused(api.goals.reorderMilestones({ goalId: goal.id, milestoneIds: [b] }))).toMatchObject({
      code: 'invalid-input',
      message: "List each of the goal's 2 milestones exactly once.",
    })
    expect((await refused(api.goals.reorderMilestones({ goalId: goal.id, milestoneIds: [b, b] }))).code).toBe('invalid-input')
    const other = await must(api.goals.create({ title: 'Other', milestones: [{ title: 'c' }] }))
    const c = other.milestones[0]?.id ?? 0
    expect((await refused(api.goals.reorderMilestones({ goalId: goal.id, milestoneIds: [b, c] }))).code).toBe('invalid-input')
    expect(await must(api.goals.get({ goalId: goal.id }))).toEqual(goal)
  })

  it('saves a whole edit form in one update: fields and milestones together, done dates kept', async () => {
    const { api, clock } = await open()
    let goal = await must(api.goals.create({ title: 'Spring', milestones: [{ title: 'Read' }, { title: 'Build' }, { title: 'Test' }] }))
    const [read, build, test] = goal.milestones.map((m) => m.id)
    if (read === undefined || build === undefined || test === undefined) throw new Error('three milestones expected')
    goal = await must(api.goals.toggleMilestone({ milestoneId: read, done: true }))
    const readDoneAt = goal.milestones[0]?.doneAt

    clock.now = new Date('2026-12-02T09:00:00Z')
    goal = await must(
      api.goals.update({
        goalId: goal.id,
        title: 'Spring Boot',
        milestones: [
          { id: test, title: 'Test with Testcontainers', dueDate: '2027-01-10', done: false },
          { title: 'Deploy', done: true },
          { id: read, title: 'Read', done: true },
        ],
      }),
    )
    expect(goal.title).toBe('Spring Boot')
    expect(goal.milestones.map((m) => [m.title, m.position, m.dueDate])).toEqual([
      ['Test with Testcontainers', 0, '2027-01-10'],
      ['Deploy', 1, null],
      ['Read', 2, null],
    ])
    expect(goal.milestones.map((m) => m.id)).not.toContain(build)
    expect(goal.milestones[1]?.doneAt).toBe('2026-12-02T09:00:00.000Z')
    // Still done from before: the day it was done does not move.
    expect(goal.milestones[2]?.doneAt).toBe(readDoneAt)
    expect(goal.progress).toBeCloseTo(2 / 3)
  })

  it('refuses an edit whose milestones are not the goal’s own or listed twice, and changes nothing of it', async () => {
    const { api } = await open()
    const goal = await must(api.goals.create({ title: 'Spring', milestones: [{ title: 'a' }, { title: 'b' }] }))
    const other = await must(api.goals.create({ title: 'Other', milestones: [{ title: 'c' }] }))
    const [a] = goal.milestones.map((m) => m.id)
    const c = other.milestones[0]?.id ?? 0

    const foreign = await refused(api.goals.update({ goalId: goal.id, title: 'Renamed', milestones: [{ id: a, title: 'a' }, { id: c, title: 'stolen' }] }))
    expect(foreign).toMatchObject({ code: 'invalid-input', message: `Milestone ${c} is not one of this goal's.`, issues: [{ path: 'milestones.1.id' }] })
    const twice = await refused(api.goals.update({ goalId: goal.id, title: 'Renamed', milestones: [{ id: a, title: 'a' }, { id: a, title: 'again' }] }))
    expect(twice).toMatchObject({ code: 'invalid-input', message: 'Milestones: List each milestone once.' })
    const badTitle = await refused(api.goals.update({ goalId: goal.id, title: 'Renamed', milestones: [{ title: 'fine' }, { title: '' }] }))
    expect(badTitle.issues).toEqual([{ path: 'milestones.1.title', message: 'A title is required' }])

    expect(await must(api.goals.get({ goalId: goal.id }))).toEqual(goal)
    expect(await must(api.goals.get({ goalId: other.id }))).toEqual(other)
  })

  it('flags overdue goals and milestones against today, but not finished or archived ones', async () => {
    const { api, clock } = await open()
    const goal = await must(
      api.goals.create({ title: 'Spring', startDate: '2026-11-01', targetDate: '2026-12-31', milestones: [{ title: 'a', dueDate: '2026-12-01' }, { title: 'b', dueDate: '2026-12-01' }] }),
    )
    expect(goal.overdue).toBe(false)
    await must(api.goals.toggleMilestone({ milestoneId: goal.milestones[1]?.id ?? 0 }))
    clock.now = new Date('2027-01-02T12:00:00Z')
    const late = await must(api.goals.get({ goalId: goal.id }))
    expect(late.overdue).toBe(true)
    expect(late.milestones.map((m) => m.overdue)).toEqual([true, false])
    const done = await must(api.goals.update({ goalId: goal.id, status: 'done' }))
    expect(done.overdue).toBe(false)
    expect(done.milestones.map((m) => m.overdue)).toEqual([false, false])
  })
})
