import { describe, expect, it } from 'vitest';
import { rendererOverServices } from '../../../support/renderer-over-services';
import { makeInterview } from '../../../support/interview-fixtures';
import { insertScorecard, makeScorecard } from '../../../support/debrief-seed';
import { createInterviewRepository } from '../../../../main/database/interview-repository';
import { formatInstantRange } from '../../../../preload/shared/rules/time-format';
import { plannedSpan } from '../../../../preload/shared/rules/interview-timing';

// Real services over a real database; the renderer reaches them as it reaches main.
const { render, screen, within, fireEvent, waitFor, services } = await rendererOverServices();
const { DebriefScreen } = await import('../../../../renderer/debrief/DebriefScreen');
const { statusWords } = await import('../../../../preload/shared/rules/artifact-words');
const { screenTimeStyle } = await import('../../../../renderer/common/format');

const rita = { kind: 'recruiter' as const, name: 'Rita Recruiter', email: 'rita@example.com' };
const pat = { kind: 'panelist' as const, name: 'Pat Panel', email: 'pat@example.com' };
const interview = makeInterview({
  startUtc: new Date(Date.now() - 3 * 3_600_000).toISOString(),
  durationMinutes: 45,
  jobTitle: 'Compiler Engineer',
  recruiter: { name: 'Rita Recruiter', email: 'rita@example.com' },
  coInterviewers: [
    { email: 'pat@example.com', name: 'Pat Panel' },
    { email: 'sam@example.com', name: 'Sam Silent' },
  ],
});
createInterviewRepository(services.stores.database).putMany([interview]);
insertScorecard(
  services.stores.database,
  makeScorecard(interview.id, pat, {
    answers: {
      overall: 'yes',
      takeaways: 'Strong on parsing.',
      ratings: { 'problem-solving': { rating: 'strong_yes', note: 'Found the bug fast.' } },
    },
  }),
);

describe('DebriefScreen', () => {
  it('while the recruiter’s own is missing, names who sent one and says how to see it', async () => {
    render(<DebriefScreen id={interview.id} scope="interview" />);
    const who = await screen.findByTestId('debrief-who');
    const row = (name: string) => within(who).getByRole('row', { name: new RegExp(name) });
    expect(row('Rita Recruiter').textContent).toContain('No scorecard yet');
    expect(row('Pat Panel').textContent).toContain('Submitted, hidden until you submit yours');
    // Never asked (no Google account, so no form): the room's words, not "no scorecard".
    expect(row('Sam Silent').textContent).toContain('Not asked yet (no Google account connected)');
    expect(screen.getByTestId('debrief-hidden').textContent).toContain("Submit yours to see the other interviewer's.");
    expect(document.body.textContent).not.toContain('Strong on parsing');
  });

  it('once it is submitted: each recommendation, the criteria × interviewer table and the takeaways', async () => {
    insertScorecard(
      services.stores.database,
      makeScorecard(interview.id, rita, {
        answers: { overall: 'strong_yes', ratings: { 'problem-solving': { rating: 'yes', note: '' } } },
      }),
    );
    render(<DebriefScreen id={interview.id} scope="interview" />);
    const who = await screen.findByTestId('debrief-who');
    expect(within(who).getByRole('row', { name: /Rita Recruiter/ }).textContent).toContain('Strong yes');
    expect(within(who).getByRole('row', { name: /Pat Panel/ }).textContent).toContain('through the panel form');
    const criteria = screen.getByTestId('debrief-criteria');
    expect(
      within(criteria)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Criterion', 'Rita Recruiter', 'Pat Panel']);
    const solving = within(criteria).getByRole('row', { name: /Problem solving/ });
    expect(
      within(solving)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['Yes', 'Strong yesFound the bug fast.']);
    expect(screen.getByRole('region', { name: 'Key takeaways' }).textContent).toContain('Strong on parsing.');
    expect(screen.queryByTestId('debrief-hidden')).toBeNull();
  });

  it('reads again when a form response arrives (the panel-forms event), showing the newcomer', async () => {
    render(<DebriefScreen id={interview.id} scope="interview" />);
    const who = await screen.findByTestId('debrief-who');
    expect(within(who).getByRole('row', { name: /Sam Silent/ }).textContent).toContain('Not asked yet');
    insertScorecard(
      services.stores.database,
      makeScorecard(
        interview.id,
        { kind: 'panelist', name: 'Sam Silent', email: 'sam@example.com' },
        { answers: { overall: 'no' } },
      ),
    );
    services.events.emit('panelForms:changed', { ids: [interview.id] });
    await waitFor(() =>
      expect(within(who).getByRole('row', { name: /Sam Silent/ }).textContent).toContain('through the panel form'),
    );
  });

  it('Save as PDF without the desktop shell says to print instead; Copy as text copies main’s text', async () => {
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      configurable: true,
      value: { writeText: async (text: string) => void (copied = text) },
    });
    render(<DebriefScreen id={interview.id} scope="interview" />);
    await screen.findByTestId('debrief-who');
    fireEvent.click(screen.getByRole('button', { name: 'Copy as text' }));
    await waitFor(() => expect(screen.getByTestId('debrief-said').textContent).toBe('Copied the debrief as text.'));
    expect(copied.split('\n')[0]).toBe('Debrief: Ada Lovelace <ada@example.com>');
    expect(copied).toContain('- Pat Panel: Yes (from the panel form)');
    fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' }));
    expect((await screen.findByRole('alert')).textContent).toContain('In the browser, use Print');
  });
  it('says what the room says of Meet, and writes the time in the interview’s zone, as the copied text does', async () => {
    const far = makeInterview({
      startUtc: '2026-12-06T05:40:00.000Z',
      durationMinutes: 45,
      timeZone: 'America/New_York',
      jobTitle: 'Compiler Engineer',
    });
    createInterviewRepository(services.stores.database).putMany([far]);
    const view = await window.desk!.artifacts.get(far.id);
    if (!view.ok) throw new Error(view.error.message);
    render(<DebriefScreen id={far.id} scope="interview" />);
    const status = await screen.findByTestId('debrief-meet-status');
    expect(status.textContent).toBe(statusWords(view.value, (iso) => iso));
    expect(status.textContent).not.toContain('No transcript, recording or notes');
    const range = formatInstantRange(far.startUtc, plannedSpan(far).end, far.timeZone, screenTimeStyle());
    expect(range).toMatch(/(EST|GMT-5)$/);
    expect(screen.getByText(`Compiler Engineer, ${range}`)).toBeTruthy();
  });
});
