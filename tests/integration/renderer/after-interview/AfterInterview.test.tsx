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
const { render, screen, fireEvent, waitFor, desk, services } = await rendererOverServices({
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
