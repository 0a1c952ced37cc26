import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging/logger';

/**
 * The kinds of copy the app leaves in the data dir, each with what orders its copies (newest last):
 * copies taken before a database upgrade (by the version upgraded from), damaged databases and
 * settings files moved aside (by the time in their name), and the JSON files kept when their data
 * moved on (by the version they moved to, then the day).
 */
const kinds: { name: string; pattern: RegExp; order(match: RegExpMatchArray): string }[] = [
  {
    name: 'database before an upgrade',
    pattern: /^interview-desk\.before-v(\d+)\.sqlite$/,
    order: (m) => m[1]!.padStart(9, '0'),
  },
  { name: 'damaged database', pattern: /^interview-desk\.damaged-(.+)\.sqlite$/, order: (m) => m[1]! },
  { name: 'damaged settings file', pattern: /^interview-desk\.damaged-(.+)\.json$/, order: (m) => m[1]! },
  {
    name: 'settings file before an upgrade',
    pattern: /^interview-desk\.v\d+-before-v(\d+)-(.+)\.json$/,
    order: (m) => `${m[1]!.padStart(9, '0')}-${m[2]!}`,
  },
];

/** SQLite's companion files go with their database. */
const companions = ['', '-wal', '-shm'];

/**
 * Removes all but the newest copy of each kind, so copies do not pile up over the years; the newest
 * is the one a restore by hand would use. Returns the names removed. A file that cannot be removed
 * is left and logged: pruning never stops a start.
 */
export function pruneOldCopies(dataDir: string, log: Logger): string[] {
  const names = fs.readdirSync(dataDir);
  const removed: string[] = [];
  for (const kind of kinds) {
    const copies = names.flatMap((name) => {
      const match = name.match(kind.pattern);
      return match ? [{ name, order: kind.order(match) }] : [];
    });
    copies.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
    for (const old of copies.slice(0, -1)) {
      for (const suffix of old.name.endsWith('.sqlite') ? companions : ['']) {
        const file = path.join(dataDir, old.name + suffix);
        try {
          if (!fs.existsSync(file)) continue;
          fs.rmSync(file);
          removed.push(old.name + suffix);
        } catch (error) {
          log.warn(
            `could not remove an old copy (${kind.name}), left as it is: ${old.name + suffix} (${(error as Error).message})`,
          );
        }
      }
    }
  }
  if (removed.length > 0) log.info(`removed old copies, keeping the newest of each kind: ${removed.join(', ')}`);
  return removed;
}
