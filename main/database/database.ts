import type { DatabaseSync, StatementSync } from 'node:sqlite';

/** Work that writes: one `BEGIN IMMEDIATE … COMMIT`, and effects that wait for the commit. */
export interface UnitOfWork {
  /**
   * Runs `work` in one transaction; a throw rolls all of it back. Nested calls become savepoints
   * inside the outer transaction, so a whole user action (the service's write and the synchronous
   * listeners that queue its Google job, mail and reminders) commits or fails as one.
   */
  transaction<T>(work: () => T): T;
  /** Runs `effect` once the outermost transaction commits (at once outside one); dropped on rollback. */
  afterCommit(effect: () => void): void;
}

/** The app's one SQLite connection (main is the only writer), with cached prepared statements. */
export interface Database extends UnitOfWork {
  readonly file: string;
  /** A prepared statement, compiled once per SQL text. */
  prepare(sql: string): StatementSync;
  /** Runs SQL without results (schema, pragmas). */
  exec(sql: string): void;
  readonly inTransaction: boolean;
  close(): void;
}

/** Wraps an open `DatabaseSync` (already checked and migrated) as the app's database; `onClose` runs after a clean close. */
export function wrapDatabase(sql: DatabaseSync, file: string, onClose?: () => void): Database {
  const statements = new Map<string, StatementSync>();
  // One list of after-commit effects per open level: a rolled-back savepoint drops its own.
  const levels: (() => void)[][] = [];

  const prepare = (text: string) => {
    let statement = statements.get(text);
    if (!statement) {
      statement = sql.prepare(text);
      statements.set(text, statement);
    }
    return statement;
  };

  const transaction = <T>(work: () => T): T => {
    const depth = levels.length;
    const savepoint = `level_${depth}`;
    sql.exec(depth === 0 ? 'BEGIN IMMEDIATE' : `SAVEPOINT ${savepoint}`);
    levels.push([]);
    let result: T;
    try {
      result = work();
      if (result instanceof Promise) throw new Error('A transaction must be synchronous: nothing may wait inside it.');
    } catch (error) {
      levels.pop();
      if (depth === 0) sql.exec('ROLLBACK');
      else sql.exec(`ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
      throw error;
    }
    const effects = levels.pop()!;
    if (depth > 0) {
      sql.exec(`RELEASE ${savepoint}`);
      levels[depth - 1]!.push(...effects);
      return result;
    }
    sql.exec('COMMIT');
    // Every effect runs even if one throws (the data is committed either way); the first error is reported.
    let failure: unknown;
    for (const effect of effects) {
      try {
        effect();
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
    return result;
  };

  return {
    file,
    prepare,
    exec: (text) => sql.exec(text),
    get inTransaction() {
      return levels.length > 0;
    },
    transaction,
    afterCommit(effect) {
      const level = levels.at(-1);
      if (level) level.push(effect);
      else effect();
    },
    close() {
      statements.clear();
      if (!sql.isOpen) return;
      sql.close();
      onClose?.();
    },
  };
}

/** The pragmas every connection runs with: WAL (readers never block the writer, a crash loses no committed transaction), NORMAL sync, foreign keys. */
export function applyPragmas(sql: DatabaseSync, file: string): void {
  if (file !== ':memory:') sql.exec('PRAGMA journal_mode = WAL');
  sql.exec('PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 2000');
}
