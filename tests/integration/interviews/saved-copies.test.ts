import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SmtpSink } from '../../support/smtp-sink';
import { makeTempDir } from '../../support/temp-dir';
import { servicesFor } from '../../support/test-services';
import { loadEnvConfig } from '../../../main/config/env-config';
import { dispatchCall } from '../../../main/app/dispatch-call';
import { createMemoryLogger } from '../../../main/logging/logger';
import type { DeskServices } from '../../../main/app/compose-services';
import type { Interview } from '../../../preload/shared/contract/interview-schema';

describe("copies saved from invitations: the candidate's and a co-interviewer's", () => {
  let sink: SmtpSink;
  let temp: ReturnType<typeof makeTempDir>;
  let services: DeskServices;
  const call = (name: string, input?: unknown) => dispatchCall(services.handlers, name, input, createMemoryLogger());
  beforeAll(async () => {
    sink = await startSmtpSink();
  });
  afterAll(async () => sink.close());
  beforeEach(async () => {
    temp = makeTempDir();
    sink.received.length = 0;
    services = servicesFor(temp.dir, { config: { ...loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, temp.dir) } });
    await call('settings:update', { recruiterName: 'Pat Panel', recruiterEmail: 'pat@example.com' });
  });
  afterEach(async () => {
    await services.dispose();
    temp.cleanup();
  });

  it("is previewed and saved as a panelist's; main refuses resend, reschedule, cancel, a new Meet link and a panel change in words for a panelist", async () => {
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    const link = `interview-desk://panel?meet=abc-defg-hij&start=${encodeURIComponent(start.toISOString())}&duration=45&title=Staff+Engineer+interview&candidate=Ada+Lovelace`;
    expect(await call('deeplink:preview', link)).toEqual({
      ok: true,
      value: {
        title: 'Staff Engineer interview',
        meetLink: 'https://meet.google.com/abc-defg-hij',
        startUtc: start.toISOString(),
        durationMinutes: 45,
        panelistFor: 'Ada Lovelace',
      },
    });
    const saved = await call('deeplink:confirmJoin', link);
    if (!saved.ok) throw new Error(saved.error.message);
    const id = (saved.value as Interview).id;
    expect(saved.value).toMatchObject({
      origin: 'panelist',
      candidate: { name: 'Ada Lovelace' },
      recruiter: { name: '' },
    });
    // Saved once: the same link again finds it, a candidate's link for the same meeting is another copy.
    expect(await call('deeplink:open', link)).toEqual({ ok: true, value: { screen: 'interview', id } });
    const asCandidate = await call('deeplink:preview', link.replace('panel?', 'join?'));
    expect(asCandidate.ok && asCandidate.value).not.toHaveProperty('savedId');

    const refusal = async (name: string, input: unknown) => {
      const result = await call(name, input);
      return result.ok ? 'accepted' : result.error.message;
    };
    expect(await refusal('mail:resend', { id, recipient: 'candidate' })).toBe(
      'This panel interview came from an invitation you received, so there are no emails to send from here.',
    );
    expect(
      await refusal('interviews:reschedule', {
        id,
        date: '2031-01-02',
        time: '10:00',
        timeZone: 'Europe/Berlin',
        durationMinutes: 45,
      }),
    ).toBe('Only the recruiter who invited you can move this interview. Write to them to ask for a new time.');
    expect(await refusal('interviews:cancel', id)).toBe(
      'Only the recruiter who invited you can cancel this interview. Write to them if you cannot make it; you can remove it from this computer.',
    );
    expect(await refusal('interviews:setMeetLink', { id, meetLink: 'https://meet.google.com/xyz-wxyz-xyz' })).toBe(
      'The Meet link of this panel interview comes from your invitation and cannot be changed here.',
    );
    expect(await refusal('interviews:setPanel', { id, coInterviewers: [{ email: 'sam@example.com' }] })).toBe(
      'Only the recruiter who invited you can change who is on the panel.',
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(services.outbox.items()).toEqual([]);
    expect(sink.received).toEqual([]);
    expect(services.interviews.get(id)).toMatchObject({
      status: 'scheduled',
      startUtc: start.toISOString(),
      meetLink: 'https://meet.google.com/abc-defg-hij',
      coInterviewers: [],
    });

    // What a panelist can do: keep their own notes, and remove the copy.
    expect(await refusal('candidate:setNotes', { id, notes: 'Ask about testing' })).toBe('accepted');
    expect(await call('candidate:remove', id)).toEqual({ ok: true, value: null });
    expect(services.interviews.list()).toEqual([]);
  });

  it("the candidate's home lists the saved copies, named for their reader, until an interview is scheduled here", async () => {
    expect(await call('candidate:home')).toEqual({ ok: true, value: { saved: [], scheduledHere: false } });
    const start = new Date(Date.now() + 2 * 86_400_000);
    start.setUTCMinutes(0, 0, 0);
    const at = encodeURIComponent(start.toISOString());
    await call(
      'deeplink:confirmJoin',
      `interview-desk://join?meet=abc-defg-hij&start=${at}&duration=45&title=Staff+Engineer+interview`,
    );
    await call(
      'deeplink:confirmJoin',
      `interview-desk://panel?meet=xyz-wxyz-xyz&start=${at}&duration=30&title=Backend+Engineer+interview&candidate=Ada+Lovelace`,
    );
    const home = await call('candidate:home');
    expect(home).toMatchObject({ ok: true, value: { scheduledHere: false } });
    const rows = home.ok
      ? (home.value as { saved: Array<{ candidateName: string; jobTitle: string; savedBy?: string }> }).saved
      : [];
    expect(rows.map((r) => [r.savedBy, r.candidateName, r.jobTitle]).sort()).toEqual([
      ['candidate', 'You', 'Staff Engineer interview'],
      ['panelist', 'Panel · Ada Lovelace', 'Backend Engineer interview'],
    ]);
    const scheduled = await call('interviews:schedule', {
      candidateName: 'Grace Hopper',
      candidateEmail: 'grace@example.com',
      jobTitle: 'Compilers',
      date: '2031-03-04',
      time: '10:00',
      timeZone: 'Europe/Berlin',
      durationMinutes: 45,
      meetLink: 'https://meet.google.com/abc-defg-hij',
      acceptConflicts: true,
    });
    expect(scheduled.ok).toBe(true);
    expect(await call('candidate:home')).toEqual({ ok: true, value: { saved: [], scheduledHere: true } });
  });
});
