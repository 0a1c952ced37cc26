import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileLogger, logFilePath } from '../../../main/logging/logger';
import { redactSecrets } from '../../../main/logging/redact-secrets';
import { makeTempDir } from '../../support/temp-dir';

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('main-process log file', () => {
  const temp = makeTempDir();
  afterAll(() => temp.cleanup());

  it('writes levelled lines to a file in the data dir, below the chosen level only', async () => {
    const log = createFileLogger({ dataDir: temp.dir, level: 'info' });
    log.info('service started');
    log.debug('too chatty');
    log.scope('google').warn('quota low');
    await wait(50);
    const text = fs.readFileSync(logFilePath(temp.dir), 'utf8');
    expect(text).toMatch(/\[info\]\s+service started/);
    expect(text).toMatch(/\[warn\].*\(google\).*quota low|\[warn\].*google.*quota low/);
    expect(text).not.toContain('too chatty');
  });

  it('redacts credentials even when a caller slips one in', async () => {
    const dir = path.join(temp.dir, 'redact');
    const log = createFileLogger({ dataDir: dir });
    log.error('token refresh failed', {
      access_token: 'ya29.a0AfH6SMBsecretvalue',
      refresh_token: '1//0gLongRefreshTokenValue',
    });
    log.info('Authorization: Bearer abc.def.ghi');
    log.info('callback ?code=4/0AbCdEf&state=xyz');
    log.warn('smtp failed', new Error('smtp auth failed: password=hunter2'));
    await wait(50);
    const text = fs.readFileSync(logFilePath(dir), 'utf8');
    for (const secret of [
      'ya29.a0AfH6SMBsecretvalue',
      '1//0gLongRefreshTokenValue',
      'abc.def.ghi',
      '4/0AbCdEf',
      'hunter2',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('[redacted]');
  });

  it('rotates when the file passes its size limit', async () => {
    const dir = path.join(temp.dir, 'rotate');
    const log = createFileLogger({ dataDir: dir, maxBytes: 2_000 });
    for (let i = 0; i < 100; i++) log.info(`line ${i} ${'x'.repeat(50)}`);
    await wait(100);
    const files = fs.readdirSync(path.join(dir, 'logs'));
    expect(files).toContain('main.log');
    expect(files.some((f) => f.includes('old'))).toBe(true);
    expect(fs.statSync(logFilePath(dir)).size).toBeLessThan(4_000);
    // Private whatever the umask: logs/ 0700, the live and the rotated file 0600.
    expect(fs.statSync(path.join(dir, 'logs')).mode & 0o777).toBe(0o700);
    for (const file of files) expect(fs.statSync(path.join(dir, 'logs', file)).mode & 0o777, file).toBe(0o600);
  });

  it('redacts email addresses and URL query strings in every line, console included', async () => {
    const dir = path.join(temp.dir, 'people');
    const log = createFileLogger({ dataDir: dir });
    log.scope('mail').error('invitation failed: 550 5.1.1 <ada.candidate@example.com>: Recipient address rejected');
    log.warn('request to http://127.0.0.1:9/revoke?token=opaque-value failed', new Error('for bob@example.com'));
    await wait(50);
    const text = fs.readFileSync(logFilePath(dir), 'utf8');
    for (const secret of ['ada.candidate@example.com', 'opaque-value', 'bob@example.com'])
      expect(text).not.toContain(secret);
    expect(text).toContain('<[email]>: Recipient address rejected');
  });

  it('leaves ordinary text alone', () => {
    expect(redactSecrets('scheduled interview for Ada at 10:00')).toBe('scheduled interview for Ada at 10:00');
  });
});
