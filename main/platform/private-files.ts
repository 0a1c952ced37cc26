import fs from 'node:fs';
import path from 'node:path';

/**
 * Files and folders that hold candidate data (the data folder and everything under it: store,
 * backups, lock, logs, the SQLite database and its -wal/-shm, exports) are the person's alone:
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
  for (let at = path.resolve(dir); !fs.existsSync(at) && path.dirname(at) !== at; at = path.dirname(at)) missing.push(at);
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

/**
 * Walks the data folder and takes group/other bits off every folder and regular file in it (left by
 * an older version, another tool, or a library that created a file with default modes). Owner bits
 * are kept as they are, so a data folder pointed at by mistake at a folder of other things loses no
 * one's access but other users'. Symlinks are not followed and sockets are left alone. Returns the
 * paths it tightened, for the log.
 */
export function tightenPrivateTree(root: string): string[] {
  if (!posix || !fs.existsSync(root)) return [];
  const tightened: string[] = [];
  const visit = (target: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.lstatSync(target);
    } catch {
      return; // Removed while we walked.
    }
    if (!stat.isDirectory() && !stat.isFile()) return;
    if ((stat.mode & 0o077) !== 0) {
      fs.chmodSync(target, stat.mode & 0o700);
      tightened.push(target);
    }
    if (stat.isDirectory()) for (const name of fs.readdirSync(target)) visit(path.join(target, name));
  };
  visit(root);
  return tightened;
}

/** The data folder made private: created 0700 if missing, and everything in it tightened. */
export function securePrivateDataDir(dataDir: string): string[] {
  ensurePrivateDir(dataDir);
  return tightenPrivateTree(dataDir);
}
