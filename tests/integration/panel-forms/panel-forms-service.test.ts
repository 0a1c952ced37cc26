import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startGoogleEmulator, type GoogleEmulator } from '../../google-emulator/google-emulator';
import { googleServices } from '../../support/google-harness';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { makeTempDir } from '../../support/temp-dir';
import { panelInterview } from '../../support/panel-interview';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { loadEnvConfig } from '../../../main/config/env-config';
import { createMemoryLogger } from '../../../main/logging/logger';
import { createInterviewRepository } from '../../../main/database/interview-repository';
import { createKeytarSecretStore } from '../../../main/secrets/keytar-secret-store';
import { createScorecardRepository } from '../../../main/scorecards/scorecard-repository';
import { formsScope } from '../../../main/panel-forms/forms-client';
import { badFormLinkProblem } from '../../../main/panel-forms/request-sender';
import { unverifiedFormReason } from '../../../main/panel-forms/response-reader';
import type { DeskServices } from '../../../main/app/compose-services';
import type { Database } from '../../../main/database/database';
import type { PanelFormView } from '../../../preload/shared/contract/panel-forms-schema';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

/**
 * The panel's scorecards through Google Forms, wired into the app (composition root, real SQLite,
 * the real keychain, the Forms emulator, a real SMTP server): consent, the form, the emails, the
 * responses read back, and Google's faults. Runs inside a private D-Bus session with gnome-keyring.
 */
describe('panel scorecards through Google Forms (emulator, SMTP sink, real keychain)', () => {
  let g: GoogleEmulator;
  let sink: SmtpSink;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices & { stores: { database: Database } };
  let now: number;
  const keychainService = `interview-desk-test-panel-forms-${process.pid}`;
  const minute = 60_000;
  const hour = 60 * minute;
  const start = Date.parse('2030-03-04T10:00:00.000Z');
  const end = start + 45 * minute;
  const call = async <T>(name: string, input?: unknown): Promise<T> => {
    const result = await dispatchCall(services.handlers, name, input, createMemoryLogger());
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as T;
  };
  const seed = (overrides: Partial<Interview> = {}) => {
    const interview = panelInterview(start, overrides);
    createInterviewRepository(services.stores.database).put(interview);
    return interview;
  };
  const check = (id: string) => call<PanelFormView>('panelForms:checkNow', id);
  const formOf = () => g.forms.all().at(-1)!;
  const answer = (who: string, overall: string, at: number) =>
    g.forms.respond(
      formOf().formId,
      who,
      {
        'Skills for the role': 'Yes',
        'Problem solving': 'Strong yes',
        Communication: 'Not assessed',
        Collaboration: 'Yes',
        'Overall recommendation': overall,
        'Key takeaways': `${who} says ${overall}`,
      },
      new Date(at).toISOString(),
    );

  beforeAll(async () => {
    g = await startGoogleEmulator();
    sink = await startSmtpSink();
  });
  afterAll(async () => {
    await g.close();
    await sink.close();
  });
  beforeEach(() => {
    temp = makeTempDir();
    now = end + 10 * minute;
    g.faults.clear();
    g.forms.forms.clear();
    g.requests.length = 0;
    sink.received.length = 0;
    services = googleServices(g, temp.dir, {
      keychainService,
      overrides: {
        config: loadEnvConfig({ ...g.env, INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir),
        clock: { now: () => now },
        // Nothing runs on its own: each step is a "Check now".
        tuning: { timers: { set: () => 0, clear: () => {} } },
      },
    });
  });
  afterEach(async () => {
    await services.dispose();
    services.stores.database.close();
    await createKeytarSecretStore(keychainService).delete('recruiter@example.com');
    temp.cleanup();
  });

  it('asks Google nothing until Forms is connected, then asks for drive.file alone, incrementally', async () => {
    const interview = seed();
    await call('account:connect');
    g.requests.length = 0;
    expect(await call<PanelFormView>('panelForms:get', interview.id)).toMatchObject({
      applies: true,
      connection: 'not_connected',
      form: { state: 'needs_scope' },
    });
    await expect(check(interview.id)).rejects.toThrow(/Connect Google Forms/);
    expect(g.count('/v1/forms')).toBe(0);
    await call('panelForms:connect');
    const consent = g.oauth.authorizations.at(-1)!.query;
    expect(consent.include_granted_scopes).toBe('true');
    expect(consent.scope!.split(' ')).toContain(formsScope);
    expect(consent.scope).not.toMatch(/forms\.body|auth\/drive(\s|$)|forms\.responses/);
    expect(g.oauth.grantedScopes()).toContain(formsScope);
  });

  it('makes one verified, published form from the template, asks each co-interviewer an hour after the end, reads responses back', async () => {
    const interview = seed();
    const other = seed({ coInterviewers: [] });
    await call('account:connect');
    await call('panelForms:connect');
    let view = await check(interview.id);
    expect(g.forms.all()).toHaveLength(1);
    const form = formOf();
    expect(form.info.title).toBe('Your scorecard: Ada Lovelace, Compiler Engineer');
    expect(form.settings.emailCollectionType).toBe('VERIFIED');
    expect(form.publishState).toEqual({ isPublished: true, isAcceptingResponses: true });
    expect(form.items.map((i) => i.title)).toEqual([
      'Skills for the role',
      'Skills for the role: note',
      'Problem solving',
      'Problem solving: note',
      'Communication',
      'Communication: note',
      'Collaboration',
      'Collaboration: note',
      'Overall recommendation',
      'Key takeaways',
    ]);
    expect(view.form.state).toBe('ready');
    expect(view.form.responderUri).toMatch(/^https:\/\/docs\.google\.com\/forms\/d\/e\//);
    // Not an hour yet: nobody is emailed.
    expect(sink.received).toHaveLength(0);
    expect(view.people.map((p) => [p.email, p.status, p.nextAt])).toEqual([
      ['bob@example.com', 'waiting', new Date(end + hour).toISOString()],
      ['cy@example.com', 'waiting', new Date(end + hour).toISOString()],
    ]);
    // Checking again makes no second form.
    await check(interview.id);
    expect(g.forms.all()).toHaveLength(1);
    expect((await call<PanelFormView>('panelForms:get', other.id)).applies).toBe(false);

    now = end + hour + minute;
    view = await check(interview.id);
    expect(sink.received.map((m) => m.envelope.to).sort()).toEqual([['bob@example.com'], ['cy@example.com']]);
    const mail = sink.received.find((m) => m.envelope.to[0] === 'bob@example.com')!;
    expect(mail.parsed.subject).toBe('Your scorecard: Ada Lovelace, Compiler Engineer');
    expect(mail.parsed.html).toContain(`href="${view.form.responderUri}"`);
    expect(mail.parsed.html).toContain('Fill in your scorecard');
    expect(mail.parsed.text).toContain(`Fill in your scorecard: ${view.form.responderUri}`);
    expect(mail.parsed.text).toContain('Hello Bob Panel,');
    expect(mail.parsed.attachments).toHaveLength(0);
    expect(mail.raw).not.toContain('text/calendar');
    expect(mail.parsed.replyTo?.value[0]?.address).toBe('recruiter@example.com');
    // Nothing of this ever goes to the candidate.
    expect(sink.received.some((m) => m.envelope.to.includes('ada@example.com'))).toBe(false);
    expect(view.people.map((p) => p.status)).toEqual(['asked', 'asked']);

    answer('bob@example.com', 'Strong yes', end + 2 * hour);
    now = end + 2 * hour + 15 * minute;
    view = await check(interview.id);
    expect(view.people.map((p) => p.status)).toEqual(['received', 'asked']);
    expect(view.people[0]!.receivedAt).toBe(new Date(end + 2 * hour).toISOString());
    const stored = createScorecardRepository({ database: services.stores.database, log: createMemoryLogger() }).others(
      interview.id,
    );
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({
      author: { kind: 'panelist', name: 'Bob Panel', email: 'bob@example.com' },
      source: 'form',
      state: 'submitted',
      answers: { overall: 'strong_yes', takeaways: 'bob@example.com says Strong yes' },
      submittedAt: new Date(end + 2 * hour).toISOString(),
    });
    expect(stored[0]!.answers.ratings['problem-solving']).toEqual({ rating: 'strong_yes', note: '' });

    // A day after the ask: only Cy, who has not answered, is reminded.
    sink.received.length = 0;
    now = end + hour + minute + 24 * hour;
    view = await check(interview.id);
    expect(sink.received.map((m) => [m.envelope.to[0], m.parsed.subject])).toEqual([
      ['cy@example.com', 'Your scorecard: Ada Lovelace, Compiler Engineer (reminder)'],
    ]);
    expect(view.people[1]).toMatchObject({ status: 'reminded', reminders: 1 });

    // Bob changes his answers: the stored scorecard follows, marked edited, first submission kept.
    g.forms.editResponse(
      formOf().formId,
      g.forms.all()[0]!.responses[0]!.responseId,
      {
        'Skills for the role': 'No',
        'Problem solving': 'No',
        Communication: 'No',
        Collaboration: 'No',
        'Overall recommendation': 'No',
      },
      new Date(now + minute).toISOString(),
    );
    now += 20 * minute;
    await check(interview.id);
    const edited = createScorecardRepository({ database: services.stores.database, log: createMemoryLogger() }).others(
      interview.id,
    )[0]!;
    expect(edited.answers.overall).toBe('no');
    expect(edited.submittedAt).toBe(new Date(end + 2 * hour).toISOString());
    expect(edited.editedAt).toBeDefined();
  });

  it('gives the scheduled start, its zone named, in the same words in the ask and every reminder (text and HTML)', async () => {
    const interview = seed({ coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }] });
    await call('account:connect');
    await call('panelForms:connect');
    now = end + hour;
    await check(interview.id);
    now = end + hour + 24 * hour;
    await check(interview.id);
    // As every other email writes a time: the interview's zone, named.
    const scheduled = 'Monday, 4 March 2030 at 10:00, Greenwich Mean Time (Europe/London)';
    const inText = (m: (typeof sink.received)[number]) => m.parsed.text?.match(/^Interview: (.*)$/m)?.[1];
    const inHtml = (m: (typeof sink.received)[number]) =>
      (m.parsed.html || '')
        .match(/<th[^>]*>Interview<\/th><td[^>]*>([\s\S]*?)<\/td>/)?.[1]
        ?.replace(/<br>/g, ', ')
        .replace(/<[^>]+>/g, '');
    expect(sink.received.map((m) => [m.parsed.subject, inText(m), inHtml(m)])).toEqual([
      ['Your scorecard: Ada Lovelace, Compiler Engineer', scheduled, scheduled],
      ['Your scorecard: Ada Lovelace, Compiler Engineer (reminder)', scheduled, scheduled],
    ]);
  });

  it('stops after five reminders, and sends none once the form is deleted (what was read is kept)', async () => {
    const interview = seed({ coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }] });
    await call('account:connect');
    await call('panelForms:connect');
    now = end + hour;
    await check(interview.id);
    for (let day = 1; day <= 7; day++) {
      now = end + hour + day * 24 * hour;
      await check(interview.id);
    }
    expect(sink.received.map((m) => m.parsed.subject?.endsWith('(reminder)'))).toEqual([
      false,
      true,
      true,
      true,
      true,
      true,
    ]);
    const view = await call<PanelFormView>('panelForms:get', interview.id);
    expect(view.people[0]).toMatchObject({ status: 'reminded', reminders: 5 });
    expect(view.people[0]!.nextAt).toBeUndefined();

    const second = seed({ coInterviewers: [{ email: 'cy@example.com', name: 'Cy Panel' }] });
    now = end + hour;
    // A second interview at the same time: its own form.
    await check(second.id);
    expect(g.forms.all()).toHaveLength(2);
    g.forms.deleteForm(formOf().formId);
    sink.received.length = 0;
    now = end + hour + 25 * hour;
    const gone = await check(second.id);
    expect(gone.form.state).toBe('gone');
    expect(gone.form.message).toMatch(/deleted in Google Drive/);
    expect(sink.received).toHaveLength(0);
  });

  it('gives up an email the server refuses, says why in the room, and sends it on Resend', async () => {
    const interview = seed({ coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }] });
    await call('account:connect');
    await call('panelForms:connect');
    sink.rejectRecipients.add('bob@example.com');
    now = end + hour + minute;
    let view = await check(interview.id);
    expect(sink.received).toHaveLength(0);
    expect(view.people[0]).toMatchObject({ status: 'failed', problem: expect.stringMatching(/bob@example\.com/) });
    expect(view.people[0]!.nextAt).toBeUndefined();
    // Given up: nothing more goes on its own, a day later either.
    now += 24 * hour;
    await check(interview.id);
    expect(sink.received).toHaveLength(0);

    sink.rejectRecipients.delete('bob@example.com');
    view = await call<PanelFormView>('panelForms:resend', { interviewId: interview.id, email: 'bob@example.com' });
    expect(sink.received.map((m) => [m.envelope.to[0], m.parsed.subject])).toEqual([
      ['bob@example.com', 'Your scorecard: Ada Lovelace, Compiler Engineer'],
    ]);
    expect(view.people[0]).toMatchObject({ status: 'asked', askedAt: new Date(now).toISOString() });
    expect(view.people[0]!.problem).toBeUndefined();
    // Only a given-up email is sent again on request.
    await expect(call('panelForms:resend', { interviewId: interview.id, email: 'bob@example.com' })).rejects.toThrow(
      'This scorecard email is not waiting to be sent again.',
    );
  });

  it('puts no link in anyone’s email when the stored form link is not a Google Form’s, and says so in the room', async () => {
    const interview = seed({ coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }] });
    await call('account:connect');
    await call('panelForms:connect');
    const made = await check(interview.id);
    // A hand-edited or restored database: the link no longer is the one Google gave.
    const setLink = (uri: string) =>
      services.stores.database
        .prepare('UPDATE panel_forms SET responder_uri = ? WHERE interview_id = ?')
        .run(uri, interview.id);
    setLink('https://docs.google.com.evil.example/forms/d/e/abcdefghijkl/viewform');
    now = end + hour + minute;
    let view = await check(interview.id);
    expect(sink.received).toHaveLength(0);
    expect(view.people[0]).toMatchObject({ status: 'waiting', problem: badFormLinkProblem });
    expect(view.form.responderUri).toBeUndefined();

    // The right link back: the ask goes on its own, with it.
    setLink(made.form.responderUri!);
    now += 11 * minute;
    view = await check(interview.id);
    expect(sink.received.map((m) => m.envelope.to[0])).toEqual(['bob@example.com']);
    expect(sink.received[0]!.parsed.text).toContain(made.form.responderUri!);
    expect(view.people[0]).toMatchObject({ status: 'asked' });
    expect(view.people[0]!.problem).toBeUndefined();
  });

  it('reads no answers once the form stops recording verified addresses, says so, and reads them when it does again', async () => {
    const interview = seed();
    await call('account:connect');
    await call('panelForms:connect');
    await check(interview.id);
    const { formId } = formOf();
    // The owner switches to addresses the respondent types: Cy answers as Bob.
    g.forms.setEmailCollection(formId, 'RESPONDER_INPUT');
    answer('bob@example.com', 'Definitely not', end + 2 * hour);
    now = end + 2 * hour + 15 * minute;
    g.requests.length = 0;
    let view = await check(interview.id);
    expect(view.form.message).toBe(unverifiedFormReason);
    expect(view.people.map((p) => p.status)).not.toContain('received');
    expect(
      createScorecardRepository({ database: services.stores.database, log: createMemoryLogger() }).others(interview.id),
    ).toHaveLength(0);
    expect(g.requests.some((r) => r.path.endsWith('/responses'))).toBe(false);

    // Verified again: nothing was skipped past, the answer is read now.
    g.forms.setEmailCollection(formId, 'VERIFIED');
    now += 15 * minute;
    view = await check(interview.id);
    expect(view.form.message).toBeUndefined();
    expect(view.people[0]!.status).toBe('received');
  });

  it('rides out 429 and 5xx from Google: retried, then read again later, nothing lost', async () => {
    const interview = seed({ coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }] });
    await call('account:connect');
    await call('panelForms:connect');
    // The create is never retried blindly: a 503 on it waits for the next attempt, and no second form appears.
    g.faults.add({ method: 'POST', path: /^\/v1\/forms$/, status: 503 });
    let view = await check(interview.id);
    expect(view.form).toMatchObject({ state: 'creating', message: expect.stringMatching(/could not be reached/) });
    expect(g.forms.all()).toHaveLength(0);
    now += 2 * hour;
    view = await check(interview.id);
    expect(view.form.state).toBe('ready');
    expect(g.forms.all()).toHaveLength(1);

    answer('bob@example.com', 'Yes', now - minute);
    // A 429 with Retry-After on the read is retried within the call.
    g.faults.add({ path: '/responses', status: 429, retryAfter: 0 });
    view = await check(interview.id);
    expect(view.people[0]!.status).toBe('received');

    // Google down for good: the read backs off with a reason, the stored scorecard stays.
    g.faults.add({ path: '/responses', status: 503, times: 50 });
    now += hour;
    view = await check(interview.id);
    expect(view.form.message).toMatch(/could not be reached/);
    expect(view.people[0]!.status).toBe('received');
    expect(
      createScorecardRepository({ database: services.stores.database, log: createMemoryLogger() }).others(interview.id),
    ).toHaveLength(1);
  });
});
