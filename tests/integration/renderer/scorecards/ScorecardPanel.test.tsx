import { describe, expect, it } from 'vitest';
import { rendererOverServices } from '../../../support/renderer-over-services';
import { makeInterview } from '../../../support/interview-fixtures';
import { createInterviewRepository } from '../../../../main/database/interview-repository';
import { recordNobodyJoined } from '../../../support/attendance-seed';

// Real services over a real database; the renderer reaches them as it reaches main.
const { render, screen, act, waitFor, services } = await rendererOverServices();
const { ScorecardPanel } = await import('../../../../renderer/scorecards/ScorecardPanel');

const phoneScreen = makeInterview({
  startUtc: new Date(Date.now() - 3 * 3_600_000).toISOString(),
  durationMinutes: 30,
  jobTitle: 'Compiler Engineer',
  meetLink: 'https://meet.google.com/abc-mnop-xyz',
});
createInterviewRepository(services.stores.database).put(phoneScreen);
const line = 'Meet says you did not join this interview, so no scorecard is asked for.';

describe('the room’s scorecard when Meet says the recruiter did not join', () => {
  it('says quietly why none is asked for, and still lets one be written', async () => {
    render(<ScorecardPanel interview={phoneScreen} now={Date.now()} />);
    await screen.findByRole('button', { name: 'Submit scorecard' });
    // Attendance not read yet: asked as usual, nothing said.
    expect(screen.queryByText(line)).toBeNull();

    // Meet read in full, no conference at all: nobody joined.
    recordNobodyJoined(services.stores.database, phoneScreen.id);
    act(() => services.events.emit('attendance:changed', { ids: [phoneScreen.id] }));
    const said = await screen.findByText(line);
    expect(said.closest('[role="alert"]')).toBeNull();
    expect(screen.getByRole('button', { name: 'Submit scorecard' })).toBeTruthy();

    // Written all the same: once submitted, there is nothing left to explain.
    const submitted = await window.desk!.scorecards.submit({
      interviewId: phoneScreen.id,
      answers: { ratings: {}, overall: 'no', takeaways: '' },
    });
    expect(submitted.ok).toBe(true);
    await waitFor(() => expect(screen.queryByText(line)).toBeNull());
  });
});
