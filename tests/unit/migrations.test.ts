import { rmSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { listBackups } from '../../electron/core/store/backupFiles'
import { databasePath, openDatabase, type Db } from '../../electron/core/store/database'
import { userVersion } from '../../electron/core/store/migrate'
import { migrations, type Migration } from '../../electron/core/store/migrations'
import { StoreOpenError } from '../../electron/core/store/storeOpenError'
import { nonUserTables, userTables } from '../../electron/core/store/userTables'
import { makeTempDir } from '../support/tempCore'

/**
 * One case per migration: build the store at version N-1, seed it with data, migrate to N,
 * and check the data came through. A migration added without a case fails the first test.
 * To add one: append `{ version, seed, check }` below; `seed` writes at N-1 with plain SQL
 * (the app's repositories only know the latest schema), `check` reads at N.
 */
interface MigrationCase {
  version: number
  seed(db: Db): void
  check(db: Db): void
}

const at = '2026-01-02T03:04:05.000Z'
const count = (db: Db, sql: string, ...params: unknown[]): number => Number(db.prepare(sql).pluck().get(...params))

const cases: MigrationCase[] = [
  {
    version: 1,
    seed: () => {},
    check(db) {
      db.prepare('INSERT INTO item_state (item_id, status, level, updated_at) VALUES (?, ?, ?, ?)').run('skill.java', 'in-progress', 2, at)
      expect(() => db.prepare('INSERT INTO item_state (item_id, status, updated_at) VALUES (?, ?, ?)').run('skill.go', 'finished', at)).toThrow(/CHECK/)
      expect(() => db.prepare('INSERT INTO item_state (item_id, level, updated_at) VALUES (?, ?, ?)').run('skill.go', 9, at)).toThrow(/CHECK/)
      db.prepare("INSERT INTO setting (key, value) VALUES ('k', '\"v\"')").run()
      expect(count(db, 'SELECT count(*) FROM item_state_history')).toBe(0)
    },
  },
  {
    version: 2,
    seed(db) {
      db.prepare('INSERT INTO item_state (item_id, status, level, note, hidden, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run('skill.java', 'done', 4, 'since 2019', 1, at)
      db.prepare('INSERT INTO item_state_history (item_id, field, from_value, to_value, at) VALUES (?, ?, ?, ?, ?)').run('skill.java', 'status', 'not-started', 'done', at)
      db.prepare("INSERT INTO setting (key, value) VALUES ('roadmap.activePathId', '\"backend-developer\"')").run()
    },
    check(db) {
      expect(db.prepare('SELECT item_id, status, level, note, hidden, updated_at FROM item_state').all()).toEqual([
        { item_id: 'skill.java', status: 'done', level: 4, note: 'since 2019', hidden: 1, updated_at: at },
      ])
      expect(db.prepare('SELECT from_value, to_value, at FROM item_state_history').all()).toEqual([{ from_value: 'not-started', to_value: 'done', at }])
      expect(db.prepare('SELECT value FROM setting WHERE key = ?').pluck().get('roadmap.activePathId')).toBe('"backend-developer"')
      const goal = db.prepare("INSERT INTO goal (title, start_date, created_at, updated_at) VALUES ('Ship', '2026-01-01', ?, ?)").run(at, at).lastInsertRowid
      db.prepare("INSERT INTO milestone (goal_id, title, position, created_at, updated_at) VALUES (?, 'One', 0, ?, ?)").run(goal, at, at)
      expect(count(db, 'SELECT count(*) FROM milestone WHERE goal_id = ?', goal)).toBe(1)
    },
  },
  {
    version: 3,
    seed(db) {
      const goal = db.prepare("INSERT INTO goal (title, start_date, created_at, updated_at) VALUES ('Contribute', '2026-01-01', ?, ?)").run(at, at).lastInsertRowid
      db.prepare("INSERT INTO milestone (goal_id, title, position, created_at, updated_at) VALUES (?, 'First PR', 0, ?, ?)").run(goal, at, at)
      db.prepare("INSERT INTO goal_item (goal_id, item_id, position) VALUES (?, 'skill.java', 0)").run(goal)
      db.prepare("INSERT INTO custom_item (id, path_id, parent_id, kind, position, title, created_at, updated_at) VALUES ('custom.1', 'backend-developer', 'track.java', 'skill', 9, 'Kotlin', ?, ?)").run(at, at)
    },
    check(db) {
      expect(db.prepare('SELECT title FROM goal').pluck().all()).toEqual(['Contribute'])
      expect(count(db, 'SELECT count(*) FROM milestone')).toBe(1)
      expect(count(db, 'SELECT count(*) FROM goal_item')).toBe(1)
      expect(db.prepare('SELECT title FROM custom_item').pluck().all()).toEqual(['Kotlin'])
      expect(count(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'activity'")).toBe(1)
    },
  },
  {
    version: 4,
    seed(db) {
      db.prepare("INSERT INTO activity (kind, date, title, repo, state, created_at, updated_at) VALUES ('pull-request', '2026-01-02', 'Fix', 'o/r', 'merged', ?, ?)").run(at, at)
      db.prepare("INSERT INTO activity_skill (activity_id, item_id) VALUES (1, 'skill.java')").run()
    },
    check(db) {
      expect(db.prepare('SELECT title, repo, state FROM activity').all()).toEqual([{ title: 'Fix', repo: 'o/r', state: 'merged' }])
      expect(count(db, 'SELECT count(*) FROM activity_skill')).toBe(1)
      const insert = db.prepare(
        "INSERT INTO report_export (exported_at, format, template, title, file_name, period_label, period_from, period_to, time_zone, options, figures) VALUES (?, ?, 'personal-review', 'Review', 'r.pdf', '2026', ?, ?, 'UTC', '{}', '{}')",
      )
      insert.run(at, 'pdf', '2026-01-01', '2026-12-31')
      expect(() => insert.run(at, 'docx', '2026-01-01', '2026-12-31')).toThrow(/CHECK/)
      expect(() => insert.run(at, 'pdf', '2026-12-31', '2026-01-01')).toThrow(/CHECK/)
      expect(count(db, 'SELECT count(*) FROM report_export')).toBe(1)
    },
  },
  {
    version: 5,
    seed(db) {
      const add = db.prepare('INSERT INTO activity (kind, date, title, repo, state, deleted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      add.run('pull-request', '2026-01-02', 'Fix the router', 'expressjs/express', 'merged', null, at, at)
      add.run('pull-request', '2026-01-02', 'Docs for streams', 'nodejs/node', 'merged', null, at, at)
      add.run('pull-request', '2026-01-02', 'Removed express work', 'expressjs/express', 'merged', at, at, at)
      add.run('learning', '2026-01-03', 'Read about B-trees', null, null, null, at, at)
    },
    check(db) {
      // Day counts and the search index are rebuilt from the live activities only.
      expect(db.prepare('SELECT date, kind, state, n FROM activity_day ORDER BY date').all()).toEqual([
        { date: '2026-01-02', kind: 'pull-request', state: 'merged', n: 2 },
        { date: '2026-01-03', kind: 'learning', state: '', n: 1 },
      ])
      const matches = (word: string) => db.prepare('SELECT rowid & 4294967295 FROM activity_fts WHERE activity_fts MATCH ? ORDER BY rowid DESC').pluck().all(word)
      expect(matches('express')).toEqual([1])
      expect(matches('b')).toEqual([4])
      // And kept in step from here on.
      db.prepare("UPDATE activity SET deleted_at = ? WHERE id = 1").run(at)
      db.prepare("UPDATE activity SET deleted_at = NULL, title = 'Back with express' WHERE id = 3").run()
      expect(matches('express')).toEqual([3])
      expect(count(db, "SELECT n FROM activity_day WHERE date = '2026-01-02'")).toBe(2)
      db.prepare('DELETE FROM activity WHERE id = 4').run()
      expect(count(db, "SELECT count(*) FROM activity_day WHERE date = '2026-01-03'")).toBe(0)
    },
  },
  {
    version: 6,
    seed(db) {
      const add = db.prepare('INSERT INTO activity (kind, date, title, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      add.run('pull-request', '2026-01-02', 'Fix the router', 'merged', at, at)
      add.run('issue', '2026-01-03', 'Streams stall', 'open', at, at)
    },
    check(db) {
      // The day counts are untouched; a kind's total now reads its own rows of the new index.
      expect(count(db, 'SELECT sum(n) FROM activity_day')).toBe(2)
      const plan = db.prepare("EXPLAIN QUERY PLAN SELECT coalesce(sum(d.n), 0) FROM activity_day d WHERE d.kind IN ('issue') AND d.date >= '2026-01-01'").all()
      expect(JSON.stringify(plan)).toContain('activity_day_kind_date')
      db.prepare('INSERT INTO activity (kind, date, title, created_at, updated_at) VALUES (?, ?, ?, ?, ?)').run('issue', '2026-01-04', 'Another', at, at)
      expect(count(db, "SELECT sum(n) FROM activity_day WHERE kind = 'issue'")).toBe(2)
    },
  },
  {
    version: 7,
    seed(db) {
      const goal = db.prepare("INSERT INTO goal (title, start_date, target_date, manual_progress, created_at, updated_at) VALUES ('10 merged PRs in 2027', '2027-01-01', '2027-12-31', 30, ?, ?)")
      goal.run(at, at)
      db.prepare("INSERT INTO milestone (goal_id, title, position, created_at, updated_at) VALUES (1, 'First PR', 0, ?, ?)").run(at, at)
      db.prepare("INSERT INTO activity (kind, date, title, state, goal_id, created_at, updated_at) VALUES ('pull-request', '2027-02-02', 'Fix', 'merged', 1, ?, ?)").run(at, at)
    },
    check(db) {
      // Goals come through untouched and without a target: they keep counting as before.
      expect(db.prepare('SELECT title, manual_progress FROM goal').all()).toEqual([{ title: '10 merged PRs in 2027', manual_progress: 30 }])
      expect(count(db, 'SELECT count(*) FROM milestone')).toBe(1)
      expect(count(db, 'SELECT count(*) FROM activity WHERE goal_id = 1')).toBe(1)
      expect(count(db, 'SELECT count(*) FROM goal_activity_target')).toBe(0)

      const insert = db.prepare('INSERT INTO goal_activity_target (goal_id, target_count, kinds, state, from_date, to_date) VALUES (?, ?, ?, ?, ?, ?)')
      insert.run(1, 10, '["pull-request"]', 'merged', null, null)
      expect(() => insert.run(1, 5, '[]', null, null, null)).toThrow(/UNIQUE|PRIMARY KEY/)
      db.prepare('INSERT INTO goal (title, start_date, created_at, updated_at) VALUES (?, ?, ?, ?)').run('Other', '2027-01-01', at, at)
      expect(() => insert.run(2, 0, '[]', null, null, null)).toThrow(/CHECK/)
      expect(() => insert.run(2, 100_001, '[]', null, null, null)).toThrow(/CHECK/)
      expect(() => insert.run(2, 5, 'pull-request', null, null, null)).toThrow(/CHECK/)
      expect(() => insert.run(2, 5, '[]', 'draft', null, null)).toThrow(/CHECK/)
      expect(() => insert.run(2, 5, '[]', null, '2027-05-01', '2027-04-01')).toThrow(/CHECK/)
      expect(() => insert.run(99, 5, '[]', null, null, null)).toThrow(/FOREIGN KEY/)
      // A target goes with its goal.
      db.prepare('DELETE FROM goal WHERE id = 1').run()
      expect(count(db, 'SELECT count(*) FROM goal_activity_target')).toBe(0)
    },
  },
  {
    version: 8,
    seed(db) {
      db.prepare("INSERT INTO activity (kind, date, title, created_at, updated_at) VALUES ('blog-post', '2026-03-01', 'Why B-trees', ?, ?)").run(at, at)
      const add = db.prepare('INSERT INTO item_evidence (id, item_id, url, activity_id, note, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      add.run(1, 'skill.algorithms', 'https://example.com/cert', null, 'Certificate', at)
      add.run(2, 'skill.algorithms', null, 1, 'My post', at)
      // References 002 could hold without a check: to activities that are not there.
      add.run(3, 'skill.java', 'https://example.com/pr/3', 99, null, at)
      add.run(4, 'skill.java', null, 98, 'evidence of nothing', at)
    },
    check(db) {
      expect(db.prepare('SELECT id, item_id, url, activity_id, note, created_at FROM item_evidence ORDER BY id').all()).toEqual([
        { id: 1, item_id: 'skill.algorithms', url: 'https://example.com/cert', activity_id: null, note: 'Certificate', created_at: at },
        { id: 2, item_id: 'skill.algorithms', url: null, activity_id: 1, note: 'My post', created_at: at },
        { id: 3, item_id: 'skill.java', url: 'https://example.com/pr/3', activity_id: null, note: null, created_at: at },
      ])
      const insert = db.prepare('INSERT INTO item_evidence (item_id, url, activity_id, created_at) VALUES (?, ?, ?, ?)')
      expect(() => insert.run('skill.java', null, 500, at)).toThrow(/FOREIGN KEY/)
      expect(() => insert.run('skill.java', null, null, at)).toThrow(/CHECK/)
      const plan = db.prepare('EXPLAIN QUERY PLAN SELECT id FROM item_evidence WHERE item_id = ? ORDER BY created_at').all('skill.java')
      expect(JSON.stringify(plan)).toContain('item_evidence_item')
      // A removal in the bin keeps the evidence (undo brings it back); the purge takes it along.
      db.prepare('UPDATE activity SET deleted_at = ? WHERE id = 1').run(at)
      expect(count(db, 'SELECT count(*) FROM item_evidence WHERE activity_id = 1')).toBe(1)
      db.prepare('DELETE FROM activity WHERE id = 1').run()
      expect(db.prepare('SELECT id FROM item_evidence ORDER BY id').pluck().all()).toEqual([1, 3])
    },
  },
  {
    version: 9,
    seed(db) {
      const add = db.prepare('INSERT INTO goal (title, start_date, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      add.run('Shipped', '2026-01-01', 'done', at, '2026-03-04T10:00:00.000Z')
      add.run('Still going', '2026-01-01', 'active', at, '2026-03-05T10:00:00.000Z')
    },
    check(db) {
      // Done goals keep their last change as the day they were done; open ones have none.
      expect(db.prepare('SELECT title, completed_at FROM goal ORDER BY id').all()).toEqual([
        { title: 'Shipped', completed_at: '2026-03-04T10:00:00.000Z' },
        { title: 'Still going', completed_at: null },
      ])
      const setStatus = db.prepare('UPDATE goal SET status = ?, updated_at = ? WHERE id = ?')
      const completedAt = (id: number) => db.prepare('SELECT completed_at FROM goal WHERE id = ?').pluck().get(id)
      setStatus.run('done', '2026-04-01T09:00:00.000Z', 2)
      expect(completedAt(2)).toBe('2026-04-01T09:00:00.000Z')
      // Later edits of a done goal do not move the day it was done.
      db.prepare("UPDATE goal SET title = 'Still going, and done', status = 'done', updated_at = '2026-05-01T09:00:00.000Z' WHERE id = 2").run()
      expect(completedAt(2)).toBe('2026-04-01T09:00:00.000Z')
      setStatus.run('active', '2026-05-02T09:00:00.000Z', 2)
      expect(completedAt(2)).toBeNull()
      db.prepare("INSERT INTO goal (title, start_date, status, created_at, updated_at) VALUES ('Done on arrival', '2026-01-01', 'done', ?, '2026-06-01T00:00:00.000Z')").run(at)
      expect(completedAt(3)).toBe('2026-06-01T00:00:00.000Z')
    },
  },
  {
    version: 10,
    seed(db) {
      const add = db.prepare('INSERT INTO activity (kind, date, title, repo, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)')
      add.run('learning', '2026-01-02', 'Read the SQLite docs', null, at, at)
      add.run('commits', '2026-01-02', 'Commits to router', 'me/router', at, at)
    },
    check(db) {
      // An import's "is this activity already logged?" is one seek on the new index, whatever the day holds.
      const same = "SELECT * FROM activity a WHERE a.deleted_at IS NULL AND a.date = ? AND a.kind = ? AND a.title = ? AND a.repo IS ? ORDER BY a.id LIMIT 1"
      expect(JSON.stringify(db.prepare(`EXPLAIN QUERY PLAN ${same}`).all('2026-01-02', 'learning', 'x', null))).toContain('activity_same')
      expect(db.prepare(same).get('2026-01-02', 'learning', 'READ THE SQLITE DOCS', null)).toMatchObject({ title: 'Read the SQLite docs' })
      expect(db.prepare(same).get('2026-01-02', 'commits', 'Commits to router', 'ME/ROUTER')).toMatchObject({ repo: 'me/router' })
    },
  },
  {
    version: 11,
    seed(db) {
      const add = db.prepare('INSERT INTO activity (kind, date, title, notes, repo, deleted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      add.run('pull-request', '2026-01-02', 'Fix the router', 'flaky under load', 'expressjs/express', null, at, at)
      add.run('talk', '2026-01-05', 'Streams talk', null, null, at, at, at)
    },
    check(db) {
      // Every activity is kept, with no impact yet; the index still finds what it found.
      expect(db.prepare('SELECT id, title, impact FROM activity ORDER BY id').all()).toEqual([
        { id: 1, title: 'Fix the router', impact: null },
        { id: 2, title: 'Streams talk', impact: null },
      ])
      const matches = (word: string) => db.prepare('SELECT rowid & 4294967295 FROM activity_fts WHERE activity_fts MATCH ? ORDER BY rowid DESC').pluck().all(word)
      expect(matches('flaky')).toEqual([1])
      expect(matches('streams')).toEqual([])
      // An impact written from here on is searched, and a changed one forgets the old words.
      db.prepare("UPDATE activity SET impact = 'p95 latency from 800 ms to 120 ms' WHERE id = 1").run()
      expect(matches('latency')).toEqual([1])
      db.prepare("UPDATE activity SET impact = 'halved memory' WHERE id = 1").run()
      expect(matches('latency')).toEqual([])
      expect(matches('memory')).toEqual([1])
      db.prepare("UPDATE activity SET deleted_at = NULL, impact = 'a full room' WHERE id = 2").run()
      expect(matches('room')).toEqual([2])
    },
  },
  {
    version: 12,
    seed(db) {
      db.prepare("INSERT INTO goal (title, start_date, target_date, created_at, updated_at) VALUES ('Ship', '2026-01-01', '2026-03-31', ?, ?)").run(at, at)
      db.prepare("INSERT INTO setting (key, value) VALUES ('profile.person', '{\"name\":\"Ada\",\"jobTitle\":null}')").run()
    },
    check(db) {
      expect(db.prepare('SELECT title, target_date FROM goal').all()).toEqual([{ title: 'Ship', target_date: '2026-03-31' }])
      expect(count(db, 'SELECT count(*) FROM setting')).toBe(1)
      // One review per ISO week, keyed by its Monday: another day of the week is refused.
      db.prepare("INSERT INTO weekly_review (week_start, shipped, created_at, updated_at) VALUES ('2026-11-30', 'The router fix', ?, ?)").run(at, at)
      expect(() => db.prepare("INSERT INTO weekly_review (week_start, created_at, updated_at) VALUES ('2026-12-02', ?, ?)").run(at, at)).toThrow(/CHECK/)
      expect(() => db.prepare("INSERT INTO weekly_review (week_start, created_at, updated_at) VALUES ('2026-11-30', ?, ?)").run(at, at)).toThrow(/UNIQUE|PRIMARY/)
      expect(db.prepare('SELECT learned, next FROM weekly_review').get()).toEqual({ learned: '', next: '' })
      const fire = db.prepare("INSERT OR IGNORE INTO reminder_fired (key, title, body, target, fired_at) VALUES ('goal:1:2026-03-31:on-day', 'Due today: Ship', '', '{}', ?)")
      expect(fire.run(at).changes).toBe(1)
      expect(fire.run(at).changes).toBe(0)
    },
  },
  {
    version: 13,
    seed(db) {
      const add = db.prepare('INSERT INTO activity (kind, date, title, url, repo, state, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      add.run('pull-request', '2026-01-02', 'Linked only', 'https://github.com/expressjs/express/pull/9', null, 'merged', at, at)
      add.run('pull-request', '2026-01-03', 'Own repository kept', 'https://github.com/expressjs/express/pull/10', 'me/fork', 'merged', at, at)
      add.run('issue', '2026-01-04', 'GitLab issue', 'https://gitlab.com/group/sub/project/-/issues/4', '  ', null, at, at)
      add.run('blog-post', '2026-01-05', 'Not a forge', 'https://blog.example.org/post', null, null, at, at)
    },
    check(db) {
      // A forge link fills an empty repository by the rule logging uses; a named one stays; the person's edit time stays.
      expect(db.prepare('SELECT title, repo, updated_at FROM activity ORDER BY id').all()).toEqual([
        { title: 'Linked only', repo: 'expressjs/express', updated_at: at },
        { title: 'Own repository kept', repo: 'me/fork', updated_at: at },
        { title: 'GitLab issue', repo: 'group/sub/project', updated_at: at },
        { title: 'Not a forge', repo: null, updated_at: at },
      ])
      // Nothing is starred yet, and a star is 0 or 1.
      expect(db.prepare('SELECT DISTINCT starred FROM activity').pluck().all()).toEqual([0])
      expect(() => db.prepare('UPDATE activity SET starred = 2 WHERE id = 1').run()).toThrow(/CHECK/)
      // The search index follows the filled repository.
      expect(db.prepare("SELECT rowid & 4294967295 FROM activity_fts WHERE activity_fts MATCH 'repo:express' ORDER BY rowid").pluck().all()).toEqual([1])
    },
  },
  {
    version: 14,
    seed(db) {
      const add = db.prepare('INSERT INTO activity (kind, date, title, notes, repo, source, external_key, impact, deleted_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      add.run('pull-request', '2026-01-02', 'Fix the router', 'flaky under load', 'expressjs/express', 'github', 'github:pr:expressjs/express#1', 'cut p95', null, at, at)
      add.run('talk', '2026-01-05', 'Streams talk', null, null, 'manual', null, null, at, at, at)
      add.run('learning', '2026-01-06', 'Read the SQLite docs', null, null, 'csv', null, null, null, at, at)
      db.prepare('UPDATE activity SET starred = 1 WHERE id = 1').run()
      db.prepare("INSERT INTO activity_skill (activity_id, item_id) VALUES (1, 'skill.nodejs'), (3, 'skill.sql')").run()
      db.prepare("INSERT INTO item_evidence (id, item_id, url, activity_id, note, created_at) VALUES (1, 'skill.nodejs', NULL, 1, 'my PR', ?), (2, 'skill.sql', 'https://example.com/x', NULL, NULL, ?)").run(at, at)
    },
    check(db) {
      // Every row, its skills and its evidence come through with their ids; counts and search too.
      expect(db.prepare('SELECT id FROM activity WHERE starred = 1').pluck().all()).toEqual([1])
      expect(db.prepare('SELECT id, title, source, external_key, impact, deleted_at FROM activity ORDER BY id').all()).toEqual([
        { id: 1, title: 'Fix the router', source: 'github', external_key: 'github:pr:expressjs/express#1', impact: 'cut p95', deleted_at: null },
        { id: 2, title: 'Streams talk', source: 'manual', external_key: null, impact: null, deleted_at: at },
        { id: 3, title: 'Read the SQLite docs', source: 'csv', external_key: null, impact: null, deleted_at: null },
      ])
      expect(db.prepare('SELECT activity_id, item_id FROM activity_skill ORDER BY activity_id').all()).toEqual([
        { activity_id: 1, item_id: 'skill.nodejs' },
        { activity_id: 3, item_id: 'skill.sql' },
      ])
      expect(db.prepare('SELECT id, activity_id FROM item_evidence ORDER BY id').all()).toEqual([{ id: 1, activity_id: 1 }, { id: 2, activity_id: null }])
      expect(count(db, 'SELECT sum(n) FROM activity_day')).toBe(2)
      const matches = (word: string) => db.prepare('SELECT rowid & 4294967295 FROM activity_fts WHERE activity_fts MATCH ? ORDER BY rowid DESC').pluck().all(word)
      expect(matches('flaky')).toEqual([1])
      expect(matches('sqlite')).toEqual([3])
      // The new sources are taken; a source that is not a lower-case name is not.
      const insert = db.prepare("INSERT INTO activity (kind, date, title, source, created_at, updated_at) VALUES ('blog-post', '2026-02-01', ?, ?, ?, ?)")
      for (const source of ['stackexchange', 'feed', 'badge', 'calendar', 'gitlab']) insert.run(`Post from ${source}`, source, at, at)
      expect(() => insert.run('Bad', 'Feed!', at, at)).toThrow(/CHECK/)
      expect(() => insert.run('Bad', '', at, at)).toThrow(/CHECK/)
      // The triggers are back: a new row is counted and searched, a purge still cascades.
      expect(count(db, 'SELECT sum(n) FROM activity_day')).toBe(7)
      expect(matches('gitlab')).toHaveLength(1)
      db.prepare("UPDATE activity SET title = 'Fixed the router' WHERE id = 1").run()
      expect(matches('fixed')).toEqual([1])
      db.prepare('DELETE FROM activity WHERE id = 1').run()
      expect(count(db, 'SELECT count(*) FROM activity_skill WHERE activity_id = 1')).toBe(0)
      expect(count(db, 'SELECT count(*) FROM item_evidence')).toBe(1)
      expect(matches('fixed')).toEqual([])
      expect(db.pragma('foreign_key_check')).toEqual([])
      expect(JSON.stringify(db.prepare('EXPLAIN QUERY PLAN SELECT id FROM activity WHERE deleted_at IS NULL AND kind = ? ORDER BY date, id').all('talk'))).toContain('activity_kind_date')
    },
  },
  {
    version: 15,
    seed(db) {
      db.prepare("INSERT INTO goal (title, start_date, created_at, updated_at) VALUES ('Ship', '2026-01-01', ?, ?)").run(at, at)
    },
    check(db) {
      // Sync's bookkeeping starts empty and installs no trigger: a store that never syncs writes as before.
      expect(db.prepare('SELECT title FROM goal').pluck().all()).toEqual(['Ship'])
      for (const table of ['sync_state', 'sync_doc', 'sync_chunk', 'sync_key', 'sync_outbox', 'sync_seen', 'sync_notice', 'sync_device']) {
        expect(count(db, `SELECT count(*) FROM ${table}`)).toBe(0)
      }
      expect(count(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'sync_%'")).toBe(0)
      expect(() => db.prepare("INSERT INTO sync_state (id, device_id, device_name, folder, folder_key, enabled_at) VALUES (2, 'd', 'n', '/f', x'00', ?)").run(at)).toThrow(/CHECK/)
    },
  },
  {
    version: 16,
    seed(db) {
      db.prepare("INSERT INTO sync_state (id, device_id, device_name, folder, folder_key, enabled_at) VALUES (1, 'd', 'laptop', '/sync', x'00', ?)").run(at)
    },
    check(db) {
      // A device that synced before owes no reconciliation; only the two reasons are accepted.
      expect(db.prepare('SELECT device_name, reconcile FROM sync_state').all()).toEqual([{ device_name: 'laptop', reconcile: null }])
      db.prepare("UPDATE sync_state SET reconcile = 'replaced'").run()
      expect(() => db.prepare("UPDATE sync_state SET reconcile = 'later'").run()).toThrow(/CHECK/)
    },
  },
  {
    version: 17,
    seed(db) {
      db.prepare("INSERT INTO goal (title, start_date, created_at, updated_at) VALUES ('Ship', '2026-01-01', ?, ?)").run(at, at)
    },
    check(db) {
      // No server is configured by the migration: nothing is contacted until the person sets one.
      expect(db.prepare('SELECT title FROM goal').pluck().all()).toEqual(['Ship'])
      expect(count(db, 'SELECT count(*) FROM sync_server')).toBe(0)
      expect(() => db.prepare("INSERT INTO sync_server (id, url, room_secret, saved_at) VALUES (2, 'ws://h', 's', ?)").run(at)).toThrow(/CHECK/)
    },
  },
]

let cleanups: (() => void)[] = []
afterEach(() => {
  cleanups.forEach((c) => c())
  cleanups = []
})
const tempDir = () => {
  const dir = makeTempDir()
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}
const pragmaRows = (db: Db, pragma: string) => db.pragma(pragma)

describe('migrations', () => {
  it('are numbered 1, 2, 3... and each has a case here', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1))
    for (const migration of migrations) {
      expect(cases.find((c) => c.version === migration.version), `Migration ${migration.version} has no case in tests/unit/migrations.test.ts`).toBeDefined()
    }
  })

  describe.each(cases.filter((c) => migrations.some((m) => m.version === c.version)))('to version $version', (testCase) => {
    it('keeps the data of the version before, backs it up first, and leaves a sound store', async () => {
      const dataDir = tempDir()
      const file = databasePath(dataDir)
      const index = migrations.findIndex((m) => m.version === testCase.version)
      const before = await openDatabase(file, { migrations: migrations.slice(0, index) })
      expect(userVersion(before)).toBe(testCase.version - 1)
      testCase.seed(before)
      before.close()

      const after = await openDatabase(file, { migrations: migrations.slice(0, index + 1) })
      cleanups.unshift(() => after.close())
      expect(userVersion(after)).toBe(testCase.version)
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(pragmaRows(after, 'foreign_key_check')).toEqual([])
      if (testCase.version > 1) {
        expect(listBackups(dataDir).map((b) => b.name)).toEqual([expect.stringMatching(new RegExp(`^before-migration-v${testCase.version - 1}-`))])
      }
      testCase.check(after)
    })
  })

  it('apply with their version bump or not at all', async () => {
    const dataDir = tempDir()
    const file = databasePath(dataDir)
    const db = await openDatabase(file)
    db.prepare("INSERT INTO setting (key, value) VALUES ('kept', '1')").run()
    db.close()
    const latest = migrations.at(-1)?.version ?? 0
    const broken: Migration = { version: latest + 1, name: 'fails halfway', sql: 'CREATE TABLE half (x INTEGER); INSERT INTO nowhere VALUES (1);' }
    await expect(openDatabase(file, { migrations: [...migrations, broken] })).rejects.toThrow(/no such table: nowhere/)
    const reopened = await openDatabase(file)
    expect(userVersion(reopened)).toBe(latest)
    expect(count(reopened, "SELECT count(*) FROM sqlite_schema WHERE name = 'half'")).toBe(0)
    expect(reopened.prepare("SELECT value FROM setting WHERE key = 'kept'").pluck().get()).toBe('1')
    reopened.close()
  })

  it('never run down: a store from a newer app refuses to open', async () => {
    const dataDir = tempDir()
    const file = databasePath(dataDir)
    const db = await openDatabase(file)
    db.pragma(`user_version = ${(migrations.at(-1)?.version ?? 0) + 5}`)
    db.close()
    const error = await openDatabase(file).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(StoreOpenError)
    expect(error instanceof StoreOpenError && error.code).toBe('newer-version')
    expect(listBackups(dataDir)).toEqual([])
  })

  it('create only tables classified as user data or not, so exports never miss one', async () => {
    const dataDir = tempDir()
    const db = await openDatabase(databasePath(dataDir))
    cleanups.unshift(() => db.close())
    const tables = userFacingTables(db)
    const classified = new Set([...userTables.map((t) => t.name), ...nonUserTables])
    expect(tables.filter((t) => !classified.has(t)), 'Add these to userTables or nonUserTables in electron/core/store/userTables.ts').toEqual([])
    const latest = userVersion(db)
    expect(userTables.filter((t) => t.since <= latest && !tables.includes(t.name)).map((t) => t.name)).toEqual([])
  })
})

/** Tables that hold rows: no views, no SQLite internals, no FTS shadow tables (they belong to their virtual table). */
function userFacingTables(db: Db): string[] {
  return db
    .prepare("SELECT name, type FROM pragma_table_list WHERE schema = 'main'")
    .all()
    .flatMap((row) => (typeof row === 'object' && row !== null && 'name' in row && 'type' in row && typeof row.name === 'string' && (row.type === 'table' || row.type === 'virtual') ? [row.name] : []))
    .filter((name) => !name.startsWith('sqlite_'))
}
