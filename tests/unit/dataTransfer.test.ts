import { rmSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { maxImportLength } from '@shared/contract/data'
import { listBackups } from '../../electron/core/store/backupFiles'
import { buildExport } from '../../electron/core/dataTransfer/exportAll'
import { databasePath, openDatabase } from '../../electron/core/store/database'
import { migrations } from '../../electron/core/store/migrations'
import { userTablesAt } from '../../electron/core/store/userTables'
import { apiOf, must, refused } from '../support/api'
import { snapshotStore } from '../support/storeSnapshot'
import { makeTempDir, openTempCore } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

type TempCore = Awaited<ReturnType<typeof openTempCore>>
const { open, defer } = useTempCores()

const documentShape = z.object({
  format: z.string(),
  schemaVersion: z.number(),
  exportedAt: z.string(),
  data: z.record(z.string(), z.array(z.record(z.string(), z.union([z.string(), z.number(), z.null()])))),
})
const parseDocument = (json: string) => documentShape.parse(JSON.parse(json))

/** Something in every user table, written the way the app writes it. */
async function seedEverything(core: TempCore): Promise<void> {
  const api = apiOf(core)
  await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'in-progress' }))
  await must(api.roadmap.setStatus({ itemId: 'skill.algorithms', status: 'done' }))
  await must(api.roadmap.setLevel({ itemId: 'skill.algorithms', level: 3 }))
  await must(api.roadmap.setNote({ itemId: 'skill.data-structures', note: 'Ünïcödé, "quotes", \\ and a\nnewline 🚀' }))
  await must(api.roadmap.setHidden({ itemId: 'skill.java', hidden: true }))
  await must(api.roadmap.addEvidence({ itemId: 'skill.algorithms', url: 'https://github.com/o/r/pull/1', note: 'merged' }))
  await must(api.roadmap.chooseTracks({ trackIds: ['track.java'] }))
  const first = await must(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: 'Kotlin' }))
  const second = await must(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: 'Gradle', description: 'Builds' }))
  await must(api.roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: 'Maven' }))
  // The newest custom item removed: the next one must still not reuse its number.
  await must(api.roadmap.removeCustomItem({ itemId: second.id }))
  await must(api.roadmap.setStatus({ itemId: first.id, status: 'in-progress' }))
  const goal = await must(
    api.goals.create({ title: 'Ship a Spring service', targetDate: '2027-01-31', itemIds: ['skill.algorithms'], milestones: [{ title: 'Design' }, { title: 'Build', dueDate: '2026-12-01' }] }),
  )
  const milestone = goal.milestones[0]
  if (milestone) await must(api.goals.toggleMilestone({ milestoneId: milestone.id }))
  if (core.channels.includes('activities.create')) {
    const made = await core.dispatch('activities.create', { kind: 'pull-request', date: '2026-05-01', title: 'Fix a race', repo: 'o/r', impact: 'Cut p95 latency from 800 ms to 120 ms', skillIds: ['skill.algorithms'], goalId: goal.id })
    if (!made.ok) throw new Error(made.error.message)
    // Evidence that is an activity: item_evidence.activity_id must come back pointing at the same row.
    const race = z.object({ id: z.number() }).parse(made.value)
    await must(api.roadmap.addEvidence({ itemId: 'skill.algorithms', activityId: race.id, note: 'the fix' }))
  }
  if (core.channels.includes('activities.create')) {
    // A goal counting activities: its target is a row of goal_activity_target.
    await must(
      api.goals.create({
        title: '10 merged PRs in 2026',
        startDate: '2026-01-01',
        targetDate: '2026-12-31',
        activityTarget: { count: 10, kinds: ['pull-request'], state: 'merged', repo: 'o/r', skillId: 'skill.algorithms', from: '2026-02-01', to: null },
      }),
    )
    await must(api.activities.create({ kind: 'pull-request', date: '2026-04-01', title: 'Merged fix', repo: 'o/r', state: 'merged', skillIds: ['skill.algorithms'] }))
  }
  if (core.channels.includes('reviews.save')) {
    await must(api.reviews.save({ weekStart: '2020-01-06', shipped: '- Fix a race', learned: 'Ünïcödé\nlines', next: 'Streams' }))
    // A reminder handed out: the weekly review, set for whatever day the core's clock reads (from 00:00).
    const weekday = z.literal([0, 1, 2, 3, 4, 5, 6]).parse(new Date(goal.createdAt).getUTCDay())
    await must(api.reminders.saveSettings({ dueDates: true, weeklyReview: { enabled: true, weekday, time: '00:00' } }))
    expect(await must(api.reminders.take({ timeZone: 'UTC' }))).toHaveLength(1)
  }
  if (core.channels.includes('reports.render')) {
    const recorded = await core.dispatch('reports.render', { options: { period: { preset: 'this-year' }, timeZone: 'UTC' }, format: 'markdown', record: true })
    expect(recorded.ok).toBe(true)
  }
}

describe('export and import of all user data', () => {
  it('round-trips exactly, every user table included', async () => {
    const source = await open({ now: () => new Date('2026-05-05T12:00:00Z') })
    await seedEverything(source)
    const exported = await must(apiOf(source).data.exportAll({}))
    expect(exported.fileName).toBe('pathfinder-export-2026-05-05.json')
    const document = parseDocument(exported.json)
    expect(document).toMatchObject({ format: 'pathfinder-export', schemaVersion: migrations.at(-1)?.version, exportedAt: '2026-05-05T12:00:00.000Z' })
    const tables = userTablesAt(document.schemaVersion).map((t) => t.name)
    for (const table of tables) expect(document.data[table]?.length, `the seed leaves "${table}" empty: add a row for it to seedEverything`).toBeGreaterThan(0)
    expect(exported.counts).toEqual(Object.fromEntries(tables.map((t) => [t, document.data[t]?.length])))

    const target = await open({ now: () => new Date('2026-05-06T12:00:00Z') })
    await must(apiOf(target).roadmap.setStatus({ itemId: 'skill.java', status: 'skipped' }))
    const result = await must(apiOf(target).data.importAll({ json: exported.json }))
    expect(result.counts).toEqual(exported.counts)
    expect(result.safetyBackup.reason).toBe('before-import')

    const again = await must(apiOf(target).data.exportAll(undefined))
    expect({ ...parseDocument(again.json), exportedAt: 'x' }).toEqual({ ...document, exportedAt: 'x' })
    expect(await must(apiOf(target).roadmap.get({}))).toEqual(await must(apiOf(source).roadmap.get({})))
    const evidence = async (core: TempCore) => (await must(apiOf(core).roadmap.item({ itemId: 'skill.algorithms' }))).evidence
    expect(await evidence(target)).toEqual(await evidence(source))
    expect((await evidence(target)).map((e) => e.activity?.title ?? e.url)).toEqual(['Fix a race', 'https://github.com/o/r/pull/1'])
    // Why it mattered comes across, and the rebuilt search index finds it.
    const byImpact = await must(apiOf(target).activities.list({ search: 'latency' }))
    expect(byImpact.rows.map((r) => [r.title, r.impact])).toEqual([['Fix a race', 'Cut p95 latency from 800 ms to 120 ms']])
    const goals = await must(apiOf(target).goals.list({ archived: 'include' }))
    expect(goals).toEqual(await must(apiOf(source).goals.list({ archived: 'include' })))
    expect(goals.find((g) => g.activityTarget !== null)).toMatchObject({
      activityTarget: { count: 10, kinds: ['pull-request'], state: 'merged', repo: 'o/r', skillId: 'skill.algorithms', from: '2026-02-01', to: null },
      activityCount: 1,
      progress: 0.1,
    })
    // AUTOINCREMENT's high-water mark came along: a new custom item gets a fresh number in both.
    const next = async (core: TempCore) => (await must(apiOf(core).roadmap.addCustomItem({ parentId: 'track.java', kind: 'skill', title: 'Next' }))).id
    expect(await next(target)).toBe(await next(source))
  })

  it('takes a backup first, so an import can be undone', async () => {
    const core = await open()
    const api = apiOf(core)
    await must(api.roadmap.setStatus({ itemId: 'skill.java', status: 'done' }))
    const empty = await open()
    const blank = await must(apiOf(empty).data.exportAll({}))
    const { safetyBackup } = await must(api.data.importAll({ json: blank.json }))
    expect((await must(api.roadmap.history({ itemId: 'skill.java' }))).length).toBe(0)
    await must(api.backups.restore({ name: safetyBackup.name }))
    expect((await must(api.roadmap.history({ itemId: 'skill.java' }))).map((h) => h.to)).toEqual(['done'])
  })

  it('brings an export from an older format up to date through the migrations', async () => {
    const dataDir = makeTempDir()
    defer(() => rmSync(dataDir, { recursive: true, force: true }))
    const v1 = await openDatabase(databasePath(dataDir), { migrations: migrations.slice(0, 1) })
    v1.prepare("INSERT INTO item_state (item_id, status, level, updated_at) VALUES ('skill.java', 'done', 4, '2026-01-01T00:00:00.000Z')").run()
    v1.prepare("INSERT INTO item_state_history (item_id, field, from_value, to_value, at) VALUES ('skill.java', 'status', 'not-started', 'done', '2026-01-01T00:00:00.000Z')").run()
    const oldExport = JSON.stringify(buildExport(v1, new Date('2026-01-02T00:00:00Z')))
    v1.close()
    expect(parseDocument(oldExport).schemaVersion).toBe(1)

    const core = await open()
    await must(apiOf(core).data.importAll({ json: oldExport }))
    const java = (await must(apiOf(core).roadmap.get({}))).items.find((i) => i.id === 'skill.java')
    expect(java).toMatchObject({ status: 'done', level: 4 })
  })
})

describe('an import that is refused', () => {
  const latest = migrations.at(-1)?.version ?? 0
  let valid = ''
  const edit = (change: (doc: ReturnType<typeof parseDocument>) => void): string => {
    const doc = parseDocument(valid)
    change(doc)
    return JSON.stringify(doc)
  }
  const firstRow = (doc: ReturnType<typeof parseDocument>, table: string) => {
    const row = doc.data[table]?.[0]
    if (!row) throw new Error(`no ${table} row`)
    return row
  }

  const cases: { name: string; json: () => string; message: RegExp }[] = [
    { name: 'not JSON', json: () => 'Dear diary, today I learned Rust.', message: /^The file is not complete JSON \(.+\); it may have been cut short or is not an export\. Nothing was imported\.$/ },
    { name: 'truncated', json: () => valid.slice(0, Math.floor(valid.length * 0.6)), message: /not complete JSON.*cut short/ },
    { name: 'another JSON file', json: () => '{"name": "my-package", "version": "1.0.0"}', message: /^This is not a Pathfinder export file/ },
    { name: 'a bare array', json: () => '[1, 2, 3]', message: /not a Pathfinder export file/ },
    { name: 'from the future', json: () => edit((d) => (d.schemaVersion = latest + 1)), message: new RegExp(`newer version of Pathfinder \\(format ${latest + 1}; this app reads up to ${latest}\\)`) },
    { name: 'without a version', json: () => valid.replace(/"schemaVersion":\s*\d+/, '"schemaVersion": "two"'), message: /does not say which format version/ },
    { name: 'a wrong type in a cell', json: () => valid.replace(/"status":\s*"[a-z-]+"/, '"status": true'), message: /data\.item_state\[0\]\.status: Expected text, a number or null/ },
    { name: 'a number where text belongs', json: () => edit((d) => (firstRow(d, 'goal').title = 42)), message: /Row 1 of "goal": "title" must be text\./ },
    { name: 'a fraction for a whole number', json: () => edit((d) => (firstRow(d, 'goal').manual_progress = 2.5)), message: /Row 1 of "goal": "manual_progress" must be a whole number\./ },
    { name: 'a value the schema forbids', json: () => edit((d) => (firstRow(d, 'item_state').status = 'finished')), message: /Row 1 of "item_state" cannot be imported: a value is not one Pathfinder allows \(status IN/ },
    { name: 'a duplicate key', json: () => edit((d) => d.data.item_state?.push({ ...firstRow(d, 'item_state') })), message: /of "item_state" cannot be imported: it repeats one already there \(item_state\.item_id\)/ },
    { name: 'a broken link', json: () => edit((d) => (firstRow(d, 'milestone').goal_id = 999)), message: /In "milestone", the row with id \d+ points at a "goal" that is not in the file/ },
    {
      name: 'evidence of an activity not in the file',
      json: () => edit((d) => d.data.item_evidence?.filter((e) => e.activity_id !== null).forEach((e) => (e.activity_id = 999))),
      message: /In "item_evidence", the row with id \d+ points at a "activity" that is not in the file/,
    },
    { name: 'an unknown table', json: () => edit((d) => (d.data.hackers = [])), message: /a table "hackers" that format \d+ does not have/ },
    { name: 'a missing table', json: () => edit((d) => delete d.data.setting), message: /has no "setting" table; it may be incomplete/ },
    { name: 'an unknown field', json: () => edit((d) => (firstRow(d, 'goal').owner = 'mallory')), message: /Row 1 of "goal" has a field "owner" that table does not have/ },
    { name: 'a __proto__ key', json: () => valid.replace('"data": {', '"data": {"__proto__": {"polluted": true},'), message: /a field named "__proto__" at data, which no export has/ },
    { name: 'a constructor key in a row', json: () => valid.replace(/("item_state": \[\s*\{)/, '$1"constructor": {"prototype": {"polluted": 1}},'), message: /a field named "constructor" at data\.item_state\[0\]/ },
    { name: 'a huge string', json: () => edit((d) => (firstRow(d, 'goal').description = 'x'.repeat(1_000_001))), message: /data\.goal\[0\]\.description: Text longer than 1,000,000 characters/ },
    { name: 'an infinite number', json: () => valid.replace(/"level":\s*\d+/, '"level": 1e999'), message: /data\.item_state\[\d+\]\.level: Expected text, a number or null/ },
    { name: 'deep nesting', json: () => valid.replace(/"note":\s*"merged"/, `"note": ${'['.repeat(5000)}${']'.repeat(5000)}`), message: /nested deeper than an export ever is/ },
    // Rows SQLite would take but the app cannot read: each once broke screens until a backup was restored.
    { name: 'a setting that is not JSON', json: () => edit((d) => (firstRow(d, 'setting').value = 'not json')), message: /Row 1 of "setting", "value": Must be JSON text, as the app writes it\./ },
    {
      name: 'a milestone due on no day',
      json: () => edit((d) => d.data.milestone?.filter((m) => m.due_date !== null).forEach((m) => (m.due_date = 'zzz'))),
      message: /Row \d+ of "milestone", "due_date": Use a date like 2027-03-31\./,
    },
    { name: 'an activity on the 39th of the 19th month', json: () => edit((d) => (firstRow(d, 'activity').date = '2026-19-39')), message: /Row 1 of "activity", "date": Use a date like 2027-03-31\./ },
    { name: 'a goal starting on no date', json: () => edit((d) => (firstRow(d, 'goal').start_date = 'not-a-date')), message: /Row 1 of "goal", "start_date": Use a date like 2027-03-31\./ },
    { name: 'an impact on two lines', json: () => edit((d) => (firstRow(d, 'activity').impact = 'one\ntwo')), message: /Row 1 of "activity", "impact": The impact fits on one line\./ },
    { name: 'a note longer than the form allows', json: () => edit((d) => (firstRow(d, 'activity').notes = 'x'.repeat(1_000_000))), message: /Row 1 of "activity", "notes": Keep this under 20,000 characters\./ },
    {
      name: 'a roadmap note longer than the form allows',
      json: () => edit((d) => d.data.item_state?.filter((r) => r.note !== null).forEach((r) => (r.note = 'x'.repeat(20_001)))),
      message: /of "item_state", "note": Keep this under 20,000 characters\./,
    },
    // The forms' 50-year rule: a year typed 2999 for 2029 would stretch the timeline over ten centuries.
    {
      name: 'a goal targeted for the year 2999',
      json: () => edit((d) => (firstRow(d, 'goal').target_date = '2999-01-31')),
      message: /^Row 1 of "goal", "target_date" \(2999-01-31\): A target date must be within 50 years of the start date \(\d{4}-\d{2}-\d{2}\)\. Nothing was imported\.$/,
    },
    {
      name: 'a milestone due in the year 2999',
      json: () => edit((d) => d.data.milestone?.filter((m) => m.due_date !== null).forEach((m) => (m.due_date = '2999-12-01'))),
      message: /^Row \d+ of "milestone", "due_date" \(2999-12-01\): A milestone must be due within 50 years of the goal's start date \(\d{4}-\d{2}-\d{2}\)\. Nothing was imported\.$/,
    },
    { name: 'a timestamp that is not one', json: () => edit((d) => (firstRow(d, 'goal').created_at = 'yesterday')), message: /Row 1 of "goal", "created_at": Use a UTC time like/ },
    { name: 'a goal target counting no known kind', json: () => edit((d) => (firstRow(d, 'goal_activity_target').kinds = '["gardening"]')), message: /"goal_activity_target", "kinds": Must be a JSON list of activity kinds\./ },
    {
      name: '190,000 settings nothing reads',
      json: () => edit((d) => (d.data.setting = [...(d.data.setting ?? []), ...Array.from({ length: 190_000 }, (_, i) => ({ key: `junk.${i}`, value: '1' }))])),
      message: /Row \d+ of "setting", "key": Is not a setting this app has\./,
    },
    { name: 'an unknown top-level key', json: () => edit((d) => Object.assign(d, { comment: 'hi' })), message: /the file: Unrecognized key: "comment"/ },
  ]

  it.each(cases)('$name: names what is wrong and changes nothing', async ({ json, message }) => {
    const source = await open()
    await seedEverything(source)
    valid = (await must(apiOf(source).data.exportAll({}))).json
    const core = await open()
    await must(apiOf(core).roadmap.setStatus({ itemId: 'skill.java', status: 'done' }))
    const before = snapshotStore(core.db)
    const backupsBefore = listBackups(core.dataDir)
    const error = await refused(apiOf(core).data.importAll({ json: json() }))
    expect(error.code).toBe('invalid-input')
    expect(error.message).toMatch(message)
    expect(error.message).toMatch(/Nothing was imported\.$/)
    expect(snapshotStore(core.db)).toBe(before)
    expect(listBackups(core.dataDir)).toEqual(backupsBefore)
    expect(Object.prototype).not.toHaveProperty('polluted')
  })

  it('refuses a file over the size limit at the contract', async () => {
    const core = await open()
    const error = await refused(apiOf(core).data.importAll({ json: ' '.repeat(maxImportLength + 1) }))
    expect(error).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('That file is too large to send as text (over 50 MB); import it as a file.') })
  })
})
