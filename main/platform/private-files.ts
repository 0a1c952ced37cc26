import fs from 'node:fs';
import path from 'node:path';

/**
 * Files and folders that hold candidate data (the data folder and the app's own files in it: store,
 * backups, lock, logs, the SQLite database and its -wal/-shm) are the person's alone:
 * folders 0700, files 0600, whatever the umask. Modes passed to mkdir/open are masked by the umask,
 * which can only remove bits, so each helper also sets the mode explicitly. Windows has no POSIX
 * modes (the profile folder's ACL protects it), so there these are plain file operations.
 */
export const privateDirMode = 0o700;
export const privateFileMode = 0o600;

const posix = process.platform !== 'win32';

function chmod(target: string, mode: number): void {
  if (posix) fs.chmodSync(target, mode);
}

/** Creates `dir` and any missing parents as private folders; an existing `dir` is made private too. */
export function ensurePrivateDir(dir: string): void {
  const missing: string[] = [];
  for (let at = path.resolve(dir); !fs.existsSync(at) && path.dirname(at) !== at; at = path.dirname(at))
    missing.push(at);
  fs.mkdirSync(dir, { recursive: true, mode: privateDirMode });
  for (const created of missing) chmod(created, privateDirMode);
  chmod(dir, privateDirMode);
}

/** Writes a whole file readable by its owner only (`flag: 'wx'` for exclusive creation). */
export function writePrivateFile(file: string, data: string | Uint8Array, flag: 'w' | 'wx' = 'w'): void {
  fs.writeFileSync(file, data, { mode: privateFileMode, flag });
  chmod(file, privateFileMode);
}

/** Copies a file; the copy is private even if the source was not. */
export function copyPrivateFile(from: string, to: string): void {
  fs.copyFileSync(from, to);
  chmod(to, privateFileMode);
}

/** Creates an empty private file if missing (e.g. a database before SQLite opens it, so its -wal/-shm inherit 0600). */
export function ensurePrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'a', privateFileMode));
  chmod(file, privateFileMode);
}

/** What in the data folder is the app's own: the store, database and their copies, the lock, the logs folder. */
const ownEntry = /^(interview-desk\..+|\.lock|logs)$/;

/**
 * Takes group/other bits off the data folder and the app's own files and folders in it (left by an
 * older version, another tool, or a library that created a file with default modes): the store and
 * database with their backups, migration copies, -wal/-shm and temporary files, the lock, `logs/` and
 * its rotated files. Nothing else is touched, so a data folder pointed by mistake at a folder of other
 * things keeps their modes. Owner bits are kept; symlinks are not followed. A path that cannot be
 * changed (a file another user owns) is reported to `onSkipped` and left, never stopping start-up.
 * Returns the paths it tightened, for the log.
 */
export function tightenPrivateTree(
  root: string,
  onSkipped: (target: string, reason: string) => void = () => undefined,
): string[] {
  if (!posix || !fs.existsSync(root)) return [];
  const tightened: string[] = [];
  const tighten = (target: string): fs.Stats | undefined => {
    try {
      const stat = fs.lstatSync(target);
      if (!stat.isDirectory() && !stat.isFile()) return undefined;
      if ((stat.mode & 0o077) !== 0) {
        fs.chmodSync(target, stat.mode & 0o700);
        tightened.push(target);
      }
      return stat;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Removed while we looked: nothing to protect.
      if (code !== 'ENOENT') onSkipped(target, code ?? (error as Error).message);
      return undefined;
    }
  };
  const names = (dir: string): string[] => {
    try {
      return fs.readdirSync(dir);
    } catch (error) {
      onSkipped(dir, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
      return [];
    }
  };
  if (!tighten(root)?.isDirectory()) return tightened;
  for (const name of names(root).filter((n) => ownEntry.test(n))) {
    const target = path.join(root, name);
    // logs/ holds only the log and its rotated copies: one level, no deeper.
    if (tighten(target)?.isDirectory() && name === 'logs')
      for (const file of names(target)) tighten(path.join(target, file));
  }
  return tightened;
}

/** The data folder made private: created 0700 if missing, and the app's own files in it tightened. */
export function securePrivateDataDir(dataDir: string, onSkipped?: (target: string, reason: string) => void): string[] {
  ensurePrivateDir(dataDir);
  return tightenPrivateTree(dataDir, onSkipped);
}
