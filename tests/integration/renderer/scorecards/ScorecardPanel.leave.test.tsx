import { afterEach, describe, expect, it } from 'vitest';
import { rendererOverServices } from '../../../support/renderer-over-services';
import { makeInterview } from '../../../support/interview-fixtures';

const hour = 3_600_000;
const ended = makeInterview({
  startUtc: new Date(Date.now() - 3 * hour).toISOString(),
  durationMinutes: 60,
  candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
  jobTitle: 'Compiler Engineer',
});

// The whole App over real services in this process: the room, its leave question and the debrief.
const { render, screen, fireEvent, waitFor, within, desk } = await rendererOverServices({
  seed: {
    interviews: [ended],
    settings: { firstRunDone: true, recruiterName: 'Rita Recruiter', recruiterEmail: 'rita@example.com' },
  },
});
const { App } = await import('../../../../renderer/app/App');

afterEach(() => {
  window.location.hash = '';
});

const takeaways = () => screen.getByLabelText<HTMLTextAreaElement>('Key takeaways');
const leaveQuestion = () => screen.queryByRole('alertdialog', { name: 'Leave without saving?' });
/** Whether the window asks before it closes or reloads (the browser's own question). */
const closingAsks = () => {
  const event = new Event('beforeunload', { cancelable: true });
  window.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('an edit to a submitted scorecard, not saved yet', () => {
  it('asks before the room is left; Keep editing keeps it, leaving drops it, Save changes needs no question', async () => {
    const submitted = await desk.scorecards.submit({
      interviewId: ended.id,
      answers: { ratings: {}, overall: 'yes', takeaways: 'Clear on trade-offs.' },
    });
    expect(submitted.ok).toBe(true);
    window.location.hash = `#/interview/${ended.id}`;
    render(<App />);
    await screen.findByRole('button', { name: 'Save changes' });
    expect(closingAsks()).toBe(false);

    fireEvent.change(takeaways(), { target: { value: 'Clear on trade-offs. Strong on parsers.' } });
    expect(screen.getByTestId('scorecard-status').textContent).toBe('Changes not saved yet: press Save changes.');
    expect(closingAsks()).toBe(true);

    // Open the debrief: the room stays, and the question says what would be lost.
    fireEvent.click(screen.getByRole('link', { name: 'Open the debrief' }));
    const ask = await screen.findByRole('alertdialog', { name: 'Leave without saving?' });
    expect(ask.textContent).toContain('Your changes to your submitted scorecard are not saved yet.');
    expect(screen.getByTestId('scorecard')).toBeTruthy();
    fireEvent.click(within(ask).getByRole('button', { name: 'Keep editing' }));
    await waitFor(() => expect(leaveQuestion()).toBeNull());
    expect(takeaways().value).toBe('Clear on trade-offs. Strong on parsers.');

    // Leaving all the same drops the edit: back in the room, the submitted words.
    fireEvent.click(screen.getByRole('link', { name: 'Open the debrief' }));
    fireEvent.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Leave without saving' }),
    );
    await waitFor(() => expect(screen.queryByTestId('scorecard')).toBeNull());
    expect(window.location.hash).toBe(`#/debrief/${ended.id}`);
    expect(closingAsks()).toBe(false);
    window.location.hash = `#/interview/${ended.id}`;
    await screen.findByRole('button', { name: 'Save changes' });
    expect(takeaways().value).toBe('Clear on trade-offs.');

    // Saved with Save changes: nothing left to ask about.
    fireEvent.change(takeaways(), { target: { value: 'Clear on trade-offs. Strong on parsers.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() =>
      expect(screen.getByTestId('scorecard-status').textContent).toMatch(/Edited after submitting, at /),
    );
    expect(closingAsks()).toBe(false);
    fireEvent.click(screen.getByRole('link', { name: 'Open the debrief' }));
    await waitFor(() => expect(window.location.hash).toBe(`#/debrief/${ended.id}`));
    expect(leaveQuestion()).toBeNull();
  });
});
