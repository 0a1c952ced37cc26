import { afterAll, describe, expect, it } from 'vitest';
import { servicesFor } from '../../../support/test-services';
import { makeTempDir } from '../../../support/temp-dir';
import { inProcessDesk } from '../../../support/in-process-desk';
import { installPageGlobals } from '../../../support/page-globals';
import { makeInterview, seedStore } from '../../../support/interview-fixtures';

// Candidate mode: only saved invitations here, no account, the person has not said "I schedule interviews".
const removePage = await installPageGlobals();
const { render, screen, cleanup, act, waitFor } = await import('@testing-library/react');
const temp = makeTempDir();
const saved = makeInterview({
  startUtc: new Date(Date.now() + 24 * 3_600_000).toISOString(),
  origin: 'candidate',
  candidate: { name: 'Ada Lovelace', email: 'ada@example.com' },
});
seedStore(temp.dir, { interviews: [saved], settings: { fullApp: false } });
const services = servicesFor(temp.dir);
window.desk = inProcessDesk(services);
const { App } = await import('../../../../renderer/app/App');

afterAll(async () => {
  cleanup();
  await services.dispose();
  services.stores.database.close();
  temp.cleanup();
  await removePage();
});

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
