import type { Api } from '@shared/contract'
import { must } from './api'
import { openTempCore } from './tempCore'

/** A core whose clock the test moves: every write is stamped with `clock.at`. */
export async function openClockedCore(start: string) {
  const clock = { at: new Date(start) }
  const core = await openTempCore({ now: () => clock.at })
  return { core, clock, set: (iso: string) => (clock.at = new Date(iso)) }
}

export const hostile = {
  script: '<script>alert(1)</script>',
  link: '](javascript:x)',
  formula: '=HYPERLINK("http://evil.example","click")',
}

export const secrets = {
  activityNote: 'NOTE-SECRET-ACTIVITY talked about a raise',
  itemNote: 'NOTE-SECRET-ITEM learning this for the move',
  goalDescription: 'NOTE-SECRET-GOAL before asking for a raise',
  privateRepo: 'acme/secret-service',
  privateTitle: 'PRIVATE-TITLE internal billing fix',
}

/**
 * A year of work (2026, the user in Europe/Berlin), written through the same channels the
 * app uses. Ends with the clock on 2026-11-25.
 */
export async function seedYear(api: Api, set: (iso: string) => void) {
  // Before the period: Java at level 2, data structures started.
  set('2025-12-10T09:00:00Z')
  await must(api.roadmap.setLevel({ itemId: 'skill.java', level: 2 }))
  await must(api.roadmap.setStatus({ itemId: 'skill.java', status: 'in-progress' }))
  await must(api.roadmap.setStatus({ itemId: 'skill.data-structures', status: 'in-progress' }))
  await must(api.roadmap.chooseTracks({ trackIds: ['track.java'] }))

  set('2026-01-05T09:00:00Z')
  const javaGoal = await must(
    api.goals.create({
      title: 'Become a Java developer',
      description: secrets.goalDescription,
      startDate: '2026-01-05',
      targetDate: '2026-10-31',
      priority: 'high',
      itemIds: ['skill.java', 'skill.spring-framework'],
      milestones: [{ title: 'Finish the Spring course', dueDate: '2026-04-30' }, { title: 'Ship a Spring Boot service', dueDate: '2026-09-30' }],
    }),
  )
  await must(api.goals.create({ title: hostile.script, startDate: '2026-01-05', targetDate: '2026-12-31', milestones: [{ title: hostile.link, dueDate: '2026-12-01' }] }))
  await must(api.goals.create({ title: hostile.link, startDate: '2026-01-05', targetDate: '2026-12-31' }))
  await must(api.goals.create({ title: 'Speak at a conference', startDate: '2026-02-01', targetDate: '2026-09-30' }))

  set('2026-03-15T12:00:00Z')
  await must(api.roadmap.setStatus({ itemId: 'skill.data-structures', status: 'done' }))
  await must(api.roadmap.setLevel({ itemId: 'skill.spring-framework', level: 1 }))
  await must(api.roadmap.setNote({ itemId: 'skill.java', note: secrets.itemNote }))
  const [first, second] = javaGoal.milestones
  if (!first || !second) throw new Error('The seed goal has two milestones')
  await must(api.goals.toggleMilestone({ milestoneId: first.id, done: true }))

  set('2026-06-01T08:00:00Z')
  await must(api.roadmap.setLevel({ itemId: 'skill.java', level: 4 }))
  await must(api.roadmap.setLevel({ itemId: 'skill.spring-framework', level: 3 }))

  const log = async (draft: Parameters<Api['activities']['create']>[0]) => must(api.activities.create(draft))
  set('2026-09-20T08:00:00Z')
  await log({ kind: 'pull-request', date: '2026-02-10', title: 'Fix a race in the task scheduler', url: 'https://github.com/spring-projects/spring-boot/pull/101', repo: 'spring-projects/spring-boot', state: 'merged', skillIds: ['skill.java', 'skill.spring-framework'], hours: 6 })
  await log({ kind: 'pull-request', date: '2026-03-02', title: 'Document the retry template', url: 'https://github.com/spring-projects/spring-boot/pull/102', repo: 'spring-projects/spring-boot', state: 'merged', skillIds: ['skill.spring-framework'] })
  await log({ kind: 'pull-request', date: '2026-05-20', title: hostile.script, url: 'https://github.com/spring-projects/spring-boot/pull/103', repo: 'spring-projects/spring-boot', state: 'merged', notes: secrets.activityNote })
  await log({ kind: 'pull-request', date: '2026-06-11', title: 'Faster router matching', url: 'https://github.com/expressjs/express/pull/7', repo: 'expressjs/express', state: 'open', skillIds: ['skill.javascript'] })
  await log({ kind: 'code-review', date: '2026-06-12', title: hostile.link, repo: 'expressjs/express' })
  await log({ kind: 'issue', date: '2026-07-01', title: hostile.formula, url: 'https://github.com/expressjs/express/issues/8', repo: 'expressjs/express', state: 'closed' })
  await log({ kind: 'pull-request', date: '2026-04-04', title: secrets.privateTitle, url: `https://github.com/${secrets.privateRepo}/pull/1`, repo: secrets.privateRepo, state: 'merged' })
  await log({ kind: 'pull-request', date: '2026-04-05', title: `${secrets.privateTitle} (follow-up)`, url: `https://github.com/${secrets.privateRepo}/pull/2`, state: 'merged' })
  await log({ kind: 'certification', date: '2026-08-20', title: 'Oracle Certified Professional: Java SE 21 Developer', url: 'https://education.oracle.com/ocp-java-21', skillIds: ['skill.java'] })
  await log({ kind: 'talk', date: '2026-09-18', title: 'Virtual threads in production', url: 'https://berlin-jug.example.org/talks/42' })
  await log({ kind: 'blog-post', date: '2026-09-19', title: 'What I learned contributing to Spring Boot', url: 'https://blog.example.org/spring-boot' })
  // Outside the period: 2025 and a deleted one.
  await log({ kind: 'pull-request', date: '2025-11-30', title: 'Last year fix', repo: 'spring-projects/spring-boot', state: 'merged' })
  const gone = await log({ kind: 'meetup', date: '2026-09-01', title: 'Removed meetup' })
  await must(api.activities.remove({ id: gone.id }))

  set('2026-09-25T10:00:00Z')
  await must(api.goals.toggleMilestone({ milestoneId: second.id, done: true }))
  await must(api.goals.update({ goalId: javaGoal.id, status: 'done' }))
  await must(api.reports.setPrivateRepositories({ repositories: ['acme/*'] }))

  set('2026-11-25T10:00:00Z')
  return { javaGoalId: javaGoal.id }
}
