import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { copyPrivateFile, ensurePrivateDir, ensurePrivateFile, tightenPrivateTree, writePrivateFile } from '../../../main/platform/private-files';
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
    for (const f of ['store.json', 'copy.json', 'interview-desk.sqlite']) expect(mode(path.join(dir, f)), f).toBe(0o600);
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
    const changed = tightenPrivateTree(root).map((p) => path.relative(root, p)).sort();
    expect(changed).toEqual(['', 'logs', path.join('logs', 'main.old.log')]);
    expect(mode(path.join(root, 'logs', 'main.old.log'))).toBe(0o600);
    expect(mode(outside)).toBe(0o644);
    expect(tightenPrivateTree(root)).toEqual([]);
  });
});
