import type { Migration } from './types'

/**
 * When a goal was marked done, kept apart from updated_at: a done goal whose description is
 * edited later was still done on its day, and a report on that period must say so. Triggers
 * keep it whatever writes the status (a form, an import, a restore): set on the change to
 * done, cleared on the change away from it. Goals done before this version get their last
 * change, the best the store knew until now.
 */
export const goalCompletedAt: Migration = {
  version: 9,
  name: 'goal completed_at',
  sql: /* sql */ `
    ALTER TABLE goal ADD COLUMN completed_at TEXT;
    UPDATE goal SET completed_at = updated_at WHERE status = 'done';

    CREATE TRIGGER goal_completed_on_insert AFTER INSERT ON goal
    WHEN NEW.status = 'done' AND NEW.completed_at IS NULL
    BEGIN
      UPDATE goal SET completed_at = NEW.updated_at WHERE id = NEW.id;
    END;

    CREATE TRIGGER goal_completed_on_status AFTER UPDATE OF status ON goal
    WHEN NEW.status IS NOT OLD.status
    BEGIN
      UPDATE goal SET completed_at = CASE WHEN NEW.status = 'done' THEN NEW.updated_at END WHERE id = NEW.id;
    END;
  `,
}
