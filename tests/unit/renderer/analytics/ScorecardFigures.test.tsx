// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ScorecardFigures } from '../../../../renderer/analytics/ScorecardFigures';

afterEach(() => cleanup());

const tally = { due: 10, withinDay: 9, submitted: 9, pending: 1, medianHours: 0.5 };

describe('ScorecardFigures', () => {
  it('says the share within 24 hours beside Greenhouse’s benchmark, and the same per interviewer', () => {
    render(
      <ScorecardFigures
        figures={{
          ...tally,
          perInterviewer: [
            {
              name: 'Pat Panel',
              email: 'pat@example.com',
              ...tally,
              due: 4,
              withinDay: 3,
              submitted: 3,
              pending: 1,
              medianHours: 26.4,
            },
          ],
        }}
      />,
    );
    expect(screen.getByTestId('scorecards-within-day').textContent).toBe('90 % (9 of 10)');
    expect(screen.getByTestId('scorecards-median').textContent).toBe('30 min');
    expect(screen.getByTestId('scorecards-benchmark').textContent).toContain('At or above Greenhouse’s benchmark');
    // Who owes one, in the words of the rule: Meet attendance can take the duty away.
    expect(screen.getByTestId('scorecards-benchmark').textContent).toContain(
      '(unless Google Meet says they did not join)',
    );
    const pat = within(screen.getByTestId('scorecards-per-interviewer')).getByRole('row', { name: /Pat Panel/ });
    expect(
      within(pat)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['75 % (3 of 4)', '3 of 5', '26.4 h']);
  });

  it('below the benchmark says so; with nothing owed, says that instead of a share', () => {
    const { rerender } = render(<ScorecardFigures figures={{ ...tally, withinDay: 8, perInterviewer: [] }} />);
    expect(screen.getByTestId('scorecards-benchmark').textContent).toContain('Below Greenhouse’s benchmark');
    rerender(
      <ScorecardFigures
        figures={{ due: 0, withinDay: 0, submitted: 0, pending: 0, medianHours: null, perInterviewer: [] }}
      />,
    );
    expect(screen.getByTestId('scorecards-within-day').textContent).toBe('—');
    expect(screen.getByTestId('scorecards-benchmark').textContent).toContain('No scorecard was owed');
    // Owed, but every one still inside its 24 hours: not "none owed".
    rerender(
      <ScorecardFigures
        figures={{ due: 0, withinDay: 0, submitted: 0, pending: 2, medianHours: null, perInterviewer: [] }}
      />,
    );
    expect(screen.getByTestId('scorecards-benchmark').textContent).toContain('still inside its 24 hours');
    expect(screen.getByTestId('scorecards-benchmark').textContent).not.toContain('No scorecard was owed');
  });
});
