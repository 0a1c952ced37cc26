import fs from 'node:fs';
import lockfile from 'proper-lockfile';

/** Another Interview Desk (desktop or web mode) already owns this data dir. */
export class DataDirBusyError extends Error {
  constructor(dataDir: string) {
    super(`Interview Desk is already running with the data folder ${dataDir}. Close it first, or set INTERVIEW_DESK_DATA_DIR to another folder.`);
    this.name = 'DataDirBusyError';
  }
}

/**
 * One writer per data dir: Electron's single-instance lock covers only the desktop app, so both
 * modes also take this lock (a stale lock from a crashed run is reclaimed after `staleMs`).
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  fs.mkdirSync(dataDir, { recursive: true });
  try {
    return await lockfile.lock(dataDir, { lockfilePath: `${dataDir}/.lock`, stale: 15_000, update: 5_000, realpath: false });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new DataDirBusyError(dataDir);
    throw error;
  }
}
