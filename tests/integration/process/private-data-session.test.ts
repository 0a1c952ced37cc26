import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../../google-emulator/google-emulator';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { startWebMode, type WebModeApp } from '../../support/web-mode';
import { makeTempDir } from '../../support/temp-dir';
import { eventually } from '../../support/google-harness';
import { logFilePath } from '../../../main/logging/logger';

const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
const interview = (candidateEmail: string) => ({
  candidateName: 'Ada Lovelace',
  candidateEmail,
  jobTitle: 'Staff Engineer',
  date: inThreeDays,
  time: '10:00',
  timeZone: 'Europe/Berlin',
  durationMinutes: 45,
  meetLink: 'https://meet.google.com/abc-defg-hij',
  // Google is connected without free/busy: the question before saving is answered "anyway".
  acceptConflicts: true,
});

/** Every folder and file under `root` with its permission bits (symlinks are not followed). */
function walk(root: string): Array<{ path: string; dir: boolean; mode: number }> {
  const out: Array<{ path: string; dir: boolean; mode: number }> = [];
  const visit = (p: string) => {
    const stat = fs.lstatSync(p);
    out.push({ path: path.relative(root, p) || '.', dir: stat.isDirectory(), mode: stat.mode & 0o777 });
    if (stat.isDirectory()) for (const name of fs.readdirSync(p)) visit(path.join(p, name));
  };
  visit(root);
  return out;
}

/** Paths with any group or other permission bit. */
const exposed = (root: string) =>
  walk(root)
    .filter((e) => (e.mode & 0o077) !== 0)
    .map((e) => `${e.path} ${e.mode.toString(8)}`);

/**
 * A whole web-mode session under umask 022 (the usual default, which makes files world-readable):
 * Google sign-in with a forged callback first, a schedule whose candidate address the mail server
 * rejects, a sign-in Google refuses, disconnect. Then the data folder is walked: nothing in it may be
 * readable by other users, and main.log may hold no address, code or token. These run the built
 * `dist/web/web.mjs` and need the real keychain (npm test's D-Bus session).
 */
describe('a full web-mode session keeps candidate data private', () => {
  let g: GoogleEmulator;
  let sink: SmtpSink;
  let app: WebModeApp | undefined;
  const temp = makeTempDir('idesk-private-');
  const dataDir = path.join(temp.dir, 'data');
  const browserLog = path.join(temp.dir, 'browser.log');
  const candidate = 'ada.candidate@example.com';

  beforeAll(async () => {
    if (!fs.existsSync('dist/web/web.mjs'))
      spawnSync('node', ['scripts/build.mjs', '--node-only'], { stdio: 'inherit' });
    g = await startGoogleEmulator();
    sink = await startSmtpSink();
    sink.rejectRecipients.add(candidate);
  });
  afterAll(async () => {
    await app?.stop();
    await g.close();
    await sink.close();
    temp.cleanup();
  });

  const start = () =>
    startWebMode(
      {
        ...g.env,
        INTERVIEW_DESK_SMTP_URL: sink.url,
        BROWSER: `${process.execPath} ${path.resolve('tests/support/fake-browser.mjs')}`,
        FAKE_BROWSER_LOG: browserLog,
        FAKE_BROWSER_FORGE: '1',
      },
      dataDir,
      { umask: '022' },
    );
  const call = async (name: string, input?: unknown) => {
    const token = new URL(app!.url).searchParams.get('token')!;
    const res = await fetch(`${app!.origin}/api/call/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-desk-token': token },
      body: JSON.stringify({ input }),
    });
    return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  };
  const stop = async () => {
    const running = app!;
    app = undefined;
    await running.stop();
  };

  it('no folder or file under the data folder is readable by others, and main.log names no one', async () => {
    app = await start();
    // Sign-in completes although a forged callback reached the listener first.
    expect(await call('account:connect')).toMatchObject({
      ok: true,
      value: { state: 'connected', email: 'recruiter@example.com' },
    });
    expect(fs.readFileSync(browserLog, 'utf8')).toMatch(/forged 400[\s\S]*callback 200/);
    expect(
      (
        await call('settings:update', {
          recruiterName: 'Rita Recruiter',
          recruiterEmail: 'rita@example.com',
          companyName: 'Acme',
        })
      ).ok,
    ).toBe(true);
    const scheduled = await call('interviews:schedule', interview(candidate));
    expect(scheduled.ok).toBe(true);
    const id = (scheduled.value as { id: string }).id;
    await eventually(async () => {
      const got = (await call('interviews:get', id)).value as {
        invitations: { candidate: { state: string; reason?: string }; recruiter: { state: string } };
      };
      expect(got.invitations.candidate).toMatchObject({ state: 'failed', reason: expect.stringContaining(candidate) });
      expect(got.invitations.recruiter.state).toBe('sent');
    }, 15_000);
    // A sign-in Google refuses, with a reply that names the account.
    g.faults.add({
      path: '/token',
      status: 400,
      oauthError: 'invalid_grant',
      message: 'Token has been expired or revoked for bob@example.com.',
    });
    expect(await call('account:connect')).toMatchObject({ ok: false });
    expect((await call('account:disconnect')).ok).toBe(true);
    // While the app runs, the database has its -wal and -shm beside it: private like the rest.
    expect(walk(dataDir).map((e) => e.path)).toEqual(
      expect.arrayContaining([
        'interview-desk.sqlite',
        'interview-desk.sqlite-wal',
        'interview-desk.sqlite-shm',
        'interview-desk.backup.sqlite',
      ]),
    );
    expect(exposed(dataDir)).toEqual([]);
    await stop();

    expect(exposed(dataDir)).toEqual([]);
    expect(
      walk(dataDir)
        .filter((e) => !e.dir)
        .map((e) => e.path),
    ).toEqual(
      expect.arrayContaining(['interview-desk.json', 'interview-desk.backup.json', path.join('logs', 'main.log')]),
    );

    const log = fs.readFileSync(logFilePath(dataDir), 'utf8');
    // The lines are there (so the checks below are not vacuous), with the personal parts removed.
    expect(log).toMatch(/failed: .*<\[email\]>: Recipient address rejected/);
    expect(log).toMatch(/Google sign-in did not complete: .*\[email\]/);
    const secrets = [
      candidate,
      'bob@example.com',
      'recruiter@example.com',
      'rita@example.com',
      ...g.oauth.tokenRequests.flatMap((r) => [r.code, r.refresh_token, r.code_verifier]),
      ...g.oauth.revocations,
    ];
    for (const secret of secrets.filter((s): s is string => !!s)) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/ya29\.(?!\[redacted\])/);
  });

  it("at start, tightens what an older version left readable, and nothing that is not the app's", async () => {
    // As a version without these rules left things: everything 0755/0644, plus a rotated log; and
    // another tool's folder, which is not the app's to change.
    fs.writeFileSync(path.join(dataDir, 'logs', 'main.old.log'), 'older lines\n', { mode: 0o644 });
    for (const entry of walk(dataDir)) fs.chmodSync(path.join(dataDir, entry.path), entry.dir ? 0o755 : 0o644);
    fs.mkdirSync(path.join(dataDir, 'exports'), { mode: 0o755 });
    fs.writeFileSync(path.join(dataDir, 'exports', 'schedule.csv'), 'Candidate,Time\n', { mode: 0o644 });
    fs.chmodSync(path.join(dataDir, 'exports'), 0o755);
    fs.chmodSync(path.join(dataDir, 'exports', 'schedule.csv'), 0o644);
    expect(exposed(dataDir).length).toBeGreaterThan(5);
    app = await start();
    await stop();
    // Every path the app wrote is private; the foreign folder is as it was.
    expect(exposed(dataDir)).toEqual(['exports 755', `${path.join('exports', 'schedule.csv')} 644`]);
    expect(fs.readFileSync(logFilePath(dataDir), 'utf8')).toMatch(/were readable by other users; made private/);
  });
});
