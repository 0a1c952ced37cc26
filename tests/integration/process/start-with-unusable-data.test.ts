import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startWebMode, type WebModeApp } from '../../support/web-mode';
import { DatabaseSync } from 'node:sqlite';
import { makeTempDir } from '../../support/temp-dir';
import { makeInterview, seedStore } from '../../support/interview-fixtures';

/** Saved data this version cannot use never stops a start of the built web mode (`dist/web/web.mjs`). */
describe('a start with saved data this version cannot use', () => {
  let app: WebModeApp | undefined;
  let temp: ReturnType<typeof makeTempDir>;
  beforeAll(() => {
    if (!fs.existsSync('dist/web/web.mjs'))
      spawnSync('node', ['scripts/build.mjs', '--node-only'], { stdio: 'inherit' });
  });
  afterEach(async () => {
    await app?.stop();
    app = undefined;
    temp.cleanup();
  });

  const call = async (name: string, input?: unknown) => {
    const token = new URL(app!.url).searchParams.get('token')!;
    const res = await fetch(`${app!.origin}/api/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-token': token },
      body: JSON.stringify({ input }),
    });
    return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  };

  it('starts with settings that break their rules or their JSON type, keeps them in the file, lists them and does not use them', async () => {
    temp = makeTempDir('idesk-badsettings-');
    const file = path.join(temp.dir, 'interview-desk.json');
    const settings = {
      companyName: 'Acme Hiring',
      brandColor: 'red',
      smtp: { host: 'smtp.example.com', port: 70000, security: 'starttls', user: 'rita', fromAddress: '' },
      reminderOffsetsMinutes: [1440, 720, 360, 180, 120, 90, 60, 45, 30, 15, 0],
      joinOpensMinutesBefore: 'soon',
    };
    fs.writeFileSync(file, JSON.stringify({ schemaVersion: 3, settings }));
    app = await startWebMode({}, temp.dir);

    const problems = (await call('settings:problems')).value as { field: string; message: string }[];
    expect(problems.map((p) => p.field).sort()).toEqual([
      'brandColor',
      'joinOpensMinutesBefore',
      'reminderOffsetsMinutes',
      'smtp.port',
    ]);
    expect(problems.find((p) => p.field === 'smtp.port')?.message).toBe(
      'Port must be a number from 1 to 65535, like 587',
    );
    const inUse = (await call('settings:get')).value as Record<string, unknown>;
    expect(inUse).toMatchObject({
      companyName: 'Acme Hiring',
      brandColor: '#1a73e8',
      reminderOffsetsMinutes: [1440, 60, 0],
      joinOpensMinutesBefore: 15,
    });
    // The whole SMTP block reads as its default (no server): no email goes out through a port that cannot exist.
    expect(inUse.smtp).toMatchObject({ host: '', port: 587 });
    const notices = (await call('app:notices')).value as { id: string }[];
    expect(notices.map((n) => n.id)).toContain('settings-invalid');

    // Saving another setting keeps the unusable values in the file for the person to fix.
    expect((await call('settings:update', { companyName: 'Acme' })).ok).toBe(true);
    const saved = (JSON.parse(fs.readFileSync(file, 'utf8')) as { settings: Record<string, unknown> }).settings;
    expect(saved).toMatchObject({
      companyName: 'Acme',
      brandColor: 'red',
      smtp: settings.smtp,
      reminderOffsetsMinutes: settings.reminderOffsetsMinutes,
      joinOpensMinutesBefore: 'soon',
    });
    expect(fs.readdirSync(temp.dir).filter((f) => f.includes('damaged'))).toEqual([]);
  });

  it('starts with an interview record it cannot read and a search index missing its table: the schedule works, the record is kept', async () => {
    temp = makeTempDir('idesk-badrecord-');
    const later = (days: number, name: string) =>
      makeInterview({
        startUtc: new Date(Date.now() + days * 86_400_000).toISOString(),
        candidate: { name, email: 'someone@example.com' },
      });
    const [unknown, ada] = [later(1, 'Newer Format'), later(2, 'Ada Lovelace')];
    seedStore(temp.dir, { interviews: [unknown, ada] });
    const raw = new DatabaseSync(path.join(temp.dir, 'interview-desk.sqlite'));
    raw
      .prepare("UPDATE interviews SET origin = 'agency', record = json_set(record, '$.origin', 'agency') WHERE id = ?")
      .run(unknown.id);
    raw.exec('DROP TABLE interviews_fts');
    const before = raw.prepare('SELECT * FROM interviews WHERE id = ?').get(unknown.id);
    raw.close();
    app = await startWebMode({}, temp.dir);

    const list = await call('interviews:list');
    expect(list).toMatchObject({ ok: true, value: [{ candidateName: 'Ada Lovelace' }] });
    expect((list.value as unknown[]).length).toBe(1);
    const window = {
      section: 'upcoming',
      query: 'ovela',
      todayStartMs: Date.now() - 3600_000,
      nowMs: Date.now(),
      offset: 0,
      limit: 50,
    };
    expect(await call('interviews:page', window)).toMatchObject({
      ok: true,
      value: { items: [{ candidateName: 'Ada Lovelace' }], total: 1 },
    });
    const notices = (await call('app:notices')).value as { message: string }[];
    expect(notices.map((n) => n.message)).toContain(
      '1 interview could not be read by this version; it is kept unchanged.',
    );
    await app.stop();
    app = undefined;
    const after = new DatabaseSync(path.join(temp.dir, 'interview-desk.sqlite'), { readOnly: true });
    expect(after.prepare('SELECT * FROM interviews WHERE id = ?').get(unknown.id)).toEqual(before);
    after.close();
  });
});
