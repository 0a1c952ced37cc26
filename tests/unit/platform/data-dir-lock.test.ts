import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from '../../../main/platform/data-dir-lock';
import { makeTempDir } from '../../support/temp-dir';

describe('data-dir lock', () => {
  const temp = makeTempDir();
  afterEach(() => fs.rmSync(path.join(temp.dir, '.lock'), { force: true }));

  it('refuses a second owner while the first lives, naming the folder and process', async () => {
    const child = spawn('sleep', ['30']);
    fs.writeFileSync(path.join(temp.dir, '.lock'), String(child.pid));
    await expect(lockDataDir(temp.dir)).rejects.toThrow(DataDirBusyError);
    await expect(lockDataDir(temp.dir)).rejects.toThrow(new RegExp(`${temp.dir}.*process ${child.pid}`));
    child.kill();
    await new Promise((r) => child.once('exit', r));
    // The owner died without releasing: the next start takes over at once.
    const release = await lockDataDir(temp.dir);
    expect(fs.readFileSync(path.join(temp.dir, '.lock'), 'utf8')).toBe(String(process.pid));
    await release();
    expect(fs.existsSync(path.join(temp.dir, '.lock'))).toBe(false);
  });

  it('takes over a lock with garbage in it', async () => {
    fs.writeFileSync(path.join(temp.dir, '.lock'), 'not a pid');
    const release = await lockDataDir(temp.dir);
    await release();
  });
});
