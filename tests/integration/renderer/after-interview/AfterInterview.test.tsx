import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import type { Interview } from '../../../../preload/shared/contract/interview-schema';
import { rendererOverServices } from '../../../support/renderer-over-services';
import { panelInterview } from '../../../support/panel-interview';
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
// Bob's form made and his request sent five minutes ago, through the repository main writes with.
const forms = createPanelFormsRepository(services.stores.database);
forms.saveForm({
  interviewId: ended.id,
  formId: 'f1',
  responderUri: 'https://docs.google.com/forms/d/e/f1/viewform',
  state: 'ready',
  nextReadMs: Date.now() + 60 * minute,
  readAttempts: 0,
  updatedMs: Date.now(),
});
forms.syncRecipients(ended.id, [{ email: 'bob@example.com', name: 'Bob Panel' }]);
forms.updateRecipient(ended.id, 'bob@example.com', { askedMs: Date.now() - 5 * minute, reminders: 0 });
const { AfterInterview } = await import('../../../../renderer/after-interview/AfterInterview');
const settings = await desk.settings.get();

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
      <AfterInterview interview={interview} settings={settings.ok ? settings.value : never()} now={Date.now()} />
    </>
  );
}
const never = (): never => {
  throw new Error('settings did not load');
};

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
    expect(cancelled.ok && cancelled.value.status).toBe('cancelled');
    render(
      <AfterInterview
        interview={cancelled.ok ? cancelled.value : never()}
        settings={settings.ok ? settings.value : never()}
        now={Date.now()}
      />,
    );
    await screen.findByRole('link', { name: 'Open the debrief' });
    expect(screen.queryByTestId('scorecard')).toBeNull();
    expect(screen.queryByTestId('panel-forms')).toBeNull();
  });
});
