import { describe, expect, it } from 'vitest';
import { rendererOverServices } from '../../../support/renderer-over-services';
import { makeInterview } from '../../../support/interview-fixtures';

const saved = makeInterview({
  startUtc: new Date(Date.now() + 24 * 3_600_000).toISOString(),
  origin: 'candidate',
  candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
});
// Candidate mode: only saved invitations here, no account, the person has not said "I schedule interviews".
const { render, screen, act, waitFor, services } = await rendererOverServices({
  seed: { interviews: [saved], settings: { fullApp: false } },
});
const { App } = await import('../../../../renderer/app/App');

describe('"Scorecard due" in candidate mode', () => {
  it('never shows: no banner, no count in the title, even if the event came', async () => {
    render(<App />);
    await screen.findAllByRole('button', { name: 'I schedule interviews' });
    act(() =>
      services.events.emit('scorecards:due', {
        interviewId: saved.id,
        candidateName: 'Ada Lovelace',
        jobTitle: saved.jobTitle,
        endUtc: new Date(Date.now() - 3_600_000).toISOString(),
      }),
    );
    // A notice that does show renders at once (the recruiter's test); give it the same chance here.
    await new Promise((r) => setTimeout(r, 200));
    expect(screen.queryByTestId('scorecard-due-banner')).toBeNull();
    expect(document.body.textContent).not.toContain('Scorecard due');
    await waitFor(() => expect(document.title).toBe('Interview Desk'));
  });
});
