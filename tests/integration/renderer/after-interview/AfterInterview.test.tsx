import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Interview } from '../../../../preload/shared/contract/interview-schema';
import { rendererOverServices } from '../../../support/renderer-over-services';
import { panelInterview } from '../../../support/panel-interview';
import { createInterviewRepository } from '../../../../main/database/interview-repository';
import { createPanelFormsRepository } from '../../../../main/panel-forms/panel-forms-repository';

const minute = 60_000;
// Ended 20 minutes ago (45 minutes long), with Bob alone on the panel.
const ended = panelInterview(Date.now() - 65 * minute, {
  candidate: { name: 'Grace Hopper', email: 'grace@example.com' },
  coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }],
});

// The room's after-interview sections over real services (real SQLite, the real cancel) in this process.
const { render, screen, fireEvent, waitFor, act, desk, services } = await rendererOverServices({
  seed: {
    interviews: [ended],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'recruiter@example.com' },
  },
});
/** Bob's form made and his request sent five minutes ago, through the repository main writes with. */
function seedAsked(interviewId: string) {
  const forms = createPanelFormsRepository(services.stores.database);
  forms.saveForm({
    interviewId,
    formId: `form-${interviewId}`,
    responderUri: 'https://docs.google.com/forms/d/e/f1/viewform',
    state: 'ready',
    nextReadMs: Date.now() + 60 * minute,
    readAttempts: 0,
    updatedMs: Date.now(),
  });
  forms.syncRecipients(interviewId, [{ email: 'bob@example.com', name: 'Bob Panel' }]);
  forms.updateRecipient(interviewId, 'bob@example.com', { askedMs: Date.now() - 5 * minute, reminders: 0 });
}
seedAsked(ended.id);
const { AfterInterview } = await import('../../../../renderer/after-interview/AfterInterview');
const settings = await desk.settings.get();
if (!settings.ok) throw new Error(settings.error.message);
const settingsValue = settings.value;

/** The room's part that matters here: the interview it shows, replaced by what Cancel answers (as the room does). */
function Room() {
  const [interview, setInterview] = useState<Interview>(ended);
  const cancel = async () => {
    const result = await desk.interviews.cancel(interview.id);
    if (result.ok) setInterview(result.value);
  };
  return (
    <>
      <button type="button" onClick={() => void cancel()}>
        Cancel interview
      </button>
      <AfterInterview interview={interview} settings={settingsValue} now={Date.now()} />
    </>
  );
}

describe('the room after an ended interview is cancelled', () => {
  it('drops Your scorecard and Panel scorecards at once, as a reload shows it', async () => {
    const { unmount } = render(<Room />);
    await screen.findByRole('button', { name: 'Submit scorecard' });
    const panel = await screen.findByTestId('panel-forms');
    expect(panel.textContent).toMatch(/Asked .*Next reminder/);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel interview' }));
    await waitFor(() => expect(screen.queryByTestId('scorecard')).toBeNull());
    await waitFor(() => expect(screen.queryByTestId('panel-forms')).toBeNull());
    expect(screen.queryByRole('button', { name: 'Submit scorecard' })).toBeNull();
    expect(screen.queryByText(/Next reminder/)).toBeNull();

    // Opened again (a reload): the same screen.
    unmount();
    const cancelled = await desk.interviews.get(ended.id);
    if (!cancelled.ok) throw new Error(cancelled.error.message);
    expect(cancelled.value.status).toBe('cancelled');
    render(<AfterInterview interview={cancelled.value} settings={settingsValue} now={Date.now()} />);
    await screen.findByRole('link', { name: 'Open the debrief' });
    expect(screen.queryByTestId('scorecard')).toBeNull();
    expect(screen.queryByTestId('panel-forms')).toBeNull();
  });
});

describe('the room after an ended interview is moved to tomorrow', () => {
  it('shows the panel scorecards as a reload shows them, at once', async () => {
    const moved = panelInterview(Date.now() - 65 * minute, {
      candidate: { name: 'Alan Turing', email: 'alan@example.com' },
      coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }],
    });
    createInterviewRepository(services.stores.database).put(moved);
    seedAsked(moved.id);
    const [date, time] = new Date(Date.now() + 24 * 60 * minute).toISOString().split('T') as [string, string];
    const { rerender, unmount } = render(
      <AfterInterview interview={moved} settings={settingsValue} now={Date.now()} />,
    );
    await screen.findByText(/Next reminder/);
    const result = await desk.interviews.reschedule({
      id: moved.id,
      date,
      time: time.slice(0, 5),
      timeZone: 'UTC',
      durationMinutes: 45,
      acceptConflicts: true,
    });
    if (!result.ok) throw new Error(result.error.message);
    rerender(<AfterInterview interview={result.value} settings={settingsValue} now={Date.now()} />);
    await waitFor(() => expect(screen.queryByText(/Next reminder/)).toBeNull());
    const shown = screen.getByTestId('panel-forms').textContent;

    // Opened again (a reload): the same words.
    unmount();
    render(<AfterInterview interview={result.value} settings={settingsValue} now={Date.now()} />);
    await waitFor(() => expect(screen.getByTestId('panel-forms').textContent).toBe(shown));
  });
});

/** An ended interview of its own, in the database, with Bob alone on the panel. */
function endedInterview(name: string, email: string): Interview {
  const interview = panelInterview(Date.now() - 65 * minute, {
    candidate: { name, email },
    coInterviewers: [{ email: 'bob@example.com', name: 'Bob Panel' }],
  });
  createInterviewRepository(services.stores.database).put(interview);
  return interview;
}
/** The same, with the recruiter's scorecard submitted. */
async function endedWithSubmitted(name: string, email: string): Promise<Interview> {
  const interview = endedInterview(name, email);
  const submitted = await desk.scorecards.submit({
    interviewId: interview.id,
    answers: { ratings: {}, overall: 'yes', takeaways: 'Clear on trade-offs.' },
  });
  if (!submitted.ok) throw new Error(submitted.error.message);
  return interview;
}
const takeaways = () => screen.getByLabelText<HTMLTextAreaElement>('Key takeaways');
const status = () => screen.getByTestId('scorecard-status').textContent;
const typed = 'Clear on trade-offs. Strong on parsers.';
/** Whether the window asks before it closes or reloads (the browser's own question). */
const closingAsks = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};
/**
 * Opens the sections on `interview` and types new takeaways once `button` shows; `show` then hands
 * them a later copy of the interview, as the room does.
 */
async function typeInRoom(interview: Interview, button: string) {
  const { rerender, unmount } = render(
    <AfterInterview interview={interview} settings={settingsValue} now={Date.now()} />,
  );
  await screen.findByRole('button', { name: button });
  fireEvent.change(takeaways(), { target: { value: typed } });
  const show = (next: Interview) =>
    rerender(<AfterInterview interview={next} settings={settingsValue} now={Date.now()} />);
  return { show, unmount };
}
/** Cancels through main, as the room's "Cancel interview" does; answers main's copy. */
async function cancelNow(id: string): Promise<Interview> {
  const cancelled = await desk.interviews.cancel(id);
  if (!cancelled.ok) throw new Error(cancelled.error.message);
  return cancelled.value;
}
/** Lets the room's loads answer (a reload over real services takes a few milliseconds). */
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 100)));

describe('an unsaved edit to a submitted scorecard when the interview changes under it', () => {
  it('keeps the typed words when Calendar moves the ended event, and Save changes records them', async () => {
    const interview = await endedWithSubmitted('Edsger Dijkstra', 'edsger@example.com');
    const { show } = await typeInRoom(interview, 'Save changes');

    // A Calendar read takes in a new duration, then a move within the past: main's copy, then the room's.
    const longer = services.commands.update(interview.id, (i) => ({ ...i, durationMinutes: 60 }));
    show(longer);
    const earlier = services.commands.update(interview.id, (i) => ({
      ...i,
      startUtc: new Date(Date.parse(interview.startUtc) - 30 * minute).toISOString(),
    }));
    show(earlier);
    await settle();
    expect(takeaways().value).toBe(typed);
    expect(status()).toBe('Changes not saved yet: press Save changes.');

    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(status()).toMatch(/Edited after submitting, at /));
    const stored = await desk.scorecards.get(interview.id);
    expect(stored.ok && stored.value.own?.answers.takeaways).toBe(typed);
  });

  it('keeps the typed words when the ended event moves ahead; with nothing unsaved the section goes', async () => {
    const interview = await endedWithSubmitted('Donald Knuth', 'donald@example.com');
    const { show, unmount } = await typeInRoom(interview, 'Save changes');

    const ahead = new Date(Date.now() + 24 * 60 * minute).toISOString();
    const tomorrow = services.commands.update(interview.id, (i) => ({ ...i, startUtc: ahead }));
    show(tomorrow);
    await settle();
    expect(takeaways().value).toBe(typed);
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('The scorecard opens once the interview has started');
    expect(takeaways().value).toBe(typed);

    // Nothing typed: the room shows what a reload shows, no scorecard before the start.
    unmount();
    const untouched = await endedWithSubmitted('Niklaus Wirth', 'niklaus@example.com');
    const second = render(<AfterInterview interview={untouched} settings={settingsValue} now={Date.now()} />);
    await screen.findByRole('button', { name: 'Save changes' });
    const untouchedAhead = services.commands.update(untouched.id, (i) => ({ ...i, startUtc: ahead }));
    second.rerender(<AfterInterview interview={untouchedAhead} settings={settingsValue} now={Date.now()} />);
    await waitFor(() => expect(screen.queryByTestId('scorecard')).toBeNull());
  });

  it('keeps the section and the words after a cancel, and says in main’s words why they cannot be saved', async () => {
    const interview = await endedWithSubmitted('Barbara Liskov', 'barbara@example.com');
    const { show } = await typeInRoom(interview, 'Save changes');
    show(await cancelNow(interview.id));
    // Panel scorecards go, as a reload shows it; the typed words stay.
    await waitFor(() => expect(screen.queryByTestId('panel-forms')).toBeNull());
    expect(takeaways().value).toBe(typed);
    expect(status()).toBe('Changes not saved yet: press Save changes.');

    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await screen.findByText('This interview was cancelled: there is no scorecard to write');
    expect(status()).toBe('Not saved: see the message below. What you typed is still here.');
    expect(takeaways().value).toBe(typed);
    expect(closingAsks()).toBe(true);
    const stored = await desk.scorecards.get(interview.id);
    expect(stored.ok && stored.value.own?.answers.takeaways).toBe('Clear on trade-offs.');
  });

  it('keeps a draft typed just before a cancel, with main’s words for the refused autosave', async () => {
    const interview = endedInterview('Frances Allen', 'frances@example.com');
    const { show } = await typeInRoom(interview, 'Submit scorecard');
    show(await cancelNow(interview.id));
    await screen.findByText('This interview was cancelled: there is no scorecard to write');
    expect(status()).toBe('Not saved: see the message below. What you typed is still here.');
    expect(takeaways().value).toBe(typed);
    // No autosave can keep it now: closing the window asks first.
    expect(closingAsks()).toBe(true);
  });
});
