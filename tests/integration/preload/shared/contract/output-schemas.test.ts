import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNames, calls, type CallInput, type CallName } from '../../../../../preload/shared/contract/ipc-contract';
import { dispatchCall } from '../../../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../../../main/logging/logger';
import { loadEnvConfig } from '../../../../../main/config/env-config';
import type { DeskServices } from '../../../../../main/app/compose-services';
import { startGoogleEmulator, type GoogleEmulator } from '../../../../google-emulator/google-emulator';
import { googleServices } from '../../../../support/google-harness';
import { memorySecretStore } from '../../../../support/test-services';
import { startSmtpSink, type SmtpSink } from '../../../../support/smtp-sink';
import { startStunResponder } from '../../../../support/stun-responder';
import { makeTempDir } from '../../../../support/temp-dir';
import { markRestored, restoreHoldState } from '../../../../../main/database/restore-hold';

const pad = (n: number) => String(n).padStart(2, '0');
/** Date and time (UTC) `minutes` from now, as the form sends them. */
function at(minutes: number) {
  const d = new Date(Date.now() + minutes * 60_000);
  return {
    date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
    time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
    timeZone: 'UTC',
  };
}
const meetLink = 'https://meet.google.com/abc-defg-hij';

describe('every call answers what its output schema says (composed services, local Google, SMTP, STUN)', () => {
  let g: GoogleEmulator;
  let sink: SmtpSink;
  let stun: Awaited<ReturnType<typeof startStunResponder>>;
  let netcheck: http.Server;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;

  beforeAll(async () => {
    g = await startGoogleEmulator();
    sink = await startSmtpSink();
    stun = await startStunResponder();
    netcheck = http.createServer((_req, res) => res.end('x'.repeat(64 * 1024)));
    await new Promise<void>((r) => netcheck.listen(0, '127.0.0.1', r));
    temp = makeTempDir();
    services = googleServices(g, temp.dir, {
      keychainService: 'unused',
      secrets: memorySecretStore(),
      // The system browser: the emulator's consent page for Google sign-in, nothing for Meet links.
      browse: async (url) => (url.startsWith('https://meet.google.com/') ? undefined : g.browse(url)),
      overrides: {
        config: loadEnvConfig({ ...g.env, INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir),
        // The desktop shell's printer (its Electron glue is tested against the fake electron).
        savePdf: async (fileName) => ({ saved: true, path: path.join(temp.dir, fileName) }),
      },
    });
  });
  afterAll(async () => {
    await services.dispose();
    await g.close();
    await sink.close();
    await stun.close();
    await new Promise((r) => netcheck.close(r));
    temp.cleanup();
  });

  it('runs every handler once with a real answer and checks it against the contract', async () => {
    let id = '';
    const joinLink = `interview-desk://join?meet=xyz-abcd-efg&start=${encodeURIComponent(new Date(Date.now() + 2 * 86_400_000).toISOString())}&title=Panel+interview`;
    let candidateId = id;
    let heldKeys: string[] = [];
    const netcheckUrl = () => `http://127.0.0.1:${(netcheck.address() as AddressInfo).port}/netcheck`;
    /** Leaves the mark of a move made in Google Calendar that nobody was emailed about; answers the interview's id. */
    const movedInCalendar = () => {
      services.commands.updateQuietly(id, (i) => ({
        ...i,
        google: {
          eventId: 'e1',
          state: 'synced',
          calendarChange: {
            kind: 'moved',
            at: new Date().toISOString(),
            was: { startUtc: i.startUtc, durationMinutes: i.durationMinutes },
          },
        },
      }));
      return id;
    };
    // One input per call, in an order that makes each one meaningful. Typed as a record over every
    // call name: a call added to the contract without a case here does not compile.
    const steps: { [N in CallName]: () => CallInput<N> } = {
      'app:info': () => undefined,
      'app:notices': () => undefined,
      'app:dismissNotice': () => 'nothing-to-dismiss',
      'settings:get': () => undefined,
      'settings:problems': () => undefined,
      'settings:update': () => ({
        companyName: 'Acme Corp',
        netcheckUrl: netcheckUrl(),
        stunServer: stun.server,
        smtp: { host: '127.0.0.1', port: 587, security: 'starttls', user: 'rita', fromAddress: '' },
      }),
      'account:status': () => undefined,
      'account:connect': () => undefined,
      'account:reopenSignIn': () => undefined,
      'account:cancelSignIn': () => undefined,
      'mail:sendTest': () => undefined,
      'mail:setSmtpPassword': () => 'secret',
      'interviews:preview': () => ({ ...at(120), durationMinutes: 45 }),
      'interviews:schedule': () => ({
        candidateName: 'Ada Lovelace',
        candidateEmail: 'ada@example.com',
        jobTitle: 'Engineer',
        ...at(120),
        durationMinutes: 45,
        notes: '',
        acceptConflicts: true,
      }),
      'interviews:list': () => undefined,
      'interviews:get': () => id,
      'interviews:page': () => ({
        section: 'upcoming',
        query: 'ada',
        todayStartMs: Date.now() - 3600_000,
        nowMs: Date.now(),
        offset: 0,
        limit: 1,
      }),
      'interviews:count': () => ({
        section: 'upcoming',
        query: '',
        todayStartMs: Date.now() - 3600_000,
        nowMs: Date.now(),
      }),
      'interviews:byIds': () => ({ ids: [id], query: '' }),
      'interviews:next': () => undefined,
      'google:syncNow': () => undefined,
      'google:retry': () => id,
      'interviews:reschedule': () => ({ id, ...at(10), durationMinutes: 45, acceptConflicts: true }),
      'interviews:setMeetLink': () => ({ id, meetLink }),
      'interviews:setPanel': () => ({
        id,
        coInterviewers: [{ email: 'pat@example.com', name: 'Pat Panel' }],
        acceptConflicts: true,
      }),
      // A move made in Google Calendar that nobody was emailed about: what Send update acts on.
      'interviews:sendCalendarChange': movedInCalendar,
      // Another such move, which the recruiter says people already know about.
      'interviews:markCalendarChangeTold': movedInCalendar,
      'interviews:join': () => ({ id, via: 'browser' }),
      'mail:resend': () => ({ id, recipient: 'candidate' }),
      // Two messages waiting when the database is restored from its copy: one to send, one to drop.
      'restore:pending': () => {
        services.outbox.enqueue(id, 'reminder', ['candidate', 'recruiter']);
        markRestored((services as ReturnType<typeof googleServices>).stores.database, Date.now());
        return undefined;
      },
      'restore:send': () => {
        // Google Calendar read again since the restore (the full read's own tests are in restore-review).
        restoreHoldState((services as ReturnType<typeof googleServices>).stores.database).calendarRead([]);
        return { keys: [heldKeys[0]!] };
      },
      'restore:drop': () => ({ keys: [heldKeys[1]!] }),
      'meet:setAlwaysOnTop': () => true,
      'shell:openExternal': () => meetLink,
      'deeplink:open': () => 'interview-desk://device-check',
      'deeplink:preview': () => joinLink,
      'deeplink:confirmJoin': () => joinLink,
      'candidate:save': () => ({ meetLink, ...at(24 * 60), title: 'Staff Engineer interview' }),
      'candidate:setNotes': () => ({ id: candidateId, notes: 'Ask about the team' }),
      'candidate:home': () => undefined,
      'candidate:remove': () => candidateId,
      'devicecheck:network': () => undefined,
      'devicecheck:mediaAccess': () => undefined,
      'analytics:report': () => ({ from: at(-24 * 60).date, to: at(30 * 24 * 60).date, timeZone: 'UTC' }),
      'analytics:exportCsv': () => ({ from: at(-24 * 60).date, to: at(30 * 24 * 60).date, timeZone: 'UTC' }),
      'findTime:connect': () => undefined,
      'findTime:busy': () => ({
        timeMin: new Date().toISOString(),
        timeMax: new Date(Date.now() + 14 * 86_400_000).toISOString(),
        coInterviewers: ['pat@example.com'],
      }),
      'scorecards:templates': () => undefined,
      'scorecards:saveTemplate': () => ({
        id: 'engineer',
        name: 'Engineering',
        jobTitle: 'Engineer',
        criteria: [{ id: 'design', name: 'System design', guidance: 'Designs for failure' }],
      }),
      'scorecards:removeTemplate': () => 'default',
      // The scorecard opens once the interview has started: it began 30 minutes ago.
      'scorecards:get': () => {
        services.commands.updateQuietly(id, (i) => ({
          ...i,
          startUtc: new Date(Date.now() - 30 * 60_000).toISOString(),
        }));
        return id;
      },
      'scorecards:saveDraft': () => ({
        interviewId: id,
        answers: { ratings: { design: { rating: 'yes', note: 'Solid' } }, takeaways: 'Good' },
      }),
      // The interview started 30 minutes ago: nothing is due yet (the App test and e2e show one that is).
      'scorecards:dueNow': () => undefined,
      'scorecards:submit': () => ({
        interviewId: id,
        answers: { ratings: { design: { rating: 'yes', note: 'Solid' } }, overall: 'yes', takeaways: 'Good' },
      }),
      // With the recruiter's scorecard submitted just before: their own in the debrief, the candidate's whole view.
      'debrief:get': () => ({ id, scope: 'candidate' }),
      'debrief:savePdf': () => ({ id }),
      'interviews:cancel': () => id,
      'mail:useGmail': () => undefined,
      'attendance:get': () => id,
      'attendance:connect': () => undefined,
      'attendance:waitingNow': () => undefined,
      // With attendance connected just before: Meet's artifacts are read with the same permission.
      'artifacts:get': () => id,
      'artifacts:checkNow': () => id,
      'artifacts:lines': () => ({ interviewId: id, query: '50% of_it' }),
      // Google Forms connected here (the emulator's consent approves); the interview was cancelled, so no form is made.
      'panelForms:get': () => id,
      'panelForms:connect': () => undefined,
      'panelForms:checkNow': () => id,
      // A co-interviewer whose scorecard email was given up: Resend tries it again.
      'panelForms:resend': () => {
        (services as ReturnType<typeof googleServices>).stores.database
          .prepare(
            "INSERT INTO panel_form_recipients (interview_id, email, name, mail_attempts) VALUES (?, 'bob@example.com', 'Bob', 6)",
          )
          .run(id);
        return { interviewId: id, email: 'bob@example.com' };
      },
      'account:disconnect': () => undefined,
    };
    expect(Object.keys(steps).sort()).toEqual([...callNames].sort());
    const checked: string[] = [];
    for (const name of Object.keys(steps) as CallName[]) {
      const result = await dispatchCall(services.handlers, name, steps[name](), createMemoryLogger());
      if (!result.ok) throw new Error(`${name} failed: ${result.error.message}`);
      const parsed = calls[name].output.safeParse(result.value);
      if (!parsed.success)
        throw new Error(
          `${name} answered outside its output schema: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`,
        );
      // Nothing beyond the schema either (zod drops unknown keys silently: an extra field would be a leak the contract does not describe).
      expect(parsed.data, `${name} answered fields its schema does not describe`).toEqual(result.value);
      if (name === 'interviews:schedule') id = (result.value as { id: string }).id;
      if (name === 'candidate:save') candidateId = (result.value as { id: string }).id;
      if (name === 'restore:pending')
        heldKeys = (result.value as { messages: { key: string }[] }).messages.map((m) => m.key);
      checked.push(name);
    }
    console.log(`output schemas checked: ${checked.length} of ${callNames.length} calls`);
    expect(checked).toHaveLength(callNames.length);
  });
});
