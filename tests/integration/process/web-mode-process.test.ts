import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWebMode, type WebModeApp } from '../../support/web-mode';
import { makeTempDir } from '../../support/temp-dir';
import { logFilePath } from '../../../main/logging/logger';

/** These run the built `dist/web/web.mjs` as `npm run web` does (npm test builds first). */
describe('web mode as a process', () => {
  beforeAll(() => {
    if (!fs.existsSync('dist/web/web.mjs'))
      spawnSync('node', ['scripts/build.mjs', '--node-only'], { stdio: 'inherit' });
  });

  it('prints the URL as the first stdout line', async () => {
    const app = await startWebMode();
    try {
      expect(app.stdout().split('\n')[0]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
    } finally {
      await app.stop();
    }
  });

  it('uses INTERVIEW_DESK_WEB_PORT when given', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const app = await startWebMode({ INTERVIEW_DESK_WEB_PORT: String(port) });
    try {
      expect(new URL(app.url).port).toBe(String(port));
    } finally {
      await app.stop();
    }
  });

  it.each([
    ['INTERVIEW_DESK_WEB_PORT', 'eighty'],
    ['INTERVIEW_DESK_GOOGLE_API_URL', 'not-a-url'],
    ['INTERVIEW_DESK_SMTP_URL', 'http://example.com'],
    ['INTERVIEW_DESK_SMTP_URL', 'smtps//ada:hunter2@smtp.example.com'],
  ])('stops at start with one clear line when %s=%s', (name, value) => {
    const temp = makeTempDir();
    const result = spawnSync(process.execPath, ['dist/web/web.mjs'], {
      env: { ...process.env, INTERVIEW_DESK_DATA_DIR: temp.dir, [name]: value },
      encoding: 'utf8',
      timeout: 15_000,
    });
    temp.cleanup();
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(name);
    // A password in the URL is never printed.
    expect(result.stderr).not.toContain('hunter2');
  });

  describe('one writer per data dir', () => {
    let first: WebModeApp;
    const temp = makeTempDir();
    beforeAll(async () => {
      first = await startWebMode({}, temp.dir);
    });
    afterAll(async () => {
      await first.stop();
      temp.cleanup();
    });

    it('a second instance on the same data dir refuses to start, naming the folder', () => {
      const result = spawnSync(process.execPath, ['dist/web/web.mjs'], {
        env: { ...process.env, INTERVIEW_DESK_DATA_DIR: temp.dir },
        encoding: 'utf8',
        timeout: 15_000,
      });
      expect(result.status).toBe(2);
      expect(result.stderr).toContain('already running');
      expect(result.stderr).toContain(temp.dir);
    });

    it('writes its log into the data dir without the run secret', async () => {
      await fetch(`${first.origin}/api/call/app:info`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-desk-token': 'wrong' },
        body: '{}',
      });
      await new Promise((r) => setTimeout(r, 100));
      const log = fs.readFileSync(logFilePath(first.dataDir), 'utf8');
      expect(log).toContain('starting Interview Desk');
      expect(log).not.toContain(new URL(first.url).searchParams.get('token')!);
      expect(path.dirname(logFilePath(first.dataDir)).startsWith(first.dataDir)).toBe(true);
    });
  });
});
