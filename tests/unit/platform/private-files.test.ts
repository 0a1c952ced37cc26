import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  copyPrivateFile,
  ensurePrivateDir,
  ensurePrivateFile,
  tightenPrivateTree,
  writePrivateFile,
} from '../../../main/platform/private-files';
import { makeTempDir } from '../../support/temp-dir';

const mode = (p: string) => fs.lstatSync(p).mode & 0o777;

describe('private files (data folder modes)', () => {
  const temp = makeTempDir();
  // The usual default umask, which makes new files world-readable (forks, so the umask is ours to set).
  const previous = process.umask(0o022);
  afterAll(() => {
    process.umask(previous);
    temp.cleanup();
  });

  it('creates folders 0700 and files 0600 under umask 022', () => {
    const dir = path.join(temp.dir, 'a', 'b', 'c');
    ensurePrivateDir(dir);
    for (const p of [path.join(temp.dir, 'a'), path.join(temp.dir, 'a', 'b'), dir]) expect(mode(p), p).toBe(0o700);
    writePrivateFile(path.join(dir, 'store.json'), '{}');
    fs.writeFileSync(path.join(dir, 'loose.json'), '{}', { mode: 0o644 });
    copyPrivateFile(path.join(dir, 'loose.json'), path.join(dir, 'copy.json'));
    ensurePrivateFile(path.join(dir, 'interview-desk.sqlite'));
    for (const f of ['store.json', 'copy.json', 'interview-desk.sqlite'])
      expect(mode(path.join(dir, f)), f).toBe(0o600);
  });

  it('tightens a tree without following symlinks out of it', () => {
    const root = path.join(temp.dir, 'tree');
    fs.mkdirSync(path.join(root, 'logs'), { recursive: true, mode: 0o755 });
    fs.chmodSync(root, 0o755);
    fs.writeFileSync(path.join(root, 'logs', 'main.old.log'), 'x', { mode: 0o644 });
    const outside = path.join(temp.dir, 'outside.txt');
    fs.writeFileSync(outside, 'not ours', { mode: 0o644 });
    fs.chmodSync(outside, 0o644);
    fs.symlinkSync(outside, path.join(root, 'link'));
    const changed = tightenPrivateTree(root)
      .map((p) => path.relative(root, p))
      .sort();
    expect(changed).toEqual(['', 'logs', path.join('logs', 'main.old.log')]);
    expect(mode(path.join(root, 'logs', 'main.old.log'))).toBe(0o600);
    expect(mode(outside)).toBe(0o644);
    expect(tightenPrivateTree(root)).toEqual([]);
  });

  it("tightens only the app's own files and folders: a foreign file or folder in the data folder is left alone", () => {
    const root = path.join(temp.dir, 'home-like');
    fs.mkdirSync(path.join(root, 'logs'), { recursive: true });
    fs.mkdirSync(path.join(root, 'Documents', 'deep'), { recursive: true });
    const own = [
      'interview-desk.json',
      'interview-desk.backup.json',
      'interview-desk.v1-before-v2-2026-01-01.json',
      'interview-desk.sqlite',
      'interview-desk.sqlite-wal',
      'interview-desk.sqlite-shm',
      'interview-desk.backup.sqlite',
      '.lock',
      path.join('logs', 'main.log'),
      path.join('logs', 'main.old.log'),
    ];
    const foreign = [
      'notes.txt',
      'interview-desk-notes.txt',
      path.join('Documents', 'cv.pdf'),
      path.join('Documents', 'deep', 'x.txt'),
    ];
    for (const f of [...own, ...foreign]) fs.writeFileSync(path.join(root, f), 'x', { mode: 0o644 });
    for (const d of ['', 'logs', 'Documents', path.join('Documents', 'deep')]) fs.chmodSync(path.join(root, d), 0o755);
    for (const f of [...own, ...foreign]) fs.chmodSync(path.join(root, f), 0o644);
    const changed = tightenPrivateTree(root)
      .map((p) => path.relative(root, p))
      .sort();
    expect(changed).toEqual(['', 'logs', ...own].sort());
    for (const f of foreign) expect(mode(path.join(root, f)), f).toBe(0o644);
    for (const d of ['Documents', path.join('Documents', 'deep')]) expect(mode(path.join(root, d)), d).toBe(0o755);
  });

  // A real EPERM: an immutable file refuses chmod even to root (chattr needs root or CAP_LINUX_IMMUTABLE).
  const immutable = (file: string, on: boolean) => spawnSync('chattr', [on ? '+i' : '-i', file]).status === 0;
  const probe = path.join(temp.dir, 'probe');
  fs.writeFileSync(probe, '');
  const canMakeImmutable = immutable(probe, true) && immutable(probe, false);

  it.skipIf(!canMakeImmutable)('logs and skips a path it may not change (EPERM) instead of stopping', () => {
    const root = path.join(temp.dir, 'with-foreign-owner');
    fs.mkdirSync(path.join(root, 'logs'), { recursive: true, mode: 0o755 });
    fs.chmodSync(root, 0o755);
    const blocked = path.join(root, 'interview-desk.json');
    fs.writeFileSync(blocked, '{}', { mode: 0o644 });
    fs.writeFileSync(path.join(root, 'logs', 'main.log'), 'x', { mode: 0o644 });
    fs.chmodSync(blocked, 0o644);
    fs.chmodSync(path.join(root, 'logs', 'main.log'), 0o644);
    expect(immutable(blocked, true)).toBe(true);
    const skipped: string[] = [];
    try {
      const changed = tightenPrivateTree(root, (target, reason) =>
        skipped.push(`${path.relative(root, target)} ${reason}`),
      );
      expect(changed.map((p) => path.relative(root, p)).sort()).toEqual(['', 'logs', path.join('logs', 'main.log')]);
    } finally {
      immutable(blocked, false);
    }
    expect(skipped).toEqual(['interview-desk.json EPERM']);
    expect(mode(blocked)).toBe(0o644);
    expect(mode(path.join(root, 'logs', 'main.log'))).toBe(0o600);
  });
});
