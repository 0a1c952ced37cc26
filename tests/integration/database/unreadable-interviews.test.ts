import { DatabaseSync } from 'node:sqlite';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { databasePaths } from '../../../main/database/open-database';
import { makeInterview } from '../../support/interview-fixtures';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';

const hour = 3600_000;

describe('an interview record this version cannot read', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => (temp = makeTempDir()));
  afterEach(() => temp.cleanup());

  const soon = (hours: number, name: string) =>
    makeInterview({
      startUtc: new Date(Date.now() + hours * hour).toISOString(),
      candidate: { name, email: `${name.split(' ')[0]!.toLowerCase()}@example.com` },
    });
  const record = (id: string) => {
    const raw = new DatabaseSync(databasePaths(temp.dir).file);
    const row = raw.prepare('SELECT * FROM interviews WHERE id = ?').get(id);
    raw.close();
    return row;
  };

  it('is left out of every list, page, count and next, said once in a notice, and kept byte for byte', async () => {
    // The soonest interview is the one a newer version wrote with an origin this version does not know.
    const unknown = soon(2, 'Newer Origin');
    const kept = [soon(5, 'Ada Lovelace'), soon(30, 'Grace Hopper')];
    const first = servicesFor(temp.dir);
    createInterviewRepository(first.stores.database).putMany([unknown, ...kept]);
    await first.dispose();
    first.stores.database.close();
    const raw = new DatabaseSync(databasePaths(temp.dir).file);
    raw
      .prepare("UPDATE interviews SET origin = 'agency', record = json_set(record, '$.origin', 'agency') WHERE id = ?")
      .run(unknown.id);
    raw.close();
    const before = record(unknown.id);

    const services = servicesFor(temp.dir);
    try {
      const call = (name: string, input?: unknown) =>
        dispatchCall(services.handlers, name, input, createMemoryLogger());
      const names = (value: unknown) => (value as { candidateName: string }[]).map((i) => i.candidateName);
      const window = { section: 'upcoming', query: '', todayStartMs: Date.now() - hour, nowMs: Date.now() };

      const list = await call('interviews:list');
      expect(list.ok).toBe(true);
      expect(names((list as { value: unknown }).value)).toEqual(['Ada Lovelace', 'Grace Hopper']);
      expect(await call('interviews:count', window)).toEqual({ ok: true, value: 2 });
      const page = (await call('interviews:page', { ...window, offset: 0, limit: 50 })) as {
        ok: true;
        value: { items: unknown };
      };
      expect(names(page.value.items)).toEqual(['Ada Lovelace', 'Grace Hopper']);
      expect(await call('interviews:count', { ...window, query: 'origin' })).toEqual({ ok: true, value: 0 });
      expect(((await call('interviews:next')) as { value: { candidateName: string } }).value.candidateName).toBe(
        'Ada Lovelace',
      );
      expect(services.interviews.get(kept[0]!.id).id).toBe(kept[0]!.id);

      const notices = ((await call('app:notices')) as { value: { id: string; message: string }[] }).value.filter((n) =>
        n.message.includes('could not be read by this version'),
      );
      expect(notices.map((n) => n.message)).toEqual([
        '1 interview could not be read by this version; it is kept unchanged.',
      ]);
    } finally {
      await services.dispose();
      services.stores.database.close();
    }
    expect(record(unknown.id)).toEqual(before);
  });

  it('found while the app runs: left out from then on, and the notice says so', async () => {
    const services = servicesFor(temp.dir);
    try {
      const call = (name: string, input?: unknown) =>
        dispatchCall(services.handlers, name, input, createMemoryLogger());
      expect(((await call('app:notices')) as { value: unknown[] }).value).toEqual([]);
      const unknown = soon(3, 'Changed Underneath');
      createInterviewRepository(services.stores.database).putMany([unknown, soon(4, 'Ada Lovelace')]);
      services.stores.database
        .prepare("UPDATE interviews SET record = json_set(record, '$.durationMinutes', 'long') WHERE id = ?")
        .run(unknown.id);
      expect(
        ((await call('interviews:list')) as { value: { candidateName: string }[] }).value.map((i) => i.candidateName),
      ).toEqual(['Ada Lovelace']);
      const notices = ((await call('app:notices')) as { value: { id: string; message: string }[] }).value;
      expect(notices).toEqual([
        {
          id: 'interviews-unreadable',
          level: 'warning',
          message: '1 interview could not be read by this version; it is kept unchanged.',
        },
      ]);
    } finally {
      await services.dispose();
      services.stores.database.close();
    }
  });
});
