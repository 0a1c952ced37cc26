import type { StatementSync } from 'node:sqlite';
import type { Database } from '../../main/database/database';

/**
 * Counts every row the real database hands back (all, get), from the moment it is installed: the
 * cost of an action in rows read, which does not depend on the machine's speed.
 */
export function countRowsRead(db: Database): { rows: number } {
  const counter = { rows: 0 };
  const prepare = db.prepare.bind(db);
  db.prepare = (sql: string) =>
    new Proxy(prepare(sql), {
      get(target: StatementSync, name: keyof StatementSync) {
        if (name === 'all')
          return (...args: Parameters<StatementSync['all']>) => {
            const rows = target.all(...args);
            counter.rows += rows.length;
            return rows;
          };
        if (name === 'get')
          return (...args: Parameters<StatementSync['get']>) => {
            const row = target.get(...args);
            if (row !== undefined) counter.rows++;
            return row;
          };
        const value = target[name];
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  return counter;
}
