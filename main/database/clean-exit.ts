import fs from 'node:fs';
import { writePrivateFile } from '../platform/private-files';

/**
 * What a clean close leaves beside the database: the file exactly as it was left (inode, size,
 * modification time in ns) and when its last full `quick_check` ran. Removed at open, so a crash
 * (or kill -9) leaves none and the next open checks the whole file.
 */
interface CleanExit {
  ino: string;
  size: string;
  mtimeNs: string;
  fullCheckMs: number;
}

const markerOf = (file: string) => `${file}.clean-exit`;

function identity(file: string): Omit<CleanExit, 'fullCheckMs'> {
  const stat = fs.statSync(file, { bigint: true });
  return { ino: String(stat.ino), size: String(stat.size), mtimeNs: String(stat.mtimeNs) };
}

/** Reads and removes the clean-exit record of `file` (from now on an exit is unclean until `recordCleanExit`). */
export function takeCleanExit(file: string): CleanExit | undefined {
  const marker = markerOf(file);
  let record: CleanExit | undefined;
  try {
    const parsed = JSON.parse(fs.readFileSync(marker, 'utf8')) as Partial<CleanExit>;
    if (
      typeof parsed.ino === 'string' &&
      typeof parsed.size === 'string' &&
      typeof parsed.mtimeNs === 'string' &&
      typeof parsed.fullCheckMs === 'number'
    )
      record = parsed as CleanExit;
  } catch {
    record = undefined;
  }
  fs.rmSync(marker, { force: true });
  return record;
}

/** Writes the clean-exit record after the last connection closed (SQLite has folded the -wal in). */
export function recordCleanExit(file: string, fullCheckMs: number): void {
  if (!fs.existsSync(file)) return;
  writePrivateFile(markerOf(file), JSON.stringify({ ...identity(file), fullCheckMs } satisfies CleanExit));
}

/** The reason for a full check that is only its turn: nothing outside the app changed the file. */
export const dailyFullCheck = 'daily full check';
/** The reason given when the file is not the one the app closed (replaced, restored by hand, touched). */
export const changedSinceExit = 'file changed since the clean exit';

/**
 * Why the whole file must be checked at this open, or undefined when the cheap check is enough:
 * the last exit was clean, the file (and no -wal) is exactly as that exit left it, and the last full
 * check is less than `everyMs` old. Damage from outside the app changes the file's identity.
 */
export function fullCheckReason(
  file: string,
  exit: CleanExit | undefined,
  now: number,
  everyMs: number,
): string | undefined {
  if (!exit) return 'no clean exit recorded';
  if (!fs.existsSync(file)) return 'new file';
  const now_ = identity(file);
  if (now_.ino !== exit.ino || now_.size !== exit.size || now_.mtimeNs !== exit.mtimeNs) return changedSinceExit;
  if (fs.existsSync(`${file}-wal`) && fs.statSync(`${file}-wal`).size > 0) return 'write-ahead log left over';
  if (!(now - exit.fullCheckMs < everyMs && now >= exit.fullCheckMs)) return dailyFullCheck;
  return undefined;
}
