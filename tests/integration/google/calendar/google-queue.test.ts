import { afterEach, describe, expect, it } from 'vitest';
import { googleForFile } from '../../../support/google-for-file';
import { dispatchCall } from '../../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../../main/logging/logger';
import { makeTempDir } from '../../../support/temp-dir';
import { eventually, googleServices } from '../../../support/google-harness';
import { makeInterview, seedStore } from '../../../support/interview-fixtures';
import { memorySecretStore } from '../../../support/test-services';
import { countRowsRead } from '../../../support/row-counter';
import { scheduleFormFor } from '../../../support/schedule-form';

// Google cannot be asked about free/busy while it is down: the question is answered "anyway".
const form = (days: number) => scheduleFormFor(days, { acceptConflicts: true });

describe('the Calendar queue works in proportion to what it applies, not to what waits', () => {
  const { g } = googleForFile();
  let temp: ReturnType<typeof makeTempDir>;
  let services: ReturnType<typeof googleServices>;
  const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
  afterEach(async () => {
    g.faults.clear();
    await services.dispose();
    services.stores.database.close();
    temp.cleanup();
  });

  it('Google down, its first change in backoff: a change reads the same rows with 1 or 301 changes waiting', async () => {
    temp = makeTempDir();
    const seeded = Array.from({ length: 300 }, (_, i) =>
      makeInterview({ startUtc: new Date(Date.now() + (180 + i) * 86_400_000).toISOString() }),
    );
    seedStore(temp.dir, {
      interviews: seeded,
      settings: { recruiterName: 'Rita', recruiterEmail: 'rita@example.com' },
    });
    services = googleServices(g, temp.dir, { keychainService: 'unused', secrets: memorySecretStore() });
    expect((await call('account:connect')).ok).toBe(true);
    g.faults.add({ path: '/calendar/', drop: true, times: 100_000 });
    const counter = countRowsRead(services.stores.database);
    const rowsPerSchedule = async (days: number) => {
      counter.rows = 0;
      expect((await call('interviews:schedule', form(days))).ok).toBe(true);
      await services.calendar.drain();
      return counter.rows;
    };
    // The first change fails and waits for its backoff; everything queued later waits behind it.
    await rowsPerSchedule(2);
    await eventually(() => expect(services.calendar.queue.all()[0]?.attempts).toBe(1));
    const few = await rowsPerSchedule(3);
    for (const interview of seeded) services.calendar.queue.add(interview.id, 'create');
    const many = await rowsPerSchedule(4);
    expect(services.calendar.queue.all()).toHaveLength(303);
    expect(many).toBeLessThanOrEqual(few + 2);
  });
});
