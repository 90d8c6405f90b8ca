import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { databasePath, openDatabase } from '../../electron/core/store/database'
import { roadmap } from '../../electron/core/store/migrations/001_roadmap'
import { apiOf, must } from '../support/api'
import { makeTempDir, openTempCore } from '../support/tempCore'
import { useTempCores } from '../support/useTempCores'

const { defer } = useTempCores()

describe('migration 002', () => {
  it('upgrades a version 1 store, keeping statuses and history, after a backup', async () => {
    const dataDir = makeTempDir()
    const v1 = await openDatabase(databasePath(dataDir), { migrations: [roadmap] })
    v1.prepare("INSERT INTO item_state (item_id, status, level, updated_at) VALUES ('skill.java', 'done', 4, '2026-01-01T00:00:00.000Z')").run()
    v1.prepare("INSERT INTO item_state_history (item_id, field, from_value, to_value, at) VALUES ('skill.java', 'status', 'not-started', 'done', '2026-01-01T00:00:00.000Z')").run()
    v1.close()

    const core = await openTempCore({ dataDir })
    defer(core.dispose)
    const api = apiOf(core)
    expect(Number(core.db.pragma('user_version', { simple: true }))).toBeGreaterThanOrEqual(2)
    expect(existsSync(join(dataDir, 'backups')) && readdirSync(join(dataDir, 'backups')).some((f) => f.startsWith('before-migration-v1'))).toBe(true)
    const java = (await must(api.roadmap.get(undefined))).items.find((i) => i.id === 'skill.java')
    expect(java).toMatchObject({ status: 'done', level: 4, statusChangedAt: '2026-01-01T00:00:00.000Z', custom: false, note: null })
    expect(await must(api.goals.list(undefined))).toEqual([])
  })

  it('enforces its rules in the store too, not only at the contract', async () => {
    const core = await openTempCore()
    defer(core.dispose)
    const insert = core.db.prepare(
      "INSERT INTO goal (title, start_date, target_date, created_at, updated_at) VALUES ('x', ?, ?, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
    )
    expect(() => insert.run('2026-02-01', '2026-01-01')).toThrow(/CHECK/)
    const goalId = Number(insert.run('2026-01-01', null).lastInsertRowid)
    core.db.prepare("INSERT INTO milestone (goal_id, title, position, created_at, updated_at) VALUES (?, 'm', 0, 'x', 'x')").run(goalId)
    core.db.prepare("INSERT INTO goal_item (goal_id, item_id, position) VALUES (?, 'skill.java', 0)").run(goalId)
    core.db.prepare('DELETE FROM goal WHERE id = ?').run(goalId)
    expect(core.db.prepare('SELECT count(*) AS n FROM milestone').get()).toEqual({ n: 0 })
    expect(core.db.prepare('SELECT count(*) AS n FROM goal_item').get()).toEqual({ n: 0 })
  })
})
