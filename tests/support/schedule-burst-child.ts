// A plain-Node Interview Desk for the crash test: starts the real services on the data dir in
// argv[2] (web-mode start-up: lock, database, settings file), then schedules up to argv[3]
// interviews as fast as it can, printing "ack <id>" after each one returns (committed). The test
// kills it with SIGKILL somewhere in the burst.
import { startServices } from '../../main/app/start-services';
import { confBackend } from '../../main/settings-file/conf-backend';

const [dataDir, roundsText] = process.argv.slice(2);
const app = await startServices({
  env: { INTERVIEW_DESK_DATA_DIR: dataDir },
  mode: 'web',
  info: { name: 'Interview Desk', version: 'crash-test', mode: 'web', platform: process.platform },
  defaultDataDir: dataDir!,
  storeBackend: confBackend,
  openExternal: async () => {},
});
app.services.settings.update({ recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' });
// A connected account (status only): every scheduling queues a Calendar job. The keychain is not
// reachable in this process, so the jobs wait in the queue, as they would offline.
app.store.set('account', { state: 'connected', email: 'rita@example.com', name: 'Rita Recruiter', scopes: [] });
process.stdout.write('ready\n');
const base = Date.now() + 30 * 86_400_000;
for (let i = 0; i < Number(roundsText); i++) {
  const start = new Date(base + i * 3600_000);
  const interview = app.services.commands.schedule({
    candidateName: `Candidate ${i}`,
    candidateEmail: `candidate${i}@example.com`,
    jobTitle: 'Engineer',
    date: start.toISOString().slice(0, 10),
    time: start.toISOString().slice(11, 16),
    timeZone: 'UTC',
    durationMinutes: 30,
    notes: '',
    candidateMessage: '',
    meetLink: 'https://meet.google.com/abc-defg-hij',
    acceptConflicts: true,
  });
  process.stdout.write(`ack ${interview.id}\n`);
  // Let queued drains and timers run between actions, as they would between clicks.
  if (i % 4 === 0) await new Promise((resolve) => setImmediate(resolve));
}
process.stdout.write('done\n');
await new Promise(() => {});
