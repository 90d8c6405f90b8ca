import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { refusalInWords } from '../../electron/core/store/refusalInWords'

describe('a row SQLite refuses, said in words', () => {
  const db = new Database(':memory:')
  db.pragma('foreign_keys = ON')
  db.exec(`
    CREATE TABLE goal (id INTEGER PRIMARY KEY, title TEXT NOT NULL, status TEXT NOT NULL CHECK (status IN ('active', 'done')));
    CREATE TABLE milestone (id INTEGER PRIMARY KEY, goal_id INTEGER NOT NULL REFERENCES goal (id), title TEXT NOT NULL, UNIQUE (goal_id, title));
    CREATE TRIGGER no_empty BEFORE INSERT ON milestone WHEN NEW.title = '' BEGIN SELECT RAISE(ABORT, 'A milestone needs a title'); END;
    INSERT INTO goal VALUES (1, 'Learn Spring', 'active');
    INSERT INTO milestone VALUES (1, 1, 'Read the guide');
  `)
  afterEach(() => db.exec('DELETE FROM milestone WHERE id > 1; DELETE FROM goal WHERE id > 1'))

  const refusal = (sql: string): string => {
    try {
      db.exec(sql)
    } catch (error) {
      return refusalInWords(error)
    }
    throw new Error(`SQLite took ${sql}`)
  }

  it('leads with what went wrong, then names the columns', () => {
    expect(refusal("INSERT INTO goal VALUES (2, 'x', 'finished')")).toBe("a value is not one Pathfinder allows (status IN ('active', 'done'))")
    expect(refusal("INSERT INTO milestone VALUES (2, 1, 'Read the guide')")).toBe('it repeats one already there (milestone.goal_id, milestone.title)')
    expect(refusal("INSERT INTO goal VALUES (1, 'again', 'done')")).toBe('it repeats one already there (goal.id)')
    expect(refusal("INSERT INTO milestone VALUES (3, 99, 'Orphan')")).toBe('what it belongs to is not there')
    expect(refusal("INSERT INTO goal VALUES (3, NULL, 'done')")).toBe('a value it needs is missing (goal.title)')
  })

  it("passes the app's own refusals, and anything that is not SQLite's, unchanged", () => {
    expect(refusal("INSERT INTO milestone VALUES (4, 1, '')")).toBe('A milestone needs a title')
    expect(refusalInWords(new Error('disk I/O error'))).toBe('disk I/O error')
    expect(refusalInWords('plain text')).toBe('plain text')
  })
})
