import fs from 'node:fs';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { googleForFile } from '../../support/google-for-file';
import { googleServices } from '../../support/google-harness';
import { makeTempDir } from '../../support/temp-dir';
import { panelInterview } from '../../support/panel-interview';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { loadEnvConfig } from '../../../main/config/env-config';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { databasePaths } from '../../../main/database/open-database';
import { readRestoreHold } from '../../../main/database/restore-hold';
import { heldForReviewWords } from '../../../main/panel-forms/panel-form-view';
import { createKeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import type { DeskServices } from '../../../main/app/compose-services';
import type { OpenedStores } from '../../../main/database/open-stores';
import type { RestorePending } from '../../../preload/shared/contract/ipc-contract';
import type { PanelFormView } from '../../../preload/shared/contract/panel-forms-schema';

/**
 * The panel's scorecard emails keep their own state, so a restored copy of the database may say "not
 * asked yet" of someone asked after the copy was taken. What the copy says was due by the restore
 * waits in the restore review (Send or Drop); what falls due later goes as usual. Real SQLite files,
 * the Forms emulator, a real SMTP server and the real keychain (run under /tmp/kr.sh).
 */
describe('scorecard emails after restoring a copy (emulator, SMTP sink, real files)', () => {
  const { g, sink } = googleForFile({ smtp: true });
  const temp = makeTempDir();
  const keychainService = `interview-desk-test-panel-restore-${process.pid}`;
  let services: (DeskServices & { stores: OpenedStores }) | undefined;
  const minute = 60_000;
  const hour = 60 * minute;
  // The restore stamps the real time: the interview lies in the real past, and the app's clock follows `now`.
  const start = Date.now() - 5 * hour;
  const end = start + 45 * minute;
  let now = end + 10 * minute;
  const call = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await dispatchCall(services!.handlers, name, input, createMemoryLogger());
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const launch = () =>
    (services = googleServices(g, temp.dir, {
      keychainService,
      overrides: {
        config: loadEnvConfig({ ...g.env, INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir),
        clock: { now: () => now },
        // Nothing runs on its own timer: each step is a call.
        tuning: { timers: { set: () => 0, clear: () => {} } },
      },
    }));
  const stop = async () => {
    await services!.dispose();
    services!.stores.database.close();
    services = undefined;
  };
  const to = () => sink.received.map((m) => [m.envelope.to[0], m.parsed.subject]);

  afterAll(() => temp.cleanup());
  afterEach(async () => {
    if (services) await stop();
    await createKeytarSecretStore(keychainService).delete('recruiter@example.com');
  });

  it('holds what the copy says was due for the review, sends or counts it as asked, and goes on after', async () => {
    launch();
    const interview = panelInterview(start, {
      coInterviewers: [
        { email: 'bob@example.com', name: 'Bob Builder' },
        { email: 'cy@example.com', name: 'Cy Panel' },
      ],
    });
    createInterviewRepository(services!.stores.database).put(interview);
    await call('account:connect');
    await call('panelForms:connect');
    expect((await call<PanelFormView>('panelForms:checkNow', interview.id)).form.state).toBe('ready');
    // The copy is taken now: the form made, nobody asked yet.
    services!.stores.keepGoodCopy();

    // An hour after the end both are asked; then the database is damaged.
    now = end + hour + minute;
    await call('panelForms:checkNow', interview.id);
    expect(
      to()
        .map(([who]) => who)
        .sort(),
    ).toEqual(['bob@example.com', 'cy@example.com']);
    await stop();
    fs.writeFileSync(databasePaths(temp.dir).file, 'this is not a database '.repeat(100));

    // Restored: the copy says both are still to be asked. Nothing goes on its own, also once Forms is connected.
    sink.received.length = 0;
    now = Date.now() + minute;
    launch();
    expect(readRestoreHold(services!.stores.database)).toBeDefined();
    await call('account:connect');
    await call('panelForms:connect');
    let view = await call<PanelFormView>('panelForms:checkNow', interview.id);
    expect(sink.received).toHaveLength(0);
    expect(view.people.map((p) => p.status)).toEqual(['waiting', 'waiting']);

    const held = (await call<RestorePending>('restore:pending')).messages;
    expect(held.map((m) => [m.kind, m.recipientName, m.candidateName, m.jobTitle, m.queuedAt])).toEqual([
      ['scorecard_request', 'Bob Builder', 'Ada Lovelace', 'Compiler Engineer', new Date(end + hour).toISOString()],
      ['scorecard_request', 'Cy Panel', 'Ada Lovelace', 'Compiler Engineer', new Date(end + hour).toISOString()],
    ]);
    const keyOf = (name: string) => held.find((m) => m.recipientName === name)!.key;

    // Send Bob's (Google Calendar need not be read first: a scorecard email carries no time), drop Cy's.
    await call('restore:send', { keys: [keyOf('Bob Builder')] });
    await call('restore:drop', { keys: [keyOf('Cy Panel')] });
    view = await call<PanelFormView>('panelForms:checkNow', interview.id);
    expect(to()).toEqual([['bob@example.com', 'Your scorecard: Ada Lovelace, Compiler Engineer']]);
    expect(view.people.map((p) => [p.email, p.status])).toEqual([
      ['bob@example.com', 'asked'],
      ['cy@example.com', 'asked'],
    ]);
    expect(view.people[1]!.problem).toMatch(/dropped after restoring a copy, so counted as sent/);
    expect((await call<RestorePending>('restore:pending')).messages).toEqual([]);
    const again = await dispatchCall(
      services!.handlers,
      'restore:send',
      { keys: [keyOf('Cy Panel')] },
      createMemoryLogger(),
    );
    expect(again).toMatchObject({ ok: false, error: { message: 'These messages were already sent or dropped.' } });

    // A day later each gets their first reminder as usual: what falls due after the restore is not held.
    sink.received.length = 0;
    now += 25 * hour;
    view = await call<PanelFormView>('panelForms:checkNow', interview.id);
    expect(to().sort()).toEqual([
      ['bob@example.com', 'Your scorecard: Ada Lovelace, Compiler Engineer (reminder)'],
      ['cy@example.com', 'Your scorecard: Ada Lovelace, Compiler Engineer (reminder)'],
    ]);
    expect(view.people.map((p) => [p.status, p.reminders, p.problem])).toEqual([
      ['reminded', 1, undefined],
      ['reminded', 1, undefined],
    ]);
  });

  it('makes no second form for a copy taken before the form: the asks wait in the review, Send makes it', async () => {
    launch();
    const interview = panelInterview(start);
    createInterviewRepository(services!.stores.database).put(interview);
    await call('account:connect');
    await call('panelForms:connect');
    // The copy is taken before the form is made.
    services!.stores.keepGoodCopy();
    now = end + hour + minute;
    await call('panelForms:checkNow', interview.id);
    const forms = g.forms.all().length;
    await stop();
    fs.writeFileSync(databasePaths(temp.dir).file, 'this is not a database '.repeat(100));

    sink.received.length = 0;
    now = Date.now() + minute;
    launch();
    await call('account:connect');
    await call('panelForms:connect');
    let view = await call<PanelFormView>('panelForms:checkNow', interview.id);
    expect(g.forms.all()).toHaveLength(forms);
    expect(sink.received).toHaveLength(0);
    expect(view.people.map((p) => [p.status, p.nextAt, p.problem])).toEqual([
      ['waiting', undefined, heldForReviewWords],
      ['waiting', undefined, heldForReviewWords],
    ]);
    const held = (await call<RestorePending>('restore:pending')).messages.filter((m) => m.interviewId === interview.id);
    expect(held.map((m) => [m.kind, m.recipientName])).toEqual([
      ['scorecard_request', 'Bob Panel'],
      ['scorecard_request', 'Cy Panel'],
    ]);
    const keyOf = (name: string) => held.find((m) => m.recipientName === name)!.key;

    // Drop Cy's (counted as asked), Send Bob's: now the form is made and only Bob is emailed.
    await call('restore:drop', { keys: [keyOf('Cy Panel')] });
    await call('restore:send', { keys: [keyOf('Bob Panel')] });
    view = await call<PanelFormView>('panelForms:checkNow', interview.id);
    expect(g.forms.all()).toHaveLength(forms + 1);
    expect(to()).toEqual([['bob@example.com', 'Your scorecard: Ada Lovelace, Compiler Engineer']]);
    expect(view.people.map((p) => [p.email, p.status])).toEqual([
      ['bob@example.com', 'asked'],
      ['cy@example.com', 'asked'],
    ]);
  });

  it.each([
    ['garbage', 'this is not JSON {'],
    ['a newer version’s', JSON.stringify({ version: 3, restoredAt: '2031-01-01T00:00:00Z', holds: { mail: 7 } })],
  ])('holds every scorecard email due by the start under a restore mark it cannot read (%s)', async (_, mark) => {
    // A database of its own: nothing held from the cases before.
    const { file, backup } = databasePaths(temp.dir);
    for (const path of [file, `${file}-wal`, `${file}-shm`, backup]) fs.rmSync(path, { force: true });
    now = end + 10 * minute;
    launch();
    const interview = panelInterview(start);
    createInterviewRepository(services!.stores.database).put(interview);
    await call('account:connect');
    await call('panelForms:connect');
    expect((await call<PanelFormView>('panelForms:checkNow', interview.id)).form.state).toBe('ready');
    await stop();
    // The database carries a restore mark this version cannot read: when the copy came is unknown.
    const sql = new DatabaseSync(file);
    sql.prepare("INSERT INTO meta (key, value) VALUES ('restore_hold', ?)").run(mark);
    sql.close();

    // Started after the asks fell due: the copy may say "not asked" of someone a newer version asked.
    sink.received.length = 0;
    now = end + hour + minute;
    launch();
    expect(readRestoreHold(services!.stores.database)?.upToSeq).toBe(Number.MAX_SAFE_INTEGER);
    await call('account:connect');
    await call('panelForms:connect');
    await call('panelForms:checkNow', interview.id);
    // Ten minutes on, still nothing: they wait for the person's decision, not for a time.
    now += 10 * minute;
    let view = await call<PanelFormView>('panelForms:checkNow', interview.id);
    expect(sink.received).toHaveLength(0);
    expect(view.people.map((p) => [p.status, p.problem])).toEqual([
      ['waiting', heldForReviewWords],
      ['waiting', heldForReviewWords],
    ]);
    const held = (await call<RestorePending>('restore:pending')).messages;
    expect(held.map((m) => [m.kind, m.recipientName, m.queuedAt])).toEqual([
      ['scorecard_request', 'Bob Panel', new Date(end + hour).toISOString()],
      ['scorecard_request', 'Cy Panel', new Date(end + hour).toISOString()],
    ]);

    // Send lets Bob's go; Cy's waits for its own decision. The mail server refuses Bob's for now (tried
    // again in a while) and the app quits before then; started again ten minutes later over the same file,
    // the instant the mark was first seen is kept beside it: Bob's goes, and the review does not ask again.
    sink.faults.push({ kind: 'temporary' });
    await call('restore:send', { keys: [held[0]!.key] });
    view = await call<PanelFormView>('panelForms:checkNow', interview.id);
    expect(sink.received).toHaveLength(0);
    expect(view.people[0]!.problem).toBeDefined();
    await stop();
    now += 10 * minute;
    launch();
    await call('account:connect');
    await call('panelForms:connect');
    expect((await call<RestorePending>('restore:pending')).messages.map((m) => m.recipientName)).toEqual(['Cy Panel']);
    now += minute;
    view = await call<PanelFormView>('panelForms:checkNow', interview.id);
    expect(to()).toEqual([['bob@example.com', 'Your scorecard: Ada Lovelace, Compiler Engineer']]);
    expect(view.people.map((p) => [p.email, p.status])).toEqual([
      ['bob@example.com', 'asked'],
      ['cy@example.com', 'waiting'],
    ]);
    expect((await call<RestorePending>('restore:pending')).messages.map((m) => m.recipientName)).toEqual(['Cy Panel']);

    // What falls due after the start could not have gone out before it: Bob's reminder goes, Cy still waits.
    sink.received.length = 0;
    now += 25 * hour;
    await call('panelForms:checkNow', interview.id);
    expect(to()).toEqual([['bob@example.com', 'Your scorecard: Ada Lovelace, Compiler Engineer (reminder)']]);
    expect((await call<RestorePending>('restore:pending')).messages.map((m) => m.recipientName)).toEqual(['Cy Panel']);
  });

  it('refuses a key that is neither a message nor a scorecard email, in words', async () => {
    launch();
    const result = await dispatchCall(
      services!.handlers,
      'restore:send',
      { keys: ['scorecard:not an id'] },
      createMemoryLogger(),
    );
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Not a valid message/) } });
  });
});
