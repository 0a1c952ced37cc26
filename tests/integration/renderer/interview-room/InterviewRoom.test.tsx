import { afterAll, describe, expect, it } from 'vitest';
import { rendererOverServices } from '../../../support/renderer-over-services';
import { startSmtpSink } from '../../../support/smtp-sink';
import { loadEnvConfig } from '../../../../main/config/env-config';
import { calendarChangeMark } from '../../../../main/google/calendar/calendar-change-mark';
import { withRemoteCancel } from '../../../../main/google/calendar/remote-event';

// Main's clock is the test's: an interview can be scheduled ahead and then be in the past.
let mainNow = Date.now();
const sink = await startSmtpSink();
afterAll(() => sink.close());
// Real services over a real settings file and database, mailing a real SMTP sink; the renderer reaches them as it reaches main.
const { render, screen, fireEvent, within, waitFor, services } = await rendererOverServices({
  deps: (dataDir) => ({
    clock: { now: () => mainNow },
    config: loadEnvConfig({ INTERVIEW_DESK_SMTP_URL: sink.url }, dataDir),
  }),
});
const { InterviewRoom } = await import('../../../../renderer/interview-room/InterviewRoom');

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const schedule = (name: string, startMs: number) =>
  services.commands.schedule({
    candidateName: name,
    candidateEmail: `${name.split(' ')[0]!.toLowerCase()}@example.com`,
    jobTitle: 'Engineer',
    date: dateOf(startMs),
    time: '10:00',
    timeZone: 'UTC',
    durationMinutes: 30,
    notes: '',
    candidateMessage: '',
    meetLink: 'https://meet.google.com/abc-defg-hij',
    coInterviewers: [],
    acceptConflicts: true,
  });
const room = (id: string) => render(<InterviewRoom id={id} settings={services.settings.get()} />);

describe('InterviewRoom: what it offers and says after a cancel', () => {
  services.settings.update({ recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' });

  it('offers only Send cancellation for a cancel made in Google Calendar; once sent, the not-emailed line goes', async () => {
    mainNow = Date.now();
    const linus = schedule('Linus Pauling', Date.now() + 3 * 86_400_000);
    await waitFor(() => expect(services.interviews.get(linus.id).invitations.candidate.state).toBe('sent'));
    // What a read of Google Calendar leaves when the event was deleted there (calendar-pull.ts).
    services.commands.updateQuietly(linus.id, (i) =>
      withRemoteCancel(
        i,
        { id: 'evt-linus', etag: '"2"' },
        calendarChangeMark(i, { ...i, kind: 'cancelled' }, undefined, mainNow, () => ({ withdrawn: 0 })),
      ),
    );
    room(linus.id);
    const line = await screen.findByTestId('calendar-change');
    expect(line.textContent).toMatch(/Cancelled in Google Calendar/);
    expect(screen.queryAllByRole('button', { name: /^Resend/ })).toEqual([]);

    fireEvent.click(within(line).getByRole('button', { name: 'Send cancellation' }));
    const confirmation = await screen.findByTestId('delivery-confirmation');
    expect(confirmation.textContent).toMatch(/^Cancellation (queued for|sent to) Linus Pauling/);
    expect(screen.queryByTestId('calendar-change')).toBeNull();
    expect(services.interviews.get(linus.id).ics.sequence).toBe(linus.ics.sequence + 1);
  });

  it('"They already know" clears a move made in Google Calendar, sends nothing, and says so where focus lands', async () => {
    mainNow = Date.now();
    const marie = schedule('Marie Curie', Date.now() + 5 * 86_400_000);
    await waitFor(() => expect(services.interviews.get(marie.id).invitations.candidate.state).toBe('sent'));
    await waitFor(() => expect(services.interviews.get(marie.id).invitations.recruiter.state).toBe('sent'));
    const mailed = sink.received.length;
    // What a read of Google Calendar leaves when the event was moved there (calendar-pull.ts).
    const later = new Date(Date.parse(marie.startUtc) + 2 * 3_600_000).toISOString();
    services.commands.updateQuietly(marie.id, (i) => ({
      ...i,
      startUtc: later,
      google: {
        eventId: 'evt-marie',
        state: 'synced',
        calendarChange: calendarChangeMark(
          i,
          { kind: 'moved', startUtc: later, durationMinutes: 30 },
          undefined,
          mainNow,
          () => ({
            withdrawn: 0,
          }),
        )!,
      },
    }));
    room(marie.id);
    const line = await screen.findByTestId('calendar-change');
    expect(screen.queryAllByRole('button', { name: /^Resend/ })).toEqual([]);
    fireEvent.click(within(line).getByRole('button', { name: 'They already know' }));

    const told = await screen.findByTestId('calendar-change-told');
    await waitFor(() => expect(document.activeElement).toBe(told));
    expect(told.textContent).toMatch(
      /^The move made in Google Calendar was marked as told on .+ — Interview Desk sent nothing\.$/,
    );
    expect(screen.queryByTestId('calendar-change')).toBeNull();
    expect(screen.queryByTestId('delivery-confirmation')).toBeNull();
    // Resend is offered again, and nothing went out or waits to.
    expect(screen.getAllByRole('button', { name: /^Resend/ }).length).toBeGreaterThan(0);
    expect(services.outbox.items().filter((i) => i.interviewId === marie.id && i.state === 'queued')).toEqual([]);
    await new Promise((r) => setTimeout(r, 300));
    expect(sink.received).toHaveLength(mailed);
    expect(services.interviews.get(marie.id).google).toMatchObject({ calendarChangeTold: { kind: 'moved' } });
  });

  it('after a restored copy, the same answer is "They were told" and a refusal is shown in words', async () => {
    mainNow = Date.now();
    const alan = schedule('Alan Turing', Date.now() + 6 * 86_400_000);
    const mark = {
      kind: 'moved' as const,
      at: new Date(mainNow).toISOString(),
      was: { startUtc: alan.startUtc, durationMinutes: 30 },
      afterRestore: true as const,
    };
    services.commands.updateQuietly(alan.id, (i) => ({
      ...i,
      google: { eventId: 'evt-alan', state: 'synced', calendarChange: mark },
    }));
    room(alan.id);
    const line = await screen.findByTestId('calendar-change');
    expect(line.textContent).toMatch(/Use Send update only if the candidate has not been told\./);
    // Another window already answered: main refuses, and the room says why.
    services.commands.markCalendarChangeTold(alan.id);
    fireEvent.click(within(line).getByRole('button', { name: 'They were told' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(
      /There is no change made in Google Calendar waiting to be told about this interview\./,
    );
  });

  it('after cancelling an interview whose time has passed, says no one was emailed', async () => {
    // Scheduled two days ahead of a clock three days back: its time is over by now.
    const start = Date.now() - 2 * 86_400_000;
    mainNow = start - 86_400_000;
    const grace = schedule('Grace Hopper', start);
    await waitFor(() => expect(services.interviews.get(grace.id).invitations.candidate.state).toBe('sent'));
    mainNow = Date.now();
    room(grace.id);
    fireEvent.click(await screen.findByRole('button', { name: 'Cancel interview' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toMatch(/Its time has passed, so no one is emailed/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel interview' }));
    const confirmation = await screen.findByTestId('delivery-confirmation');
    await waitFor(() => expect(services.interviews.get(grace.id).status).toBe('cancelled'));
    expect(confirmation.textContent).toBe('Marked cancelled; no one was emailed.');
    expect(services.outbox.items().filter((i) => i.interviewId === grace.id && i.kind === 'cancellation')).toEqual([]);
  });

  it('after cancelling a future interview while Google emails the guests, says Google tells them, not that no one was emailed', async () => {
    mainNow = Date.now();
    const ada = schedule('Ada Lovelace', Date.now() + 4 * 86_400_000);
    await waitFor(() => expect(services.interviews.get(ada.id).invitations.candidate.state).toBe('sent'));
    // The invitation went out from here; then the interview got its event and Settings let Google email the guests.
    services.commands.updateQuietly(ada.id, (i) => ({ ...i, google: { eventId: 'evt-ada', state: 'synced' } }));
    services.settings.update({ googleSendsInvites: true });
    try {
      render(<InterviewRoom id={ada.id} settings={services.settings.get()} />);
      fireEvent.click(await screen.findByRole('button', { name: 'Cancel interview' }));
      fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Cancel interview' }));
      const confirmation = await screen.findByTestId('delivery-confirmation');
      await waitFor(() => expect(services.interviews.get(ada.id).status).toBe('cancelled'));
      expect(confirmation.textContent).toBe(
        'Cancelled; Google Calendar emails the guests (Interview Desk sent no cancellation).',
      );
      // The app queued nothing: Google's sendUpdates=all is what tells them.
      expect(services.outbox.items().filter((i) => i.interviewId === ada.id && i.kind === 'cancellation')).toEqual([]);
    } finally {
      services.settings.update({ googleSendsInvites: false });
    }
  });
});
