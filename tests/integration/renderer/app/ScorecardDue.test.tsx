import { afterEach, describe, expect, it } from 'vitest';
import { rendererOverServices } from '../../../support/renderer-over-services';
import { makeInterview } from '../../../support/interview-fixtures';
import type { Interview } from '../../../../preload/shared/contract/interview-schema';
import { createInterviewRepository } from '../../../../main/database/interview-repository';
import { recordNobodyJoined } from '../../../support/attendance-seed';

const hour = 3_600_000;
const ended = makeInterview({
  startUtc: new Date(Date.now() - 3 * hour).toISOString(),
  durationMinutes: 60,
  candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
  jobTitle: 'Compiler Engineer',
});
const dueFor = (i: Interview) => ({
  interviewId: i.id,
  candidateName: i.candidate.name,
  jobTitle: i.jobTitle,
  endUtc: new Date(Date.parse(i.startUtc) + i.durationMinutes * 60_000).toISOString(),
});

// The whole App over real services in this process; "Scorecard due" arrives as main emits it.
const { render, screen, cleanup, fireEvent, waitFor, act, services, desk } = await rendererOverServices({
  seed: {
    interviews: [ended],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' },
  },
});
const { App } = await import('../../../../renderer/app/App');

afterEach(() => {
  window.location.hash = '';
});

describe('"Scorecard due" in the window', () => {
  // Before the test below submits the scorecard: the interview ended 2 h ago, so it is due now.
  it('a window opened (or reloaded) after the due moment shows it at once; a later notice replaces it', async () => {
    render(<App />);
    const banner = await screen.findByTestId('scorecard-due-banner');
    expect(banner.textContent).toContain(
      'Scorecard due: The interview with Ada Lovelace (Compiler Engineer) ended 2 h ago.',
    );
    await waitFor(() => expect(document.title).toBe('(1) Interview Desk'));
    // The next daily notice is the same interview: still one banner, one in the count.
    act(() => services.events.emit('scorecards:due', dueFor(ended)));
    await waitFor(() => expect(screen.getAllByTestId('scorecard-due-banner')).toHaveLength(1));
    expect(document.title).toBe('(1) Interview Desk');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss scorecard due for Ada Lovelace' }));
    expect(screen.queryByTestId('scorecard-due-banner')).toBeNull();
    // Opened again (a reload): main still says it is due.
    cleanup();
    render(<App />);
    await screen.findByTestId('scorecard-due-banner');
  });

  it('a quiet banner and a count in the title; Write scorecard opens the room, Dismiss takes both away', async () => {
    render(<App />);
    await screen.findByRole('link', { name: 'Settings' });
    act(() => services.events.emit('scorecards:due', dueFor(ended)));
    const banner = await screen.findByTestId('scorecard-due-banner');
    expect(banner.getAttribute('role')).toBe('status');
    expect(banner.textContent).toContain(
      'Scorecard due: The interview with Ada Lovelace (Compiler Engineer) ended 2 h ago.',
    );
    await waitFor(() => expect(document.title).toBe('(1) Interview Desk'));

    fireEvent.click(screen.getByRole('button', { name: 'Write scorecard for Ada Lovelace' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/interview/${ended.id}`));
    expect(screen.queryByTestId('scorecard-due-banner')).toBeNull();
    await waitFor(() => expect(document.title).toBe('Interview Desk'));

    // Told again the next day: shown again; Dismiss takes it away.
    act(() => services.events.emit('scorecards:due', dueFor(ended)));
    await screen.findByTestId('scorecard-due-banner');
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss scorecard due for Ada Lovelace' }));
    expect(screen.queryByTestId('scorecard-due-banner')).toBeNull();
    expect(document.activeElement?.id).toBe('main');
  });

  it('goes away once the recruiter’s scorecard is submitted', async () => {
    render(<App />);
    await screen.findByRole('link', { name: 'Settings' });
    act(() => services.events.emit('scorecards:due', dueFor(ended)));
    await screen.findByTestId('scorecard-due-banner');
    const submitted = await desk.scorecards.submit({
      interviewId: ended.id,
      answers: { ratings: {}, overall: 'yes', takeaways: '' },
    });
    expect(submitted.ok).toBe(true);
    await waitFor(() => expect(screen.queryByTestId('scorecard-due-banner')).toBeNull());
    await waitFor(() => expect(document.title).toBe('Interview Desk'));
    // Nor does a window opened now show it.
    expect(await desk.scorecards.dueNow()).toEqual({ ok: true, value: [] });
  });

  // The walk's phone screen: the banner came before Meet attendance was read; Meet then says nobody joined.
  it('goes away when Meet attendance, read after the banner, says the recruiter did not join', async () => {
    const phoneScreen = makeInterview({
      startUtc: new Date(Date.now() - 4 * hour).toISOString(),
      durationMinutes: 30,
      candidate: { name: 'Grace Hopper', email: 'grace@example.com' },
      jobTitle: 'Runtime Engineer',
      meetLink: 'https://meet.google.com/abc-mnop-xyz',
    });
    createInterviewRepository(services.stores.database).put(phoneScreen);
    render(<App />);
    act(() => services.events.emit('scorecards:due', dueFor(phoneScreen)));
    const banner = await screen.findByTestId('scorecard-due-banner');
    expect(banner.textContent).toContain('The interview with Grace Hopper (Runtime Engineer) ended');
    await waitFor(() => expect(document.title).toBe('(1) Interview Desk'));

    // Meet read in full, no conference at all: nobody joined (outcome "neither").
    recordNobodyJoined(services.stores.database, phoneScreen.id);
    expect(services.attendance.view(phoneScreen.id).report?.outcome).toBe('neither');
    act(() => services.events.emit('attendance:changed', { ids: [phoneScreen.id] }));
    await waitFor(() => expect(screen.queryByTestId('scorecard-due-banner')).toBeNull());
    await waitFor(() => expect(document.title).toBe('Interview Desk'));
    // Nor does a window opened now show it.
    expect(await desk.scorecards.dueNow()).toEqual({ ok: true, value: [] });
  });

  // Several due at once stay one banner, so the screen's own actions stay in sight (the layout check).
  it('several due at once: one banner naming the one that ended last and counting the rest', async () => {
    const older = makeInterview({
      startUtc: new Date(Date.now() - 30 * hour).toISOString(),
      durationMinutes: 60,
      candidate: { name: 'Alan Turing', email: 'alan@example.com' },
      jobTitle: 'Cryptanalyst',
    });
    const newer = makeInterview({
      startUtc: new Date(Date.now() - 5 * hour).toISOString(),
      durationMinutes: 60,
      candidate: { name: 'Katherine Johnson', email: 'kj@example.com' },
      jobTitle: 'Navigator',
    });
    render(<App />);
    act(() => {
      services.events.emit('scorecards:due', dueFor(older));
      services.events.emit('scorecards:due', dueFor(newer));
    });
    await waitFor(() => expect(document.title).toBe('(2) Interview Desk'));
    const banners = screen.getAllByTestId('scorecard-due-banner');
    expect(banners).toHaveLength(1);
    expect(banners[0]!.textContent).toContain(
      '2 scorecards due: The interview with Katherine Johnson (Navigator) ended 4 h ago, and 1 more interview.',
    );
    expect(screen.getByRole('button', { name: 'Write scorecard for Katherine Johnson' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss 2 scorecards due' }));
    expect(screen.queryByTestId('scorecard-due-banner')).toBeNull();
  });
});
