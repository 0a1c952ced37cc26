import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, writePrivateFile } from './private-files';

/** Another Interview Desk (desktop or web mode) already owns this data dir. */
export class DataDirBusyError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `Interview Desk is already running with the data folder ${dataDir} (process ${pid}). Close it first, or set INTERVIEW_DESK_DATA_DIR to another folder.`,
    );
    this.name = 'DataDirBusyError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One writer per data dir. Electron's single-instance lock covers only the desktop app, so both
 * modes also take this lock: a file created exclusively that holds our pid. A lock left by a process
 * that no longer exists (a crash, a kill -9) is taken over at once instead of blocking the next start.
 */
export async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  ensurePrivateDir(dataDir);
  const file = path.join(dataDir, '.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writePrivateFile(file, String(process.pid), 'wx');
      const release = () => {
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
      // A signal or crash still releases it: 'exit' runs synchronously on the way out.
      process.once('exit', release);
      return async () => {
        process.removeListener('exit', release);
        release();
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && alive(owner))
        throw new DataDirBusyError(dataDir, owner);
      fs.rmSync(file, { force: true, recursive: true });
    }
  }
  throw new Error(`Could not take the lock on ${dataDir}.`);
}
