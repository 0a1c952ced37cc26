// Google Calendar against the loopback emulator: requests per unchanged sync, a full sync of
// 10,000 events, and the app's own overhead to create an interview's event with Meet.
import { startGoogleEmulator } from '../../tests/google-emulator/google-emulator';
import { googleServices } from '../../tests/support/google-harness';
import { memorySecretStore } from '../../tests/support/test-services';
import { makeTempDir } from '../../tests/support/temp-dir';
import { dispatchCall } from '../../main/app/dispatch-call';
import { createMemoryLogger } from '../../main/logging/logger';
import { report, reportDurations } from './lib/bench-utils';

const g = await startGoogleEmulator();
const temp = makeTempDir('idesk-bench-google-');
// The bench measures Google traffic, not the keychain: an in-memory secret store stands in.
const services = googleServices(g, temp.dir, {
  keychainService: 'unused',
  secrets: memorySecretStore(),
  overrides: { tuning: { google: { conferencePollMs: [0] } } },
});
const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
await call('account:connect');

for (let i = 0; i < 10_000; i++)
  g.calendar.insertForeign({ summary: `Event ${i}`, extendedProperties: { private: { other: String(i) } } });
let started = performance.now();
const full = await services.calendar.sync();
report('full sync of 10,000 events: time', performance.now() - started, 'ms');
report('full sync of 10,000 events: requests', full.requests);
const unchanged = await services.calendar.sync();
report('requests per sync when unchanged', unchanged.requests);

const pad = (n: number) => String(n).padStart(2, '0');
const durations: number[] = [];
for (let i = 0; i < 100; i++) {
  const d = new Date(Date.now() + (10 + i) * 86_400_000);
  started = performance.now();
  const result = await call('interviews:schedule', {
    candidateName: `C ${i}`,
    candidateEmail: `c${i}@example.com`,
    jobTitle: 'Engineer',
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: '10:00',
    timeZone: 'UTC',
    durationMinutes: 30,
  });
  if (!result.ok) throw new Error(result.error.message);
  await services.calendar.drain();
  durations.push(performance.now() - started);
}
reportDurations(
  'schedule → Calendar event with Meet ready (emulator answers at once)',
  durations.sort((a, b) => a - b),
);
await services.dispose();
await g.close();
temp.cleanup();
